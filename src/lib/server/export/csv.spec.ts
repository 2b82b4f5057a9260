import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvCell, csvFile, toCsv } from './csv';

describe('the CSV writer (French spreadsheets)', () => {
	it('writes a BOM, semicolons and CRLF, and parses back as French Excel reads it', () => {
		const text = toCsv(
			['nom', 'commune', 'lat'],
			[
				['Café; « Le Zinc »', 'Clermont-Ferrand', 45.7797],
				['Atelier "Fils"\nsecond line', null, -3.5]
			]
		);
		expect(text.startsWith('\ufeff')).toBe(true);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.split('\r\n')[0]).toBe('\ufeffnom;commune;lat');
		const rows: Record<string, string>[] = parse(text, { bom: true, delimiter: ';', columns: true });
		expect(rows).toEqual([
			{ nom: 'Café; « Le Zinc »', commune: 'Clermont-Ferrand', lat: '45,7797' },
			{ nom: 'Atelier "Fils"\nsecond line', commune: '', lat: '-3,5' }
		]);
	});

	it('never lets a cell run as a formula, but leaves numbers alone', () => {
		for (const danger of ['=1+1', '+33 4 73', '-2', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(danger).replace(/^"/, '').startsWith("'"), danger).toBe(true);
		expect(csvCell(-2)).toBe('-2');
		expect(csvCell(12)).toBe('12');
		expect(csvCell(Number.NaN)).toBe('');
		expect(csvCell(undefined)).toBe('');
	});

	it('gives apiFile a CSV body, type and name', () => {
		expect(csvFile(['a'], [[1]], 'x.csv')).toEqual({ body: '\ufeffa\r\n1\r\n', contentType: 'text/csv; charset=utf-8', filename: 'x.csv' });
	});
});
