import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, GeometryObject as TopoGeometry, Topology } from 'topojson-specification';
import { bboxOf, centroidOf, roundCoordinates, type AreaGeometry, type BBox2D, type LonLat } from '$lib/geo/geometry';
import type { Db } from '$lib/server/db';
import { DEFAULT_TERRITORIES_FILE, IMPORTED_GEOMETRY_PREFIX } from './territory-data';

/**
 * The official outlines shipped with the app (IGN ADMIN EXPRESS COG 2018, Licence Ouverte): communes, EPCI
 * dissolved from their current member communes, départements, as one quantised TopoJSON file next to the
 * territories data file. Built by `npm run territories:outlines` (see outlines-generate.ts); loaded with the
 * default territories, under any outline imported later (geometrySource 'import:…' keeps priority).
 */

export const OUTLINES_BASENAME = 'outlines.topo.json';
export const EMBEDDED_OUTLINES_FILE = join(dirname(DEFAULT_TERRITORIES_FILE), OUTLINES_BASENAME);
export const EMBEDDED_GEOMETRY_SOURCE = 'IGN ADMIN EXPRESS COG 2018 (contours embarqués)';
export { OUTLINES_ATTRIBUTION } from '$lib/geo/attribution';

export const OUTLINE_LEVELS = ['communes', 'epci', 'departements'] as const;
export type OutlineLevel = (typeof OUTLINE_LEVELS)[number];

/** Per geometry of the topology: `id` is the territory code, `p` its point on surface (inside the outline). */
export interface OutlineProperties {
	p: LonLat;
}

export type OutlinesTopology = Topology<Record<OutlineLevel, GeometryCollection<OutlineProperties>>> & {
	attribution: string;
	/** Current communes with no 2018 outline, and 2018 communes merged since into a current one. */
	missing: { code: string; name: string }[];
	merged: { code: string; name: string | null; currentCode: string; currentName: string }[];
	unmatched: { code: string; name: string | null }[];
	/** Current communes whose 2018 outline carried another name: another cut (Neussargues en Pinatelle, 2017-2024). */
	renamed: { code: string; name: string; name2018: string }[];
};

export interface EmbeddedOutline {
	code: string;
	level: OutlineLevel;
	geometry: AreaGeometry;
	pointOnSurface: LonLat;
	bbox: BBox2D;
}

/** The territories data file's companion outlines file (it may not exist: then nothing is embedded). */
export const outlinesFileFor = (territoriesFile: string) => join(dirname(territoriesFile), OUTLINES_BASENAME);

let cache: { key: string; outlines: EmbeddedOutline[] } | null = null;

/** Decodes the outlines file (memoised on path, size and mtime: test suites load it many times). */
export function readEmbeddedOutlines(file = EMBEDDED_OUTLINES_FILE): EmbeddedOutline[] {
	const stat = statSync(file);
	const key = `${file}:${stat.size}:${stat.mtimeMs}`;
	if (cache?.key === key) return cache.outlines;
	let topology: OutlinesTopology;
	try {
		topology = JSON.parse(readFileSync(file, 'utf8')) as OutlinesTopology;
	} catch (cause) {
		throw new Error(`Fichier des contours embarqués illisible : ${file}`, { cause });
	}
	const outlines = decodeOutlines(topology);
	cache = { key, outlines };
	return outlines;
}

export function decodeOutlines(topology: OutlinesTopology): EmbeddedOutline[] {
	const out: EmbeddedOutline[] = [];
	for (const level of OUTLINE_LEVELS) {
		const object = topology.objects[level];
		if (!object || object.type !== 'GeometryCollection') throw new Error(`Contours embarqués : objet « ${level} » absent`);
		for (const g of object.geometries) {
			const geometry = decodeGeometry(topology, g);
			if (!geometry) continue;
			out.push({ code: String(g.id), level, geometry, pointOnSurface: (g.properties as OutlineProperties).p, bbox: bboxOf(geometry) });
		}
	}
	return out;
}

/** One outline as the app stores it: dequantised, rounded to 5 decimals (about 1 m) like every stored outline. */
export function decodeGeometry(topology: Topology, g: TopoGeometry): AreaGeometry | null {
	const f = topoFeature(topology, g) as GeoJSON.Feature<GeoJSON.Geometry | null>;
	if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) return null;
	return roundCoordinates(f.geometry);
}

/** The point stored for an outline: inside it (see centroidOf), computed once at generation. */
export const pointOnSurface = (geometry: AreaGeometry): LonLat => centroidOf(geometry);

/**
 * Writes the embedded outlines into the territories table, except over an imported official outline.
 * Returns the number of territories outlined.
 */
export function applyEmbeddedOutlines(db: Db, file = EMBEDDED_OUTLINES_FILE): number {
	if (!existsSync(file)) return 0;
	const rows = serialisedOutlines(file);
	// One prepared statement over cached JSON text: test suites and `npm start` load 1,333 outlines often.
	const update = db.$client.prepare(
		`update territories set geometry = ?, geometry_source = ?, centroid_lon = ?, centroid_lat = ?, centroid_precision = 'contour', bbox = ?
		 where code = ? and (geometry_source is null or geometry_source not like '${IMPORTED_GEOMETRY_PREFIX}%')`
	);
	let n = 0;
	db.$client.transaction(() => {
		for (const r of rows) n += update.run(r.geometry, EMBEDDED_GEOMETRY_SOURCE, r.lon, r.lat, r.bbox, r.code).changes;
	})();
	return n;
}

let serialised: { key: EmbeddedOutline[]; rows: { code: string; geometry: string; lon: number; lat: number; bbox: string }[] } | null = null;

function serialisedOutlines(file: string) {
	const outlines = readEmbeddedOutlines(file);
	if (serialised?.key !== outlines) {
		serialised = {
			key: outlines,
			rows: outlines.map((o) => ({
				code: o.code,
				geometry: JSON.stringify(o.geometry),
				lon: o.pointOnSurface[0],
				lat: o.pointOnSurface[1],
				bbox: JSON.stringify(o.bbox)
			}))
		};
	}
	return serialised.rows;
}
