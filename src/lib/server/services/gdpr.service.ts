/**
 * The two rights a person listed on the map can exercise (RGPD articles 15 and 17): getting everything
 * held about them, and having it removed for good — the row, their relations, the history of both, their
 * name and contact details wherever other records quote them, the search index, and every freed page of
 * the file. Command-line only (scripts/gdpr-*.ts): whoever runs them has the file, so no authorisation here.
 */
import type { Actor } from '$lib/history/revision';
import type { Db } from '../db';
import type { EntityRow, RevisionRow } from '../db/schema';
import { entityRow, entityRowBySlug } from '../repos/entity-write.repo';
import {
	accountsWithEmail,
	compactDatabaseFile,
	deleteEntityRow,
	deletePersonLinks,
	deleteRelationRows,
	articlesMentioning,
	entitiesMentioning,
	rewriteArticleText,
	rewriteStoryRevision,
	rewriteStoryStep,
	rewriteStoryText,
	storiesMentioning,
	storyRevisionsMentioning,
	storyStepsMentioning,
	entitySummaries,
	importJobsWithFiles,
	managerLinks,
	mergeSearchIndex,
	pendingChangesAbout,
	relationsMentioning,
	relationsTouching,
	revisionRowsOf,
	revisionsMentioning,
	rewriteDeletedEntityText,
	rewriteDeletedRelationText,
	rewriteImportJob,
	rewritePendingChange,
	rewriteRevisionText,
	slugRedirects
} from '../repos/gdpr.repo';
import { deleteRevisionsOf, withRevisionsUnlocked } from '../repos/revision.repo';
import { securityLog } from '../auth/security-log';
import { importFileText } from '../import/file-text';
import { scrubImportJob } from './gdpr-imports';
import { updateEntity, updateRelation } from './entity-write.service';
import { NotFoundError, ValidationError } from './errors';
import { m } from '$lib/paraglide/messages';

/** What replaces a quoted name, e-mail or phone in other records. */
export const ERASED = '[donnée effacée]';
const ERASER: Actor = { userId: null, label: 'effacement RGPD' };
const ERASE_REASON = 'Effacement de données personnelles (RGPD)';

/** The person named on the command line, by slug or numeric id; only persons carry personal data. */
export function findPerson(db: Db, reference: string): EntityRow {
	const ref = reference.trim();
	if (!ref) throw new ValidationError([m.errors_gdpr_ref_required()]);
	const row = /^\d+$/.test(ref) ? entityRow(db, Number(ref)) : entityRowBySlug(db, ref);
	if (!row) throw new NotFoundError(m.errors_gdpr_no_listing({ ref }));
	if (row.kind !== 'person') throw new ValidationError([m.errors_gdpr_not_person({ ref, kind: row.kind })]);
	return row;
}

/** A phone's ten national digits (0XXXXXXXXX), whatever way it was written; null when it is not a French number. */
function nationalDigits(phone: string): string | null {
	const digits = phone.replace(/\D/g, '');
	if (/^0\d{9}$/.test(digits)) return digits;
	if (/^330?\d{9}$/.test(digits)) return `0${digits.slice(-9)}`;
	return null;
}

/** The usual ways of writing a French number: « 0473123456 », « 04 73 12 34 56 », « 04.73… », « +33 4 73… », « +33473123456 ». */
function phoneForms(phone: string): string[] {
	const n = nationalDigits(phone);
	if (!n) return [];
	const pairs = n.match(/\d\d/g)!;
	const intl = `+33 ${n[1]} ${pairs.slice(1).join(' ')}`;
	return [n, pairs.join(' '), pairs.join('.'), pairs.join('-'), intl, intl.replace(/ /g, '')];
}

/** Matches the number with any separators, national or international (+33, 0033, +33 (0)). */
function phonePattern(phone: string): RegExp | null {
	const n = nationalDigits(phone);
	if (!n) return null;
	const rest = n.slice(1).split('').join('[\\s.\\-/]?');
	return new RegExp(`(?:(?:\\+|00)33[\\s.\\-]?(?:\\(0\\)[\\s.\\-]?)?|0)${rest}(?!\\d)`, 'g');
}

/**
 * The strings that identify the person in free text: name, e-mail, phone in its usual writings, the slug
 * (and former slugs: imports, links and reports quote them). Short ones would match everywhere.
 */
function identifyingStrings(person: EntityRow, oldSlugs: string[] = []): string[] {
	const all = [person.name, person.email, person.phone, ...(person.phone ? phoneForms(person.phone) : []), person.slug, ...oldSlugs];
	return [...new Set(all.filter((s): s is string => !!s && s.trim().length >= 4).map((s) => s.trim()))];
}

const escaped = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function identifyingPatterns(person: EntityRow, needles: string[]): RegExp[] {
	// Longest first, so that « Nom Prénom » goes whole before a shorter needle cuts into it.
	const literal = [...needles].sort((a, b) => b.length - a.length).map((n) => new RegExp(escaped(n), 'gi'));
	const phone = person.phone ? phonePattern(person.phone) : null;
	return phone ? [phone, ...literal] : literal;
}

const parseRevision = (r: RevisionRow) => ({ ...r, snapshot: JSON.parse(r.snapshot) as unknown });

export interface PersonExport {
	exportedAt: string;
	person: EntityRow;
	relations: (ReturnType<typeof relationsTouching>[number] & { otherEnd: ReturnType<typeof entitySummaries>[number] | null })[];
	revisions: { person: ReturnType<typeof parseRevision>[]; relations: ReturnType<typeof parseRevision>[]; mentions: ReturnType<typeof parseRevision>[] };
	/** Other actors and relations whose current text quotes the person. */
	mentionedIn: { entities: { id: number; slug: string; name: string }[]; relations: number[] };
	accounts: ReturnType<typeof accountsWithEmail>;
	managers: ReturnType<typeof managerLinks>;
	slugRedirects: ReturnType<typeof slugRedirects>;
	pendingChanges: ReturnType<typeof pendingChangesAbout>;
	/** Uploaded import files that name the person (the file itself, with its whole content). */
	importFiles: { id: number; fileName: string; createdAt: string; status: string; content: string }[];
}

/** Everything held about the person, private fields included (this goes to the person, not the public). */
export function exportPerson(db: Db, reference: string): PersonExport {
	const person = findPerson(db, reference);
	const rels = relationsTouching(db, person.id);
	const ends = new Map(
		entitySummaries(
			db,
			rels.map((r) => (r.sourceId === person.id ? r.targetId : r.sourceId))
		).map((e) => [e.id, e])
	);
	const own = revisionRowsOf(db, 'entity', [person.id]);
	const ofRelations = revisionRowsOf(
		db,
		'relation',
		rels.map((r) => r.id)
	);
	const known = new Set([...own, ...ofRelations].map((r) => r.id));
	const needles = identifyingStrings(
		person,
		slugRedirects(db, person.id).map((r) => r.oldSlug)
	);
	return {
		exportedAt: new Date().toISOString(),
		person,
		relations: rels.map((r) => ({ ...r, otherEnd: ends.get(r.sourceId === person.id ? r.targetId : r.sourceId) ?? null })),
		revisions: {
			person: own.map(parseRevision),
			relations: ofRelations.map(parseRevision),
			mentions: revisionsMentioning(db, needles)
				.filter((r) => !known.has(r.id))
				.map(parseRevision)
		},
		mentionedIn: {
			entities: entitiesMentioning(db, needles, person.id).map((e) => ({ id: e.id, slug: e.slug, name: e.name })),
			relations: relationsMentioning(db, needles)
				.filter((r) => !rels.some((own) => own.id === r.id))
				.map((r) => r.id)
		},
		accounts: person.email ? accountsWithEmail(db, person.email) : [],
		managers: managerLinks(db, person.id),
		slugRedirects: slugRedirects(db, person.id),
		pendingChanges: pendingChangesAbout(
			db,
			person.id,
			rels.map((r) => r.id),
			needles
		),
		importFiles: importFilesNaming(db, person.id, needles)
	};
}

export interface ErasureReport {
	entityId: number;
	relations: number;
	revisions: number;
	scrubbedRevisions: number;
	scrubbedRecords: number;
	/** Import jobs whose report (and geocodes) named the person, scrubbed; of their files, those rewritten or emptied. */
	importReports: number;
	importFiles: number;
	/** In French, counts only: « 2 rapports d'import et 1 fichier importé expurgés ». */
	summary: string;
	/** Sign-in accounts with the same e-mail: not actors, so left for an administrator to remove. */
	accounts: number;
	/** False when another process kept the file busy: the rows are gone, freed pages may still hold copies. */
	compacted: boolean;
}

/**
 * VACUUM and an emptied WAL, so no freed page keeps a copy of what was erased. Needs the file to itself
 * for a moment: a busy server makes it fail, and it can be run again on its own (`gdpr:erase -- --compact`).
 */
export function compactAfterErasure(db: Db): boolean {
	try {
		return compactDatabaseFile(db);
	} catch (e) {
		if (e instanceof Error && /busy|locked/i.test(e.message)) return false;
		throw e;
	}
}

/** Case-insensitive replacement of every needle in every string inside a JSON value, keys included (geocodes are keyed by the text sent). */
function scrub(value: unknown, patterns: RegExp[]): unknown {
	if (typeof value === 'string') return patterns.reduce((s, p) => s.replace(p, ERASED), value);
	if (Array.isArray(value)) return value.map((v) => scrub(v, patterns));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrub(k, patterns) as string, scrub(v, patterns)]));
	return value;
}

const scrubbed = <T extends Record<string, unknown>>(row: T, fields: (keyof T)[], patterns: RegExp[]): Partial<T> => {
	const patch: Partial<T> = {};
	for (const f of fields) {
		const next = scrub(row[f], patterns);
		if (next !== row[f]) patch[f] = next as T[keyof T];
	}
	return patch;
};

/**
 * Articles and récits (issue 20) that quote the person: their texts, a récit's steps (a view's address may carry
 * the person's slug; a frozen step keeps the answers that named them) and its history. Returns how many rows.
 */
function scrubPressAndStories(tx: Db, needles: string[], patterns: RegExp[]): number {
	let n = 0;
	for (const a of articlesMentioning(tx, needles)) {
		rewriteArticleText(tx, a.id, scrubbed(a, ['title', 'excerpt', 'bodyText', 'author'], patterns));
		n++;
	}
	for (const s of storiesMentioning(tx, needles)) {
		rewriteStoryText(tx, s.id, scrubbed(s, ['title', 'subtitle', 'author', 'intro'], patterns));
		n++;
	}
	for (const step of storyStepsMentioning(tx, needles)) {
		const patch = scrubbed(step, ['text', 'view'], patterns);
		// Kept answers are data, not prose: the frozen step loses them rather than keep a scrubbed copy.
		rewriteStoryStep(tx, step.id, { ...patch, ...(step.frozenData && patterns.some((p) => new RegExp(p).test(step.frozenData!)) ? { frozenData: null } : {}) });
		n++;
	}
	for (const rev of storyRevisionsMentioning(tx, needles)) {
		rewriteStoryRevision(tx, rev.id, {
			snapshot: JSON.stringify(scrub(JSON.parse(rev.snapshot), patterns)),
			reason: scrub(rev.reason, patterns) as string,
			authorLabel: scrub(rev.authorLabel, patterns) as string
		});
		n++;
	}
	return n;
}

function importFilesNaming(db: Db, personId: number, needles: string[]) {
	const lowered = needles.map((n) => n.toLowerCase());
	return importJobsWithFiles(db).flatMap((job) => {
		const content = importFileText(new Uint8Array(job.fileContent));
		const named = lowered.some((n) => content.toLowerCase().includes(n));
		const touched = job.changes?.createdEntityIds.includes(personId) || job.changes?.updatedEntities.some((u) => u.id === personId);
		return named || touched ? [{ id: job.id, fileName: job.fileName, createdAt: job.createdAt, status: job.status, content }] : [];
	});
}

/**
 * Import jobs that name the person (issue 17): their rows are blanked in the report (name, slug, note, raw
 * cells, problems; counts and the list of changes stay, so a committed import can still be undone), a CSV
 * file is rewritten with empty lines in their place, any other file loses its bytes. Reports and geocodes
 * are then scrubbed like revisions.
 */
function eraseFromImportJobs(db: Db, person: EntityRow, slugs: string[], patterns: RegExp[]): { reports: number; files: number } {
	const tester = patterns.map((p) => new RegExp(p.source, 'i'));
	const identifies = (text: string) => tester.some((p) => p.test(text));
	let reports = 0;
	let files = 0;
	for (const job of importJobsWithFiles(db)) {
		const created = job.changes?.createdEntityIds.includes(person.id) || job.changes?.updatedEntities.some((u) => u.id === person.id);
		const next = scrubImportJob(job, { slugs }, identifies, (v) => scrub(v, patterns), ERASED);
		if (!next && !created) continue;
		// A job that wrote the person but no longer shows them anywhere (a report cut at its row limit) keeps nothing of the file.
		const result = next ?? { fileContent: Buffer.alloc(0), fileSha256: '', report: job.report, geocodes: job.geocodes, file: 'purged' as const };
		if (created && result.file === 'kept' && job.fileContent.length > 0 && identifies(importFileText(new Uint8Array(job.fileContent))))
			Object.assign(result, { fileContent: Buffer.alloc(0), fileSha256: '', file: 'purged' });
		rewriteImportJob(db, job.id, { fileContent: result.fileContent, fileSha256: result.fileSha256, report: result.report, geocodes: result.geocodes });
		reports++;
		if (result.file !== 'kept' && job.fileContent.length > 0) files++;
	}
	return { reports, files };
}

/** « 2 rapports d'import et 1 fichier importé expurgés », for the log and the command line (counts only). */
export function importErasureSummary(reports: number, files: number): string {
	const r = `${reports} rapport${reports > 1 ? 's' : ''} d'import`;
	const f = `${files} fichier${files > 1 ? 's' : ''} importé${files > 1 ? 's' : ''}`;
	return `${r} et ${f} expurgé${reports + files > 1 ? 's' : ''}`;
}

/**
 * Removes the person for good, in one transaction: other actors and relations that quote them are edited
 * through the write path (a new, clean revision), then their own rows and history go, every remaining
 * revision that quotes them is rewritten, the search index is merged, and the file is vacuumed so no
 * freed page keeps a copy. The security log gets ids and counts only.
 */
export function erasePerson(db: Db, reference: string, by = 'cli'): ErasureReport {
	const person = findPerson(db, reference);
	const oldSlugs = slugRedirects(db, person.id).map((r) => r.oldSlug);
	const needles = identifyingStrings(person, oldSlugs);
	const patterns = identifyingPatterns(person, needles);
	// Freed pages are zeroed as they are freed, not only later by VACUUM: when a busy server keeps the
	// compaction below from running, no deleted row survives in a free page or in the WAL's frames.
	const secureDelete = db.$client.pragma('secure_delete', { simple: true }) as number;
	db.$client.pragma('secure_delete = ON');
	try {
		return eraseInTransaction(db, person, needles, patterns, [person.slug, ...oldSlugs], by);
	} finally {
		db.$client.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`);
	}
}

function eraseInTransaction(db: Db, person: EntityRow, needles: string[], patterns: RegExp[], slugs: string[], by: string): ErasureReport {
	const report = withRevisionsUnlocked(db, (tx) => {
		const own = relationsTouching(tx, person.id);
		const ownIds = own.map((r) => r.id);
		let scrubbedRecords = 0;
		for (const e of entitiesMentioning(tx, needles, person.id)) {
			const patch = scrubbed(e, ['name', 'summary', 'description', 'website', 'address', 'email', 'phone'], patterns);
			// A website that no longer parses as a URL once scrubbed is dropped rather than refused.
			if (patch.website !== undefined) patch.website = null;
			if (e.deletedAt) rewriteDeletedEntityText(tx, e.id, { ...patch, ...scrubbed(e, ['descriptionText', 'searchTerms'], patterns) });
			// Only text columns are in the patch, whatever the row type says about the others.
			else updateEntity(tx, e.id, patch as Parameters<typeof updateEntity>[2], { actor: ERASER, reason: ERASE_REASON, expectedVersion: e.version });
			scrubbedRecords++;
		}
		for (const r of relationsMentioning(tx, needles).filter((r) => !ownIds.includes(r.id))) {
			const patch = scrubbed(r, ['description', 'source'], patterns);
			if (r.deletedAt) rewriteDeletedRelationText(tx, r.id, patch);
			else updateRelation(tx, r.id, patch as Parameters<typeof updateRelation>[2], { actor: ERASER, reason: ERASE_REASON, expectedVersion: r.version });
			scrubbedRecords++;
		}
		const pending = pendingChangesAbout(tx, person.id, ownIds, needles);
		const aboutThem = pending.filter((p) => p.entityId === person.id || (p.relationId !== null && ownIds.includes(p.relationId)));
		deletePersonLinks(
			tx,
			person.id,
			aboutThem.map((p) => p.id)
		);
		for (const p of pending.filter((p) => !aboutThem.includes(p))) {
			rewritePendingChange(tx, p.id, {
				payload: scrub(p.payload, patterns) as Record<string, unknown>,
				authorLabel: scrub(p.authorLabel, patterns) as string,
				reviewComment: scrub(p.reviewComment, patterns) as string
			});
			scrubbedRecords++;
		}
		scrubbedRecords += scrubPressAndStories(tx, needles, patterns);
		const removedRevisions = deleteRevisionsOf(tx, 'relation', ownIds) + deleteRevisionsOf(tx, 'entity', [person.id]);
		const removedRelations = deleteRelationRows(tx, ownIds);
		deleteEntityRow(tx, person.id);
		let scrubbedRevisions = 0;
		for (const rev of revisionsMentioning(tx, needles)) {
			rewriteRevisionText(tx, rev.id, {
				snapshot: JSON.stringify(scrub(JSON.parse(rev.snapshot), patterns)),
				reason: scrub(rev.reason, patterns) as string,
				authorLabel: scrub(rev.authorLabel, patterns) as string
			});
			scrubbedRevisions++;
		}
		const imports = eraseFromImportJobs(tx, person, slugs, patterns);
		scrubbedRecords += imports.reports;
		mergeSearchIndex(tx);
		return {
			entityId: person.id,
			relations: removedRelations,
			revisions: removedRevisions,
			scrubbedRevisions,
			scrubbedRecords,
			importReports: imports.reports,
			importFiles: imports.files,
			summary: importErasureSummary(imports.reports, imports.files),
			accounts: person.email ? accountsWithEmail(tx, person.email).length : 0
		};
	});
	// Logged once committed, whatever the compaction does next: the erasure itself cannot be undone.
	securityLog('person.erased', {
		by,
		entityId: report.entityId,
		relations: report.relations,
		revisions: report.revisions,
		scrubbed: report.scrubbedRevisions + report.scrubbedRecords,
		importReports: report.importReports,
		importFiles: report.importFiles,
		summary: report.summary
	});
	return { ...report, compacted: compactAfterErasure(db) };
}
