import ICAL from 'ical.js';
import { wallClock } from '$lib/domain/french/dates';
import { ruleParts } from '$lib/domain/recurrence-rule';

/*
 * A recurring event's dates, through ical.js (Mozilla's RFC 5545 implementation, kept up by the Thunderbird
 * team). The series is expanded in floating time: starts are stored as Paris wall clock, so « chaque 1er jeudi à
 * 18 h 30 » stays at 18 h 30 on both sides of a daylight-saving change, as a person means it.
 */

/** What a rule without end (no UNTIL, no COUNT) derives as its last day: the agenda's windows always include it. */
export const OPEN_END = '9999-12-31';
/** Steps walked from a series' first date before giving up (a daily rule over 27 years). */
const MAX_STEPS = 10_000;

export interface EventDates {
	startsAt: string;
	endsAt: string | null;
	recurrence: string | null;
	recurrenceExceptions: readonly string[];
}

export interface Occurrence {
	/** Paris wall clock, « 2027-03-04T18:30:00 ». */
	startsAt: string;
	endsAt: string | null;
}

/** A French message when a rule is not one the agenda can repeat, else null. */
export function recurrenceProblem(rule: string): string | null {
	if (!ruleParts(rule)) return 'règle de répétition illisible (une fréquence DAILY, WEEKLY, MONTHLY ou YEARLY est attendue)';
	try {
		ICAL.Recur.fromString(rule.replace(/^RRULE:/i, ''));
		return null;
	} catch (e) {
		return `règle de répétition illisible (${(e as Error).message})`;
	}
}

const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');
/** A stored date-time as floating ical.js time: Paris wall clock as stored, an instant (`…Z`) converted first. */
function floating(value: string): ICAL.Time {
	if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(value)) {
		const w = wallClock(value);
		return ICAL.Time.fromDateTimeString(`${w.date}T${pad(w.hour)}:${pad(w.minute)}:00`);
	}
	return ICAL.Time.fromDateTimeString(value.length === 10 ? `${value}T00:00:00` : value.slice(0, 19).padEnd(19, ':00'));
}
const wall = (t: ICAL.Time) => t.toString().slice(0, 19);

/**
 * Walks the series in order, calling `visit` with each occurrence that is not an exception, until it returns
 * false or the series ends. A one-off event is a series of one.
 */
function walk(ev: EventDates, visit: (o: Occurrence) => boolean): void {
	const first = floating(ev.startsAt);
	const length = ev.endsAt ? floating(ev.endsAt).subtractDate(first) : null;
	const at = (start: ICAL.Time): Occurrence => {
		if (!length) return { startsAt: wall(start), endsAt: null };
		const end = start.clone();
		end.addDuration(length);
		return { startsAt: wall(start), endsAt: wall(end) };
	};
	if (!ev.recurrence || !ruleParts(ev.recurrence)) {
		visit(ev.endsAt ? { startsAt: wall(first), endsAt: wall(floating(ev.endsAt)) } : at(first));
		return;
	}
	const skipped = new Set(ev.recurrenceExceptions);
	const iterator = ICAL.Recur.fromString(ev.recurrence.replace(/^RRULE:/i, '')).iterator(first);
	for (let step = 0, next = iterator.next(); next && step < MAX_STEPS; step++, next = iterator.next()) {
		if (skipped.has(wall(next).slice(0, 10))) continue;
		if (!visit(at(next))) return;
	}
}

/** The walk itself, uncached: every occurrence of [fromDay, toDay], at most `limit`. */
function walkBetween(ev: EventDates, fromDay: string, toDay: string, limit: number): Occurrence[] {
	const found: Occurrence[] = [];
	walk(ev, (o) => {
		if (o.startsAt.slice(0, 10) > toDay) return false;
		if ((o.endsAt ?? o.startsAt).slice(0, 10) >= fromDay) found.push(o);
		return found.length < limit;
	});
	return found;
}

/*
 * A series' dates, walked once and kept: ical.js takes about a millisecond to set up a rule's iterator, so a month
 * of the agenda with 200 recurring events spent 0.3 s walking the same rules again (npm run bench:agenda). The key
 * is everything the dates depend on, so an edited event simply gets a new entry; the oldest entries go first.
 */
interface SeriesDates {
	dates: Occurrence[];
	/** False when the walk stopped at the horizon (or MAX_STEPS) before the rule's end. */
	complete: boolean;
}
const SERIES_KEPT = 20_000;
const kept = new Map<string, SeriesDates>();
/** Dates are kept up to the end of the year after next (the agenda looks a year ahead); a later window walks again. */
const horizonDay = () => `${new Date().getUTCFullYear() + 2}-12-31`;

/** Forgets the kept dates (the benchmark measures a first walk). */
export function forgetSeriesDates(): void {
	kept.clear();
}

function seriesDates(ev: EventDates): SeriesDates {
	const key = `${ev.startsAt}|${ev.endsAt ?? ''}|${ev.recurrence}|${ev.recurrenceExceptions.join(',')}`;
	const hit = kept.get(key);
	if (hit) {
		kept.delete(key);
		kept.set(key, hit);
		return hit;
	}
	const horizon = horizonDay();
	const dates: Occurrence[] = [];
	let complete = true;
	let steps = 0;
	walk(ev, (o) => {
		if (o.startsAt.slice(0, 10) > horizon || ++steps >= MAX_STEPS) {
			complete = false;
			return false;
		}
		dates.push(o);
		return true;
	});
	const entry = { dates, complete };
	kept.set(key, entry);
	if (kept.size > SERIES_KEPT) kept.delete(kept.keys().next().value as string);
	return entry;
}

/**
 * The occurrences running on at least one Paris day of [fromDay, toDay] (an evening that ends after midnight
 * still counts on its first day), at most `limit`, in order.
 */
export function occurrencesBetween(ev: EventDates, fromDay: string, toDay: string, limit = 500): Occurrence[] {
	if (!ev.recurrence || !ruleParts(ev.recurrence)) return walkBetween(ev, fromDay, toDay, limit);
	const { dates, complete } = seriesDates(ev);
	// Every date lasts as long: their last days grow with their starts, so the first one still running is found by halves.
	const endDay = (o: Occurrence) => (o.endsAt ?? o.startsAt).slice(0, 10);
	let lo = 0;
	let hi = dates.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (endDay(dates[mid]!) < fromDay) lo = mid + 1;
		else hi = mid;
	}
	const found: Occurrence[] = [];
	for (let i = lo; i < dates.length && found.length < limit; i++) {
		if (dates[i]!.startsAt.slice(0, 10) > toDay) return found;
		found.push(dates[i]!);
	}
	if (found.length >= limit || complete) return found;
	// The window goes past what was kept: walk it (rare: more than two years ahead, or a daily rule of decades).
	return walkBetween(ev, fromDay, toDay, limit);
}

/** The next `count` occurrences still to come (or running) on or after a Paris day. */
export function nextOccurrences(ev: EventDates, fromDay: string, count: number): Occurrence[] {
	return occurrencesBetween(ev, fromDay, OPEN_END, count);
}

/** The Paris day the series' last occurrence ends: what entities.last_day holds. */
export function lastDayOf(ev: EventDates): string {
	const parts = ev.recurrence ? ruleParts(ev.recurrence) : null;
	if (parts && parts.count === null && parts.until === null) return OPEN_END;
	let last: Occurrence | null = null;
	let steps = 0;
	walk(ev, (o) => {
		last = o;
		return ++steps < MAX_STEPS;
	});
	if (steps >= MAX_STEPS) return OPEN_END;
	const found = last as Occurrence | null;
	return found ? (found.endsAt ?? found.startsAt).slice(0, 10) : ev.startsAt.slice(0, 10);
}
