import { ruleParts, weekdayOf } from '../recurrence-rule';
import { formatPartialDate, untilDate } from './dates';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const RANKS: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', [-1]: 'last' };
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;
const joinAnd = (words: string[]) => (words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);

/** English counterpart of the French recurrenceWords: « the first Thursday of every month », « every other Thursday ». */
export function recurrenceWords(rule: string, startsAt: string): string {
	const r = ruleParts(rule);
	if (!r) return 'on a regular schedule';
	const start = startsAt.slice(0, 10);
	const days = r.byDay.length ? r.byDay : [{ nth: 0, day: weekdayOf(start).day }];
	let words: string;
	if (r.other.length) words = 'on a regular schedule';
	else if (r.freq === 'DAILY') words = r.interval === 1 ? 'every day' : `every ${r.interval} days`;
	else if (r.freq === 'WEEKLY' && days.every((d) => d.nth === 0)) {
		const names = joinAnd(days.map((d) => WEEKDAYS[d.day] as string));
		words = r.interval === 1 ? `every ${names}` : r.interval === 2 ? `every other ${names}` : `every ${r.interval} weeks on ${names}`;
	} else if (r.freq === 'MONTHLY' && r.byDay.length === 1 && RANKS[r.byDay[0]!.nth]) {
		const { nth, day } = r.byDay[0]!;
		words = `the ${RANKS[nth]} ${WEEKDAYS[day]} of ${r.interval === 1 ? 'every month' : `every ${r.interval} months`}`;
	} else if (r.freq === 'MONTHLY' && r.byDay.length === 0 && r.byMonthDay.length <= 1) {
		const d = r.byMonthDay[0] ?? Number(start.slice(8, 10));
		words = `${d === -1 ? 'the last day' : `the ${ordinal(d)}`} of ${r.interval === 1 ? 'every month' : `every ${r.interval} months`}`;
	} else if (r.freq === 'YEARLY' && r.byDay.length === 0 && r.byMonthDay.length === 0) {
		words = `every year on ${formatPartialDate(start).replace(/ \d{4}$/, '')}`;
	} else words = 'on a regular schedule';
	if (r.until) words += `, ${untilDate(r.until)}`;
	else if (r.count) words += `, ${r.count} times`;
	return words;
}

export function exceptionWords(days: string[]): string {
	if (days.length === 0) return '';
	return `except ${joinAnd(days.map((d) => formatPartialDate(d)))}`;
}
