import type { BackupManifest } from '../../src/lib/server/backup/manifest';

/** « 1,4 Mo »: sizes as a French reader writes them. */
export function formatBytes(bytes: number): string {
	const units = ['o', 'Ko', 'Mo', 'Go'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${value.toLocaleString('fr-FR', { maximumFractionDigits: unit === 0 ? 0 : 1 })}\u00a0${units[unit]}`;
}

export const totalRows = (m: BackupManifest) => Object.values(m.tables).reduce((n, t) => n + t.rows, 0);
