import { freshnessLimitDay } from '$lib/domain/freshness';
import { reminderNotice, unmanagedStaleNotice } from '$lib/domain/french';
import { freshnessSettings, type FreshnessSettings } from '../config';
import type { Db } from '../db';
import { inChunks } from '../jobs/chunks';
import type { JobContext } from '../jobs/job';
import { reminderMail, type ReminderListing } from '../mail/mail-texts';
import { sendMail } from '../mail/mailer';
import { accountLocales } from '../mail/recipient-locale';
import { newToken, sha256 } from '../auth/tokens';
import { findUserById } from '../repos/user.repo';
import {
	activeManagersOf,
	insertReminders,
	markReminderNotificationsEmailed,
	reminderByToken,
	staleListingsToRemind,
	useReminderToken,
	type ReminderValues,
	type StaleListing
} from '../repos/freshness.repo';
import { notifyEditors, notifyUsers } from '../notifications/notify';
import { confirmStillAccurate } from './contribution.service';
import { NotFoundError, ValidationError } from './errors';
import { writeTransaction } from './revision-write';
import { toAccountUser } from './users.service';

/*
 * Freshness reminders (DOMAIN.md, « Fraîcheur »): every stale listing gets one per interval and recipient,
 * to each active manager (an e-mail per manager and run, a single-use « toujours à
 * jour » link per listing, a bell notification per listing) or, without a manager, to the editors' list
 * (a reminder row with no user, shown on the dashboard, one bell line for the whole run).
 */

export const REMINDER_LINK_DAYS = 30;
/** Listings per transaction; the event loop serves requests between two chunks. */
export const REMINDER_CHUNK = 200;
const MAIL_CONCURRENCY = 4;

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await work(items[next++] as T);
	};
	await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

export interface ReminderRunReport {
	stale: number;
	managed: number;
	unmanaged: number;
	managersReminded: number;
	mailsSent: number;
	mailsFailed: number;
	/** Mails built but not sent: SMTP not configured (or `send: false`, the bench). */
	mailsPrepared: number;
}

interface Options {
	settings?: FreshnessSettings;
	/** false: build the messages without sending them (the bench counts them). */
	send?: boolean;
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

export async function sendFreshnessReminders(ctx: JobContext, options: Options = {}): Promise<ReminderRunReport> {
	const { db, now } = ctx;
	const settings = options.settings ?? freshnessSettings();
	const sentAt = now.toISOString();
	const expiresAt = new Date(now.getTime() + REMINDER_LINK_DAYS * 86_400_000).toISOString();
	const repeatSince = daysBefore(now, settings.reminderDays);
	const listings = staleListingsToRemind(db, freshnessLimitDay(now, settings.months), repeatSince);
	const report: ReminderRunReport = { stale: listings.length, managed: 0, unmanaged: 0, managersReminded: 0, mailsSent: 0, mailsFailed: 0, mailsPrepared: 0 };
	/** Per manager: their contact and one item per stale listing, with the link's token (kept in memory only). */
	const perManager = new Map<number, { email: string; displayName: string; items: ReminderListing[] }>();

	await inChunks(listings, REMINDER_CHUNK, (chunk) => {
		const managers = activeManagersOf(
			db,
			chunk.map((l) => l.id),
			repeatSince
		);
		const byListing = new Map<number, typeof managers>();
		for (const m of managers) byListing.set(m.entityId, [...(byListing.get(m.entityId) ?? []), m]);
		writeTransaction(db, (tx) => {
			const rows: ReminderValues[] = [];
			for (const listing of chunk) {
				const theirs = byListing.get(listing.id) ?? [];
				if (theirs.length === 0) {
					report.unmanaged++;
					rows.push({ entityId: listing.id, userId: null, sentAt, tokenSha256: null, expiresAt: null });
					continue;
				}
				report.managed++;
				// A manager reminded within the interval is not reminded again for a colleague's sake.
				for (const m of theirs.filter((t) => !t.remindedSince)) {
					const token = newToken();
					rows.push({ entityId: listing.id, userId: m.userId, sentAt, tokenSha256: sha256(token), expiresAt });
					const entry = perManager.get(m.userId) ?? { email: m.email, displayName: m.displayName, items: [] };
					entry.items.push(itemFor(listing, token));
					perManager.set(m.userId, entry);
					notifyUsers(tx, [m.userId], {
						kind: 'freshness_reminder',
						...reminderNotice(listing.name, listing.lastVerifiedAt),
						link: `/espace/fiches/${listing.id}`
					});
				}
			}
			insertReminders(tx, rows);
		});
	});
	if (report.unmanaged) {
		notifyEditors(db, { kind: 'freshness_unmanaged', title: unmanagedStaleNotice(report.unmanaged), link: '/moderation/fiches?fraicheur=rappel-equipe' });
	}
	report.managersReminded = perManager.size;
	const locales = accountLocales(db, [...perManager.keys()]);
	const outbox = [...perManager].map(([userId, m]) => ({
		userId,
		mail: { to: m.email, ...reminderMail(m.displayName, m.items, settings.months, REMINDER_LINK_DAYS, ctx.origin, locales.get(userId) ?? 'fr') }
	}));
	if (options.send === false || !ctx.mail) {
		report.mailsPrepared = outbox.length;
		return report;
	}
	const setting = ctx.mail;
	// A few connections at once: each message waits on the SMTP server's answers, not on this process.
	await inParallel(outbox, MAIL_CONCURRENCY, async ({ userId, mail }) => {
		const result = await sendMail(setting, mail);
		if (result.sent) {
			report.mailsSent++;
			markReminderNotificationsEmailed(db, userId, sentAt, new Date().toISOString());
		} else report.mailsFailed++;
	});
	return report;
}

function itemFor(listing: StaleListing, token: string): ReminderListing {
	return { name: listing.name, lastVerifiedAt: listing.lastVerifiedAt, confirmPath: `/fiche-a-jour/${token}`, editPath: `/espace/fiches/${listing.id}` };
}

export type ReminderLinkState =
	{ state: 'valid'; name: string; slug: string; lastVerifiedAt: string | null } | { state: 'used' | 'expired' | 'unknown'; name?: string; slug?: string };

/** What the link's page shows before the click: the listing's name, or why the link no longer works. */
export function describeReminderLink(db: Db, token: string, now = new Date()): ReminderLinkState {
	const r = token.length >= 20 ? reminderByToken(db, sha256(token)) : undefined;
	if (!r || r.userId === null) return { state: 'unknown' };
	if (r.usedAt) return { state: 'used', name: r.entityName, slug: r.entitySlug };
	if (!r.expiresAt || r.expiresAt <= now.toISOString()) return { state: 'expired', name: r.entityName, slug: r.entitySlug };
	return { state: 'valid', name: r.entityName, slug: r.entitySlug, lastVerifiedAt: r.lastVerifiedAt };
}

/**
 * « Toujours à jour » from the e-mail: the link stands for its manager (no sign-in), is spent in the same
 * transaction as the verification (one revision by that manager, the partner's own path), and only once.
 */
export function confirmByReminderLink(db: Db, token: string, now = new Date()): { name: string; slug: string; verifiedOn: string } {
	const r = token.length >= 20 ? reminderByToken(db, sha256(token)) : undefined;
	if (!r || r.userId === null) throw new NotFoundError('Ce lien n’est pas valable.');
	const account = findUserById(db, r.userId);
	if (!account || account.disabledAt) throw new NotFoundError('Ce lien n’est pas valable.');
	return writeTransaction(db, (tx) => {
		if (!useReminderToken(tx, r.id, now.toISOString())) {
			throw new ValidationError([
				r.usedAt ? 'Ce lien a déjà servi : la fiche a été confirmée.' : 'Ce lien a expiré : connectez-vous pour confirmer la fiche depuis votre espace.'
			]);
		}
		const done = confirmStillAccurate(tx, toAccountUser(account), r.entityId, now);
		return { name: done.name, slug: r.entitySlug, verifiedOn: done.verifiedOn };
	});
}
