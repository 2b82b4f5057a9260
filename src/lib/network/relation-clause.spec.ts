import { describe, expect, it } from 'vitest';
import { cardClause } from './relation-clause';

const volcabio = { name: 'Volcabio', kind: 'organisation', category: 'startup' };
const couveuse = { name: 'Couveuse des Puys', kind: 'organisation', category: 'incubator' };
const today = '2026-03-01';

describe('a relation in an actor card', () => {
	it('is cut around the other actor in English, its dates apart', () => {
		const r = { type: 'incubated_by', startDate: '2021', endDate: null };
		expect(cardClause(r, volcabio, couveuse, 'out', 'en', today)).toEqual({
			before: 'Has been incubated by ',
			name: 'Couveuse des Puys',
			tail: '',
			dates: 'since 2021'
		});
		expect(cardClause({ type: 'member_of', startDate: null, endDate: null }, couveuse, volcabio, 'in', 'en', today)).toEqual({
			before: 'Counts ',
			name: 'Volcabio',
			tail: 'among its members',
			dates: ''
		});
	});

	it('keeps the French phrasing module’s words in French', () => {
		const r = { type: 'incubated_by', startDate: '2021', endDate: null };
		expect(cardClause(r, volcabio, couveuse, 'out', 'fr', today)).toMatchObject({ name: 'Couveuse des Puys', dates: 'depuis 2021' });
	});
});
