import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGeoJsonTable, type GeoJsonTable } from './geojson-table';

const collection = (...features: unknown[]) => `{"type": "FeatureCollection", "features": [\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}`;
const point = (lon: number, lat: number, properties: unknown = {}) => ({
	type: 'Feature',
	geometry: { type: 'Point', coordinates: [lon, lat] },
	properties
});

describe('parseGeoJsonTable', () => {
	it('reads points with their properties and starting lines', () => {
		const table = parseGeoJsonTable(
			collection(
				point(3.08, 45.77, { nom: 'Fablab', annee: 2019, actif: true }),
				point(3.42, 46.12, { nom: 'Atelier', tags: ['bois', 'métal'], meta: { a: 1 }, vide: null })
			)
		);
		expect(table.headers).toEqual(['nom', 'annee', 'actif', 'tags', 'meta', 'vide']);
		expect(table.rows).toEqual([
			{
				row: 2,
				lon: 3.08,
				lat: 45.77,
				cells: { nom: 'Fablab', annee: '2019', actif: 'true', tags: '', meta: '', vide: '' }
			},
			{
				row: 3,
				lon: 3.42,
				lat: 46.12,
				cells: { nom: 'Atelier', annee: '', actif: '', tags: 'bois, métal', meta: '{"a":1}', vide: '' }
			}
		]);
		expect(table.problems).toEqual([]);
	});
	it('accepts a single Feature and a null geometry', () => {
		const table = parseGeoJsonTable(JSON.stringify({ type: 'Feature', geometry: null, properties: { nom: 'X' } }));
		expect(table.rows).toEqual([{ row: 1, lon: null, lat: null, cells: { nom: 'X' } }]);
	});
	it('does not read inherited keys for a feature that lacks a property', () => {
		const table = parseGeoJsonTable(collection(point(1, 2, { toString: 'x' }), point(1, 2)));
		expect(table.rows[1]?.cells).toEqual({ toString: '' });
	});
	it('keeps the headers in file order, even number-like ones', () => {
		const text = '{"type": "Feature", "geometry": null, "properties": {"nom": "A", "2019": 5}}';
		expect(parseGeoJsonTable(text).headers).toEqual(['nom', '2019']);
	});
	it('accepts an altitude after longitude and latitude', () => {
		const table = parseGeoJsonTable(collection({ type: 'Feature', geometry: { type: 'Point', coordinates: [3, 45, 400] }, properties: null }));
		expect(table.rows[0]).toMatchObject({ lon: 3, lat: 45 });
	});
	it('leaves out a polygon with a problem on its line', () => {
		const polygon = {
			type: 'Feature',
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[0, 0],
						[1, 0],
						[1, 1],
						[0, 0]
					]
				]
			},
			properties: {}
		};
		const table = parseGeoJsonTable(collection(point(3, 45), polygon));
		expect(table.rows).toHaveLength(1);
		expect(table.problems).toEqual([{ row: 3, message: 'entité n°2 (ligne 3) : seule la géométrie Point est acceptée (ici Polygon)' }]);
	});
	it('refuses coordinates that are not two finite numbers, or out of range', () => {
		const bad = (coordinates: unknown) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates },
			properties: {}
		});
		const table = parseGeoJsonTable(collection(bad(['3', 45]), bad([3]), bad([45.7, 200]), point(1, 2)));
		expect(table.problems.map((p) => p.row)).toEqual([2, 3, 4]);
		expect(table.rows.map((r) => r.row)).toEqual([5]);
	});
	it('reports a file that is not a FeatureCollection on line 1', () => {
		expect(parseGeoJsonTable('[1, 2]').problems[0]?.row).toBe(1);
		expect(parseGeoJsonTable('{"type": "Point", "coordinates": [1, 2]}').problems[0]?.row).toBe(1);
		expect(parseGeoJsonTable('{"type": "FeatureCollection", "features": []}').problems).toEqual([{ row: 1, message: 'aucune entité dans le fichier' }]);
	});
	it('passes JSON syntax errors through with their line', () => {
		expect(parseGeoJsonTable('{"type": "FeatureCollection",\n"features": [\n}').problems[0]?.row).toBe(3);
	});
});

// Properties ------------------------------------------------------------------------------------

function expectWellFormed(table: GeoJsonTable) {
	for (const problem of table.problems) {
		expect(Number.isInteger(problem.row) && problem.row >= 1).toBe(true);
		expect(problem.message).toMatch(/[a-zé]{3}/);
	}
	for (const row of table.rows) expect(Number.isInteger(row.row) && row.row >= 1).toBe(true);
}

// -0 would come back as 0 through JSON.
const coordinate = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true }).map((x) => x + 0);
const propertyValue = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 12 }),
	fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0),
	fc.boolean(),
	fc.constant(null)
);
const feature = fc.record({
	place: fc.option(fc.tuple(coordinate(180), coordinate(90)), { nil: null }),
	properties: fc.uniqueArray(fc.tuple(fc.string({ maxLength: 8 }), propertyValue), {
		selector: ([key]) => key,
		maxLength: 5
	})
});
const features = fc.array(feature, { minLength: 1, maxLength: 8 });

const toGeoJson = (f: { place: [number, number] | null; properties: [string, unknown][] }) => ({
	type: 'Feature',
	geometry: f.place ? { type: 'Point', coordinates: f.place } : null,
	properties: Object.fromEntries(f.properties)
});

describe('parseGeoJsonTable properties', () => {
	it('reads back the coordinates and properties of a generated FeatureCollection', () => {
		fc.assert(
			fc.property(features, (list) => {
				const table = parseGeoJsonTable(collection(...list.map(toGeoJson)));
				expect(table.problems).toEqual([]);
				// The order JSON.stringify writes the keys in, which is the file order the headers follow.
				const written = (f: (typeof list)[number]) => Object.keys(Object.fromEntries(f.properties));
				const headers = [...new Set(list.flatMap(written))];
				expect(table.headers).toEqual(headers);
				expect(table.rows).toEqual(
					list.map((f, i) => {
						const own = new Map(f.properties);
						const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
						return {
							row: i + 2,
							lon: f.place?.[0] ?? null,
							lat: f.place?.[1] ?? null,
							cells: Object.fromEntries(headers.map((h) => [h, text(own.get(h))]))
						};
					})
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('never throws on a truncated or altered FeatureCollection', () => {
		const edit = fc.record({
			at: fc.nat(),
			kind: fc.constantFrom('truncate', 'insert', 'delete'),
			char: fc.constantFrom('"', ',', '{', '}', '[', ']', ':', '\n', 'x', '1', '/')
		});
		fc.assert(
			fc.property(features, fc.array(edit, { minLength: 1, maxLength: 4 }), (list, edits) => {
				let text = JSON.stringify({ type: 'FeatureCollection', features: list.map(toGeoJson) }, null, 1);
				for (const e of edits) {
					const at = e.at % (text.length + 1);
					if (e.kind === 'truncate') text = text.slice(0, at);
					else if (e.kind === 'insert') text = text.slice(0, at) + e.char + text.slice(at);
					else text = text.slice(0, at) + text.slice(at + 1);
				}
				expectWellFormed(parseGeoJsonTable(text));
			}),
			{ numRuns: 400 }
		);
	});

	it('never throws on random JSON values or random text', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				expectWellFormed(parseGeoJsonTable(JSON.stringify(value) ?? ''));
			}),
			{ numRuns: 300 }
		);
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (text) => {
				expectWellFormed(parseGeoJsonTable(text));
			}),
			{ numRuns: 300 }
		);
	});
});
