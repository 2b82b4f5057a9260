import { describe, expect, it } from 'vitest';
import { concentricPositions, geoPositions, groupedPositions } from './positions';

describe('geoPositions', () => {
	it('keeps north up and east right, and spreads actors sharing a place', () => {
		const p = geoPositions([
			{ id: 1, lon: 3.08, lat: 45.78 }, // Clermont-Ferrand
			{ id: 2, lon: 3.08, lat: 45.78 },
			{ id: 3, lon: 2.44, lat: 44.93 }, // Aurillac: south-west
			{ id: 4, lon: null, lat: null }
		]);
		const [a, b, c, d] = [1, 2, 3, 4].map((id) => p.get(id)!);
		expect(c!.x).toBeLessThan(a!.x);
		expect(c!.y).toBeGreaterThan(a!.y);
		expect(Math.hypot(a!.x - b!.x, a!.y - b!.y)).toBeGreaterThan(5);
		expect(d!.y).toBeGreaterThan(c!.y);
	});
});

describe('groupedPositions', () => {
	it('one disc per group, largest first, most connected at the centre', () => {
		const { positions, groups } = groupedPositions([
			{ id: 1, group: 'startup', weight: 1 },
			{ id: 2, group: 'startup', weight: 9 },
			{ id: 3, group: 'lab', weight: 1 }
		]);
		expect(groups.map((g) => g.key)).toEqual(['startup', 'lab']);
		expect(positions.get(2)).toEqual(groups[0]!.center);
		expect(positions.size).toBe(3);
	});

	it('names each group above its disc, discs and names never overlapping, in a compact layout', () => {
		const sizes = [130, 95, 45, 40, 30, 20, 17, 13, 10, 10, 9, 8, 7, 7, 7, 6, 5, 5, 5, 4, 4, 4, 3, 2];
		const nodes = sizes.flatMap((n, g) => Array.from({ length: n }, (_, i) => ({ id: g * 1000 + i, group: `catégorie au nom assez long ${g}`, weight: i })));
		const { groups, labels } = groupedPositions(nodes);
		expect(labels.map((l) => l.text)).toEqual(sizes.map((n, g) => `catégorie au nom assez long ${g} (${n})`));
		const boxes = groups.map((g, i) => ({
			x1: Math.min(g.center.x - g.radius, labels[i]!.x - labels[i]!.width / 2),
			x2: Math.max(g.center.x + g.radius, labels[i]!.x + labels[i]!.width / 2),
			y1: labels[i]!.y - 2.4 * labels[i]!.font,
			y2: g.center.y + g.radius
		}));
		for (const [i, g] of groups.entries()) {
			expect(labels[i]!.y).toBeLessThan(g.center.y - g.radius);
			for (const [j, o] of boxes.entries())
				if (j !== i) expect(boxes[i]!.x2 <= o.x1 || o.x2 <= boxes[i]!.x1 || boxes[i]!.y2 <= o.y1 || o.y2 <= boxes[i]!.y1, `${i} / ${j}`).toBe(true);
		}
		// Roughly as wide as tall, not one long row or a sparse grid.
		const width = Math.max(...boxes.map((b) => b.x2)) - Math.min(...boxes.map((b) => b.x1));
		const height = Math.max(...boxes.map((b) => b.y2)) - Math.min(...boxes.map((b) => b.y1));
		expect(width / height).toBeGreaterThan(0.6);
		expect(width / height).toBeLessThan(2.5);
	});
});

describe('concentricPositions', () => {
	it('puts the most central in the middle and the others on rings outwards, in rank order, without overlap', () => {
		const ranked = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, size: i < 10 ? 40 : 14 }));
		expect(concentricPositions(ranked.slice(0, 10)).get(1)).toEqual({ x: 0, y: 0 });
		const p = concentricPositions(ranked);
		const radius = (id: number) => Math.hypot(p.get(id)!.x, p.get(id)!.y);
		for (let i = 1; i < 300; i++) expect(radius(i + 1)).toBeGreaterThanOrEqual(radius(i) - 1e-6);
		// Neighbours on a ring stand at least their size apart.
		const ring = [...p.entries()].filter(([id]) => Math.abs(radius(id) - radius(300)) < 1e-6).map(([, q]) => q);
		const gap = Math.min(...ring.map((q, i) => Math.hypot(q.x - ring[(i + 1) % ring.length]!.x, q.y - ring[(i + 1) % ring.length]!.y)));
		expect(gap).toBeGreaterThanOrEqual(14);
	});
});
