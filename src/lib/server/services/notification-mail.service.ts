import { parisToday, type QueueFigures } from '$lib/domain/french';
import type { JobContext } from '../jobs/job';
import { editorsDigestMail, notificationsMail } from '../mail/mail-texts';
import { sendMail, type Mail } from '../mail/mailer';
import { accountLocales } from '../mail/recipient-locale';
import { digestEditors, markEmailed, recipientsWithUnsent, setDigestSentAt, unsentNotifications } from '../repos/notification-mail.repo';
import { queueFigures } from './dashboard.service';

/*
 * The notifications job: the bell's rows go out by e-mail as each user chose (users.notify_mode):
 * « immediate » users get everything new in one message per run, « weekly » users one digest a week,
 * « none » users nothing (their rows stay unsent). Editors and admins also get the queue's digest once a
 * day, from 8 h (Paris). Without SMTP nothing is marked sent: it all goes out once SMTP is configured.
 */

export const WEEK_MS = 7 * 86_400_000;
export const EDITORS_DIGEST_HOUR = 8;

export interface NotificationRunReport {
	immediate: number;
	weekly: number;
	editorsDigests: number;
	failed: number;
}

const parisHour = (now: Date) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(now));

/** A weekly user's digest is due a week after the last one (or a week after the oldest row, the first time). */
export function weeklyDue(r: { lastEmailedAt: string | null; oldestUnsentAt: string | null }, now: Date): boolean {
	const since = r.lastEmailedAt ?? r.oldestUnsentAt;
	return since !== null && now.getTime() - new Date(since).getTime() >= WEEK_MS;
}

/** Once per Paris day, from 8 h. */
export function editorsDigestDue(digestSentAt: string | null, now: Date): boolean {
	if (parisHour(now) < EDITORS_DIGEST_HOUR) return false;
	return !digestSentAt || parisToday(new Date(digestSentAt)) < parisToday(now);
}

export async function sendNotificationMails(ctx: JobContext): Promise<NotificationRunReport> {
	const { db, now } = ctx;
	const report: NotificationRunReport = { immediate: 0, weekly: 0, editorsDigests: 0, failed: 0 };
	if (!ctx.mail) return report;
	const deliver = async (mail: Mail, after: () => void) => {
		const r = await sendMail(ctx.mail, mail);
		if (r.sent) after();
		else report.failed++;
		return r.sent;
	};
	for (const mode of ['immediate', 'weekly'] as const) {
		const recipients = recipientsWithUnsent(db, mode).filter((r) => mode === 'immediate' || weeklyDue(r, now));
		const locales = accountLocales(
			db,
			recipients.map((r) => r.id)
		);
		for (const r of recipients) {
			const items = unsentNotifications(db, r.id);
			const text = notificationsMail(r.displayName, items, ctx.origin, mode === 'weekly', locales.get(r.id) ?? 'fr');
			const sent = await deliver({ to: r.email, ...text }, () => {
				const at = now.toISOString();
				markEmailed(
					db,
					items.map((n) => n.id),
					at
				);
				// An editor's digest_sent_at is their daily queue digest's: the weekly one is read from emailed_at.
				if (mode === 'weekly' && r.role === 'partner') setDigestSentAt(db, r.id, at);
			});
			if (sent) report[mode]++;
		}
	}
	const editors = digestEditors(db).filter((e) => editorsDigestDue(e.digestSentAt, now));
	if (editors.length) {
		const figures: QueueFigures = queueFigures(db, now);
		const locales = accountLocales(
			db,
			editors.map((e) => e.id)
		);
		for (const e of editors) {
			const mail = editorsDigestMail(e.displayName, figures, ctx.origin, locales.get(e.id) ?? 'fr');
			if (await deliver({ to: e.email, ...mail }, () => setDigestSentAt(db, e.id, now.toISOString()))) {
				report.editorsDigests++;
			}
		}
	}
	return report;
}
