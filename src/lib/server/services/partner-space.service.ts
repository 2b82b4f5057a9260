import type { Freshness } from '$lib/domain/freshness';
import { listingFreshness } from './freshness.service';
import { relationCaption, type Nameable, type RelationCaption } from '$lib/domain/french';
import { relationCaption as englishCaption } from '$lib/domain/english/relations';
import { getLocale } from '$lib/paraglide/runtime';

/** The relation's caption in the page's language (French articles and agreement, or plain English). */
const captionIn = (type: string, source: Nameable, target: Nameable): RelationCaption =>
	getLocale() === 'en' ? englishCaption(type, source, target) : relationCaption(type, source, target);
import { diffSnapshots, type SnapshotLike } from '$lib/history/diff';
import { displayChange, type DisplayChange } from '$lib/history/format';
import { entityFields, relationFields } from '$lib/history/snapshot';
import type { Db } from '../db';
import type { PendingChangeRow, PendingChangeStatus, RelationRow } from '../db/schema';
import { relationRow } from '../repos/entity-write.repo';
import { entitiesByIds, entityNames, managedEntityIds, pendingChangesByAuthor, pendingChangesWaitingFor, relationsTouching } from '../repos/contribution.repo';
import { confirmsOtherSide, entityFieldsFor, waitsForModeration } from './contribution.service';
import { canManage, isEditor, managedEntity } from './managers.service';
import { canContest, disputeViews, type DisputeView } from './relation-dispute.service';
import { awaitingTeam, proposalTitle, relationState, STATUS_LABELS } from './proposal-words';
import { proposalFacts } from './proposal-facts';
import type { AccountUser } from './users.service';

/*
 * What a partner reads in /espace and on a listing's edit page: the listings they manage with their
 * freshness, what waits for their confirmation, their proposals named one by one, and, next to each field
 * and relation, what they proposed that an editor has not validated yet.
 */

type Names = Map<number, { name: string; slug: string; kind: string; category: string }>;
const nameIn = (names: Names) => (id: number) => names.get(id)?.name ?? `fiche n° ${id}`;
/** The actor as a sentence names it (article, gender); an unknown id is « fiche n° 12 ». */
const actorIn =
	(names: Names) =>
	(id: number): Nameable =>
		names.get(id) ?? { name: `fiche n° ${id}`, kind: 'document' };

/** A proposal about a relation that exists, still waiting: what it would change, or its removal. */
export interface RelationProposal {
	pendingId: number;
	kind: 'relation_update' | 'relation_delete';
	changes: DisplayChange[];
}

export interface RelationView {
	id: number;
	version: number;
	type: string;
	/** « Volcabio incubée par la Couveuse des Puys », in pieces (French-phrasing module). */
	caption: RelationCaption;
	sourceId: number;
	sourceName: string;
	targetId: number;
	targetName: string;
	startDate: string | null;
	endDate: string | null;
	source: string | null;
	/** « confirmée par les deux parties », « déclarée par A, en attente de confirmation par B »… */
	state: string;
	canConfirm: boolean;
	/** « Contester »: the viewer manages the side that did not declare it. */
	canContest: boolean;
	/** The open dispute with both sides' comments, when the relation is contested. */
	dispute: DisputeView | null;
	proposals: RelationProposal[];
}

function relationViews(db: Db, user: AccountUser, rows: RelationRow[], waiting: PendingChangeRow[] = []): RelationView[] {
	const names = entityNames(db, [...new Set(rows.flatMap((r) => [r.sourceId, r.targetId]))]);
	const name = nameIn(names);
	const actor = actorIn(names);
	const disputes = disputeViews(db, user, rows);
	return rows.map((r) => {
		const canConfirm = confirmsOtherSide(db, user, r);
		const declared = r.declaredByEntityId;
		const otherSide = declared === r.sourceId ? r.targetId : declared === r.targetId ? r.sourceId : null;
		const current = relationFields(r) as unknown as SnapshotLike;
		return {
			id: r.id,
			version: r.version,
			type: r.type,
			caption: captionIn(r.type, actor(r.sourceId), actor(r.targetId)),
			sourceId: r.sourceId,
			sourceName: name(r.sourceId),
			targetId: r.targetId,
			targetName: name(r.targetId),
			startDate: r.startDate,
			endDate: r.endDate,
			source: r.source,
			state: relationState({
				confirmation: r.confirmation,
				declaredBy: declared ? actor(declared) : null,
				otherSide: otherSide ? actor(otherSide) : null,
				viewerConfirms: canConfirm && !isEditor(user)
			}),
			canConfirm,
			canContest: canContest(db, user, r),
			dispute: disputes.get(r.id) ?? null,
			proposals: waiting
				.filter((c) => c.relationId === r.id && (c.kind === 'relation_update' || c.kind === 'relation_delete'))
				.map((c) => ({
					pendingId: c.id,
					kind: c.kind as RelationProposal['kind'],
					changes: c.kind === 'relation_update' ? diffSnapshots(current, { ...current, ...c.payload }).map((d) => displayChange(d)) : []
				}))
		};
	});
}

/** A relation proposed by the viewer, not created yet: shown where it was declared, as waiting. */
export interface ProposedRelation {
	pendingId: number;
	type: string;
	sourceName: string;
	caption: RelationCaption;
	targetName: string;
	startDate: string | null;
	endDate: string | null;
	state: string;
}

function proposedRelations(db: Db, entityId: number, waiting: PendingChangeRow[]): ProposedRelation[] {
	const mine = waiting.filter((c) => c.kind === 'relation_create' && (c.payload.sourceId === entityId || c.payload.targetId === entityId));
	const names = entityNames(
		db,
		mine.flatMap((c) => [Number(c.payload.sourceId), Number(c.payload.targetId)])
	);
	const name = nameIn(names);
	const actor = actorIn(names);
	return mine.map((c) => {
		const p = c.payload as {
			type: string;
			sourceId: number;
			targetId: number;
			startDate?: string | null;
			endDate?: string | null;
			confirmation?: string;
			declaredByEntityId?: number | null;
		};
		const other = p.declaredByEntityId === p.sourceId ? p.targetId : p.declaredByEntityId === p.targetId ? p.sourceId : null;
		return {
			pendingId: c.id,
			type: p.type,
			sourceName: name(p.sourceId),
			caption: captionIn(p.type, actor(p.sourceId), actor(p.targetId)),
			targetName: name(p.targetId),
			startDate: p.startDate ?? null,
			endDate: p.endDate ?? null,
			state: awaitingTeam(p.confirmation === 'declared' && other ? actor(other) : null)
		};
	});
}

/** The viewer's proposed values for a listing's fields, with the published ones for reference. */
export interface PendingEdit {
	pendingId: number;
	createdAt: string;
	/** Field → proposed value, as the form takes it. */
	values: Record<string, unknown>;
	/** Field → published and proposed values, as a person reads them. */
	changes: Record<string, DisplayChange>;
	/** The listing changed since: an editor will have to refuse it, and the partner should redo it. */
	stale: boolean;
}

function pendingEdit(current: SnapshotLike, version: number, waiting: PendingChangeRow[]): PendingEdit | null {
	if (waiting.length === 0) return null;
	const values = Object.assign({}, ...waiting.map((c) => c.payload)) as Record<string, unknown>;
	const diffs = diffSnapshots(current, { ...current, ...values }).map((d) => displayChange(d));
	if (diffs.length === 0) return null;
	const last = waiting.at(-1) as PendingChangeRow;
	return {
		pendingId: last.id,
		createdAt: last.createdAt,
		values,
		changes: Object.fromEntries(diffs.map((d) => [d.field, d])),
		stale: waiting.some((c) => c.baseVersion !== version)
	};
}

/** One managed listing for its edit form: published fields, the viewer's waiting proposals, relations. */
export function listingForEdit(db: Db, user: AccountUser, entityId: number) {
	const row = managedEntity(db, user, entityId);
	const waiting = pendingChangesWaitingFor(db, user.id);
	const fields = entityFields(row);
	return {
		entity: { id: row.id, version: row.version, ...fields },
		editableFields: entityFieldsFor(user, row),
		moderated: waitsForModeration(db, user),
		/** Partners name the source of a relation they declare; editors may leave it « à préciser ». */
		sourceRequired: !isEditor(user),
		pending: pendingEdit(
			fields as unknown as SnapshotLike,
			row.version,
			waiting.filter((c) => c.kind === 'entity_update' && c.entityId === entityId)
		),
		relations: relationViews(db, user, relationsTouching(db, [entityId]), waiting),
		proposedRelations: proposedRelations(db, entityId, waiting)
	};
}

// ---------------------------------------------------------------------------------------------------
// « Mes propositions »

export interface MyProposal {
	id: number;
	title: string;
	status: PendingChangeStatus;
	statusLabel: string;
	reviewComment: string;
	createdAt: string;
	reviewedAt: string | null;
	/** The edit page of the listing concerned, when the viewer still manages it. */
	href: string | null;
}

function myProposals(db: Db, user: AccountUser): MyProposal[] {
	const mine = pendingChangesByAuthor(db, user.id);
	const relationEnds = mine.flatMap((c) => {
		const r = (c.kind === 'relation_update' || c.kind === 'relation_delete') && c.relationId ? relationRow(db, c.relationId) : undefined;
		return r ? [r.sourceId, r.targetId] : [];
	});
	const ids = mine.flatMap((c) => [c.entityId, c.payload.sourceId, c.payload.targetId]).filter((v): v is number => typeof v === 'number');
	const actor = actorIn(entityNames(db, [...new Set([...ids, ...relationEnds])]));
	return mine.map((c) => ({
		id: c.id,
		title: proposalTitle(proposalFacts(db, c, actor), getLocale()),
		status: c.status,
		statusLabel: STATUS_LABELS[c.status],
		reviewComment: c.reviewComment,
		createdAt: c.createdAt,
		reviewedAt: c.reviewedAt,
		href: c.entityId && c.kind !== 'report' && canManage(db, user, c.entityId) ? `/espace/fiches/${c.entityId}` : null
	}));
}

export interface ListingSummary {
	id: number;
	slug: string;
	name: string;
	status: string;
	version: number;
	lastVerifiedAt: string | null;
	freshness: Freshness;
	/** The viewer's proposals about this listing still waiting for an editor. */
	waiting: number;
}

const staleRank = (l: ListingSummary) => (l.freshness === 'never' ? 0 : l.freshness === 'stale' ? 1 : 2);

/** The listings the user manages, the confirmations waiting for them and their own proposals. */
export function partnerSpace(db: Db, user: AccountUser, now = new Date()) {
	const ids = managedEntityIds(db, user.id);
	const myChanges = myProposals(db, user);
	const waitingRows = pendingChangesWaitingFor(db, user.id);
	const waitingFor = (entityId: number) => waitingRows.filter((c) => c.entityId === entityId).length;
	const listings: ListingSummary[] = entitiesByIds(db, ids).map((e) => ({
		id: e.id,
		slug: e.slug,
		name: e.name,
		status: e.status,
		version: e.version,
		lastVerifiedAt: e.lastVerifiedAt,
		freshness: listingFreshness(e.lastVerifiedAt, now).freshness,
		waiting: waitingFor(e.id)
	}));
	// « À vérifier » first (never verified, then the oldest): what the partner should look at today.
	listings.sort((a, b) => staleRank(a) - staleRank(b) || (staleRank(a) === 1 ? (a.lastVerifiedAt ?? '').localeCompare(b.lastVerifiedAt ?? '') : 0));
	// Relations whose declaring side is unknown (imported, seeded) can be confirmed from the listing's page,
	// but only claims made by the other side are « waiting » for this user.
	const waiting = relationsTouching(db, ids).filter((r) => r.declaredByEntityId !== null && confirmsOtherSide(db, user, r));
	return {
		listings,
		moderated: waitsForModeration(db, user),
		confirmations: relationViews(db, user, waiting),
		myChanges
	};
}
