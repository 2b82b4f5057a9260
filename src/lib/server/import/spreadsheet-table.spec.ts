import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { UnreadableFileError } from '../services/errors';
import { cellText, parseSpreadsheetTable, spreadsheetFormat } from './spreadsheet-table';

function book(sheets: Record<string, unknown[][]>, edit?: (sheets: Record<string, XLSX.WorkSheet>) => void) {
	const wb = XLSX.utils.book_new();
	const made: Record<string, XLSX.WorkSheet> = {};
	for (const [name, rows] of Object.entries(sheets)) {
		made[name] = XLSX.utils.aoa_to_sheet(rows, { cellDates: true });
		XLSX.utils.book_append_sheet(wb, made[name], name);
	}
	edit?.(made);
	return (type: 'xlsx' | 'ods') => new Uint8Array(XLSX.write(wb, { type: 'array', bookType: type }) as ArrayBuffer);
}

describe('parseSpreadsheetTable', () => {
	const write = book(
		{
			Lieux: [['Recensement 2026'], [], ['Nom', 'Code postal', 'Nom'], ['Atelier Clémentel', 63000, 'x'], [], ['Cowork', 3000, 'y']],
			Vide: []
		},
		(s) => (s.Lieux!['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }])
	);

	it.each(['xlsx', 'ods'] as const)('%s: header under the title, spreadsheet row numbers, repeated headers renamed on their row', (type) => {
		const bytes = write(type);
		expect(spreadsheetFormat(bytes)).toBe(type);
		const t = parseSpreadsheetTable(bytes);
		expect(t).toMatchObject({ format: type, sheet: 'Lieux', headerRow: 3, headers: ['Nom', 'Code postal', 'Nom (colonne 3)'] });
		expect(t.sheets).toEqual([
			{ name: 'Lieux', rows: 4 },
			{ name: 'Vide', rows: 0 }
		]);
		expect(t.rows).toEqual([
			{ row: 4, cells: { Nom: 'Atelier Clémentel', 'Code postal': '63000', 'Nom (colonne 3)': 'x' } },
			{ row: 6, cells: { Nom: 'Cowork', 'Code postal': '3000', 'Nom (colonne 3)': 'y' } }
		]);
		expect(t.problems[0]!.message).toMatch(/^ligne 3 : la colonne « Nom » apparaît plusieurs fois/);
	});

	it('skips a title and its date above the header, and reads a one-column sheet', () => {
		const bytes = book({
			A: [
				['Recensement', 'mars 2026'],
				['Nom', 'Commune', 'Code postal', 'Site web'],
				['Cowork', 'Vichy', '03200', '']
			],
			B: [['Nom'], ['Seul']]
		});
		expect(parseSpreadsheetTable(bytes('xlsx'))).toMatchObject({ headerRow: 2, headers: ['Nom', 'Commune', 'Code postal', 'Site web'] });
		expect(parseSpreadsheetTable(bytes('xlsx'), 'B')).toMatchObject({ headerRow: 1, headers: ['Nom'], rows: [{ row: 2, cells: { Nom: 'Seul' } }] });
	});

	it('names every column under a header cell merged across several', () => {
		const bytes = book(
			{
				A: [
					['Nom', 'Coordonnées', '', 'Commune'],
					['Cowork', '46,12', '3,42', 'Vichy']
				]
			},
			(s) => (s.A!['!merges'] = [{ s: { r: 0, c: 1 }, e: { r: 0, c: 2 } }])
		);
		for (const type of ['xlsx', 'ods'] as const) {
			expect(parseSpreadsheetTable(bytes(type)).headers).toEqual(['Nom', 'Coordonnées', 'Coordonnées (2)', 'Commune']);
		}
	});

	it('reads the chosen sheet, and says so when a sheet is empty or missing', () => {
		const empty = parseSpreadsheetTable(write('xlsx'), 'Vide');
		expect(empty.rows).toEqual([]);
		expect(empty.problems[0]!.message).toBe('la feuille « Vide » est vide');
		const missing = parseSpreadsheetTable(write('xlsx'), 'Autre');
		expect(missing.sheet).toBe('Lieux');
		expect(missing.problems[0]!.message).toMatch(/aucune feuille « Autre »/);
	});

	it('refuses a truncated workbook with a French reason', () => {
		const bytes = write('xlsx');
		expect(() => parseSpreadsheetTable(bytes.subarray(0, bytes.length / 2))).toThrow(UnreadableFileError);
		expect(() => parseSpreadsheetTable(bytes.subarray(0, bytes.length / 2))).toThrow(/classeur Excel illisible, peut-être tronqué ou abîmé/);
	});

	it('is not fooled by a text file', () => {
		expect(spreadsheetFormat(new TextEncoder().encode('nom;commune'))).toBeNull();
	});
});

describe('cellText', () => {
	it('shows what the owner typed, with every digit', () => {
		expect(cellText({ t: 'n', v: 3000, z: '00000' })).toBe('03000');
		expect(cellText({ t: 'n', v: 44306184100015 })).toBe('44306184100015');
		expect(cellText({ t: 'n', v: 45.7797, z: '0.00' })).toBe('45.7797');
		expect(cellText({ t: 'd', v: new Date(Date.UTC(2026, 2, 1)) })).toBe('2026-03-01');
		expect(cellText({ t: 'd', v: new Date(Date.UTC(2026, 2, 1, 9, 30)) })).toBe('2026-03-01 09:30');
		expect(cellText({ t: 'b', v: true })).toBe('oui');
		expect(cellText({ t: 's', v: '  Vichy ' })).toBe('Vichy');
		expect(cellText({ t: 'e', v: 42, w: '#N/A' })).toBe('');
		expect(cellText(undefined)).toBe('');
	});
});
