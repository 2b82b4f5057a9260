import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsvTable, type CsvDelimiter, type CsvTable } from './csv-table';

const cellsOf = (table: CsvTable) => table.rows.map((r) => [r.row, r.cells] as const);

describe('parseCsvTable', () => {
	it('reads a semicolon file keyed by trimmed headers', () => {
		const table = parseCsvTable(' Nom ;Ville\nLe Connecteur ; Vichy \nAtelier;Moulins\n');
		expect(table.delimiter).toBe(';');
		expect(table.headers).toEqual(['Nom', 'Ville']);
		expect(cellsOf(table)).toEqual([
			[2, { Nom: 'Le Connecteur', Ville: 'Vichy' }],
			[3, { Nom: 'Atelier', Ville: 'Moulins' }]
		]);
		expect(table.problems).toEqual([]);
	});
	it('reads a comma file with decimal commas inside quoted cells', () => {
		const table = parseCsvTable('nom,lat,lon\n"Fablab","45,7797","3,0863"\n');
		expect(table.delimiter).toBe(',');
		expect(table.rows[0]?.cells).toEqual({ nom: 'Fablab', lat: '45,7797', lon: '3,0863' });
	});
	it('reads a tab file', () => {
		const table = parseCsvTable('a\tb\n1\t2\n');
		expect(table.delimiter).toBe('\t');
		expect(table.rows[0]?.cells).toEqual({ a: '1', b: '2' });
	});
	it('uses the delimiter it is given', () => {
		const table = parseCsvTable('a;b,c\n1;2,3\n', { delimiter: ',' });
		expect(table.headers).toEqual(['a;b', 'c']);
	});
	it('counts a quoted multi-line cell as one spreadsheet row', () => {
		const text = 'nom;description\nA;"ligne un\nligne deux\nligne trois"\nB;court\nC;fin\n';
		const table = parseCsvTable(text);
		expect(cellsOf(table)).toEqual([
			[2, { nom: 'A', description: 'ligne un\nligne deux\nligne trois' }],
			[3, { nom: 'B', description: 'court' }],
			[4, { nom: 'C', description: 'fin' }]
		]);
	});
	it('drops an empty line without shifting the rows after it', () => {
		const table = parseCsvTable('nom;ville\nA;Vichy\n\nB;Riom\n;\nC;Thiers');
		expect(table.rows.map((r) => [r.row, r.cells.nom])).toEqual([
			[2, 'A'],
			[4, 'B'],
			[6, 'C']
		]);
		expect(table.problems).toEqual([]);
	});
	it('handles CRLF line endings, with LF inside cells as Excel writes them', () => {
		const table = parseCsvTable('nom;note\r\nA;"un\ndeux"\r\nB;trois\r\n');
		expect(cellsOf(table)).toEqual([
			[2, { nom: 'A', note: 'un\ndeux' }],
			[3, { nom: 'B', note: 'trois' }]
		]);
	});
	it('strips a BOM left in the text', () => {
		expect(parseCsvTable('\uFEFFnom;x\nA;1').headers).toEqual(['nom', 'x']);
	});
	it('fills missing cells with empty text', () => {
		expect(parseCsvTable('a;b;c\n1\n').rows[0]?.cells).toEqual({ a: '1', b: '', c: '' });
	});
	it('keeps a row with too many cells and says so', () => {
		const table = parseCsvTable('a;b\n1;2\n3;4;5;6\n');
		expect(table.rows[1]).toEqual({ row: 3, cells: { a: '3', b: '4' } });
		expect(table.problems).toEqual([{ row: 3, message: 'ligne 3 : 4 cellules pour 2 colonnes (les cellules en trop sont ignorées)' }]);
	});
	it('accepts the trailing empty cells Excel pads rows with', () => {
		expect(parseCsvTable('a;b\n1;2;;\n').problems).toEqual([]);
	});
	it('names empty and repeated headers after their column', () => {
		const table = parseCsvTable('Nom;;Nom\n1;2;3\n');
		expect(table.headers).toEqual(['Nom', 'colonne 2', 'Nom (colonne 3)']);
		expect(table.rows[0]?.cells).toEqual({ Nom: '1', 'colonne 2': '2', 'Nom (colonne 3)': '3' });
		expect(table.problems).toHaveLength(1);
		expect(table.problems[0]).toMatchObject({ row: 1, column: 'Nom' });
	});
	it('keeps the rows before a quote that is never closed', () => {
		const lines = ['nom;ville', ...Array.from({ length: 10 }, (_, i) => `N${i};V`), '"Oups;Vichy', 'A;B'];
		const table = parseCsvTable(lines.join('\n'));
		expect(table.rows).toHaveLength(10);
		expect(table.rows.at(-1)?.row).toBe(11);
		expect(table.problems).toEqual([{ row: 12, message: 'guillemet ouvert jamais refermé (à partir de la ligne 12)' }]);
	});
	it('reports an unreadable header and a quote followed by text', () => {
		expect(parseCsvTable('"nom;ville\nA;B').problems).toEqual([{ row: 1, message: 'guillemet ouvert jamais refermé (à partir de la ligne 1)' }]);
		const table = parseCsvTable('nom;ville\nA;B\n"C" x;D\nE;F\n');
		expect(table.rows.map((r) => r.row)).toEqual([2]);
		expect(table.problems).toEqual([{ row: 3, message: 'format CSV illisible à partir de la ligne 3, les lignes suivantes sont ignorées' }]);
	});
	it('treats a stray quote inside an unquoted cell as text', () => {
		expect(parseCsvTable('nom;taille\nÉcran;24" large\n').rows[0]?.cells.taille).toBe('24" large');
	});
	it('reports an empty file and a file with only a header', () => {
		expect(parseCsvTable('').problems).toEqual([{ row: 1, message: 'fichier vide' }]);
		expect(parseCsvTable(' \n\r\n').problems).toEqual([{ row: 1, message: 'fichier vide' }]);
		expect(parseCsvTable('nom;ville\n').problems).toEqual([{ row: 1, message: 'aucune ligne de données' }]);
		expect(parseCsvTable('nom;ville\n\n;\n').problems).toEqual([{ row: 1, message: 'aucune ligne de données' }]);
	});
	it('refuses an empty header line', () => {
		const table = parseCsvTable('\nnom;ville\nA;B\n');
		expect(table.rows).toEqual([]);
		expect(table.problems[0]?.row).toBe(1);
	});
});

describe('detectDelimiter', () => {
	it('picks the most frequent delimiter outside quotes in the header line', () => {
		expect(detectDelimiter('"a;b;c",d,e\n1;2;3;4;5')).toBe(',');
		expect(detectDelimiter('a\tb\tc,d')).toBe('\t');
		expect(detectDelimiter('nom')).toBe(';');
	});
	it('prefers the semicolon on a tie', () => {
		expect(detectDelimiter('a;b,c')).toBe(';');
	});
});

// Properties ------------------------------------------------------------------------------------

const DELIMITERS: CsvDelimiter[] = [';', ',', '\t'];
const cellText = fc
	.array(fc.constantFrom('a', 'é', 'Z', '1', ' ', ';', ',', '\t', '"', '\n', '\r\n', '\r', '€'), {
		maxLength: 8
	})
	.map((parts) => parts.join(''));

function writeCell(cell: string, forceQuotes: boolean): string {
	const plain = !/[;,\t"\r\n]/.test(cell) && cell === cell.trim() && cell !== '';
	return plain && !forceQuotes ? cell : `"${cell.replace(/"/g, '""')}"`;
}

const generatedTable = fc
	.record({
		headers: fc.uniqueArray(
			cellText.map((s) => s.trim()).filter((s) => s !== ''),
			{ minLength: 1, maxLength: 5 }
		),
		delimiter: fc.constantFrom(...DELIMITERS),
		lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
		forceQuotes: fc.boolean(),
		rowSeeds: fc.array(fc.array(cellText, { minLength: 5, maxLength: 5 }), { maxLength: 8 })
	})
	.map(({ headers, rowSeeds, ...rest }) => ({
		...rest,
		headers,
		rows: rowSeeds.map((seed) => seed.slice(0, headers.length))
	}));

describe('parseCsvTable properties', () => {
	it('reads back exactly the cells and row numbers of a table it is given', () => {
		fc.assert(
			fc.property(generatedTable, fc.boolean(), (table, autodetect) => {
				const write = (cells: string[]) => cells.map((c) => writeCell(c, table.forceQuotes)).join(table.delimiter);
				const text = [table.headers, ...table.rows].map(write).join(table.lineEnd);
				const parsed = parseCsvTable(text, autodetect ? {} : { delimiter: table.delimiter });

				expect(parsed.headers).toEqual(table.headers);
				const expected = table.rows
					.map((cells, i) => ({
						row: i + 2,
						cells: Object.fromEntries(table.headers.map((h, j) => [h, (cells[j] ?? '').trim()]))
					}))
					.filter((r) => Object.values(r.cells).some((c) => c !== ''));
				expect(parsed.rows).toEqual(expected);
				const problems = parsed.problems.filter((p) => p.message !== 'aucune ligne de données');
				expect(problems).toEqual([]);
			}),
			{ numRuns: 400 }
		);
	});

	const mutation = fc.record({
		at: fc.nat(),
		kind: fc.constantFrom('insert', 'delete'),
		char: fc.constantFrom('"', ';', ',', '\t', '\n', '\r', 'x', ' ')
	});

	it('never throws on a mutated table, and every problem points at a row', () => {
		fc.assert(
			fc.property(generatedTable, fc.array(mutation, { minLength: 1, maxLength: 6 }), (table, edits) => {
				let text = [table.headers, ...table.rows].map((cells) => cells.map((c) => writeCell(c, table.forceQuotes)).join(table.delimiter)).join(table.lineEnd);
				for (const edit of edits) {
					const at = text.length === 0 ? 0 : edit.at % (text.length + 1);
					text = edit.kind === 'insert' ? text.slice(0, at) + edit.char + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
				}
				expectWellFormed(parseCsvTable(text));
			}),
			{ numRuns: 400 }
		);
	});

	it('never throws on random text', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
				expectWellFormed(parseCsvTable(text));
			}),
			{ numRuns: 300 }
		);
	});
});

function expectWellFormed(table: CsvTable) {
	for (const problem of table.problems) {
		expect(Number.isInteger(problem.row) && problem.row >= 1).toBe(true);
		expect(problem.message).toMatch(/[a-zé]{3}/);
	}
	let previous = 1;
	for (const row of table.rows) {
		expect(Number.isInteger(row.row) && row.row > previous).toBe(true);
		previous = row.row;
		// Sorted: integer-like keys ('2019') come first in any JS object, the headers keep the order.
		expect(Object.keys(row.cells).sort()).toEqual([...table.headers].sort());
	}
}
