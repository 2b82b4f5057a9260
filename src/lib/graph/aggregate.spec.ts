import { describe, expect, it } from 'vitest';
import { aggregate, discRadius, placeGroups, placeMembers, type AggregateInput } from './aggregate';
import { seededRandom } from './random';

/** A random graph of `n` actors in `groups` groups, relations mostly inside groups, of three types. */
function randomInput(n: number, m: number, groups: number, seed = 7): AggregateInput {
	const rnd = seededRandom(seed);
	const nodeGroup = Int32Array.from({ length: n }, () => Math.floor(rnd() * groups));
	const edgeSource = new Int32Array(m);
	const edgeTarget = new Int32Array(m);
	const edgeType = new Uint8Array(m);
	for (let k = 0; k < m; k++) {
		const s = Math.floor(rnd() * n);
		let t = Math.floor(rnd() * n);
		if (t === s) t = (s + 1) % n;
		edgeSource[k] = s;
		edgeTarget[k] = t;
		edgeType[k] = Math.floor(rnd() * 3);
	}
	return {
		n,
		edgeSource,
		edgeTarget,
		edgeType,
		typeNames: ['partner_of', 'funded_by', 'member_of'],
		nodeGroup,
		groupCount: groups,
		shown: new Uint8Array(n),
		edgeMask: null
	};
}

const unitKey = (u: { group: number } | { actor: number }) => ('group' in u ? `g${u.group}` : `a${u.actor}`);

describe('aggregate', () => {
	it('counts each group’s actors and each pair of groups’ relations, by type, as the relations underneath', () => {
		const input = randomInput(400, 1500, 6);
		const agg = aggregate(input);
		for (let g = 0; g < 6; g++) expect(agg.groupSize[g]).toBe(input.nodeGroup.filter((x) => x === g).length);
		expect(agg.groupSize.reduce((a, b) => a + b, 0)).toBe(400);
		// Recount every pair of groups from the relations themselves.
		const expected = new Map<string, Record<string, number>>();
		let inner = 0;
		for (let k = 0; k < 1500; k++) {
			const [a, b] = [input.nodeGroup[input.edgeSource[k]!]!, input.nodeGroup[input.edgeTarget[k]!]!].sort((x, y) => x - y);
			if (a === b) {
				inner++;
				continue;
			}
			const counts = expected.get(`g${a}-g${b}`) ?? {};
			const type = input.typeNames[input.edgeType[k]!]!;
			counts[type] = (counts[type] ?? 0) + 1;
			expected.set(`g${a}-g${b}`, counts);
		}
		expect(agg.superEdges).toHaveLength(expected.size);
		for (const e of agg.superEdges) {
			const counts = expected.get(`${unitKey(e.a)}-${unitKey(e.b)}`);
			expect(e.byType).toEqual(counts);
			expect(e.weight).toBe(Object.values(counts!).reduce((a, b) => a + b, 0));
		}
		expect(agg.groupInner.reduce((a, b) => a + b, 0)).toBe(inner);
		expect(agg.relationCount).toBe(1500);
	});

	it('keeps every relation once when a group is opened: between shown actors, or in a super-edge', () => {
		const input = randomInput(300, 1000, 5, 11);
		for (let p = 0; p < 300; p++) if (input.nodeGroup[p] === 2) input.shown[p] = 1;
		const agg = aggregate(input);
		const inSuper = agg.superEdges.reduce((a, e) => a + e.weight, 0);
		// Relations inside a closed group are in no edge; the others are all drawn, once.
		const closedInner = agg.groupInner.reduce((a, x, g) => a + (g === 2 ? 0 : x), 0);
		expect(inSuper + agg.relations.length + closedInner).toBe(1000);
		for (const k of agg.relations) expect([input.nodeGroup[input.edgeSource[k]!], input.nodeGroup[input.edgeTarget[k]!]]).toEqual([2, 2]);
		expect(agg.groupRest[2]).toBe(0);
		// A shown actor's degree is its relations in the view.
		for (const [p, d] of agg.degree) expect(d).toBe([...input.edgeSource, ...input.edgeTarget].filter((x) => x === p).length);
		// Actor-to-group super-edges: their weights are the actor's relations into that group.
		for (const e of agg.superEdges.filter((e) => 'actor' in e.a || 'actor' in e.b)) {
			const [actor, group] =
				'actor' in e.a ? [e.a.actor, (e.b as { group: number }).group] : [(e.b as { actor: number }).actor, (e.a as { group: number }).group];
			let count = 0;
			for (let k = 0; k < 1000; k++) {
				const [s, t] = [input.edgeSource[k]!, input.edgeTarget[k]!];
				if ((s === actor && input.nodeGroup[t] === group) || (t === actor && input.nodeGroup[s] === group)) count++;
			}
			expect(e.weight).toBe(count);
		}
	});

	it('leaves out the actors and relations the filters leave out', () => {
		const input = randomInput(200, 600, 4, 3);
		const edgeMask = Uint8Array.from({ length: 600 }, (_, k) => (input.edgeType[k] === 1 ? 1 : 0));
		const nodeGroup = input.nodeGroup.map((g, p) => (p % 5 === 0 ? -1 : g));
		const agg = aggregate({ ...input, nodeGroup, edgeMask });
		expect(agg.actors).toBe(nodeGroup.filter((g) => g >= 0).length);
		let kept = 0;
		for (let k = 0; k < 600; k++) if (edgeMask[k] && nodeGroup[input.edgeSource[k]!]! >= 0 && nodeGroup[input.edgeTarget[k]!]! >= 0) kept++;
		expect(agg.relationCount).toBe(kept);
		for (const e of agg.superEdges) expect(Object.keys(e.byType)).toEqual(['funded_by']);
	});
});

describe('placing groups and members', () => {
	it('gives every group room for its opened disc, so opening one moves nothing else', () => {
		const sizes = [900, 300, 300, 120, 40, 12, 3, 1];
		const radii = sizes.map((s) => discRadius(s));
		const spots = placeGroups(radii);
		for (let i = 0; i < spots.length; i++)
			for (let j = i + 1; j < spots.length; j++)
				expect(Math.hypot(spots[i]!.x - spots[j]!.x, spots[i]!.y - spots[j]!.y)).toBeGreaterThanOrEqual(radii[i]! + radii[j]!);
		// Same sizes, same picture; the members of a group stay inside its disc.
		expect(placeGroups(radii)).toEqual(spots);
		const members = placeMembers(spots[1]!, 300);
		for (const p of members) expect(Math.hypot(p.x - spots[1]!.x, p.y - spots[1]!.y)).toBeLessThanOrEqual(radii[1]! + 1);
	});
});
