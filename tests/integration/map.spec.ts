import { describe, expect, it } from 'vitest';
import { demoDbForFile } from './fresh-db';
import { mapPoints, mapStats, nearby, nearbyParamsSchema, searchCommunes, statsParamsSchema } from '../../src/lib/server/services/map.service';
import { listDirectory, parseDirectoryQuery } from '../../src/lib/server/services/directory.service';
import { loadMapPage } from '../../src/lib/server/services/map-page.service';
import { listEntitiesApi } from '../../src/lib/server/services/entity-api.service';
import { parseParams } from '../../src/lib/server/services/params';
import { entityFiltersSchema } from '../../src/lib/domain/filters';
import { NotFoundError, ValidationError } from '../../src/lib/server/services/errors';
import { distanceKm } from '../../src/lib/geo/distance';
import type { Db } from '../../src/lib/server/db/index';

let db: Db;
demoDbForFile((d) => (db = d));

const filters = (qs: string) => parseParams(entityFiltersSchema, new URLSearchParams(qs));

describe('map points', () => {
	it('answers the same set as the directory, compactly', () => {
		for (const qs of ['', 'kind=third_place', 'sector=health&territory=63', 'q=incubateur']) {
			const map = mapPoints(db, filters(qs));
			const directory = listDirectory(db, parseDirectoryQuery(new URLSearchParams(qs)));
			expect(map.total, qs).toBe(directory.total);
			expect(map.points.length, qs).toBeLessThanOrEqual(map.total);
			expect(map.list.items.length).toBe(Math.min(50, map.total));
		}
		const third = mapPoints(db, filters('kind=third_place'));
		expect(third.points.every(([, , , k]) => third.kinds[k] === 'third_place')).toBe(true);
	});
	it('the list goes on past its first 50 names: `next` pages through the entities API without gap or repeat', () => {
		const qs = 'kind=organisation';
		const map = mapPoints(db, filters(qs));
		expect(map.total).toBeGreaterThan(120);
		const names = map.list.items.map((i) => i.id);
		let next = map.list.next;
		while (next) {
			const page = listEntitiesApi(db, new URLSearchParams(`${qs}&limit=50&cursor=${next}`));
			names.push(...page.items.map((i) => i.id));
			next = page.next;
		}
		expect(names.length).toBe(map.total);
		expect(new Set(names).size).toBe(map.total);
		const all = listDirectory(db, parseDirectoryQuery(new URLSearchParams(`${qs}&perPage=200`)));
		expect(names.slice(0, all.items.length)).toEqual(all.items.map((i) => i.id));
		expect(mapPoints(db, filters('q=incubateur&kind=event')).list.next).toBeNull();
	});
	it('places every point in Auvergne and flags commune-level positions as approximate', () => {
		const { points } = mapPoints(db, filters(''));
		expect(points.length).toBeGreaterThan(400);
		for (const [, lon, lat] of points) {
			expect(lon).toBeGreaterThan(1.9);
			expect(lon).toBeLessThan(4.6);
			expect(lat).toBeGreaterThan(44.6);
			expect(lat).toBeLessThan(46.9);
		}
		const approx = points.filter((p) => p[4] === 1).length;
		expect(approx).toBeGreaterThan(0);
		expect(approx).toBeLessThan(points.length);
	});
});

describe('territorial statistics', () => {
	it('counts the filtered set per département, with rates and class breaks', () => {
		const stats = mapStats(db, parseParams(statsParamsSchema, new URLSearchParams('level=departement&measure=count')));
		expect(stats.items.map((i) => i.code)).toEqual(['03', '15', '43', '63']);
		const located = listDirectory(db, parseDirectoryQuery(new URLSearchParams(''))).total;
		expect(stats.items.reduce((s, i) => s + i.count, 0)).toBeLessThanOrEqual(located);
		expect(stats.items.every((i) => i.count > 0 && i.population && i.per10k)).toBe(true);
		expect(stats.breaks.at(-1)).toBe(stats.max);
		const rate = mapStats(db, parseParams(statsParamsSchema, new URLSearchParams('level=departement&measure=rate&kind=third_place')));
		const cantal = rate.items.find((i) => i.code === '15')!;
		expect(cantal.per10k).toBeCloseTo((cantal.count / cantal.population!) * 10_000, 1);
	});
	it('covers every EPCI, each with its embedded outline (a choropleth) and its centroid', () => {
		const stats = mapStats(db, parseParams(statsParamsSchema, new URLSearchParams('level=epci&measure=rate')));
		expect(stats.items.length).toBe(46);
		expect(stats.items.every((i) => i.centroid !== null)).toBe(true);
		// Since the embedded official outlines every EPCI has one: before, none did and rates were circles.
		expect(stats.items.every((i) => i.hasOutline)).toBe(true);
		expect(stats.breaks.length).toBeGreaterThan(1);
		expect(stats.breaks.length).toBeLessThanOrEqual(5);
	});
	it('rejects unknown levels and measures', () => {
		expect(() => parseParams(statsParamsSchema, new URLSearchParams('level=canton'))).toThrow(ValidationError);
		expect(() => parseParams(statsParamsSchema, new URLSearchParams('measure=sum'))).toThrow(/mesure/);
	});
});

describe('around a commune', () => {
	it('lists structures within the radius, nearest first, persons left out', () => {
		const result = nearby(db, parseParams(nearbyParamsSchema, new URLSearchParams('commune=15014&radiusKm=30')));
		expect(result.commune.name).toBe('Aurillac');
		expect(result.items.length).toBeGreaterThan(3);
		const distances = result.items.map((i) => i.distanceKm);
		expect([...distances].sort((a, b) => a - b)).toEqual(distances);
		expect(distances.every((d) => d <= 30)).toBe(true);
		expect(result.items.some((i) => i.kind === 'person')).toBe(false);
		for (const item of result.items.slice(0, 5)) {
			expect(distanceKm(result.commune.centroid, [item.lon!, item.lat!])).toBeCloseTo(item.distanceKm, 0);
		}
		expect(result.circle.geometry.type).toBe('Polygon');
	});
	it('applies the shared filters', () => {
		const result = nearby(db, parseParams(nearbyParamsSchema, new URLSearchParams('commune=63113&radiusKm=40&kind=organisation&category=incubator')));
		expect(result.items.every((i) => i.categoryLabel === 'Incubateur')).toBe(true);
	});
	it('lists the same actors, in the same order, with the same total, as every located actor of the table measured one by one', () => {
		// Since issue 18 the box is read from entities_place_idx (ids and coordinates) and only the listed ones whole.
		const located = db.$client
			.prepare(
				"select id, kind, category, lon, lat from entities where status = 'published' and deleted_at is null and lon is not null and lat is not null order by id"
			)
			.all() as { id: number; kind: string; category: string; lon: number; lat: number }[];
		const cases = [
			'commune=63113&radiusKm=100',
			'commune=63113&radiusKm=10',
			'commune=15014&radiusKm=60&kind=organisation',
			'commune=03185&radiusKm=100&kind=person&kind=third_place'
		];
		let longest = 0;
		for (const qs of cases) {
			const params = parseParams(nearbyParamsSchema, new URLSearchParams(qs));
			const result = nearby(db, params);
			const kinds = params.kind.length ? params.kind : ['organisation', 'third_place', 'event'];
			const expected = located
				.filter((e) => kinds.includes(e.kind as never))
				.map((e) => ({ id: e.id, d: distanceKm(result.commune.centroid, [e.lon, e.lat]) }))
				.filter((e) => e.d <= params.radiusKm)
				.sort((a, b) => a.d - b.d || a.id - b.id);
			expect(result.total, qs).toBe(expected.length);
			expect(
				result.items.map((i) => i.id),
				qs
			).toEqual(expected.slice(0, 200).map((e) => e.id));
			longest = Math.max(longest, result.items.length);
		}
		// At least one case lists the 200 nearest of more than 200, so the cut is checked too.
		expect(longest).toBe(200);
	});
	it('refuses unknown communes and bad radii in French', () => {
		expect(() => nearby(db, parseParams(nearbyParamsSchema, new URLSearchParams('commune=99999')))).toThrow(NotFoundError);
		expect(() => parseParams(nearbyParamsSchema, new URLSearchParams('commune=15014&radiusKm=0'))).toThrow(/1 km/);
		expect(() => parseParams(nearbyParamsSchema, new URLSearchParams('radiusKm=5'))).toThrow(/commune/);
	});
});

describe('commune autocomplete', () => {
	it('finds communes whatever the accents, case and hyphens, big towns first', () => {
		const names = (q: string) => searchCommunes(db, new URLSearchParams({ q })).items.map((i) => i.name);
		expect(names('clermont')[0]).toBe('Clermont-Ferrand');
		expect(names('AURILLAC')).toEqual(['Aurillac']);
		expect(names('le puy')[0]).toBe('Le Puy-en-Velay');
		expect(names('ferrand')).toContain('Clermont-Ferrand');
		expect(names('montlucon')[0]).toBe('Montluçon');
		expect(searchCommunes(db, new URLSearchParams({ q: 'saint', limit: '3' })).items).toHaveLength(3);
		expect(() => searchCommunes(db, new URLSearchParams({ q: '' }))).toThrow(ValidationError);
	});
});

describe('map page URL', () => {
	const load = (qs: string, view?: 'carte' | 'embed/carte') => loadMapPage(db, new URLSearchParams(qs), view);
	it('reads the shared filters and checks the map parameters with the domain schemas (the browser reads the rest)', () => {
		const page = load('kind=third_place&territory=15&stat=rate&level=epci&near=15014&radius=30&actor=12&year=2021&type=funded_by&at=45.05,2.6,10');
		if ('redirect' in page) throw new Error('no redirect expected');
		expect(page.query.kind).toEqual(['third_place']);
		expect(page.query.territory).toBe('15');
		expect(page.basemap).toBe('none');
		for (const bad of ['radius=500&near=15014', 'year=1799', 'at=45,3', 'at=10,60,8', 'type=likes', 'actor=Pas%20un%20slug', 'stat=sum']) {
			expect(() => load(bad), bad).toThrow(ValidationError);
		}
		// The same year bound as the graph's API (1800), one schema for both.
		expect(() => load('year=1800')).not.toThrow();
	});
	it('sends an actor named by its slug to its id address, with the rest of the view', () => {
		const row = db.$client.prepare("SELECT id, slug FROM entities WHERE kind = 'organisation' ORDER BY id LIMIT 1").get() as { id: number; slug: string };
		expect(load(`kind=organisation&actor=${row.slug}&stat=count&at=45.5,3.1,9`)).toEqual({
			redirect: `/carte?kind=organisation&actor=${row.id}&stat=count&at=45.5000%2C3.1000%2C9`
		});
		expect(load(`actor=${row.slug}`, 'embed/carte')).toEqual({ redirect: `/embed/carte?actor=${row.id}` });
		expect(() => load('actor=personne-inconnue-du-tout')).toThrow(NotFoundError);
	});
});
