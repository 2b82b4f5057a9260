import { parse } from 'csv-parse/sync';

/**
 * `row` is what the user sees: a spreadsheet row number (header = 1), or a line for JSON files, so
 * the CSV and GeoJSON readers report problems the same way.
 */
export interface TableProblem {
	row: number;
	column?: string;
	message: string;
}

export interface TableRow {
	row: number;
	/** Keyed by header name; every header is present, missing cells are ''. */
	cells: Record<string, string>;
}

export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvTable {
	delimiter: CsvDelimiter;
	headers: string[];
	rows: TableRow[];
	problems: TableProblem[];
}

export interface CsvTableOptions {
	delimiter?: CsvDelimiter;
}

const DELIMITERS: readonly CsvDelimiter[] = [';', ',', '\t'];

/**
 * Reads a spreadsheet export into rows keyed by header. Never throws: whatever goes wrong becomes a
 * problem with the row number a spreadsheet would show, so the user can find it.
 */
export function parseCsvTable(text: string, options: CsvTableOptions = {}): CsvTable {
	const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const delimiter = options.delimiter ?? detectDelimiter(source);
	const empty = (message: string): CsvTable => ({
		delimiter,
		headers: [],
		rows: [],
		problems: [{ row: 1, message }]
	});
	if (source.trim() === '') return empty('fichier vide');

	const { records, failure } = readRecords(source, delimiter);
	const headerCells = records[0];
	if (!headerCells && failure) return { delimiter, headers: [], rows: [], problems: [failure] };
	if (!headerCells || headerCells.every((cell) => cell === '')) {
		return empty('ligne 1 : la ligne d’en-tête est vide');
	}

	const { headers, problems } = uniqueHeaders(headerCells);
	const rows: TableRow[] = [];
	// Record index + 1 is the spreadsheet row: empty lines are records too, so numbering never shifts.
	records.slice(1).forEach((cells, index) => {
		const row = index + 2;
		if (cells.every((cell) => cell === '')) return;
		const used = lastFilledIndex(cells) + 1;
		// Excel pads rows with trailing delimiters; only extra cells holding something are a problem.
		if (used > headers.length) {
			problems.push({
				row,
				message: `ligne ${row} : ${used} cellules pour ${headers.length} colonnes (les cellules en trop sont ignorées)`
			});
		}
		const entries = headers.map((header, i) => [header, cells[i] ?? ''] as const);
		rows.push({ row, cells: Object.fromEntries(entries) });
	});

	if (failure) problems.push(failure);
	else if (rows.length === 0) problems.push({ row: 1, message: 'aucune ligne de données' });
	return { delimiter, headers, rows, problems };
}

interface ReadResult {
	records: string[][];
	failure?: TableProblem;
}

function readRecords(source: string, delimiter: CsvDelimiter): ReadResult {
	// Collected as they come so that a failure late in the file keeps everything before it.
	const records: string[][] = [];
	try {
		parse(source, {
			delimiter,
			// Excel ends rows with CRLF but cells with LF: accept every kind anywhere.
			record_delimiter: ['\r\n', '\n', '\r'],
			relax_column_count: true,
			// A stray quote inside an unquoted cell (12" écran) is content, not an error.
			relax_quotes: true,
			skip_empty_lines: false,
			trim: true,
			on_record: (record: string[]) => {
				records.push(record.map((cell) => String(cell).trim()));
				return null;
			}
		});
		return { records };
	} catch (error) {
		const row = records.length + 1;
		const code = (error as { code?: unknown } | null)?.code;
		const message =
			code === 'CSV_QUOTE_NOT_CLOSED'
				? `guillemet ouvert jamais refermé (à partir de la ligne ${row})`
				: `format CSV illisible à partir de la ligne ${row}, les lignes suivantes sont ignorées`;
		return { records, failure: { row, message } };
	}
}

/** Trimmed header names, with empty and repeated ones renamed after their column number. */
export function uniqueHeaders(cells: string[], headerRow = 1): { headers: string[]; problems: TableProblem[] } {
	const headers: string[] = [];
	const problems: TableProblem[] = [];
	const taken = new Set<string>();
	cells.forEach((cell, index) => {
		const position = index + 1;
		let name = cell === '' ? `colonne ${position}` : cell;
		if (cell !== '' && taken.has(cell)) {
			name = `${cell} (colonne ${position})`;
			problems.push({
				row: headerRow,
				column: cell,
				message: `ligne ${headerRow} : la colonne « ${cell} » apparaît plusieurs fois, la colonne ${position} est renommée « ${name} »`
			});
		}
		// A renamed column may collide with a real header written the same way.
		while (taken.has(name)) name = `${name} (bis)`;
		taken.add(name);
		headers.push(name);
	});
	return { headers, problems };
}

function lastFilledIndex(cells: string[]): number {
	for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== '') return i;
	return -1;
}

/** The most frequent candidate outside quotes in the header line; `;` wins ties (French Excel). */
export function detectDelimiter(text: string): CsvDelimiter {
	const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
	let quoted = false;
	for (const char of text) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && (char === '\n' || char === '\r')) break;
		else if (!quoted && counts.has(char as CsvDelimiter)) {
			counts.set(char as CsvDelimiter, (counts.get(char as CsvDelimiter) ?? 0) + 1);
		}
	}
	let best: CsvDelimiter = ';';
	for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
	return best;
}
