/**
 * Dates in English sentences (British order, as `Intl` writes it for 'en-GB'), Paris time: the counterpart of
 * french/dates.ts. Relations carry partial dates (`2019`, `2019-03`, `2019-03-14`): « in 2019 », « in March
 * 2019 », « on 14 March 2019 »; « since March 2021 »; « until 2021 »; « from 2019 to 2021 », « from April to
 * August 2024 », « from 18 to 20 March 2027 ». Events carry date-times (`2027-03-18T09:00:00`, Paris wall time).
 */
import { precisionOf } from '$lib/domain/french/dates';
import { wallClock as parisWallClock } from '../french/dates';
import { addDays, mondayOf } from '../calendar-days';

const UTC = { timeZone: 'UTC' } as const;
const monthYear = new Intl.DateTimeFormat('en-GB', { ...UTC, month: 'long', year: 'numeric' });
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { ...UTC, day: 'numeric', month: 'long', year: 'numeric' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { ...UTC, day: 'numeric', month: 'long' });
const monthOnly = new Intl.DateTimeFormat('en-GB', { ...UTC, month: 'long' });
// The weekday apart: ICU versions differ on the comma after it (« Saturday, 11 October »).
const weekday = new Intl.DateTimeFormat('en-GB', { ...UTC, weekday: 'long' });

function parts(value: string): { y: number; m: number | null; d: number | null } | null {
	const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
	if (!match) return null;
	return { y: Number(match[1]), m: match[2] ? Number(match[2]) : null, d: match[3] ? Number(match[3]) : null };
}

const utc = (p: { y: number; m: number | null; d: number | null }) => new Date(Date.UTC(p.y, (p.m ?? 1) - 1, p.d ?? 1));

/** '2019' -> '2019', '2019-03' -> 'March 2019', '2019-03-01' -> '1 March 2019'. */
export function formatPartialDate(value: string | null | undefined): string {
	if (!value) return '';
	const p = parts(value);
	if (!p) return value;
	if (!p.m) return String(p.y);
	return (p.d ? dayMonthYear : monthYear).format(utc(p));
}

/** The same date without its year, when the year is said once for two dates: « 14 March », « March ». */
function withoutYear(value: string): string {
	const p = parts(value);
	if (!p?.m) return value;
	return (p.d ? dayMonth : monthOnly).format(utc(p));
}

/** A moment: « in 2019 », « in March 2019 », « on 14 March 2019 ». */
export function onDate(value: string): string {
	return `${precisionOf(value) === 'day' ? 'on' : 'in'} ${formatPartialDate(value)}`;
}

/** « since 2021 », « since March 2021 », « since 18 March 2021 ». */
export const sinceDate = (value: string): string => `since ${formatPartialDate(value)}`;
/** A future start: « from 2027 », « from 18 March 2027 ». */
export const fromDate = (value: string): string => `from ${formatPartialDate(value)}`;
/** « until 2021 », « until 18 March 2021 ». */
export const untilDate = (value: string): string => `until ${formatPartialDate(value)}`;

/** A closed period, its shared year said once: « from 2019 to 2021 », « from April to August 2024 », « from 18 to 20 March 2027 ». */
export function spanDates(start: string, end: string): string {
	if (start === end) return onDate(start);
	const a = parts(start);
	const b = parts(end);
	if (!a || !b) return `from ${start} to ${end}`;
	let from = formatPartialDate(start);
	if (a.m && b.m && a.y === b.y) from = a.d && b.d && a.m === b.m ? String(a.d) : withoutYear(start);
	return `from ${from} to ${formatPartialDate(end)}`;
}

/** A period still running, with a known end: « since March 2025, until June 2027 ». */
export const runningDates = (start: string, end: string): string => `${sinceDate(start)}, ${untilDate(end)}`;

/** A period as a label on its own (a timeline's date line): « 2023 », « from 2019 to 2021 », « until March 2021 ». */
export function periodLabel(start: string | null | undefined, end: string | null | undefined): string {
	if (!start && !end) return 'date unknown';
	if (start && (!end || end === start)) return formatPartialDate(start);
	if (!start) return untilDate(end as string);
	return spanDates(start, end as string);
}

/** The Paris wall clock of a date-time (the French module's reading), its time as « 09:00 ». */
function wallClock(value: string): { date: string; time: string | null } {
	const w = parisWallClock(value);
	const two = (n: number) => String(n).padStart(2, '0');
	return { date: w.date, time: w.hour === null ? null : `${two(w.hour)}:${two(w.minute ?? 0)}` };
}

/** « 1 December 2026 » from a day or a date-time (an instant is read in Paris time). */
export const formatDay = (value: string): string => formatPartialDate(wallClock(value).date);

/**
 * When an event happens: « Saturday 11 October 2025, 09:00 to 17:30 », « Thursday 18 March 2027 at 18:00 »,
 * « from Friday 20 February, 18:00 to Sunday 22 February 2027, 17:00 ».
 */
export function eventDates(startsAt: string, endsAt: string | null | undefined): string {
	const a = wallClock(startsAt);
	const day = (date: string, year = true) => {
		const p = parts(date);
		return p ? `${weekday.format(utc(p))} ${(year ? dayMonthYear : dayMonth).format(utc(p))}` : date;
	};
	if (!endsAt) return a.time ? `${day(a.date)} at ${a.time}` : day(a.date);
	const b = wallClock(endsAt);
	if (b.date === a.date) return a.time && b.time ? `${day(a.date)}, ${a.time} to ${b.time}` : day(a.date);
	const sameYear = a.date.slice(0, 4) === b.date.slice(0, 4);
	const start = a.time ? `${day(a.date, !sameYear)}, ${a.time}` : day(a.date, !sameYear);
	const end = b.time ? `${day(b.date)}, ${b.time}` : day(b.date);
	return `from ${start} to ${end}`;
}

/** An agenda's week, said from today (Paris days): « This week », « Next week », « Week of 14 December [2027] ». */
export function weekHeading(monday: string, today: string): string {
	const thisMonday = mondayOf(today);
	if (monday === thisMonday) return 'This week';
	if (monday === addDays(thisMonday, 7)) return 'Next week';
	return `Week of ${monday.slice(0, 4) === today.slice(0, 4) ? withoutYear(monday) : formatPartialDate(monday)}`;
}
