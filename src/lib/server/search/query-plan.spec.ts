import { describe, expect, it } from 'vitest';
import { queryUnits, tierExpressions } from './query-plan';
import { SynonymIndex } from './synonyms';

const synonyms = new SynonymIndex([
	{ terms: ['tiers-lieu', 'tiers lieu', 'third place'], related: false },
	{ terms: ['financeur', 'financement', 'funding'], related: false },
	{ terms: ['tiers-lieu', 'coworking'], related: true }
]);
const keys = (q: string) => queryUnits(q, synonyms).map((u) => u.key);

describe('queryUnits', () => {
	it('folds the words, keeps synonym phrases whole and drops small words', () => {
		expect(keys('Tiers-Lieu à Thiers')).toEqual(['tiers lieu', 'thiers']);
		expect(keys('aide au financement')).toEqual(['aide', 'financement']);
		expect(keys('third place')).toEqual(['third place']);
	});

	it('keeps small words when nothing else was typed, and marks the last unit', () => {
		expect(keys('le')).toEqual(['le']);
		expect(queryUnits('incubateur vic', synonyms).map((u) => u.last)).toEqual([false, true]);
	});
});

describe('tierExpressions', () => {
	it('goes from the words as typed to their forms, synonyms, then related words and likely spellings', () => {
		const units = queryUnits('financeurs clermond', synonyms).map((unit) => ({
			unit,
			...synonyms.of(unit.key),
			wider: unit.key === 'clermond' ? ['clermont'] : []
		}));
		const [exact, forms, same, wide] = tierExpressions('financeurs clermond', units);
		expect(exact).toBe('{name summary description_text search_terms} : ("financeurs" "clermond"*)');
		expect(forms).toContain('search_stems : ("financeur")');
		expect(forms).not.toContain('"funding"');
		expect(same).toContain('"funding"');
		expect(same).not.toContain('"clermont"');
		expect(wide).toContain('"clermont"');
	});

	it('neutralises what the visitor typed', () => {
		const units = queryUnits('"x" OR (NEAR', synonyms).map((unit) => ({ unit, same: [], wider: [] }));
		for (const t of tierExpressions('"x" OR (NEAR', units)) expect(t).not.toMatch(/(^|[^"])\(NEAR/);
	});

	it('has nothing to search in punctuation alone', () => {
		expect(tierExpressions(' -- ', [])).toEqual([]);
	});
});

describe('SynonymIndex', () => {
	it('finds a group by a word, a phrase or a plural, with the related words of its synonyms', () => {
		expect(synonyms.of('financeurs').same).toEqual(expect.arrayContaining(['financement', 'funding']));
		expect(synonyms.of('third place').same).toEqual(expect.arrayContaining(['tiers lieu']));
		expect(synonyms.of('third place').related).toEqual(['coworking']);
		expect(synonyms.of('coworking').same).toEqual([]);
		expect(synonyms.of('coworking').related).toEqual(['tiers lieu']);
	});
});
