import { describe, expect, it } from 'vitest';
import { placeScore } from './search-places.service';

const w = (s: string) => s.split(' ');

describe('placeScore', () => {
	it('knows a place typed alone, named inside a query, or started', () => {
		expect(placeScore(w('thiers'), w('thiers'))).toBe(3);
		expect(placeScore(w('thiers'), w('coworking thiers'))).toBe(2);
		expect(placeScore(w('le puy en velay'), w('incubateur le puy en velay'))).toBe(2);
		expect(placeScore(w('clermont ferrand'), w('clermont'))).toBe(1);
	});

	it('ignores short names inside a query, short beginnings and other places', () => {
		expect(placeScore(w('ris'), w('coworking ris'))).toBe(0);
		expect(placeScore(w('saint flour'), w('sain'))).toBe(0);
		expect(placeScore(w('vichy'), w('thiers'))).toBe(0);
		expect(placeScore(w('thiers'), w('tiers lieu'))).toBe(0);
	});
});
