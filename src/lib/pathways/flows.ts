import { categoryLabel } from '$lib/domain/vocabulary';
import { median, monthsBetween, yearOfPartial } from './dates';
import type { PathwayEntity } from './extract';
import type { Bottleneck, FirstStep, FlowFigure, FlowFilters, FlowLink, FlowNode, FlowsResult, LeavingTerritory, PathwayStep, Transition } from './types';

/** A project's pathway as the flows see it: the project, and its dated support steps in order. */
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
export const OTHER_KEY = 'other';

/** The founder is where a pathway starts, not a structure it goes through. */
const isSupportStep = (s: PathwayStep) => s.type !== 'founded' && s.dateKnown;

/** Projects kept by the project filters (sector, territory of origin), with the steps inside the period. */
export function selectPathways(pathways: ProjectPathway[], filters: FlowFilters): ProjectPathway[] {
	const out: ProjectPathway[] = [];
	for (const p of pathways) {
		if (filters.sector && !p.project.sectors.includes(filters.sector)) continue;
		if (filters.departement && p.project.departementCode !== filters.departement) continue;
		if (filters.epci && p.project.epciCode !== filters.epci) continue;
		const steps = p.steps.filter((s) => {
			if (!isSupportStep(s)) return false;
			const y = yearOfPartial(s.start) as number;
			return (filters.from == null || y >= filters.from) && (filters.to == null || y <= filters.to);
		});
		out.push({ project: p.project, steps });
	}
	return out;
}

export function stepKey(s: PathwayStep, level: FlowFilters['level']): string {
	return level === 'structure' ? `s${s.structure.id}` : s.structure.category;
}

/** Structure keys are `s<id>`; no category code has that shape. */
export const isStructureKey = (key: string): boolean => /^s\d+$/.test(key);

/** Labels of the keys met in these pathways (structure names, category labels). */
function labeller(selected: ProjectPathway[]) {
	const names = new Map<string, { label: string; slug: string | null }>();
	for (const p of selected) for (const s of p.steps) names.set(`s${s.structure.id}`, { label: s.structure.name, slug: s.structure.slug });
	return (key: string): { label: string; slug: string | null } => {
		if (key === OTHER_KEY) return { label: 'Autres structures', slug: null };
		if (isStructureKey(key)) return names.get(key) ?? { label: key, slug: null };
		return { label: categoryLabel(key), slug: null };
	};
}

const rankOf = (i: number) => Math.min(i + 1, MAX_RANK);

/**
 * Flows over the selected projects: the alluvial diagram (columns by step rank), the transitions table
 * (consecutive steps, all ranks) with median months between starts, the usual first steps, the bottlenecks
 * (structures where projects stopped, arrivals older than STUCK_AFTER_YEARS before `thisYear`) and the
 * territories of origin whose projects found support in another département.
 */
export function aggregateFlows(pathways: ProjectPathway[], filters: FlowFilters, territoryName: (code: string) => string, thisYear: number): FlowsResult {
	const selected = selectPathways(pathways, filters);
	const label = labeller(selected);
	const key = (s: PathwayStep) => stepKey(s, filters.level);

	// Diagram columns: at the structure level, small structures of a column become « Autres structures ».
	const columnCounts = new Map<string, number>();
	for (const p of selected) {
		const seen = new Set<string>();
		p.steps.forEach((s, i) => seen.add(`${rankOf(i)}:${key(s)}`));
		for (const id of seen) columnCounts.set(id, (columnCounts.get(id) ?? 0) + 1);
	}
	const kept = new Set<string>();
	for (let rank = 1; rank <= MAX_RANK; rank++) {
		const column = [...columnCounts].filter(([id]) => id.startsWith(`${rank}:`)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
		(filters.level === 'structure' ? column.slice(0, STRUCTURES_PER_COLUMN) : column).forEach(([id]) => kept.add(id));
	}
	const nodeId = (rank: number, k: string) => (kept.has(`${rank}:${k}`) ? `${rank}:${k}` : `${rank}:${OTHER_KEY}`);

	const nodeProjects = new Map<string, Set<number>>();
	const linkCounts = new Map<string, number>();
	const pairs = new Map<string, { count: number; months: number[] }>();
	const firsts = new Map<string, number>();
	for (const p of selected) {
		const id = p.project.id;
		p.steps.forEach((s, i) => {
			const n = nodeId(rankOf(i), key(s));
			nodeProjects.set(n, (nodeProjects.get(n) ?? new Set()).add(id));
			const next = p.steps[i + 1];
			if (!next) return;
			if (i + 1 < MAX_RANK) {
				const l = `${n}>${nodeId(rankOf(i + 1), key(next))}`;
				linkCounts.set(l, (linkCounts.get(l) ?? 0) + 1);
			}
			const pair = `${key(s)}>${key(next)}`;
			const entry = pairs.get(pair) ?? { count: 0, months: [] };
			entry.count++;
			const m = monthsBetween(s.start, next.start);
			if (m != null) entry.months.push(m);
			pairs.set(pair, entry);
		});
		const first = p.steps[0];
		if (first) firsts.set(key(first), (firsts.get(key(first)) ?? 0) + 1);
	}

	const nodes: FlowNode[] = [...nodeProjects].map(([id, set]) => {
		const [rank, k] = [Number(id.slice(0, id.indexOf(':'))), id.slice(id.indexOf(':') + 1)];
		return { id, rank, key: k, label: label(k).label, count: set.size };
	});
	nodes.sort((a, b) => a.rank - b.rank || b.count - a.count || a.key.localeCompare(b.key));
	const links: FlowLink[] = [...linkCounts].map(([l, count]) => {
		const [source, target] = l.split('>') as [string, string];
		return { source, target, count };
	});
	links.sort((a, b) => b.count - a.count || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
	const transitions: Transition[] = [...pairs].map(([pair, { count, months }]) => {
		const [from, to] = pair.split('>') as [string, string];
		const m = median(months);
		return { from, to, fromLabel: label(from).label, toLabel: label(to).label, count, medianMonths: m == null ? null : Math.round(m * 10) / 10 };
	});
	transitions.sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
	const firstSteps: FirstStep[] = [...firsts].map(([k, count]) => ({ key: k, label: label(k).label, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

	return {
		filters,
		projects: selected.length,
		nodes,
		links,
		transitions,
		firstSteps,
		bottlenecks: bottlenecks(selected, thisYear),
		leaving: leavingTerritories(selected, filters, territoryName)
	};
}

interface Arrival {
	label: string;
	slug: string;
	arrived: Set<number>;
	movedOn: Set<number>;
}

/** Per structure: projects that arrived long enough ago, and those with a later step. */
function arrivals(selected: ProjectPathway[], thisYear: number): Map<string, Arrival> {
	const out = new Map<string, Arrival>();
	for (const p of selected) {
		p.steps.forEach((s, i) => {
			if ((yearOfPartial(s.start) as number) > thisYear - STUCK_AFTER_YEARS) return;
			const k = `s${s.structure.id}`;
			const a = out.get(k) ?? { label: s.structure.name, slug: s.structure.slug, arrived: new Set(), movedOn: new Set() };
			a.arrived.add(p.project.id);
			if (i < p.steps.length - 1) a.movedOn.add(p.project.id);
			out.set(k, a);
		});
	}
	return out;
}

export const MIN_ARRIVALS = 3;

function bottlenecks(selected: ProjectPathway[], thisYear: number): Bottleneck[] {
	return [...arrivals(selected, thisYear)]
		.filter(([, a]) => a.arrived.size >= MIN_ARRIVALS)
		.map(([key, a]) => ({ key, label: a.label, slug: a.slug, arrivals: a.arrived.size, movedOn: a.movedOn.size, stuckShare: Math.round(((a.arrived.size - a.movedOn.size) / a.arrived.size) * 1000) / 1000 }))
		.sort((a, b) => b.stuckShare - a.stuckShare || b.arrivals - a.arrivals || a.key.localeCompare(b.key))
		.slice(0, 10);
}

/** Group by département of origin, or by EPCI when one département is already chosen. */
function originOf(p: ProjectPathway, filters: FlowFilters): string | null {
	return filters.departement || filters.epci ? p.project.epciCode : p.project.departementCode;
}

function leavingSets(selected: ProjectPathway[], filters: FlowFilters) {
	const out = new Map<string, { projects: Set<number>; leaving: Set<number> }>();
	for (const p of selected) {
		const origin = originOf(p, filters);
		const home = p.project.departementCode;
		if (!origin || !home) continue;
		const supported = p.steps.filter((s) => s.structure.departementCode != null);
		if (supported.length === 0) continue;
		const entry = out.get(origin) ?? { projects: new Set(), leaving: new Set() };
		entry.projects.add(p.project.id);
		if (supported.some((s) => s.structure.departementCode !== home)) entry.leaving.add(p.project.id);
		out.set(origin, entry);
	}
	return out;
}

function leavingTerritories(selected: ProjectPathway[], filters: FlowFilters, territoryName: (code: string) => string): LeavingTerritory[] {
	return [...leavingSets(selected, filters)]
		.map(([code, e]) => ({ code, name: territoryName(code), projects: e.projects.size, leaving: e.leaving.size, share: Math.round((e.leaving.size / e.projects.size) * 1000) / 1000 }))
		.sort((a, b) => b.share - a.share || b.projects - a.projects || a.code.localeCompare(b.code));
}

/** The projects behind one figure of the flows page (same filters), by id. */
export function figureProjects(pathways: ProjectPathway[], filters: FlowFilters, figure: FlowFigure, thisYear: number): { title: string; ids: number[] } {
	const selected = selectPathways(pathways, filters);
	const label = labeller(selected);
	const key = (s: PathwayStep) => stepKey(s, filters.level);
	const ids = (test: (p: ProjectPathway) => boolean) => selected.filter(test).map((p) => p.project.id);
	switch (figure.figure) {
		case 'all':
			return { title: 'Tous les projets de la sélection', ids: ids(() => true) };
		case 'transition':
			return {
				title: `Projets passés de « ${label(figure.from).label} » à « ${label(figure.to).label} »`,
				ids: ids((p) => p.steps.some((s, i) => i + 1 < p.steps.length && key(s) === figure.from && key(p.steps[i + 1] as PathwayStep) === figure.to))
			};
		case 'first':
			return { title: `Projets dont la première étape est « ${label(figure.key).label} »`, ids: ids((p) => p.steps[0] != null && key(p.steps[0]) === figure.key) };
		case 'stuck': {
			const a = arrivals(selected, thisYear).get(figure.key);
			const stuck = a ? [...a.arrived].filter((id) => !a.movedOn.has(id)) : [];
			return { title: `Projets arrivés à « ${a?.label ?? figure.key} » sans étape suivante connue`, ids: stuck };
		}
		case 'leaving': {
			const e = leavingSets(selected, filters).get(figure.code);
			return { title: `Projets de ${figure.code} accompagnés hors de leur département`, ids: e ? [...e.leaving] : [] };
		}
	}
}

