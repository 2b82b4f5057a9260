/**
 * The network's aggregated view (issue 18, « semantic zoom »): actors gathered into groups (a community, a
 * territory, a category), each group one super-node, the relations between two groups one super-edge that
 * counts them by type. Some actors are drawn on their own (the members of a group the reader opened, a path's
 * steps): the others stay inside their group's node. Typed arrays in, plain arrays out: it runs as well in a
 * worker thread as in the server's.
 */

export interface AggregateInput {
	n: number;
	edgeSource: Int32Array;
	edgeTarget: Int32Array;
	/** Each relation's type, as an index into `typeNames`. */
	edgeType: Uint8Array;
	typeNames: string[];
	/** Each actor's group (0 … groupCount − 1), or −1 when the filters leave it out. */
	nodeGroup: Int32Array;
	groupCount: number;
	/** 1 for an actor drawn on its own rather than inside its group. */
	shown: Uint8Array;
	/** 1 for a relation the filters keep (null: all). */
	edgeMask: Uint8Array | null;
}

/** A drawn unit: a group's node (`group`) or an actor's (`actor`, its node position). */
export type Unit = { group: number } | { actor: number };

export interface SuperEdge {
	a: Unit;
	b: Unit;
	/** Relations between the two units. */
	weight: number;
	/** The same relations by type (index in `typeNames` → count). */
	byType: Record<string, number>;
}

export interface Aggregate {
	/** Actors of each group (filtered), and how many of them stay inside its node. */
	groupSize: number[];
	groupRest: number[];
	/** Relations with both ends in the group. */
	groupInner: number[];
	/** Relations each shown actor has in the view. */
	degree: Map<number, number>;
	/** Between a group and anything, or two groups. */
	superEdges: SuperEdge[];
	/** Relations between two shown actors, drawn one by one (edge positions). */
	relations: number[];
	/** Actors and relations the filters keep. */
	actors: number;
	relationCount: number;
}

/** One pass over the relations: each end is its actor when shown, else its group. */
export function aggregate(input: AggregateInput): Aggregate {
	const { n, nodeGroup, groupCount, shown, edgeMask, edgeSource, edgeTarget, edgeType, typeNames } = input;
	const groupSize = new Array<number>(groupCount).fill(0);
	const groupRest = new Array<number>(groupCount).fill(0);
	const groupInner = new Array<number>(groupCount).fill(0);
	let actors = 0;
	for (let i = 0; i < n; i++) {
		const g = nodeGroup[i]!;
		if (g < 0) continue;
		actors++;
		groupSize[g]!++;
		if (!shown[i]) groupRest[g]!++;
	}
	const degree = new Map<number, number>();
	const pairs = new Map<string, SuperEdge>();
	const relations: number[] = [];
	let relationCount = 0;
	// A unit as one number: groups 0 … groupCount − 1, actors groupCount + position.
	const unitOf = (p: number) => (shown[p] ? groupCount + p : nodeGroup[p]!);
	const asUnit = (u: number): Unit => (u < groupCount ? { group: u } : { actor: u - groupCount });
	for (let k = 0; k < edgeSource.length; k++) {
		if (edgeMask && !edgeMask[k]) continue;
		const s = edgeSource[k]!;
		const t = edgeTarget[k]!;
		const gs = nodeGroup[s]!;
		const gt = nodeGroup[t]!;
		if (gs < 0 || gt < 0) continue;
		relationCount++;
		if (gs === gt) groupInner[gs]!++;
		if (shown[s]) degree.set(s, (degree.get(s) ?? 0) + 1);
		if (shown[t]) degree.set(t, (degree.get(t) ?? 0) + 1);
		const us = unitOf(s);
		const ut = unitOf(t);
		if (us === ut) continue;
		if (us >= groupCount && ut >= groupCount) {
			relations.push(k);
			continue;
		}
		const [a, b] = us < ut ? [us, ut] : [ut, us];
		const key = `${a}:${b}`;
		let edge = pairs.get(key);
		if (!edge) pairs.set(key, (edge = { a: asUnit(a), b: asUnit(b), weight: 0, byType: {} }));
		edge.weight++;
		const type = typeNames[edgeType[k]!]!;
		edge.byType[type] = (edge.byType[type] ?? 0) + 1;
	}
	return { groupSize, groupRest, groupInner, degree, superEdges: [...pairs.values()], relations, actors, relationCount };
}

/** Room between actors drawn around their group, in graph units (Cytoscape's pixels at zoom 1). */
export const MEMBER_SPACING = 16;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** The disc an opened group's members take: its node is drawn as this disc seen from afar. */
export const discRadius = (members: number): number => MEMBER_SPACING * Math.sqrt(members + 1) + 18;

/**
 * Where each group stands: the largest in the middle, each next one at the spot nearest the middle where its
 * whole disc (`radii`, as if opened) touches no other, tried against every placed disc at 24 angles. So
 * opening a group moves nothing else: its members fill the room kept for them. Deterministic: the same sizes
 * give the same picture. A grid of the placed discs keeps each test local (400 groups: a few tens of ms).
 */
export function placeGroups(radii: readonly number[], gap = 24): { x: number; y: number }[] {
	const order = radii.map((_, i) => i).sort((a, b) => radii[b]! - radii[a]! || a - b);
	const out = new Array<{ x: number; y: number }>(radii.length);
	if (!order.length) return out;
	const cell = 2 * Math.max(...radii) + gap;
	const grid = new Map<number, { x: number; y: number; r: number }[]>();
	/** Discs that may still have room beside them (one found full stays full: the discs only get smaller). */
	let front: { x: number; y: number; r: number }[] = [];
	const cellOf = (v: number) => Math.floor(v / cell);
	const fits = (x: number, y: number, r: number) => {
		for (let i = cellOf(x) - 1; i <= cellOf(x) + 1; i++)
			for (let j = cellOf(y) - 1; j <= cellOf(y) + 1; j++)
				for (const p of grid.get(i * 1e6 + j) ?? []) if (Math.hypot(p.x - x, p.y - y) < p.r + r + gap - 0.5) return false;
		return true;
	};
	const put = (i: number, x: number, y: number) => {
		const disc = { x, y, r: radii[i]! };
		front.push(disc);
		const key = cellOf(x) * 1e6 + cellOf(y);
		grid.set(key, [...(grid.get(key) ?? []), disc]);
		out[i] = { x, y };
	};
	put(order[0]!, 0, 0);
	for (const i of order.slice(1)) {
		const r = radii[i]!;
		let best: { x: number; y: number; d: number } | null = null;
		const full = new Set<{ x: number; y: number; r: number }>();
		for (const p of front) {
			// No spot beside this disc can beat the best found: all are farther from the middle.
			if (best && Math.hypot(p.x, p.y) - p.r - r - gap > best.d) continue;
			let room = false;
			for (let a = 0; a < 24; a++) {
				const angle = (a / 24) * 2 * Math.PI;
				const x = Math.round(p.x + (p.r + r + gap) * Math.cos(angle));
				const y = Math.round(p.y + (p.r + r + gap) * Math.sin(angle));
				const d = Math.hypot(x, y);
				if (!fits(x, y, r)) continue;
				room = true;
				if (!best || d < best.d) best = { x, y, d };
			}
			if (!room) full.add(p);
		}
		front = front.filter((p) => !full.has(p));
		put(i, best!.x, best!.y);
	}
	return out;
}

/**
 * The members of an opened group around its centre, most related first (the hub in the middle), on a sunflower
 * spiral: even spacing whatever their number, within `discRadius(count)`. `skip` leaves the middle free (for
 * the node of the members still inside).
 */
export function placeMembers(center: { x: number; y: number }, count: number, skip = 0): { x: number; y: number }[] {
	return Array.from({ length: count }, (_, j) => {
		const i = j + skip;
		const d = MEMBER_SPACING * Math.sqrt(i + 0.5);
		return { x: Math.round(center.x + d * Math.cos(i * GOLDEN_ANGLE)), y: Math.round(center.y + d * Math.sin(i * GOLDEN_ANGLE)) };
	});
}

/** The aggregate with where each group stands (see placeGroups): one call, in whichever thread runs it. */
export interface PlacedAggregate extends Aggregate {
	/** Each group's disc as if opened: `memberCap` members at most, plus the middle kept for those still inside. */
	radii: number[];
	spots: { x: number; y: number }[];
}

const placements = new Map<string, { x: number; y: number }[]>();

export function aggregateAndPlace(input: AggregateInput, memberCap: number, restSkip: number): PlacedAggregate {
	const agg = aggregate(input);
	const radii = agg.groupSize.map((size) => discRadius(Math.min(size, memberCap) + (size > memberCap ? restSkip : 0)));
	// The same sizes again (another group opened, the same filters): the same spots, kept.
	const key = radii.join(',');
	let spots = placements.get(key);
	if (!spots) {
		spots = placeGroups(radii);
		if (placements.size >= 50) placements.delete(placements.keys().next().value as string);
		placements.set(key, spots);
	}
	return { ...agg, radii, spots };
}
