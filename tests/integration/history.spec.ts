import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { openDb, type Db } from '../../src/lib/server/db/index';
import { entities, entityManagers, meta, relations, revisions } from '../../src/lib/server/db/schema';
import { insertUser } from '../../src/lib/server/repos/user.repo';
import { insertManager } from '../../src/lib/server/repos/contribution.repo';
import {
	createEntities,
	createEntity,
	createRelations,
	deleteEntity,
	deleteRelation,
	restoreEntity,
	restoreRelation,
	rollbackEntity,
	rollbackRelation,
	updateEntity,
	updateRelation
} from '../../src/lib/server/services/entity-write.service';
import { entityHistory } from '../../src/lib/server/services/history.service';
import { listDirectory, parseDirectoryQuery } from '../../src/lib/server/services/directory.service';
import { search } from '../../src/lib/server/services/search.service';
import { graphView } from '../../src/lib/server/services/graph.service';
import { mapPoints } from '../../src/lib/server/services/map.service';
import { getPortrait } from '../../src/lib/server/services/entity.service';
import { parseParams } from '../../src/lib/server/services/params';
import { ConflictError, NotFoundError, ValidationError } from '../../src/lib/server/services/errors';
import { deleteRevisionsOf, withRevisionsUnlocked } from '../../src/lib/server/repos/revision.repo';
import { graphRevision } from '../../src/lib/server/repos/graph.repo';
import { clearEcosystem, seedDemo } from '../../src/lib/server/seed/index';
import { entityFiltersSchema } from '../../src/lib/domain/filters';
import { entitySnapshot, relationSnapshot } from '../../src/lib/history/snapshot';
import type { Actor } from '../../src/lib/history/revision';

const marie: Actor = { userId: null, label: 'Marie Éditrice' };
const paul: Actor = { userId: 42, label: 'Paul Contributeur' };

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let incub: number;
let volcabio: number;
let camille: number;
let hostedBy: number;
let incubatedBy: number;

beforeEach(() => {
	ctx = freshDb();
	db = ctx.db;
	insertSmallTerritories(db);
	[incub, volcabio, camille] = createEntities(
		db,
		[
			{
				slug: 'incubateur-des-domes',
				kind: 'organisation',
				category: 'incubator',
				name: 'Incubateur des Dômes',
				summary: 'Accompagne les startups de santé',
				communeCode: '63113',
				sectors: ['health'],
				stages: ['emergence'],
				offers: ['mentoring'],
				lon: 3.1,
				lat: 45.78,
				coordPrecision: 'commune'
			},
			{
				slug: 'volcabio',
				kind: 'organisation',
				category: 'startup',
				name: 'Volcabio',
				summary: 'Biotech des volcans',
				description: 'Des **levures** volcaniques.',
				communeCode: '63113',
				sectors: ['health'],
				foundedYear: 2019,
				lon: 3.09,
				lat: 45.77,
				coordPrecision: 'address',
				address: '1 rue des Gras'
			},
			{
				slug: 'camille-fictive',
				kind: 'person',
				category: 'entrepreneur',
				name: 'Camille Fictive',
				email: 'camille@example.org',
				phone: '04 00 00 11 22',
				contactPublic: false,
				communeCode: '15014',
				lon: 2.44,
				lat: 44.93,
				coordPrecision: 'commune'
			}
		],
		{ actor: marie, reason: 'Saisie initiale' }
	) as [number, number, number];
	[hostedBy, incubatedBy] = createRelations(
		db,
		[
			{ type: 'founded', sourceId: camille, targetId: volcabio, startDate: '2019', source: 'test' },
			{ type: 'incubated_by', sourceId: volcabio, targetId: incub, startDate: '2020-01', confirmation: 'confirmed' }
		],
		{ actor: marie, reason: 'Saisie initiale' }
	) as [number, number];
});
afterEach(() => ctx.close());

const row = (id: number) => db.select().from(entities).where(eq(entities.id, id)).get()!;
const relationRowOf = (id: number) => db.select().from(relations).where(eq(relations.id, id)).get()!;
const revisionsOf = (kind: 'entity' | 'relation', id: number) =>
	db
		.select()
		.from(revisions)
		.where(eq(revisions.subjectId, id))
		.all()
		.filter((r) => r.subjectKind === kind)
		.sort((a, b) => a.version - b.version);
const snapshotOf = (r: { snapshot: string }) => JSON.parse(r.snapshot) as Record<string, unknown>;
const allRevisions = () => db.select().from(revisions).orderBy(revisions.id).all();
const edit = (expectedVersion: number, actor: Actor = marie, reason = 'Correction') => ({ expectedVersion, actor, reason });

describe('every write leaves exactly one revision with the whole subject', () => {
	it('creation: one revision per entity and relation, with author, reason and a snapshot equal to the row', () => {
		for (const id of [incub, volcabio, camille]) {
			const list = revisionsOf('entity', id);
			expect(list).toHaveLength(1);
			expect(list[0]).toMatchObject({ operation: 'create', version: 1, authorLabel: 'Marie Éditrice', authorUserId: null, reason: 'Saisie initiale' });
			expect(snapshotOf(list[0]!)).toEqual(entitySnapshot(row(id)));
		}
		const rel = revisionsOf('relation', incubatedBy);
		expect(rel).toHaveLength(1);
		expect(snapshotOf(rel[0]!)).toEqual(relationSnapshot(relationRowOf(incubatedBy)));
		// Derived columns are not stored: they follow from the rest.
		expect(snapshotOf(rel[0]!)).not.toHaveProperty('searchTerms');
	});

	it('creation without a context is written by « système »; an import says so', () => {
		const id = createEntity(db, { slug: 'sans-auteur', kind: 'organisation', category: 'company', name: 'Sans Auteur' });
		expect(revisionsOf('entity', id)[0]).toMatchObject({ authorLabel: 'système', authorUserId: null, reason: '', operation: 'create' });
		const [imported] = createEntities(db, [{ slug: 'importee', kind: 'organisation', category: 'company', name: 'Importée' }], {
			actor: paul,
			reason: 'fichier.csv',
			operation: 'import'
		});
		expect(revisionsOf('entity', imported!)[0]).toMatchObject({ operation: 'import', authorUserId: 42, reason: 'fichier.csv' });
	});

	it('update: bumps the version, recomputes derived fields, stores the merged snapshot', () => {
		const graphBefore = graphRevision(db);
		const result = updateEntity(
			db,
			volcabio,
			{ name: 'Volcabio Santé', description: 'Des *levures* et des **enzymes**.', sectors: ['health', 'agrifood'] },
			edit(1, paul, 'Nouveau nom')
		);
		expect(result).toMatchObject({ id: volcabio, version: 2 });
		const after = row(volcabio);
		expect(after.version).toBe(2);
		expect(after.descriptionText).toBe('Des levures et des enzymes.');
		expect(after.searchTerms).toMatch(/Agroalimentaire/);
		expect(after.summary).toBe('Biotech des volcans');
		expect(graphRevision(db)).toBeGreaterThan(graphBefore);
		const list = revisionsOf('entity', volcabio);
		expect(list).toHaveLength(2);
		expect(list[1]).toMatchObject({
			id: result.revisionId,
			operation: 'update',
			version: 2,
			authorLabel: 'Paul Contributeur',
			authorUserId: 42,
			reason: 'Nouveau nom'
		});
		expect(snapshotOf(list[1]!)).toEqual(entitySnapshot(after));
		expect(search(db, 'enzymes').hits.map((h) => h.id)).toEqual([volcabio]);
	});

	it('a text edit leaves the graph revision alone (only changed columns are written)', () => {
		const before = graphRevision(db);
		updateEntity(db, volcabio, { description: 'Autre texte', summary: 'Autre résumé' }, edit(1));
		expect(graphRevision(db)).toBe(before);
		expect(search(db, 'autre texte').hits.map((h) => h.id)).toEqual([volcabio]);
		updateEntity(db, volcabio, { lat: 45.771 }, edit(2));
		expect(graphRevision(db)).toBe(before + 1);
	});

	it('a save identical to what is stored writes nothing', () => {
		const before = allRevisions();
		expect(updateEntity(db, volcabio, { name: 'Volcabio', sectors: ['health'] }, edit(1))).toEqual({ id: volcabio, version: 1, revisionId: null });
		expect(allRevisions()).toEqual(before);
		expect(row(volcabio).version).toBe(1);
	});

	it('relations: update, delete and restore each leave one revision', () => {
		updateRelation(db, incubatedBy, { endDate: '2021', description: 'Promotion 2020' }, edit(1));
		deleteRelation(db, incubatedBy, { actor: marie, reason: 'Doublon', expectedVersion: 2 });
		restoreRelation(db, incubatedBy, { actor: marie, reason: 'Pas un doublon' });
		const list = revisionsOf('relation', incubatedBy);
		expect(list.map((r) => [r.operation, r.version])).toEqual([
			['create', 1],
			['update', 2],
			['delete', 3],
			['restore', 4]
		]);
		expect(snapshotOf(list[1]!)).toMatchObject({ endDate: '2021', description: 'Promotion 2020', deletedAt: null });
		expect(snapshotOf(list[2]!).deletedAt).toEqual(expect.any(String));
		expect(snapshotOf(list[3]!)).toEqual(relationSnapshot(relationRowOf(incubatedBy)));
	});
});

describe('a stale save', () => {
	it('throws a ConflictError naming who changed what and when, and writes nothing', () => {
		updateEntity(db, volcabio, { name: 'Volcabio Santé', summary: 'Levures des volcans' }, edit(1, paul, 'Renommage'));
		const rowBefore = row(volcabio);
		const revisionsBefore = allRevisions();
		let error: unknown;
		try {
			updateEntity(db, volcabio, { foundedYear: 2018 }, edit(1, marie));
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ConflictError);
		const conflict = error as ConflictError;
		expect(conflict.expectedVersion).toBe(1);
		expect(conflict.currentVersion).toBe(2);
		expect(conflict.other).toMatchObject({
			authorLabel: 'Paul Contributeur',
			authors: ['Paul Contributeur'],
			version: 2,
			reason: 'Renommage',
			operation: 'update'
		});
		expect(conflict.other?.changes.map((c) => [c.field, c.before, c.after])).toEqual([
			['name', 'Volcabio', 'Volcabio Santé'],
			['summary', 'Biotech des volcans', 'Levures des volcans']
		]);
		expect(conflict.message).toMatch(/modifiée par Paul Contributeur le \d{1,2} \S+ \d{4}/);
		expect(conflict.message).toMatch(/nom, résumé/);
		expect(conflict.message).toMatch(/Rien n'a été enregistré/);
		expect(row(volcabio)).toEqual(rowBefore);
		expect(allRevisions()).toEqual(revisionsBefore);
	});

	it('is caught across connections too: another process saved in between', () => {
		const other = openDb(ctx.path);
		try {
			const seen = row(camille).version;
			updateEntity(other, camille, { summary: 'Écrit par un autre serveur' }, edit(seen, paul));
			expect(() => updateEntity(db, camille, { summary: 'Mon résumé' }, edit(seen, marie))).toThrow(ConflictError);
			expect(row(camille).summary).toBe('Écrit par un autre serveur');
		} finally {
			other.$client.close();
		}
	});

	it('delete and rollback check the version as well', () => {
		updateEntity(db, incub, { summary: 'v2' }, edit(1));
		expect(() => deleteEntity(db, incub, { actor: marie, reason: 'x', expectedVersion: 1 })).toThrow(ConflictError);
		const first = revisionsOf('entity', incub)[0]!;
		expect(() => rollbackEntity(db, incub, first.id, edit(1))).toThrow(ConflictError);
		expect(row(incub)).toMatchObject({ version: 2, summary: 'v2', deletedAt: null });
		expect(revisionsOf('entity', incub)).toHaveLength(2);
	});
});

describe('validation errors write nothing', () => {
	it('on update: bad values, unknown commune, a slug already taken, a deleted entity', () => {
		const rowBefore = row(volcabio);
		const revisionsBefore = allRevisions();
		expect(() => updateEntity(db, volcabio, { website: 'ftp://x' }, edit(1))).toThrow(/adresse web invalide/);
		expect(() => updateEntity(db, volcabio, { category: 'fablab' }, edit(1))).toThrow(/catégorie/);
		expect(() => updateEntity(db, volcabio, { communeCode: '99999' }, edit(1))).toThrow(/commune 99999 inconnue/);
		expect(() => updateEntity(db, volcabio, { slug: 'camille-fictive' }, edit(1))).toThrow(/déjà pris/);
		expect(() => updateEntity(db, volcabio, { name: 'x' }, edit(1, { userId: null, label: '  ' }))).toThrow(/auteur/);
		expect(() => updateEntity(db, 99_999, { name: 'x' }, edit(1))).toThrow(NotFoundError);
		expect(() => updateRelation(db, incubatedBy, { targetId: 99_999 }, edit(1))).toThrow(/introuvable/);
		expect(row(volcabio)).toEqual(rowBefore);
		expect(allRevisions()).toEqual(revisionsBefore);
	});

	it('on creation: a bad item in a batch writes no entity and no revision', () => {
		const count = allRevisions().length;
		expect(() =>
			createEntities(db, [
				{ slug: 'valide', kind: 'organisation', category: 'company', name: 'Valide' },
				{ slug: 'invalide', kind: 'organisation', category: 'company', name: '' }
			])
		).toThrow(ValidationError);
		expect(db.select().from(entities).where(eq(entities.slug, 'valide')).get()).toBeUndefined();
		expect(allRevisions()).toHaveLength(count);
	});
});

describe('rollback', () => {
	it('restores an old snapshot as a new revision, nothing rewritten', () => {
		const v1 = revisionsOf('entity', volcabio)[0]!;
		updateEntity(db, volcabio, { name: 'Volcabio Santé', offers: ['funding'] }, edit(1));
		updateEntity(db, volcabio, { summary: 'Autre chose', foundedYear: 2020 }, edit(2));
		const before = allRevisions();
		const result = rollbackEntity(db, volcabio, v1.id, edit(3, paul, ''));
		expect(result.version).toBe(4);
		const list = revisionsOf('entity', volcabio);
		expect(list.map((r) => r.operation)).toEqual(['create', 'update', 'update', 'rollback']);
		expect(list[3]).toMatchObject({ reason: 'Retour à la version 1', authorLabel: 'Paul Contributeur' });
		// Older revisions are untouched.
		expect(allRevisions().slice(0, before.length)).toEqual(before);
		const restored = row(volcabio);
		expect({ ...entitySnapshot(restored), version: 1 }).toEqual(snapshotOf(v1));
		expect(snapshotOf(list[3]!)).toEqual(entitySnapshot(restored));
		expect(restored.searchTerms).not.toMatch(/Financement/i);
	});

	it('refuses a revision of another subject; relations roll back too', () => {
		const other = revisionsOf('entity', incub)[0]!;
		expect(() => rollbackEntity(db, volcabio, other.id, edit(1))).toThrow(NotFoundError);
		const first = revisionsOf('relation', incubatedBy)[0]!;
		updateRelation(db, incubatedBy, { confirmation: 'disputed' }, edit(1));
		rollbackRelation(db, incubatedBy, first.id, edit(2));
		expect(relationRowOf(incubatedBy)).toMatchObject({ confirmation: 'confirmed', version: 3 });
	});
});

describe('soft delete', () => {
	const filters = (qs: string) => parseParams(entityFiltersSchema, new URLSearchParams(qs));
	const directorySlugs = () => listDirectory(db, parseDirectoryQuery(new URLSearchParams(''))).items.map((e) => e.slug);
	const graph = () => graphView(db, new URLSearchParams(''));

	it('hides the entity from the directory, search, graph, map and portraits; restore brings it back', () => {
		expect(directorySlugs()).toContain('volcabio');
		const result = deleteEntity(db, volcabio, { actor: marie, reason: 'Entreprise fermée', expectedVersion: 1 });
		expect(result.version).toBe(2);
		expect(row(volcabio).deletedAt).toEqual(expect.any(String));
		expect(revisionsOf('entity', volcabio).map((r) => r.operation)).toEqual(['create', 'delete']);

		expect(directorySlugs()).not.toContain('volcabio');
		expect(search(db, 'volcabio').total).toBe(0);
		expect(search(db, 'levures').total).toBe(0);
		const g = graph();
		expect(g.nodes.map((n) => n.id)).not.toContain(volcabio);
		// Its relations go with it, without being deleted themselves.
		expect(g.edges.map((e) => e.id)).not.toContain(incubatedBy);
		expect(relationRowOf(incubatedBy).deletedAt).toBeNull();
		expect(mapPoints(db, filters('')).points.map((p) => p[0])).not.toContain(volcabio);
		expect(() => getPortrait(db, 'volcabio')).toThrow(NotFoundError);
		expect(getPortrait(db, 'incubateur-des-domes').relationCount).toBe(0);
		expect(() => entityHistory(db, 'volcabio')).toThrow(NotFoundError);
		expect(entityHistory(db, 'volcabio', { includeHidden: true }).entity.deleted).toBe(true);
		expect(() => updateEntity(db, volcabio, { name: 'x' }, edit(2))).toThrow(/supprimée/);
		expect(() => createRelations(db, [{ type: 'partner_of', sourceId: incub, targetId: volcabio }])).toThrow(/introuvable/);
		// Deleting again changes nothing.
		expect(deleteEntity(db, volcabio, { actor: marie, reason: 'encore' }).revisionId).toBeNull();

		restoreEntity(db, volcabio, { actor: paul, reason: 'Reprise', expectedVersion: 2 });
		expect(revisionsOf('entity', volcabio).map((r) => r.operation)).toEqual(['create', 'delete', 'restore']);
		expect(snapshotOf(revisionsOf('entity', volcabio)[2]!)).toEqual(entitySnapshot(row(volcabio)));
		expect(directorySlugs()).toContain('volcabio');
		expect(search(db, 'levures').hits.map((h) => h.id)).toEqual([volcabio]);
		expect(graph().nodes.map((n) => n.id)).toContain(volcabio);
		expect(graph().edges.map((e) => e.id)).toContain(incubatedBy);
		expect(mapPoints(db, filters('')).points.map((p) => p[0])).toContain(volcabio);
		expect(getPortrait(db, 'incubateur-des-domes').relationCount).toBe(1);
	});

	it('a deleted relation leaves the graph and comes back', () => {
		deleteRelation(db, hostedBy, { actor: marie, reason: 'Erreur' });
		expect(graph().edges.map((e) => e.id)).not.toContain(hostedBy);
		restoreRelation(db, hostedBy, { actor: marie, reason: 'Finalement vrai' });
		expect(graph().edges.map((e) => e.id)).toContain(hostedBy);
	});
});

describe('revisions are append-only in the database', () => {
	const sqlite = () => db.$client;

	it('refuses UPDATE and DELETE, from SQL or Drizzle, from any connection', () => {
		expect(() => sqlite().prepare("update revisions set reason = 'réécrit'").run()).toThrow(/append-only/);
		expect(() => sqlite().prepare('delete from revisions').run()).toThrow(/append-only/);
		expect(() => db.update(revisions).set({ authorLabel: 'personne' }).run()).toThrow(/append-only/);
		expect(() => db.delete(revisions).where(eq(revisions.subjectId, volcabio)).run()).toThrow(/append-only/);
		const other = openDb(ctx.path);
		try {
			expect(() => other.$client.prepare('delete from revisions').run()).toThrow(/append-only/);
		} finally {
			other.$client.close();
		}
		// Removing the gate's row does not open it.
		sqlite().prepare("delete from meta where key = 'revisions_unlocked'").run();
		expect(() => sqlite().prepare('delete from revisions').run()).toThrow(/append-only/);
		expect(allRevisions().every((r) => r.reason === 'Saisie initiale')).toBe(true);
	});

	it('opens only inside withRevisionsUnlocked, for that transaction, and closes on failure too', () => {
		const flag = () => db.select().from(meta).where(eq(meta.key, 'revisions_unlocked')).get()?.value;
		const count = allRevisions().length;
		expect(() =>
			withRevisionsUnlocked(db, (tx) => {
				deleteRevisionsOf(tx, 'entity', [camille]);
				throw new Error('abandon');
			})
		).toThrow('abandon');
		expect(allRevisions()).toHaveLength(count);
		expect(flag()).toBe(0);
		const removed = withRevisionsUnlocked(db, (tx) => deleteRevisionsOf(tx, 'entity', [camille]));
		expect(removed).toBe(1);
		expect(flag()).toBe(0);
		expect(() => sqlite().prepare('delete from revisions').run()).toThrow(/append-only/);
	});

	it('a reset of the demo wipes entities, relations and their history together', () => {
		// A partner manages a listing: the reset used to stop on the grant's foreign key.
		const partner = insertUser(db, { email: 'partenaire@exemple.fr', displayName: 'Partenaire', role: 'partner' });
		insertManager(db, volcabio, partner, null);
		expect(db.select().from(entityManagers).all()).toHaveLength(1);
		clearEcosystem(db);
		expect(db.select().from(entityManagers).all()).toHaveLength(0);
		expect(db.select().from(entities).all()).toHaveLength(0);
		expect(allRevisions()).toHaveLength(0);
		expect(() =>
			sqlite()
				.prepare("insert into revisions (subject_kind, subject_id, version, operation, snapshot, author_label) values ('entity', 1, 1, 'create', '{}', 'x')")
				.run()
		).not.toThrow();
	});
});

describe('entityHistory', () => {
	it('lists revisions newest first with author, time, reason and the diff with the previous one', () => {
		updateEntity(db, volcabio, { name: 'Volcabio Santé', stages: ['creation'] }, edit(1, paul, 'Nouveau nom'));
		const h = entityHistory(db, 'volcabio');
		expect(h.entity).toMatchObject({ id: volcabio, slug: 'volcabio', name: 'Volcabio Santé', version: 2 });
		expect(h.entries.map((e) => e.operation)).toEqual(['update', 'create']);
		const [latest, first] = h.entries as [(typeof h.entries)[number], (typeof h.entries)[number]];
		expect(latest).toMatchObject({ authorLabel: 'Paul Contributeur', reason: 'Nouveau nom', initial: false, operationLabel: 'Modification' });
		expect(latest.when).toMatch(/\d{4}/);
		expect(latest.changes.map((c) => [c.label, c.before, c.after])).toEqual([
			['Nom', 'Volcabio', 'Volcabio Santé'],
			['Stades accompagnés', null, ['Création']]
		]);
		expect(first.initial).toBe(true);
		expect(first.changes.find((c) => c.field === 'communeCode')?.after).toBe('Clermont-Ferrand (63113)');
		expect(entityHistory(db, String(volcabio)).entity.slug).toBe('volcabio');
	});

	it('lists its relations’ changes read from its side, and never a hidden actor', () => {
		updateRelation(db, incubatedBy, { endDate: '2021' }, edit(1));
		const h = entityHistory(db, 'incubateur-des-domes');
		expect(h.relationTotal).toBe(2);
		expect(h.relationEntries[0]).toMatchObject({ operation: 'update', relationLabel: 'a incubé', other: { slug: 'volcabio', name: 'Volcabio' } });
		expect(h.relationEntries[0]?.changes.map((c) => [c.field, c.after])).toEqual([['endDate', '2021']]);
		// The relation said as a sentence from the incubator's side, with this revision's dates.
		expect(h.relationEntries[0]?.words).toMatchObject({
			subject: { before: "L'", name: 'Incubateur des Dômes' },
			verb: 'a incubé',
			object: { before: '', name: 'Volcabio' },
			flipped: false
		});
		expect(h.relationEntries[0]?.words?.after).toMatch(/2021$/);
		// Agreed with the startup (French-phrasing module), no inclusive-writing dot.
		expect(entityHistory(db, 'volcabio').relationEntries.find((e) => e.relationId === incubatedBy)?.relationLabel).toBe('incubée par');
		deleteEntity(db, volcabio, { actor: marie, reason: 'fermée' });
		expect(entityHistory(db, 'incubateur-des-domes').relationTotal).toBe(0);
	});

	it('never shows a private contact, but says one changed', () => {
		updateEntity(db, camille, { email: 'camille.nouvelle@example.org', summary: 'Fondatrice' }, edit(1));
		const h = entityHistory(db, 'camille-fictive');
		expect(JSON.stringify(h)).not.toContain('@example.org');
		expect(JSON.stringify(h)).not.toContain('04 00 00');
		expect(h.entries[0]).toMatchObject({ privateChanged: true });
		expect(h.entries[0]?.changes.map((c) => c.field)).toEqual(['summary']);
		const editor = entityHistory(db, 'camille-fictive', { includePrivate: true });
		expect(editor.entries[0]?.changes.map((c) => c.field)).toEqual(['summary', 'email']);
	});
});

describe('migrating a database written before the history', () => {
	it('gives every existing entity and relation one baseline revision equal to its row', () => {
		const dir = mkdtempSync(join(tmpdir(), 'carto-history-'));
		try {
			// The migrations as they were before the history: the real folder with a shorter journal.
			const before = join(dir, 'drizzle-before');
			cpSync('drizzle', before, { recursive: true });
			const journalPath = join(before, 'meta', '_journal.json');
			const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
			journal.entries = journal.entries.filter((e) => e.tag < '0004');
			writeFileSync(journalPath, JSON.stringify(journal));
			const old = openDb(join(dir, 'old.db'), { migrate: false });
			migrate(old, { migrationsFolder: before });
			insertSmallTerritories(old);
			const sqlite = old.$client;
			sqlite
				.prepare(
					`insert into entities (slug, kind, category, name, summary, sectors, stages, commune_code, lon, lat, email, phone, contact_public, is_demo, version, deleted_at)
					 values ('ancienne', 'person', 'mentor', 'Ancienne Fiche', 'Écrite avant', '["health","agrifood"]', '[]', '63113', 3.0830189157522021, 45.7, 'a@example.org', NULL, 1, 0, 3, NULL),
					        ('autre', 'organisation', 'startup', 'Autre', '', '[]', '["growth"]', NULL, NULL, NULL, NULL, NULL, 0, 1, 1, '2025-01-01T00:00:00.000Z')`
				)
				.run();
			sqlite
				.prepare("insert into relations (type, source_id, target_id, start_date, confirmation, is_demo) values ('works_at', 1, 2, '2020', 'confirmed', 1)")
				.run();
			migrate(old, { migrationsFolder: 'drizzle' });

			const rows = old.select().from(entities).all();
			const list = old.select().from(revisions).all();
			expect(list).toHaveLength(3);
			for (const r of rows) {
				const revision = list.find((x) => x.subjectKind === 'entity' && x.subjectId === r.id)!;
				expect(revision).toMatchObject({ operation: 'import', version: r.version, authorLabel: 'système', createdAt: r.updatedAt });
				// The SIRET (drizzle/0009) and the listings' lifecycle fields (0011) came after the baseline: a baseline
				// snapshot has no such keys, which read as null.
				const later = [
					...['siret', 'registrationUrl', 'venueId', 'imageKey', 'imageAlt', 'openingHours', 'accessTransport', 'accessibility', 'equipment'],
					// Events' recurrence, price and attendance (0024, issue 19).
					...['recurrence', 'recurrenceExceptions', 'price', 'free', 'attendance']
				];
				expect(snapshotOf(revision)).toEqual({ ...entitySnapshot(r), ...Object.fromEntries(later.map((k) => [k, undefined])) });
			}
			const rel = old.select().from(relations).get()!;
			expect(snapshotOf(list.find((x) => x.subjectKind === 'relation')!)).toEqual(relationSnapshot(rel));
			// The first edit after the upgrade diffs against that baseline.
			updateEntity(old, 1, { summary: 'Réécrite' }, edit(3));
			expect(() => updateEntity(old, 1, { summary: 'Trop tard' }, edit(3))).toThrow(/résumé/);
			old.$client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('the demo seed', () => {
	it('leaves one « create » revision per entity and relation, by « système »', () => {
		clearEcosystem(db);
		const result = seedDemo(db, { seed: 3 });
		const count = (kind: string) =>
			db.$client
				.prepare(
					"select count(*) as n, count(distinct subject_id) as d from revisions where subject_kind = ? and operation = 'create' and author_label = 'système'"
				)
				.get(kind) as { n: number; d: number };
		expect(count('entity')).toEqual({ n: result.entities, d: result.entities });
		expect(count('relation')).toEqual({ n: result.relations, d: result.relations });
		const sample = db.select().from(entities).limit(1).get()!;
		expect(snapshotOf(revisionsOf('entity', sample.id)[0]!)).toEqual(entitySnapshot(sample));
	});
});
