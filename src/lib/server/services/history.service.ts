import { relationType } from '$lib/domain/vocabulary';
import { diffSnapshots, publicDiff, type SnapshotLike } from '$lib/history/diff';
import { displayChange, formatDateTime, type DisplayChange, type NameLookup } from '$lib/history/format';
import { relationLabelFor, relationWords, type RelationWords } from '$lib/domain/french';
import { operationLabels, type RevisionOperation } from '$lib/history/revision';
import { entitySnapshot } from '$lib/history/snapshot';
import type { Db } from '../db';
import type { EntityRow } from '../db/schema';
import { entityRow, entityRowBySlug } from '../repos/entity-write.repo';
import { entityNames, relationRevisionsTouching, revisionsOf, type RevisionRecord } from '../repos/revision.repo';
import { findTerritorySummaries } from '../repos/territory.repo';
import { NotFoundError } from './errors';
import { m } from '$lib/paraglide/messages';

export interface HistoryEntry {
	revisionId: number;
	version: number;
	operation: RevisionOperation;
	operationLabel: string;
	authorLabel: string;
	createdAt: string;
	/** createdAt in French, Paris time. */
	when: string;
	reason: string;
	/** The subject's first known revision: `changes` list its initial values rather than differences. */
	initial: boolean;
	/** What changed since the previous revision of the same subject (everything, for the first one). */
	changes: DisplayChange[];
	/** A private field (a person's contact) changed too; the public page says so without showing it. */
	privateChanged: boolean;
}

export interface RelationHistoryEntry extends HistoryEntry {
	relationId: number;
	/** The relation read from this actor's side, agreed with it: « incubée par », « a incubé ». */
	relationLabel: string;
	/** The relation as a sentence from this actor's side, as of this revision (French-phrasing module); null when the other actor is gone. */
	words: RelationWords | null;
	other: { id: number; slug: string; name: string } | null;
}

export interface EntityHistory {
	entity: { id: number; slug: string; name: string; version: number; deleted: boolean; published: boolean };
	/** The actor's own revisions, newest first, all of them. */
	entries: HistoryEntry[];
	/** Revisions of its relations, newest first, at most `relationLimit`. */
	relationEntries: RelationHistoryEntry[];
	relationTotal: number;
}

export interface HistoryOptions {
	/** Deleted and unpublished actors too (editors restoring them); public pages leave it false. */
	includeHidden?: boolean;
	/** Show private contact fields (editors); public pages leave it false. */
	includePrivate?: boolean;
	relationLimit?: number;
}

function findAny(db: Db, idOrSlug: string | number): EntityRow | undefined {
	if (typeof idOrSlug === 'number' || /^\d+$/.test(idOrSlug)) return entityRow(db, Number(idOrSlug));
	return entityRowBySlug(db, idOrSlug);
}

/** Each revision against the previous one of the same subject; `revisions` newest first. */
function withPrevious(revisions: RevisionRecord[]): [RevisionRecord, RevisionRecord | null][] {
	return revisions.map((r, i) => [r, revisions[i + 1] ?? null]);
}

function entryOf(revision: RevisionRecord, previous: RevisionRecord | null, current: SnapshotLike, names: NameLookup, includePrivate: boolean): HistoryEntry {
	const before = previous?.snapshot ?? null;
	const diff = includePrivate ? { changes: diffSnapshots(before, revision.snapshot), privateChanged: false } : publicDiff(before, revision.snapshot, current);
	return {
		revisionId: revision.id,
		version: revision.version,
		operation: revision.operation,
		operationLabel: operationLabels[revision.operation] ?? revision.operation,
		authorLabel: revision.authorLabel,
		createdAt: revision.createdAt,
		when: formatDateTime(revision.createdAt),
		reason: revision.reason,
		initial: previous === null,
		changes: diff.changes.map((c) => displayChange(c, names)),
		privateChanged: diff.privateChanged
	};
}

/**
 * An actor's history: its own revisions and those of its relations, newest first, each with who, when,
 * why and the field-by-field difference with the revision before. Hidden actors answer 404 unless
 * `includeHidden`; relations to hidden actors are left out of the public view, so a history never
 * names an actor the public pages hide.
 */
export function entityHistory(db: Db, idOrSlug: string | number, options: HistoryOptions = {}): EntityHistory {
	const { includeHidden = false, includePrivate = false, relationLimit = 100 } = options;
	const row = findAny(db, idOrSlug);
	const visible = row && row.deletedAt === null && row.status === 'published';
	if (!row || (!visible && !includeHidden)) throw new NotFoundError(m.errors_no_actor({ ref: idOrSlug }));
	const current: SnapshotLike = { ...entitySnapshot(row) };

	const own = revisionsOf(db, 'entity', row.id);
	const relationRevisions = relationRevisionsTouching(db, row.id);
	const otherId = (s: SnapshotLike) => (s.sourceId === row.id ? Number(s.targetId) : Number(s.sourceId));
	const mentioned = new Set<number>([row.id]);
	for (const r of relationRevisions) {
		mentioned.add(Number(r.snapshot.sourceId));
		mentioned.add(Number(r.snapshot.targetId));
	}
	const actors = entityNames(db, [...mentioned], !includeHidden);
	const communeCodes = [...new Set(own.map((r) => r.snapshot.communeCode).filter((c): c is string => typeof c === 'string'))];
	const communes = new Map(findTerritorySummaries(db, communeCodes).map((t) => [t.code, t.name]));
	const names: NameLookup = { commune: (code) => communes.get(code), entity: (id) => actors.get(id)?.name };

	const entries = withPrevious(own).map(([r, prev]) => entryOf(r, prev, current, names, includePrivate));

	const bySubject = new Map<number, RevisionRecord[]>();
	for (const r of relationRevisions) {
		const list = bySubject.get(r.subjectId);
		if (list) list.push(r);
		else bySubject.set(r.subjectId, [r]);
	}
	const relationEntries: RelationHistoryEntry[] = [];
	for (const list of bySubject.values()) {
		const newestFirst = list.sort((a, b) => b.version - a.version);
		const latest = newestFirst[0] as RevisionRecord;
		const other = actors.get(otherId(latest.snapshot));
		// The other end is hidden from the public: so is this relation's history.
		if (!other && !includeHidden) continue;
		for (const [r, prev] of withPrevious(newestFirst)) {
			const type = String(r.snapshot.type);
			const direction = r.snapshot.sourceId === row.id || relationType(type)?.symmetric ? 'out' : 'in';
			const date = (v: unknown) => (typeof v === 'string' && v ? v : null);
			const facts = { type, startDate: date(r.snapshot.startDate), endDate: date(r.snapshot.endDate) };
			relationEntries.push({
				...entryOf(r, prev, r.snapshot, names, includePrivate),
				relationId: r.subjectId,
				relationLabel: relationLabelFor(type, direction, row),
				words: other ? relationWords(facts, row, other, direction) : null,
				other: other ? { id: otherId(r.snapshot), slug: other.slug, name: other.name } : null
			});
		}
	}
	relationEntries.sort((a, b) => b.revisionId - a.revisionId);

	return {
		entity: { id: row.id, slug: row.slug, name: row.name, version: row.version, deleted: row.deletedAt !== null, published: row.status === 'published' },
		entries,
		relationEntries: relationEntries.slice(0, relationLimit),
		relationTotal: relationEntries.length
	};
}
