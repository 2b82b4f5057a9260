import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvTable } from './csv-table';
import { decodeText, encodeWindows1252 } from './decode';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
	it('reads UTF-8 without a BOM', () => {
		expect(decodeText(utf8('nom;ville\nCafé;Vichy'))).toEqual({
			text: 'nom;ville\nCafé;Vichy',
			encoding: 'utf-8',
			bom: false
		});
	});
	it('strips the UTF-8 BOM Excel adds', () => {
		const result = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Catégorie;x')]));
		expect(result).toEqual({ text: 'Catégorie;x', encoding: 'utf-8', bom: true });
	});
	it('falls back to Windows-1252 for an Excel « CSV (séparateur: point-virgule) » file', () => {
		// « Créé;€ » in Windows-1252: é = 0xE9, € = 0x80.
		const result = decodeText(bytes(0x43, 0x72, 0xe9, 0xe9, 0x3b, 0x80));
		expect(result).toEqual({ text: 'Créé;€', encoding: 'windows-1252', bom: false });
	});
	it('maps the Windows-1252 typographic characters, not Latin-1 control codes', () => {
		// l’œuvre « x » : ’ = 0x92, œ = 0x9C, « = 0xAB, » = 0xBB.
		const result = decodeText(bytes(0x6c, 0x92, 0x9c, 0x75, 0xab, 0x78, 0xbb));
		expect(result.text).toBe('l’œu«x»');
	});
	it('keeps CR and LF untouched for the CSV parser', () => {
		expect(decodeText(utf8('a;b\r\n1;2\r3')).text).toBe('a;b\r\n1;2\r3');
	});
	it('reads an empty file', () => {
		expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', bom: false });
	});
	it('never throws on random bytes, and the CSV reader copes with the result', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), (input) => {
				const { text } = decodeText(input);
				const table = parseCsvTable(text);
				for (const problem of table.problems) {
					expect(Number.isInteger(problem.row) && problem.row >= 1).toBe(true);
					expect(problem.message.length).toBeGreaterThan(0);
				}
			}),
			{ numRuns: 300 }
		);
	});
	it('round-trips any text encoded as UTF-8', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
				// A leading BOM in the text itself is indistinguishable from a file BOM.
				fc.pre(!text.startsWith('\uFEFF'));
				expect(decodeText(utf8(text))).toEqual({ text, encoding: 'utf-8', bom: false });
			}),
			{ numRuns: 300 }
		);
	});
});

describe('encodeWindows1252', () => {
	it('writes what decodeText reads back, for every character the encoding holds, and refuses the others', () => {
		const all = [...Array(256).keys()].filter((b) => b >= 0x20 && ![0x7f, 0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b));
		const text = 'é' + decodeText(Uint8Array.from(all)).text;
		const bytes = encodeWindows1252(text);
		expect(decodeText(bytes)).toEqual({ text, encoding: 'windows-1252', bom: false });
		expect(() => encodeWindows1252('ŝ')).toThrow(/Windows-1252/);
	});
});
