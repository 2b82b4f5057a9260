import { describe, expect, it } from 'vitest';
import { hasPreciseCentroid, minPopulationAt, placeLabels, type LabelCandidate } from './label-placement';

const box = (w: number): LabelCandidate['boxes'] => [[0, -5, w, 5]];

describe('placeLabels', () => {
	it('keeps the first of two overlapping labels and drops the second', () => {
		const shown = placeLabels(
			[
				{ key: 'big', x: 10, y: 50, boxes: box(60) },
				{ key: 'small', x: 30, y: 52, boxes: box(40) },
				{ key: 'far', x: 10, y: 100, boxes: box(40) }
			],
			200,
			200
		);
		expect([...shown.keys()]).toEqual(['big', 'far']);
	});

	it('falls back to an alternative box when the preferred one is taken', () => {
		const shown = placeLabels(
			[
				{ key: 'a', x: 50, y: 50, boxes: box(40) },
				{
					key: 'b',
					x: 50,
					y: 50,
					boxes: [
						[0, -5, 40, 5],
						[0, 20, 40, 30]
					]
				}
			],
			200,
			200
		);
		expect(shown.get('b')).toBe(1);
	});

	it('avoids obstacles and the map edges', () => {
		const shown = placeLabels(
			[
				{ key: 'hidden', x: 50, y: 50, boxes: box(20) },
				{ key: 'edge', x: 190, y: 10, boxes: box(40) }
			],
			200,
			200,
			[[45, 40, 60, 60]]
		);
		expect(shown.size).toBe(0);
	});
});

describe('minPopulationAt', () => {
	it('labels fewer towns when zoomed out', () => {
		expect(minPopulationAt(6.5)).toBeGreaterThan(minPopulationAt(8.5));
		expect(minPopulationAt(12)).toBe(0);
		// Every step down the zoom scale names no more towns than the one above.
		for (let z = 5; z < 13; z += 0.2) expect(minPopulationAt(z)).toBeGreaterThanOrEqual(minPopulationAt(z + 0.2));
	});
});

describe('hasPreciseCentroid', () => {
	it('names a town only where its point is its own', () => {
		expect(hasPreciseCentroid('contour')).toBe(true);
		expect(hasPreciseCentroid('geonames')).toBe(true);
		expect(hasPreciseCentroid('epci_seat')).toBe(false);
		expect(hasPreciseCentroid('departement')).toBe(false);
		expect(hasPreciseCentroid(null)).toBe(false);
	});
});
