import type { TableProblem, TableRow } from './csv-table';
import type { JsonPath } from './json-lines';

/**
 * A JSON list of records, as open-data portals (Opendatasoft's « export JSON », data.gouv.fr APIs) and
 * scrapers give them, read as a table: each object is a row, numbered by the line where it starts;
 * nested objects become dotted columns (`adresse.commune`), lists of values one cell joined with « ; »
 * (so a list of links keeps every link, and the first usable one can be picked), lists of objects one
 * dotted column per key, their values joined the same way.
 */
export interface JsonArrayTable {
	headers: string[];
	rows: TableRow[];
	problems: TableProblem[];
	/** Where the list was found: '' for a bare array, else the key of the object holding it (« results »). */
	listKey: string;
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export const LIST_SEPARATOR = ' ; ';
/** Deeper objects than this are kept as JSON text in one cell: a record is not a document. */
const MAX_DEPTH = 4;

/** The list of records a JSON value holds: the value itself, or the one list of objects of a wrapper. */
export function recordList(value: unknown): { list: unknown[]; key: string } | null {
	if (Array.isArray(value)) return { list: value, key: '' };
	if (!isObject(value)) return null;
	const lists = Object.entries(value).filter(([, v]) => Array.isArray(v) && v.length > 0 && v.every(isObject));
	return lists.length === 1 ? { list: lists[0]![1] as unknown[], key: lists[0]![0] } : null;
}

export function jsonArrayTable(value: unknown, lineOf: (path: JsonPath) => number): JsonArrayTable | null {
	const found = recordList(value);
	if (!found) return null;
	const { list, key } = found;
	const base: JsonPath = key ? [key] : [];
	const headers: string[] = [];
	const seen = new Set<string>();
	const problems: TableProblem[] = [];
	const flat: Array<{ row: number; cells: Map<string, string> }> = [];
	list.forEach((item, index) => {
		const row = lineOf([...base, index]);
		if (!isObject(item)) {
			problems.push({ row, message: `élément n° ${index + 1} (ligne ${row}) : un objet { … } est attendu, il est ignoré` });
			return;
		}
		const cells = new Map<string, string>();
		flatten(item, '', cells, 0);
		for (const name of cells.keys()) {
			if (!seen.has(name)) {
				seen.add(name);
				headers.push(name);
			}
		}
		flat.push({ row, cells });
	});
	if (flat.length === 0) problems.push({ row: lineOf(base), message: 'la liste ne contient aucun objet à importer' });
	const rows = flat.map(({ row, cells }) => ({ row, cells: Object.fromEntries(headers.map((h) => [h, cells.get(h) ?? ''])) }));
	return { headers, rows, problems, listKey: key };
}

function scalarText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value.trim();
	return String(value);
}

function add(cells: Map<string, string>, name: string, text: string) {
	if (text === '') {
		if (!cells.has(name)) cells.set(name, '');
		return;
	}
	const before = cells.get(name);
	cells.set(name, before ? `${before}${LIST_SEPARATOR}${text}` : text);
}

function flatten(value: unknown, prefix: string, cells: Map<string, string>, depth: number) {
	if (isObject(value)) {
		if (depth >= MAX_DEPTH) return add(cells, prefix, JSON.stringify(value));
		const keys = Object.keys(value);
		if (keys.length === 0 && prefix) return add(cells, prefix, '');
		for (const k of keys) flatten(value[k], prefix ? `${prefix}.${k}` : k, cells, depth + 1);
		return;
	}
	if (Array.isArray(value)) {
		if (value.length === 0) return add(cells, prefix, '');
		// A GeoJSON-like position [lon, lat] stays one cell, in its order, like any list of values.
		for (const item of value) {
			if (isObject(item) || Array.isArray(item)) flatten(item, prefix, cells, depth + 1);
			else add(cells, prefix, scalarText(item));
		}
		return;
	}
	add(cells, prefix, scalarText(value));
}
