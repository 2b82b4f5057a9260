import { and, asc, desc, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { entities } from '../db/schema';
import type { EntityFilters } from '$lib/domain/filters';
import { filterConditions } from './entity.repo';

export interface AgendaWindow {
	/** Paris day (AAAA-MM-JJ): events still running on or after it. */
	fromDay?: string;
	/** Paris day: events starting on or before it. */
	toDay?: string;
	/** Events over before this Paris day (the archive). */
	beforeDay?: string;
	order: 'asc' | 'desc';
	limit: number;
}

/**
 * Published events of the filters within a window of Paris days, by start. Dates are stored as Paris wall-clock
 * text (« 2027-03-18T18:30:00 ») or as instants; both compare as text by their first ten characters, which is
 * what a day means here. An event without an end ends the day it starts.
 */
export function agendaEventRows(db: Db, filters: Omit<EntityFilters, 'kind'>, w: AgendaWindow) {
	const day = (column: SQL) => sql`substr(${column}, 1, 10)`;
	const ends = day(sql`coalesce(${entities.endsAt}, ${entities.startsAt})`);
	const window: SQL[] = [sql`${entities.startsAt} is not null`];
	if (w.fromDay) window.push(sql`${ends} >= ${w.fromDay}`);
	if (w.toDay) window.push(sql`${day(sql`${entities.startsAt}`)} <= ${w.toDay}`);
	if (w.beforeDay) window.push(sql`${ends} < ${w.beforeDay}`);
	return db
		.select({
			id: entities.id,
			slug: entities.slug,
			name: entities.name,
			category: entities.category,
			summary: entities.summary,
			startsAt: sql<string>`${entities.startsAt}`,
			endsAt: entities.endsAt,
			address: entities.address,
			registrationUrl: entities.registrationUrl,
			communeName: sql<string | null>`(select name from territories where code = ${entities.communeCode})`,
			// The venue, named only while it is itself a visible listing (the outer row named in full: drizzle writes its columns bare).
			venueSlug: sql<string | null>`(select v.slug from entities v where v.id = "entities"."venue_id" and v.deleted_at is null and v.status = 'published')`,
			venueName: sql<string | null>`(select v.name from entities v where v.id = "entities"."venue_id" and v.deleted_at is null and v.status = 'published')`
		})
		.from(entities)
		.where(and(...filterConditions({ ...filters, kind: ['event'] }), ...window))
		.orderBy(w.order === 'asc' ? asc(entities.startsAt) : desc(entities.startsAt), asc(entities.id))
		.limit(w.limit)
		.all();
}
export type AgendaEventRow = ReturnType<typeof agendaEventRows>[number];
