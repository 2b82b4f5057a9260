import { parseCsvTable } from '$lib/import/csv-table';
import { decodeText } from '$lib/import/decode';
import { parseGeoJsonTable } from '$lib/import/geojson-table';
import { parseJsonWithLines } from '$lib/import/json-lines';
import { error, type ImportProblem } from '$lib/import/problems';

/** Synthetic columns for a GeoJSON point's own coordinates: they come first so they win the mapping. */
export const GEOMETRY_LON = '(géométrie) longitude';
export const GEOMETRY_LAT = '(géométrie) latitude';

export interface TableSource {
	format: 'csv' | 'geojson';
	encoding: string;
	delimiter: string | null;
	headers: string[];
	rows: Array<{ row: number; cells: Record<string, string> }>;
	problems: ImportProblem[];
}

/** The project's own export (format « connecteur-carto »): entities and relations with their lines. */
export interface JsonSource {
	format: 'json';
	encoding: string;
	entities: Array<{ row: number; value: Record<string, unknown> }>;
	relations: Array<{ row: number; value: Record<string, unknown> }>;
	problems: ImportProblem[];
}

export type ImportSource = TableSource | JsonSource;

const asFileProblem = (p: { row: number; column?: string; message: string }): ImportProblem => error(Math.max(1, p.row), p.column ?? null, 'file', p.message);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads any accepted file: the format is recognised from the content, whatever the file is called. */
export function readImportFile(bytes: Uint8Array): ImportSource {
	const { text, encoding } = decodeText(bytes);
	const start = text.trimStart()[0];
	if (start !== '{' && start !== '[') {
		const table = parseCsvTable(text);
		return { format: 'csv', encoding, delimiter: table.delimiter, headers: table.headers, rows: table.rows, problems: table.problems.map(asFileProblem) };
	}
	const parsed = parseJsonWithLines(text);
	if (!parsed.ok) return { format: 'json', encoding, entities: [], relations: [], problems: parsed.problems.map(asFileProblem) };
	const value = parsed.value;
	if (isRecord(value) && (value.type === 'FeatureCollection' || value.type === 'Feature')) {
		const table = parseGeoJsonTable(text);
		return {
			format: 'geojson',
			encoding,
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
		if (value.version !== 1) problems.push(error(parsed.lineOf(['version']), 'version', 'file', `version ${String(value.version)} du format connecteur-carto non prise en charge (attendu : 1)`));
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
		return { format: 'json', encoding, entities: items('entities'), relations: items('relations'), problems };
	}
	return {
		format: 'json',
		encoding,
		entities: [],
		relations: [],
		problems: [error(1, null, 'file', 'JSON non reconnu : attendu une FeatureCollection GeoJSON ou un export « connecteur-carto »')]
	};
}
