/**
 * A partner's published calendar (Google, Outlook, Nextcloud, OpenAgenda …) read into the events the app keeps:
 * times as Paris wall clock, recurrence kept as its RRULE with its exceptions, and everything that cannot be read
 * said in French rather than thrown, because the file comes from outside and is shown back to its owner.
 */
import ICAL from 'ical.js';
import { NBSP } from '$lib/domain/french/typography';
import { CalendarTimes } from './ics-times';
import { formatWallTime } from './wall-clocks';

export interface FeedOccurrenceOverride {
	/** The occurrence this replaces, as the RRULE would have placed it (Paris wall clock). */
	recurrenceId: string;
	startsAt: string;
	endsAt: string | null;
	cancelled: boolean;
	title: string;
}

export interface FeedEvent {
	uid: string;
	title: string;
	description: string;
	/** Paris wall clock `YYYY-MM-DDTHH:MM:SS`; all-day events start at `T00:00:00`. */
	startsAt: string;
	/** Paris wall clock; all-day events end on their last day (inclusive) at `T23:59:00`. */
	endsAt: string | null;
	allDay: boolean;
	/** The RRULE as written (`FREQ=MONTHLY;BYDAY=1TH`), UNTIL untouched. */
	rrule: string | null;
	/** Occurrences removed from the rule, Paris wall clock, sorted. */
	exdates: string[];
	location: string | null;
	url: string | null;
	cancelled: boolean;
	sequence: number;
	/** Moved, renamed or cancelled occurrences (VEVENTs sharing the UID with a RECURRENCE-ID), sorted. */
	overrides: FeedOccurrenceOverride[];
}

export interface CalendarReading {
	events: FeedEvent[];
	/** One French sentence per thing skipped or guessed, for the partner's feed page. */
	problems: string[];
	/**
	 * False when the file could not be read or was cut at MAX_FEED_EVENTS: an event missing from it may still be in
	 * the partner's calendar, so it must not be taken as cancelled (see diffFeed's `cancelMissing`).
	 */
	complete: boolean;
}

/** More than a regional partner publishes in years; beyond it the file is probably not a partner's agenda. */
export const MAX_FEED_EVENTS = 5000;

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalTime = InstanceType<typeof ICAL.Time>;

const quoted = (text: string) => `«${NBSP}${text}${NBSP}»`;

/** Reads a calendar's text. Never throws: what it cannot use is listed in `problems`. */
export function readCalendar(text: string): CalendarReading {
	const problems: string[] = [];
	const calendar = parseCalendar(text.replace(/^\uFEFF/, ''), problems);
	if (!calendar) return { events: [], problems, complete: false };
	const times = new CalendarTimes(calendar, problems);
	const masters = new Map<string, FeedEvent>();
	const occurrences: Occurrence[] = [];
	let truncated = false;
	for (const vevent of calendar.getAllSubcomponents('vevent')) {
		const title = textOf(vevent, 'summary') ?? '';
		const uid = textOf(vevent, 'uid');
		if (!uid) {
			problems.push(`Événement sans UID ignoré (${quoted(title || 'sans titre')}).`);
			continue;
		}
		try {
			const event = readEvent(vevent, uid, title, times);
			if (!event) {
				problems.push(`Événement sans date de début ignoré (${quoted(title || uid)}).`);
				continue;
			}
			const recurrence = vevent.getFirstProperty('recurrence-id');
			if (recurrence) {
				const value = recurrence.getFirstValue();
				if (!(value instanceof ICAL.Time)) throw new Error('RECURRENCE-ID illisible');
				occurrences.push({ recurrenceId: times.paris(recurrence, value), event });
				continue;
			}
			const known = masters.get(uid);
			if (!known && masters.size === MAX_FEED_EVENTS) {
				truncated = true;
				break;
			}
			if (known) problems.push(`UID en double ${quoted(uid)} (${quoted(title)})${NBSP}: seule la dernière version est gardée.`);
			if (!known || event.sequence >= known.sequence) masters.set(uid, event);
		} catch (error) {
			problems.push(`Événement illisible ignoré (${quoted(title || uid)})${NBSP}: ${messageOf(error)}.`);
		}
	}
	const all = withOccurrences(masters, occurrences);
	if (all.length > MAX_FEED_EVENTS) truncated = true;
	const events = all.slice(0, MAX_FEED_EVENTS);
	if (truncated) problems.push(`Plus de ${MAX_FEED_EVENTS} événements dans le fichier${NBSP}: seuls les ${MAX_FEED_EVENTS} premiers sont lus.`);
	return { events, problems, complete: !truncated };
}

/** A VEVENT with a RECURRENCE-ID: one occurrence of a series, moved, renamed or cancelled. */
interface Occurrence {
	recurrenceId: string;
	event: FeedEvent;
}

function parseCalendar(text: string, problems: string[]): IcalComponent | null {
	let jcal: unknown;
	let dropped = 0;
	// Unfolded first: the fixes below read whole lines, and a fold may fall anywhere (even inside a date).
	const prepared = withDateValueTypes(text.replace(/\r?\n[ \t]/g, ''));
	try {
		jcal = ICAL.parse(prepared);
	} catch (error) {
		// One line ical.js cannot tokenise (a stray « FOO », a hand-edited file) must not lose the whole calendar.
		const cleaned = dropUnreadableLines(prepared);
		try {
			if (cleaned.dropped === 0) throw error;
			jcal = ICAL.parse(cleaned.text);
			dropped = cleaned.dropped;
		} catch {
			problems.push(`Fichier iCalendar illisible${NBSP}: ${messageOf(error)}.`);
			return null;
		}
	}
	// Several top-level components come back as an array of them; a partner's feed is the first VCALENDAR.
	const roots = Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : Array.isArray(jcal) ? jcal : [];
	const root = roots.find((c): c is unknown[] => Array.isArray(c) && c[0] === 'vcalendar');
	if (!root) {
		problems.push(`Fichier iCalendar illisible${NBSP}: aucun BEGIN:VCALENDAR.`);
		return null;
	}
	if (dropped > 0) problems.push(dropped === 1 ? '1 ligne illisible ignorée.' : `${dropped} lignes illisibles ignorées.`);
	return new ICAL.Component(root);
}

/**
 * `DTSTART:20270520` without `VALUE=DATE` is wrong but common (hand-made files, some town hall software); ical.js
 * reads it as a broken date-time, so the missing parameter is added to the date-valued properties.
 */
function withDateValueTypes(text: string): string {
	return text.replace(/^(DTSTART|DTEND|EXDATE|RDATE|RECURRENCE-ID)((?:;(?!VALUE=)[^:;\r\n]*)*):(\d{8}(?:,\d{8})*)(?=\r?$)/gim, '$1$2;VALUE=DATE:$3');
}

const CONTENT_LINE = /^[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*:/;

function dropUnreadableLines(text: string): { text: string; dropped: number } {
	const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
	const kept = lines.filter((line) => CONTENT_LINE.test(line));
	return { text: kept.join('\r\n'), dropped: lines.length - kept.length };
}

function readEvent(vevent: IcalComponent, uid: string, title: string, times: CalendarTimes): FeedEvent | null {
	const startProp = vevent.getFirstProperty('dtstart');
	const start = startProp?.getFirstValue();
	if (!startProp || !(start instanceof ICAL.Time)) return null;
	const allDay = start.isDate;
	const startsAt = times.paris(startProp, start);
	const rruleProp = vevent.getFirstProperty('rrule');
	const rruleText = rruleProp?.toICALString();
	const exdates = vevent
		.getAllProperties('exdate')
		.flatMap((p) => p.getValues().map((v: unknown) => (v instanceof ICAL.Time ? times.paris(p, v) : null)))
		.filter((v): v is string => v !== null)
		.sort();
	return {
		uid,
		title,
		description: textOf(vevent, 'description') ?? '',
		startsAt,
		endsAt: allDay ? lastDayEnd(vevent, start) : timedEnd(vevent, start, startsAt, times),
		allDay,
		rrule: rruleText ? rruleText.slice(rruleText.indexOf(':') + 1) : null,
		exdates: [...new Set(exdates)],
		location: textOf(vevent, 'location') ?? null,
		url: textOf(vevent, 'url') ?? null,
		cancelled: textOf(vevent, 'status')?.toUpperCase() === 'CANCELLED',
		sequence: Number.parseInt(String(vevent.getFirstPropertyValue('sequence') ?? 0), 10) || 0,
		overrides: []
	};
}

/**
 * DTEND of an all-day event is the day after its last day (RFC 5545); the app's agenda compares days, so the end
 * is stored on the last day itself, at 23:59. No DTEND and no DURATION: one day.
 */
function lastDayEnd(vevent: IcalComponent, start: IcalTime): string {
	const endValue = vevent.getFirstPropertyValue('dtend');
	const duration = vevent.getFirstPropertyValue('duration');
	const first = Date.UTC(start.year, start.month - 1, start.day);
	let after = first + DAY_MS;
	if (endValue instanceof ICAL.Time) after = Date.UTC(endValue.year, endValue.month - 1, endValue.day);
	else if (duration instanceof ICAL.Duration) {
		const end = start.clone();
		end.addDuration(duration);
		after = Date.UTC(end.year, end.month - 1, end.day);
	}
	const last = new Date(Math.max(after - DAY_MS, first));
	return formatWallTime({ year: last.getUTCFullYear(), month: last.getUTCMonth() + 1, day: last.getUTCDate(), hour: 23, minute: 59, second: 0 });
}

const DAY_MS = 86_400_000;

/** DTEND, or DTSTART + DURATION in DTSTART's zone; none (or one not after the start) means no end. */
function timedEnd(vevent: IcalComponent, start: IcalTime, startsAt: string, times: CalendarTimes): string | null {
	const endProp = vevent.getFirstProperty('dtend');
	const endValue = endProp?.getFirstValue();
	let endsAt: string | null = null;
	if (endProp && endValue instanceof ICAL.Time) endsAt = times.paris(endProp, endValue);
	else {
		const duration = vevent.getFirstPropertyValue('duration');
		const startProp = vevent.getFirstProperty('dtstart');
		if (duration instanceof ICAL.Duration && startProp) {
			const end = start.clone();
			end.addDuration(duration);
			endsAt = times.paris(startProp, end);
		}
	}
	return endsAt && endsAt > startsAt ? endsAt : null;
}

function withOccurrences(masters: Map<string, FeedEvent>, occurrences: Occurrence[]): FeedEvent[] {
	const latest = new Map<string, Occurrence>();
	for (const occurrence of occurrences) {
		const key = `${occurrence.event.uid}\n${occurrence.recurrenceId}`;
		const known = latest.get(key);
		if (!known || occurrence.event.sequence >= known.event.sequence) latest.set(key, occurrence);
	}
	const events = [...masters.values()];
	for (const { recurrenceId, event } of latest.values()) {
		const master = masters.get(event.uid);
		if (master) {
			master.overrides.push({ recurrenceId, startsAt: event.startsAt, endsAt: event.endsAt, cancelled: event.cancelled, title: event.title || master.title });
			continue;
		}
		// An occurrence published without its series (a calendar that was invited to one occurrence only): an event
		// of its own, under a UID distinct from the series' so that the series appearing later does not overwrite it.
		events.push({ ...event, uid: `${event.uid}#${recurrenceId}`, rrule: null, exdates: [] });
	}
	for (const master of masters.values()) master.overrides.sort((a, b) => compare(a.recurrenceId, b.recurrenceId));
	return events;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function textOf(component: IcalComponent, name: string): string | undefined {
	const value = component.getFirstPropertyValue(name);
	if (value === null || value === undefined) return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

function messageOf(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}
