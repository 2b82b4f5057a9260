import { describe, expect, it } from 'vitest';
import { geoPositions, groupedPositions } from './positions';

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
});
