import { agendaQuerySchema, type AgendaQuery } from '$lib/domain/agenda-query';
import { mondayOf } from '$lib/domain/calendar-days';
import { ARRAY_KEYS, filtersToSearchParams } from '$lib/domain/filter-params';
import { parisToday, wallClock } from '$lib/domain/french/dates';
import type { Db } from '../db';
import { agendaEventRows, type AgendaEventRow } from '../repos/agenda.repo';
import { parseParams } from './params';

/** Events listed at most on one page: a year of the region's agenda, never the whole archive. */
export const AGENDA_PAGE_SIZE = 200;

export interface AgendaWeek {
	/** The week's Monday (Paris day). */
	monday: string;
	events: AgendaEventRow[];
}

export interface AgendaPage {
	query: AgendaQuery;
	/** Today in Paris: the line between the agenda and its archive. */
	today: string;
	weeks: AgendaWeek[];
	count: number;
	/** More events than AGENDA_PAGE_SIZE: the page says so and asks for a narrower window. */
	truncated: boolean;
	/** The same filters as a query string (for the calendar subscription and the archive's link). */
	filterKey: string;
}

/**
 * The agenda: the filters' events still to come (today's and those still running included), soonest first,
 * grouped by week in Paris time; with `past`, the archive, most recent first. An event running over several
 * weeks is listed once, in the week it starts, or this week while it is running.
 */
export function agendaPage(db: Db, params: URLSearchParams, now = new Date()): AgendaPage {
	const query = parseParams(agendaQuerySchema, params, ARRAY_KEYS);
	const today = parisToday(now);
	const window = query.past
		? { fromDay: query.from, beforeDay: today, order: 'desc' as const }
		: { fromDay: maxDay(query.from ?? today, today), order: 'asc' as const };
	const rows = agendaEventRows(db, query, { ...window, toDay: query.to, limit: AGENDA_PAGE_SIZE + 1 });
	const shown = rows.slice(0, AGENDA_PAGE_SIZE);
	const weeks: AgendaWeek[] = [];
	for (const row of shown) {
		const start = wallClock(row.startsAt).date;
		const monday = mondayOf(query.past ? start : maxDay(start, today));
		const last = weeks[weeks.length - 1];
		if (last?.monday === monday) last.events.push(row);
		else weeks.push({ monday, events: [row] });
	}
	return { query, today, weeks, count: shown.length, truncated: rows.length > AGENDA_PAGE_SIZE, filterKey: agendaKey(query) };
}

const maxDay = (a: string, b: string) => (a > b ? a : b);

/** The agenda's filters as an address's query (dates and archive included), in a stable order. */
export function agendaKey(query: AgendaQuery): string {
	const params = filtersToSearchParams({ ...query, kind: [] });
	if (query.from) params.set('from', query.from);
	if (query.to) params.set('to', query.to);
	if (query.past) params.set('past', '1');
	return params.toString();
}

/** The next `n` events of the whole region (the home page's « Prochains rendez-vous »), today's and running ones first. */
export function nextEvents(db: Db, n: number, now = new Date()): AgendaEventRow[] {
	const none = parseParams(agendaQuerySchema, new URLSearchParams());
	return agendaEventRows(db, none, { fromDay: parisToday(now), order: 'asc', limit: n });
}
