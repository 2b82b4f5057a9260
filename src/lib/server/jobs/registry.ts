import { byCount, countOf } from '$lib/domain/french';
import { backupSchedule } from '../backup/backup-schedule';
import { scheduledBackup } from '../backup/scheduled-backup';
import { importRetentionMonths, purgeOldImportFiles } from '../services/import-retention.service';
import { sendFreshnessReminders } from '../services/freshness-reminder.service';
import { sendNotificationMails } from '../services/notification-mail.service';
import { pollDueFeeds } from '../services/event-feeds.service';
import type { JobDefinition } from './job';

/** Every job the scheduler knows, by name (`npm run jobs -- --list`). Schedules are read in Europe/Paris. */
export const JOBS: JobDefinition[] = [
	{
		name: 'reminders',
		schedule: '0 9 * * *',
		label: 'Rappels de fraîcheur : les gestionnaires des fiches « à vérifier » reçoivent un lien « toujours à jour » (chaque jour à 9 h)',
		run: async (ctx) => {
			const r = await sendFreshnessReminders(ctx);
			const mails = ctx.mail
				? `${countOf(r.mailsSent, 'courriel envoyé', 'courriels envoyés')}${r.mailsFailed ? `, ${countOf(r.mailsFailed, 'échec')}` : ''}`
				: `${countOf(r.mailsPrepared, 'courriel préparé', 'courriels préparés')} (SMTP non configuré : rien n’est envoyé)`;
			return `${countOf(r.stale, 'fiche', 'fiches')} à rappeler : ${r.managed} avec gestionnaire (${countOf(r.managersReminded, 'gestionnaire')} ${byCount(r.managersReminded, 'prévenu')}), ${r.unmanaged} sans gestionnaire (liste de l’équipe) ; ${mails}.`;
		}
	},
	{
		name: 'notifications',
		schedule: '*/5 * * * *',
		label: 'Notifications par courriel : immédiates, résumés hebdomadaires, résumé quotidien de la file pour l’équipe (toutes les 5 minutes)',
		run: async (ctx) => {
			if (!ctx.mail) return 'SMTP non configuré : aucune notification envoyée par courriel.';
			const r = await sendNotificationMails(ctx);
			return `${countOf(r.immediate, 'envoi immédiat', 'envois immédiats')}, ${countOf(r.weekly, 'résumé hebdomadaire', 'résumés hebdomadaires')}, ${countOf(r.editorsDigests, 'résumé de la file', 'résumés de la file')}${r.failed ? `, ${countOf(r.failed, 'échec')}` : ''}.`;
		}
	},
	{
		name: 'backup',
		schedule: backupSchedule(),
		label:
			'Sauvegarde de la base et des images dans le dossier des sauvegardes, puis conservation : la plus récente de chaque heure pendant un jour, de chaque jour pendant un mois (CARTO_BACKUP_SCHEDULE, par défaut chaque heure)',
		run: async (ctx) => {
			const r = await scheduledBackup(ctx.db, ctx.now, { live: ctx.inServer === true });
			return `Sauvegarde ${r.archive} (${Math.round(r.bytes / 1024)} Ko, ${countOf(r.manifest.files.length, 'fichier')}) ; ${countOf(r.pruned, 'ancienne sauvegarde supprimée', 'anciennes sauvegardes supprimées')}.`;
		}
	},
	{
		name: 'import-retention',
		schedule: '30 3 * * *',
		label:
			'Conservation des fichiers importés : au-delà de CARTO_IMPORT_RETENTION_MONTHS mois (12 par défaut), le fichier, son rapport ligne à ligne et les réponses du géocodeur sont effacés ; l’import, ses comptes et ses changements restent (chaque jour à 3 h 30)',
		run: async (ctx) => {
			const months = importRetentionMonths();
			const r = purgeOldImportFiles(ctx.db, ctx.now, months);
			return `${countOf(r.jobs, 'fichier importé effacé', 'fichiers importés effacés')} (plus de ${months} mois, ${Math.round(r.bytes / 1024)} Ko).`;
		}
	},
	{
		name: 'feeds',
		schedule: '15 * * * *',
		label:
			'Agendas des partenaires : leurs calendriers publics (.ics) sont relevés, les événements créés, mis à jour ou archivés (chaque heure à la 15e minute)',
		run: async (ctx) => {
			const r = await pollDueFeeds(ctx.db, ctx.now);
			return `${countOf(r.polled, 'agenda relevé', 'agendas relevés')}${r.errors ? ` (${countOf(r.errors, 'en erreur', 'en erreur')})` : ''} : ${countOf(r.counts.created, 'événement créé', 'événements créés')}, ${countOf(r.counts.updated, 'mis à jour', 'mis à jour')}, ${countOf(r.counts.cancelled, 'archivé', 'archivés')}.`;
		}
	}
];

export function jobNamed(name: string): JobDefinition | undefined {
	return JOBS.find((j) => j.name === name);
}
