import { z } from 'zod';
import { entityInputSchema, type EntityInput } from '$lib/domain/entity.schema';
import type { Db } from '../db';
import { entitiesByIds, insertManager, insertPendingChange, managedEntityIds, setDeclaredBy } from '../repos/contribution.repo';
import { entityRow } from '../repos/entity-write.repo';
import { mayPropose } from '../auth/policy';
import { freeSlug, validated, waitsForModeration, type SubmitResult } from './contribution.service';
import { createEntity, createRelations, type CreateContext } from './entity-write.service';
import { ForbiddenError, NotFoundError, ValidationError } from './errors';
import { withCommuneCentre } from './listing-place.service';
import { canManage, isEditor, managedEntity } from './managers.service';
import { tellOtherSide } from './review-notices';
import { writeTransaction } from './revision-write';
import type { AccountUser } from './users.service';
import { m } from '$lib/paraglide/messages';

/*
 * « Publier un événement » (/espace/evenements/nouveau): a partner posts an event in one form, with its organiser
 * (a listing they manage) and co-organisers from the directory. The organiser's `organises` relation is
 * confirmed (the partner speaks for it); each co-organiser's waits for that listing's managers to confirm it,
 * like any declared relation. A partner whose proposals wait for the newsroom sees the whole event wait: the
 * relations are written when an editor accepts it.
 */

/** Who organises the event, kept with a proposal until it is accepted. */
export const eventOrganisersSchema = z.object({
	organiserId: z.number().int().positive().nullable(),
	coOrganiserIds: z.array(z.number().int().positive()).max(5, { error: () => m.errors_co_organisers_max() }),
	/** Where the relation is said (the registration page, else the announcement on this site). */
	source: z.string().max(500)
});
export type EventOrganisers = z.infer<typeof eventOrganisersSchema>;

/** The key of an `entity_create` proposal's payload that carries its organisers (not an entity field). */
export const ORGANISERS_KEY = 'organisers';

export function postEvent(
	db: Db,
	user: AccountUser,
	fields: Partial<EntityInput> & { name: string; category: string },
	organisers: { organiserId: number | null; coOrganiserIds: number[] }
): SubmitResult & { entityId?: number } {
	if (!mayPropose(user)) throw new ForbiddenError(m.errors_account_not_allowed());
	if (organisers.organiserId === null && !isEditor(user)) throw new ValidationError([m.errors_organiser_required()]);
	const organiser = organisers.organiserId === null ? null : managedEntity(db, user, organisers.organiserId);
	const coOrganiserIds = [...new Set(organisers.coOrganiserIds)].filter((id) => id !== organisers.organiserId);
	for (const id of coOrganiserIds) {
		const row = entityRow(db, id);
		if (!row || row.deletedAt) throw new NotFoundError(m.errors_no_listing_id({ id }));
	}
	const input: EntityInput = validated(
		entityInputSchema,
		withCommuneCentre(db, { ...fields, kind: 'event', slug: freeSlug(db, fields.name), status: 'published' }),
		m.errors_label_event()
	);
	const who = validated(
		eventOrganisersSchema,
		{
			organiserId: organiser?.id ?? null,
			coOrganiserIds,
			source: input.registrationUrl ?? input.website ?? m.errors_event_announced_here({ name: organiser?.name ?? user.displayName }, { locale: 'fr' })
		},
		m.errors_label_event()
	);
	if (waitsForModeration(db, user)) {
		const pendingId = insertPendingChange(db, {
			kind: 'entity_create',
			payload: { ...input, [ORGANISERS_KEY]: who } as Record<string, unknown>,
			authorUserId: user.id,
			authorLabel: user.displayName
		});
		return { status: 'pending', pendingId };
	}
	const entityId = writeTransaction(db, (tx) => {
		const id = createEntity(tx, input, { actor: { userId: user.id, label: user.displayName }, reason: 'Événement publié par un partenaire' });
		if (user.role === 'partner') insertManager(tx, id, user.id, null);
		attachOrganisers(tx, user, id, who, { actor: { userId: user.id, label: user.displayName }, reason: '' });
		return id;
	});
	return { status: 'applied', version: 1, entityId };
}

/**
 * The event's `organises` relations: the organiser's confirmed (the partner speaks for it); each co-organiser's
 * declared by the event (its author manages it) until that listing's managers confirm it, and they are told —
 * confirmed at once when the same account manages both, or when there is no organiser (an editor posting).
 */
export function attachOrganisers(tx: Db, author: AccountUser | null, eventId: number, who: EventOrganisers, ctx: CreateContext): void {
	const rows = [
		...(who.organiserId === null ? [] : [{ sourceId: who.organiserId, declaredBy: who.organiserId, confirmed: true }]),
		...who.coOrganiserIds.map((sourceId) => ({
			sourceId,
			declaredBy: eventId,
			confirmed: who.organiserId === null || (author !== null && canManage(tx, author, sourceId))
		}))
	];
	// Organising is dated by the event (« a organisé … le 15 avril 2027 »).
	const startDate = entityRow(tx, eventId)?.startsAt?.slice(0, 10) ?? null;
	for (const r of rows) {
		const relation = {
			type: 'organises',
			sourceId: r.sourceId,
			targetId: eventId,
			startDate,
			source: who.source,
			confirmation: r.confirmed ? 'confirmed' : 'declared'
		} as const;
		const [id] = createRelations(tx, [relation], ctx);
		setDeclaredBy(tx, id as number, r.declaredBy);
		tellOtherSide(tx, { ...relation, declaredByEntityId: r.declaredBy }, author?.id);
	}
}

/** The listings a partner may name as an event's organiser: those they manage, events aside, by name. */
export function organiserChoices(db: Db, user: AccountUser): { id: number; name: string }[] {
	return entitiesByIds(db, managedEntityIds(db, user.id))
		.filter((e) => e.kind !== 'event' && !e.deletedAt)
		.map((e) => ({ id: e.id, name: e.name }))
		.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
