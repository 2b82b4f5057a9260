/**
 * Issue 18 §2: the finder and the flows answer from what is prepared once per revision (in the worker at
 * scale). Their answers must be the direct computation's: the flows as aggregateFlows defines them, the finder
 * as it ranked before (every structure scored with its sentences, ends read from the database, history counted
 * over every project), on the seeded demo database; and a new revision built in the worker must carry them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { demoDbForFile } from './fresh-db';
import { openDb, type Db } from '../../src/lib/server/db/index';
import { eq } from 'drizzle-orm';
import { territories } from '../../src/lib/server/db/schema';
import { graphRevision } from '../../src/lib/server/repos/graph.repo';
import { livePathways, pathwaysReady } from '../../src/lib/server/pathways/pathway-cache';
import { projectWithSteps } from './project-with-steps';
import { findRoute, flowsCsv, pathwayFlows, TRANSITIONS_SHOWN } from '../../src/lib/server/services/pathway.service';
import { actorEnds, communeOrigin, UNKNOWN_END, type CommuneOrigin } from '../../src/lib/server/services/distance.service';
import { createRelations } from '../../src/lib/server/services/entity-write.service';
import { rebuildInBackground } from '../../src/lib/server/worker/background';
import { readWorkersStarted } from '../../src/lib/server/worker/read-worker';
import { aggregateFlows } from '../../src/lib/pathways/flows';
import { aggregateFlowsIndexed } from '../../src/lib/pathways/flows-indexed';
import {
	explain,
	historyCounts,
	indexedHistoryCounts,
	REACH_KM,
	ROUTE_TEMPLATE,
	routeFrom,
	scoreOption,
	type Candidate,
	type RouteTemplateStep
} from '../../src/lib/pathways/finder';
import { showDistance, scoringKm } from '../../src/lib/geo/distance-precision';
import { shownIn } from '../../src/lib/pathways/finder-words';
import { distanceKm } from '../../src/lib/geo/distance';
import { OFFERS, SECTORS, STAGES, type Offer, type Stage } from '../../src/lib/domain/vocabulary';
import type { FinderQuery, FinderStep, FlowFilters } from '../../src/lib/pathways/types';

let db: Db;
let path: string;
demoDbForFile((d, p) => ((db = d), (path = p)));
afterAll(() => rebuildInBackground(false));

const THIS_YEAR = new Date().getFullYear();

/** Every filter a visitor can set, one dimension at a time, and a few together. */
function flowFilters(): FlowFilters[] {
	const live = livePathways(db);
	const epcis = [...new Set(live.flows.projects.map((p) => p.epciCode).filter((c): c is string => c != null))].slice(0, 6);
	const out: FlowFilters[] = [];
	for (const level of ['category', 'structure'] as const) {
		out.push({ level });
		for (const sector of SECTORS) out.push({ level, sector });
		for (const departement of ['03', '15', '43', '63']) out.push({ level, departement });
		for (const epci of epcis) out.push({ level, epci });
		out.push({ level, from: 2015 }, { level, to: 2018 }, { level, from: 2012, to: 2020 }, { level, from: 2021, to: 2021 });
		out.push({ level, sector: 'digital', departement: '63', from: 2010 }, { level, sector: 'agrifood', epci: epcis[0]!, to: 2022 });
	}
	return out;
}

/** The finder as it was computed directly (before issue 18): every fitting structure scored with its sentences. */
function directStep(
	order: number,
	step: RouteTemplateStep,
	candidates: Candidate[],
	query: Pick<FinderQuery, 'sectors' | 'needs'>,
	origin: CommuneOrigin,
	history: Map<number, number>,
	previous: RouteTemplateStep | null
): FinderStep {
	const originEnd = { accuracy: origin.accuracy, communeCode: origin.code, epciCode: origin.epciCode };
	const fitting = candidates.filter((c) => step.categories.includes(c.structure.category));
	const max = Math.max(0, ...fitting.map((c) => history.get(c.structure.id) ?? 0));
	const scored = fitting.map((c) => {
		const { score, parts, serves } = scoreOption(c, step, query, origin, { count: history.get(c.structure.id) ?? 0, max, previous });
		const counted = c.distanceKm == null ? null : scoringKm(c.distanceKm, originEnd, c.end);
		const option = {
			structure: c.structure,
			distanceKm: c.distanceKm == null ? null : Math.round(c.distanceKm * 10) / 10,
			distance: c.distanceKm == null ? null : shownIn(showDistance(c.distanceKm, originEnd, c.end), c.end.accuracy, 'fr'),
			score,
			parts,
			why: explain(parts),
			withinReach: c.distanceKm != null && c.distanceKm <= REACH_KM
		};
		return { option, serves, counted: counted ?? Infinity };
	});
	type S = (typeof scored)[number];
	const byRank = (a: S, b: S) =>
		Number(b.serves) - Number(a.serves) || b.option.score - a.option.score || a.counted - b.counted || a.option.structure.id - b.option.structure.id;
	const eligible = scored.some((s) => s.serves) ? scored.filter((s) => s.serves) : scored;
	const near = eligible.filter((s) => s.option.withinReach).sort(byRank);
	let chosen = near.slice(0, 5);
	if (chosen.length < 3) {
		const further = eligible
			.filter((s) => !s.option.withinReach)
			.sort((a, b) => (a.option.distanceKm ?? Infinity) - (b.option.distanceKm ?? Infinity) || byRank(a, b));
		chosen = [...chosen, ...further.slice(0, 3 - chosen.length)].sort(byRank);
	}
	return { order, stage: step.stage, title: step.title(), offers: step.offers, options: chosen.map((s) => s.option), nothingNear: near.length === 0 };
}

function directRoute(q: { stage: Stage; commune: string; sectors: string[]; needs: Offer[] }): FinderStep[] {
	const live = livePathways(db);
	const origin = communeOrigin(db, q.commune) as CommuneOrigin;
	const ends = actorEnds(
		db,
		live.structures.map((s) => s.id)
	);
	const candidates: Candidate[] = live.structures.map((structure) => ({
		structure,
		distanceKm: structure.lon == null || structure.lat == null ? null : distanceKm([origin.lon, origin.lat], [structure.lon, structure.lat]),
		end: ends.get(structure.id) ?? UNKNOWN_END
	}));
	const template = routeFrom(q.stage);
	return template.map((step, i) => {
		const previous = i > 0 ? template[i - 1]! : null;
		return directStep(i + 1, step, candidates, q, origin, historyCounts(live.flows, q.sectors, previous), previous);
	});
}

/** Communes with a centre, spread over the four départements. */
function someCommunes(n: number): string[] {
	const all = db
		.select({ code: territories.code })
		.from(territories)
		.where(eq(territories.kind, 'commune'))
		.all()
		.map((c) => c.code)
		.filter((code) => {
			const origin = communeOrigin(db, code);
			return origin != null && 'code' in origin;
		});
	return Array.from({ length: n }, (_, i) => all[Math.floor((i * all.length) / n)]!);
}

function finderCases() {
	const communes = someCommunes(12);
	return communes.map((commune, i) => ({
		stage: STAGES[i % STAGES.length]!,
		commune,
		sectors: i % 3 === 0 ? [] : [SECTORS[i % SECTORS.length]!, ...(i % 4 === 0 ? [SECTORS[(i + 3) % SECTORS.length]!] : [])],
		needs: i % 2 === 0 ? [] : [OFFERS[i % OFFERS.length]!]
	}));
}

const finderParams = (q: ReturnType<typeof finderCases>[number]) => {
	const p = new URLSearchParams({ stage: q.stage, commune: q.commune });
	for (const s of q.sectors) p.append('sector', s);
	for (const n of q.needs) p.append('need', n);
	return p;
};

function expectSameAsDirect() {
	const live = livePathways(db);
	for (const filters of flowFilters()) {
		const direct = aggregateFlows(live.flows, filters, live.territoryName, THIS_YEAR);
		expect(aggregateFlowsIndexed(live.flows, live.flowIndex, filters, live.territoryName, THIS_YEAR), JSON.stringify(filters)).toEqual(direct);
		// What a request gets: the same, the 200 most taken transitions shown.
		const params = new URLSearchParams(Object.entries(filters).map(([k, v]) => [k, String(v)]));
		expect(pathwayFlows(db, params), JSON.stringify(filters)).toEqual({ stale: false, ...direct, transitions: direct.transitions.slice(0, TRANSITIONS_SHOWN) });
	}
	for (const q of finderCases()) expect(findRoute(db, finderParams(q)).steps, JSON.stringify(q)).toEqual(directRoute(q));
}

describe('finder and flows from the per-revision indexes (issue 18)', () => {
	it('answer what the direct computation answers, filter by filter and for every kind of finder question', () => {
		const flows = pathwayFlows(db, new URLSearchParams('level=structure'));
		// The cases are not trivial: several columns grouped into « Autres structures », many transitions.
		expect(flows.nodes.some((n) => n.key === 'other')).toBe(true);
		expect(flows.transitionCount).toBeGreaterThan(50);
		expectSameAsDirect();
		// The CSV takes every transition, not the 200 shown.
		const csv = flowsCsv(db, new URLSearchParams('level=structure'));
		expect(String(csv.body).trimEnd().split('\r\n')).toHaveLength(flows.transitionCount + 1);
	});

	it('count the history of several sectors as over their projects together, a project in two of them once', () => {
		const live = livePathways(db);
		const choices = SECTORS.flatMap((a, i) => SECTORS.slice(i + 1).map((b) => [a, b]));
		choices.push([SECTORS[0]!, SECTORS[1]!, SECTORS[2]!], [SECTORS[3]!, SECTORS[3]!]);
		// The cases count: projects of several of the chosen sectors exist (counted once, not twice).
		const inTwo = (sectors: string[]) => live.flows.projects.filter((p) => sectors.filter((s) => p.sectors.includes(s)).length > 1).length;
		expect(choices.filter((c) => inTwo(c) > 0).length).toBeGreaterThan(3);
		for (const sectors of choices)
			for (const previous of [null, ...ROUTE_TEMPLATE])
				expect(indexedHistoryCounts(live.finder, live.flows, sectors, previous), `${sectors} après ${previous?.stage ?? '—'}`).toEqual(
					historyCounts(live.flows, sectors, previous)
				);
	});

	it('a new revision built in the worker carries the indexes: the previous served meanwhile, then answers equal to the direct computation', async () => {
		rebuildInBackground(true, 1);
		const before = livePathways(db);
		const started = readWorkersStarted();
		const project = { project: projectWithSteps(db, before, (n) => n === 0) };
		const incubator = before.structures.find((s) => s.category === 'incubator' && s.stages.includes('creation'))!;
		createRelations(db, [
			{ type: 'incubated_by', sourceId: project.project.id, targetId: incubator.id, startDate: '2024-02', confirmation: 'declared', source: 'test' }
		]);
		expect(livePathways(db)).toBe(before);
		// Meanwhile the answers are the previous revision's, and say so.
		expect(pathwayFlows(db, new URLSearchParams()).stale).toBe(true);
		expect(findRoute(db, finderParams(finderCases()[0]!)).stale).toBe(true);
		const deadline = Date.now() + 30_000;
		while (livePathways(db).revision !== graphRevision(db)) {
			if (Date.now() > deadline) throw new Error('délai dépassé');
			await new Promise((r) => setTimeout(r, 20));
		}
		expect(readWorkersStarted()).toBe(started + 1);
		const after = livePathways(db);
		// Sent across as structured clones: the typed arrays and maps are still what the requests read.
		expect(after.flowIndex.keyOrder).toBeInstanceOf(Int32Array);
		expect(after.finder.projectsBySector).toBeInstanceOf(Map);
		expect(after.ends.size).toBe(after.structures.length);
		expect(pathwayFlows(db, new URLSearchParams()).stale).toBe(false);
		const steps = after.flows.projects.find((p) => p.id === project.project.id)!.steps;
		expect(steps.some((s) => s.structureId === incubator.id && s.start === '2024-02')).toBe(true);
		expectSameAsDirect();
		rebuildInBackground(false);
	});

	it('a fresh connection to a large directory gets its first pathways from a worker (pathwaysReady), not built on its own thread', async () => {
		rebuildInBackground(true, 1);
		const other = openDb(path, { migrate: false });
		try {
			const started = readWorkersStarted();
			const ready = pathwaysReady(other);
			// Asked twice while under way: one build.
			expect(pathwaysReady(other)).toBe(ready);
			await ready;
			expect(readWorkersStarted()).toBe(started + 1);
			expect(livePathways(other).revision).toBe(graphRevision(other));
			expect(pathwayFlows(other, new URLSearchParams())).toEqual(pathwayFlows(db, new URLSearchParams()));
		} finally {
			other.$client.close();
			rebuildInBackground(false);
		}
	});
});
