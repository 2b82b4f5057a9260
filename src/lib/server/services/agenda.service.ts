import { z } from 'zod';
import { agendaQuerySchema, type AgendaQuery } from '$lib/domain/agenda-query';
import { addDays, mondayOf } from '$lib/domain/calendar-days';
import { ARRAY_KEYS, filtersToSearchParams } from '$lib/domain/filter-params';
import { parisToday } from '$lib/domain/french/dates';
import { distanceKm } from '$lib/geo/distance';
import type { Db } from '../db';
import { nextOccurrences, occurrencesBetween, OPEN_END } from '../agenda/occurrences';
import { actorEventRows, agendaEventRows, eventActors, type AgendaEventRow, type EventActor } from '../repos/agenda.repo';
import { findEntityBySlug } from '../repos/entity.repo';
import { limitParam, parseParams } from './params';

/** Occurrences listed at most on one page: a year of the region's agenda, never the whole archive. */
export const AGENDA_PAGE_SIZE = 200;
/** How far ahead a rule without end is repeated in the list when no end day is asked. */
const AHEAD_DAYS = 366;
/** Series read for a month's grid at most (a month of the whole region's agenda is far fewer). */
const MONTH_SERIES = 2000;

/** One date of an event: a one-off event's own, or one occurrence of a recurring one (its series' fields beside). */
export interface AgendaOccurrence extends AgendaEventRow {
	/** The series' first start (the row's starts_at): what the recurrence words are read from. */
	seriesStartsAt: string;
	/** Who organises it and its partners (linked actors), for the list; empty in the month's grid. */
	organisers?: EventActor[];
	partners?: EventActor[];
}

export interface AgendaWeek {
	/** The week's Monday (Paris day). */
	monday: string;
	events: AgendaOccurrence[];
}

export interface AgendaMonthDay {
	day: string;
	inMonth: boolean;
	events: AgendaOccurrence[];
}

export interface AgendaMonth {
	/** AAAA-MM. */
	month: string;
	previous: string;
	next: string;
	/** Weeks of seven days, Monday first, from the Monday on or before the 1st to the Sunday on or after the last day. */
	weeks: AgendaMonthDay[][];
}

export interface AgendaPlace {
	slug: string;
	name: string;
	lon: number;
	lat: number;
	startsAt: string;
}

export interface AgendaPage {
	query: AgendaQuery;
	/** Today in Paris: the line between the agenda and its archive. */
	today: string;
	weeks: AgendaWeek[];
	/** The month's grid when `view=month`. */
	month: AgendaMonth | null;
	count: number;
	/** More occurrences than AGENDA_PAGE_SIZE: the page says so and asks for a narrower window. */
	truncated: boolean;
	/** The same filters as a query string (for the calendar subscription and the archive's link). */
	filterKey: string;
	/** Where the listed upcoming events happen, one point per event (the small map). */
	places: AgendaPlace[];
	/** The actor whose events these are (`organiser=`), when it is a published listing. */
	organiser: (EventActor & { kind: string; category: string }) | null;
}

const maxDay = (a: string, b: string) => (a > b ? a : b);
const minDay = (a: string, b: string) => (a < b ? a : b);
const dayOf = (value: string) => value.slice(0, 10);
const endDayOf = (o: { startsAt: string; endsAt: string | null }) => dayOf(o.endsAt ?? o.startsAt);

/** Each row's occurrences within [fromDay, toDay], the row's fields beside each. */
function expand(rows: AgendaEventRow[], fromDay: string, toDay: string, perSeries: number): AgendaOccurrence[] {
	const found: AgendaOccurrence[] = [];
	for (const row of rows) {
		for (const o of occurrencesBetween(row, fromDay, toDay, perSeries)) found.push({ ...row, ...o, seriesStartsAt: row.startsAt });
	}
	return found;
}

const byStart = (a: AgendaOccurrence, b: AgendaOccurrence) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id - b.id);

/** The upcoming occurrences of the filters (today's and those still running included), soonest first. */
function upcoming(db: Db, query: AgendaQuery, today: string, limit: number): { list: AgendaOccurrence[]; truncated: boolean } {
	const fromDay = maxDay(query.from ?? today, today);
	const toDay = query.to ?? addDays(fromDay, AHEAD_DAYS);
	const rows = agendaEventRows(db, query, { fromDay, toDay: query.to, order: 'asc', limit: limit + 1 });
	// A one-off event later than a year ahead is still listed once; only repeats stop at a year.
	const all = [
		...expand(
			rows.filter((r) => r.recurrence === null),
			fromDay,
			OPEN_END,
			1
		),
		...expand(
			rows.filter((r) => r.recurrence !== null),
			fromDay,
			toDay,
			limit
		)
	];
	all.sort(byStart);
	return { list: all.slice(0, limit), truncated: rows.length > limit || all.length > limit };
}

/** The archive: occurrences over before today, most recent first (a series still running gives its past dates). */
function past(db: Db, query: AgendaQuery, today: string, limit: number): { list: AgendaOccurrence[]; truncated: boolean } {
	const yesterday = addDays(today, -1);
	const toDay = minDay(query.to ?? yesterday, yesterday);
	const rows = agendaEventRows(db, query, { fromDay: query.from, toDay, order: 'desc', limit: limit + 1 });
	const all = expand(rows, query.from ?? '0001-01-01', toDay, 10_000).filter((o) => endDayOf(o) < today);
	all.sort((a, b) => byStart(b, a));
	return { list: all.slice(0, limit), truncated: rows.length > limit || all.length > limit };
}

/** The month's grid: every occurrence on each day it runs, the days of the neighbouring months greyed. */
function monthGrid(db: Db, query: AgendaQuery, month: string): AgendaMonth {
	const first = `${month}-01`;
	const last = addDays(`${nextMonth(month)}-01`, -1);
	const gridStart = mondayOf(first);
	const gridEnd = addDays(mondayOf(last), 6);
	const rows = agendaEventRows(db, query, { fromDay: gridStart, toDay: gridEnd, order: 'asc', limit: MONTH_SERIES });
	const occurrences = expand(rows, gridStart, gridEnd, 62).sort(byStart);
	const weeks: AgendaMonthDay[][] = [];
	for (let day = gridStart; day <= gridEnd; day = addDays(day, 1)) {
		if (day === mondayOf(day)) weeks.push([]);
		const events = occurrences.filter((o) => dayOf(o.startsAt) <= day && endDayOf(o) >= day);
		weeks[weeks.length - 1]!.push({ day, inMonth: day.slice(0, 7) === month, events });
	}
	return { month, previous: previousMonth(month), next: nextMonth(month), weeks };
}

function nextMonth(month: string): string {
	const [y, m] = month.split('-').map(Number) as [number, number];
	return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
function previousMonth(month: string): string {
	const [y, m] = month.split('-').map(Number) as [number, number];
	return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The agenda: the filters' occurrences still to come, soonest first, grouped by week in Paris time; with
 * `past`, the archive, most recent first; with `view=month`, a month's grid too. An event running over several
 * weeks is listed once, in the week it starts, or this week while it is running; a recurring event once per date.
 */
export function agendaPage(db: Db, params: URLSearchParams, now = new Date()): AgendaPage {
	const query = parseParams(agendaQuerySchema, params, ARRAY_KEYS);
	const today = parisToday(now);
	// The month's grid stands instead of the list: the list is not read for it.
	const month = query.view === 'month' ? monthGrid(db, query, query.month ?? today.slice(0, 7)) : null;
	const { list, truncated } = month
		? { list: [], truncated: false }
		: query.past
			? past(db, query, today, AGENDA_PAGE_SIZE)
			: upcoming(db, query, today, AGENDA_PAGE_SIZE);
	const weeks: AgendaWeek[] = [];
	const actors = eventActors(db, [...new Set(list.map((o) => o.id))]);
	for (const listed of list) {
		const o = { ...listed, organisers: actors.get(listed.id)?.organisers ?? [], partners: actors.get(listed.id)?.partners ?? [] };
		const start = dayOf(o.startsAt);
		const monday = mondayOf(query.past ? start : maxDay(start, today));
		const last = weeks[weeks.length - 1];
		if (last?.monday === monday) last.events.push(o);
		else weeks.push({ monday, events: [o] });
	}
	const named = query.organiser ? findEntityBySlug(db, query.organiser) : undefined;
	const organiser =
		named && named.status === 'published' && !named.deletedAt ? { slug: named.slug, name: named.name, kind: named.kind, category: named.category } : null;
	return {
		query,
		today,
		weeks,
		month,
		count: list.length,
		truncated,
		filterKey: agendaKey(query),
		places: query.past ? [] : placesOf(list),
		organiser
	};
}

function placesOf(list: AgendaOccurrence[]): AgendaPlace[] {
	const seen = new Set<number>();
	const places: AgendaPlace[] = [];
	for (const o of list) {
		if (o.lon === null || o.lat === null || seen.has(o.id)) continue;
		seen.add(o.id);
		places.push({ slug: o.slug, name: o.name, lon: o.lon, lat: o.lat, startsAt: o.startsAt });
	}
	return places;
}

/** The agenda's filters as an address's query (dates, archive and view included), in a stable order. */
export function agendaKey(query: AgendaQuery): string {
	const params = filtersToSearchParams({ ...query, kind: [] });
	if (query.from) params.set('from', query.from);
	if (query.to) params.set('to', query.to);
	if (query.free) params.set('free', '1');
	if (query.attendance) params.set('attendance', query.attendance);
	if (query.organiser) params.set('organiser', query.organiser);
	if (query.past) params.set('past', '1');
	return params.toString();
}

/** The next `n` dates of the whole region (the home page's « Prochains rendez-vous »), today's and running ones first. */
export function nextEvents(db: Db, n: number, now = new Date()): AgendaOccurrence[] {
	const none = parseParams(agendaQuerySchema, new URLSearchParams());
	return upcoming(db, none, parisToday(now), n).list;
}

export interface ActorEvent {
	slug: string;
	name: string;
	category: string;
	/** The next date still to come (or running), else the last one. */
	startsAt: string;
	endsAt: string | null;
	recurrence: string | null;
	seriesStartsAt: string;
}

/**
 * An actor's page: its events still to come (soonest next date first) and its past ones (« ils se sont rencontrés
 * ici »), a recurring one once, at its next date.
 */
export function actorEvents(db: Db, actorId: number, now = new Date()): { upcoming: ActorEvent[]; past: ActorEvent[] } {
	const today = parisToday(now);
	const upcoming: ActorEvent[] = [];
	const pastEvents: ActorEvent[] = [];
	for (const row of actorEventRows(db, actorId)) {
		const base = { slug: row.slug, name: row.name, category: row.category, recurrence: row.recurrence, seriesStartsAt: row.startsAt };
		const next = row.lastDay >= today ? nextOccurrences(row, today, 1)[0] : undefined;
		if (next) upcoming.push({ ...base, ...next });
		else pastEvents.push({ ...base, startsAt: row.startsAt, endsAt: row.endsAt });
	}
	upcoming.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
	pastEvents.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
	return { upcoming, past: pastEvents.slice(0, 20) };
}

/** An event's own page: its next dates (five), when it repeats. */
export function eventNextDates(
	event: { startsAt: string | null; endsAt: string | null; recurrence: string | null; recurrenceExceptions: string[] },
	now = new Date()
) {
	if (!event.startsAt || !event.recurrence) return [];
	return nextOccurrences({ ...event, startsAt: event.startsAt }, parisToday(now), 5);
}

/** /api/v1/events: the agenda's filters and window, by pages of dates. */
export const eventsApiSchema = agendaQuerySchema.omit({ view: true, month: true }).extend({
	limit: limitParam(200, 50).describe('Dates par page (1 à 200, 50 par défaut).'),
	offset: z.coerce
		.number({ error: 'offset doit être un nombre' })
		.int({ error: 'offset doit être un entier' })
		.min(0, { error: 'offset doit être positif' })
		.max(2000, { error: 'offset : 2 000 au maximum' })
		.default(0)
		.describe('Dates à sauter (la valeur `next` de la page précédente).')
});

/** Dates counted at most for one answer (a weekly rule over years stays a page away, never a scan). */
const API_MAX_DATES = 2000;

/**
 * The dates of the filters' events between `from` (today by default) and `to` (a year later by default), every
 * occurrence of a recurring event expanded; with `past=1`, the archive, newest first. Paged by offset.
 */
export function eventsApi(db: Db, params: URLSearchParams, now = new Date()) {
	const query = parseParams(eventsApiSchema, params, ARRAY_KEYS);
	const today = parisToday(now);
	const agendaQuery: AgendaQuery = { ...query, view: 'list', month: undefined };
	const { list } = query.past ? past(db, agendaQuery, today, API_MAX_DATES) : upcoming(db, agendaQuery, today, API_MAX_DATES);
	const items = list.slice(query.offset, query.offset + query.limit).map((o) => ({
		id: o.id,
		slug: o.slug,
		name: o.name,
		category: o.category,
		startsAt: o.startsAt,
		endsAt: o.endsAt,
		seriesStartsAt: o.seriesStartsAt,
		recurrence: o.recurrence,
		price: o.price,
		free: o.free,
		attendance: o.attendance,
		stages: o.stages,
		address: o.address,
		communeName: o.communeName,
		lon: o.lon,
		lat: o.lat,
		venue: o.venueSlug ? { slug: o.venueSlug, name: o.venueName ?? '' } : null,
		registrationUrl: o.registrationUrl,
		url: `/acteurs/${o.slug}`
	}));
	const end = query.offset + items.length;
	return { items, total: list.length, next: end < list.length ? end : null };
}

/** One date the finder proposes, with how far it is from the entrepreneur's commune. */
export interface NearbyEvent extends AgendaOccurrence {
	/** Kilometres as the crow flies; null for an event online only. */
	distanceKm: number | null;
}

/** Upcoming series read at most to find the nearby ones (a year of one stage's events in the region). */
const NEARBY_SERIES = 500;

/**
 * The finder's « Prochaine rencontre près de chez vous »: the next dates of events that suit the project's stage,
 * held within `km` of the commune, soonest first, then online ones if fewer are near; one date per event.
 */
export function eventsNear(db: Db, near: { stage: string; lon: number; lat: number; km: number }, n = 3, now = new Date()): NearbyEvent[] {
	const query = parseParams(agendaQuerySchema, new URLSearchParams({ stage: near.stage }), ARRAY_KEYS);
	const { list } = upcoming(db, query, parisToday(now), NEARBY_SERIES);
	const seen = new Set<number>();
	const nearby: NearbyEvent[] = [];
	const online: NearbyEvent[] = [];
	for (const o of list) {
		if (seen.has(o.id)) continue;
		seen.add(o.id);
		const km = o.lon === null || o.lat === null ? null : distanceKm([near.lon, near.lat], [o.lon, o.lat]);
		if (km !== null && km <= near.km && o.attendance !== 'online') nearby.push({ ...o, distanceKm: Math.round(km) });
		else if (o.attendance === 'online' || o.attendance === 'hybrid') online.push({ ...o, distanceKm: null });
	}
	return [...nearby, ...online].slice(0, n);
}
