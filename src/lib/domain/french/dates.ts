/**
 * Dates in French sentences. Relations carry partial dates (`2019`, `2019-03`, `2019-03-14`): each
 * precision takes its own words — « en 2019 », « en mars 2019 », « le 14 mars 2019 »; « depuis 2019 »,
 * « depuis mars 2019 », « depuis le 14 mars 2019 »; « jusqu'en 2019 », « jusqu'au 14 mars 2019 »;
 * « de 2019 à 2021 », « d'octobre 2019 à mars 2020 », « du 14 mars 2019 au 2 avril 2020 » — and the first
 * of the month is « 1er ». Events carry date-times (`2027-03-18T09:00:00`, Paris wall time).
 */
import { de } from './typography';
import { addDays, mondayOf } from '../calendar-days';

export const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const;
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;

export type Precision = 'year' | 'month' | 'day';

interface Parts {
	y: number;
	m: number | null;
	d: number | null;
}

function parts(value: string): Parts | null {
	const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
	if (!match) return null;
	return { y: Number(match[1]), m: match[2] ? Number(match[2]) : null, d: match[3] ? Number(match[3]) : null };
}

export function precisionOf(value: string): Precision {
	const p = parts(value);
	return p?.d ? 'day' : p?.m ? 'month' : 'year';
}

const dayWord = (d: number) => (d === 1 ? '1er' : String(d));
const monthWord = (m: number) => MONTHS[m - 1] ?? String(m);

/** '2019' -> '2019', '2019-03' -> 'mars 2019', '2019-03-01' -> '1er mars 2019'. */
export function formatPartialDate(value: string | null | undefined): string {
	if (!value) return '';
	const p = parts(value);
	if (!p) return value;
	if (!p.m) return String(p.y);
	return p.d ? `${dayWord(p.d)} ${monthWord(p.m)} ${p.y}` : `${monthWord(p.m)} ${p.y}`;
}

/** The same date without its year (« 14 mars », « mars »), when the year is said once for two dates. */
function withoutYear(value: string): string {
	const p = parts(value) as Parts;
	if (!p.m) return String(p.y);
	return p.d ? `${dayWord(p.d)} ${monthWord(p.m)}` : monthWord(p.m);
}

/** A moment: « en 2019 », « en mars 2019 », « le 14 mars 2019 ». */
export function onDate(value: string): string {
	return precisionOf(value) === 'day' ? `le ${formatPartialDate(value)}` : `en ${formatPartialDate(value)}`;
}

/** Since a past moment: « depuis 2021 », « depuis octobre 2021 », « depuis le 18 mars 2021 ». */
export function sinceDate(value: string): string {
	return precisionOf(value) === 'day' ? `depuis le ${formatPartialDate(value)}` : `depuis ${formatPartialDate(value)}`;
}

/** From a future moment: « à partir de 2027 », « à partir d'avril 2027 », « à partir du 18 mars 2027 ». */
export function fromDate(value: string): string {
	return precisionOf(value) === 'day' ? `à partir du ${formatPartialDate(value)}` : `à partir ${de(formatPartialDate(value))}`;
}

/** Until: « jusqu'en 2021 », « jusqu'en octobre 2021 », « jusqu'au 18 mars 2021 ». */
export function untilDate(value: string): string {
	return precisionOf(value) === 'day' ? `jusqu'au ${formatPartialDate(value)}` : `jusqu'en ${formatPartialDate(value)}`;
}

/**
 * A closed period, its shared year (and month) said once: « de 2019 à 2021 », « d'avril à août 2024 »,
 * « d'octobre 2019 à mars 2020 », « du 14 mars 2019 au 2 avril 2020 », « du 18 au 20 mars 2027 ».
 * The same date twice is a moment (« en 2025 »).
 */
export function spanDates(start: string, end: string): string {
	if (start === end) return onDate(start);
	const a = parts(start);
	const b = parts(end);
	if (!a || !b) return `de ${start} à ${end}`;
	let from = formatPartialDate(start);
	if (a.m && b.m && a.y === b.y) from = a.d && b.d && a.m === b.m ? dayWord(a.d) : withoutYear(start);
	const opening = a.d ? `du ${from}` : de(from);
	const closing = b.d ? `au ${formatPartialDate(end)}` : `à ${formatPartialDate(end)}`;
	return `${opening} ${closing}`;
}

/** A period still running, with a known end: « depuis mars 2025 et jusqu'en juin 2027 ». */
export function runningDates(start: string, end: string): string {
	return `${sinceDate(start)} et ${untilDate(end)}`;
}

/**
 * A period as a label on its own (a timeline's date line): « 2023 », « 9 juin 2023 », « de 2019 à 2021 »,
 * « d'avril à août 2024 », « jusqu'en mars 2021 ». A start alone shows alone: a source that gives a start
 * does not say the period is still running.
 */
export function periodLabel(start: string | null | undefined, end: string | null | undefined): string {
	if (!start && !end) return 'date inconnue';
	if (start && (!end || end === start)) return formatPartialDate(start);
	if (!start) return untilDate(end as string);
	return spanDates(start, end as string);
}

/** First and last day of a partial date, as ISO days (for comparisons with today). */
export function firstDay(value: string): string {
	const p = parts(value) as Parts;
	return `${p.y}-${pad(p.m ?? 1)}-${pad(p.d ?? 1)}`;
}

export function lastDay(value: string): string {
	const p = parts(value) as Parts;
	if (p.d) return `${p.y}-${pad(p.m as number)}-${pad(p.d)}`;
	const m = p.m ?? 12;
	const days = new Date(Date.UTC(p.y, m, 0)).getUTCDate();
	return `${p.y}-${pad(m)}-${pad(days)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Today in Paris (the region the map is about), as an ISO day. */
export function parisToday(now: Date = new Date()): string {
	return wallClock(now.toISOString()).date;
}

const paris = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Paris',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/**
 * The Paris wall clock of a date-time: an instant (`…Z`, `…+01:00`) is converted; a bare
 * `2027-03-18T09:00` is already Paris time (how events are stored).
 */
export function wallClock(value: string): { date: string; hour: number | null; minute: number | null } {
	if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(value)) {
		const d = new Date(value);
		if (!Number.isNaN(d.getTime())) {
			const get = (type: string) => paris.formatToParts(d).find((p) => p.type === type)?.value ?? '00';
			return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')), minute: Number(get('minute')) };
		}
	}
	const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(value);
	if (!m) return { date: value, hour: null, minute: null };
	return { date: m[1] as string, hour: m[2] ? Number(m[2]) : null, minute: m[3] ? Number(m[3]) : null };
}

/**
 * A stored date-time as a `datetime-local` field shows it, in Paris time (« 2027-03-18T18:30 »); an instant is
 * converted, a bare value is already Paris time. Empty when there is no time to show.
 */
export function parisDateTimeLocal(value: string | null | undefined): string {
	if (!value) return '';
	const w = wallClock(value);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(w.date)) return '';
	return `${w.date}T${pad(w.hour ?? 0)}:${pad(w.minute ?? 0)}`;
}

/** « 9 h », « 17 h 30 » (French typography, no « 09:00 »). */
export function formatTime(hour: number, minute: number): string {
	return minute ? `${hour}\u00a0h\u00a0${pad(minute)}` : `${hour}\u00a0h`;
}

function weekday(isoDay: string): string {
	const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
	return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] as string;
}

/** « 1er décembre 2026 » from a day or a date-time (an instant is read in Paris time). */
export function formatDay(value: string): string {
	return formatPartialDate(wallClock(value).date);
}

/** « 28 novembre 2026 à 22 h 09 », Paris time. */
export function formatDateTime(value: string): string {
	const w = wallClock(value);
	const day = formatPartialDate(w.date);
	return w.hour === null ? day : `${day} à ${formatTime(w.hour, w.minute ?? 0)}`;
}

/**
 * When an event happens, as one phrase: « le samedi 11 octobre 2025, de 9 h à 17 h 30 »,
 * « le jeudi 18 mars 2027 à 18 h », « du vendredi 20 février à 18 h au dimanche 22 février 2027 à 17 h ».
 */
export function eventDates(startsAt: string, endsAt: string | null | undefined): string {
	const a = wallClock(startsAt);
	const time = (w: { hour: number | null; minute: number | null }) => (w.hour === null ? '' : formatTime(w.hour, w.minute ?? 0));
	const day = (w: { date: string }, year = true) => `${weekday(w.date)} ${year ? formatPartialDate(w.date) : withoutYear(w.date)}`;
	if (!endsAt) return a.hour === null ? `le ${day(a)}` : `le ${day(a)} à ${time(a)}`;
	const b = wallClock(endsAt);
	if (b.date === a.date) {
		if (a.hour === null || b.hour === null) return `le ${day(a)}`;
		return `le ${day(a)}, de ${time(a)} à ${time(b)}`;
	}
	const sameYear = a.date.slice(0, 4) === b.date.slice(0, 4);
	const start = a.hour === null ? day(a, !sameYear) : `${day(a, !sameYear)} à ${time(a)}`;
	const end = b.hour === null ? day(b) : `${day(b)} à ${time(b)}`;
	return `du ${start} au ${end}`;
}

/**
 * An agenda's week, said from today (both Paris days): « Cette semaine », « La semaine prochaine », « Semaine du
 * 14 décembre », with its year when it is not this year's (« Semaine du 4 janvier 2027 »), « 1er » as always.
 */
export function weekHeading(monday: string, today: string): string {
	const thisMonday = mondayOf(today);
	if (monday === thisMonday) return 'Cette semaine';
	if (monday === addDays(thisMonday, 7)) return 'La semaine prochaine';
	return `Semaine du ${monday.slice(0, 4) === today.slice(0, 4) ? withoutYear(monday) : formatPartialDate(monday)}`;
}
