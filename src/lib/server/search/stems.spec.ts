import { describe, expect, it } from 'vitest';
import { stemsOfText, stemsOfWord } from './stems';

const meet = (a: string, b: string) => stemsOfWord(a).some((s) => stemsOfWord(b).includes(s));

describe('stemsOfWord', () => {
	it('brings plurals and inflections to one stem, with or without accents', () => {
		expect(meet('incubateurs', 'incubateur')).toBe(true);
		expect(meet('incubation', 'incubateur')).toBe(true);
		expect(meet('accompagnées', 'accompagner')).toBe(true);
		expect(meet('accompagnees', 'accompagnées')).toBe(true);
		expect(meet('numériques', 'numerique')).toBe(true);
		expect(meet('financements', 'financement')).toBe(true);
		expect(meet('funders', 'Funder')).toBe(true);
		expect(meet('incubators', 'Incubator')).toBe(true);
	});

	it('keeps unrelated words apart and leaves short words alone', () => {
		expect(meet('incubateur', 'accélérateur')).toBe(false);
		expect(meet('santé', 'sport')).toBe(false);
		expect(stemsOfWord('BA')).toEqual([]);
		expect(stemsOfWord('3D')).toEqual([]);
	});
});

describe('stemsOfText', () => {
	it('lists each stem once, folded', () => {
		const stems = stemsOfText('Incubateur des Volcans', 'incubateurs · Accélérateur').split(' ');
		expect(new Set(stems).size).toBe(stems.length);
		expect(stems).toContain('incub');
		expect(stems).toContain('acceler');
		expect(stems.every((s) => s === s.normalize('NFD').replace(/\p{M}/gu, ''))).toBe(true);
	});
});
