import { describe, expect, it } from 'vitest';
import { weekHeading } from './dates';
import { actorLead, eventDates, formatDay, pathwaySummary, periodLabel, relationDates, relationHeading, relationSentence, spanDates, stepParts } from '.';

const TODAY = '2026-12-05';
const volcabio = { name: 'Volcabio', kind: 'organisation', category: 'startup' };
const couveuse = { name: 'Couveuse des Puys', kind: 'organisation', category: 'incubator' };
const camille = { name: 'Camille Martin', kind: 'person', category: 'entrepreneur' };
const grange = { name: 'La Grange', kind: 'third_place', category: 'coworking' };

describe('relation sentences in English', () => {
	it('a relation over is in the past, its period said once', () => {
		const r = { type: 'incubated_by', startDate: '2019', endDate: '2020' };
		expect(relationSentence(r, volcabio, couveuse, 'out', TODAY)).toBe('Volcabio was incubated by Couveuse des Puys from 2019 to 2020');
		expect(relationSentence(r, couveuse, volcabio, 'in', TODAY)).toBe('Couveuse des Puys incubated Volcabio from 2019 to 2020');
	});
	it('a relation running since a date takes the present perfect', () => {
		const r = { type: 'incubated_by', startDate: '2021-03', endDate: null };
		expect(relationSentence(r, volcabio, couveuse, 'out', TODAY)).toBe('Volcabio has been incubated by Couveuse des Puys since March 2021');
		expect(relationSentence({ type: 'hosted_by', startDate: '2021-03-18', endDate: null }, grange, volcabio, 'in', TODAY)).toBe(
			'La Grange has hosted Volcabio since 18 March 2021'
		);
	});
	it('a moment is dated, never « since »; a person needs no gender', () => {
		expect(relationSentence({ type: 'founded', startDate: '2016', endDate: null }, camille, volcabio, 'out', TODAY)).toBe(
			'Camille Martin founded Volcabio in 2016'
		);
		expect(relationSentence({ type: 'founded', startDate: '2016-05-03', endDate: null }, volcabio, camille, 'in', TODAY)).toBe(
			'Volcabio was founded by Camille Martin on 3 May 2016'
		);
	});
	it('a relation to come is in the future; an undated one in the present', () => {
		expect(relationSentence({ type: 'hosted_by', startDate: '2027-04', endDate: null }, volcabio, grange, 'out', TODAY)).toBe(
			'Volcabio will be hosted by La Grange from April 2027'
		);
		expect(relationSentence({ type: 'member_of', startDate: null, endDate: null }, couveuse, volcabio, 'in', TODAY)).toBe(
			'Couveuse des Puys counts Volcabio among its members'
		);
		expect(relationSentence({ type: 'partner_of', startDate: null, endDate: null }, couveuse, volcabio, 'in', TODAY)).toBe(
			'Couveuse des Puys is a partner of Volcabio'
		);
	});
});

describe('relation lists and headings', () => {
	it('dates alone next to a name', () => {
		expect(relationDates({ type: 'incubated_by', startDate: '2021-03', endDate: null }, TODAY)).toBe('since March 2021');
		expect(relationDates({ type: 'mentored_by', startDate: '2025-03', endDate: '2027-06' }, TODAY)).toBe('since March 2025, until June 2027');
		expect(relationDates({ type: 'mentored_by', startDate: null, endDate: null }, TODAY)).toBe('date unknown');
	});
	it('headings from the actor’s side', () => {
		expect(relationHeading('incubated_by', 'out')).toBe('Incubated by');
		expect(relationHeading('incubated_by', 'in')).toBe('Projects incubated');
		expect(relationHeading('partner_of', 'in')).toBe('Partner of');
	});
	it('pathway steps cut before the structure’s name', () => {
		expect(stepParts(volcabio, 'incubated_by', couveuse)).toEqual({ before: 'Incubated by ', name: 'Couveuse des Puys', label: 'incubated by' });
		expect(stepParts(volcabio, 'hosted_by', grange).before).toBe('Hosted at ');
		expect(stepParts(camille, 'founded', volcabio).before).toBe('Founded ');
	});
});

describe('dates in English, Paris time', () => {
	it('periods share their year', () => {
		expect(spanDates('2024-04', '2024-08')).toBe('from April to August 2024');
		expect(spanDates('2027-03-18', '2027-03-20')).toBe('from 18 to 20 March 2027');
		expect(spanDates('2019-10', '2020-03')).toBe('from October 2019 to March 2020');
		expect(periodLabel(null, '2021-03')).toBe('until March 2021');
		expect(periodLabel(null, null)).toBe('date unknown');
	});
	it('an instant is read in Paris time (a UTC evening is already the next day there)', () => {
		expect(formatDay('2026-11-30T23:30:00Z')).toBe('1 December 2026');
		expect(formatDay('2026-12-01')).toBe('1 December 2026');
	});
	it('events', () => {
		expect(eventDates('2025-10-11T09:00', '2025-10-11T17:30')).toBe('Saturday 11 October 2025, 09:00 to 17:30');
		expect(eventDates('2027-03-18T18:00', null)).toBe('Thursday 18 March 2027 at 18:00');
		expect(eventDates('2027-02-20T18:00', '2027-02-22T17:00')).toBe('from Saturday 20 February, 18:00 to Monday 22 February 2027, 17:00');
	});
});

describe('an actor in a few words', () => {
	it('a lead from what is known', () => {
		expect(actorLead({ kind: 'organisation', category: 'startup', foundedYear: 2016, communeName: 'Riom' })).toBe('Startup founded in 2016 in Riom');
		expect(actorLead({ kind: 'person', category: 'entrepreneur', foundedYear: 2016, communeName: 'Aurillac' })).toBe('Entrepreneur in Aurillac');
	});
	it('a pathway’s span, plural by the English rules', () => {
		const step = (start: string | null) => ({ start, end: null, dateKnown: start !== null });
		expect(pathwaySummary([step('2023'), step('2026'), step(null)])).toBe('3 steps, from 2023 to 2026, 1 of them undated.');
		expect(pathwaySummary([step('2023')])).toBe('1 step, in 2023.');
	});
});

describe('weekHeading (the agenda)', () => {
	it('says this week and next week from today, then « Week of … » with the year only when it is another', () => {
		expect(weekHeading('2026-12-07', '2026-12-13')).toBe('This week');
		expect(weekHeading('2026-12-14', '2026-12-07')).toBe('Next week');
		expect(weekHeading('2026-12-21', '2026-12-07')).toBe('Week of 21 December');
		expect(weekHeading('2027-02-01', '2026-12-07')).toBe('Week of 1 February 2027');
	});
});
