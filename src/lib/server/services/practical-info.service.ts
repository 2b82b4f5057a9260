/**
 * What a public actor page says about going there: a third-place's opening hours (open now and the week,
 * in Paris time) and access notes; an event's venue (a third-place of the directory) and registration link.
 */
import { openingHoursView, type OpeningHoursView } from '$lib/domain/opening-hours';
import type { Db } from '../db';
import { entityRow } from '../repos/entity-write.repo';
import { canManage } from './managers.service';
import type { AccountUser } from './users.service';

export interface PracticalInfo {
	hours: { text: string; view: OpeningHoursView | null } | null;
	access: { transport: string | null; accessibility: string | null; equipment: string | null };
	venue: { name: string; slug: string } | null;
	registrationUrl: string | null;
	/** The listing form, for an editor or a manager of this listing (the same form for both). */
	editHref: string | null;
}

export function practicalInfo(db: Db, entityId: number, user: AccountUser | null, now: Date = new Date()): PracticalInfo {
	const row = entityRow(db, entityId);
	const venueRow = row?.venueId ? entityRow(db, row.venueId) : undefined;
	const venue = venueRow && !venueRow.deletedAt && venueRow.status === 'published' ? { name: venueRow.name, slug: venueRow.slug } : null;
	return {
		hours: row?.openingHours ? { text: row.openingHours, view: openingHoursView(row.openingHours, now) } : null,
		access: { transport: row?.accessTransport ?? null, accessibility: row?.accessibility ?? null, equipment: row?.equipment ?? null },
		venue,
		registrationUrl: row?.registrationUrl ?? null,
		editHref: user && canManage(db, user, entityId) ? `/espace/fiches/${entityId}` : null
	};
}
