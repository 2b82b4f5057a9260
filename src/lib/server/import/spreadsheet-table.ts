import * as XLSX from '@e965/xlsx';
import { uniqueHeaders, type TableProblem, type TableRow } from '$lib/import/csv-table';
import { UnreadableFileError } from '../services/errors';

/**
 * Reads a workbook (.xlsx, .ods, and the older .xls) as the table its editor sees: the first sheet unless
 * another is chosen, the header on the first row that names several columns (a merged, styled title row
 * above it is skipped), and every row numbered as the spreadsheet numbers it, blank rows included, so a
 * problem « ligne 14 » is row 14 on screen. Cells are read as their owner typed them: a postcode formatted
 * « 00000 » keeps its zero, a long number (SIRET) keeps all its digits, a date becomes 2024-03-01.
 */
export type SpreadsheetFormat = 'xlsx' | 'ods' | 'xls';

export interface SheetInfo {
	name: string;
	/** Rows holding something, header included. */
	rows: number;
}

export interface SpreadsheetTable {
	format: SpreadsheetFormat;
	sheets: SheetInfo[];
	sheet: string;
	/** Spreadsheet row of the header (1 when nothing sits above it). */
	headerRow: number;
	headers: string[];
	rows: TableRow[];
	problems: TableProblem[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** What kind of workbook the bytes are, or null for a text file. */
export function spreadsheetFormat(bytes: Uint8Array): SpreadsheetFormat | null {
	if (startsWith(bytes, CFB)) return 'xls';
	if (!startsWith(bytes, ZIP)) return null;
	// Entry names are stored uncompressed: an Office Open XML package always holds « [Content_Types].xml »,
	// an OpenDocument one « content.xml » (and usually its « mimetype » first).
	const names = new TextDecoder('latin1').decode(bytes);
	if (names.includes('[Content_Types].xml')) return 'xlsx';
	return names.includes('content.xml') ? 'ods' : 'xlsx';
}

const HEADER_SEARCH_ROWS = 20;

export function parseSpreadsheetTable(bytes: Uint8Array, chosenSheet: string | null = null): SpreadsheetTable {
	const format = spreadsheetFormat(bytes) ?? 'xlsx';
	let book: XLSX.WorkBook;
	try {
		book = XLSX.read(bytes, { type: 'array', cellDates: true, cellNF: true, dense: true });
	} catch (e) {
		throw new UnreadableFileError(
			`classeur ${format === 'ods' ? 'OpenDocument (.ods)' : 'Excel'} illisible, peut-être tronqué ou abîmé (${(e as Error).message})`
		);
	}
	if (!book.SheetNames.length) throw new UnreadableFileError('classeur sans aucune feuille');
	const grids = new Map(book.SheetNames.map((name) => [name, gridOf(book.Sheets[name]!)]));
	const sheets = book.SheetNames.map((name) => ({ name, rows: grids.get(name)!.filter((r) => r.cells.some((c) => c !== '')).length }));
	const problems: TableProblem[] = [];
	let sheet = book.SheetNames[0]!;
	if (chosenSheet !== null && chosenSheet !== '') {
		if (grids.has(chosenSheet)) sheet = chosenSheet;
		else
			problems.push({
				row: 1,
				message: `aucune feuille « ${chosenSheet} » dans ce classeur (feuilles : ${book.SheetNames.map((n) => `« ${n} »`).join(', ')}) : la première est lue`
			});
	}
	const grid = grids.get(sheet)!;
	const base = { format, sheets, sheet };
	const headerIndex = headerRowIndex(grid);
	if (headerIndex === -1)
		return { ...base, headerRow: 1, headers: [], rows: [], problems: [...problems, { row: 1, message: `la feuille « ${sheet} » est vide` }] };

	const header = grid[headerIndex]!;
	const width = Math.max(...grid.map((r) => lastFilled(r.cells) + 1));
	const named = uniqueHeaders(spreadMergedHeaders(header, book.Sheets[sheet]!['!merges'] ?? []).slice(0, width), header.row);
	problems.push(...named.problems);
	const rows: TableRow[] = [];
	for (const r of grid.slice(headerIndex + 1)) {
		if (r.cells.every((c) => c === '')) continue;
		rows.push({ row: r.row, cells: Object.fromEntries(named.headers.map((h, i) => [h, r.cells[i] ?? ''])) });
		problems.push(...r.problems);
	}
	if (rows.length === 0) problems.push({ row: header.row, message: `la feuille « ${sheet} » n'a aucune ligne de données sous ses en-têtes` });
	return { ...base, headerRow: header.row, headers: named.headers, rows, problems };
}

interface GridRow {
	/** The spreadsheet's row number (1-based). */
	row: number;
	cells: string[];
	problems: TableProblem[];
}

/** Every row of the sheet's used range as text, with its spreadsheet row number. */
function gridOf(sheet: XLSX.WorkSheet): GridRow[] {
	const ref = sheet['!ref'];
	if (!ref) return [];
	const range = XLSX.utils.decode_range(ref);
	const data = (sheet['!data'] ?? []) as Array<Array<XLSX.CellObject | undefined> | undefined>;
	const rows: GridRow[] = [];
	for (let r = range.s.r; r <= range.e.r; r++) {
		const line = data[r] ?? [];
		const cells: string[] = [];
		const problems: TableProblem[] = [];
		for (let c = range.s.c; c <= range.e.c; c++) {
			const cell = line[c];
			const text = cellText(cell);
			if (cell?.t === 'e')
				problems.push({ row: r + 1, message: `ligne ${r + 1}, colonne ${XLSX.utils.encode_col(c)} : cellule en erreur (${cell.w ?? '#ERREUR'}), lue vide` });
			cells.push(text);
		}
		rows.push({ row: r + 1, cells, problems });
	}
	return rows;
}

/**
 * A header cell merged across several columns (« Coordonnées » over latitude and longitude) names each of
 * them: « Coordonnées », « Coordonnées (2) »… rather than « colonne 7 ».
 */
function spreadMergedHeaders(header: GridRow, merges: XLSX.Range[]): string[] {
	const cells = [...header.cells];
	const r = header.row - 1;
	for (const m of merges) {
		if (m.s.r > r || m.e.r < r || m.e.c === m.s.c) continue;
		const name = cells[m.s.c] ?? '';
		if (!name) continue;
		for (let c = m.s.c + 1; c <= m.e.c; c++) if (!cells[c]) cells[c] = `${name} (${c - m.s.c + 1})`;
	}
	return cells;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as its owner sees it, but with the full value where the display would round it. */
export function cellText(cell: XLSX.CellObject | undefined): string {
	if (!cell || cell.v === undefined || cell.v === null) return '';
	switch (cell.t) {
		case 'd': {
			const d = cell.v as Date;
			// Dates are read as UTC midnight; a time of day is kept only when the cell shows one.
			const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
			const time = d.getUTCHours() || d.getUTCMinutes() ? ` ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : '';
			return day + time;
		}
		case 'n': {
			const value = cell.v as number;
			const format = typeof cell.z === 'string' ? cell.z : 'General';
			// A zero-padded format (« 00000 », Excel's « Code postal ») is the text the editor sees: 03000.
			if (/^0+$/.test(format)) return String(value).padStart(format.length, '0');
			// « General » would show a SIRET as 1,23457E+13: keep every digit instead.
			if (Number.isInteger(value)) return value.toFixed(0);
			return String(value);
		}
		case 'b':
			return cell.v ? 'oui' : 'non';
		case 'e':
			return '';
		default:
			return String(cell.v).trim();
	}
}

/**
 * The header is the first row that fills more than half as many cells as the widest of the first rows (and
 * two at least): a title above it (one merged cell, or a title and a date), notes or blank rows are skipped.
 * A one-column sheet has its header on its first non-blank row.
 */
function headerRowIndex(grid: GridRow[]): number {
	const filled = (r: GridRow) => r.cells.filter((c) => c !== '').length;
	const first = grid.slice(0, HEADER_SEARCH_ROWS);
	const widest = Math.max(0, ...first.map(filled));
	const enough = Math.max(2, Math.floor(widest / 2) + 1);
	const index = first.findIndex((r) => filled(r) >= enough);
	return index !== -1 ? index : grid.findIndex((r) => filled(r) > 0);
}

function lastFilled(cells: string[]): number {
	for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== '') return i;
	return -1;
}

/** Every cell of every sheet as text, one line per row: what a search for a person's name must look through. */
export function workbookText(bytes: Uint8Array): string {
	try {
		const book = XLSX.read(bytes, { type: 'array', cellDates: true, dense: true });
		return book.SheetNames.map((name) => XLSX.utils.sheet_to_csv(book.Sheets[name]!, { FS: ';', blankrows: false })).join('\n');
	} catch {
		return '';
	}
}
