import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/index';
import { seedDemo } from '../../src/lib/server/seed/index';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { DuplicateFinder, findDuplicate, compactName, nearNames, type DuplicateCandidate } from '../../src/lib/server/import/duplicates';
import { listingsToCompare } from '../../src/lib/server/import/existing-listings';
import type { RowDraft } from '../../src/lib/import/row-entity';
import { entitiesForMatching } from '../../src/lib/server/repos/import.repo';
import { duplicateCandidates, nameNeighbours } from '../../src/lib/server/repos/match-keys';
import { probableDuplicateListing } from '../../src/lib/server/services/duplicates.service';
import { createEntity, updateEntity } from '../../src/lib/server/services/entity-write.service';
import { SYSTEM_ACTOR } from '../../src/lib/history/revision';
import { freshDb } from './fresh-db';

/*
 * A proposed listing is compared with the listings sharing one of its keys (SIRET, website, a name one slip
 * apart in its commune), read through indexes (issue 18), instead of the whole directory. The answer must be
 * the one the whole directory gives: checked here against the old way on the demo's 520 listings and on slips
 * of every kind, on a real database built by the real migrations.
 */

let t: ReturnType<typeof freshDb>;
let db: Db;
beforeAll(() => {
	t = freshDb();
	db = t.db;
	loadTerritories(db);
	seedDemo(db, { seed: 7 });
}, 120_000);
afterAll(() => t.close());

const wholeDirectory = (c: DuplicateCandidate) => {
	const hit = findDuplicate(
		c,
		entitiesForMatching(db).filter((e) => !e.deletedAt)
	);
	return hit ? { id: hit.of.id, why: hit.why } : null;
};
const throughKeys = (c: DuplicateCandidate) => {
	const hit = probableDuplicateListing(db, c);
	return hit ? { id: hit.id, why: hit.why } : null;
};

/** Slips a person makes: a letter dropped, doubled, changed, two swapped; accents and case lost; a word added. */
function slips(name: string): string[] {
	const mid = Math.floor(name.length / 2);
	return [
		name,
		name.slice(0, mid) + name.slice(mid + 1),
		name.slice(0, mid) + name[mid] + name.slice(mid),
		name.slice(0, mid) + 'x' + name.slice(mid + 1),
		name.slice(0, mid) + (name[mid + 1] ?? '') + name[mid] + name.slice(mid + 2),
		name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase(),
		`${name} Auvergne`,
		`Le ${name}`
	];
}

describe('duplicate candidates through the keys', () => {
	it('give the same answer as the whole directory, for listings of every kind and slips of its name, with and without commune, website, SIRET', () => {
		const listings = db.all<{ name: string; communeCode: string | null; website: string | null; siret: string | null }>(
			sql`select name, commune_code as communeCode, website, siret from entities where deleted_at is null order by id`
		);
		expect(listings.length).toBeGreaterThan(400);
		let compared = 0;
		let found = 0;
		// Every 13th listing: the old way reads and indexes the whole directory per candidate (that is the point).
		for (const [i, l] of listings.entries()) {
			if (i % 13 !== 0) continue;
			for (const name of slips(l.name)) {
				const variants: DuplicateCandidate[] = [
					{ name, communeCode: l.communeCode, website: null, siret: null },
					{ name, communeCode: null, website: null, siret: null },
					{ name, communeCode: listings[(i + 1) % listings.length]!.communeCode, website: l.website, siret: null },
					{ name: 'Tout autre nom', communeCode: null, website: l.website ? `${l.website}/` : null, siret: l.siret }
				];
				for (const c of variants) {
					const expected = wholeDirectory(c);
					expect(throughKeys(c), JSON.stringify(c)).toEqual(expected);
					compared++;
					if (expected) found++;
				}
			}
		}
		// The comparison means something only if many candidates are duplicates and many are not.
		expect(found).toBeGreaterThan(compared / 4);
		expect(compared - found).toBeGreaterThan(compared / 10);
	}, 300_000);

	it('an import reads only the listings its rows could match, and its rows get the answers the whole directory gives', async () => {
		const listings = db.all<{ name: string; communeCode: string | null; website: string | null; siret: string | null }>(
			sql`select name, commune_code as communeCode, website, siret from entities where deleted_at is null order by id`
		);
		// One file of 280 rows: slips of every 15th listing's name, in its commune, elsewhere, by website and SIRET.
		const file: DuplicateCandidate[] = listings
			.filter((_, i) => i % 15 === 0)
			.flatMap((l, i) =>
				slips(l.name).flatMap((name) => [
					{ name, communeCode: l.communeCode, website: null, siret: null },
					{ name, communeCode: listings[(i * 7 + 3) % listings.length]!.communeCode, website: i % 2 ? l.website : null, siret: i % 3 ? null : l.siret }
				])
			);
		const drafts = file.map((c) => ({ input: { ...c } }) as unknown as RowDraft);
		const read = await listingsToCompare(db, drafts);
		const everything = entitiesForMatching(db);
		expect(read.length).toBeLessThan(everything.length / 2);
		const fromKeys = new DuplicateFinder(
			read.filter((e) => !e.deletedAt),
			file
		);
		const whole = new DuplicateFinder(
			everything.filter((e) => !e.deletedAt),
			file
		);
		let found = 0;
		for (const c of file) {
			const expected = whole.find(c);
			expect(fromKeys.find(c)?.of.id ?? null, JSON.stringify(c)).toBe(expected?.of.id ?? null);
			expect(fromKeys.find(c)?.why).toBe(expected?.why);
			if (expected) found++;
		}
		expect(found).toBeGreaterThan(file.length / 4);
		expect(file.length - found).toBeGreaterThan(file.length / 10);
	});

	it('keep the keys current on every write, and give keys to rows inserted by hand', () => {
		const id = createEntity(db, {
			kind: 'organisation',
			category: 'company',
			name: 'Société Nouvelle du Puy',
			slug: 'societe-nouvelle-du-puy',
			communeCode: '43157'
		});
		expect(throughKeys({ name: 'Societe Nouvele du Puy', communeCode: '43157', website: null, siret: null })?.id).toBe(id);
		updateEntity(
			db,
			id,
			{ name: 'Maison Renommée du Puy', website: 'https://www.renommee.example.org/' },
			{ actor: SYSTEM_ACTOR, reason: 'essai', expectedVersion: 1 }
		);
		expect(throughKeys({ name: 'Societe Nouvele du Puy', communeCode: '43157', website: null, siret: null })).toBeNull();
		expect(throughKeys({ name: 'Maison Renomee du Puy', communeCode: '43157', website: null, siret: null })?.id).toBe(id);
		expect(throughKeys({ name: 'Autre', communeCode: null, website: 'renommee.example.org', siret: null })?.id).toBe(id);

		db.run(
			sql`insert into entities (slug, kind, category, name, commune_code) values ('a-la-main', 'organisation', 'company', 'Entreprise posée à la main', '63113')`
		);
		expect(throughKeys({ name: 'Entreprise posee a la main', communeCode: '63113', website: null, siret: null })).toMatchObject({
			why: 'même nom dans la même commune'
		});
	});

	it('read a handful of rows through the indexes, not the directory', () => {
		const plan = (q: string) => db.all<{ detail: string }>(sql.raw(`explain query plan ${q}`)).map((r) => r.detail);
		expect(plan("select id from entities where commune_code = '63113' and match_name in ('fablablimagne', 'fablablimagn')").join(' ')).toMatch(
			/USING (COVERING )?INDEX entities_match_name_idx/
		);
		expect(plan("select id from entities where website_key = 'exemple.fr'").join(' ')).toMatch(/USING (COVERING )?INDEX entities_website_key_idx/);
		const c = { name: 'Fablab de la Limagne', communeCode: '63113', website: 'https://fablab.example.org', siret: '12345678901234' };
		expect(duplicateCandidates(db, c).length).toBeLessThan(20);
	});

	it('neighbours hold every name one slip away', () => {
		const compact = compactName('Fablab de la Limagne');
		const near = new Set(nameNeighbours(compact));
		for (const other of ['FabLab Limagne', 'Fablab de la Limagn', 'Fablab de la Limmagne', 'Fablab de la Limagme', 'Fablab de la Limgane']) {
			expect(nearNames('Fablab de la Limagne', other)).toBe(true);
			expect(near.has(compactName(other))).toBe(true);
		}
		expect(nameNeighbours('abc')).toEqual(['abc']);
	});
});
