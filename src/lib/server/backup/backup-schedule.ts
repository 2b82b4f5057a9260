import { Cron } from 'croner';

export const DEFAULT_BACKUP_SCHEDULE = '0 * * * *';

/** CARTO_BACKUP_SCHEDULE: when the server backs itself up (cron, Paris time; default every hour on the hour). */
export function backupSchedule(env: Record<string, string | undefined> = process.env): string {
	const raw = env.CARTO_BACKUP_SCHEDULE?.trim() || DEFAULT_BACKUP_SCHEDULE;
	try {
		new Cron(raw, { paused: true }).stop();
	} catch {
		throw new Error(
			`Configuration des sauvegardes invalide : CARTO_BACKUP_SCHEDULE="${raw}" n’est pas une expression cron (exemple : « 0 * * * * », chaque heure).`
		);
	}
	return raw;
}
