import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { freshDb } from './fresh-db';
import { commitImport, previewImport } from '../../src/lib/server/services/import.service';
import { proposeEntity } from '../../src/lib/server/services/contribution.service';
import { probableDuplicateListing } from '../../src/lib/server/services/duplicates.service';
import { ValidationError } from '../../src/lib/server/services/errors';
import { inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { readImportFile } from '../../src/lib/server/import/read-file';
import { readPresets } from '../../src/lib/server/import/presets';
import { readCategoryWords } from '../../src/lib/server/import/category-words';
import { columnsDoc } from '../../src/lib/server/import/columns-doc';
import type { ImportPlan } from '../../src/lib/server/import/plan';

/*
 * Each preset on a file made the way its source publishes it (tests/fixtures/import/README.md), into a real
 * SQLite database built by the migrations, with the Auvergne territories: columns recognised, category words
 * read, kinds of place the directory does not list skipped and counted, duplicates judged by the same rules
 * as a partner's proposal.
 */

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));

let t: ReturnType<typeof freshDb>;
let editor: AccountUser;
beforeAll(() => {
	vi.spyOn(console, 'log').mockImplementation(() => undefined);
	t = freshDb();
	loadTerritories(t.db);
	const { userId } = inviteUser(t.db, 'cli', { email: 'editrice@example.org', displayName: 'Éditrice', role: 'editor' });
	editor = { id: userId, email: 'editrice@example.org', displayName: 'Éditrice', role: 'editor' };
});
afterAll(() => t.close());
beforeEach(() => {
	t.db.run(sql`delete from entities`);
});

const row = (plan: ImportPlan, n: number) => plan.rows.find((r) => r.row === n)!;
const problemsOf = (plan: ImportPlan, n: number) => plan.problems.filter((p) => p.row === n);

/** A JSON array flattened the way the JSON reader gives it to the importer: dotted names, lists kept as JSON text. */
function flattenedCsv(items: Record<string, unknown>[]): Uint8Array {
	const flat = items.map((item) => {
		const out: Record<string, string> = {};
		const walk = (value: unknown, path: string) => {
			if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
			else
				out[path] =
					value === null || value === undefined
						? ''
						: Array.isArray(value)
							? value.every((v) => typeof v === 'string')
								? value.join('; ')
								: JSON.stringify(value)
							: String(value);
		};
		walk(item, '');
		return out;
	});
	const headers = [...new Set(flat.flatMap((o) => Object.keys(o)))];
	const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
	return new TextEncoder().encode([headers.join(','), ...flat.map((o) => headers.map((h) => quote(o[h] ?? '')).join(','))].join('\n'));
}

describe('the preset and category files', () => {
	it('are valid: every preset names known fields and categories, and its file is named after its id', () => {
		expect(
			readPresets()
				.map((p) => p.id)
				.sort()
		).toEqual(['anct-mediation-numerique', 'connecteur-carto', 'fablabs-io', 'gogocarto']);
		const words = readCategoryWords();
		expect(words.get('tiers lieux')).toBe('rural_third_place');
		expect(words.get('mediatheque')).toBeNull();
	});
	it('docs/import-columns.md is the one npm run import:doc writes from them', () => {
		expect(readFileSync('docs/import-columns.md', 'utf8')).toBe(columnsDoc());
	});
});

describe('ANCT « lieux de médiation numérique » file', () => {
	const settings = { preset: 'anct-mediation-numerique', skipUnlisted: true, values: { category: { MDS: 'public_body' } } };

	it('imports in one strict pass: categories from the typologie codes, libraries and France Services skipped, nine Maisons des solidarités kept, duplicates flagged with the other row', async () => {
		const { plan, job } = await previewImport(
			t.db,
			editor,
			{ name: 'lieux-mediation-numerique.csv', bytes: fixture('anct-mediation-numerique.csv') },
			settings
		);
		expect(plan.encoding).toMatch(/utf-8/i);
		expect(plan.delimiter).toBe(',');
		expect(plan.mapping).toMatchObject({
			nom: 'name',
			typologie: 'category',
			complement_adresse: 'address2',
			site_web: 'website',
			horaires: null,
			services: null,
			date_maj: 'lastVerifiedAt',
			id: null
		});
		expect(plan.counts).toMatchObject({ rows: 16, create: 12, skip: 4, error: 0, skippedByCategory: 2 });

		expect(row(plan, 2).data).toMatchObject({
			name: 'Fablab de la Limagne',
			category: 'fablab',
			communeCode: '63300',
			address: '12 rue de l’Horloge, Bâtiment B',
			description: 'Imprimantes 3D, découpe laser.\nAteliers « premiers pas » le samedi matin.',
			lastVerifiedAt: '2024-03-15'
		});
		// « TIERS_LIEUX;FRANCE_SERVICES »: the first code the directory lists.
		expect(row(plan, 3).data).toMatchObject({ category: 'rural_third_place', website: 'https://lagrange-ennezat.fr' });
		expect(row(plan, 4)).toMatchObject({ action: 'skip', note: 'catégorie ignorée : BIB' });
		expect(row(plan, 5)).toMatchObject({ action: 'skip', note: 'catégorie ignorée : FRANCE_SERVICES' });
		expect(problemsOf(plan, 4)).toEqual([]);

		const mds = plan.rows.filter((r) => r.name.startsWith('Maison des solidarités'));
		expect(mds).toHaveLength(9);
		expect(mds.every((r) => r.action === 'create')).toBe(true);

		expect(row(plan, 15)).toMatchObject({ action: 'skip', note: 'doublon de la ligne 2' });
		expect(problemsOf(plan, 15)[0]!.message).toBe('même fiche que la ligne 2 (nom proche de « Fablab de la Limagne » dans la même commune) : ligne ignorée');
		expect(row(plan, 17)).toMatchObject({ action: 'skip', note: 'doublon de la ligne 16' });

		const { changes } = await commitImport(t.db, editor, job.id);
		expect(changes.createdEntityIds).toHaveLength(12);
		const stored = t.db.all<{ name: string; website: string | null }>(sql`select name, website from entities where name like 'Maison des solidarités%'`);
		expect(stored).toHaveLength(9);
		expect(new Set(stored.map((s) => s.website))).toEqual(new Set(['https://www.puy-de-dome.fr/']));

		// The same file again: every row is now a duplicate of what the first import wrote (the nine included).
		const again = (await previewImport(t.db, editor, { name: 'encore.csv', bytes: fixture('anct-mediation-numerique.csv') }, settings)).plan;
		expect(again.counts).toMatchObject({ create: 0, error: 0, skippedByCategory: 2 });
		expect(problemsOf(again, 6)[0]).toMatchObject({ code: 'duplicate', link: { href: expect.stringMatching(/^\/acteurs\/maison-des-solidarites/) } });
	});

	it('without « ignorer ces catégories », the kinds of place the directory does not list are errors that say what to do', async () => {
		const { plan } = await previewImport(
			t.db,
			editor,
			{ name: 'strict.csv', bytes: fixture('anct-mediation-numerique.csv') },
			{ ...settings, skipUnlisted: false }
		);
		expect(plan.counts).toMatchObject({ error: 2, skippedByCategory: 0 });
		expect(problemsOf(plan, 4)[0]).toMatchObject({
			severity: 'error',
			column: 'typologie',
			message: expect.stringContaining("« BIB » : l'annuaire ne répertorie pas ce type de lieu ; cochez « ignorer ces catégories »")
		});
		expect(plan.unknownValues.map((u) => u.value)).toEqual(['BIB', 'FRANCE_SERVICES']);
	});
});

describe('GoGoCarto and fablabs.io exports', () => {
	const gogocarto = JSON.parse(readFileSync('tests/fixtures/import/gogocarto.json', 'utf8')) as Record<string, unknown>[];
	const fablabs = JSON.parse(readFileSync('tests/fixtures/import/fablabs-io.json', 'utf8')) as Record<string, unknown>[];
	const gogoSettings = { preset: 'gogocarto', skipUnlisted: true, values: { category: { 'Maison des solidarités': 'public_body' } } };

	it('GoGoCarto: nested geo and address, categories as a list, nine places on one shared website, a near-duplicate pair', async () => {
		const { plan } = await previewImport(t.db, editor, { name: 'gogocarto.csv', bytes: flattenedCsv(gogocarto) }, gogoSettings);
		expect(plan.mapping).toMatchObject({
			'geo.latitude': 'lat',
			'geo.longitude': 'lon',
			'address.streetAddress': 'address',
			'address.postalCode': 'postcode',
			'address.addressLocality': 'commune',
			categories: 'category',
			id: null
		});
		expect(plan.counts).toMatchObject({ rows: 14, create: 12, skippedByCategory: 1, error: 0 });
		expect(plan.rows.find((r) => r.name === 'La Fabrique du Lac')!.data).toMatchObject({ category: 'rural_third_place', communeCode: '63247' });
		expect(plan.rows.find((r) => r.name === "Cowork'In Vichy")!.data).toMatchObject({ category: 'coworking', website: 'https://www.coworkin-vichy.fr' });
		expect(plan.rows.filter((r) => r.name.startsWith('Maison des solidarités') && r.action === 'create')).toHaveLength(9);
		expect(plan.rows.find((r) => r.name === 'FabLab Limagne')).toMatchObject({
			action: 'skip',
			note: `doublon de la ligne ${plan.rows.find((r) => r.name === 'Fablab de la Limagne')!.row}`
		});
	});

	it('fablabs.io: kind_name, the address on two lines, the first usable link as website, its own slug left aside', async () => {
		const { plan } = await previewImport(t.db, editor, { name: 'labs.csv', bytes: flattenedCsv(fablabs) }, { preset: 'fablabs-io' });
		expect(plan.mapping).toMatchObject({
			slug: null,
			kind_name: 'category',
			address_1: 'address',
			address_2: 'address2',
			links: 'website',
			postal_code: 'postcode',
			country_code: null
		});
		expect(plan.counts).toMatchObject({ rows: 4, create: 3, skip: 1, error: 0, update: 0 });
		expect(row(plan, 2).data).toMatchObject({
			category: 'fablab',
			website: 'https://www.fablab-limagne.fr',
			address: "12 rue de l'Horloge, Bâtiment B",
			communeCode: '63300'
		});
		expect(row(plan, 3).data).toMatchObject({ category: 'fablab', website: 'https://atelier-volcan.fr', communeCode: '63014' });
		expect(row(plan, 5)).toMatchObject({ action: 'skip', note: 'doublon de la ligne 2' });
	});

	// The JSON files themselves, once the reader takes a bare JSON array (issue 13, « files »).
	const readsArrays = (() => {
		try {
			return readImportFile(new TextEncoder().encode('[{"a": {"b": 1}}]')).format !== 'json';
		} catch {
			return false;
		}
	})();
	it.skipIf(!readsArrays)('the JSON exports as downloaded give the same plans', async () => {
		const gogo = (await previewImport(t.db, editor, { name: 'gogocarto.json', bytes: fixture('gogocarto.json') }, gogoSettings)).plan;
		expect(gogo.counts).toMatchObject({ create: 12, skippedByCategory: 1, error: 0 });
		const labs = (await previewImport(t.db, editor, { name: 'fablabs-io.json', bytes: fixture('fablabs-io.json') }, { preset: 'fablabs-io' })).plan;
		expect(labs.counts).toMatchObject({ create: 3, skip: 1, error: 0 });
	});
});

describe('a partner proposing a new listing meets the same duplicate rules', () => {
	it('refuses a near name in the same commune, accepts another place on the shared institutional website', async () => {
		const { job } = await previewImport(
			t.db,
			editor,
			{ name: 'anct.csv', bytes: fixture('anct-mediation-numerique.csv') },
			{ preset: 'anct-mediation-numerique', skipUnlisted: true, values: { category: { MDS: 'public_body' } } }
		);
		await commitImport(t.db, editor, job.id);
		const { userId } = inviteUser(t.db, 'cli', { email: `partenaire-${Date.now()}@example.org`, displayName: 'Réseau', role: 'partner' });
		const partner: AccountUser = { id: userId, email: 'p@example.org', displayName: 'Réseau', role: 'partner' };

		const near = { kind: 'third_place' as const, category: 'fablab', name: 'Fab Lab Limagne', communeCode: '63300' };
		expect(probableDuplicateListing(t.db, { ...near, website: null, siret: null })).toMatchObject({
			name: 'Fablab de la Limagne',
			why: 'nom proche de « Fablab de la Limagne » dans la même commune'
		});
		expect(() => proposeEntity(t.db, partner, near)).toThrow(ValidationError);
		try {
			proposeEntity(t.db, partner, near);
		} catch (e) {
			expect((e as ValidationError).issues[0]).toContain('«\u00a0Fab Lab Limagne\u00a0» existe probablement déjà\u00a0: «\u00a0Fablab de la Limagne\u00a0»');
		}
		// A tenth Maison des solidarités on puy-de-dome.fr, in a commune with none yet: a new place.
		const tenth = proposeEntity(t.db, partner, {
			kind: 'organisation',
			category: 'public_body',
			name: 'Maison des solidarités de Murol',
			website: 'https://www.puy-de-dome.fr/',
			communeCode: '63247'
		});
		expect(tenth.status).not.toBe('unchanged');
		// The same website and a near name: refused, as an import would skip it.
		expect(() =>
			proposeEntity(t.db, partner, {
				kind: 'organisation',
				category: 'public_body',
				name: 'Maison des Solidarités - Thiers',
				website: 'https://puy-de-dome.fr',
				communeCode: '63430'
			})
		).toThrow(/même site web et nom proche/);
	});
});
