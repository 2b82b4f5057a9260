import { describe, expect, it } from 'vitest';
import { backupDate, backupName } from './create-backup';
import { backupsToDelete, retentionPolicy } from './retention';

const at = (iso: string) => ({ date: new Date(iso), name: iso });
const now = new Date('2026-12-06T12:30:00Z');

describe('backup retention: the newest of each hour for a day, of each day for a month', () => {
	it('keeps one per hour within 24 hours and deletes the extra ones of the same hour', () => {
		const backups = [at('2026-12-06T12:00:00Z'), at('2026-12-06T11:45:00Z'), at('2026-12-06T11:00:00Z'), at('2026-12-06T10:00:00Z')];
		expect(backupsToDelete(backups, now).map((b) => b.name)).toEqual(['2026-12-06T11:00:00Z']);
	});

	it('keeps the newest of each day within 30 days, nothing older, and always the newest of all', () => {
		const backups = [
			at('2026-12-04T23:00:00Z'),
			at('2026-12-04T08:00:00Z'),
			at('2026-11-10T03:00:00Z'),
			at('2026-10-01T03:00:00Z'),
			at('2026-09-01T03:00:00Z')
		];
		expect(backupsToDelete(backups, now).map((b) => b.name)).toEqual(['2026-12-04T08:00:00Z', '2026-10-01T03:00:00Z', '2026-09-01T03:00:00Z']);
		// A server that stopped backing up months ago keeps its last copy.
		expect(backupsToDelete([at('2026-01-01T00:00:00Z')], now)).toEqual([]);
	});

	it('reads its policy from the environment, with a French error naming the variable', () => {
		expect(retentionPolicy({})).toEqual({ hourly: 24, daily: 30 });
		expect(retentionPolicy({ CARTO_BACKUP_KEEP_HOURLY: '48', CARTO_BACKUP_KEEP_DAILY: '90' })).toEqual({ hourly: 48, daily: 90 });
		expect(() => retentionPolicy({ CARTO_BACKUP_KEEP_DAILY: 'un mois' })).toThrow(
			'Configuration des sauvegardes invalide : CARTO_BACKUP_KEEP_DAILY : un nombre entier de 0 à 10 000 est attendu (reçu « un mois »)'
		);
	});

	it('names archives by their UTC date, and reads the date back', () => {
		const date = new Date('2026-12-06T04:05:09.123Z');
		expect(backupName(date)).toBe('carto-sauvegarde-2026-12-06T04-05-09Z');
		expect(backupDate(`${backupName(date)}.tar.gz`)).toEqual(new Date('2026-12-06T04:05:09Z'));
		expect(backupDate('notes.txt')).toBeNull();
	});
});
