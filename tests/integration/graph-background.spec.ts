import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { graphRevision } from '../../src/lib/server/repos/graph.repo';
import { liveGraph, liveMetrics } from '../../src/lib/server/graph/graph-cache';
import { buildLiveGraph } from '../../src/lib/server/graph/graph-build';
import { projectWithSteps } from './project-with-steps';
import { livePathways } from '../../src/lib/server/pathways/pathway-cache';
import { graphView } from '../../src/lib/server/services/graph.service';
import { createRelations } from '../../src/lib/server/services/entity-write.service';
import { rebuildInBackground } from '../../src/lib/server/worker/background';
import { backgroundRebuilder } from '../../src/lib/server/worker/rebuilder';
import { readWorkersStarted } from '../../src/lib/server/worker/read-worker';

let db: Db;
demoDbForFile((d) => (db = d));
// As the server does (hooks.server.ts), from the demo's size on instead of 5,000 actors.
beforeAll(() => rebuildInBackground(true, 1));
afterAll(() => rebuildInBackground(false));

async function until(ok: () => boolean, timeoutMs = 20_000) {
	const deadline = Date.now() + timeoutMs;
	while (!ok()) {
		if (Date.now() > deadline) throw new Error('délai dépassé');
		await new Promise((r) => setTimeout(r, 20));
	}
}

describe('the graph rebuilt in a worker while the previous one is served (issue 18)', () => {
	it('serves the previous graph, marked stale, then the new one with the write in it', async () => {
		const before = liveGraph(db);
		const view = graphView(db, new URLSearchParams('limit=20000'));
		expect(view.stale).toBe(false);
		const [a, b] = [view.nodes[0]!.id, view.nodes.at(-1)!.id];
		const edgesBefore = before.index.edges.length;
		createRelations(db, [{ type: 'partner_of', sourceId: a, targetId: b, confirmation: 'declared', source: 'test' }]);

		const meanwhile = graphView(db, new URLSearchParams('limit=20000'));
		expect(liveGraph(db)).toBe(before);
		expect(meanwhile.stale).toBe(true);
		expect(meanwhile.revision).toBe(before.revision);
		// The metrics of the graph served say they are the previous revision's too.
		expect((await liveMetrics(db)).stale).toBe(true);

		await until(() => liveGraph(db).revision === graphRevision(db));
		const after = graphView(db, new URLSearchParams('limit=20000'));
		expect(after.stale).toBe(false);
		expect(liveGraph(db).index.edges.length).toBe(edgesBefore + 1);
		// Crossed as columns and rebuilt in slices (graph-transfer.ts): the same index as built here directly.
		expect(liveGraph(db)).toEqual(buildLiveGraph(db));
		expect((await liveMetrics(db, { fresh: true })).stale).toBe(false);
		expect(after.edges.some((e) => new Set([e.source, e.target]).size === 2 && [e.source, e.target].includes(a) && [e.source, e.target].includes(b))).toBe(
			true
		);
	});

	it('many writes during a build: one build at a time, and the last state wins', async () => {
		const ids = liveGraph(db).index.nodes.map((n) => n.id);
		const started = readWorkersStarted();
		for (let i = 0; i < 5; i++) {
			createRelations(db, [{ type: 'partner_of', sourceId: ids[i]!, targetId: ids[i + 20]!, confirmation: 'declared', source: 'test' }]);
			liveGraph(db);
		}
		await until(() => liveGraph(db).revision === graphRevision(db));
		// The first build, then at most one more for everything written meanwhile.
		expect(readWorkersStarted() - started).toBeLessThanOrEqual(2);
		expect(graphView(db, new URLSearchParams()).stale).toBe(false);
	});

	it('a write just after a build waits for the pause before the next build (twice the last build), then is built', async () => {
		const ids = liveGraph(db).index.nodes.map((n) => n.id);
		createRelations(db, [{ type: 'partner_of', sourceId: ids[40]!, targetId: ids[41]!, confirmation: 'declared', source: 'test' }]);
		liveGraph(db);
		await until(() => liveGraph(db).revision === graphRevision(db));
		const started = readWorkersStarted();
		createRelations(db, [{ type: 'partner_of', sourceId: ids[42]!, targetId: ids[43]!, confirmation: 'declared', source: 'test' }]);
		// Asked during the pause: nothing starts now, the previous graph is served, said as such.
		expect(graphView(db, new URLSearchParams()).stale).toBe(true);
		expect(readWorkersStarted()).toBe(started);
		await until(() => liveGraph(db).revision === graphRevision(db));
		expect(readWorkersStarted()).toBe(started + 1);
		expect(graphView(db, new URLSearchParams()).stale).toBe(false);
	});

	it('an answer taken in wrong leaves the connection to build in its own thread, and nothing unhandled', async () => {
		const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const rebuilder = backgroundRebuilder(
			'liveGraph',
			() => -1,
			async () => {
				throw new Error('illisible');
			}
		);
		rebuilder.ask(db, graphRevision(db));
		await until(() => rebuilder.failed(db));
		expect(errors.mock.calls[0]![0]).toContain('réponse du fil de travail illisible');
		errors.mockRestore();
	});

	it('the pathways too: the previous ones served, then the new ones', async () => {
		const before = livePathways(db);
		const project = projectWithSteps(db, before, () => true);
		const other = before.structures.find((s) => s.id !== project.id)!;
		createRelations(db, [{ type: 'incubated_by', sourceId: project.id, targetId: other.id, confirmation: 'declared', source: 'test' }]);
		expect(livePathways(db)).toBe(before);
		await until(() => livePathways(db).revision === graphRevision(db));
		const after = livePathways(db);
		expect(after).not.toBe(before);
		expect(after.stepCounts.get(project.id)).toBe(before.stepCounts.get(project.id)! + 1);
		// Rebuilt from plain data sent across: names still read.
		expect(after.territoryName('63')).toBe(before.territoryName('63'));
	});
});
