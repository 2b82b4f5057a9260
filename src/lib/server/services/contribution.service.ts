import { z } from 'zod';
import { entityInputSchema, relationInputSchema, type EntityInput, type RelationInput } from '$lib/domain/entity.schema';
import type { EntityKind } from '$lib/domain/vocabulary';
import { parisToday } from '$lib/domain/french';
import { fieldLabel, sameValue } from '$lib/history/diff';
import { entityFields, relationFields } from '$lib/history/snapshot';
import type { Actor } from '$lib/history/revision';
import type { Db } from '../db';
import type { EntityRow, RelationRow } from '../db/schema';
import { entityRow, relationRow, slugTaken } from '../repos/entity-write.repo';
import { findEntityBySlug } from '../repos/entity.repo';
import {
	deletePendingChangeOfAuthor,
	deletePendingChanges,
	insertManager,
	insertPendingChange,
	pendingChangesWaitingFor,
	rebasePendingEntityUpdates,
	setDeclaredBy,
	userModerated
} from '../repos/contribution.repo';
import { slugify } from '$lib/domain/slug';
import { createEntity, createRelations, deleteRelation, updateEntity, updateRelation, type WriteResult } from './entity-write.service';
import { withdrawDispute } from './relation-dispute.service';
import { assertNotDuplicate } from './duplicates.service';
import { withCommuneCentre, type ListingPlace } from './listing-place.service';
import { ForbiddenError, NotFoundError, ValidationError } from './errors';
import { mayPropose, mayEditRelation } from '../auth/policy';
import { canManage, isEditor, managedEntity } from './managers.service';
import { assertVersion, writeTransaction } from './revision-write';
import type { AccountUser } from './users.service';
import { tellManagersOfReport, tellOtherSide } from './review-notices';
import { m } from '$lib/paraglide/messages';
import { baseLocale } from '$lib/paraglide/runtime';

/*
 * What partners do to the listings they manage, and what anyone can report. Every function takes the
 * acting account and authorises before anything else. A moderated partner's change becomes a pending
 * change (checked against the version they saw, so a stale save is refused here already); otherwise it goes
 * through the single write path at once, with the partner as the revision's author.
 */

/**
 * What a partner may change on a listing they manage, by kind: every public field of that kind. Status,
 * slug, kind, verification date, demo mark and managers stay editorial.
 */
const COMMON_FIELDS = [
	'name',
	'category',
	'summary',
	'description',
	'website',
	'sectors',
	'address',
	'communeCode',
	'lon',
	'lat',
	'coordPrecision',
	'email',
	'phone',
	'contactPublic',
	'imageKey',
	'imageAlt'
] as const;
const STRUCTURE_FIELDS = ['siret', 'stages', 'offers', 'foundedYear'] as const;
export const PARTNER_FIELDS_BY_KIND: Readonly<Record<EntityKind, readonly string[]>> = {
	person: COMMON_FIELDS,
	organisation: [...COMMON_FIELDS, ...STRUCTURE_FIELDS],
	third_place: [...COMMON_FIELDS, ...STRUCTURE_FIELDS, 'openingHours', 'accessTransport', 'accessibility', 'equipment'],
	event: [...COMMON_FIELDS, 'startsAt', 'endsAt', 'recurrence', 'recurrenceExceptions', 'venueId', 'attendance', 'registrationUrl', 'price', 'free', 'stages']
};
/** What editors and admins add in the same form. */
export const EDITOR_EXTRA_FIELDS = ['status', 'lastVerifiedAt'] as const;
const PARTNER_RELATION_FIELDS = ['startDate', 'endDate', 'description', 'source'] as const;

export type EntityPatch = Partial<EntityInput>;
/**
 * `withdrawn`: a moderated partner saved the published values again, so their waiting proposal for the
 * listing is gone rather than replaced.
 */
export type SubmitResult =
	{ status: 'applied'; version: number } | { status: 'pending'; pendingId: number } | { status: 'unchanged' } | { status: 'withdrawn' };

const actorOf = (user: AccountUser): Actor => ({ userId: user.id, label: user.displayName });

/** Editors' changes never wait; partners' wait unless an editor switched them to « publication directe ». */
export const waitsForModeration = (db: Db, user: AccountUser) => !isEditor(user) && userModerated(db, user.id);

function assertOwnedFields(user: AccountUser, allowed: readonly string[], patch: object): void {
	if (isEditor(user)) return;
	const refused = Object.keys(patch).filter((k) => !allowed.includes(k));
	if (refused.length) {
		throw new ForbiddenError(m.errors_fields_editors_only({ fields: refused.map((f) => fieldLabel(f).toLowerCase()).join(', ') }));
	}
}

export function entityFieldsFor(user: AccountUser, row: Pick<EntityRow, 'kind'>): readonly string[] {
	const own = PARTNER_FIELDS_BY_KIND[row.kind];
	return isEditor(user) ? [...own, ...EDITOR_EXTRA_FIELDS] : own;
}

/** Only the fields that differ from what is stored, so a pending change shows exactly what it changes. */
function changedPart<T extends Record<string, unknown>>(current: Record<string, unknown>, patch: T): Partial<T> {
	return Object.fromEntries(Object.entries(patch).filter(([k, v]) => !sameValue(current[k], v))) as Partial<T>;
}

export function validated<T extends z.ZodType>(schema: T, candidate: unknown, label: string): z.output<T> {
	const parsed = schema.safeParse(candidate);
	if (parsed.success) return parsed.data;
	// Partners read these: the field's name, not its code (« début », not « startDate »; the names exist in French only).
	const issues = (parsed.error as z.ZodError).issues.map((i) =>
		i.path.length
			? m.errors_field_issue({ label, field: fieldLabel(String(i.path[0])).toLowerCase(), message: i.message })
			: m.errors_issue({ path: label, message: i.message })
	);
	throw new ValidationError(issues);
}

/** A proposal must say which version it started from, like every edit, or it could undo a save unseen. */
function assertSameVersion(db: Db, kind: 'entity' | 'relation', row: { id: number; version: number }, expected: number): void {
	if (!Number.isInteger(expected)) throw new ValidationError([m.errors_version_integer()]);
	assertVersion(db, kind, row, expected);
}

// ---------------------------------------------------------------------------------------------------
// Listings

/**
 * Changes fields of a managed listing, starting from `expectedVersion` (the version the form showed).
 * A moderated partner's new save replaces their proposal still waiting for this listing (the form showed
 * its values), so the editors read one proposal with everything the partner wants, never two that
 * contradict each other; fields the form did not send keep their proposed value.
 */
export function submitEntityUpdate(db: Db, user: AccountUser, entityId: number, patch: EntityPatch, expectedVersion: number): SubmitResult {
	const row = managedEntity(db, user, entityId);
	assertOwnedFields(user, entityFieldsFor(user, row), patch);
	if (!waitsForModeration(db, user)) {
		const result = updateEntity(db, entityId, patch, { expectedVersion, actor: actorOf(user), reason: '' });
		return result.revisionId === null ? { status: 'unchanged' } : { status: 'applied', version: result.version };
	}
	// Same refusal as the write path: a proposal built on an old version would silently undo someone's save.
	assertSameVersion(db, 'entity', row, expectedVersion);
	const current = entityFields(row);
	const earlier = pendingChangesWaitingFor(db, user.id).filter((c) => c.kind === 'entity_update' && c.entityId === entityId);
	const proposed = Object.assign({}, ...earlier.map((c) => c.payload), patch) as EntityPatch;
	validated(entityInputSchema, { ...current, ...proposed }, m.errors_label_listing());
	const changes = changedPart(current as unknown as Record<string, unknown>, proposed);
	return writeTransaction(db, (tx): SubmitResult => {
		deletePendingChanges(
			tx,
			earlier.map((c) => c.id)
		);
		if (Object.keys(changes).length === 0) return earlier.length ? { status: 'withdrawn' } : { status: 'unchanged' };
		const pendingId = insertPendingChange(tx, {
			kind: 'entity_update',
			entityId,
			payload: changes,
			baseVersion: row.version,
			authorUserId: user.id,
			authorLabel: user.displayName
		});
		return { status: 'pending', pendingId };
	});
}

/**
 * « Toujours à jour » : today's date (in Paris, where the partners are) as the last verification, through the write path (one revision), and
 * nothing else. Proposals waiting for the listing started from the previous version: they follow it, since
 * a verification date is no field they change and approving them must not be refused as a conflict.
 */
export function confirmStillAccurate(db: Db, user: AccountUser, entityId: number, now = new Date()): WriteResult & { name: string; verifiedOn: string } {
	const row = managedEntity(db, user, entityId);
	const today = parisToday(now);
	const result = writeTransaction(db, (tx) => {
		const written = updateEntity(
			tx,
			entityId,
			{ lastVerifiedAt: today },
			{ expectedVersion: row.version, actor: actorOf(user), reason: 'Fiche confirmée à jour' }
		);
		if (written.version !== row.version) rebasePendingEntityUpdates(tx, entityId, row.version, written.version);
		return written;
	});
	return { ...result, name: row.name, verifiedOn: today };
}

export const proposalSchema = z.object({
	kind: z.enum(['organisation', 'third_place', 'event', 'person']),
	category: z.string().min(1),
	name: z
		.string()
		.trim()
		.min(1, { error: () => m.errors_name_required() })
		.max(200),
	summary: z.string().trim().max(500).default(''),
	website: z
		.string()
		.trim()
		.max(300)
		.nullish()
		.transform((v) => v || null),
	communeCode: z
		.string()
		.trim()
		.nullish()
		.transform((v) => v || null),
	address: z
		.string()
		.trim()
		.max(300)
		.nullish()
		.transform((v) => v || null)
});
export type Proposal = z.input<typeof proposalSchema>;

/** A free slug from the name: « mon-projet », then « mon-projet-2 »… */
export function freeSlug(db: Db, name: string): string {
	const base = slugify(name) || 'acteur';
	let slug = base;
	for (let i = 2; slugTaken(db, slug); i++) slug = `${base}-${i}`;
	return slug;
}

/**
 * Proposes a new listing (a startup they incubate, an event they host). Accepted, it is published and
 * its author manages it. It goes on the map at `place` (the address geocoded by the caller) or else at
 * its commune's centre.
 */
export function proposeEntity(db: Db, user: AccountUser, proposal: Proposal, place: ListingPlace | null = null): SubmitResult & { entityId?: number } {
	if (!mayPropose(user)) throw new ForbiddenError(m.errors_account_not_allowed());
	const p = validated(proposalSchema, proposal, m.errors_label_proposal());
	const input: EntityInput = withCommuneCentre(db, { ...p, ...place, slug: freeSlug(db, p.name), status: 'published' });
	validated(entityInputSchema, input, m.errors_label_proposal());
	// The importer's duplicate rules: a partner's listing that repeats one already published is refused with its name.
	assertNotDuplicate(db, { name: input.name, communeCode: input.communeCode ?? null, website: input.website ?? null, siret: input.siret ?? null });
	if (waitsForModeration(db, user)) {
		const pendingId = insertPendingChange(db, {
			kind: 'entity_create',
			payload: input as Record<string, unknown>,
			authorUserId: user.id,
			authorLabel: user.displayName
		});
		return { status: 'pending', pendingId };
	}
	const entityId = writeTransaction(db, (tx) => {
		const id = createEntity(tx, input, { actor: actorOf(user), reason: 'Proposée par un partenaire' });
		if (user.role === 'partner') insertManager(tx, id, user.id, null);
		return id;
	});
	return { status: 'applied', version: 1, entityId };
}

// ---------------------------------------------------------------------------------------------------
// Relations

/** Its French wording (the refusal is said in the request's language). */
export const RELATION_SOURCE_REQUIRED = m.errors_relation_source_required({}, { locale: baseLocale });

export type RelationDraft = Pick<RelationInput, 'type' | 'sourceId' | 'targetId' | 'startDate' | 'endDate' | 'source' | 'description'>;

function liveRelation(db: Db, relationId: number): RelationRow {
	const row = relationRow(db, relationId);
	if (!row || row.deletedAt) throw new NotFoundError(m.errors_no_relation_id({ id: relationId }));
	return row;
}

/** The relation's end the user manages (source first); editors act for no side in particular. */
function managedRelation(db: Db, user: AccountUser, relationId: number): RelationRow {
	const row = liveRelation(db, relationId);
	if (!mayEditRelation(db, user, row)) {
		throw new ForbiddenError(m.errors_relation_not_yours());
	}
	return row;
}

/**
 * Declares a relation from or to a managed listing. It reads « déclarée par » that side until a manager
 * of the other side confirms it; a partner managing both sides confirms it by declaring it.
 */
export function declareRelation(
	db: Db,
	user: AccountUser,
	draft: RelationDraft
): SubmitResult & { relationId?: number; confirmation: 'declared' | 'confirmed' } {
	for (const id of [draft.sourceId, draft.targetId]) {
		const row = entityRow(db, id);
		if (!row || row.deletedAt) throw new NotFoundError(m.errors_no_listing_id({ id }));
	}
	const ownsSource = canManage(db, user, draft.sourceId);
	const ownsTarget = canManage(db, user, draft.targetId);
	if (!ownsSource && !ownsTarget) throw new ForbiddenError(m.errors_relation_must_touch_yours());
	// Who says so: partners name their source; editors and imports may add it later (listed « sans source »).
	if (!isEditor(user) && !draft.source?.trim()) throw new ValidationError([m.errors_relation_source_required()]);
	const bothSides = ownsSource && ownsTarget;
	const declaredBy = isEditor(user) ? null : ownsSource ? draft.sourceId : draft.targetId;
	const data = validated(relationInputSchema, { ...draft, confirmation: bothSides ? 'confirmed' : 'declared' }, m.errors_label_relation());
	if (waitsForModeration(db, user)) {
		const pendingId = insertPendingChange(db, {
			kind: 'relation_create',
			entityId: declaredBy ?? draft.sourceId,
			payload: { ...data, declaredByEntityId: declaredBy },
			authorUserId: user.id,
			authorLabel: user.displayName
		});
		return { status: 'pending', pendingId, confirmation: data.confirmation as 'declared' | 'confirmed' };
	}
	const relationId = writeTransaction(db, (tx) => {
		const [id] = createRelations(tx, [data], { actor: actorOf(user), reason: '' });
		setDeclaredBy(tx, id as number, declaredBy);
		tellOtherSide(tx, { ...data, declaredByEntityId: declaredBy }, user.id);
		return id as number;
	});
	return { status: 'applied', version: 1, relationId, confirmation: data.confirmation as 'declared' | 'confirmed' };
}

/** Dates, description, source of a relation touching a managed listing (« terminer » sets the end date). */
export function submitRelationUpdate(db: Db, user: AccountUser, relationId: number, patch: Partial<RelationInput>, expectedVersion: number): SubmitResult {
	const row = managedRelation(db, user, relationId);
	assertOwnedFields(user, PARTNER_RELATION_FIELDS, patch);
	if (!waitsForModeration(db, user)) {
		const result = updateRelation(db, relationId, patch, { expectedVersion, actor: actorOf(user), reason: '' });
		return result.revisionId === null ? { status: 'unchanged' } : { status: 'applied', version: result.version };
	}
	assertSameVersion(db, 'relation', row, expectedVersion);
	const current = relationFields(row);
	// As for listings: a new proposal about this relation replaces the author's earlier one.
	const earlier = pendingChangesWaitingFor(db, user.id).filter((c) => c.kind === 'relation_update' && c.relationId === relationId);
	const proposed = Object.assign({}, ...earlier.map((c) => c.payload), patch) as Partial<RelationInput>;
	validated(relationInputSchema, { ...current, ...proposed }, m.errors_label_relation());
	const changes = changedPart(current as unknown as Record<string, unknown>, proposed);
	return writeTransaction(db, (tx): SubmitResult => {
		deletePendingChanges(
			tx,
			earlier.map((c) => c.id)
		);
		if (Object.keys(changes).length === 0) return earlier.length ? { status: 'withdrawn' } : { status: 'unchanged' };
		const pendingId = insertPendingChange(tx, {
			kind: 'relation_update',
			entityId: row.sourceId,
			relationId,
			payload: changes,
			baseVersion: row.version,
			authorUserId: user.id,
			authorLabel: user.displayName
		});
		return { status: 'pending', pendingId };
	});
}

export function removeRelation(db: Db, user: AccountUser, relationId: number, expectedVersion: number): SubmitResult {
	const row = managedRelation(db, user, relationId);
	if (!waitsForModeration(db, user)) {
		const result = deleteRelation(db, relationId, { expectedVersion, actor: actorOf(user), reason: '' });
		return { status: 'applied', version: result.version };
	}
	assertSameVersion(db, 'relation', row, expectedVersion);
	const asked = pendingChangesWaitingFor(db, user.id).find((c) => c.kind === 'relation_delete' && c.relationId === relationId);
	if (asked) return { status: 'pending', pendingId: asked.id };
	const pendingId = insertPendingChange(db, {
		kind: 'relation_delete',
		entityId: row.sourceId,
		relationId,
		payload: {},
		baseVersion: row.version,
		authorUserId: user.id,
		authorLabel: user.displayName
	});
	return { status: 'pending', pendingId };
}

/** Can `user` confirm this declared relation, i.e. do they manage the side that did not declare it? */
export function confirmsOtherSide(db: Db, user: AccountUser, row: RelationRow): boolean {
	if (row.confirmation !== 'declared') return false;
	if (isEditor(user)) return true;
	return [row.sourceId, row.targetId].some((id) => id !== row.declaredByEntityId && canManage(db, user, id));
}

/** The other side agrees: « confirmée par les deux parties ». Not moderated: it adds no content. */
export function confirmRelation(db: Db, user: AccountUser, relationId: number): WriteResult {
	const row = managedRelation(db, user, relationId);
	if (!confirmsOtherSide(db, user, row)) {
		throw new ForbiddenError(m.errors_confirm_other_side_only());
	}
	return updateRelation(
		db,
		relationId,
		{ confirmation: 'confirmed' },
		{ expectedVersion: row.version, actor: actorOf(user), reason: "Confirmée par l'autre partie" }
	);
}

// ---------------------------------------------------------------------------------------------------
// Proposals

/** Withdraws one's own change while it still waits. Anyone else's id reads as unknown. */
export function withdrawPendingChange(db: Db, user: AccountUser, pendingId: number): void {
	// A dispute withdrawn gives the relation back what it read before it was contested.
	if (withdrawDispute(db, user, pendingId)) return;
	if (!deletePendingChangeOfAuthor(db, pendingId, user.id)) throw new NotFoundError(m.errors_no_pending_proposal());
}

// ---------------------------------------------------------------------------------------------------
// Public reports (no account)

export const reportSchema = z.object({
	message: z
		.string()
		.trim()
		.min(10, { error: () => m.errors_report_too_short() })
		.max(2000, { error: () => m.errors_max_chars_sentence({ max: 2000 }) }),
	correction: z
		.string()
		.trim()
		.max(2000, { error: () => m.errors_max_chars_sentence({ max: 2000 }) })
		.default(''),
	name: z.string().trim().max(120).default(''),
	email: z.union([z.literal(''), z.email({ error: () => m.errors_email_invalid_sentence() })]).default('')
});
export type ReportInput = z.input<typeof reportSchema>;

export const REPORT_LIMIT = 5;
const REPORT_WINDOW_MS = 60 * 60 * 1000;

/** At most REPORT_LIMIT reports per address per hour: enough for a person, too few for a spam script. */
export class ReportThrottle {
	private readonly hits = new Map<string, number[]>();
	allow(ip: string, now = Date.now()): boolean {
		const recent = (this.hits.get(ip) ?? []).filter((t) => now - t < REPORT_WINDOW_MS);
		if (recent.length >= REPORT_LIMIT) {
			this.hits.set(ip, recent);
			return false;
		}
		recent.push(now);
		this.hits.set(ip, recent);
		if (this.hits.size > 10_000) this.hits.clear(); // bounded memory whatever the traffic
		return true;
	}
}
export const reportThrottle = new ReportThrottle();

/**
 * « Signaler une erreur / proposer une correction » on a public actor page. A filled honeypot (a field
 * people do not see) is answered as a success and stored nowhere, so a bot learns nothing.
 */
export function submitReport(
	db: Db,
	slug: string,
	input: ReportInput & { honeypot?: string },
	options: { ip: string; throttle?: ReportThrottle; now?: number }
): { stored: boolean } {
	const entity = findEntityBySlug(db, slug);
	if (!entity) throw new NotFoundError(m.errors_no_actor({ ref: slug }));
	if (input.honeypot) return { stored: false };
	const parsed = reportSchema.safeParse(input);
	// The visitor reads these messages as they are: no field names in front.
	if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message));
	const data = parsed.data;
	if (!(options.throttle ?? reportThrottle).allow(options.ip, options.now)) throw new ValidationError([m.errors_report_throttled()]);
	insertPendingChange(db, {
		kind: 'report',
		entityId: entity.id,
		payload: data,
		baseVersion: entity.version,
		authorUserId: null,
		authorLabel: data.name || 'Visiteur anonyme'
	});
	tellManagersOfReport(db, entity.id, entity.name);
	return { stored: true };
}
