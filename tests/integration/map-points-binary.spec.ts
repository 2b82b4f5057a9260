import { describe, expect, it } from 'vitest';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { entityFiltersSchema } from '../../src/lib/domain/filters';
import { APPROX_BIT, columnsToPoints, decodePoints, encodePoints, POINTS_SCALE } from '../../src/lib/map/points-binary';
import { mapPoints, mapPointsBinary } from '../../src/lib/server/services/map.service';
import { mapPointsJsonBytes } from '../../src/lib/server/services/map-points.service';
import { parseParams } from '../../src/lib/server/services/params';
import { readTask, readWorkersStarted } from '../../src/lib/server/worker/read-worker';

let db: Db;
demoDbForFile((d) => (db = d));

const filters = (qs: string) => parseParams(entityFiltersSchema, new URLSearchParams(qs));
const HALF_STEP = 0.5 / POINTS_SCALE + 1e-12;

/** What the database itself says of each actor, read without the map's code. */
function rowsById(): Map<number, { lon: number; lat: number; kind: string; precision: string | null }> {
	const rows = db.$client.prepare('SELECT id, lon, lat, kind, coord_precision AS precision FROM entities WHERE lon IS NOT NULL AND lat IS NOT NULL').all() as {
		id: number;
		lon: number;
		lat: number;
		kind: string;
		precision: string | null;
	}[];
	return new Map(rows.map((r) => [r.id, r]));
}

/** The bytes as the browser gets them: a fresh ArrayBuffer of exactly the answer's length. */
const received = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

describe('the map points in bytes (issue 18)', () => {
	it('gives back every point of the JSON answer: id, position within the fixed-point step, kind and precision as in the database', async () => {
		const db_ = rowsById();
		for (const qs of ['', 'kind=third_place', 'sector=health&territory=63', 'q=incubateur', 'kind=person']) {
			const json = mapPoints(db, filters(qs));
			const columns = decodePoints(received(await mapPointsBinary(db, filters(qs))));
			expect(columns.count, qs).toBe(json.points.length);
			expect(columns.kinds, qs).toEqual(json.kinds);
			expect([...columns.ids], qs).toEqual(json.points.map((p) => p[0]));
			for (let i = 0; i < columns.count; i++) {
				const row = db_.get(columns.ids[i]!)!;
				expect(row, `${qs} #${columns.ids[i]}`).toBeDefined();
				expect(Math.abs(columns.lon[i]! / columns.scale - row.lon)).toBeLessThanOrEqual(HALF_STEP);
				expect(Math.abs(columns.lat[i]! / columns.scale - row.lat)).toBeLessThanOrEqual(HALF_STEP);
				expect(columns.kinds[columns.codes[i]! & 0x7f]).toBe(row.kind);
				const approx = row.precision === 'address' || row.precision === 'manual' ? 0 : APPROX_BIT;
				expect(columns.codes[i]! & APPROX_BIT, `${qs} #${columns.ids[i]} precision ${row.precision}`).toBe(approx);
			}
		}
	});

	it('the unfiltered set has both precisions and several kinds (the test above checks something)', async () => {
		const points = columnsToPoints(decodePoints(received(await mapPointsBinary(db, filters('')))));
		expect(points.length).toBeGreaterThan(400);
		expect(new Set(points.map((p) => p[3])).size).toBeGreaterThan(3);
		expect(points.some((p) => p[4] === 1) && points.some((p) => p[4] === 0)).toBe(true);
	});

	it('builds the JSON answer in a worker thread of its own too (issue 18: ~1 s of the event loop at 100,000), the same bytes as in the request', async () => {
		for (const qs of ['', 'kind=third_place&territory=63']) {
			const inWorker = await readTask(db, 'mapPointsJson', filters(qs));
			const here = mapPointsJsonBytes(db, filters(qs));
			expect(Buffer.from(inWorker).toString('utf8'), qs).toBe(Buffer.from(here).toString('utf8'));
			expect(JSON.parse(Buffer.from(inWorker).toString('utf8'))).toEqual(mapPoints(db, filters(qs)));
		}
		// Its French words (kinds and categories of the list) are the request's.
		expect(Buffer.from(await readTask(db, 'mapPointsJson', filters(''))).toString('utf8')).toMatch(/"kindLabel":"(Organisation|Tiers-lieu|Personne|Startup)/);
	});

	it('reads the same bytes in a worker thread of its own (how the server reads large sets), kept until the next write', async () => {
		const before = readWorkersStarted();
		const inWorker = await readTask(db, 'mapPoints', filters('kind=organisation'));
		expect(readWorkersStarted()).toBe(before + 1);
		expect([...inWorker]).toEqual([...(await mapPointsBinary(db, filters('kind=organisation')))]);
		await readTask(db, 'mapPoints', filters('kind=organisation'));
		expect(readWorkersStarted()).toBe(before + 1);
		// Other filters are another answer.
		await readTask(db, 'mapPoints', filters('kind=event'));
		expect(readWorkersStarted()).toBe(before + 2);
	});

	it('round-trips the extremes of the format: negative coordinates, the last kind, no point at all', () => {
		const kinds = ['a', 'b', 'c'];
		const points: [number, number, number, number, 0 | 1][] = [
			[2_147_483_647, -179.999999, -89.5, 2, 1],
			[1, 3.0812345, 45.7771234, 0, 0]
		];
		const back = columnsToPoints(decodePoints(received(encodePoints(points, kinds))));
		expect(back.map((p) => [p[0], p[3], p[4]])).toEqual(points.map((p) => [p[0], p[3], p[4]]));
		back.forEach((p, i) => {
			expect(Math.abs(p[1] - points[i]![1])).toBeLessThanOrEqual(HALF_STEP);
			expect(Math.abs(p[2] - points[i]![2])).toBeLessThanOrEqual(HALF_STEP);
		});
		expect(decodePoints(received(encodePoints([], kinds)))).toMatchObject({ count: 0, kinds });
		expect(() => decodePoints(new TextEncoder().encode('{"points":[]}').buffer)).toThrow(/not a points answer/);
		expect(() => decodePoints(received(encodePoints(points, kinds).subarray(0, 30)))).toThrow();
	});
});
