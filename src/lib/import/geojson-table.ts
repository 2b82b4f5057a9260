import type { TableProblem } from './csv-table';
import { parseJsonWithLines, type JsonPath } from './json-lines';

export interface GeoJsonRow {
	/** Line of the file where the feature starts. */
	row: number;
	/** Keyed by property name; every header is present, missing properties are ''. */
	cells: Record<string, string>;
	lon: number | null;
	lat: number | null;
}

export interface GeoJsonTable {
	/** Union of the property keys, in first-seen order. */
	headers: string[];
	rows: GeoJsonRow[];
	problems: TableProblem[];
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads point features into the same row shape as a spreadsheet, so one importer handles both.
 * A feature that cannot be placed (not a Point, bad coordinates) is left out with a problem saying
 * which one and on which line; a feature without geometry is kept, unplaced.
 */
export function parseGeoJsonTable(text: string): GeoJsonTable {
	const parsed = parseJsonWithLines(text);
	if (!parsed.ok) return { headers: [], rows: [], problems: parsed.problems };
	const { value, lineOf, keysOf } = parsed;

	const fail = (message: string, path: JsonPath = []): GeoJsonTable => ({
		headers: [],
		rows: [],
		problems: [{ row: lineOf(path), message }]
	});
	if (!isObject(value)) return fail('le fichier n’est pas un objet GeoJSON');

	let features: unknown[];
	let basePath: JsonPath;
	if (value.type === 'FeatureCollection') {
		if (!Array.isArray(value.features)) {
			return fail('la FeatureCollection n’a pas de liste « features »', ['features']);
		}
		features = value.features;
		basePath = ['features'];
	} else if (value.type === 'Feature') {
		features = [value];
		basePath = [];
	} else {
		return fail('le fichier n’est pas une FeatureCollection ni une Feature GeoJSON', ['type']);
	}
	if (features.length === 0) return fail('aucune entité dans le fichier', basePath);

	const headers: string[] = [];
	const seen = new Set<string>();
	const problems: TableProblem[] = [];
	const kept: Array<{ row: number; properties: JsonObject; lon: number | null; lat: number | null }> = [];

	features.forEach((feature, index) => {
		const path = value.type === 'Feature' ? [] : [...basePath, index];
		const row = lineOf(path);
		const where = `entité n°${index + 1} (ligne ${row})`;
		const problem = (message: string) => problems.push({ row, message: `${where} : ${message}` });

		if (!isObject(feature) || feature.type !== 'Feature') {
			problem('ce n’est pas une Feature GeoJSON');
			return;
		}
		const point = readPoint(feature.geometry);
		if (!point.ok) {
			problem(point.message);
			return;
		}
		let properties: JsonObject = {};
		if (isObject(feature.properties)) properties = feature.properties;
		else if (feature.properties !== null && feature.properties !== undefined) {
			problem('« properties » doit être un objet, les propriétés sont ignorées');
		}
		for (const key of keysOf([...path, 'properties'])) {
			if (!seen.has(key)) {
				seen.add(key);
				headers.push(key);
			}
		}
		kept.push({ row, properties, lon: point.lon, lat: point.lat });
	});

	// Filled once every header is known, so each row has the same keys as a CSV row would.
	const rows = kept.map(({ row, properties, lon, lat }) => ({
		row,
		// Own keys only: a feature without « toString » must not read Object.prototype's.
		cells: Object.fromEntries(headers.map((h) => [h, Object.hasOwn(properties, h) ? cellText(properties[h]) : ''])),
		lon,
		lat
	}));
	return { headers, rows, problems };
}

type PointResult = { ok: true; lon: number | null; lat: number | null } | { ok: false; message: string };

function readPoint(geometry: unknown): PointResult {
	if (geometry === null || geometry === undefined) return { ok: true, lon: null, lat: null };
	if (!isObject(geometry)) return { ok: false, message: 'géométrie illisible' };
	if (geometry.type !== 'Point') {
		const kind = typeof geometry.type === 'string' ? ` (ici ${geometry.type})` : '';
		return { ok: false, message: `seule la géométrie Point est acceptée${kind}` };
	}
	const coordinates = geometry.coordinates;
	// A third number (altitude) is allowed by GeoJSON and simply ignored.
	if (
		!Array.isArray(coordinates) ||
		coordinates.length < 2 ||
		coordinates.length > 3 ||
		!coordinates.every((c) => typeof c === 'number' && Number.isFinite(c))
	) {
		return {
			ok: false,
			message: 'les coordonnées doivent être deux nombres [longitude, latitude]'
		};
	}
	const [lon, lat] = coordinates as [number, number];
	if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
		return {
			ok: false,
			message: `coordonnées hors limites [${lon}, ${lat}] (longitude puis latitude, en degrés WGS 84)`
		};
	}
	return { ok: true, lon, lat };
}

function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.map(cellText).join(', ');
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}
