/** Pathways (parcours): one actor's timeline, the flows over all projects, the finder's route. */
import { finderQuerySchema, flowFiguresKeys, flowFigureSchema, flowFiltersSchema, PATHWAY_ARRAY_KEYS, pathwayEntitySchema } from '$lib/domain/pathway-query';
import { distanceKm } from '$lib/geo/distance';
import { indexedHistoryCounts, rankStep, REACH_KM, ROUTE_TEMPLATE, routeFrom, type Candidate } from '$lib/pathways/finder';
import type { PathwayEntity } from '$lib/pathways/extract';
import { figureProjects, OTHER_KEY } from '$lib/pathways/flows';
import { aggregateFlowsIndexed } from '$lib/pathways/flows-indexed';
import { vocabularyIn } from '$lib/domain/vocabulary';
import { fileLanguageSchema } from '$lib/domain/file-language';
import { frenchSpacing, ofTerritory } from '$lib/domain/french';
import type { FinderResult, FlowFigure, FlowFilters, FlowProjects, FlowsResult, Pathway } from '$lib/pathways/types';
import type { Db } from '../db';
import { csvFile } from '../export/csv';
import { livePathways, pathwayOf, pathwaysAreStale } from '../pathways/pathway-cache';
import { pathwayEntitiesWhere } from '../repos/pathway.repo';
import { communeOrigin, UNKNOWN_END } from './distance.service';
import { NotFoundError, ValidationError } from './errors';
import { parseParams } from './params';
import { m } from '$lib/paraglide/messages';

const thisYear = () => new Date().getFullYear();

/** An actor's pathway; null when the actor is not one that has a pathway (startup, company, entrepreneur). */
export function entityPathway(db: Db, idOrSlug: string): Pathway | null {
	const found = pathwayOf(db, idOrSlug);
	if (found === undefined) throw new NotFoundError(m.errors_no_actor_short({ ref: idOrSlug }));
	return found;
}

/** GET /api/v1/pathways?entity= */
export function pathwayApi(db: Db, params: URLSearchParams): Pathway {
	const { entity } = parseParams(pathwayEntitySchema, params);
	const pathway = entityPathway(db, entity);
	if (!pathway) throw new NotFoundError(m.errors_no_pathway());
	return pathway;
}

function flowFilters(params: URLSearchParams): FlowFilters {
	const f = parseParams(flowFiltersSchema, withoutKeys(params, flowFiguresKeys));
	return {
		level: f.level,
		...(f.sector ? { sector: f.sector } : {}),
		...(f.departement ? { departement: f.departement } : {}),
		...(f.epci ? { epci: f.epci } : {}),
		...(f.from != null ? { from: f.from } : {}),
		...(f.to != null ? { to: f.to } : {})
	};
}

/** The flows page's figure parameters are not filters: the filters' schema is strict about what it gets. */
function withoutKeys(params: URLSearchParams, keys: readonly string[]): URLSearchParams {
	const out = new URLSearchParams(params);
	for (const k of keys) out.delete(k);
	return out;
}

/** At the structure level there are thousands of distinct transitions at the 10k scale: the page lists the most taken, the CSV all. */
export const TRANSITIONS_SHOWN = 200;

/** `limit`: the most taken transitions only (their total stays in transitionCount). */
function someFlows(db: Db, params: URLSearchParams, limit = Infinity): FlowsResult {
	const filters = flowFilters(params);
	const live = livePathways(db);
	return { stale: pathwaysAreStale(db, live), ...aggregateFlowsIndexed(live.flows, live.flowIndex, filters, live.territoryName, thisYear(), limit) };
}

export function pathwayFlows(db: Db, params: URLSearchParams): FlowsResult {
	return someFlows(db, params, TRANSITIONS_SHOWN);
}

/** The projects behind one figure of the flows page. */
export function pathwayProjects(db: Db, params: URLSearchParams): FlowProjects {
	const filters = flowFilters(params);
	const parsed = parseParams(flowFigureSchema, new URLSearchParams([...params].filter(([k]) => flowFiguresKeys.includes(k))));
	const figure: FlowFigure =
		parsed.figure === 'transition'
			? { figure: 'transition', from: parsed.from_key, to: parsed.to_key, ...(parsed.rank != null ? { rank: parsed.rank } : {}) }
			: parsed;
	const live = livePathways(db);
	const { title, ids } = figureProjects(live.flows, filters, figure, thisYear(), live.territoryName);
	// Read as they are now (the flows may be the previous revision's); one deleted since is left out.
	const projects = pathwayEntitiesWhere(db, { ids })
		.map(({ sectors: _s, stages: _st, offers: _o, ...ref }) => ({ ...ref, steps: live.stepCounts.get(ref.id) ?? 0 }))
		.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
	// French typography: non-breaking spaces inside « » (the title names a step: « Incubateur »); English has none.
	return { title: frenchSpacing(title), projects };
}

/** The transitions table as CSV (the journalists' download), with the filters in the file name's stead: one row per transition. */
/** The CSV's column names, meant for people opening it in a spreadsheet: in the language of the page it came from. */
const FLOWS_CSV_HEADERS = {
	fr: ['de', 'vers', 'de_code', 'vers_code', 'projets', 'mois_median_entre_etapes'],
	en: ['from', 'to', 'from_code', 'to_code', 'projects', 'median_months_between_steps']
} as const;

/** `lang=en` (the English flows page's link): English headers and category labels; structures keep their names. */
export function flowsCsv(db: Db, params: URLSearchParams) {
	const { lang } = parseParams(fileLanguageSchema, new URLSearchParams([...params].filter(([k]) => k === 'lang')));
	const flows = someFlows(db, withoutKeys(params, ['lang']));
	const label = (key: string, shown: string) =>
		key === OTHER_KEY ? m.pathways_other_structures({}, { locale: lang }) : /^s\d+$/.test(key) ? shown : vocabularyIn(lang).category(key);
	return csvFile(
		[...FLOWS_CSV_HEADERS[lang]],
		flows.transitions.map((t) => [label(t.from, t.fromLabel), label(t.to, t.toLabel), t.from, t.to, t.count, t.medianMonths]),
		`parcours-flux-${flows.filters.level === 'structure' ? 'structures' : 'categories'}.csv`
	);
}

/**
 * The finder: from the entrepreneur's stage onwards, each step's structures ranked by the transparent
 * score (see $lib/pathways/finder). Distances are from the commune's centre, and say how far that centre
 * may be from the commune (most communes are still placed at their intercommunality's seat).
 */
export function findRoute(db: Db, params: URLSearchParams): FinderResult {
	const q = parseParams(finderQuerySchema, params, PATHWAY_ARRAY_KEYS);
	const commune = communeOrigin(db, q.commune);
	if (!commune) throw new ValidationError([m.errors_finder_commune_unknown({ code: q.commune })]);
	if (!('code' in commune))
		throw new ValidationError([m.errors_finder_commune_unplaced({ ofCommune: ofTerritory(commune.name, 'commune'), name: commune.name })]);
	const origin = { code: commune.code, name: commune.name, lon: commune.lon, lat: commune.lat, accuracy: commune.accuracy, epciCode: commune.epciCode };
	const live = livePathways(db);
	// Each structure measured once (a funder serves two steps), only those of the route's steps.
	const measured = new Map<number, Candidate>();
	const candidate = (i: number): Candidate => {
		let c = measured.get(i);
		if (c) return c;
		const structure = live.structures[i] as PathwayEntity;
		c = {
			structure,
			distanceKm: structure.lon == null || structure.lat == null ? null : distanceKm([origin.lon, origin.lat], [structure.lon, structure.lat]),
			end: live.ends.get(structure.id) ?? UNKNOWN_END
		};
		measured.set(i, c);
		return c;
	};
	const template = routeFrom(q.stage);
	const query = { sectors: q.sector, needs: q.need };
	const steps = template.map((step, i) => {
		const previous = i > 0 ? (template[i - 1] ?? null) : null;
		const candidates = (live.finder.stepStructures[ROUTE_TEMPLATE.indexOf(step)] ?? []).map(candidate);
		return rankStep(i + 1, step, candidates, query, origin, indexedHistoryCounts(live.finder, live.flows, q.sector, previous), previous);
	});
	return {
		stale: pathwaysAreStale(db, live),
		query: { stage: q.stage, sectors: q.sector, commune: q.commune, needs: q.need },
		origin: {
			code: commune.code,
			name: commune.name,
			departementCode: commune.departementCode,
			lon: origin.lon,
			lat: origin.lat,
			accuracy: commune.accuracy,
			uncertaintyKm: commune.uncertaintyKm,
			note: commune.note
		},
		reachKm: REACH_KM,
		steps
	};
}
