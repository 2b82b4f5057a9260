import { warning } from '$lib/import/problems';
import type { RowDraft } from '$lib/import/row-entity';
import type { Db } from '../db';
import { findEntityBySlug } from '../repos/entity.repo';
import type { RowPlan } from './plan-types';
import type { ImportSource } from './read-file';

/*
 * An event's venue is another listing: in our JSON export by its id in the file and its slug, in a table
 * by its slug (column « lieu »). It becomes a
 * listing of this database: one already stored (by slug), or one the same import creates, whose id is known
 * only once it is written (RowPlan.venueSlug, resolved by writePlan).
 */

/** Before the rows are planned: venues already stored give their id; the others wait in `pending`. */
export function resolveStoredVenues(db: Db, source: ImportSource, drafts: RowDraft[]): Map<RowDraft, string> {
	const entities = source.format === 'json' ? source.entities : [];
	const slugByFileId = new Map(
		entities.flatMap((e) => (typeof e.value.id === 'number' && typeof e.value.slug === 'string' ? [[e.value.id, e.value.slug] as const] : []))
	);
	const fileSlugs = new Set([...slugByFileId.values(), ...drafts.flatMap((d) => (d.input.slug ? [d.input.slug] : []))]);
	const pending = new Map<RowDraft, string>();
	for (const d of drafts) {
		if (!d.venue) continue;
		const slug = d.venue.slug ?? (d.venue.fileId !== null ? slugByFileId.get(d.venue.fileId) : undefined) ?? null;
		const stored = slug ? findEntityBySlug(db, slug) : undefined;
		if (stored) d.input.venueId = stored.id;
		else if (slug && fileSlugs.has(slug)) pending.set(d, slug);
		else
			d.problems.push(
				warning(
					d.row,
					d.venue.column ?? 'venue',
					'unknown_venue',
					`lieu « ${slug ?? d.venue.fileId} » absent du fichier et de l'annuaire : événement importé sans son lieu`
				)
			);
	}
	return pending;
}

/** Once the rows are planned: a venue the file also holds is the listing that row became. */
export function linkPlannedVenues(rows: RowPlan[], drafts: RowDraft[], pending: Map<RowDraft, string>): void {
	const planBySlug = new Map(rows.flatMap((r) => (r.slug && r.action !== 'error' ? [[r.slug, r] as const] : [])));
	drafts.forEach((d, i) => {
		const slug = pending.get(d);
		const plan = rows[i];
		if (!slug || !plan?.data || (plan.action !== 'create' && plan.action !== 'update')) return;
		const venue = planBySlug.get(slug);
		if (venue?.action === 'create') plan.venueSlug = slug;
		else if (venue?.existingId) plan.data.venueId = venue.existingId;
		else
			d.problems.push(
				warning(d.row, d.venue?.column ?? 'venue', 'unknown_venue', `lieu « ${slug} » en erreur dans le fichier : événement importé sans son lieu`)
			);
	});
}
