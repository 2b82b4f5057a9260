import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne, or, sql } from 'drizzle-orm';
import { openDb, type Db } from '../../src/lib/server/db/index';
import {
	articles,
	entities,
	entityManagers,
	importJobs,
	pendingChanges,
	relations,
	revisions,
	stories,
	storyRevisions,
	storySteps,
	users
} from '../../src/lib/server/db/schema';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { seedDemo } from '../../src/lib/server/seed/index';
import { deleteEntity, updateEntity, updateRelation } from '../../src/lib/server/services/entity-write.service';
import { ERASED, erasePerson, exportPerson } from '../../src/lib/server/services/gdpr.service';
import { commitImport, previewImport } from '../../src/lib/server/services/import.service';
import type { AccountUser } from '../../src/lib/server/services/users.service';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { NotFoundError, ValidationError } from '../../src/lib/server/services/errors';

const NAME = 'Zéphyrine Quatremare-Oustalet';
const EMAIL = 'zephyrine.quatremare@exemple-rgpd.fr';
const PHONE = '+33 6 98 76 54 32';
const editor = { userId: null, label: 'Test RGPD' };

let dir: string;
let path: string;
let db: Db;
let personId: number;
let personSlug: string;
let relationId: number;
let quotingOrgId: number;
let quotingReportId: number;
let articleId: number;
let deletedOrgId: number;
let importJobId: number;

/** Runs one of the npm scripts the way `npm run` does, against the test file. */
function run(script: string, ...args: string[]) {
	return spawnSync('node_modules/.bin/tsx', [`scripts/${script}.ts`, ...args], { env: { ...process.env, DATABASE_URL: path }, encoding: 'utf8' });
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'carto-gdpr-'));
	path = join(dir, 'gdpr.db');
	db = openDb(path);
	loadTerritories(db);
	seedDemo(db);
	const person = db
		.select({ id: entities.id, slug: entities.slug, version: entities.version })
		.from(entities)
		.where(and(eq(entities.kind, 'person'), sql`exists (select 1 from relations r where r.source_id = ${entities.id} or r.target_id = ${entities.id})`))
		.limit(1)
		.get()!;
	personId = person.id;
	personSlug = person.slug;
	// Several revisions carry the personal data, as real edits would.
	let v = updateEntity(
		db,
		personId,
		{ name: NAME, email: EMAIL, phone: PHONE, contactPublic: false },
		{ actor: editor, reason: 'Coordonnées', expectedVersion: person.version }
	).version;
	v = updateEntity(db, personId, { summary: `${NAME} accompagne les projets agricoles.` }, { actor: editor, reason: '', expectedVersion: v }).version;
	updateEntity(db, personId, { phone: PHONE, summary: 'Mentor.' }, { actor: editor, reason: `Correction demandée par ${NAME}`, expectedVersion: v });
	const rel = db
		.select()
		.from(relations)
		.where(or(eq(relations.sourceId, personId), eq(relations.targetId, personId)))
		.limit(1)
		.get()!;
	relationId = rel.id;
	updateRelation(db, rel.id, { description: `Selon ${NAME} (${EMAIL})` }, { actor: editor, reason: '', expectedVersion: rel.version });
	// Another actor's portrait quotes the person: the quote must go, the actor must stay.
	const org = db
		.select()
		.from(entities)
		.where(and(eq(entities.kind, 'organisation'), ne(entities.id, personId)))
		.limit(1)
		.get()!;
	quotingOrgId = org.id;
	updateEntity(db, org.id, { description: `Cofondée avec **${NAME}**, joignable au ${PHONE}.` }, { actor: editor, reason: '', expectedVersion: org.version });
	// A deleted actor quoting them too: the write path refuses to edit it, the erasure must not stop there.
	const gone = db
		.select()
		.from(entities)
		.where(and(eq(entities.kind, 'organisation'), ne(entities.id, org.id)))
		.limit(1)
		.get()!;
	deletedOrgId = gone.id;
	const v2 = updateEntity(db, gone.id, { summary: `Ancienne associée : ${NAME}` }, { actor: editor, reason: '', expectedVersion: gone.version }).version;
	deleteEntity(db, gone.id, { actor: editor, reason: '', expectedVersion: v2 });
	// The contribution tables: the person manages their listing, a change about them waits, a report about the org quotes them.
	const userId = db.insert(users).values({ email: 'gestion@exemple-rgpd.fr', displayName: 'Gestionnaire', role: 'partner' }).returning().get().id;
	db.insert(entityManagers).values({ entityId: personId, userId }).run();
	db.insert(pendingChanges)
		.values({ kind: 'entity_update', entityId: personId, payload: { phone: PHONE }, baseVersion: 4, authorUserId: userId, authorLabel: 'Gestionnaire' })
		.run();
	// Issue 20: an article that quotes the person, and a récit that names her (text, a view with her slug, its history).
	articleId = db
		.insert(articles)
		.values({ url: 'https://le-connecteur.example/rgpd', title: `Rencontre avec ${NAME}`, excerpt: `${NAME} raconte.`, bodyText: `Joindre ${EMAIL}.` })
		.returning()
		.get().id;
	const storyId = db
		.insert(stories)
		.values({ slug: 'recit-rgpd', title: 'Un récit', intro: `Avec ${NAME}.` })
		.returning()
		.get().id;
	db.insert(storySteps)
		.values({ storyId, position: 0, text: `${NAME} au travail.`, view: `/acteurs/${personSlug}` })
		.run();
	db.insert(storyRevisions)
		.values({ storyId, version: 1, snapshot: JSON.stringify({ intro: `Avec ${NAME}.` }), authorLabel: 'Rédaction' })
		.run();
	quotingReportId = db
		.insert(pendingChanges)
		.values({ kind: 'report', entityId: org.id, payload: { message: `Écrire à ${EMAIL}`, correction: '', email: EMAIL }, authorLabel: 'visiteur' })
		.returning()
		.get().id;
	// An uploaded spreadsheet (Windows-1252, as Excel writes it) that lists the person, and its report.
	importJobId = db
		.insert(importJobs)
		.values({
			fileName: 'mentors.csv',
			format: 'csv',
			fileSha256: 'x',
			fileContent: Buffer.from(`nom;email;telephone\r\n${NAME};${EMAIL};${PHONE}\r\n`, 'latin1'),
			settings: { strict: true },
			report: { rows: [{ row: 2, action: 'create', name: NAME }] },
			authorLabel: 'Test RGPD'
		})
		.returning()
		.get().id;
});

afterAll(() => {
	db?.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

/** Every byte of the database as it sits on disk, write-ahead log included. */
function fileBytes(): Buffer {
	const wal = `${path}-wal`;
	return Buffer.concat([readFileSync(path), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)]);
}

const secrets = [NAME, EMAIL, PHONE, 'Quatremare', 'quatremare', 'zephyrine', 'Zéphyrine'];

describe('RGPD : export puis effacement d’une personne', () => {
	it('exports everything held about the person, private fields included', () => {
		const data = exportPerson(db, personSlug);
		const text = JSON.stringify(data);
		expect(data.person).toMatchObject({ id: personId, name: NAME, email: EMAIL, phone: PHONE, contactPublic: false });
		expect(data.relations.map((r) => r.id)).toContain(relationId);
		expect(data.relations.every((r) => r.otherEnd !== null)).toBe(true);
		expect(data.revisions.person.length).toBeGreaterThanOrEqual(4);
		expect(data.revisions.relations.some((r) => r.subjectId === relationId && JSON.stringify(r.snapshot).includes(EMAIL))).toBe(true);
		expect(data.mentionedIn.entities.map((e) => e.id)).toContain(quotingOrgId);
		expect(data.revisions.mentions.some((r) => r.subjectId === quotingOrgId)).toBe(true);
		expect(data.managers).toHaveLength(1);
		expect(data.pendingChanges.map((p) => p.kind).sort()).toEqual(['entity_update', 'report']);
		expect(data.importFiles).toEqual([expect.objectContaining({ id: importJobId, fileName: 'mentors.csv' })]);
		expect(data.importFiles[0]!.content).toContain(NAME);
		for (const s of [NAME, EMAIL, PHONE]) expect(text).toContain(s);
		expect(exportPerson(db, String(personId)).person.slug).toBe(personSlug);
	});

	it('refuses unknown references and non-persons with French errors', () => {
		expect(() => exportPerson(db, 'personne-inexistante')).toThrow(NotFoundError);
		expect(() => exportPerson(db, String(quotingOrgId))).toThrow(ValidationError);
		expect(() => exportPerson(db, String(quotingOrgId))).toThrow(/n'est pas une personne/);
	});

	it('the command-line export prints JSON, and exits 2 on bad input', () => {
		const ok = run('gdpr-export', '--', personSlug);
		expect(ok.status, ok.stderr).toBe(0);
		expect((JSON.parse(ok.stdout) as { person: { email: string } }).person.email).toBe(EMAIL);
		const missing = run('gdpr-export');
		expect(missing.status).toBe(2);
		expect(missing.stderr).toContain('Usage');
		const unknown = run('gdpr-export', 'fiche-qui-n-existe-pas');
		expect(unknown.status).toBe(2);
		expect(unknown.stderr).toContain('Aucune fiche');
	});

	it('the data is in the file before erasure (so the check below can fail)', () => {
		db.$client.pragma('wal_checkpoint(TRUNCATE)');
		const bytes = fileBytes();
		expect(bytes.includes(NAME)).toBe(true);
		expect(bytes.includes(EMAIL)).toBe(true);
		expect(bytes.includes(Buffer.from(NAME, 'latin1'))).toBe(true);
	});

	it('erase asks for --yes, and refuses bad input with exit code 2', () => {
		const unsure = run('gdpr-erase', personSlug);
		expect(unsure.status).toBe(2);
		expect(unsure.stderr).toContain('--yes');
		expect(db.select().from(entities).where(eq(entities.id, personId)).get()).toBeDefined();
		expect(run('gdpr-erase', '--yes').status).toBe(2);
		expect(run('gdpr-erase', String(quotingOrgId), '--yes').status).toBe(2);
	});

	it('erases the person, their relations and history, and nothing remains in the database file', () => {
		db.$client.close();
		const done = run('gdpr-erase', '--', personSlug, '--yes');
		expect(done.status, done.stderr).toBe(0);
		expect(done.stderr).toContain('effacée');

		// One structured security line, with ids and counts only.
		const lines = done.stdout.split('\n').filter((l) => l.startsWith('{'));
		const events = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
		expect(events).toEqual([expect.objectContaining({ type: 'security', event: 'person.erased', entityId: personId, by: 'cli' })]);
		for (const s of [NAME, EMAIL, PHONE, personSlug, 'Quatremare']) expect(done.stdout).not.toContain(s);

		const bytes = fileBytes();
		expect(bytes.length).toBeGreaterThan(0);
		for (const s of secrets) expect(bytes.includes(Buffer.from(s, 'utf8')), s).toBe(false);
		expect(bytes.includes(Buffer.from(NAME, 'latin1')), 'nom en Windows-1252').toBe(false);

		db = openDb(path);
		expect(db.select().from(entities).where(eq(entities.id, personId)).get()).toBeUndefined();
		expect(
			db
				.select()
				.from(relations)
				.where(or(eq(relations.sourceId, personId), eq(relations.targetId, personId)))
				.all()
		).toEqual([]);
		expect(
			db
				.select()
				.from(revisions)
				.where(and(eq(revisions.subjectKind, 'entity'), eq(revisions.subjectId, personId)))
				.all()
		).toEqual([]);
		expect(
			db
				.select()
				.from(revisions)
				.where(and(eq(revisions.subjectKind, 'relation'), eq(revisions.subjectId, relationId)))
				.all()
		).toEqual([]);
		// The actor that quoted the person stays, with the quote replaced, and its history says why.
		const org = db.select().from(entities).where(eq(entities.id, quotingOrgId)).get()!;
		expect(org.description).toContain(ERASED);
		const orgRevisions = db
			.select()
			.from(revisions)
			.where(and(eq(revisions.subjectKind, 'entity'), eq(revisions.subjectId, quotingOrgId)))
			.all();
		expect(orgRevisions.at(-1)?.authorLabel).toBe('effacement RGPD');
		expect(orgRevisions.some((r) => r.snapshot.includes(ERASED))).toBe(true);
		// The uploaded CSV that listed them keeps its header and loses their row; the job and its report (scrubbed) stay.
		const job = db.select().from(importJobs).where(eq(importJobs.id, importJobId)).get()!;
		expect(job.fileContent.toString('utf8')).toBe('nom;email;telephone\r\n\r\n');
		expect(job.report).toEqual({ rows: [{ row: 2, action: 'create', name: ERASED }], gdprFile: expect.stringContaining('RGPD') });
		const deletedOrg = db.select().from(entities).where(eq(entities.id, deletedOrgId)).get()!;
		expect(deletedOrg.summary).toBe(`Ancienne associée : ${ERASED}`);
		expect(deletedOrg.deletedAt).not.toBeNull();
		// Contribution records: links and changes about the person go, a report elsewhere loses the quote.
		expect(db.select().from(entityManagers).where(eq(entityManagers.entityId, personId)).all()).toEqual([]);
		expect(db.select().from(pendingChanges).where(eq(pendingChanges.entityId, personId)).all()).toEqual([]);
		const report = db.select().from(pendingChanges).where(eq(pendingChanges.id, quotingReportId)).get()!;
		expect(report.payload).toEqual({ message: `Écrire à ${ERASED}`, correction: '', email: ERASED });
		// The press and the récits keep their texts, the person replaced.
		expect(db.select().from(articles).where(eq(articles.id, articleId)).get()).toMatchObject({
			title: `Rencontre avec ${ERASED}`,
			bodyText: `Joindre ${ERASED}.`
		});
		expect(db.select({ text: storySteps.text }).from(storySteps).all()).toContainEqual({ text: `${ERASED} au travail.` });
		// The history is locked again once the erasure is over.
		expect(() => db.delete(revisions).where(eq(revisions.subjectId, quotingOrgId)).run()).toThrow(/append-only/);
		// The full-text index no longer finds the person.
		const hits = db.all<{ n: number }>(sql`select count(*) as n from entities_fts where entities_fts match 'quatremare'`);
		expect(hits[0]?.n).toBe(0);
		db.$client.close();
		// Compaction on its own, for when a busy server kept the first one from finishing.
		const compact = run('gdpr-erase', '--', '--compact');
		expect(compact.status, compact.stderr).toBe(0);
		expect(compact.stderr).toContain('Base compactée');
		db = openDb(path);
	});
});

describe('RGPD : effacement d’une personne venue d’un import (issue 17)', () => {
	const FULL = 'Aldegonde Fenouillet-Brassac';
	const SURNAME = 'Fenouillet';
	const MAIL = 'aldegonde.fenouillet@exemple-rgpd.fr';
	const importer: AccountUser = { id: 7, email: 'editrice@example.org', displayName: 'Éditrice', role: 'editor' };
	let t: ReturnType<typeof freshDb>;
	beforeAll(() => {
		t = freshDb();
		insertSmallTerritories(t.db);
	});
	afterAll(() => t.close());

	/** Both files as they sit on disk, read before anything checkpoints them. */
	const onDisk = () => ({ main: readFileSync(t.path), wal: existsSync(`${t.path}-wal`) ? readFileSync(`${t.path}-wal`) : Buffer.alloc(0) });
	function leftovers(needles: string[]): string[] {
		const { main, wal } = onDisk();
		const found: string[] = [];
		for (const [file, bytes] of [
			['db', main],
			['wal', wal]
		] as const)
			for (const n of needles)
				for (const enc of ['utf8', 'utf16le'] as const)
					for (const form of new Set([n, n.toLowerCase(), n.toUpperCase()])) if (bytes.includes(Buffer.from(form, enc))) found.push(`${file}:${enc}:${form}`);
		return found;
	}

	it('scrubs the import report, the stored file and every page of the .db and -wal files', async () => {
		const csv = [
			"Nom;Type d'acteur;Catégorie;Commune;Résumé;Téléphone;E-mail",
			`${FULL};personne;mentor;Aurillac;Mme ${SURNAME}, au 04 73 12 34 56;0473123456;${MAIL}`,
			'Barthélémy Autre;personne;mentor;Aurillac;Un autre mentor;;'
		].join('\r\n');
		const { job, plan } = await previewImport(t.db, importer, { name: 'mentors.csv', bytes: new TextEncoder().encode(csv) }, { strict: false });
		expect(plan.rows.find((r) => r.row === 2)).toMatchObject({ action: 'create', name: FULL });
		const { changes } = await commitImport(t.db, importer, job.id);
		expect(changes.createdEntityIds).toHaveLength(2);
		const person = t.db.select().from(entities).where(eq(entities.name, FULL)).get()!;
		expect(person).toMatchObject({ kind: 'person', email: MAIL });
		const slug = person.slug;
		expect(slug).toContain('fenouillet');
		const needles = [FULL, SURNAME, '04 73 12 34 56', '0473123456', '+33 4 73 12 34 56', '+33473123456', MAIL, slug, person.phone!];
		// The test can fail: the person is in the file before the erasure.
		expect(leftovers([FULL, MAIL]).length).toBeGreaterThan(0);

		const erased = erasePerson(t.db, slug);
		expect(erased).toMatchObject({ entityId: person.id, importReports: 1, importFiles: 1, summary: "1 rapport d'import et 1 fichier importé expurgés" });
		expect(leftovers(needles), 'avant tout checkpoint').toEqual([]);
		t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
		expect(leftovers(needles), 'après checkpoint').toEqual([]);

		// The job stays (its counts, the other row, its undo list); the report's row for the person is blanked.
		const stored = t.db.select().from(importJobs).where(eq(importJobs.id, job.id)).get()!;
		expect(stored.status).toBe('committed');
		expect(stored.counts).toMatchObject({ create: 2 });
		const rows = (stored.report as { rows: { row: number; name: string }[] }).rows;
		expect(rows.map((r) => r.row)).toEqual([2, 3]);
		expect(rows[0]!.name).toBe(ERASED);
		expect(rows[1]!.name).toBe('Barthélémy Autre');
		const file = new TextDecoder().decode(stored.fileContent);
		expect(file).toContain('Barthélémy Autre');
		expect(file).not.toContain(SURNAME);
		expect(t.db.select().from(entities).where(eq(entities.name, 'Barthélémy Autre')).get()).toBeDefined();
		const hits = t.db.all<{ n: number }>(sql`select count(*) as n from entities_fts where entities_fts match 'fenouillet'`);
		expect(hits[0]?.n).toBe(0);

		t.db.$client.close();
		expect(leftovers(needles), 'après fermeture').toEqual([]);
	});
});
