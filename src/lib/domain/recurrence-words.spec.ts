import { describe, expect, it } from 'vitest';
import * as english from './english';
import * as french from './french';
import { patternOfRule, ruleForPattern, ruleParts } from './recurrence-rule';

describe('a recurrence in words', () => {
	const thursday = '2027-01-07T18:30:00';
	it('says it in French, plural and ranks agreeing', () => {
		expect(french.recurrenceWords('FREQ=MONTHLY;BYDAY=1TH', thursday)).toBe('tous les premiers jeudis du mois');
		expect(french.recurrenceWords('FREQ=MONTHLY;BYDAY=-1FR', thursday)).toBe('tous les derniers vendredis du mois');
		expect(french.recurrenceWords('FREQ=WEEKLY', thursday)).toBe('tous les jeudis');
		expect(french.recurrenceWords('FREQ=WEEKLY;BYDAY=MO,TH', thursday)).toBe('tous les lundis et jeudis');
		expect(french.recurrenceWords('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', thursday)).toBe('un jeudi sur deux');
		expect(french.recurrenceWords('FREQ=MONTHLY;BYMONTHDAY=1', thursday)).toBe('le 1er de chaque mois');
		expect(french.recurrenceWords('FREQ=MONTHLY', thursday)).toBe('le 7 de chaque mois');
		expect(french.recurrenceWords('FREQ=YEARLY', thursday)).toBe('chaque année, le 7 janvier');
		expect(french.recurrenceWords('FREQ=DAILY;COUNT=3', thursday)).toBe('tous les jours, 3 fois');
		expect(french.recurrenceWords('FREQ=MONTHLY;BYDAY=1TH;UNTIL=20270701T235959', thursday)).toBe(
			"tous les premiers jeudis du mois, jusqu'au 1er juillet 2027"
		);
		expect(french.recurrenceWords('FREQ=MONTHLY;BYDAY=1TH;BYMONTH=1,3', thursday)).toBe('à dates régulières');
		expect(french.exceptionWords(['2027-02-04'])).toBe('sauf le 4 février 2027');
		expect(french.exceptionWords(['2027-02-04', '2027-04-01'])).toBe('sauf les 4 février 2027 et 1er avril 2027');
	});

	it('says it in English', () => {
		expect(english.recurrenceWords('FREQ=MONTHLY;BYDAY=1TH', thursday)).toBe('the first Thursday of every month');
		expect(english.recurrenceWords('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', thursday)).toBe('every other Thursday');
		expect(english.recurrenceWords('FREQ=MONTHLY;BYMONTHDAY=22', thursday)).toBe('the 22nd of every month');
		expect(english.recurrenceWords('FREQ=WEEKLY;UNTIL=20270701', thursday)).toBe('every Thursday, until 1 July 2027');
	});
});

describe('the form’s patterns', () => {
	it('writes the rule from the first date, and finds the pattern back', () => {
		expect(ruleForPattern('monthly_nth', '2027-01-07')).toBe('FREQ=MONTHLY;BYDAY=1TH');
		expect(ruleForPattern('monthly_nth', '2027-01-29')).toBe('FREQ=MONTHLY;BYDAY=-1FR');
		expect(ruleForPattern('monthly_last', '2027-01-28')).toBe('FREQ=MONTHLY;BYDAY=-1TH');
		expect(ruleForPattern('biweekly', '2027-01-07', '2027-06-30')).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20270630T235959');
		expect(patternOfRule('FREQ=MONTHLY;BYDAY=1TH;UNTIL=20270630T235959', '2027-01-07')).toBe('monthly_nth');
		expect(patternOfRule('FREQ=MONTHLY;BYDAY=2TH', '2027-01-07')).toBeNull();
		expect(ruleParts('FREQ=WEEKLY;UNTIL=20270630T235959')?.until).toBe('2027-06-30');
		expect(ruleParts('FREQ=SECONDLY')).toBeNull();
	});
});
