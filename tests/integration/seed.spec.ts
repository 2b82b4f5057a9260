import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLUG_RE } from '$lib/domain/entity.schema';
import { openDb, type Db } from '$lib/server/db';
import { territories, type NewTerritory } from '$lib/server/db/schema';
import { isDatabaseEmpty, seedDemo, type SeedResult } from '$lib/server/seed';
import { loadTerritories } from '$lib/server/territories/territory-loader';

const dir = mkdtempSync(join(tmpdir(), 'carto-seed-'));
const opened: Db[] = [];
let counter = 0;

function freshDb(withTerritories = true): Db {
	const db = openDb(join(dir, `seed-${++counter}.db`));
	opened.push(db);
	if (withTerritories) loadTerritories(db);
	return db;
}

const rows = <T>(db: Db, query: string, ...params: unknown[]) => db.$client.prepare(query).all(...params) as T[];
const value = (db: Db, query: string, ...params: unknown[]) => Object.values(db.$client.prepare(query).get(...params) as object)[0] as number;
const countWhere = (db: Db, where: string) => value(db, `select count(*) from entities where ${where}`);

afterAll(() => {
	for (const db of opened) db.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('seedDemo (démo de base)', () => {
	let db: Db;
	let result: SeedResult;

	beforeAll(() => {
		db = freshDb();
		expect(isDatabaseEmpty(db)).toBe(true);
		result = seedDemo(db, { seed: 42 });
		console.info(`[seed] démo : ${result.entities} acteurs, ${result.relations} relations en ${result.ms} ms`);
	});

	it('refuses to run without territories, in French', () => {
		expect(() => seedDemo(freshDb(false))).toThrow(/territoires/);
	});

	it('fills the database with the expected counts per kind and category', () => {
		expect(isDatabaseEmpty(db)).toBe(false);
		expect(value(db, 'select count(*) from entities')).toBe(result.entities);
		expect(value(db, 'select count(*) from relations')).toBe(result.relations);
		const support = "'incubator','accelerator','funder','public_body','support_network','cluster','lab','university','association','media'";
		expect(countWhere(db, `kind = 'organisation' and category in (${support})`)).toBeGreaterThanOrEqual(55);
		expect(countWhere(db, `kind = 'organisation' and category in (${support})`)).toBeLessThanOrEqual(65);
		expect(countWhere(db, "kind = 'third_place'")).toBeGreaterThanOrEqual(35);
		expect(countWhere(db, "kind = 'third_place'")).toBeLessThanOrEqual(45);
		expect(countWhere(db, "category in ('startup','company','large_company')")).toBeGreaterThanOrEqual(140);
		expect(countWhere(db, "category in ('startup','company','large_company')")).toBeLessThanOrEqual(160);
		expect(countWhere(db, "kind = 'person'")).toBeGreaterThanOrEqual(240);
		expect(countWhere(db, "kind = 'person'")).toBeLessThanOrEqual(260);
		expect(countWhere(db, "kind = 'event'")).toBeGreaterThanOrEqual(18);
		expect(countWhere(db, "kind = 'event'")).toBeLessThanOrEqual(22);
		for (const category of ['incubator', 'accelerator', 'funder', 'lab', 'coworking', 'fablab', 'rural_third_place', 'researcher', 'investor', 'journalist']) {
			expect(countWhere(db, `category = '${category}'`), category).toBeGreaterThan(0);
		}
		expect(result.relations).toBeGreaterThanOrEqual(1300);
		expect(result.relations).toBeLessThanOrEqual(1800);
		const types = rows<{ type: string }>(db, 'select distinct type from relations').map((r) => r.type);
		expect(types.length).toBe(15);
	});

	it('is deterministic for a given seed, different for another', () => {
		const slugs = (d: Db) => rows<{ slug: string }>(d, 'select slug from entities order by id').map((r) => r.slug);
		const links = (d: Db) =>
			rows<{ k: string }>(
				d,
				`select r.type || ' ' || s.slug || ' ' || t.slug || ' ' || coalesce(r.start_date, '') as k
				 from relations r join entities s on s.id = r.source_id join entities t on t.id = r.target_id order by r.id`
			).map((r) => r.k);
		const again = freshDb();
		const second = seedDemo(again, { seed: 42 });
		expect(second.entities).toBe(result.entities);
		expect(second.relations).toBe(result.relations);
		expect(slugs(again)).toEqual(slugs(db));
		expect(links(again)).toEqual(links(db));
		const other = freshDb();
		seedDemo(other, { seed: 7 });
		expect(slugs(other)).not.toEqual(slugs(db));
	});

	it('writes unique kebab-case slugs, demo flags, example.org websites', () => {
		const all = rows<{ slug: string; website: string | null; is_demo: number; status: string; summary: string; description: string }>(
			db,
			'select * from entities'
		);
		expect(new Set(all.map((e) => e.slug)).size).toBe(all.length);
		for (const e of all) {
			expect(e.slug).toMatch(SLUG_RE);
			expect(e.is_demo).toBe(1);
			expect(e.status).toBe('published');
			expect(e.summary.length).toBeGreaterThan(10);
			expect(e.description).toMatch(/\*\*|^- /m);
			if (e.website) expect(new URL(e.website).hostname).toMatch(/(^|\.)example\.org$/);
		}
	});

	it('links only existing entities, with a source on every relation', () => {
		const orphans = value(
			db,
			`select count(*) from relations r left join entities s on s.id = r.source_id left join entities t on t.id = r.target_id
			 where s.id is null or t.id is null or r.source_id = r.target_id`
		);
		expect(orphans).toBe(0);
		expect(value(db, "select count(*) from relations where source is null or source = ''")).toBe(0);
		expect(value(db, 'select count(*) from relations where is_demo = 0')).toBe(0);
		expect(value(db, "select count(*) from relations where confirmation = 'confirmed'")).toBeGreaterThan(result.relations * 0.15);
		expect(value(db, 'select count(*) from relations where end_date is not null and end_date < start_date')).toBe(0);
		// partial dates of every precision
		for (const glob of ['[0-9][0-9][0-9][0-9]', '[0-9][0-9][0-9][0-9]-[0-9][0-9]', '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]']) {
			expect(value(db, `select count(*) from relations where start_date glob '${glob}'`), glob).toBeGreaterThan(20);
		}
	});

	it('connects the right kinds of actors for each relation type', () => {
		const expected: Record<string, { source: string[]; target: string[] }> = {
			founded: { source: ['entrepreneur', 'researcher'], target: ['startup', 'company'] },
			incubated_by: { source: ['startup'], target: ['incubator', 'incubation_space'] },
			accelerated_by: { source: ['startup'], target: ['accelerator'] },
			funded_by: {
				source: ['startup', 'company', 'coworking', 'fablab', 'living_lab', 'makerspace', 'rural_third_place', 'incubation_space'],
				target: ['funder', 'public_body']
			},
			hosted_by: { source: ['startup', 'company'], target: ['coworking', 'rural_third_place', 'incubation_space', 'fablab'] },
			spin_off_of: { source: ['startup'], target: ['lab', 'university', 'company', 'large_company'] },
			takes_place_at: {
				source: ['meetup', 'conference', 'hackathon', 'training', 'pitch'],
				target: ['coworking', 'fablab', 'living_lab', 'makerspace', 'rural_third_place', 'incubation_space']
			}
		};
		const found = rows<{ type: string; sc: string; tc: string }>(
			db,
			'select distinct r.type, s.category as sc, t.category as tc from relations r join entities s on s.id = r.source_id join entities t on t.id = r.target_id'
		);
		for (const r of found) {
			const rule = expected[r.type];
			if (!rule) continue;
			expect(rule.source, `${r.type} depuis ${r.sc}`).toContain(r.sc);
			expect(rule.target, `${r.type} vers ${r.tc}`).toContain(r.tc);
		}
		const kinds = rows<{ type: string; sk: string; tk: string }>(
			db,
			'select distinct r.type, s.kind as sk, t.kind as tk from relations r join entities s on s.id = r.source_id join entities t on t.id = r.target_id'
		);
		for (const r of kinds) {
			if (['organises', 'participates_in'].includes(r.type)) expect(r.tk).toBe('event');
			if (['works_at', 'leads'].includes(r.type)) expect(r.sk).toBe('person');
		}
	});

	it('dates the pathway steps of each startup in order', () => {
		const chain = ['founded', 'hosted_by', 'incubated_by', 'funded_by', 'accelerated_by'];
		const steps = rows<{ startup: number; type: string; start: string }>(
			db,
			`select case when r.type = 'founded' then r.target_id else r.source_id end as startup, r.type, r.start_date as start
			 from relations r join entities s on s.id = case when r.type = 'founded' then r.target_id else r.source_id end
			 where s.category = 'startup' and r.type in (${chain.map((t) => `'${t}'`).join(',')})`
		);
		const byStartup = new Map<number, Map<string, string[]>>();
		for (const s of steps) {
			expect(s.start, `${s.type} sans date`).toBeTruthy();
			const m = byStartup.get(s.startup) ?? new Map<string, string[]>();
			m.set(s.type, [...(m.get(s.type) ?? []), s.start]);
			byStartup.set(s.startup, m);
		}
		let withPathway = 0;
		for (const [startup, m] of byStartup) {
			const present = chain.filter((t) => m.has(t));
			if (present.length >= 3) withPathway++;
			for (let i = 1; i < present.length; i++) {
				const before = m.get(present[i - 1] as string) as string[];
				const after = m.get(present[i] as string) as string[];
				const latestBefore = [...before].sort().at(-1) as string;
				const earliestAfter = [...after].sort()[0] as string;
				expect(latestBefore <= earliestAfter, `startup ${startup} : ${present[i - 1]} ${latestBefore} > ${present[i]} ${earliestAfter}`).toBe(true);
			}
		}
		expect(withPathway).toBeGreaterThan(40);
	});

	it('places every located actor in Auvergne, near a real commune, in every département', () => {
		const located = rows<{ lon: number | null; lat: number | null; coord_precision: string | null; address: string | null; clon: number; clat: number }>(
			db,
			`select e.lon, e.lat, e.coord_precision, e.address, t.centroid_lon as clon, t.centroid_lat as clat
			 from entities e join territories t on t.code = e.commune_code`
		);
		expect(located.length).toBe(result.entities);
		for (const e of located) {
			expect(e.lon).not.toBeNull();
			expect(e.lon as number).toBeGreaterThan(1.9);
			expect(e.lon as number).toBeLessThan(4.6);
			expect(e.lat as number).toBeGreaterThan(44.6);
			expect(e.lat as number).toBeLessThan(46.9);
			expect(Math.abs((e.lon as number) - e.clon)).toBeLessThan(0.03);
			expect(Math.abs((e.lat as number) - e.clat)).toBeLessThan(0.03);
			expect(['commune', 'address']).toContain(e.coord_precision);
			if (e.coord_precision === 'address') expect(e.address).toBeTruthy();
		}
		expect(value(db, "select count(*) from entities where coord_precision = 'address'")).toBeGreaterThan(10);
		const perDepartement = rows<{ d: string; n: number; places: number; support: number }>(
			db,
			`select t.departement_code as d, count(*) as n, sum(e.kind = 'third_place') as places,
			        sum(e.category in ('incubator','funder','public_body','support_network')) as support
			 from entities e join territories t on t.code = e.commune_code group by 1`
		);
		expect(perDepartement.map((r) => r.d).sort()).toEqual(['03', '15', '43', '63']);
		for (const r of perDepartement) {
			expect(r.n, r.d).toBeGreaterThan(40);
			expect(r.places, r.d).toBeGreaterThan(2);
			expect(r.support, r.d).toBeGreaterThan(2);
		}
		// The Clermont-Ferrand area is the densest; rural communes have actors too.
		const metro = value(
			db,
			`select count(*) from entities e join territories t on t.code = e.commune_code
			 where t.epci_code = (select epci_code from territories where code = '63113')`
		);
		expect(metro).toBeGreaterThan(result.entities * 0.12);
		expect(value(db, 'select count(*) from entities e join territories t on t.code = e.commune_code where t.population < 2000')).toBeGreaterThan(30);
	});

	it('gives support structures stages and offers that fit their category', () => {
		const structures = rows<{ category: string; stages: string; offers: string }>(
			db,
			"select category, stages, offers from entities where category in ('incubator','funder','fablab','accelerator','coworking')"
		);
		const must: Record<string, { stage?: string; offer: string }> = {
			incubator: { stage: 'emergence', offer: 'mentoring' },
			funder: { offer: 'funding' },
			fablab: { offer: 'equipment' },
			accelerator: { stage: 'growth', offer: 'mentoring' },
			coworking: { offer: 'hosting' }
		};
		for (const s of structures) {
			const rule = must[s.category] as { stage?: string; offer: string };
			expect(JSON.parse(s.offers)).toContain(rule.offer);
			if (rule.stage) expect(JSON.parse(s.stages)).toContain(rule.stage);
		}
	});

	it('keeps contacts invented and mostly private', () => {
		const people = rows<{ email: string | null; phone: string | null; contact_public: number }>(
			db,
			"select email, phone, contact_public from entities where kind = 'person'"
		);
		const visible = people.filter((p) => p.contact_public === 1);
		expect(visible.length).toBeGreaterThan(people.length * 0.03);
		expect(visible.length).toBeLessThan(people.length * 0.2);
		for (const p of people) {
			if (p.email) expect(p.email).toMatch(/@example\.org$/);
			if (p.phone) expect(p.phone).toMatch(/^04 00 00 \d{2} \d{2}$/);
			if (p.contact_public === 1) expect(p.email).toBeTruthy();
		}
		expect(value(db, "select count(*) from entities where email is not null and email not like '%example.org'")).toBe(0);
	});

	it('dates events and holds them in a third-place', () => {
		const events = rows<{ starts_at: string; ends_at: string; venues: number }>(
			db,
			`select e.starts_at, e.ends_at, (select count(*) from relations r join entities v on v.id = r.target_id
			   where r.source_id = e.id and r.type = 'takes_place_at' and v.kind = 'third_place') as venues
			 from entities e where e.kind = 'event'`
		);
		for (const e of events) {
			expect(e.starts_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
			expect(e.ends_at > e.starts_at).toBe(true);
			expect(e.venues).toBe(1);
		}
	});
});

describe('seedDemo on a handful of territories', () => {
	it('works with any scope that has communes with centroids', () => {
		const db = freshDb(false);
		const commune = (code: string, name: string, dep: string, population: number, lon: number, lat: number): NewTerritory => ({
			code,
			kind: 'commune',
			name,
			parentCode: dep,
			departementCode: dep,
			population,
			centroidLon: lon,
			centroidLat: lat,
			source: 'test',
			vintage: 'test'
		});
		db.insert(territories)
			.values([
				{ code: '63', kind: 'departement', name: 'Puy-de-Dôme', source: 'test', vintage: 'test' },
				{ code: '15', kind: 'departement', name: 'Cantal', source: 'test', vintage: 'test' },
				commune('63113', 'Clermont-Ferrand', '63', 147_000, 3.0822, 45.7797),
				commune('63038', 'Besse-et-Saint-Anastaise', '63', 1_500, 2.934, 45.508),
				commune('15014', 'Aurillac', '15', 25_000, 2.444, 44.926),
				commune('15138', 'Murat', '15', 1_900, 2.868, 45.111)
			])
			.run();
		const r = seedDemo(db, { seed: 1 });
		expect(r.entities).toBeGreaterThan(500);
		expect(value(db, 'select count(distinct commune_code) from entities')).toBe(4);
		// A second run beside the first one never reuses a slug.
		const more = seedDemo(db, { seed: 1 });
		expect(value(db, 'select count(distinct slug) from entities')).toBe(r.entities + more.entities);
	});
});

describe('seedDemo at scale', () => {
	it('generates about 10k entities and 50k relations', () => {
		const db = freshDb();
		const r = seedDemo(db, { scale: 10_000 });
		console.info(`[seed] échelle 10 000 : ${r.entities} acteurs, ${r.relations} relations en ${r.ms} ms`);
		expect(r.entities).toBeGreaterThanOrEqual(9_500);
		expect(r.relations).toBeGreaterThanOrEqual(45_000);
		expect(value(db, 'select count(distinct slug) from entities')).toBe(r.entities);
	});
});
