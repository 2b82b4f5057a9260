import { STAGES, vocabularyIn, type Offer, type Stage } from '$lib/domain/vocabulary';
import { scoringKm, showDistance, type DistanceEnd, type PointAccuracy } from '$lib/geo/distance-precision';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { distanceFromIn, shownIn, someCategoriesEn } from './finder-words';
import type { PathwayEntity } from './extract';
import type { FlowData } from './flows';
import type { FinderOption, FinderQuery, FinderStep, ScorePart } from './types';
import { aCategory, frenchList, frenchSpacing } from '$lib/domain/french';

/** One step of the proposed route: the stage it belongs to, the kinds of structures that do it, what it brings. */
export interface RouteTemplateStep {
	stage: Stage;
	/** Said in the request's language (getLocale() on the server): French for the API and the French pages, English under /en. */
	title: () => string;
	categories: string[];
	offers: Offer[];
}

/** The route an entrepreneur usually follows in Auvergne, from the idea to scaling up (DOMAIN.md stages). */
export const ROUTE_TEMPLATE: RouteTemplateStep[] = [
	{
		stage: 'emergence',
		title: m.pathways_route_emergence,
		categories: ['rural_third_place', 'coworking', 'fablab', 'living_lab', 'makerspace', 'association', 'lab', 'university'],
		offers: ['hosting', 'equipment', 'networking', 'expertise']
	},
	{
		stage: 'creation',
		title: m.pathways_route_support,
		categories: ['incubator', 'incubation_space', 'support_network'],
		offers: ['mentoring', 'hosting', 'training']
	},
	{ stage: 'creation', title: m.pathways_route_funding, categories: ['funder', 'public_body'], offers: ['funding'] },
	{
		stage: 'development',
		title: m.pathways_route_development,
		categories: ['accelerator', 'support_network', 'cluster'],
		offers: ['market_access', 'mentoring', 'networking']
	},
	{
		stage: 'growth',
		title: m.pathways_route_growth,
		categories: ['funder', 'accelerator', 'cluster', 'public_body'],
		offers: ['funding', 'market_access', 'networking']
	}
];

/** Within this distance a structure counts as « à portée » (a day trip from a rural commune). */
export const REACH_KM = 60;
/** Points out of 100. Distance weighs as much as the stage: from a rural commune, 15 km and 60 km are different lives. */
export const MAX = { stage: 30, sector: 15, offer: 15, distance: 30, history: 10 } as const;
/** Distance points halve at DISTANCE_HALF_KM: 30 at the door, 15 at 20 km, 7.5 at 60 km. */
const DISTANCE_HALF_KM = 20;

export interface Origin {
	/** INSEE code of the entrepreneur's commune. */
	code: string;
	name: string;
	lon: number;
	lat: number;
	/** How the commune's centre was placed (most communes still sit at their intercommunality's seat). */
	accuracy: PointAccuracy;
	epciCode: string | null;
}

export interface Candidate {
	structure: PathwayEntity;
	/** Measured between the stored points. */
	distanceKm: number | null;
	/** How the structure's point was placed. */
	end: DistanceEnd;
}

const originEnd = (origin: Origin): DistanceEnd => ({ accuracy: origin.accuracy, communeCode: origin.code, epciCode: origin.epciCode });

/** The distance the score counts: what was measured, never nearer than the two points' precision allows. */
const countedKm = (c: Candidate, origin: Origin): number | null => (c.distanceKm == null ? null : scoringKm(c.distanceKm, originEnd(origin), c.end));

const list = (codes: string[], label: (c: string) => string) => codes.map(label).join(', ');

/** French spacing inside « » and before « ; » (French-phrasing module); English needs none. */
const typeset = (text: string) => (getLocale() === 'fr' ? frenchSpacing(text) : text);
/** An offer inside an English sentence reads in lower case (« offers hosting, funding »). */
const offerIn = (code: string) => (getLocale() === 'en' ? vocabularyIn('en').offer(code).toLowerCase() : vocabularyIn('fr').offer(code));

/**
 * How often projects of the entrepreneur's sectors went to each structure at this point of the route:
 * right after a structure of the previous step's kinds (as a first support step for the route's first step).
 * When no project of those sectors did, any passage through the structure counts instead.
 */
export function historyCounts(
	data: FlowData,
	sectors: string[],
	previous: RouteTemplateStep | null,
	among: readonly FlowData['projects'][number][] = data.projects
): Map<number, number> {
	const { next, any } = passages(data, sectors, previous, among);
	return next.size > 0 ? next : any;
}

/** Both counts historyCounts chooses between: right after the previous step's kinds (`next`), and anywhere (`any`). */
interface Passages {
	next: Map<number, number>;
	any: Map<number, number>;
}

const beforeOf = (data: FlowData, previous: RouteTemplateStep | null) =>
	previous ? new Set(previous.categories.map((c) => data.keys.indexOf(c)).filter((i) => i >= 0)) : null;

/** Adds `weight` for each structure one project passed through (each counted once per project). */
function countProject(p: FlowData['projects'][number], before: Set<number> | null, into: Passages, weight: number) {
	const seenNext = new Set<number>();
	const seenAny = new Set<number>();
	p.steps.forEach((s, i) => {
		seenAny.add(s.structureId);
		const prev = p.steps[i - 1];
		if (before ? prev != null && before.has(prev.category) : i === 0) seenNext.add(s.structureId);
	});
	for (const id of seenNext) into.next.set(id, (into.next.get(id) ?? 0) + weight);
	for (const id of seenAny) into.any.set(id, (into.any.get(id) ?? 0) + weight);
}

function passages(data: FlowData, sectors: string[], previous: RouteTemplateStep | null, among: readonly FlowData['projects'][number][]): Passages {
	const before = beforeOf(data, previous);
	const counted: Passages = { next: new Map(), any: new Map() };
	for (const p of among) {
		if (sectors.length > 0 && !p.sectors.some((s) => sectors.includes(s))) continue;
		countProject(p, before, counted, 1);
	}
	return counted;
}

// The score's points, each said once: scoreOption gives them with their reasons, rankStep ranks every candidate by
// them alone (thousands at scale; only the few kept get their sentences).
const sectorPoints = (s: PathwayEntity, query: Pick<FinderQuery, 'sectors'>) =>
	query.sectors.length === 0
		? Math.round(MAX.sector / 2)
		: s.sectors.some((x) => query.sectors.includes(x))
			? MAX.sector
			: s.sectors.length === 0
				? Math.round(MAX.sector / 2)
				: 0;
const offerPoints = (s: PathwayEntity, wanted: readonly string[]) =>
	Math.round((MAX.offer * wanted.filter((o) => s.offers.includes(o)).length) / wanted.length);
const distancePoints = (d: number | null) => (d == null ? 0 : Math.round((MAX.distance * DISTANCE_HALF_KM) / (DISTANCE_HALF_KM + d)));
const historyPoints = (h: { count: number; max: number }) => (h.max > 0 ? Math.round((MAX.history * h.count) / h.max) : 0);

/** The transparent score of one structure for one step: five parts, each with its points and a reason in the request's language. */
export function scoreOption(
	c: Candidate,
	step: RouteTemplateStep,
	query: Pick<FinderQuery, 'sectors' | 'needs'>,
	origin: Origin,
	history: { count: number; max: number; previous: RouteTemplateStep | null }
): { score: number; parts: ScorePart[]; serves: boolean } {
	const s = c.structure;
	const lang = getLocale();
	const words = vocabularyIn(lang);
	const serves = s.stages.includes(step.stage);
	const parts: ScorePart[] = [];
	parts.push({
		key: 'stage',
		points: serves ? MAX.stage : 0,
		max: MAX.stage,
		text: serves ? m.pathways_reason_stage({ stage: words.stage(step.stage) }) : m.pathways_reason_stage_not({ stage: words.stage(step.stage) })
	});

	const shared = s.sectors.filter((x) => query.sectors.includes(x));
	const sectorText =
		query.sectors.length === 0
			? m.pathways_reason_no_sector()
			: shared.length > 0
				? m.pathways_reason_sector({ sectors: list(shared, words.sector) })
				: s.sectors.length === 0
					? m.pathways_reason_sector_any()
					: m.pathways_reason_sector_other({ sectors: list(s.sectors, words.sector) });
	parts.push({ key: 'sector', max: MAX.sector, points: sectorPoints(s, query), text: sectorText });

	// The step says what it is for; the entrepreneur's needs narrow it when they overlap.
	const asked = step.offers.filter((o) => query.needs.includes(o));
	const wanted = asked.length > 0 ? asked : step.offers;
	const given = wanted.filter((o) => s.offers.includes(o));
	parts.push({
		key: 'offer',
		points: offerPoints(s, wanted),
		max: MAX.offer,
		text:
			given.length > 0
				? (asked.length > 0 ? m.pathways_reason_offer_asked : m.pathways_reason_offer)({ offers: list(given, offerIn) })
				: m.pathways_reason_offer_none({ offers: list(wanted, offerIn) })
	});

	// Points from what was measured, not from a closeness two approximate points only seem to have; the
	// text says what was measured (from the seat of the intercommunality when the commune has no point yet).
	const d = countedKm(c, origin);
	parts.push({
		key: 'distance',
		points: distancePoints(d),
		max: MAX.distance,
		text:
			c.distanceKm == null
				? m.pathways_reason_location_unknown()
				: s.communeCode === origin.code
					? m.pathways_reason_your_commune({ commune: origin.name })
					: distanceFromIn(showDistance(c.distanceKm, originEnd(origin), c.end), origin, lang)
	});

	const before = history.previous?.categories.slice(0, 2);
	const after = before
		? m.pathways_reason_after({ categories: lang === 'en' ? someCategoriesEn(before) : frenchList(before.map(aCategory), 'ou') })
		: m.pathways_reason_first_step();
	const yourSector = query.sectors.length > 0;
	parts.push({
		key: 'history',
		points: historyPoints(history),
		max: MAX.history,
		text:
			history.count > 0
				? (yourSector ? m.pathways_reason_history_sector : m.pathways_reason_history)({ count: history.count, after })
				: (yourSector ? m.pathways_reason_history_none_sector : m.pathways_reason_history_none)({ after })
	});
	return { score: parts.reduce((t, p) => t + p.points, 0), parts: parts.map((p) => ({ ...p, text: typeset(p.text) })), serves };
}

/** « Pourquoi cette proposition » in one sentence: the strongest reasons first. */
export function explain(parts: ScorePart[]): string {
	// « aucun secteur choisi » is said in the score's details, but it is no reason to propose anything.
	const noSector = typeset(m.pathways_reason_no_sector());
	const strong = [...parts].filter((p) => p.points >= p.max / 2 && p.text !== noSector).sort((a, b) => b.points / b.max - a.points / a.max);
	const text = strong.map((p) => p.text).join(getLocale() === 'fr' ? ' ; ' : '; ');
	return typeset(text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : m.pathways_reason_nothing());
}

/**
 * Ranks a step's candidates: structures that serve the step's stage always come before those that do not,
 * then by score, then the nearer one, then by id (stable). Keeps 3 to 5 within reach; when fewer than 3 fit
 * within reach, completes with the nearest ones further away (marked « hors rayon »), and says so when none
 * was within reach. The kept options are listed in score order, whichever way they were kept.
 */
export function rankStep(
	order: number,
	step: RouteTemplateStep,
	candidates: Candidate[],
	query: Pick<FinderQuery, 'sectors' | 'needs'>,
	origin: Origin,
	history: Map<number, number>,
	previous: RouteTemplateStep | null
): FinderStep {
	const fitting = candidates.filter((c) => step.categories.includes(c.structure.category));
	// A loop, not Math.max(...spread): thousands of structures per step at 100,000 actors.
	let max = 0;
	for (const c of fitting) max = Math.max(max, history.get(c.structure.id) ?? 0);
	const asked = step.offers.filter((o) => query.needs.includes(o));
	const wanted = asked.length > 0 ? asked : step.offers;
	const scored = fitting.map((c) => {
		const s = c.structure;
		const serves = s.stages.includes(step.stage);
		const counted = countedKm(c, origin);
		const score =
			(serves ? MAX.stage : 0) +
			sectorPoints(s, query) +
			offerPoints(s, wanted) +
			distancePoints(counted) +
			historyPoints({ count: history.get(s.id) ?? 0, max });
		return {
			c,
			serves,
			score,
			counted: counted ?? Infinity,
			id: s.id,
			shownKm: c.distanceKm == null ? null : Math.round(c.distanceKm * 10) / 10,
			withinReach: c.distanceKm != null && c.distanceKm <= REACH_KM
		};
	});
	type Scored = (typeof scored)[number];
	const byRank = (a: Scored, b: Scored) => Number(b.serves) - Number(a.serves) || b.score - a.score || a.counted - b.counted || a.id - b.id;
	const eligible = scored.some((s) => s.serves) ? scored.filter((s) => s.serves) : scored;
	const near = eligible.filter((s) => s.withinReach);
	let chosen = firstOf(near, 5, byRank);
	if (chosen.length < 3) {
		const further = firstOf(
			eligible.filter((s) => !s.withinReach),
			3 - chosen.length,
			(a, b) => (a.shownKm ?? Infinity) - (b.shownKm ?? Infinity) || byRank(a, b)
		);
		chosen = [...chosen, ...further].sort(byRank);
	}
	const options = chosen.map(({ c }): FinderOption => {
		const { score, parts } = scoreOption(c, step, query, origin, { count: history.get(c.structure.id) ?? 0, max, previous });
		const { stages, offers, sectors } = c.structure;
		return {
			structure: { ...c.structure, stages, offers, sectors },
			distanceKm: c.distanceKm == null ? null : Math.round(c.distanceKm * 10) / 10,
			distance: c.distanceKm == null ? null : shownIn(showDistance(c.distanceKm, originEnd(origin), c.end), c.end.accuracy, getLocale()),
			score,
			parts,
			why: explain(parts),
			withinReach: c.distanceKm != null && c.distanceKm <= REACH_KM
		};
	});
	return { order, stage: step.stage, title: step.title(), offers: step.offers, options, nothingNear: near.length === 0 };
}

/** The first `n` of `items` in `order` (a total order): what sorting them all and slicing gives, without sorting thousands. */
function firstOf<T>(items: T[], n: number, order: (a: T, b: T) => number): T[] {
	const kept: T[] = [];
	for (const item of items) {
		if (kept.length === n && order(item, kept[n - 1] as T) >= 0) continue;
		let at = kept.length;
		while (at > 0 && order(item, kept[at - 1] as T) < 0) at--;
		kept.splice(at, 0, item);
		if (kept.length > n) kept.pop();
	}
	return kept;
}

/** The template steps from the entrepreneur's stage onwards. */
export function routeFrom(stage: Stage): RouteTemplateStep[] {
	const at = STAGES.indexOf(stage);
	return ROUTE_TEMPLATE.filter((s) => STAGES.indexOf(s.stage) >= at);
}

/**
 * What the finder reads, prepared once per data revision with the pathways (in a worker at scale, issue 18):
 * each route step's structures, the projects of each sector, and the history counts when no sector is chosen.
 * A request then only measures distances and scores the structures of its steps.
 */
export interface FinderIndex {
	/** Per ROUTE_TEMPLATE step: the indices (in the structures list given) of the structures of its kinds. */
	stepStructures: number[][];
	/** Per sector: the indices (in the flows' projects) of its projects. */
	projectsBySector: Map<string, number[]>;
	/** historyCounts with no sector chosen, by the previous step's index in ROUTE_TEMPLATE + 1 (0: the route's first step). */
	historyAny: Map<number, number>[];
	/**
	 * Both counts for each single sector (most questions name one): counting its projects per request was most of
	 * the finder's p95 at 100,000 actors (127 ms). Several sectors add their single counts up, less the projects
	 * in more than one of them (a project counts once): counting their union per request was still 107 ms.
	 */
	historyBySector: Map<string, Passages[]>;
}

export function prepareFinder(flows: FlowData, structures: readonly PathwayEntity[]): FinderIndex {
	const stepStructures = ROUTE_TEMPLATE.map((step) => structures.flatMap((s, i) => (step.categories.includes(s.category) ? [i] : [])));
	const projectsBySector = new Map<string, number[]>();
	flows.projects.forEach((p, i) => {
		for (const sector of new Set(p.sectors)) {
			const list = projectsBySector.get(sector);
			if (list) list.push(i);
			else projectsBySector.set(sector, [i]);
		}
	});
	const historyAny = [null, ...ROUTE_TEMPLATE].map((previous) => historyCounts(flows, [], previous));
	const historyBySector = new Map(
		[...projectsBySector].map(([sector, indices]) => {
			const among = indices.map((i) => flows.projects[i]!);
			return [sector, [null, ...ROUTE_TEMPLATE].map((previous) => passages(flows, [sector], previous, among))] as const;
		})
	);
	return { stepStructures, projectsBySector, historyAny, historyBySector };
}

/** historyCounts read from the index: kept when no sector or one sector is chosen, else combined from the sectors' own. */
export function indexedHistoryCounts(index: FinderIndex, flows: FlowData, sectors: string[], previous: RouteTemplateStep | null): Map<number, number> {
	const at = previous ? ROUTE_TEMPLATE.indexOf(previous) + 1 : 0;
	// A step of another route (tests) has nothing kept.
	if (previous && at === 0) return historyCounts(flows, sectors, previous);
	if (sectors.length === 0 && index.historyAny[at]) return index.historyAny[at];
	const chosen = [...new Set(sectors)];
	const kept = chosen.flatMap((s) => index.historyBySector.get(s)?.[at] ?? []);
	// A sector no project has counts nothing.
	if (kept.length === 0) return new Map();
	if (kept.length === 1) return kept[0]!.next.size > 0 ? kept[0]!.next : kept[0]!.any;
	const union: Passages = { next: new Map(), any: new Map() };
	for (const k of kept) {
		for (const [id, n] of k.next) union.next.set(id, (union.next.get(id) ?? 0) + n);
		for (const [id, n] of k.any) union.any.set(id, (union.any.get(id) ?? 0) + n);
	}
	// A project in m of the chosen sectors was added m times: taken off m − 1 times, once, from its first
	// chosen sector's list (few projects; the others cost one look at their sectors).
	const before = beforeOf(flows, previous);
	for (const sector of chosen)
		for (const i of index.projectsBySector.get(sector) ?? []) {
			const p = flows.projects[i]!;
			let m = 0;
			let first: string | null = null;
			for (const c of chosen)
				if (p.sectors.includes(c)) {
					m++;
					first ??= c;
				}
			if (m > 1 && first === sector) countProject(p, before, union, 1 - m);
		}
	return union.next.size > 0 ? union.next : union.any;
}
