import { ofTerritory } from '$lib/domain/french/places';
import { categoryLabel, vocabularyIn } from '$lib/domain/vocabulary';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { median, monthsBetween } from './dates';
import type { PathwayEntity } from './extract';
import type {
	Bottleneck,
	FirstStep,
	FlowFigure,
	FlowAggregate,
	FlowFilters,
	FlowLevel,
	FlowLink,
	FlowNode,
	LeavingTerritory,
	PathwayStep,
	Transition
} from './types';

/** A project's pathway as extracted: the project and all its steps in order. */
export interface ProjectPathway {
	project: PathwayEntity;
	steps: PathwayStep[];
}

/** Columns of the diagram: step 1, 2, 3, then « 4e étape et au-delà ». */
export const MAX_RANK = 4;
/** At the structure level, each column keeps its most visited structures; the rest are grouped. */
export const STRUCTURES_PER_COLUMN = 12;
/** A project that arrived this recently may simply not have moved on yet: not counted as stuck. */
export const STUCK_AFTER_YEARS = 2;
export const MIN_ARRIVALS = 3;
export const OTHER_KEY = 'other';

/** Structure keys are `s<id>`; no category code has that shape. */
export const isStructureKey = (key: string): boolean => /^s\d+$/.test(key);

/**
 * The flows' working form, built once per data revision: each project's dated support steps (the founder
 * is where a pathway starts, not a structure it goes through; undated steps have no place in a sequence),
 * with keys interned as small integers so that aggregating 10k actors allocates almost nothing.
 */
export interface FlowStep {
	category: number;
	structure: number;
	structureId: number;
	year: number;
	start: string;
	/** Months since year 0 when the start is known to the month (monthsBetween's terms), else null. */
	month: number | null;
	departementCode: string | null;
}
export interface FlowProject {
	id: number;
	sectors: string[];
	departementCode: string | null;
	epciCode: string | null;
	steps: FlowStep[];
}
export interface FlowData {
	projects: FlowProject[];
	keys: string[];
	labels: string[];
	slugs: (string | null)[];
}

export function prepareFlows(pathways: ProjectPathway[]): FlowData {
	const keys: string[] = [];
	const labels: string[] = [];
	const slugs: (string | null)[] = [];
	const index = new Map<string, number>();
	const intern = (key: string, label: string, slug: string | null) => {
		let i = index.get(key);
		if (i === undefined) {
			i = keys.length;
			index.set(key, i);
			keys.push(key);
			labels.push(label);
			slugs.push(slug);
		}
		return i;
	};
	const projects = pathways.map(({ project, steps }) => ({
		id: project.id,
		sectors: project.sectors,
		departementCode: project.departementCode,
		epciCode: project.epciCode,
		steps: steps
			.filter((s) => s.type !== 'founded' && s.start != null)
			.map((s) => ({
				category: intern(s.structure.category, categoryLabel(s.structure.category), null),
				structure: intern(`s${s.structure.id}`, s.structure.name, s.structure.slug),
				structureId: s.structure.id,
				year: Number((s.start as string).slice(0, 4)),
				start: s.start as string,
				month: monthOf(s.start as string),
				departementCode: s.structure.departementCode
			}))
	}));
	return { projects, keys, labels, slugs };
}

const monthOf = (d: string) => (d.length < 7 ? null : Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1);

/**
 * A key's label in the request's language: a category from the vocabulary (the prepared labels are the
 * French ones, prepared once per revision for every language), a structure by its own name.
 */
export function keyLabel(data: FlowData, k: number): string {
	const key = data.keys[k] as string;
	return /^s\d+$/.test(key) ? (data.labels[k] as string) : vocabularyIn(getLocale()).category(key);
}

interface Selected {
	project: FlowProject;
	steps: FlowStep[];
}

/** Projects kept by the project filters (sector, territory of origin), with their steps inside the period. */
function select(data: FlowData, f: FlowFilters): Selected[] {
	const out: Selected[] = [];
	const period = f.from != null || f.to != null;
	for (const p of data.projects) {
		if (f.sector && !p.sectors.includes(f.sector)) continue;
		if (f.departement && p.departementCode !== f.departement) continue;
		if (f.epci && p.epciCode !== f.epci) continue;
		out.push({ project: p, steps: period ? p.steps.filter((s) => (f.from == null || s.year >= f.from) && (f.to == null || s.year <= f.to)) : p.steps });
	}
	return out;
}

/**
 * The diagram's columns: node = rank * K + key index. At the structure level each column keeps its most
 * visited structures; the others become « Autres structures » (key index OTHER).
 */
function columns(data: FlowData, selected: Selected[], level: FlowLevel) {
	const key = keyOf(level);
	const K = data.keys.length + 1;
	const OTHER = data.keys.length;
	let kept: Set<number> | null = null;
	if (level === 'structure') {
		const column = new Map<number, number>();
		for (const { steps } of selected) {
			const seen: number[] = [];
			for (let i = 0; i < steps.length; i++) {
				const n = rankOf(i) * K + key(steps[i] as FlowStep);
				if (!seen.includes(n)) seen.push(n);
			}
			for (const n of seen) increment(column, n);
		}
		kept = new Set();
		for (let rank = 1; rank <= MAX_RANK; rank++) {
			const ranked = [...column].filter(([n]) => Math.floor(n / K) === rank).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
			for (const [n] of ranked.slice(0, STRUCTURES_PER_COLUMN)) kept.add(n);
		}
	}
	const nodeOf = (rank: number, k: number) => {
		const n = rank * K + k;
		return kept && !kept.has(n) ? rank * K + OTHER : n;
	};
	return { K, OTHER, nodeOf };
}

const keyOf = (level: FlowLevel) => (level === 'structure' ? (s: FlowStep) => s.structure : (s: FlowStep) => s.category);
const rankOf = (i: number) => Math.min(i + 1, MAX_RANK);
const increment = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * Flows over the selected projects: the alluvial diagram (columns by step rank), the transitions table
 * (consecutive steps, all ranks) with median months between starts, the usual first steps, the bottlenecks
 * (structures where projects stopped, arrivals older than STUCK_AFTER_YEARS before `thisYear`) and the
 * territories of origin whose projects found support in another département.
 */
export function aggregateFlows(data: FlowData, filters: FlowFilters, territoryName: (code: string) => string, thisYear: number): FlowAggregate {
	const selected = select(data, filters);
	const key = keyOf(filters.level);
	const label = (k: number) => (k === OTHER ? m.pathways_other_structures() : keyLabel(data, k));
	const code = (k: number) => (k === OTHER ? OTHER_KEY : (data.keys[k] as string));

	const { K, OTHER, nodeOf } = columns(data, selected, filters.level);

	const nodeProjects = new Map<number, Set<number>>();
	const linkCounts = new Map<number, number>();
	const pairs = new Map<number, { count: number; months: number[] }>();
	const firsts = new Map<number, number>();
	for (const { project, steps } of selected) {
		for (let i = 0; i < steps.length; i++) {
			const s = steps[i] as FlowStep;
			const n = nodeOf(rankOf(i), key(s));
			let set = nodeProjects.get(n);
			if (!set) nodeProjects.set(n, (set = new Set()));
			set.add(project.id);
			const next = steps[i + 1];
			if (!next) continue;
			if (i + 1 < MAX_RANK) increment(linkCounts, n * K * (MAX_RANK + 1) + nodeOf(rankOf(i + 1), key(next)));
			const pair = key(s) * K + key(next);
			let entry = pairs.get(pair);
			if (!entry) pairs.set(pair, (entry = { count: 0, months: [] }));
			entry.count++;
			const m = monthsBetween(s.start, next.start);
			if (m != null) entry.months.push(m);
		}
		if (steps[0]) increment(firsts, key(steps[0]));
	}

	const nodeId = (n: number) => `${Math.floor(n / K)}:${code(n % K)}`;
	const categoryOf = new Map<number, number>();
	if (filters.level === 'structure') for (const { steps } of selected) for (const s of steps) categoryOf.set(s.structure, s.category);
	const nodes: FlowNode[] = [...nodeProjects].map(([n, set]) => {
		const k = n % K;
		const category = filters.level === 'category' ? code(k) : categoryOf.has(k) ? data.keys[categoryOf.get(k) as number] : undefined;
		return { id: nodeId(n), rank: Math.floor(n / K), key: code(k), label: label(k), count: set.size, ...(category ? { category } : {}) };
	});
	nodes.sort((a, b) => a.rank - b.rank || b.count - a.count || a.key.localeCompare(b.key));
	const span = K * (MAX_RANK + 1);
	const links: FlowLink[] = [...linkCounts].map(([l, count]) => ({ source: nodeId(Math.floor(l / span)), target: nodeId(l % span), count }));
	links.sort((a, b) => b.count - a.count || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
	const transitions: Transition[] = [...pairs].map(([pair, { count, months }]) => {
		const [from, to] = [Math.floor(pair / K), pair % K];
		const m = median(months);
		return { from: code(from), to: code(to), fromLabel: label(from), toLabel: label(to), count, medianMonths: m == null ? null : Math.round(m * 10) / 10 };
	});
	transitions.sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
	const firstSteps: FirstStep[] = [...firsts]
		.map(([k, count]) => ({ key: code(k), label: label(k), count }))
		.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

	return {
		filters,
		projects: selected.length,
		nodes,
		links,
		transitions,
		transitionCount: transitions.length,
		firstSteps,
		bottlenecks: bottlenecks(data, selected, thisYear),
		leaving: leavingTerritories(selected, filters, territoryName)
	};
}

interface Arrival {
	arrived: Set<number>;
	movedOn: Set<number>;
}

/** Per structure (key index): projects that arrived long enough ago, and those with a later step. */
function arrivals(selected: Selected[], thisYear: number): Map<number, Arrival> {
	const out = new Map<number, Arrival>();
	for (const { project, steps } of selected) {
		for (let i = 0; i < steps.length; i++) {
			const s = steps[i] as FlowStep;
			if (s.year > thisYear - STUCK_AFTER_YEARS) continue;
			let a = out.get(s.structure);
			if (!a) out.set(s.structure, (a = { arrived: new Set(), movedOn: new Set() }));
			a.arrived.add(project.id);
			if (i < steps.length - 1) a.movedOn.add(project.id);
		}
	}
	return out;
}

function bottlenecks(data: FlowData, selected: Selected[], thisYear: number): Bottleneck[] {
	return [...arrivals(selected, thisYear)]
		.filter(([, a]) => a.arrived.size >= MIN_ARRIVALS)
		.map(([k, a]) => ({
			key: data.keys[k] as string,
			label: keyLabel(data, k),
			slug: data.slugs[k] ?? null,
			arrivals: a.arrived.size,
			movedOn: a.movedOn.size,
			stuckShare: Math.round(((a.arrived.size - a.movedOn.size) / a.arrived.size) * 1000) / 1000
		}))
		.sort((a, b) => b.stuckShare - a.stuckShare || b.arrivals - a.arrivals || a.key.localeCompare(b.key))
		.slice(0, 10);
}

/** Group by département of origin, or by EPCI when a territory is already chosen. */
function leavingSets(selected: Selected[], filters: FlowFilters) {
	const out = new Map<string, { projects: Set<number>; leaving: Set<number> }>();
	for (const { project, steps } of selected) {
		const origin = filters.departement || filters.epci ? project.epciCode : project.departementCode;
		const home = project.departementCode;
		if (!origin || !home) continue;
		let supported = false;
		let away = false;
		for (const s of steps) {
			if (s.departementCode == null) continue;
			supported = true;
			if (s.departementCode !== home) away = true;
		}
		if (!supported) continue;
		let entry = out.get(origin);
		if (!entry) out.set(origin, (entry = { projects: new Set(), leaving: new Set() }));
		entry.projects.add(project.id);
		if (away) entry.leaving.add(project.id);
	}
	return out;
}

function leavingTerritories(selected: Selected[], filters: FlowFilters, territoryName: (code: string) => string): LeavingTerritory[] {
	return [...leavingSets(selected, filters)]
		.map(([code, e]) => ({
			code,
			name: territoryName(code),
			projects: e.projects.size,
			leaving: e.leaving.size,
			share: Math.round((e.leaving.size / e.projects.size) * 1000) / 1000
		}))
		.sort((a, b) => b.share - a.share || b.projects - a.projects || a.code.localeCompare(b.code));
}

/** The projects behind one figure of the flows page (same filters), by id. */
/** The title is in the request's language; `territoryName`: a territory's name by its code (the service knows them). */
export function figureProjects(
	data: FlowData,
	filters: FlowFilters,
	figure: FlowFigure,
	thisYear: number,
	territoryName: (code: string) => string = (code) => code
): { title: string; ids: number[] } {
	const selected = select(data, filters);
	const key = keyOf(filters.level);
	const { OTHER, nodeOf } = columns(data, selected, filters.level);
	const indexOf = (k: string) => (k === OTHER_KEY ? OTHER : data.keys.indexOf(k));
	const labelOf = (k: string) => (k === OTHER_KEY ? m.pathways_other_structures() : indexOf(k) >= 0 ? keyLabel(data, indexOf(k)) : k);
	const ids = (test: (steps: FlowStep[]) => boolean) => selected.filter((p) => test(p.steps)).map((p) => p.project.id);
	const rankWord = (r: number) => (r >= MAX_RANK ? m.pathways_rank_word_last({ rank: MAX_RANK }) : m.pathways_rank_word({ rank: r }));
	// A département's code has 2 characters, an intercommunality's 9 digits.
	const place = (code: string) => {
		const name = territoryName(code);
		return { place: name, ofPlace: ofTerritory(name, code.length === 9 ? 'epci' : 'departement') };
	};
	switch (figure.figure) {
		case 'all':
			return { title: m.pathways_figure_all(), ids: ids(() => true) };
		case 'transition': {
			const [a, b] = [indexOf(figure.from), indexOf(figure.to)];
			const ends = { from: labelOf(figure.from), to: labelOf(figure.to) };
			const title = m.pathways_figure_title_transition(ends);
			const r = figure.rank;
			if (r == null) return { title, ids: ids((steps) => steps.some((s, i) => i + 1 < steps.length && key(s) === a && key(steps[i + 1] as FlowStep) === b)) };
			// One band of the diagram: from column r to column r + 1, grouped keys included.
			return {
				title: m.pathways_figure_title_band({ ...ends, fromRank: rankWord(r), toRank: rankWord(r + 1) }),
				ids: ids(
					(steps) =>
						steps.length > r && nodeOf(r, key(steps[r - 1] as FlowStep)) === nodeOf(r, a) && nodeOf(r + 1, key(steps[r] as FlowStep)) === nodeOf(r + 1, b)
				)
			};
		}
		case 'first': {
			const a = indexOf(figure.key);
			return { title: m.pathways_figure_title_first({ label: labelOf(figure.key) }), ids: ids((steps) => steps[0] != null && key(steps[0]) === a) };
		}
		case 'reached': {
			const r = figure.rank;
			const target = nodeOf(r, indexOf(figure.key));
			const at = (steps: FlowStep[]) => (r < MAX_RANK ? steps.slice(r - 1, r) : steps.slice(MAX_RANK - 1));
			return {
				title: m.pathways_figure_title_reached({ label: labelOf(figure.key), rank: rankWord(r) }),
				ids: ids((steps) => at(steps).some((s) => nodeOf(r, key(s)) === target))
			};
		}
		case 'arrived': {
			const a = arrivals(selected, thisYear).get(indexOf(figure.key));
			return { title: m.pathways_figure_title_arrived({ label: labelOf(figure.key), years: STUCK_AFTER_YEARS }), ids: a ? [...a.arrived] : [] };
		}
		case 'stuck': {
			const a = arrivals(selected, thisYear).get(indexOf(figure.key));
			return {
				title: m.pathways_figure_title_stuck({ label: labelOf(figure.key) }),
				ids: a ? [...a.arrived].filter((id) => !a.movedOn.has(id)) : []
			};
		}
		case 'leaving': {
			const e = leavingSets(selected, filters).get(figure.code);
			return { title: m.pathways_figure_title_leaving(place(figure.code)), ids: e ? [...e.leaving] : [] };
		}
	}
}
