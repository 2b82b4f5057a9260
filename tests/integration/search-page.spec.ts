/**
 * The results page's service on the demo, as /recherche loads it: places named by the query, what is found
 * around a commune, facet filters, and French refusals of bad parameters.
 */
import { describe, expect, it } from 'vitest';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { parseSearchPageQuery, searchPage } from '../../src/lib/server/services/search-page.service';
import { ValidationError } from '../../src/lib/server/services/errors';

let db: Db;
demoDbForFile((d) => (db = d));

const page = (query: string) => searchPage(db, parseSearchPageQuery(new URLSearchParams(query)));

describe('/recherche', () => {
	it('names the commune typed, counts its actors and lists the structures within 10 km', () => {
		const r = page('q=Thiers');
		const [thiers] = r.places;
		expect(thiers).toMatchObject({ code: '63430', kind: 'commune', name: 'Thiers', departementName: 'Puy-de-Dôme', rest: null });
		expect(thiers!.inside).toBeGreaterThan(0);
		expect(thiers!.near?.radiusKm).toBe(10);
		expect(thiers!.near!.items.every((i) => i.distance.length > 0)).toBe(true);
	});

	it('finds what the rest of the query asks for around the commune it names, nearest first, without repeating the results', () => {
		const r = page('q=coworking+thiers');
		expect(r.places[0]).toMatchObject({ name: 'Thiers', rest: 'coworking' });
		expect(r.around?.items.length).toBeGreaterThan(0);
		const listed = new Set(r.hits.map((h) => h.slug));
		expect(r.around!.items.some((i) => listed.has(i.slug))).toBe(false);
	});

	it('filters by a facet and keeps the facets of everything found', () => {
		const all = page('q=incubateurs');
		const cantal = page('q=incubateurs&dep=15');
		expect(cantal.total).toBe(all.facets.departement.find((f) => f.code === '15')?.count);
		expect(cantal.facets).toEqual(all.facets);
		expect(cantal.places).toEqual([]);
	});

	it('refuses unknown facets in French and changes nothing', () => {
		expect(() => page('q=x&dep=99')).toThrow(ValidationError);
		expect(() => page('q=x&dep=99')).toThrow(/département inconnu/);
		expect(() => page('q=x&kind=robot')).toThrow(/type d'acteur inconnu/);
	});
});
