import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { entityFiltersSchema } from '../../src/lib/domain/filters';
import { ENTITY_KINDS } from '../../src/lib/domain/vocabulary';
import { ACTORS_TILE_LAYER, CLUSTER_MAX_ZOOM, TILES_MAX_ZOOM } from '../../src/lib/map/cluster-tiles';
import { clusterIndex, clusterTile } from '../../src/lib/server/map/cluster-tiles';
import { compactPoints } from '../../src/lib/server/services/map-points.service';
import { parseParams } from '../../src/lib/server/services/params';
import { mapTile } from '../../src/lib/server/worker/tiles-worker';

let db: Db;
demoDbForFile((d) => (db = d));

const filters = (qs: string) => parseParams(entityFiltersSchema, new URLSearchParams(qs));

/** A tile's features as the browser reads them (MapLibre decodes tiles with the same library). */
function features(bytes: Uint8Array): Record<string, unknown>[] {
	const layer = new VectorTile(new PbfReader(bytes)).layers[ACTORS_TILE_LAYER];
	if (!layer) return [];
	return Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
}

/** The tile of zoom z holding a position (web mercator, as MapLibre cuts it). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
	const n = 2 ** z;
	const s = Math.sin((lat * Math.PI) / 180);
	return [Math.floor(((lon + 180) / 360) * n), Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n)];
}

describe('the map clustered on the server (issue 18)', () => {
	it('the whole world in one tile: clusters and single points together count every actor, each cluster its members per kind', async () => {
		const points = compactPoints(db, filters(''));
		expect(points.length).toBeGreaterThan(400);
		const all = features(await mapTile(db, filters(''), 0, 0, 0));
		const clusters = all.filter((f) => f.cluster);
		expect(clusters.length).toBeGreaterThan(0);
		const total = all.reduce((sum, f) => sum + (f.cluster ? (f.point_count as number) : 1), 0);
		expect(total).toBe(points.length);
		for (const c of clusters) {
			expect(ENTITY_KINDS.reduce((sum, k) => sum + (c[k] as number), 0)).toBe(c.point_count);
			expect(c.expansion_zoom as number).toBeGreaterThan(0);
			expect(c.expansion_zoom as number).toBeLessThanOrEqual(CLUSTER_MAX_ZOOM + 1);
		}
		// The kinds counted are the database's.
		const byKind = (k: string) => points.filter((p) => ENTITY_KINDS[p[3]] === k).length;
		for (const k of ENTITY_KINDS)
			expect(
				all.reduce((sum, f) => sum + (f.cluster ? (f[k] as number) : f.kind === k ? 1 : 0), 0),
				k
			).toBe(byKind(k));
	});

	it('from zoom 12 on every actor is a point of its own, with its id, kind and precision', async () => {
		const points = compactPoints(db, filters('kind=organisation'));
		const tiles = new Set(points.map((p) => tileOf(p[1], p[2], TILES_MAX_ZOOM).join('/')));
		const seen = new Map<number, Record<string, unknown>>();
		for (const t of tiles) {
			const [x, y] = t.split('/').map(Number) as [number, number];
			for (const f of features(await mapTile(db, filters('kind=organisation'), TILES_MAX_ZOOM, x, y))) {
				expect(f.cluster).toBeUndefined();
				seen.set(f.id as number, f);
			}
		}
		expect(seen.size).toBe(points.length);
		for (const p of points) {
			const f = seen.get(p[0]);
			expect(f, `#${p[0]}`).toBeDefined();
			expect(f!.kind).toBe('organisation');
			expect(f!.approx).toBe(p[4]);
		}
	});

	it('a filter is another set of clusters', async () => {
		const organisations = compactPoints(db, filters('kind=organisation')).length;
		const all = features(await mapTile(db, filters('kind=organisation'), 0, 0, 0));
		expect(all.reduce((sum, f) => sum + (f.cluster ? (f.point_count as number) : 1), 0)).toBe(organisations);
		for (const f of all) if (f.cluster) expect(f.organisation).toBe(f.point_count);
	});

	it('cuts in its worker thread the same bytes as in this one, and an empty tile far from the région', async () => {
		const index = clusterIndex(compactPoints(db, filters('')), ENTITY_KINDS);
		const [x, y] = tileOf(3.08, 45.78, 7);
		expect([...(await mapTile(db, filters(''), 7, x, y))]).toEqual([...clusterTile(index, 7, x, y)]);
		expect(features(clusterTile(index, 7, x, y)).length).toBeGreaterThan(0);
		expect(features(await mapTile(db, filters(''), 7, 0, 0))).toEqual([]);
	});
});
