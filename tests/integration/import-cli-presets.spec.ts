import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { freshDb } from './fresh-db';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';

/* `npm run import` with --preset and --skip-unlisted, as an operator runs it, on a real database file. */

let t: ReturnType<typeof freshDb>;
beforeAll(() => {
	t = freshDb();
	loadTerritories(t.db);
});
afterAll(() => t.close());

const run = (...args: string[]) =>
	spawnSync('node_modules/.bin/tsx', ['scripts/import.ts', ...args], {
		env: { ...process.env, DATABASE_URL: t.path, CARTO_GEOCODER_URL: 'off' },
		encoding: 'utf8'
	});
const FILE = 'tests/fixtures/import/anct-mediation-numerique.csv';

describe('npm run import --preset / --skip-unlisted', () => {
	it('an unknown preset is a bad argument (exit 2) that lists the known ones', () => {
		const r = run('--dry-run', '--preset', 'inconnu', FILE);
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('Préréglage inconnu « inconnu ». Préréglages : connecteur-carto (Export de Connecteur Carto), fablabs-io');
		expect(r.stderr).toContain('anct-mediation-numerique (Lieux de médiation numérique (schéma ANCT))');
	});

	it('the ANCT preset with --skip-unlisted: a clean strict dry run, rows skipped by category counted', () => {
		const r = run('--dry-run', '--preset', 'anct-mediation-numerique', '--skip-unlisted', FILE);
		expect(r.stderr).not.toMatch(/Error/);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('typologie → category');
		expect(r.stdout).toContain('11 lignes ignorées par catégorie');
		expect(r.stdout).toMatch(/ligne 15 : avertissement \(.*\) : même fiche que la ligne 2 \(nom proche de « Fablab de la Limagne » dans la même commune\)/);
	});

	it('without --skip-unlisted the kinds of place the directory does not list are errors: exit 1 in strict mode', () => {
		const r = run('--dry-run', '--preset', 'anct-mediation-numerique', FILE);
		expect(r.status).toBe(1);
		expect(r.stdout).toContain("« BIB » : l'annuaire ne répertorie pas ce type de lieu");
	});
});
