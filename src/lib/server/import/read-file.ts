import { parseCsvTable } from '$lib/import/csv-table';
import { detectAndDecode, type EncodingCandidate, type TextEncoding } from '$lib/import/detect-encoding';
import { parseGeoJsonTable } from '$lib/import/geojson-table';
import { jsonArrayTable } from '$lib/import/json-array-table';
import { parseJsonWithLines } from '$lib/import/json-lines';
import { error, type ImportProblem } from '$lib/import/problems';
import { parseSpreadsheetTable, spreadsheetFormat, type SheetInfo } from './spreadsheet-table';
import { UnreadableFileError } from '../services/errors';

/** Synthetic columns for a GeoJSON point's own coordinates: they come first so they win the mapping. */
export const GEOMETRY_LON = '(géométrie) longitude';
export const GEOMETRY_LAT = '(géométrie) latitude';

/** How the file was read: the encoding and how sure it is, or the workbook's sheets. Shown by the report. */
export interface ReadingInfo {
	/** '' for a workbook (its cells carry their own characters). */
	encoding: string;
	/** No encoding reads the text clearly as French: the editor must choose one before anything is written. */
	encodingDoubtful: boolean;
	/** The editor chose the encoding (page or --encoding). */
	encodingChosen: boolean;
	/** Readings of a single-byte text file, best first, with sample lines. */
	encodingCandidates: EncodingCandidate[];
	/** A workbook's sheets; the one read, and the row of its header. */
	sheets: SheetInfo[];
	sheet: string | null;
	headerRow: number;
}

export interface TableSource {
	/** « json-list »: a JSON list of records (open-data portals), read as a table. */
	format: 'csv' | 'geojson' | 'json-list' | 'xlsx' | 'ods' | 'xls';
	encoding: string;
	delimiter: string | null;
	headers: string[];
	rows: Array<{ row: number; cells: Record<string, string> }>;
	problems: ImportProblem[];
	reading: ReadingInfo;
}

/** The project's own export (format « connecteur-carto »): entities and relations with their lines. */
export interface JsonSource {
	format: 'json';
	encoding: string;
	entities: Array<{ row: number; value: Record<string, unknown> }>;
	relations: Array<{ row: number; value: Record<string, unknown> }>;
	problems: ImportProblem[];
	reading: ReadingInfo;
}

export type ImportSource = TableSource | JsonSource;

export interface ReadOptions {
	encoding?: TextEncoding | null;
	sheet?: string | null;
}

const asFileProblem = (p: { row: number; column?: string; message: string }): ImportProblem => error(Math.max(1, p.row), p.column ?? null, 'file', p.message);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Share of control characters above which a « text » file is really binary (an image, a PDF, a zip…). */
const BINARY_SHARE = 0.02;

function looksBinary(text: string): boolean {
	const sample = text.slice(0, 65536);
	// A stray NUL in a damaged export is a problem in one cell; an image or a PDF is full of them.
	const controls = sample.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
	return controls > sample.length * BINARY_SHARE;
}

/**
 * Reads any accepted file: the format is recognised from the content, whatever the file is called. A file
 * that cannot be read at all (binary, truncated workbook, broken JSON, no header) is refused with a
 * ValidationError (UnreadableFileError) saying why: no import job is recorded for it.
 */
export function readImportFile(bytes: Uint8Array, options: ReadOptions = {}): ImportSource {
	if (spreadsheetFormat(bytes)) {
		const table = parseSpreadsheetTable(bytes, options.sheet ?? null);
		return {
			format: table.format,
			encoding: '',
			delimiter: null,
			headers: table.headers,
			rows: table.rows,
			problems: table.problems.map(asFileProblem),
			reading: {
				encoding: '',
				encodingDoubtful: false,
				encodingChosen: false,
				encodingCandidates: [],
				sheets: table.sheets,
				sheet: table.sheet,
				headerRow: table.headerRow
			}
		};
	}
	const decoded = detectAndDecode(bytes, options.encoding ?? null);
	const { text, encoding } = decoded;
	if (text.trim() === '') throw new UnreadableFileError('le fichier est vide');
	if (looksBinary(text)) throw new UnreadableFileError("ce n'est ni un fichier texte (CSV, JSON, GeoJSON) ni un classeur .xlsx ou .ods");
	const reading: ReadingInfo = {
		encoding,
		encodingDoubtful: decoded.doubtful,
		encodingChosen: decoded.chosen,
		encodingCandidates: decoded.candidates,
		sheets: [],
		sheet: null,
		headerRow: 1
	};
	const start = text.trimStart()[0];
	if (start !== '{' && start !== '[') {
		const table = parseCsvTable(text);
		if (table.headers.length === 0) throw new UnreadableFileError(table.problems[0]?.message ?? 'aucune ligne d’en-tête');
		return {
			format: 'csv',
			encoding,
			delimiter: table.delimiter,
			headers: table.headers,
			rows: table.rows,
			problems: table.problems.map(asFileProblem),
			reading
		};
	}
	const parsed = parseJsonWithLines(text);
	if (!parsed.ok) throw new UnreadableFileError(parsed.problems[0]?.message ?? 'JSON invalide');
	const value = parsed.value;
	if (isRecord(value) && (value.type === 'FeatureCollection' || value.type === 'Feature')) {
		const table = parseGeoJsonTable(text);
		return {
			format: 'geojson',
			encoding,
			reading,
			delimiter: null,
			headers: [GEOMETRY_LON, GEOMETRY_LAT, ...table.headers],
			rows: table.rows.map((r) => ({
				row: r.row,
				cells: { ...r.cells, [GEOMETRY_LON]: r.lon === null ? '' : String(r.lon), [GEOMETRY_LAT]: r.lat === null ? '' : String(r.lat) }
			})),
			problems: table.problems.map(asFileProblem)
		};
	}
	if (isRecord(value) && value.format === 'connecteur-carto') {
		const problems: ImportProblem[] = [];
		if (value.version !== 1)
			problems.push(
				error(parsed.lineOf(['version']), 'version', 'file', `version ${String(value.version)} du format connecteur-carto non prise en charge (attendu : 1)`)
			);
		const items = (key: 'entities' | 'relations') => {
			const list = value[key];
			if (list === undefined && key === 'relations') return [];
			if (!Array.isArray(list)) {
				problems.push(error(parsed.lineOf([key]), key, 'file', `« ${key} » doit être une liste`));
				return [];
			}
			return list.flatMap((item, i) => {
				const row = parsed.lineOf([key, i]);
				if (isRecord(item)) return [{ row, value: item }];
				problems.push(error(row, key, 'file', `élément ${i + 1} de « ${key} » : objet attendu`));
				return [];
			});
		};
		return { format: 'json', encoding, entities: items('entities'), relations: items('relations'), problems, reading };
	}
	const list = jsonArrayTable(value, parsed.lineOf);
	if (list)
		return { format: 'json-list', encoding, delimiter: null, headers: list.headers, rows: list.rows, problems: list.problems.map(asFileProblem), reading };
	throw new UnreadableFileError('JSON non reconnu : attendu une liste d’objets, une FeatureCollection GeoJSON ou un export « connecteur-carto »');
}
