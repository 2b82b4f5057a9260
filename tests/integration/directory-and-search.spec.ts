import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { createEntities, createRelations, updateEntity } from '../../src/lib/server/services/entity-write.service';
import { listDirectory, parseDirectoryQuery } from '../../src/lib/server/services/directory.service';
import { search, suggest } from '../../src/lib/server/services/search.service';
import { getPortrait } from '../../src/lib/server/services/entity.service';
import { getTerritoryPage, territoriesGeoJson } from '../../src/lib/server/services/territory.service';
import { graphApi, listEntitiesApi } from '../../src/lib/server/services/entity-api.service';
import { MAX_CURSOR_OFFSET } from '../../src/lib/server/services/cursor';
import { NotFoundError, ValidationError } from '../../src/lib/server/services/errors';
import { entities, relations } from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/index';

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let ids: number[];

beforeEach(() => {
	ctx = freshDb();
	db = ctx.db;
	insertSmallTerritories(db);
	ids = createEntities(db, [
		{
			slug: 'la-grange-numerique',
			kind: 'third_place',
			category: 'rural_third_place',
			name: 'La Grange Numérique',
			summary: 'Un tiers-lieu au cœur du Cantal',
			communeCode: '15014',
			sectors: ['digital'],
			stages: ['emergence'],
			offers: ['hosting']
		},
		{
			slug: 'incubateur-des-domes',
			kind: 'organisation',
			category: 'incubator',
			name: 'Incubateur des Dômes',
			summary: 'Accompagne les startups de santé',
			description: 'Un **incubateur** pour l’École et la santé.',
			communeCode: '63113',
			sectors: ['health'],
			stages: ['emergence', 'creation'],
			offers: ['mentoring', 'hosting']
		},
		{
			slug: 'volcabio',
			kind: 'organisation',
			category: 'startup',
			name: 'Volcabio',
			summary: 'Biotech des volcans',
			communeCode: '63113',
			sectors: ['health'],
			foundedYear: 2019
		},
		{
			slug: 'camille-fictive',
			kind: 'person',
			category: 'entrepreneur',
			name: 'Camille Fictive',
			email: 'camille@example.org',
			contactPublic: false,
			communeCode: '63113'
		},
		{ slug: 'sacha-fictif', kind: 'person', category: 'mentor', name: 'Sacha Fictif', email: 'sacha@example.org', contactPublic: true }
	]);
	const [grange, incub, volcabio, camille] = ids as [number, number, number, number];
	createRelations(db, [
		{ type: 'founded', sourceId: camille, targetId: volcabio, startDate: '2019', source: 'Le Connecteur (démo)' },
		{ type: 'hosted_by', sourceId: volcabio, targetId: grange, startDate: '2019-03' },
		{ type: 'incubated_by', sourceId: volcabio, targetId: incub, startDate: '2020-01-15', endDate: '2021', confirmation: 'confirmed' }
	]);
});
afterEach(() => ctx.close());

const q = (s: string) => parseDirectoryQuery(new URLSearchParams(s));

describe('directory', () => {
	it('filters by kind, category, sector, stage, offer, territory and text', () => {
		expect(listDirectory(db, q('')).total).toBe(5);
		expect(listDirectory(db, q('kind=organisation')).total).toBe(2);
		expect(listDirectory(db, q('kind=organisation&kind=person')).total).toBe(4);
		expect(listDirectory(db, q('sector=health&stage=creation')).items.map((e) => e.slug)).toEqual(['incubateur-des-domes']);
		expect(listDirectory(db, q('offer=hosting')).total).toBe(2);
		expect(listDirectory(db, q('territory=15')).items.map((e) => e.slug)).toEqual(['la-grange-numerique']);
		expect(listDirectory(db, q('territory=246300701')).total).toBe(3);
		expect(listDirectory(db, q('territory=63113&q=volca')).items.map((e) => e.slug)).toEqual(['volcabio']);
	});
	it('sorts and paginates', () => {
		const page = listDirectory(db, q('sort=name&dir=desc&perPage=2&page=2'));
		expect(page.pageCount).toBe(3);
		expect(page.items.map((e) => e.name)).toEqual(['La Grange Numérique', 'Incubateur des Dômes']);
		expect(listDirectory(db, q('sort=founded')).items[0]?.slug).toBe('volcabio');
	});
	it('rejects bad parameters with French messages', () => {
		expect(() => q('kind=robot')).toThrow(ValidationError);
		expect(() => q('page=-3')).toThrow(/page/);
		expect(() => q('territory=abc')).toThrow(/territoire/);
		expect(() => listDirectory(db, q('territory=99999'))).toThrow(/inconnu/);
	});
	it('counts facets within the other filters', () => {
		const page = listDirectory(db, q('kind=organisation&territory=63'));
		expect(page.kindCounts).toEqual({ organisation: 2, person: 1 });
		expect(page.categoryCounts).toEqual({ incubator: 1, startup: 1 });
	});
});

describe('full-text search', () => {
	it('is accent- and case-insensitive, matches prefixes and place names', () => {
		expect(search(db, 'tiers lieu').hits.map((h) => h.slug)).toContain('la-grange-numerique');
		expect(search(db, 'TIERS-LIEU').hits.map((h) => h.slug)).toContain('la-grange-numerique');
		expect(search(db, 'ecole').hits.map((h) => h.slug)).toEqual(['incubateur-des-domes']);
		expect(search(db, 'clermont').total).toBe(3);
		expect(search(db, 'aurill').hits.map((h) => h.slug)).toEqual(['la-grange-numerique']);
		expect(suggest(db, 'volc')[0]?.name).toBe('Volcabio');
	});
	it('ranks a name hit above a description hit', () => {
		const hits = search(db, 'incubateur').hits.map((h) => h.slug);
		expect(hits[0]).toBe('incubateur-des-domes');
	});
	it('highlights hits as plain segments, never HTML', () => {
		const [hit] = search(db, 'cantal').hits;
		expect(hit?.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['Cantal']);
		// A hit in the name only: the excerpt is the plain summary.
		const [byName] = search(db, 'grange').hits;
		expect(byName?.snippet).toEqual([{ text: 'Un tiers-lieu au cœur du Cantal', hit: false }]);
		const [fromDescription] = search(db, 'ecole').hits;
		expect(fromDescription?.snippet.map((s) => s.text).join('')).toMatch(/^[^*]*École[^*]*$/);
	});
	it('stays in sync on update and soft delete', () => {
		// Renamed through the write path: it recomputes the row's derived search text (stems) with the name.
		const row = db.select({ id: entities.id, version: entities.version }).from(entities).where(eq(entities.slug, 'la-grange-numerique')).get()!;
		updateEntity(db, row.id, { name: 'La Forge Numérique' }, { actor: { userId: null, label: 'test' }, reason: '', expectedVersion: row.version });
		expect(search(db, 'grange').total).toBe(0);
		expect(search(db, 'forge').total).toBe(1);
		db.update(entities).set({ deletedAt: '2026-01-01' }).where(eq(entities.slug, 'la-grange-numerique')).run();
		expect(search(db, 'forge').total).toBe(0);
		db.update(entities).set({ deletedAt: null }).where(eq(entities.slug, 'la-grange-numerique')).run();
		expect(search(db, 'forge').total).toBe(1);
		db.update(entities).set({ status: 'draft' }).where(eq(entities.slug, 'la-grange-numerique')).run();
		expect(search(db, 'forge').total).toBe(0);
		const integrity = db.$client.prepare("insert into entities_fts(entities_fts, rank) values ('integrity-check', 1)");
		expect(() => integrity.run()).not.toThrow();
	});
	it('survives hostile input', () => {
		for (const input of ['"', 'OR', 'NEAR(a b)', '*', 'a:b', "'; drop table entities; --"]) {
			expect(() => search(db, input)).not.toThrow();
		}
		expect(
			db
				.select({ n: sql<number>`count(*)` })
				.from(entities)
				.get()?.n
		).toBe(5);
	});
});

describe('portrait and territory pages', () => {
	it('groups relations by type and direction, with the breadcrumb', () => {
		const p = getPortrait(db, 'volcabio');
		expect(p.breadcrumb.map((c) => c.name)).toEqual(['Clermont-Ferrand', 'Clermont Auvergne Métropole', 'Puy-de-Dôme']);
		// Headings said from the actor's side, agreed with a startup (feminine), no inclusive-writing dot.
		expect(p.relationGroups.map((g) => g.label).sort()).toEqual(['Fondée par', 'Hébergée par', 'Incubée par']);
		const incub = getPortrait(db, 'incubateur-des-domes');
		expect(incub.relationGroups[0]?.label).toBe('Projets incubés');
		expect(incub.descriptionHtml).toContain('<strong>incubateur</strong>');
	});
	it('hides personal contacts unless the person agreed', () => {
		expect(getPortrait(db, 'camille-fictive').entity.email).toBeNull();
		expect(getPortrait(db, 'sacha-fictif').entity.email).toBe('sacha@example.org');
	});
	it('answers NotFound for unknown slugs', () => {
		expect(() => getPortrait(db, 'inconnu')).toThrow(NotFoundError);
	});
	it('computes counts and rates per 10,000 inhabitants', () => {
		const t = getTerritoryPage(db, '63113');
		expect(t.total).toBe(3);
		expect(t.totalPer10k).toBeCloseTo((3 / 146_351) * 10_000, 1);
		expect(t.ancestors.map((a) => a.code)).toEqual(['246300701', '63']);
		expect(getTerritoryPage(db, '63').children.map((c) => c.code)).toEqual(['246300701']);
		expect(() => getTerritoryPage(db, '99')).toThrow(NotFoundError);
	});
});

describe('API services', () => {
	it('paginates with a cursor until next is null', () => {
		const seen: string[] = [];
		let cursor: string | null = null;
		do {
			const params = new URLSearchParams({ limit: '2' });
			if (cursor) params.set('cursor', cursor);
			const page = listEntitiesApi(db, params);
			expect(page.total).toBe(5);
			seen.push(...page.items.map((e) => e.slug));
			cursor = page.next;
		} while (cursor);
		expect(new Set(seen).size).toBe(5);
		expect(() => listEntitiesApi(db, new URLSearchParams({ cursor: 'nope' }))).toThrow(ValidationError);
		expect(() => listEntitiesApi(db, new URLSearchParams({ limit: '0' }))).toThrow(ValidationError);
	});
	it('reads every cursor through one schema: a whole offset up to a billion, anything else a French 400 naming cursor (issue 17)', () => {
		const cursor = (json: string) => Buffer.from(json).toString('base64url');
		const issues = (value: string) => {
			try {
				listEntitiesApi(db, new URLSearchParams({ cursor: value }));
			} catch (e) {
				return e instanceof ValidationError ? e.issues : [String(e)];
			}
			return [];
		};
		// Beyond the end of the list: an empty page, not an error.
		expect(listEntitiesApi(db, new URLSearchParams({ cursor: cursor(`{"o":${MAX_CURSOR_OFFSET}}`) }))).toEqual({ items: [], total: 5, next: null });
		expect(listEntitiesApi(db, new URLSearchParams({ cursor: cursor('{"o":3}') })).items).toHaveLength(2);
		expect(listEntitiesApi(db, new URLSearchParams({ cursor: '' })).items).toHaveLength(5);
		const refused = ['cursor\u00a0: curseur de pagination invalide\u00a0: reprenez la valeur next de la réponse précédente'];
		for (const forged of [
			'eyJvIjoxZTIwfQ', // {"o":1e20}: SQLite answered « datatype mismatch », a 500
			cursor(`{"o":${MAX_CURSOR_OFFSET + 1}}`),
			cursor('{"o":9007199254740993}'),
			cursor('{"o":-5}'),
			cursor('{"o":1.5}'),
			cursor('{"o":"x"}'),
			cursor('{"o":null}'),
			cursor('{"o":1,"p":2}'),
			cursor('{}'),
			cursor('[]'),
			cursor('null'),
			Buffer.from('{"o":1}').toString('base64'),
			'%%%',
			'x'.repeat(201)
		]) {
			expect(issues(forged), forged).toEqual(refused);
		}
	});
	it('builds the graph of a filtered set', () => {
		const all = graphApi(db, new URLSearchParams());
		expect(all.nodes).toHaveLength(5);
		expect(all.edges).toHaveLength(3);
		const orgs = graphApi(db, new URLSearchParams('kind=organisation'));
		expect(orgs.edges.map((e) => e.type)).toEqual(['incubated_by']);
	});
	it('serves territories as GeoJSON filtered by kind and parent', () => {
		const fc = territoriesGeoJson(db, new URLSearchParams('kind=commune&parent=63'));
		expect(fc.features.map((f) => f.properties.code)).toEqual(['63113']);
		expect(fc.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [3.1147, 45.7871] });
		expect(() => territoriesGeoJson(db, new URLSearchParams('kind=planet'))).toThrow(ValidationError);
	});
});

describe('integrity', () => {
	it('refuses orphan relations at the database level', () => {
		expect(() =>
			db
				.insert(relations)
				.values({ type: 'founded', sourceId: ids[0] as number, targetId: 99_999 })
				.run()
		).toThrow(/FOREIGN KEY/);
		expect(() => createRelations(db, [{ type: 'founded', sourceId: ids[0] as number, targetId: 99_999 }])).toThrow(/introuvable/);
	});
	it('validates entity input with French messages and writes nothing on error', () => {
		const before = db
			.select({ n: sql<number>`count(*)` })
			.from(entities)
			.get()?.n;
		expect(() =>
			createEntities(db, [
				{ slug: 'ok-entity', kind: 'organisation', category: 'startup', name: 'OK' },
				{ slug: 'Bad Slug', kind: 'organisation', category: 'fablab', name: '' }
			])
		).toThrow(/élément 2/);
		expect(
			db
				.select({ n: sql<number>`count(*)` })
				.from(entities)
				.get()?.n
		).toBe(before);
	});
	it('rejects malformed partial dates', () => {
		expect(() => createRelations(db, [{ type: 'founded', sourceId: ids[3] as number, targetId: ids[2] as number, startDate: '2019-13' }])).toThrow(
			/date invalide/
		);
	});
});
