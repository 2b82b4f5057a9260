import { describe, expect, it } from 'vitest';
import { TypoVocabulary, editsAllowed } from './typos';

const vocabulary = new TypoVocabulary(
	[
		['accelerateur', 12],
		['clermont', 300],
		['fablab', 20],
		['incubateur', 15],
		['incubation', 4],
		['thiers', 10],
		['tiers', 40],
		['piers', 2],
		['2019', 9]
	].map(([term, docs]) => ({ term: term as string, docs: docs as number }))
);
const best = (word: string) => vocabulary.corrections(word)[0]?.term;

describe('TypoVocabulary', () => {
	it('allows one edit from 5 to 8 letters, two beyond, none below', () => {
		expect([4, 5, 8, 9, 14].map(editsAllowed)).toEqual([0, 1, 1, 2, 2]);
	});

	it('corrects a missing, a wrong and an extra letter to the word of the index', () => {
		expect(best('acelerateur')).toBe('accelerateur');
		expect(best('clermond')).toBe('clermont');
		expect(best('fablabe')).toBe('fablab');
		expect(best('incubatuer')).toBe('incubateur');
	});

	it('leaves known words, short words and far words alone', () => {
		expect(vocabulary.corrections('clermont')).toEqual([]);
		expect(vocabulary.corrections('tier')).toEqual([]);
		expect(vocabulary.corrections('montpellier')).toEqual([]);
	});

	it('prefers the closest, then the commonest word', () => {
		expect(vocabulary.corrections('giers').map((c) => c.term)).toEqual(['tiers', 'piers']);
		expect(vocabulary.corrections('thier').map((c) => c.term)).toEqual(['thiers']);
	});

	it('knows a word still being typed', () => {
		expect(vocabulary.hasPrefix('incub')).toBe(true);
		expect(vocabulary.hasPrefix('incuz')).toBe(false);
		expect(vocabulary.has('2019')).toBe(false);
	});
});
