import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl } from './browser';

/*
 * A person's e-mail and phone are private unless they opted in. Several demo persons get private contact
 * details, two get public ones (through the real write path, into the running server's database), then
 * every public page, API answer and export is fetched: the private values never appear anywhere, and the
 * public ones do appear where a visitor expects them (so the scan is known to see contact fields).
 */

type Result = { ok: true; id: number; version: number } | { ok: false; issues: string[] };
type Edit = { entity: string; patch: Record<string, unknown> };

function write(edits: Edit[]): Result[] {
	const run = spawnSync('node_modules/.bin/tsx', ['scripts/e2e-write.ts'], {
		env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
		input: JSON.stringify(edits),
		encoding: 'utf8'
	});
	if (run.status !== 0) throw new Error(`scripts/e2e-write.ts a échoué :\n${run.stderr}`);
	return JSON.parse(run.stdout) as Result[];
}

async function get(path: string): Promise<{ status: number; body: string }> {
	const res = await fetch(baseUrl() + path);
	return { status: res.status, body: await res.text() };
}

interface Person {
	id: number;
	slug: string;
	name: string;
	communeCode: string | null;
	relations: { otherId: number; otherSlug: string }[];
}

const secret = (i: number) => ({ email: `prive${i}.k7q@secret-rgpd.fr`, phone: `+33 7 00 11 22 3${i}` });
const open = (i: number) => ({ email: `public${i}.k7q@ouvert-rgpd.fr`, phone: `+33 4 00 99 88 7${i}` });

describe('RGPD : aucune sortie publique ne contient les coordonnées privées', () => {
	const persons: Person[] = [];
	let originals: Edit[] = [];
	const privateOnes = () => persons.slice(0, 4);
	const publicOnes = () => persons.slice(4);

	beforeAll(async () => {
		const list = (await (await fetch(`${baseUrl()}/api/v1/entities?kind=person&limit=100`)).json()) as { items: { slug: string; lon: number | null }[] };
		for (const item of list.items.slice(30)) {
			if (item.lon === null) continue;
			const d = (await (await fetch(`${baseUrl()}/api/v1/entities/${item.slug}`)).json()) as Person;
			if (d.relations.length > 0) persons.push(d);
			if (persons.length === 6) break;
		}
		expect(persons).toHaveLength(6);
		// The API hides what we are about to overwrite: read it from the file to put it back afterwards.
		const file = new Database(inject('databaseUrl'), { readonly: true, fileMustExist: true });
		try {
			const read = file.prepare('select email, phone, contact_public as contactPublic from entities where id = ?');
			originals = persons.map((p) => {
				const row = read.get(p.id) as { email: string | null; phone: string | null; contactPublic: number };
				return { entity: p.slug, patch: { email: row.email, phone: row.phone, contactPublic: row.contactPublic === 1 } };
			});
		} finally {
			file.close();
		}
		const results = write([
			// Public once, private now: the history must follow today's choice for every version.
			{ entity: persons[0]!.slug, patch: { ...secret(0), contactPublic: true } },
			{ entity: persons[0]!.slug, patch: { contactPublic: false } },
			...privateOnes()
				.slice(1)
				.map((p, i) => ({ entity: p.slug, patch: { ...secret(i + 1), contactPublic: false } })),
			...publicOnes().map((p, i) => ({ entity: p.slug, patch: { ...open(i), contactPublic: true } }))
		]);
		expect(
			results.filter((r) => !r.ok),
			JSON.stringify(results)
		).toEqual([]);
	});

	afterAll(() => {
		// Other browser test files share this database: put the demo back as it was.
		if (originals.length) write(originals);
	});

	/** Every public output we know of, for these persons and in general. */
	function publicOutputs(): string[] {
		const paths = [
			'/',
			'/acteurs',
			'/acteurs?kind=person',
			'/acteurs?kind=person&sort=name',
			'/carte',
			'/carte?kind=person',
			'/reseau',
			'/reseau?kind=person',
			'/parcours',
			'/parcours/flux',
			'/api/v1/map/points',
			'/api/v1/map/points?kind=person',
			'/api/v1/map/stats',
			'/api/v1/graph',
			'/api/v1/graph?kind=person',
			'/api/v1/graph/metrics',
			'/api/v1/export.gexf',
			'/api/v1/export.graphml',
			'/api/v1/export.gexf?kind=person',
			'/api/v1/pathways/flows',
			'/api/v1/pathways/flows.csv',
			'/reseau/apercu.svg',
			// Searching for pieces of the values (search pages echo the query, so never the whole value).
			'/api/v1/search?q=prive',
			'/api/v1/search?q=k7q',
			'/api/v1/search?q=rgpd',
			'/recherche?q=k7q',
			'/acteurs?q=k7q'
		];
		for (const p of persons) {
			const q = encodeURIComponent(p.name);
			paths.push(
				`/acteurs/${p.slug}`,
				`/acteurs/${p.slug}/historique`,
				`/api/v1/entities/${p.slug}`,
				`/api/v1/entities/${p.id}`,
				`/api/v1/search?q=${q}`,
				`/recherche?q=${q}`,
				`/acteurs?q=${q}`,
				`/carte?actor=${p.id}`,
				`/reseau?focus=${p.id}`,
				`/api/v1/graph?focus=${p.id}`,
				`/api/v1/export.graphml?focus=${p.id}`,
				`/api/v1/pathways?entity=${p.slug}`,
				`/api/v1/paths?from=${p.id}&to=${p.relations[0]!.otherId}`,
				`/acteurs/${p.relations[0]!.otherSlug}`,
				`/api/v1/entities/${p.relations[0]!.otherSlug}`
			);
			if (p.communeCode) paths.push(`/territoires/${p.communeCode}`, `/api/v1/map/nearby?commune=${p.communeCode}&radiusKm=5`);
		}
		return paths;
	}

	it('never shows a private e-mail or phone, in any page, API answer or export', async () => {
		const needles = privateOnes().flatMap((_, i) => {
			const s = secret(i);
			// The whole value, the local part (an encoded « @ » would hide the whole), the digits alone.
			return [s.email, s.email.split('@')[0]!, s.phone, s.phone.replace(/\D/g, '')];
		});
		let scanned = 0;
		for (const path of publicOutputs()) {
			const { status, body } = await get(path);
			// Pathways answer 404 for persons (they have no pathway): the answer is scanned all the same.
			expect(status, path).toBeLessThan(500);
			for (const needle of [...needles, 'secret-rgpd']) expect(body.includes(needle), `${needle} dans ${path}`).toBe(false);
			scanned++;
		}
		expect(scanned).toBeGreaterThan(80);
	});

	it('shows the contact details of persons who agreed, on their page and in the API', async () => {
		for (const [i, p] of publicOnes().entries()) {
			const { email, phone } = open(i);
			const page = await get(`/acteurs/${p.slug}`);
			expect(page.body).toContain(email);
			expect(page.body).toContain(phone);
			const detail = JSON.parse((await get(`/api/v1/entities/${p.slug}`)).body) as { email: string; phone: string };
			expect(detail).toMatchObject({ email, phone });
		}
		const hidden = JSON.parse((await get(`/api/v1/entities/${persons[1]!.slug}`)).body) as { email: unknown; phone: unknown };
		expect(hidden).toMatchObject({ email: null, phone: null });
	});

	it('the history of a person who withdrew consent hides the contact of every version, even the public one', async () => {
		const { body } = await get(`/acteurs/${persons[0]!.slug}/historique`);
		expect(body).toContain(persons[0]!.name);
		expect(body).not.toContain(secret(0).email);
		expect(body).not.toContain('prive0.k7q');
	});
});
