import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { freshDb, insertSmallTerritories } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { entities, territories } from '../../src/lib/server/db/schema';
import { revisionsOf } from '../../src/lib/server/repos/revision.repo';
import { entitySnapshot } from '../../src/lib/history/snapshot';
import { createEntities } from '../../src/lib/server/services/entity-write.service';
import { commitImport, previewImport, reanalyseImport, undoImport } from '../../src/lib/server/services/import.service';
import { ForbiddenError, type AccountUser } from '../../src/lib/server/services/users.service';
import { ValidationError } from '../../src/lib/server/services/errors';
import { encodeWindows1252 } from '../../src/lib/import/decode';

const editor: AccountUser = { id: 7, email: 'editrice@example.org', displayName: 'Éditrice', role: 'editor' };
const partner: AccountUser = { id: 8, email: 'partenaire@example.org', displayName: 'Partenaire', role: 'partner' };

/** Montluçon (03185) for the lost-zero repair, and two Saint-Étienne… homonyms for the ambiguity. */
export function insertImportTerritories(db: Db) {
	insertSmallTerritories(db);
	const base = { source: 'test', vintage: '2025', regionCode: '84' };
	db.insert(territories)
		.values([
			{ ...base, code: '03', kind: 'departement', name: 'Allier', parentCode: '84' },
			{
				...base,
				code: '03185',
				kind: 'commune',
				name: 'Montluçon',
				parentCode: '03',
				departementCode: '03',
				postalCodes: ['03100'],
				centroidLon: 2.6036,
				centroidLat: 46.3401
			},
			{
				...base,
				code: '03236',
				kind: 'commune',
				name: 'Saint-Pourçain-sur-Sioule',
				parentCode: '03',
				departementCode: '03',
				postalCodes: ['03500'],
				centroidLon: 3.2894,
				centroidLat: 46.3072
			},
			{
				...base,
				code: '63050',
				kind: 'commune',
				name: 'Chamalières',
				parentCode: '63',
				departementCode: '63',
				postalCodes: ['63400'],
				centroidLon: 3.0669,
				centroidLat: 45.7744
			},
			{
				...base,
				code: '15001',
				kind: 'commune',
				name: 'Allanche',
				parentCode: '15',
				departementCode: '15',
				postalCodes: ['15160'],
				centroidLon: 2.9344,
				centroidLat: 45.2297
			},
			{
				...base,
				code: '63001',
				kind: 'commune',
				name: 'Allanche',
				parentCode: '63',
				departementCode: '63',
				postalCodes: ['63999'],
				centroidLon: 3.2,
				centroidLat: 45.6
			}
		])
		.run();
}

const win1252 = encodeWindows1252;
const utf8 = (text: string) => new TextEncoder().encode(text);

const count = (db: Db, table: string) => db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`)).n;

describe('import of a French spreadsheet', () => {
	let t: ReturnType<typeof freshDb>;
	beforeEach(() => {
		t = freshDb();
		insertImportTerritories(t.db);
	});
	afterEach(() => t.close());

	const sheet = [
		'Nom;Type;Commune;Code INSEE;Adresse;Site web;Latitude;Longitude;Secteurs;Description',
		'La Fabrique;Fablab;Montluçon;3185;;www.lafabrique.fr;46,3401;2,6036;Numérique, Industrie;"Un atelier',
		'ouvert à tous"',
		'Le Bureau Partagé;coworking;Clermont-Ferrand;;;https://bureau.example.org;45,78;3,09;;',
		'Sans Commune;coworking;Atlantis;;;;;;;',
		'Mauvais Point;coworking;Aurillac;;;;abc;2,44;;',
		'Hors Champ;coworking;;;;;48,85;2,35;;',
		'Catégorie Inconnue;Café associatif;Aurillac;;;;;;;',
		'Allanche Lieu;coworking;Allanche;;;;;;;'
	].join('\r\n');

	it('reports every row with its spreadsheet row number, column and a French message; nothing is written', async () => {
		const before = count(t.db, 'entities');
		const { plan, job } = await previewImport(t.db, editor, { name: 'tiers-lieux.csv', bytes: win1252(sheet) }, {});
		expect(plan.encoding).toBe('windows-1252');
		expect(plan.delimiter).toBe(';');
		expect(job.status).toBe('preview');
		expect(count(t.db, 'entities')).toBe(before);

		const byRow = (row: number) => plan.rows.find((r) => r.row === row)!;
		// Row 2 spans two lines of the file but is one spreadsheet row: the next one is row 3.
		expect(byRow(2)).toMatchObject({ action: 'create', name: 'La Fabrique' });
		expect(byRow(2).data).toMatchObject({
			communeCode: '03185',
			category: 'fablab',
			website: 'https://www.lafabrique.fr',
			lat: 46.3401,
			lon: 2.6036,
			description: 'Un atelier\nouvert à tous',
			sectors: ['digital', 'industry']
		});
		expect(byRow(3)).toMatchObject({ action: 'create', name: 'Le Bureau Partagé' });
		const problem = (row: number, code: string) => plan.problems.find((p) => p.row === row && p.code === code);
		expect(problem(2, 'insee_repaired')).toMatchObject({ severity: 'warning', column: 'Code INSEE' });
		expect(problem(2, 'insee_repaired')!.message).toContain('03185');
		expect(problem(2, 'website_repaired')).toBeTruthy();
		expect(problem(4, 'unknown_commune')).toMatchObject({ severity: 'error', column: 'Commune' });
		expect(problem(4, 'unknown_commune')!.message).toContain('Atlantis');
		expect(problem(5, 'bad_coordinates')).toMatchObject({ severity: 'error', column: 'Latitude' });
		// Issue 13: a point elsewhere, with nothing placing the row here, is another territory's row: ignored, not an error.
		expect(byRow(6)).toMatchObject({ action: 'skip', place: 'outside', note: 'hors du territoire (coordonnées 48,85 ; 2,35)' });
		expect(problem(7, 'unknown_category')).toMatchObject({ severity: 'error', column: 'Type' });
		expect(problem(7, 'unknown_category')!.message).toContain('Café associatif');
		expect(problem(8, 'ambiguous_commune')!.message).toMatch(/15001.*63001|63001.*15001/);
		expect(plan.counts).toMatchObject({ rows: 7, create: 2, skip: 1, error: 4, outside: 1 });
	});

	it("lists the file's unknown category words, and a category chosen for one applies to its rows", async () => {
		const { plan, job } = await previewImport(t.db, editor, { name: 'tiers-lieux.csv', bytes: win1252(sheet) }, {});
		expect(plan.unknownValues).toEqual([{ field: 'category', value: 'Café associatif', count: 1, rows: [7] }]);
		const again = await reanalyseImport(t.db, editor, job.id, { values: { category: { 'CAFÉ ASSOCIATIF': 'coworking' } } });
		expect(again.plan.unknownValues).toEqual([]);
		expect(again.plan.rows.find((r) => r.row === 7)).toMatchObject({ action: 'create' });
		expect(again.plan.rows.find((r) => r.row === 7)!.data).toMatchObject({ category: 'coworking', kind: 'third_place' });
		expect(again.job.settings.values.category).toEqual({ 'CAFÉ ASSOCIATIF': 'coworking' });
		await expect(reanalyseImport(t.db, editor, job.id, { values: { category: { x: 'pas-une-categorie' } } })).rejects.toThrow(/catégorie choisie inconnue/);
	});

	it('refuses the commit in strict mode, then writes the valid rows in lenient mode as one undoable job', async () => {
		const strict = await previewImport(t.db, editor, { name: 'tiers-lieux.csv', bytes: win1252(sheet) }, {});
		await expect(commitImport(t.db, editor, strict.job.id)).rejects.toThrow(/rien n'a été écrit/);
		expect(count(t.db, 'entities')).toBe(0);

		const lenient = await previewImport(t.db, editor, { name: 'tiers-lieux.csv', bytes: win1252(sheet) }, { strict: false });
		const { job, changes } = await commitImport(t.db, editor, lenient.job.id);
		expect(job.status).toBe('committed');
		expect(job.committedByLabel).toBe('Éditrice');
		expect(changes.createdEntityIds).toHaveLength(2);
		const revisions = t.db.all<{ operation: string; reason: string; author_label: string }>(
			sql`select operation, reason, author_label from revisions where subject_kind = 'entity'`
		);
		expect(revisions).toHaveLength(2);
		for (const r of revisions) expect(r).toMatchObject({ operation: 'import', reason: `Import n° ${job.id} (tiers-lieux.csv)`, author_label: 'Éditrice' });

		await expect(commitImport(t.db, editor, lenient.job.id)).rejects.toThrow(/déjà été validé/);

		const undone = await undoImport(t.db, editor, lenient.job.id);
		expect(undone.job.status).toBe('undone');
		expect(t.db.get<{ n: number }>(sql`select count(*) as n from entities where deleted_at is null`).n).toBe(0);
		expect(t.db.get<{ n: number }>(sql`select count(*) as n from revisions where operation = 'delete'`).n).toBe(2);
		// The batch delete behaves like deleteEntity on each: next version, and a revision equal to the row.
		for (const id of changes.createdEntityIds) {
			const row = t.db.select().from(entities).where(eq(entities.id, id)).get()!;
			expect(row.version).toBe(2);
			const last = revisionsOf(t.db, 'entity', id).find((r) => r.version === 2)!;
			expect(last).toMatchObject({ operation: 'delete', version: 2, reason: `Annulation de l'import n° ${job.id} (tiers-lieux.csv)` });
			expect(last.snapshot).toEqual(entitySnapshot(row));
		}
	});

	it('flags probable duplicates of existing entities (name and commune, website, SIRET) with a link, and twins in the file', async () => {
		createEntities(t.db, [
			{ slug: 'la-fabrique', kind: 'third_place', category: 'fablab', name: 'La Fabrique', communeCode: '03185' },
			{ slug: 'bureau', kind: 'third_place', category: 'coworking', name: 'Bureau', website: 'https://www.bureau.example.org/' },
			{ slug: 'societe', kind: 'organisation', category: 'company', name: 'Société', siret: '73282932000074' }
		]);
		const csv = [
			'nom,categorie,commune,site_web,siret',
			'LA FABRIQUE,fablab,Montluçon,,',
			'Autre nom,coworking,Aurillac,http://bureau.example.org,',
			'Autre société,startup,Aurillac,,732 829 320 00074',
			'Nouveau Lieu,coworking,Aurillac,,',
			'nouveau lieu,coworking,Aurillac,,'
		].join('\n');
		const { plan } = await previewImport(t.db, editor, { name: 'doublons.csv', bytes: utf8(csv) }, {});
		const dup = plan.problems.filter((p) => p.code === 'duplicate');
		expect(dup.map((p) => p.row)).toEqual([2, 3, 4]);
		expect(dup[0]!.link).toEqual({ href: '/acteurs/la-fabrique', label: 'La Fabrique' });
		expect(dup[1]!.message).toContain('même site web');
		expect(dup[2]!.message).toContain('même SIRET');
		expect(plan.problems.find((p) => p.code === 'duplicate_in_file')).toMatchObject({ row: 6 });
		expect(plan.problems.find((p) => p.code === 'duplicate_in_file')!.message).toContain('ligne 5');
		expect(plan.counts).toMatchObject({ create: 1, skip: 4, error: 0 });
	});

	it('updates an existing entity found by its slug, leaves empty cells alone, and undo brings the old version back', async () => {
		const [id] = createEntities(t.db, [
			{
				slug: 'la-fabrique',
				kind: 'third_place',
				category: 'fablab',
				name: 'La Fabrique',
				summary: 'Ancien résumé',
				website: 'https://old.example.org',
				communeCode: '03185'
			}
		]);
		const csv = 'slug;nom;résumé;site web\nla-fabrique;La Fabrique;Nouveau résumé;\n';
		const { plan, job } = await previewImport(t.db, editor, { name: 'maj.csv', bytes: utf8(csv) }, {});
		expect(plan.rows[0]).toMatchObject({ action: 'update', existingId: id });
		expect(plan.rows[0]!.note).toContain('résumé');
		await commitImport(t.db, editor, job.id);
		const row = () => t.db.get<{ summary: string; website: string; version: number }>(sql`select summary, website, version from entities where id = ${id}`);
		expect(row()).toMatchObject({ summary: 'Nouveau résumé', website: 'https://old.example.org', version: 2 });
		await undoImport(t.db, editor, job.id);
		expect(row()).toMatchObject({ summary: 'Ancien résumé', version: 3 });

		const again = await previewImport(t.db, editor, { name: 'maj.csv', bytes: utf8(csv) }, {});
		await commitImport(t.db, editor, again.job.id);
		// Someone edits after the import: undoing would lose their work, so it is refused and nothing moves.
		t.db.run(sql`update entities set version = version + 1 where id = ${id}`);
		await expect(undoImport(t.db, editor, again.job.id)).rejects.toThrow(/1 fiche a été modifiée depuis l'import/);
	});

	it('refuses a commit when the database changed since the dry run, refreshes the report, then commits what it now shows', async () => {
		const csv = 'nom;catégorie;commune\nLa Grange;coworking;Aurillac\nLe Hangar;fablab;Aurillac\n';
		const { job, plan } = await previewImport(t.db, editor, { name: 'deux.csv', bytes: utf8(csv) }, {});
		expect(plan.counts).toMatchObject({ create: 2, skip: 0 });
		createEntities(t.db, [{ slug: 'la-grange-aurillac', kind: 'third_place', category: 'coworking', name: 'La Grange', communeCode: '15014' }]);
		await expect(commitImport(t.db, editor, job.id)).rejects.toThrow(/la base a changé depuis l'essai à blanc \(2 → 1 à créer/);
		expect(count(t.db, 'entities')).toBe(1);
		const { changes } = await commitImport(t.db, editor, job.id);
		expect(changes.createdEntityIds).toHaveLength(1);
		expect(count(t.db, 'entities')).toBe(2);
	});

	it('refuses a second row with the same identifier, for a creation as for an update', async () => {
		createEntities(t.db, [{ slug: 'la-fabrique', kind: 'third_place', category: 'fablab', name: 'La Fabrique', communeCode: '03185' }]);
		const csv =
			'slug;nom;catégorie;commune\nla-fabrique;La Fabrique;fablab;Montluçon\nla-fabrique;La Fabrique bis;fablab;Montluçon\nneuve;Neuve;coworking;Aurillac\nneuve;Autre;coworking;Aurillac\n;Plus tard;coworking;Aurillac\nplus-tard;Plus tard (bis);coworking;Montluçon\n';
		const { plan } = await previewImport(t.db, editor, { name: 'doubles.csv', bytes: utf8(csv) }, {});
		const errors = plan.problems.filter((p) => p.severity === 'error');
		expect(errors.map((p) => [p.row, p.column, p.message])).toEqual([
			[3, 'slug', 'identifiant « la-fabrique » déjà utilisé à la ligne 2'],
			[5, 'slug', 'identifiant « neuve » déjà utilisé à la ligne 4']
		]);
		// A generated identifier never takes one the file gives to a later row.
		expect(plan.rows.filter((r) => r.action === 'create').map((r) => r.slug)).toEqual(['neuve', 'plus-tard-2', 'plus-tard']);
	});

	it('is for editors only: a partner can neither preview, commit nor undo, and nothing moves', async () => {
		await expect(previewImport(t.db, partner, { name: 'x.csv', bytes: utf8('nom\nA\n') }, {})).rejects.toBeInstanceOf(ForbiddenError);
		const { job } = await previewImport(t.db, editor, { name: 'ok.csv', bytes: utf8('nom;catégorie;commune\nLieu;coworking;Aurillac\n') }, {});
		await expect(commitImport(t.db, partner, job.id)).rejects.toBeInstanceOf(ForbiddenError);
		expect(count(t.db, 'entities')).toBe(0);
		await commitImport(t.db, editor, job.id);
		await expect(undoImport(t.db, partner, job.id)).rejects.toThrow(ForbiddenError);
		expect(t.db.get<{ n: number }>(sql`select count(*) as n from entities where deleted_at is null`).n).toBe(1);
		await expect(previewImport(t.db, editor, { name: 'x.csv', bytes: new Uint8Array() }, {})).rejects.toBeInstanceOf(ValidationError);
	});
});
