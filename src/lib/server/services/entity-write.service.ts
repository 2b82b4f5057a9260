import {
	entityInputSchema,
	formatIssues,
	relationInputSchema,
	type EntityData,
	type EntityInput,
	type RelationData,
	type RelationInput
} from '$lib/domain/entity.schema';
import { sameValue } from '$lib/history/diff';
import { entityFields, entitySnapshot, relationFields, relationSnapshot, type EntityFields, type RelationFields } from '$lib/history/snapshot';
import type { RevisionOperation, RevisionSubjectKind } from '$lib/history/revision';
import type { Db } from '../db';
import type { EntityRow, RelationRow } from '../db/schema';
import {
	entityRow,
	existingEntityIds,
	insertEntities,
	liveEntityRows,
	markEntitiesDeleted,
	insertRelation,
	nowIso,
	relationRow,
	slugTaken,
	territoryChain,
	territoryNameIndex,
	updateEntityRow,
	updateRelationRow
} from '../repos/entity-write.repo';
import { revisionById, revisionInserter } from '../repos/revision.repo';
import { NotFoundError, ValidationError } from './errors';
import {
	assertVersion,
	checkedAuthor,
	conflictError,
	recordRevision,
	revisionValues,
	writeTransaction,
	type CreateContext,
	type EditContext,
	type StateContext,
	type WriteResult
} from './revision-write';
import { buildSearchStems, buildSearchTerms } from './search-terms';
import { markdownToPlainText } from '../markdown';
import { m } from '$lib/paraglide/messages';

export type { CreateContext, EditContext, StateContext, WriteResult } from './revision-write';

/*
 * The single write path for entities and relations. Every write validates first (one schema), then
 * writes the row and one revision (the whole subject after the write, author, reason) in one transaction,
 * all or nothing. Edits carry the version they started from and are refused with a ConflictError when
 * someone saved in between. Deletion is soft (deleted_at) and restorable. The FTS index and the graph
 * revision follow through SQL triggers (drizzle/0001, 0003). Authorisation goes in front of these
 * functions: they trust the actor they are given.
 */

type Places = ReturnType<typeof territoryNameIndex>;

const derivedColumns = (e: EntityData, places: Places) => {
	const descriptionText = markdownToPlainText(e.description);
	const searchTerms = buildSearchTerms(e, places);
	return { descriptionText, searchTerms, searchStems: buildSearchStems({ ...e, descriptionText, searchTerms }) };
};

function parseEntity(candidate: unknown, label: string): EntityData {
	const parsed = entityInputSchema.safeParse(candidate);
	if (parsed.success) return parsed.data;
	throw new ValidationError(formatIssues(parsed.error).map((p) => m.errors_issue({ path: label, message: p })));
}

function parseRelation(candidate: unknown, label: string): RelationData {
	const parsed = relationInputSchema.safeParse(candidate);
	if (parsed.success) return parsed.data;
	throw new ValidationError(formatIssues(parsed.error).map((p) => m.errors_issue({ path: label, message: p })));
}

function assertCommunesKnown(list: EntityData[], places: Places): void {
	const unknown = list.filter((e) => e.communeCode && !places.has(e.communeCode));
	if (unknown.length) throw new ValidationError(unknown.map((e) => m.errors_commune_code_unknown({ slug: e.slug, code: e.communeCode! })));
}

/** An event's venue is a live third-place of the directory (its id alone could name anything). */
function assertVenuesLive(db: Db, list: EntityData[]): void {
	const problems = list.flatMap((e) => {
		if (e.venueId === null) return [];
		const venue = entityRow(db, e.venueId);
		if (!venue || venue.deletedAt) return [m.errors_venue_not_found({ slug: e.slug, id: e.venueId })];
		return venue.kind === 'third_place' ? [] : [m.errors_venue_not_third_place({ slug: e.slug, venue: venue.name })];
	});
	if (problems.length) throw new ValidationError(problems);
}

function assertEndsExist(db: Db, list: RelationData[]): void {
	const ids = [...new Set(list.flatMap((r) => [r.sourceId, r.targetId]))];
	const existing = existingEntityIds(db, ids);
	const missing = ids.filter((id) => !existing.has(id));
	if (missing.length) throw new ValidationError(missing.map((id) => m.errors_actor_not_found({ id })));
}

// ---------------------------------------------------------------------------------------------------
// Creation (forms, seeds, imports): many at once, one prepared revision INSERT for the whole batch.

export function createEntities(db: Db, inputs: EntityInput[], context: CreateContext = {}): number[] {
	const author = checkedAuthor(context.actor, context.reason);
	const problems: string[] = [];
	const valid: EntityData[] = [];
	inputs.forEach((input, i) => {
		const parsed = entityInputSchema.safeParse(input);
		if (parsed.success) valid.push(parsed.data);
		else
			problems.push(
				...formatIssues(parsed.error).map((p) => m.errors_issue({ path: m.errors_label_item({ n: i + 1, slug: String(input.slug) }), message: p }))
			);
	});
	if (problems.length) throw new ValidationError(problems);
	const places = territoryNameIndex(db);
	assertCommunesKnown(valid, places);
	assertVenuesLive(db, valid);
	const operation = context.operation ?? 'create';
	return writeTransaction(db, (tx) => {
		const record = revisionInserter(tx);
		const ids = insertEntities(
			tx,
			valid.map((e) => ({ ...e, ...derivedColumns(e, places) }))
		);
		valid.forEach((e, i) => record(revisionValues('entity', entitySnapshot({ id: ids[i]!, ...e, version: 1, deletedAt: null }), operation, author)));
		return ids;
	});
}

export function createEntity(db: Db, input: EntityInput, context: CreateContext = {}): number {
	const [id] = createEntities(db, [input], context);
	return id as number;
}

export function createRelations(db: Db, inputs: RelationInput[], context: CreateContext = {}): number[] {
	const author = checkedAuthor(context.actor, context.reason);
	const problems: string[] = [];
	const valid = inputs.flatMap((input, i) => {
		const parsed = relationInputSchema.safeParse(input);
		if (parsed.success) return [parsed.data];
		problems.push(...formatIssues(parsed.error).map((p) => m.errors_issue({ path: m.errors_label_relation_n({ n: i + 1 }), message: p })));
		return [];
	});
	if (problems.length) throw new ValidationError(problems);
	assertEndsExist(db, valid);
	const operation = context.operation ?? 'create';
	return writeTransaction(db, (tx) => {
		const record = revisionInserter(tx);
		return valid.map((r) => {
			const id = insertRelation(tx, r);
			record(revisionValues('relation', relationSnapshot({ id, ...r, version: 1, deletedAt: null }), operation, author));
			return id;
		});
	});
}

// ---------------------------------------------------------------------------------------------------
// Edits: one subject, checked against the version the editor started from.

/** How each subject is read, validated and written; the edit steps below are the same for both. */
interface SubjectWriter<Row extends { id: number; version: number; deletedAt: string | null }, Fields> {
	kind: RevisionSubjectKind;
	/** Its refusals, said in the request's language. */
	notFound: (inputs: { id: number }) => string;
	deleted: () => string;
	load(db: Db, id: number): Row | undefined;
	fields(row: Row): Fields;
	/** Validates a whole candidate (current fields + patch, or an old snapshot) and its references. */
	validate(db: Db, candidate: unknown, id: number): Fields;
	write(db: Db, row: Row, values: Fields | null, deletedAt: string | null): boolean;
	snapshot(id: number, fields: Fields, version: number, deletedAt: string | null): { id: number; version: number };
}

const entityWriter: SubjectWriter<EntityRow, EntityFields> = {
	kind: 'entity',
	notFound: m.errors_no_listing_id,
	deleted: m.errors_listing_deleted,
	load: entityRow,
	fields: entityFields,
	validate(db, candidate, id) {
		const data = parseEntity(candidate, m.errors_label_listing());
		assertCommunesKnown([data], territoryChain(db, data.communeCode));
		assertVenuesLive(db, [data]);
		if (slugTaken(db, data.slug, id)) throw new ValidationError([m.errors_slug_taken({ slug: data.slug })]);
		return data;
	},
	write(db, row, fields, deletedAt) {
		// `fields` always come out of validate(); derived columns are recomputed from them as at creation.
		const values = fields as EntityData | null;
		const content = values ? { ...values, ...derivedColumns(values, territoryChain(db, values.communeCode)) } : {};
		return updateEntityRow(db, row.id, row.version, changedColumns(row, { ...content, deletedAt }));
	},
	snapshot: (id, fields, version, deletedAt) => entitySnapshot({ id, ...fields, version, deletedAt })
};

const relationWriter: SubjectWriter<RelationRow, RelationFields> = {
	kind: 'relation',
	notFound: m.errors_no_relation_id,
	deleted: m.errors_relation_deleted,
	load: relationRow,
	fields: relationFields,
	validate(db, candidate) {
		const data = parseRelation(candidate, m.errors_label_relation());
		assertEndsExist(db, [data]);
		return data;
	},
	// `values` always come out of validate(), hence the narrower vocabulary types.
	write: (db, row, values, deletedAt) =>
		updateRelationRow(db, row.id, row.version, changedColumns(row, { ...((values as RelationData | null) ?? {}), deletedAt })),
	snapshot: (id, fields, version, deletedAt) => relationSnapshot({ id, ...fields, version, deletedAt })
};

/**
 * Only the columns whose value changes go into the UPDATE: SQL triggers fire on the columns named in
 * SET (drizzle/0003), and a description edit must not mark the graph stale.
 */
function changedColumns<T extends Record<string, unknown>>(row: Record<string, unknown>, values: T): Partial<T> {
	return Object.fromEntries(Object.entries(values).filter(([k, v]) => !sameValue(row[k], v))) as Partial<T>;
}

function loadForWrite<Row extends { id: number; version: number; deletedAt: string | null }, F>(
	db: Db,
	w: SubjectWriter<Row, F>,
	id: number,
	expectedVersion: number | undefined
): Row {
	const row = w.load(db, id);
	if (!row) throw new NotFoundError(w.notFound({ id }));
	assertVersion(db, w.kind, row, expectedVersion);
	return row;
}

/** Writes new content (update, rollback); a candidate identical to what is stored writes nothing. */
function editContent<Row extends { id: number; version: number; deletedAt: string | null }, F>(
	db: Db,
	w: SubjectWriter<Row, F>,
	id: number,
	candidate: (row: Row, tx: Db) => unknown,
	operation: RevisionOperation,
	ctx: EditContext
): WriteResult {
	const author = checkedAuthor(ctx.actor, ctx.reason);
	return writeTransaction(db, (tx) => {
		const row = loadForWrite(tx, w, id, ctx.expectedVersion);
		if (row.deletedAt) throw new ValidationError([w.deleted()]);
		const fields = w.validate(tx, candidate(row, tx), id);
		if (sameValue(w.fields(row), fields)) return { id, version: row.version, revisionId: null };
		if (!w.write(tx, row, fields, null)) throw conflictError(tx, w.kind, id, row.version, row.version + 1);
		const snapshot = w.snapshot(id, fields, row.version + 1, null);
		return { id, version: row.version + 1, revisionId: recordRevision(tx, w.kind, snapshot, operation, author) };
	});
}

/** Soft delete or restore: only deleted_at moves; asking for the state it already has writes nothing. */
function setDeleted<Row extends { id: number; version: number; deletedAt: string | null }, F>(
	db: Db,
	w: SubjectWriter<Row, F>,
	id: number,
	deleted: boolean,
	ctx: StateContext
): WriteResult {
	const author = checkedAuthor(ctx.actor, ctx.reason);
	return writeTransaction(db, (tx) => {
		const row = loadForWrite(tx, w, id, ctx.expectedVersion);
		if ((row.deletedAt !== null) === deleted) return { id, version: row.version, revisionId: null };
		const deletedAt = deleted ? nowIso() : null;
		if (!w.write(tx, row, null, deletedAt)) throw conflictError(tx, w.kind, id, row.version, row.version + 1);
		const snapshot = w.snapshot(id, w.fields(row), row.version + 1, deletedAt);
		return { id, version: row.version + 1, revisionId: recordRevision(tx, w.kind, snapshot, deleted ? 'delete' : 'restore', author) };
	});
}

/** The candidate of a rollback: the fields of one of the subject's own revisions. */
function snapshotOf(db: Db, kind: RevisionSubjectKind, id: number, revisionId: number): Record<string, unknown> {
	const revision = revisionById(db, revisionId);
	if (!revision || revision.subjectKind !== kind || revision.subjectId !== id) {
		throw new NotFoundError(m.errors_revision_not_here({ id: revisionId }));
	}
	return revision.snapshot;
}

/** Changes some fields of an entity; the merged result is validated like a new one. */
export function updateEntity(db: Db, id: number, patch: Partial<EntityInput>, ctx: EditContext): WriteResult {
	return editContent(db, entityWriter, id, (row) => ({ ...entityFields(row), ...patch }), ctx.operation ?? 'update', ctx);
}

export interface EntityEdit {
	id: number;
	/** The version the edit started from: a listing changed since is a conflict, as for updateEntity. */
	expectedVersion: number;
	patch: Partial<EntityInput>;
}

/**
 * Many edits in one transaction (an import's updates, or their undo): the same checks and the same result
 * as updateEntity on each (version, schema, known commune, free slug, one revision per change, nothing
 * written for an identical candidate), but the rows and the territories are read once, not once per row.
 */
export function updateEntities(
	db: Db,
	edits: EntityEdit[],
	ctx: Omit<EditContext, 'expectedVersion' | 'operation'> & { operation?: Extract<RevisionOperation, 'update' | 'import' | 'rollback'> }
): WriteResult[] {
	const author = checkedAuthor(ctx.actor, ctx.reason);
	const ids = edits.map((e) => e.id);
	if (new Set(ids).size !== ids.length) throw new ValidationError([m.errors_batch_twice()]);
	return writeTransaction(db, (tx) => {
		const rows = new Map(liveEntityRows(tx, ids).map((r) => [r.id, r]));
		const places = territoryNameIndex(tx);
		const record = revisionInserter(tx);
		return edits.map((edit): WriteResult => {
			const row = rows.get(edit.id);
			if (!row) throw new NotFoundError(m.errors_no_listing_or_deleted({ id: edit.id }));
			assertVersion(tx, 'entity', row, edit.expectedVersion);
			const data = parseEntity({ ...entityFields(row), ...edit.patch }, m.errors_label_listing_slug({ slug: row.slug }));
			assertCommunesKnown([data], places);
			if (data.slug !== row.slug && slugTaken(tx, data.slug, row.id)) throw new ValidationError([m.errors_slug_taken({ slug: data.slug })]);
			if (sameValue(entityFields(row), data)) return { id: row.id, version: row.version, revisionId: null };
			if (!updateEntityRow(tx, row.id, row.version, changedColumns(row, { ...data, ...derivedColumns(data, places), deletedAt: null }))) {
				throw conflictError(tx, 'entity', row.id, row.version, row.version + 1);
			}
			const version = row.version + 1;
			const revisionId = record(revisionValues('entity', entitySnapshot({ id: row.id, ...data, version, deletedAt: null }), ctx.operation ?? 'update', author));
			return { id: row.id, version, revisionId };
		});
	});
}

export function updateRelation(db: Db, id: number, patch: Partial<RelationInput>, ctx: EditContext): WriteResult {
	return editContent(db, relationWriter, id, (row) => ({ ...relationFields(row), ...patch }), 'update', ctx);
}

/**
 * Hides an entity everywhere the public looks (directory, search, map, graph, portraits); its relations
 * stay as they are and disappear with it, because every public reading keeps only relations whose two
 * ends are visible. Restoring brings back both.
 */
export function deleteEntity(db: Db, id: number, ctx: StateContext): WriteResult {
	return setDeleted(db, entityWriter, id, true, ctx);
}

/**
 * Soft-deletes many entities in one go (undoing an import of thousands of rows): same result as
 * deleteEntity on each, one revision each, but one UPDATE per 500 rows instead of one per row.
 */
export function deleteEntities(db: Db, ids: number[], ctx: Omit<StateContext, 'expectedVersion'>): number {
	const author = checkedAuthor(ctx.actor, ctx.reason);
	return writeTransaction(db, (tx) => {
		const live = liveEntityRows(tx, ids);
		const deletedAt = nowIso();
		if (
			markEntitiesDeleted(
				tx,
				live.map((r) => r.id),
				deletedAt
			) !== live.length
		)
			throw new ValidationError([m.errors_delete_interrupted()]);
		const record = revisionInserter(tx);
		for (const r of live) record(revisionValues('entity', entitySnapshot({ ...r, version: r.version + 1, deletedAt }), 'delete', author));
		return live.length;
	});
}

export function restoreEntity(db: Db, id: number, ctx: StateContext): WriteResult {
	return setDeleted(db, entityWriter, id, false, ctx);
}

export function deleteRelation(db: Db, id: number, ctx: StateContext): WriteResult {
	return setDeleted(db, relationWriter, id, true, ctx);
}

export function restoreRelation(db: Db, id: number, ctx: StateContext): WriteResult {
	return setDeleted(db, relationWriter, id, false, ctx);
}

/**
 * Puts back the content of one of the entity's revisions, as a new revision (nothing is rewritten). The
 * old content is validated again: the vocabulary or the slugs in use may have changed since.
 */
export function rollbackEntity(db: Db, id: number, revisionId: number, ctx: EditContext): WriteResult {
	return editContent(db, entityWriter, id, (_row, tx) => snapshotOf(tx, 'entity', id, revisionId), 'rollback', rollbackContext(db, revisionId, ctx));
}

export function rollbackRelation(db: Db, id: number, revisionId: number, ctx: EditContext): WriteResult {
	return editContent(db, relationWriter, id, (_row, tx) => snapshotOf(tx, 'relation', id, revisionId), 'rollback', rollbackContext(db, revisionId, ctx));
}

/** Without a reason of its own, a rollback says which version it went back to. */
function rollbackContext(db: Db, revisionId: number, ctx: EditContext): EditContext {
	if (ctx.reason.trim()) return ctx;
	const version = revisionById(db, revisionId)?.version;
	return { ...ctx, reason: version ? `Retour à la version ${version}` : '' };
}
