/**
 * The flows as a request computes them at scale (issue 18: p95 ≤ 100 ms at 100,000 actors). The answer is
 * aggregateFlows' (flows.ts, the readable definition, hand-checked by its tests); this one gets the same from
 * what the worker prepared once per revision: the projects indexed by sector and territory of origin (a
 * filtered request reads only its projects), each step's month, and counts kept in flat arrays stamped by
 * project instead of a set of project ids per node (millions of small allocations at 100k). The integration
 * test compares both on a seeded database, filter by filter.
 */
import { m } from '$lib/paraglide/messages';
import { median } from './dates';
import { aggregateFlows, keyLabel, MAX_RANK, MIN_ARRIVALS, OTHER_KEY, STRUCTURES_PER_COLUMN, STUCK_AFTER_YEARS, type FlowData, type FlowStep } from './flows';
import type { Bottleneck, FirstStep, FlowAggregate, FlowFilters, FlowLevel, FlowLink, FlowNode, LeavingTerritory, Transition } from './types';

/** The flows' projects (indices in FlowData.projects) by each project filter's value. */
export interface FlowIndex {
	bySector: Map<string, number[]>;
	byDepartement: Map<string, number[]>;
	byEpci: Map<string, number[]>;
	/** Each key's place (its index in FlowData.keys, then OTHER_KEY last) in localeCompare's order of the key codes. */
	keyOrder: Int32Array;
	/** A structure key's category key (-1 for a category key). */
	categoryOf: Int32Array;
	/** Project p's steps are numbered stepStart[p] to stepStart[p + 1] - 1 in `pairs`. */
	stepStart: Int32Array;
	/** Consecutive steps as pairs, per level: each step's pair with the next one (-1 for a last step), and each pair's two keys. */
	pairs: Record<FlowLevel, { of: Int32Array; from: Int32Array; to: Int32Array }>;
	/** Every project's step years never go down: a period keeps a run of consecutive steps, whose pairs are the prepared ones. */
	yearsInOrder: boolean;
}

export function prepareFlowIndex(data: FlowData): FlowIndex {
	const bySector = new Map<string, number[]>();
	const byDepartement = new Map<string, number[]>();
	const byEpci = new Map<string, number[]>();
	const add = (map: Map<string, number[]>, key: string | null, i: number) => {
		if (key == null) return;
		const list = map.get(key);
		if (list) list.push(i);
		else map.set(key, [i]);
	};
	data.projects.forEach((p, i) => {
		for (const sector of new Set(p.sectors)) add(bySector, sector, i);
		add(byDepartement, p.departementCode, i);
		add(byEpci, p.epciCode, i);
	});
	const codes = [...data.keys, OTHER_KEY];
	const keyOrder = new Int32Array(codes.length);
	codes
		.map((_, i) => i)
		.sort((a, b) => collator.compare(codes[a]!, codes[b]!))
		.forEach((k, place) => (keyOrder[k] = place));
	const categoryOf = new Int32Array(data.keys.length).fill(-1);
	for (const p of data.projects) for (const s of p.steps) categoryOf[s.structure] = s.category;
	const stepStart = new Int32Array(data.projects.length + 1);
	data.projects.forEach((p, i) => (stepStart[i + 1] = stepStart[i]! + p.steps.length));
	const pairsAt = (key: (s: FlowStep) => number) => {
		const ids = new Map<number, number>();
		const from: number[] = [];
		const to: number[] = [];
		const of = new Int32Array(stepStart[data.projects.length]!).fill(-1);
		const K = data.keys.length + 1;
		data.projects.forEach((p, i) => {
			for (let j = 0; j + 1 < p.steps.length; j++) {
				const [a, b] = [key(p.steps[j]!), key(p.steps[j + 1]!)];
				let id = ids.get(a * K + b);
				if (id === undefined) {
					ids.set(a * K + b, (id = from.length));
					from.push(a);
					to.push(b);
				}
				of[stepStart[i]! + j] = id;
			}
		});
		return { of, from: Int32Array.from(from), to: Int32Array.from(to) };
	};
	const pairs = { category: pairsAt((s) => s.category), structure: pairsAt((s) => s.structure) };
	const yearsInOrder = data.projects.every((p) => p.steps.every((s, j) => j === 0 || s.year >= p.steps[j - 1]!.year));
	return { bySector, byDepartement, byEpci, keyOrder, categoryOf, stepStart, pairs, yearsInOrder };
}

/** The projects kept by the project filters, in the data's order: the shortest index list, checked for the rest. */
function selectedProjects(data: FlowData, index: FlowIndex, f: FlowFilters): number[] {
	const lists: number[][] = [];
	if (f.sector) lists.push(index.bySector.get(f.sector) ?? []);
	if (f.departement) lists.push(index.byDepartement.get(f.departement) ?? []);
	if (f.epci) lists.push(index.byEpci.get(f.epci) ?? []);
	if (lists.length === 0) return data.projects.map((_, i) => i);
	const shortest = lists.reduce((a, b) => (b.length < a.length ? b : a));
	return shortest.filter((i) => {
		const p = data.projects[i]!;
		return (!f.sector || p.sectors.includes(f.sector)) && (!f.departement || p.departementCode === f.departement) && (!f.epci || p.epciCode === f.epci);
	});
}

const rankOf = (i: number) => Math.min(i + 1, MAX_RANK);

/**
 * aggregateFlows sorts its ties by key with String.prototype.localeCompare, which looks its collator up at each
 * call: tens of thousands of ties at the structure level made it most of a request. The keys' order under
 * that comparison is computed once per revision (FlowIndex.keyOrder); a tie is then two integers compared.
 */
const collator = new Intl.Collator();

function increment<K>(map: Map<K, number>, k: K) {
	map.set(k, (map.get(k) ?? 0) + 1);
}

/**
 * The pairs (dense ids) that can be among the `limit` most taken: every pair at least as taken as the
 * limit-th, ties included (the caller orders them). All of them without a limit.
 */
function topPairs(seen: number[], counts: Int32Array, limit: number): number[] {
	if (seen.length <= limit) return seen;
	const histogram = new Map<number, number>();
	for (const id of seen) histogram.set(counts[id]!, (histogram.get(counts[id]!) ?? 0) + 1);
	let threshold = 0;
	let above = 0;
	for (const c of [...histogram.keys()].sort((a, b) => b - a)) {
		above += histogram.get(c)!;
		threshold = c;
		if (above >= limit) break;
	}
	return seen.filter((id) => counts[id]! >= threshold);
}

/**
 * aggregateFlows(data, filters, territoryName, thisYear), read through the index; with `limit`, only the
 * `limit` most taken transitions (the page shows 200 of 70,000 at 100k; the CSV takes them all), their total
 * still in transitionCount.
 */
export function aggregateFlowsIndexed(
	data: FlowData,
	index: FlowIndex,
	filters: FlowFilters,
	territoryName: (code: string) => string,
	thisYear: number,
	limit = Infinity
): FlowAggregate {
	const period = filters.from != null || filters.to != null;
	if (period && !index.yearsInOrder) {
		// Never seen (steps are sorted by date), but then a period could join steps that were not consecutive.
		const direct = aggregateFlows(data, filters, territoryName, thisYear);
		return { ...direct, transitions: direct.transitions.slice(0, limit) };
	}
	const chosen = selectedProjects(data, index, filters);
	const inPeriod = (s: FlowStep) => (filters.from == null || s.year >= filters.from) && (filters.to == null || s.year <= filters.to);
	// Each project's steps in the period (a run of consecutive ones) and where the run starts in `pairs`.
	const firstStep = new Int32Array(chosen.length);
	const stepsOf = chosen.map((i, p) => {
		const steps = data.projects[i]!.steps;
		let lo = 0;
		let hi = steps.length;
		if (period) {
			while (lo < hi && !inPeriod(steps[lo]!)) lo++;
			while (hi > lo && !inPeriod(steps[hi - 1]!)) hi--;
		}
		firstStep[p] = index.stepStart[i]! + lo;
		return lo === 0 && hi === steps.length ? steps : steps.slice(lo, hi);
	});
	const pairsOf = index.pairs[filters.level];
	const structureLevel = filters.level === 'structure';
	const key = (s: FlowStep) => (structureLevel ? s.structure : s.category);

	const K = data.keys.length + 1;
	const OTHER = data.keys.length;
	const span = K * (MAX_RANK + 1);
	const labels = new Map<number, string>();
	const label = (k: number) => {
		let l = labels.get(k);
		if (l === undefined) labels.set(k, (l = k === OTHER ? m.pathways_other_structures() : keyLabel(data, k)));
		return l;
	};
	const code = (k: number) => (k === OTHER ? OTHER_KEY : (data.keys[k] as string));

	// The diagram's columns (flows.ts, columns()): at the structure level, each column's most visited structures.
	let kept: Uint8Array | null = null;
	if (structureLevel) {
		const count = new Int32Array(span);
		const stamp = new Int32Array(span).fill(-1);
		const byRank: number[][] = Array.from({ length: MAX_RANK + 1 }, () => []);
		stepsOf.forEach((steps, p) => {
			for (let i = 0; i < steps.length; i++) {
				const n = rankOf(i) * K + key(steps[i]!);
				if (stamp[n] === p) continue;
				stamp[n] = p;
				if ((count[n] = count[n]! + 1) === 1) byRank[rankOf(i)]!.push(n);
			}
		});
		kept = new Uint8Array(span);
		for (let rank = 1; rank <= MAX_RANK; rank++) {
			const ranked = byRank[rank]!.sort((a, b) => count[b]! - count[a]! || a - b);
			for (const n of ranked.slice(0, STRUCTURES_PER_COLUMN)) kept[n] = 1;
		}
	}
	const nodeOf = (rank: number, k: number) => {
		const n = rank * K + k;
		return kept && !kept[n] ? rank * K + OTHER : n;
	};

	const nodeCount = new Int32Array(span);
	const nodeStamp = new Int32Array(span).fill(-1);
	const nodesSeen: number[] = [];
	const linkCounts = new Map<number, number>();
	// Transitions (tens of thousands at the structure level): a dense number per pair, counts in one array, and
	// the months between starts in two flat ones, read only for the transitions answered.
	const pairCount = new Int32Array(pairsOf.from.length);
	const pairsSeen: number[] = [];
	const monthPair: number[] = [];
	const monthValue: number[] = [];
	const firsts = new Map<number, number>();
	// Bottlenecks (flows.ts, arrivals()): by structure whatever the level.
	const arrived = new Int32Array(K);
	const arrivedStamp = new Int32Array(K).fill(-1);
	const movedOn = new Int32Array(K);
	const movedStamp = new Int32Array(K).fill(-1);
	const structuresSeen: number[] = [];
	const leaving = new Map<string, { projects: number; leaving: number }>();
	stepsOf.forEach((steps, p) => {
		for (let i = 0; i < steps.length; i++) {
			const s = steps[i]!;
			const n = nodeOf(rankOf(i), key(s));
			if (nodeStamp[n] !== p) {
				nodeStamp[n] = p;
				if ((nodeCount[n] = nodeCount[n]! + 1) === 1) nodesSeen.push(n);
			}
			if (s.year <= thisYear - STUCK_AFTER_YEARS) {
				const k = s.structure;
				if (arrivedStamp[k] !== p) {
					arrivedStamp[k] = p;
					if ((arrived[k] = arrived[k]! + 1) === 1) structuresSeen.push(k);
				}
				if (i < steps.length - 1 && movedStamp[k] !== p) {
					movedStamp[k] = p;
					movedOn[k] = movedOn[k]! + 1;
				}
			}
			const next = steps[i + 1];
			if (!next) continue;
			if (i + 1 < MAX_RANK) increment(linkCounts, n * span + nodeOf(rankOf(i + 1), key(next)));
			const id = pairsOf.of[firstStep[p]! + i]!;
			if ((pairCount[id] = pairCount[id]! + 1) === 1) pairsSeen.push(id);
			if (s.month != null && next.month != null) {
				monthPair.push(id);
				monthValue.push(next.month - s.month);
			}
		}
		if (steps[0]) increment(firsts, key(steps[0]));

		// Territories of origin whose projects found support in another département (flows.ts, leavingSets()).
		const project = data.projects[chosen[p]!]!;
		const origin = filters.departement || filters.epci ? project.epciCode : project.departementCode;
		const home = project.departementCode;
		if (!origin || !home) return;
		let supported = false;
		let away = false;
		for (const s of steps) {
			if (s.departementCode == null) continue;
			supported = true;
			if (s.departementCode !== home) away = true;
		}
		if (!supported) return;
		let e = leaving.get(origin);
		if (!e) leaving.set(origin, (e = { projects: 0, leaving: 0 }));
		e.projects++;
		if (away) e.leaving++;
	});

	// Ties ordered as aggregateFlows orders them: by code, and a node's id (« rank:code ») by rank then code.
	const order = index.keyOrder;
	const nodeOrder = (n: number) => Math.floor(n / K) * K + order[n % K]!;
	const nodeId = (n: number) => `${Math.floor(n / K)}:${code(n % K)}`;
	const nodes: FlowNode[] = nodesSeen
		.sort((a, b) => Math.floor(a / K) - Math.floor(b / K) || nodeCount[b]! - nodeCount[a]! || order[a % K]! - order[b % K]!)
		.map((n) => {
			const k = n % K;
			const category = filters.level === 'category' ? code(k) : k === OTHER ? undefined : data.keys[index.categoryOf[k]!];
			return { id: nodeId(n), rank: Math.floor(n / K), key: code(k), label: label(k), count: nodeCount[n]!, ...(category ? { category } : {}) };
		});
	const links: FlowLink[] = [...linkCounts]
		.map(([l, count]) => ({ from: Math.floor(l / span), to: l % span, count }))
		.sort((a, b) => b.count - a.count || nodeOrder(a.from) - nodeOrder(b.from) || nodeOrder(a.to) - nodeOrder(b.to))
		.map(({ from, to, count }) => ({ source: nodeId(from), target: nodeId(to), count }));
	const byCount = (a: number, b: number) =>
		pairCount[b]! - pairCount[a]! || order[pairsOf.from[a]!]! - order[pairsOf.from[b]!]! || order[pairsOf.to[a]!]! - order[pairsOf.to[b]!]!;
	const answered = topPairs(pairsSeen, pairCount, limit).sort(byCount).slice(0, limit);
	const place = new Int32Array(pairCount.length).fill(-1);
	answered.forEach((id, j) => (place[id] = j));
	const months = answered.map(() => [] as number[]);
	for (let j = 0; j < monthPair.length; j++) {
		const at = place[monthPair[j]!]!;
		if (at >= 0) months[at]!.push(monthValue[j]!);
	}
	const transitions: Transition[] = answered.map((id, j) => {
		const [from, to] = [pairsOf.from[id]!, pairsOf.to[id]!];
		const md = median(months[j]!);
		return {
			from: code(from),
			to: code(to),
			fromLabel: label(from),
			toLabel: label(to),
			count: pairCount[id]!,
			medianMonths: md == null ? null : Math.round(md * 10) / 10
		};
	});
	const firstSteps: FirstStep[] = [...firsts]
		.sort((a, b) => b[1] - a[1] || order[a[0]]! - order[b[0]]!)
		.map(([k, count]) => ({ key: code(k), label: label(k), count }));
	const bottlenecks: Bottleneck[] = structuresSeen
		.filter((k) => arrived[k]! >= MIN_ARRIVALS)
		.map((k) => ({
			k,
			key: data.keys[k] as string,
			label: keyLabel(data, k),
			slug: data.slugs[k] ?? null,
			arrivals: arrived[k]!,
			movedOn: movedOn[k]!,
			stuckShare: Math.round(((arrived[k]! - movedOn[k]!) / arrived[k]!) * 1000) / 1000
		}))
		.sort((a, b) => b.stuckShare - a.stuckShare || b.arrivals - a.arrivals || order[a.k]! - order[b.k]!)
		.slice(0, 10)
		.map(({ k: _k, ...b }) => b);
	const leavingTerritories: LeavingTerritory[] = [...leaving]
		.map(([c, e]) => ({
			code: c,
			name: territoryName(c),
			projects: e.projects,
			leaving: e.leaving,
			share: Math.round((e.leaving / e.projects) * 1000) / 1000
		}))
		.sort((a, b) => b.share - a.share || b.projects - a.projects || collator.compare(a.code, b.code));

	return {
		filters,
		projects: chosen.length,
		nodes,
		links,
		transitions,
		transitionCount: pairsSeen.length,
		firstSteps,
		bottlenecks,
		leaving: leavingTerritories
	};
}
