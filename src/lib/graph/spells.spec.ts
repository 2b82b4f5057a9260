import { describe, expect, it } from 'vitest';
import { firstDay, lastDay, relationSpell, unionSpells } from './spells';

describe('spans from partial dates', () => {
	it('takes the first day of a start and the last day of an end, at every precision', () => {
		expect(firstDay('2019')).toBe('2019-01-01');
		expect(firstDay('2019-03')).toBe('2019-03-01');
		expect(firstDay('2019-03-14')).toBe('2019-03-14');
		expect(lastDay('2019')).toBe('2019-12-31');
		expect(lastDay('2020-02')).toBe('2020-02-29');
		expect(lastDay('2021-02')).toBe('2021-02-28');
		expect(lastDay('2019-03-14')).toBe('2019-03-14');
	});

	it('ignores what is not a date (nothing rather than a wrong span)', () => {
		for (const bad of [null, undefined, '', 'mars 2019', '2019-13', '2019-02-30', '19']) {
			expect(firstDay(bad), String(bad)).toBeNull();
			expect(lastDay(bad), String(bad)).toBeNull();
		}
	});

	it('gives a relation its span, open where a date is missing, and none when undated', () => {
		expect(relationSpell('2019', '2020-06')).toEqual({ start: '2019-01-01', end: '2020-06-30' });
		expect(relationSpell('2019-05', null)).toEqual({ start: '2019-05-01', end: null });
		expect(relationSpell(null, '2018')).toEqual({ start: null, end: '2018-12-31' });
		expect(relationSpell(null, null)).toBeNull();
		// An end typed before the start does not make an empty span.
		expect(relationSpell('2020', '2019')).toEqual({ start: '2020-01-01', end: null });
	});

	it('gives an actor the union of its relations’ spans, merging those that overlap or touch', () => {
		expect(
			unionSpells([
				{ start: '2021-01-01', end: '2021-12-31' },
				{ start: '2015-01-01', end: '2016-06-30' },
				{ start: '2016-07-01', end: '2017-12-31' },
				{ start: '2017-03-01', end: '2017-04-30' }
			])
		).toEqual([
			{ start: '2015-01-01', end: '2017-12-31' },
			{ start: '2021-01-01', end: '2021-12-31' }
		]);
		expect(
			unionSpells([
				{ start: '2015-01-01', end: null },
				{ start: '2018-01-01', end: '2019-12-31' }
			])
		).toEqual([{ start: '2015-01-01', end: null }]);
		expect(
			unionSpells([
				{ start: null, end: '2012-12-31' },
				{ start: '2012-06-01', end: '2014-12-31' }
			])
		).toEqual([{ start: null, end: '2014-12-31' }]);
		// An undated relation, or none at all: the actor is always there.
		expect(unionSpells([{ start: '2015-01-01', end: null }, null])).toBeNull();
		expect(unionSpells([])).toBeNull();
	});
});
