/**
 * Opening hours in the OpenStreetMap `opening_hours` syntax (« Mo-Fr 09:00-18:00; Sa 10:00-13:00; PH off »),
 * read by the OSM community's parser: whether a value is readable (the schema's check, with the parser's
 * own explanation, in the reader's language), whether the place is open now and its week as a table, both in Paris time
 * whatever the server's time zone. Server-side only in practice: the parser weighs a megabyte.
 */
import OpeningHours from 'opening_hours';
import { formatTime } from './french';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** Auvergne, so that « PH » (jours fériés) means the French public holidays. */
const WHERE = { lat: 45.78, lon: 3.08, address: { country_code: 'fr', state: 'Auvergne-Rhône-Alpes' } };
// mode 0 = time ranges (the `opening_hours` key); French messages unless parse() is told another language.
const OPTIONS = { mode: 0, tag_key: undefined, map_value: undefined, warnings_severity: undefined, locale: 'fr' };

export const OPENING_HOURS_MAX = 500;
export const WEEKDAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

/** `locale` names the language of the parser's explanation when the value does not read. */
function parse(text: string, locale = OPTIONS.locale): OpeningHours {
	return new OpeningHours(text, WHERE, { ...OPTIONS, locale });
}

/** The parser's explanation, on one line (it points at the spot with « <--- »). */
function explanation(e: unknown): string {
	const raw = e instanceof Error ? e.message : String(e);
	return raw.replace(/\s+/g, ' ').trim().slice(0, 400);
}

/** Null when the value reads; otherwise what is wrong, in their language, for the person who typed it. */
export function openingHoursProblem(text: string): string | null {
	const value = text.trim();
	if (!value) return null;
	if (value.length > OPENING_HOURS_MAX) return m.errors_hours_too_long({ max: OPENING_HOURS_MAX });
	try {
		parse(value, getLocale());
		return null;
	} catch (e) {
		return m.errors_hours_unreadable({ explanation: explanation(e) });
	}
}

export interface OpeningDay {
	/** « lundi » … « dimanche ». */
	day: (typeof WEEKDAY_NAMES)[number];
	/** « 9 h – 12 h », « 14 h – 18 h 30 »; empty when closed. */
	slots: string[];
	today: boolean;
	holiday: boolean;
}

export interface OpeningHoursView {
	state: 'open' | 'closed' | 'unknown';
	/** Monday to Sunday of the current week in Paris. */
	week: OpeningDay[];
	/** A comment the value gives for now (« sur rendez-vous »). */
	comment: string | null;
}

const parisParts = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Paris',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/**
 * The parser reads a Date's local fields: a Date whose local fields are the Paris wall clock makes it
 * answer in Paris time on a server set to UTC.
 */
export function parisWallClock(now: Date): Date {
	const get = (type: string) => Number(parisParts.formatToParts(now).find((p) => p.type === type)?.value ?? 0);
	return new Date(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
}

const clock = (d: Date) => formatTime(d.getHours(), d.getMinutes());

function slot(from: Date, to: Date, dayStart: Date, dayEnd: Date, unknown: boolean, comment: string | undefined): string {
	const whole = from <= dayStart && to >= dayEnd;
	const text = whole ? 'toute la journée' : `${from <= dayStart ? '0\u00a0h' : clock(from)} – ${to >= dayEnd ? 'minuit' : clock(to)}`;
	const notes = [unknown ? 'à confirmer' : '', comment ?? ''].filter(Boolean);
	return notes.length ? `${text} (${notes.join(', ')})` : text;
}

/** Null when the value is empty or unreadable (the page then shows nothing rather than a wrong table). */
export function openingHoursView(text: string | null | undefined, now: Date = new Date()): OpeningHoursView | null {
	const value = (text ?? '').trim();
	if (!value) return null;
	let oh: OpeningHours;
	try {
		oh = parse(value);
	} catch {
		return null;
	}
	const here = parisWallClock(now);
	const monday = new Date(here.getFullYear(), here.getMonth(), here.getDate() - ((here.getDay() + 6) % 7));
	const week = WEEKDAY_NAMES.map((day, i): OpeningDay => {
		const start = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i);
		const end = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i + 1);
		const slots = oh.getOpenIntervals(start, end).map(([from, to, unknown, comment]) => slot(from, to, start, end, unknown, comment));
		return {
			day,
			slots,
			today: start.getDate() === here.getDate() && start.getMonth() === here.getMonth(),
			holiday: oh.getPublicHolidayContext(start).isHoliday
		};
	});
	const state = oh.getUnknown(here) ? 'unknown' : oh.getState(here) ? 'open' : 'closed';
	return { state, week, comment: oh.getComment(here) ?? null };
}
