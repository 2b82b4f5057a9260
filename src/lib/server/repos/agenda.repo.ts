import { and, asc, desc, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { entities } from '../db/schema';
import type { EntityFilters } from '$lib/domain/filters';
import { filterConditions, visible } from './entity.repo';

export interface AgendaWindow {
	/** Paris day (AAAA-MM-JJ): series with an occurrence still running on or after it. */
	fromDay?: string;
	/** Paris day: series whose first occurrence starts on or before it. */
	toDay?: string;
	/** Series wholly over before this Paris day (the archive of one-off events). */
	beforeDay?: string;
	/** Only the series that repeat (the archive adds their past occurrences). */
	recurringOnly?: boolean;
	order: 'asc' | 'desc';
	limit: number;
}

/** What any list of events needs of a series to say its dates (and expand its repeats). */
const seriesColumns = {
	id: entities.id,
	slug: entities.slug,
	name: entities.name,
	category: entities.category,
	startsAt: sql<string>`${entities.startsAt}`,
	endsAt: entities.endsAt,
	recurrence: entities.recurrence,
	recurrenceExceptions: entities.recurrenceExceptions
};

export interface AgendaExtraFilters {
	free?: boolean;
	attendance?: 'on_site' | 'online';
	/** An actor's address (slug): its events only (organised, hosted, joined). */
	organiser?: string;
}

/**
 * The event's venue: the third-place picked in its form, else the place a `takes_place_at` relation names (how
 * imported and older events say where they happen). The outer row is named in full: drizzle writes its columns bare.
 */
const VENUE_ID = sql.raw(
	`coalesce("entities"."venue_id", (select r.target_id from relations r where r.source_id = "entities"."id" and r.type = 'takes_place_at' and r.deleted_at is null order by r.id limit 1))`
);

/**
 * Published events (one row per series: a recurring event is one row, expanded by the service) of the filters
 * within a window of Paris days, by first start. `last_day` is derived on every write (event-days.ts): the day
 * the last occurrence ends, « 9999-12-31 » for a rule without end, so one indexed comparison serves both.
 * Starts are stored as Paris wall-clock text and compare as text by their first ten characters.
 */
export function agendaEventRows(db: Db, filters: Omit<EntityFilters, 'kind'> & AgendaExtraFilters, w: AgendaWindow) {
	const window: SQL[] = [sql`${entities.startsAt} is not null`];
	if (w.fromDay) window.push(sql`${entities.lastDay} >= ${w.fromDay}`);
	if (w.toDay) window.push(sql`substr(${entities.startsAt}, 1, 10) <= ${w.toDay}`);
	if (w.beforeDay) window.push(sql`${entities.lastDay} < ${w.beforeDay}`);
	if (w.recurringOnly) window.push(sql`${entities.recurrence} is not null`);
	if (filters.free) window.push(sql`${entities.free} = 1`);
	if (filters.organiser) window.push(ofActorSlug(filters.organiser));
	if (filters.attendance === 'online') window.push(sql`${entities.attendance} in ('online', 'hybrid')`);
	if (filters.attendance === 'on_site') window.push(sql`coalesce(${entities.attendance}, 'on_site') in ('on_site', 'hybrid')`);
	return db
		.select({
			...seriesColumns,
			summary: entities.summary,
			price: entities.price,
			free: entities.free,
			attendance: entities.attendance,
			stages: entities.stages,
			address: entities.address,
			// An event held at a third-place of the directory is where that place is (its own address may be older).
			lon: sql<number | null>`coalesce((select v.lon from entities v where v.id = ${VENUE_ID} and v.deleted_at is null), ${entities.lon})`,
			lat: sql<number | null>`coalesce((select v.lat from entities v where v.id = ${VENUE_ID} and v.deleted_at is null), ${entities.lat})`,
			registrationUrl: entities.registrationUrl,
			communeName: sql<
				string | null
			>`(select name from territories where code = coalesce((select v.commune_code from entities v where v.id = ${VENUE_ID} and v.deleted_at is null), ${entities.communeCode}))`,
			// The venue, named only while it is itself a visible listing (the outer row named in full: drizzle writes its columns bare).
			venueSlug: sql<string | null>`(select v.slug from entities v where v.id = ${VENUE_ID} and v.deleted_at is null and v.status = 'published')`,
			venueName: sql<string | null>`(select v.name from entities v where v.id = ${VENUE_ID} and v.deleted_at is null and v.status = 'published')`
		})
		.from(entities)
		.where(and(...filterConditions({ ...filters, kind: ['event'] }), ...window))
		.orderBy(w.order === 'asc' ? asc(entities.startsAt) : desc(entities.startsAt), asc(entities.id))
		.limit(w.limit)
		.all();
}
export type AgendaEventRow = ReturnType<typeof agendaEventRows>[number];

/** Relations that tie an actor to an event it takes part in (the actor at the source). */
const ACTOR_TO_EVENT = ['organises', 'participates_in', 'partner_of'];

/**
 * « This event is the actor's »: held at it (a third-place, the venue, or « a lieu à »), organised or joined by it,
 * or a partner of it (either end of a `partner_of`). `actor` is an id, or a subquery giving one.
 */
function ofActor(actor: SQL): SQL {
	return sql`(${entities.venueId} = ${actor}
		or ${entities.id} in (select source_id from relations where target_id = ${actor} and deleted_at is null and type = 'takes_place_at')
		or ${entities.id} in (select target_id from relations where source_id = ${actor} and deleted_at is null and type in (${sql.join(
			ACTOR_TO_EVENT.map((t) => sql`${t}`),
			sql`, `
		)}))
		or ${entities.id} in (select source_id from relations where target_id = ${actor} and deleted_at is null and type = 'partner_of'))`;
}

/** The agenda's « organiser » filter: the actor by its address (slug); an unknown one has no events. */
export const ofActorSlug = (slug: string): SQL => ofActor(sql`(select id from entities where slug = ${slug} and deleted_at is null)`);

/** The published events of an actor (see ofActor). One row per series; at most `limit`. */
export function actorEventRows(db: Db, actorId: number, limit = 200) {
	return db
		.select({
			...seriesColumns,
			lastDay: sql<string>`${entities.lastDay}`
		})
		.from(entities)
		.where(and(visible(), sql`${entities.kind} = 'event'`, sql`${entities.startsAt} is not null and ${entities.lastDay} is not null`, ofActor(sql`${actorId}`)))
		.orderBy(desc(entities.lastDay), asc(entities.id))
		.limit(limit)
		.all();
}

/** The ids of the events of an actor given by its slug (the subscription's « organiser » filter). */
export function actorEventIds(db: Db, slug: string): Set<number> {
	return new Set(
		db
			.select({ id: entities.id })
			.from(entities)
			.where(and(sql`${entities.kind} = 'event'`, ofActorSlug(slug)))
			.all()
			.map((r) => r.id)
	);
}
export type ActorEventRow = ReturnType<typeof actorEventRows>[number];

/** An actor named next to an event in the agenda: who organises it, who is its partner. */
export interface EventActor {
	slug: string;
	name: string;
}

/**
 * The organisers (`organises`, the actor at the source) and partners (`partner_of`, either end) of these events,
 * published listings only, in the order the relations were written.
 */
export function eventActors(db: Db, eventIds: number[]): Map<number, { organisers: EventActor[]; partners: EventActor[] }> {
	const found = new Map<number, { organisers: EventActor[]; partners: EventActor[] }>();
	if (eventIds.length === 0) return found;
	const ids = sql.join(
		eventIds.map((id) => sql`${id}`),
		sql`, `
	);
	const rows = db.all<{ eventId: number; role: 'organiser' | 'partner'; slug: string; name: string }>(sql`
		select r.target_id as eventId, case when r.type = 'organises' then 'organiser' else 'partner' end as role, e.slug, e.name, r.id as rid
		from relations r join entities e on e.id = r.source_id
		where r.deleted_at is null and r.type in ('organises', 'partner_of') and r.target_id in (${ids})
			and e.deleted_at is null and e.status = 'published'
		union all
		select r.source_id as eventId, 'partner' as role, e.slug, e.name, r.id as rid
		from relations r join entities e on e.id = r.target_id
		where r.deleted_at is null and r.type = 'partner_of' and r.source_id in (${ids})
			and e.deleted_at is null and e.status = 'published'
		order by rid`);
	for (const r of rows) {
		const entry = found.get(r.eventId) ?? { organisers: [], partners: [] };
		(r.role === 'organiser' ? entry.organisers : entry.partners).push({ slug: r.slug, name: r.name });
		found.set(r.eventId, entry);
	}
	return found;
}
