import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './fts-query';

describe('toFtsQuery', () => {
	it('splits on punctuation and prefixes the last word', () => {
		expect(toFtsQuery('tiers lieu')).toBe('"tiers" "lieu"*');
		expect(toFtsQuery('Tiers-Lieu')).toBe('"Tiers" "Lieu"*');
	});
	it('neutralises FTS operators and quotes', () => {
		expect(toFtsQuery('"clermont" OR (NEAR')).toBe('"clermont" "OR" "NEAR"*');
		expect(toFtsQuery('a*b^c')).toBe('"a" "b" "c"*');
	});
	it('returns null when nothing is searchable', () => {
		expect(toFtsQuery('  -- !! ')).toBeNull();
	});
	it('can match whole words only', () => {
		expect(toFtsQuery('clermont', { prefixLast: false })).toBe('"clermont"');
	});
});
