/**
 * Every actor's pathway, extracted once per graph revision (the same revision counter as the graph cache:
 * relations and actors bump it) and kept per connection. Flows and the finder then filter and count in
 * memory, which keeps them well under 100 ms at the 10k scale. On a large directory the server rebuilds them
 * in a worker while the previous revision's are served (see worker/background.ts).
 */
import { extractPathway, hasPathway } from '$lib/pathways/extract';
import type { Pathway } from '$lib/pathways/types';
import type { Db } from '../db';
import { graphRevision } from '../repos/graph.repo';
import { backgroundRebuildFor } from '../worker/background';
import { backgroundRebuilder } from '../worker/rebuilder';
import { inWorker } from '../worker/read-worker';
import { fromPartsSteps } from '../worker/in-parts';
import { inSlices } from '../worker/in-slices';
import type { ReadTaskResult } from '../worker/read-tasks';
import { buildPathways, type PathwaysData } from './pathway-build';
import { pathwayEntitiesWhere, pathwayRelationRowsOf } from '../repos/pathway.repo';

export interface LivePathways extends PathwaysData {
	territoryName: (code: string) => string;
}

const cache = new WeakMap<Db, LivePathways>();
function live(db: Db, data: PathwaysData): LivePathways {
	const pathways = { ...data, territoryName: (code: string) => data.names.get(code) ?? code };
	cache.set(db, pathways);
	return pathways;
}

const servedRevision = (db: Db) => cache.get(db)?.revision ?? -1;

/** Put together from the worker's parts one per turn (worker/in-parts.ts), if still the newest. */
async function takeIn(db: Db, answer: ReadTaskResult<'pathways'>): Promise<void> {
	const data = await inSlices(fromPartsSteps(answer), 0);
	if (db.$client.open && servedRevision(db) < data.revision) live(db, data);
}

/** As the graph's index (graph-cache.ts): built in a worker while the previous pathways are served. */
const rebuilder = backgroundRebuilder('pathways', servedRevision, takeIn);

const firstBuilds = new WeakMap<Db, Promise<void>>();

/**
 * Resolves once this connection has pathways to serve. On a large directory the very first build (3 s at
 * 100,000 actors) runs in a worker too: the server starts it at start-up and the requests that need pathways
 * await it here before calling the services, instead of one of them building them on the event loop while
 * everybody waits. Elsewhere (tests, scripts, the demo) it resolves at once and livePathways builds in place.
 */
export function pathwaysReady(db: Db): Promise<void> {
	if (cache.has(db)) return Promise.resolve();
	let first = firstBuilds.get(db);
	if (first) return first;
	// The highest id stands for the size (no count over the whole table): enough to tell the demo from 100k.
	const size = (db.$client.prepare('SELECT max(id) AS n FROM entities').get() as { n: number | null }).n ?? 0;
	if (!backgroundRebuildFor(db, size)) return Promise.resolve();
	first = inWorker('pathways', db.$client.name)
		.then((answer) => takeIn(db, answer))
		// The request builds them itself then, as before.
		.catch((e: unknown) => console.error('Parcours : construction impossible dans un fil de travail.', e));
	firstBuilds.set(db, first);
	void first.finally(() => firstBuilds.delete(db));
	return first;
}

export function livePathways(db: Db): LivePathways {
	const revision = graphRevision(db);
	const current = cache.get(db);
	if (current && current.revision === revision) return current;
	if (current && !rebuilder.failed(db) && backgroundRebuildFor(db, current.actors)) {
		rebuilder.ask(db, revision);
		return current;
	}
	return live(db, buildPathways(db));
}

/** Whether the pathways served are an earlier revision's, while the current ones are built in a worker (« calcul en cours »). */
export function pathwaysAreStale(db: Db, live: LivePathways): boolean {
	return live.revision !== graphRevision(db);
}

/**
 * One actor's pathway (by id or slug), or null when the actor has none (not a project or an entrepreneur): read
 * from the database as it is now (the actor, its step relations, their other ends: three indexed reads), so
 * the server never holds every actor's relations for it.
 */
export function pathwayOf(db: Db, idOrSlug: string): Pathway | null | undefined {
	const [e] = pathwayEntitiesWhere(db, /^\d+$/.test(idOrSlug) ? { ids: [Number(idOrSlug)] } : { slug: idOrSlug });
	if (!e) return undefined;
	if (!hasPathway(e)) return null;
	const relations = pathwayRelationRowsOf(db, e.id);
	const others = new Set(relations.flatMap((r) => [r.sourceId, r.targetId]).filter((id) => id !== e.id));
	const byId = new Map(pathwayEntitiesWhere(db, { ids: [...others] }).map((o) => [o.id, o]));
	byId.set(e.id, e);
	// As buildPathways: a relation counts when both its ends are published actors.
	const steps = relations.filter((r) => byId.has(r.sourceId) && byId.has(r.targetId));
	return extractPathway(e, steps, (id) => byId.get(id));
}
