import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { entities, type NewEntity } from '../db/schema';
import { lastDayOf } from '../agenda/occurrences';

/*
 * entities.last_day, the Paris day an event's last occurrence ends, is derived from its dates and recurrence on
 * every write, like the match keys: the agenda's windows then read one indexed column whether an event happens
 * once or « tous les premiers jeudis ».
 */

const DATE_FIELDS = ['startsAt', 'endsAt', 'recurrence', 'recurrenceExceptions', 'kind'] as const;

export function eventLastDay(row: Pick<NewEntity, 'kind' | 'startsAt' | 'endsAt' | 'recurrence' | 'recurrenceExceptions'>): string | null {
	if (row.kind !== 'event' || !row.startsAt) return null;
	return lastDayOf({
		startsAt: row.startsAt,
		endsAt: row.endsAt ?? null,
		recurrence: row.recurrence ?? null,
		recurrenceExceptions: row.recurrenceExceptions ?? []
	});
}

/** A whole new row with its last day. */
export function withEventDays<T extends NewEntity>(row: T): T {
	return { ...row, lastDay: eventLastDay(row) };
}

/** After a patch that touched an event's dates: the stored row's last day again (same transaction). */
export function refreshEventDays(db: Db, id: number, patch: Partial<NewEntity>): void {
	if (!DATE_FIELDS.some((f) => patch[f] !== undefined)) return;
	const row = db
		.select({
			kind: entities.kind,
			startsAt: entities.startsAt,
			endsAt: entities.endsAt,
			recurrence: entities.recurrence,
			recurrenceExceptions: entities.recurrenceExceptions
		})
		.from(entities)
		.where(eq(entities.id, id))
		.get();
	if (row)
		db.update(entities)
			.set({ lastDay: eventLastDay(row) })
			.where(eq(entities.id, id))
			.run();
}
