/**
 * The forgiving search on a real database built by the migrations: plurals, typos (with « Vouliez-vous dire »),
 * synonyms from the editable table, English labels, facets, exact hits first, and old rows brought up to date
 * by the start-up's refresh.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { createEntities } from '../../src/lib/server/services/entity-write.service';
import { search, suggest } from '../../src/lib/server/services/search.service';
import { refreshSearchText } from '../../src/lib/server/services/search-text.service';
import { prepareDatabase } from '../../src/lib/server/setup/prepare';
import { entities, meta, searchSynonyms } from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/index';

let ctx: ReturnType<typeof freshDb>;
let db: Db;

beforeEach(() => {
	ctx = freshDb();
	db = ctx.db;
	insertSmallTerritories(db);
	createEntities(db, [
		{
			slug: 'incubateur-des-domes',
			kind: 'organisation',
			category: 'incubator',
			name: 'Incubateur des Dômes',
			summary: 'Accompagne les jeunes pousses.',
			communeCode: '63113',
			stages: ['emergence', 'creation'],
			offers: ['mentoring']
		},
		{
			slug: 'accelerateur-des-volcans',
			kind: 'organisation',
			category: 'accelerator',
			name: 'Accélérateur des Volcans',
			summary: 'Programme d’accélération.',
			communeCode: '63113',
			offers: ['funding']
		},
		{
			slug: 'fonds-arverne',
			kind: 'organisation',
			category: 'funder',
			name: 'Fonds Arverne',
			summary: 'Financeur des entreprises innovantes.',
			communeCode: '15014',
			stages: ['creation'],
			offers: ['funding']
		},
		{ slug: 'la-grange', kind: 'third_place', category: 'coworking', name: 'La Grange', summary: 'Bureaux partagés.', communeCode: '15014' },
		{ slug: 'incubation-club', kind: 'event', category: 'meetup', name: 'Club incubation', summary: 'Rencontre mensuelle.', communeCode: '63113' },
		{ slug: 'lea-chercheuse', kind: 'person', category: 'researcher', name: 'Léa Fictive', summary: 'Robotique.', communeCode: '63113' }
	]);
});
afterEach(() => ctx.close());

const slugs = (q: string) => search(db, q).hits.map((h) => h.slug);

describe('forgiving search', () => {
	it('finds plurals and inflections, exact hits first', () => {
		expect(slugs('incubateurs')).toContain('incubateur-des-domes');
		expect(slugs('accompagnées')).toContain('incubateur-des-domes');
		// « incubation » as typed ranks the club first; the incubator comes after, by its stem (then related
		// structures: the accelerator).
		expect(slugs('incubation').slice(0, 2)).toEqual(['incubation-club', 'incubateur-des-domes']);
	});

	it('corrects a typo and offers the corrected query with its accents', () => {
		const found = search(db, 'acelerateur');
		expect(found.hits.map((h) => h.slug)).toEqual(['accelerateur-des-volcans']);
		expect(found.suggestion).toBe('accélérateur');
		expect(search(db, 'accelerateur').suggestion).toBeNull();
		expect(suggest(db, 'incubatuer').map((s) => s.slug)).toContain('incubateur-des-domes');
	});

	it('finds through synonyms and English labels, and both genders of an inclusive label', () => {
		expect(slugs('aide au financement')).toEqual(expect.arrayContaining(['fonds-arverne', 'accelerateur-des-volcans']));
		expect(slugs('seed funding')).toContain('fonds-arverne');
		expect(slugs('coworking spaces')).toEqual(['la-grange']);
		expect(slugs('chercheuse')).toEqual(['lea-chercheuse']);
		expect(slugs('researchers')).toEqual(['lea-chercheuse']);
	});

	it('follows the editors’ synonyms table', () => {
		expect(slugs('couveuse')).toEqual([]);
		db.insert(searchSynonyms).values({ terms: 'couveuse, incubateur', related: false }).run();
		expect(slugs('couveuse')[0]).toBe('incubateur-des-domes');
	});

	it('counts what it found by kind, category and département, and filters by them', () => {
		const all = search(db, 'financement');
		expect(all.facets.kind).toEqual(expect.arrayContaining([{ code: 'organisation', label: 'Organisation', count: all.total }]));
		const cantal = search(db, 'financement', { departement: '15' });
		expect(cantal.hits.map((h) => h.slug)).toEqual(['fonds-arverne']);
		expect(cantal.facets).toEqual(all.facets);
	});

	it('brings rows written by an older version up to date at start-up, once', () => {
		db.run(sql`update entities set search_stems = '', search_terms = ''`);
		db.update(meta).set({ value: 0 }).where(eq(meta.key, 'search_text_version')).run();
		expect(slugs('researchers')).toEqual([]);
		expect(refreshSearchText(db)).toBe(6);
		expect(refreshSearchText(db)).toBe(0);
		expect(slugs('researchers')).toEqual(['lea-chercheuse']);
		expect(
			db
				.select({ v: entities.version })
				.from(entities)
				.all()
				.every((r) => r.v === 1)
		).toBe(true);
	});
});

describe('preparing a database', () => {
	it('writes a new database’s search text once, with the demo, not again afterwards', () => {
		const fresh = freshDb();
		try {
			const first = prepareDatabase(fresh.db);
			expect(first).toMatchObject({ seeded: true, searchTextRefreshed: 0 });
			expect(prepareDatabase(fresh.db).searchTextRefreshed).toBe(0);
			expect(search(fresh.db, 'incubateurs').total).toBeGreaterThan(0);
		} finally {
			fresh.close();
		}
	});
});
