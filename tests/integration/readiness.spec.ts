import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appMigrations } from '../../src/lib/server/backup/schema-version';
import { readiness } from '../../src/lib/server/services/readiness.service';
import { freshDb } from './fresh-db';

const ctx = freshDb();
afterAll(() => ctx.close());
const env = (extra: Record<string, string> = {}) => ({ DATABASE_URL: ctx.path, ...extra });
const backups = join(dirname(ctx.path), 'sauvegardes');
const now = new Date('2026-12-06T12:00:00Z');

describe('/readyz: database, migrations, disk and the last backup', () => {
	it('is ready on a migrated database whose last backup is recent', () => {
		mkdirSync(backups, { recursive: true });
		writeFileSync(join(backups, 'carto-sauvegarde-2026-12-06T11-00-00Z.tar.gz'), '');
		const r = readiness(ctx.db, env(), now);
		expect(r.ready).toBe(true);
		expect(r.checks.backup).toMatchObject({ ok: true, lastAt: '2026-12-06T11:00:00.000Z', ageHours: 1, maxAgeHours: 26 });
	});

	it('is not ready when the last backup is older than allowed, or the disk is short, and says why in French', () => {
		const late = readiness(ctx.db, env({ CARTO_READY_MAX_BACKUP_AGE_HOURS: '0.5' }), now);
		expect(late.ready).toBe(false);
		expect(late.checks.backup.detail).toBe('Dernière sauvegarde vieille de 1\u00a0h (maximum 0,5\u00a0h).');
		const full = readiness(ctx.db, env({ CARTO_READY_MIN_FREE_MB: '999999999' }), now);
		expect(full.ready).toBe(false);
		expect(full.checks.disk.detail).toMatch(/^Plus que [\d\u202f]+\u00a0Mo libres \(minimum 999\u202f999\u202f999\u00a0Mo\)\.$/);
	});

	it('is not ready when a migration is missing', () => {
		ctx.db.$client.prepare('DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)').run();
		const r = readiness(ctx.db, env(), now);
		expect(r.ready).toBe(false);
		expect(r.checks.migrations.detail).toBe(`Migrations non appliquées : ${appMigrations().at(-1)!.tag}.`);
	});

	it('refuses a malformed limit with a French message naming the variables', () => {
		expect(() => readiness(ctx.db, env({ CARTO_READY_MIN_FREE_MB: 'beaucoup' }), now)).toThrow(/CARTO_READY_MIN_FREE_MB/);
	});
});
