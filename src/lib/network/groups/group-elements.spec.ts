import { describe, expect, it } from 'vitest';
import type { GraphGroupsResponse } from '$lib/domain/api/groups-response';
import { groupElements } from './group-elements';

const group = (key: string, extra: Partial<GraphGroupsResponse['groups'][number]> = {}): GraphGroupsResponse['groups'][number] => ({
	key,
	id: `g:${key}`,
	label: `autour de ${key}`,
	size: 10,
	rest: 10,
	inner: 4,
	open: false,
	x: 0,
	y: 0,
	r: 80,
	hub: { id: 1, label: 'A' },
	...extra
});

const answer = (groups: GraphGroupsResponse['groups'], extra: Partial<GraphGroupsResponse> = {}): GraphGroupsResponse => ({
	revision: 1,
	stale: false,
	by: 'community',
	grouped: true,
	threshold: 600,
	actors: 30,
	relations: 40,
	groups,
	members: [],
	links: [],
	edges: [],
	...extra
});

describe('groupElements', () => {
	it('draws a closed group as one node at its spot, its area growing with its disc', () => {
		const els = groupElements(answer([group('0', { x: 10, y: -5, r: 200 }), group('1', { r: 40 })]));
		expect(els.map((e) => e.data.id)).toEqual(['g:0', 'g:1']);
		expect(els[0]!.position).toEqual({ x: 10, y: -5 });
		expect(els[0]!.data.size as number).toBeGreaterThan(els[1]!.data.size as number);
	});

	it('draws an opened group by its members, its node kept only for those still inside', () => {
		const els = groupElements(
			answer([group('0', { open: true, rest: 0 }), group('1', { open: true, rest: 5 }), group('2')], {
				members: [
					[7, 'Sept', 'organisation', 0, 3, 4, 2],
					[8, 'Huit', 'person', 1, 5, 6, 1]
				],
				links: [['g:2', 'n7', 1, { partner_of: 1 }]],
				edges: [[70, 7, 8, 'partner_of']]
			})
		);
		const ids = els.map((e) => e.data.id);
		expect(ids).not.toContain('g:0');
		expect(ids).toEqual(expect.arrayContaining(['g:1', 'g:2', 'n7', 'n8', 'l:g:2|n7', 'e70']));
		expect(els.find((e) => e.data.id === 'g:1')!.classes).toBe('group rest');
		// Every line ends on a drawn node.
		const nodes = new Set(els.filter((e) => e.group === 'nodes').map((e) => e.data.id));
		for (const e of els.filter((e) => e.group === 'edges')) expect(nodes.has(e.data.source as string) && nodes.has(e.data.target as string)).toBe(true);
	});
});
