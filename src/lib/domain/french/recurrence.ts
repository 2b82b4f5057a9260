import { ruleParts, weekdayOf } from '../recurrence-rule';
import { formatPartialDate, MONTHS, untilDate } from './dates';

const WEEKDAYS_PLURAL = ['dimanches', 'lundis', 'mardis', 'mercredis', 'jeudis', 'vendredis', 'samedis'] as const;
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;
const RANKS_PLURAL: Record<number, string> = { 1: 'premiers', 2: 'deuxièmes', 3: 'troisièmes', 4: 'quatrièmes', 5: 'cinquièmes', [-1]: 'derniers' };

const joinAnd = (words: string[]) => (words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} et ${words.at(-1)}`);

/**
 * How often an event comes back, in a sentence's words: « tous les premiers jeudis du mois », « un jeudi sur deux »,
 * « le 7 de chaque mois, jusqu'au 1er juillet 2027 ». `startsAt` gives the day a rule without BYDAY keeps.
 * A rule the words cannot say exactly stays general (« à dates régulières ») rather than wrong.
 */
export function recurrenceWords(rule: string, startsAt: string): string {
	const r = ruleParts(rule);
	if (!r) return 'à dates régulières';
	const start = startsAt.slice(0, 10);
	const startDay = weekdayOf(start).day;
	let words: string;
	const days = r.byDay.length ? r.byDay : [{ nth: 0, day: startDay }];
	if (r.other.length) words = 'à dates régulières';
	else if (r.freq === 'DAILY') words = r.interval === 1 ? 'tous les jours' : `tous les ${r.interval} jours`;
	else if (r.freq === 'WEEKLY' && days.every((d) => d.nth === 0)) {
		const names = days.map((d) => d.day);
		if (r.interval === 1) words = `tous les ${joinAnd(names.map((d) => WEEKDAYS_PLURAL[d] as string))}`;
		else if (r.interval === 2 && names.length === 1) words = `un ${WEEKDAYS[names[0] as number]} sur deux`;
		else words = `toutes les ${r.interval} semaines, le ${joinAnd(names.map((d) => WEEKDAYS[d] as string))}`;
	} else if (r.freq === 'MONTHLY' && r.byDay.length === 1 && RANKS_PLURAL[r.byDay[0]!.nth]) {
		const { nth, day } = r.byDay[0]!;
		words = `tous les ${RANKS_PLURAL[nth]} ${WEEKDAYS_PLURAL[day]} ${r.interval === 1 ? 'du mois' : `, tous les ${r.interval} mois`}`.replace(' ,', ',');
	} else if (r.freq === 'MONTHLY' && r.byDay.length === 0 && r.byMonthDay.length <= 1) {
		const d = r.byMonthDay[0] ?? Number(start.slice(8, 10));
		const day = d === -1 ? 'le dernier jour' : `le ${d === 1 ? '1er' : d}`;
		words = r.interval === 1 ? `${day} de chaque mois` : `${day}, tous les ${r.interval} mois`;
	} else if (r.freq === 'YEARLY' && r.byDay.length === 0 && r.byMonthDay.length === 0) {
		const d = Number(start.slice(8, 10));
		words = `chaque année, le ${d === 1 ? '1er' : d} ${MONTHS[Number(start.slice(5, 7)) - 1]}`;
	} else words = 'à dates régulières';
	if (r.until) words += `, ${untilDate(r.until)}`;
	else if (r.count) words += `, ${r.count} fois`;
	return words;
}

/** The occurrences a series skips, said once: « sauf le 7 janvier 2027 », « sauf les 7 janvier et 4 février 2027 ». */
export function exceptionWords(days: string[]): string {
	if (days.length === 0) return '';
	if (days.length === 1) return `sauf le ${formatPartialDate(days[0])}`;
	return `sauf les ${joinAnd(days.map((d) => formatPartialDate(d)))}`;
}
