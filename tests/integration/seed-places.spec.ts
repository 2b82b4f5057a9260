import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '$lib/server/db';
import { seedDemo } from '$lib/server/seed';
import { areaContains, AREAS_BY_DEPARTEMENT, type CommuneLike } from '$lib/server/seed/areas';
import { loadTerritories } from '$lib/server/territories/territory-loader';

/**
 * A structure named after a place is located there: every place a demo name mentions (a regional area
 * such as « Brivadois », a commune, a département) must contain the structure's commune.
 */
const dir = mkdtempSync(join(tmpdir(), 'carto-seed-places-'));
const opened: Db[] = [];
let counter = 0;

function seeded(options: Parameters<typeof seedDemo>[1] = {}): Db {
	const db = openDb(join(dir, `places-${++counter}.db`));
	opened.push(db);
	loadTerritories(db);
	seedDemo(db, options);
	return db;
}

afterAll(() => {
	for (const db of opened) db.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

interface Commune extends CommuneLike {
	name: string;
}

interface Entity {
	name: string;
	kind: string;
	commune: Commune;
}

/** A place a name can mention, and whether a commune is inside it. */
interface Place {
	label: string;
	/** The spellings looked for in names, as whole words. */
	spellings: string[];
	contains: (c: Commune) => boolean;
}

function communesOf(db: Db): Commune[] {
	return db.$client
		.prepare("select code, name, departement_code as departementCode, epci_code as epciCode from territories where kind = 'commune'")
		.all() as Commune[];
}

function placesOf(db: Db): Place[] {
	const places: Place[] = [];
	for (const areas of Object.values(AREAS_BY_DEPARTEMENT)) {
		for (const a of areas) places.push({ label: `zone ${a.name}`, spellings: [a.name], contains: (c) => areaContains(a, c) });
	}
	const byName = new Map<string, Set<string>>();
	for (const c of communesOf(db)) byName.set(c.name, (byName.get(c.name) ?? new Set()).add(c.code));
	for (const [name, codes] of byName) {
		// « du Puy-en-Velay », « des Ancizes-Comps »: the name also appears without its article.
		const bare = name.replace(/^(Le|La|Les) /, '').replace(/^L'/, '');
		places.push({ label: `commune ${name}`, spellings: [...new Set([name, bare])], contains: (c) => codes.has(c.code) });
	}
	const departements = db.$client.prepare("select code, name from territories where kind = 'departement'").all() as { code: string; name: string }[];
	for (const d of departements) places.push({ label: `département ${d.name}`, spellings: [d.name], contains: (c) => c.departementCode === d.code });
	return places;
}

const WORD = /[\p{L}\p{N}-]/u;

/**
 * The spellings of places a name mentions, longest first; a mention hides the words it covers, so « Val
 * d’Allier » is not also the département Allier, nor « Monts du Cantal » the Cantal.
 */
function mentions(name: string, spellings: string[]): string[] {
	let text = name;
	const found: string[] = [];
	for (const s of spellings) {
		let at = text.indexOf(s);
		while (at >= 0) {
			const before = text[at - 1];
			const after = text[at + s.length];
			if ((!before || !WORD.test(before)) && (!after || !WORD.test(after))) {
				if (!found.includes(s)) found.push(s);
				text = text.slice(0, at) + ' '.repeat(s.length) + text.slice(at + s.length);
			}
			at = text.indexOf(s, at + 1);
		}
	}
	return found;
}

function entitiesOf(db: Db): Entity[] {
	const rows = db.$client
		.prepare(
			`select e.name, e.kind, t.code, t.name as communeName, t.departement_code as departementCode, t.epci_code as epciCode
			 from entities e join territories t on t.code = e.commune_code order by e.id`
		)
		.all() as { name: string; kind: string; code: string; communeName: string; departementCode: string; epciCode: string | null }[];
	return rows.map((r) => ({
		name: r.name,
		kind: r.kind,
		commune: { code: r.code, name: r.communeName, departementCode: r.departementCode, epciCode: r.epciCode }
	}));
}

/**
 * « Nid d'entreprises du Brivadois » à Chadrac (zone Brivadois) — one line per misplaced name. A spelling
 * several places share (« Monestier »: Le Monestier in 63, Monestier in 03) is right if one of them fits.
 */
function misplaced(db: Db): { named: number; wrong: string[] } {
	const bySpelling = new Map<string, Place[]>();
	for (const p of placesOf(db)) for (const s of p.spellings) bySpelling.set(s, [...(bySpelling.get(s) ?? []), p]);
	const spellings = [...bySpelling.keys()].sort((a, b) => b.length - a.length);
	let named = 0;
	const wrong: string[] = [];
	for (const e of entitiesOf(db)) {
		if (e.kind === 'person') continue; // people are named after nobody's place
		const found = mentions(e.name, spellings);
		if (found.length) named++;
		for (const s of found) {
			const places = bySpelling.get(s) ?? [];
			if (!places.some((p) => p.contains(e.commune)))
				wrong.push(`« ${e.name} » à ${e.commune.name} (${e.commune.code}) : ${places.map((p) => p.label).join(' ou ')}`);
		}
	}
	return { named, wrong };
}

describe('les noms de lieux de la démo', () => {
	it('name only real territories: every EPCI and commune code of the areas exists in the embedded data', () => {
		const db = openDb(join(dir, 'territories.db'));
		opened.push(db);
		loadTerritories(db);
		const kindOf = new Map(
			(db.$client.prepare('select code, kind, departement_code as dep from territories').all() as { code: string; kind: string; dep: string }[]).map((t) => [
				t.code,
				t
			])
		);
		for (const [departement, areas] of Object.entries(AREAS_BY_DEPARTEMENT)) {
			for (const a of areas) {
				expect(a.where, a.name).toBeDefined();
				for (const code of a.where?.epcis ?? []) expect(kindOf.get(code)?.kind, `${a.name} : EPCI ${code}`).toBe('epci');
				for (const code of a.where?.communes ?? []) {
					expect(kindOf.get(code)?.kind, `${a.name} : commune ${code}`).toBe('commune');
					expect(kindOf.get(code)?.dep, `${a.name} : commune ${code}`).toBe(departement);
				}
				if (a.where?.departement) expect(a.where.departement).toBe(departement);
			}
		}
	});

	describe('the demo everyone sees (npm start, fixed seed)', () => {
		let db: Db;
		beforeAll(() => {
			db = seeded();
		});

		it('locates every structure and event named after a place inside that place', () => {
			const { named, wrong } = misplaced(db);
			console.info(`[démo] ${named} noms citent un lieu`);
			expect(wrong).toEqual([]);
			// Not vacuous: most structures carry a place in their name.
			expect(named).toBeGreaterThan(100);
		});

		it('puts the Brivadois around Brioude, not in Chadrac', () => {
			const brivadois = entitiesOf(db).filter((e) => /Brivadois/.test(e.name));
			expect(brivadois.length).toBeGreaterThan(0);
			for (const e of brivadois) expect(['200085728', '244301099'], `${e.name} à ${e.commune.name}`).toContain(e.commune.epciCode);
			expect(entitiesOf(db).some((e) => e.name.includes('Brivadois') && e.commune.name === 'Chadrac')).toBe(false);
		});
	});

	it('holds for any seed and at scale, not only for the demo', () => {
		for (const options of [{ seed: 7 }, { seed: 42, scale: 1500 }]) {
			const { named, wrong } = misplaced(seeded(options));
			expect(wrong, JSON.stringify(options)).toEqual([]);
			expect(named).toBeGreaterThan(100);
		}
	});
});
