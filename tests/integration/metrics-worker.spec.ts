import { describe, expect, it } from 'vitest';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { liveMetrics } from '../../src/lib/server/graph/graph-cache';
import { metricsInWorker, runningMetricsWorkers } from '../../src/lib/server/graph/metrics-worker';
import { graphMetrics, graphMetricsJson, graphView } from '../../src/lib/server/services/graph.service';
import { createRelations } from '../../src/lib/server/services/entity-write.service';
import { computeMetrics, metricsInput, type MetricsInput } from '../../src/lib/graph/metrics';
import { buildGraphIndex, type GraphEdge, type GraphNode } from '../../src/lib/graph/graph-index';

let db: Db;
demoDbForFile((d) => (db = d));

/** A 6,000-actor graph in a few local clusters with bridges: heavy enough that the main thread would stall on it. */
function syntheticInput(n = 6_000): MetricsInput {
	const nodes: GraphNode[] = Array.from({ length: n }, (_, i) => ({
		id: i + 1,
		slug: `a${i}`,
		label: `Acteur ${i}`,
		kind: 'organisation',
		category: 'company',
		communeCode: null,
		communeName: null,
		lon: null,
		lat: null
	}));
	const edges: GraphEdge[] = [];
	const edge = (s: number, t: number, type: string) =>
		edges.push({ id: edges.length + 1, type, source: s + 1, target: t + 1, startDate: null, endDate: null, confirmation: 'confirmed', sourceRef: null });
	for (let i = 0; i < n; i++) {
		edge(i, (i + 1) % n, 'partner_of');
		edge(i, (i + 7) % n, 'member_of');
		if (i % 50 === 0) edge(i, (i * 37) % n, 'funded_by');
	}
	return metricsInput(buildGraphIndex(nodes, edges));
}

describe('graph metrics in a worker thread', () => {
	it('are computed off the event loop, with the same figures as on it', async () => {
		const input = syntheticInput();
		const gaps: number[] = [];
		let last = performance.now();
		const ticker = setInterval(() => {
			const now = performance.now();
			gaps.push(now - last);
			last = now;
		}, 10);
		const started = performance.now();
		const run = metricsInWorker(input);
		const off = await run.result;
		const tookMs = performance.now() - started;
		clearInterval(ticker);
		// The timer kept firing all along: the server would have kept answering.
		expect(tookMs).toBeGreaterThan(200);
		expect(gaps.length).toBeGreaterThan(tookMs / 40);
		expect(Math.max(...gaps.slice(1))).toBeLessThan(150);

		const on = computeMetrics(input);
		expect(Array.from(off.degree)).toEqual(Array.from(on.degree));
		expect(Array.from(off.pagerank)).toEqual(Array.from(on.pagerank));
		expect(Array.from(off.betweenness)).toEqual(Array.from(on.betweenness));
		expect(Array.from(off.community)).toEqual(Array.from(on.community));
		expect(off.communitySizes).toEqual(on.communitySizes);
	});

	it('after a change, serve the previous revision at once, marked stale, then the new one', async () => {
		const before = await graphMetrics(db, { fresh: true });
		expect(before.stale).toBe(false);
		const view = graphView(db, new URLSearchParams(''));
		const [a, b] = [view.nodes[0]!.id, view.nodes.at(-1)!.id];
		createRelations(db, [{ type: 'partner_of', sourceId: a!, targetId: b!, confirmation: 'confirmed', source: 'test' }]);

		const meanwhile = await graphMetrics(db);
		expect(meanwhile.stale).toBe(true);
		expect(meanwhile.revision).toBe(before.revision);
		expect(meanwhile.nodes[a!]!.degree).toBe(before.nodes[a!]!.degree);
		// The API's text is the same answer; only its head (stale) differs from the fresh one's.
		expect(JSON.parse((await graphMetricsJson(db)).text)).toEqual(meanwhile);
		expect({ ...meanwhile, stale: false }).toEqual(before);

		const after = await graphMetrics(db, { fresh: true });
		expect(after.stale).toBe(false);
		expect(after.revision).toBeGreaterThan(before.revision);
		expect(after.nodes[a!]!.degree).toBe(before.nodes[a!]!.degree + 1);
		expect((await graphMetrics(db)).stale).toBe(false);
	});

	it('a change during a computation stops it and starts the new revision’s: one thread at a time, waiters get the new one', async () => {
		const view = graphView(db, new URLSearchParams(''));
		const ids = view.nodes.map((n) => n.id);
		const relate = (i: number) =>
			createRelations(db, [{ type: 'partner_of', sourceId: ids[i]!, targetId: ids[i + 10]!, confirmation: 'declared', source: 'test' }]);
		relate(0);
		const waiting = liveMetrics(db, { fresh: true });
		const startedFor = (await graphMetrics(db)).revision;
		const seen: number[] = [runningMetricsWorkers()];
		for (let i = 1; i < 4; i++) {
			relate(i);
			void liveMetrics(db);
			seen.push(runningMetricsWorkers());
			await new Promise((r) => setTimeout(r, 5));
		}
		const latest = await liveMetrics(db, { fresh: true });
		const got = await waiting;
		// Asked while an older revision was being computed, answered with the newest one.
		expect(latest.revision).toBeGreaterThan(startedFor);
		expect(got.revision).toBe(latest.revision);
		expect(got.stale).toBe(false);
		expect(seen).toEqual([1, 1, 1, 1]);
		await new Promise((r) => setTimeout(r, 200));
		expect(runningMetricsWorkers()).toBe(0);
	});
});
