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

/**
 * The occurrences running on at least one Paris day of [fromDay, toDay] (an evening that ends after midnight
 * still counts on its first day), at most `limit`, in order.
 */
export function occurrencesBetween(ev: EventDates, fromDay: string, toDay: string, limit = 500): Occurrence[] {
	const found: Occurrence[] = [];
	walk(ev, (o) => {
		if (o.startsAt.slice(0, 10) > toDay) return false;
		if ((o.endsAt ?? o.startsAt).slice(0, 10) >= fromDay) found.push(o);
		return found.length < limit;
	});
	return found;
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
