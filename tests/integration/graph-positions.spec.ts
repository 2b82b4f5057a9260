import { describe, expect, it } from 'vitest';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { graphCompactResponse } from '../../src/lib/domain/graph-format';
import { decodeCompact } from '../../src/lib/graph/compact-graph';
import { forceAtlasPositions } from '../../src/lib/graph/forceatlas-positions';
import { liveGraph } from '../../src/lib/server/graph/graph-cache';
import { livePositions } from '../../src/lib/server/graph/positions-cache';
import { positionsWorkersStarted } from '../../src/lib/server/graph/positions-worker';
import { graphView } from '../../src/lib/server/services/graph.service';
import { graphViewCompact } from '../../src/lib/server/services/graph-compact.service';
import { createRelations } from '../../src/lib/server/services/entity-write.service';

let db: Db;
demoDbForFile((d) => (db = d));

const all = new URLSearchParams('limit=20000');

describe('whole-graph positions computed on the server', () => {
	it('are the same for the same seed, and another seed gives another picture', () => {
		const { index } = liveGraph(db);
		const input = { n: index.nodes.length, edgeSource: index.edgeSource, edgeTarget: index.edgeTarget };
		const a = forceAtlasPositions(input, { seed: 3, iterations: 40 });
		const b = forceAtlasPositions(input, { seed: 3, iterations: 40 });
		const c = forceAtlasPositions(input, { seed: 4, iterations: 40 });
		expect(Array.from(a.x)).toEqual(Array.from(b.x));
		expect(Array.from(a.y)).toEqual(Array.from(b.y));
		expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
	});

	it('place every actor of the compact answer, which says what the JSON answer says', async () => {
		const started = positionsWorkersStarted();
		const answer = graphCompactResponse.parse(JSON.parse(JSON.stringify(await graphViewCompact(db, all))));
		expect(positionsWorkersStarted()).toBe(started + 1);
		expect(answer.positionsStale).toBe(false);
		const json = graphView(db, all);
		const whole = decodeCompact(answer);
		expect(whole.nodes.map((n) => n.id)).toEqual(json.nodes.map((n) => n.id));
		expect(whole.nodes.map((n) => n.label)).toEqual(json.nodes.map((n) => n.label));
		expect(whole.edges).toEqual(json.edges.map((e) => ({ source: e.source, target: e.target, type: e.type })));
		expect(whole.nodes.length).toBeGreaterThan(400);
		for (const n of whole.nodes) {
			expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
		}
		// Spread out, not piled up: the layout ran.
		const xs = new Set(whole.nodes.map((n) => Math.round(n.x)));
		expect(xs.size).toBeGreaterThan(whole.nodes.length / 4);

		// Asked again for the same revision: kept, no new thread.
		await graphViewCompact(db, new URLSearchParams('limit=50'));
		expect(positionsWorkersStarted()).toBe(started + 1);
	});

	it('after a change, serve the previous positions at once, marked stale, while a worker computes the new ones', async () => {
		const before = await livePositions(db, { fresh: true });
		const started = positionsWorkersStarted();
		const json = graphView(db, all);
		const [a, b] = [json.nodes[0]!.id, json.nodes.at(-1)!.id];
		createRelations(db, [{ type: 'partner_of', sourceId: a, targetId: b, confirmation: 'confirmed', source: 'test' }]);

		const meanwhile = decodeCompact(await graphViewCompact(db, all));
		const answer = await graphViewCompact(db, all);
		expect(answer.positionsStale).toBe(true);
		expect(answer.revision).toBeGreaterThan(before.revision);
		expect(positionsWorkersStarted()).toBe(started + 1);
		// The actors keep the places they had (the new relation moves nobody until the new layout is in).
		const row = before.index.position.get(a)!;
		expect(meanwhile.nodes.find((n) => n.id === a)).toMatchObject({ x: Math.round(before.x[row]! * 10) / 10, y: Math.round(before.y[row]! * 10) / 10 });

		const after = await livePositions(db, { fresh: true });
		expect(after.stale).toBe(false);
		expect(after.revision).toBe(answer.revision);
		expect(after.x.length).toBe(liveGraph(db).index.nodes.length);
		const fresh = await graphViewCompact(db, all);
		expect(fresh.positionsStale).toBe(false);
		expect(positionsWorkersStarted()).toBe(started + 1);
	});
});
