import { describe, expect, it } from 'vitest';
import { foldName, matchNames, nameScore } from './name-match';

const listings = [
	{ id: 1, name: 'École de la Transition' },
	{ id: 2, name: "Nid d'entreprises du Brivadois" },
	{ id: 3, name: 'Volcabio' },
	{ id: 4, name: 'Volcabio SAS' },
	{ id: 5, name: 'Les Volcans numériques' },
	{ id: 6, name: 'Cœur de Combrailles' },
	{ id: 7, name: 'Fablab Aurillac' }
];
const names = (q: string, limit = 10) => matchNames(listings, q, limit).items.map((l) => l.name);

describe('foldName', () => {
	it('ignores case, accents, ligatures and punctuation', () => {
		expect(foldName('  École — de LA   Transition ')).toBe('ecole de la transition');
		expect(foldName('Cœur')).toBe('coeur');
		expect(foldName("Nid d'entreprises")).toBe('nid d entreprises');
	});
});

describe('nameScore', () => {
	it('ranks exact, then prefix, then word starts, then inner pieces, and refuses the rest', () => {
		expect(nameScore('volcabio', 'volcabio')).toBe(4);
		expect(nameScore('volcabio sas', 'volcabio')).toBe(3);
		expect(nameScore('nid d entreprises du brivadois', 'nid briva')).toBe(2);
		expect(nameScore('les volcans numeriques', 'cans')).toBe(1);
		expect(nameScore('fablab aurillac', 'brivadois')).toBe(0);
		expect(nameScore('fablab aurillac', '')).toBe(0);
	});
});

describe('matchNames', () => {
	it('finds a listing from part of its name whatever the accents and case', () => {
		expect(names('ecole')).toEqual(['École de la Transition']);
		expect(names('COEUR comb')).toEqual(['Cœur de Combrailles']);
		expect(names('brivadois')).toEqual(["Nid d'entreprises du Brivadois"]);
	});

	it('puts the exact name first, then names that start with it, then the others', () => {
		expect(names('volcabio')).toEqual(['Volcabio', 'Volcabio SAS']);
		expect(names('volc')).toEqual(['Volcabio', 'Volcabio SAS', 'Les Volcans numériques']);
	});

	it('counts every match but returns at most `limit`', () => {
		expect(matchNames(listings, 'volc', 2)).toMatchObject({ total: 3, items: [{ id: 3 }, { id: 4 }] });
	});

	it('answers nothing to an empty or punctuation-only query', () => {
		expect(matchNames(listings, '  - ', 10)).toEqual({ items: [], total: 0 });
	});
});
