import { afterAll, describe, expect, it } from 'vitest';
import { commitImport, importHistory, importJobView, previewImport, undoImport } from '../../src/lib/server/services/import.service';
import { importRetentionMonths, purgeOldImportFiles } from '../../src/lib/server/services/import-retention.service';
import type { AccountUser } from '../../src/lib/server/services/users.service';
import { jobNamed } from '../../src/lib/server/jobs/registry';
import { freshDb, insertSmallTerritories } from './fresh-db';

const editor: AccountUser = { id: 7, email: 'editrice@example.org', displayName: 'Éditrice', role: 'editor' };
const ctx = freshDb();
insertSmallTerritories(ctx.db);
afterAll(() => ctx.close());
const csv = (name: string) => new TextEncoder().encode(['Nom;Type;Commune;Téléphone', `${name};coworking;Aurillac;04 71 00 00 00`].join('\r\n'));
const stored = (id: number) =>
	ctx.db.$client.prepare('SELECT length(file_content) AS bytes, report, geocodes, changes, counts FROM import_jobs WHERE id = ?').get(id) as {
		bytes: number;
		report: string | null;
		geocodes: string;
		changes: string | null;
		counts: string;
	};

describe('imported files are kept 12 months, then purged (job « import-retention »)', () => {
	it('purges the file, its report and geocodes of imports older than the period; keeps what the import did and the recent ones', async () => {
		const old = await previewImport(ctx.db, editor, { name: 'ancien.csv', bytes: csv('Coworking de jadis') }, {});
		await commitImport(ctx.db, editor, old.job.id);
		const recent = await previewImport(ctx.db, editor, { name: 'recent.csv', bytes: csv('Coworking de maintenant') }, {});
		ctx.db.$client.prepare("UPDATE import_jobs SET created_at = '2025-11-01T08:00:00.000Z' WHERE id = ?").run(old.job.id);
		const now = new Date('2026-12-06T03:30:00Z');

		const r = purgeOldImportFiles(ctx.db, now, importRetentionMonths({}));
		expect(r.jobs).toBe(1);
		expect(r.bytes).toBeGreaterThan(0);
		const purged = stored(old.job.id);
		expect(purged).toMatchObject({ bytes: 0, report: null, geocodes: '{}' });
		expect(JSON.parse(purged.changes!).createdEntityIds).toHaveLength(1);
		expect(JSON.parse(purged.counts)).toMatchObject({ create: 1 });
		expect(stored(recent.job.id).bytes).toBeGreaterThan(0);
		expect(stored(recent.job.id).report).toContain('Coworking de maintenant');

		// The history and the job's page still read; the import can still be undone as a whole.
		expect(importJobView(ctx.db, editor, old.job.id)).toMatchObject({ status: 'committed', fileName: 'ancien.csv', report: null });
		expect(importHistory(ctx.db, editor).map((j) => j.fileName)).toContain('ancien.csv');
		await undoImport(ctx.db, editor, old.job.id, 'essai');
		expect(importJobView(ctx.db, editor, old.job.id).status).toBe('undone');

		// A second run has nothing left to do.
		expect(purgeOldImportFiles(ctx.db, now, 12)).toEqual({ jobs: 0, bytes: 0 });
	});

	it('is a scheduled job, and its period comes from CARTO_IMPORT_RETENTION_MONTHS with a French error', () => {
		expect(jobNamed('import-retention')?.schedule).toBe('30 3 * * *');
		expect(importRetentionMonths({ CARTO_IMPORT_RETENTION_MONTHS: '24' })).toBe(24);
		expect(() => importRetentionMonths({ CARTO_IMPORT_RETENTION_MONTHS: 'un an' })).toThrow(
			'Configuration invalide : CARTO_IMPORT_RETENTION_MONTHS="un an" (attendu : un nombre entier de mois, de 1 à 120).'
		);
	});
});
