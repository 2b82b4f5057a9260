/**
 * What the jobs e-mail, in the recipient's language (see recipient-locale.ts for which one): freshness
 * reminders, notification mails and digests, the editors' daily queue. Plain text; the French keeps its
 * typography (non-breaking spaces inside « » and before « : ; ? ! »). The bell's own lines quoted in a
 * notification mail were written when they were stored, in French.
 */
import * as english from '$lib/domain/english';
import { formatDay, frenchSpacing, type NoticeLine, type QueueFigures } from '$lib/domain/french';
import { localHref } from '$lib/i18n/locale-href';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { PendingChangeKind } from '../db/schema';

export interface MailText {
	subject: string;
	text: string;
}

/** A stale listing in a manager's reminder: the links' paths, the origin and the language are the mail's. */
export interface ReminderListing {
	name: string;
	lastVerifiedAt: string | null;
	confirmPath: string;
	editPath: string;
}

/** French text gets its typography; English is left as written. */
const typeset = (locale: Locale, text: string) => (locale === 'fr' ? frenchSpacing(text) : text);
const dayIn = (locale: Locale, value: string) => (locale === 'en' ? english.formatDay(value) : formatDay(value));
const numberIn = (locale: Locale, n: number) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR').format(n);
/** A page of the site, in the recipient's language. */
export const pageLink = (origin: string, path: string, locale: Locale) => `${origin}${localHref(path, locale)}`;

const signature = (locale: Locale) => ['', m.server_mail_signature({}, { locale })];

/** One message per manager and run, one pair of links per listing. */
export function reminderMail(displayName: string, items: ReminderListing[], months: number, validDays: number, origin: string, locale: Locale): MailText {
	const o = { locale };
	const first = items[0] as ReminderListing;
	const one = items.length === 1;
	const lines = [
		m.server_mail_hello_name({ name: displayName }, o),
		'',
		one
			? m.server_mail_reminder_one({ name: first.name, count: months }, o)
			: m.server_mail_reminder_many({ listings: numberIn(locale, items.length), count: months }, o),
		''
	];
	for (const item of items) {
		lines.push(
			item.lastVerifiedAt
				? m.server_mail_reminder_item_checked({ name: item.name, date: dayIn(locale, item.lastVerifiedAt) }, o)
				: m.server_mail_reminder_item_never({ name: item.name }, o),
			`  ${m.server_mail_reminder_confirm({ link: pageLink(origin, item.confirmPath, locale) }, o)}`,
			`  ${m.server_mail_reminder_edit({ link: pageLink(origin, item.editPath, locale) }, o)}`,
			''
		);
	}
	lines.push(m.server_mail_reminder_validity({ count: validDays }, o), ...signature(locale));
	return {
		subject: typeset(
			locale,
			one ? m.server_mail_reminder_subject_one({ name: first.name }, o) : m.server_mail_reminder_subject_many({ count: items.length }, o)
		),
		text: typeset(locale, lines.join('\n'))
	};
}

/** The immediate mail (everything new since the last run) or the weekly digest. */
export function notificationsMail(displayName: string, items: NoticeLine[], origin: string, weekly: boolean, locale: Locale): MailText {
	const o = { locale };
	const subject = weekly
		? m.server_mail_notifications_subject_week({ count: items.length }, o)
		: items.length === 1
			? (items[0] as NoticeLine).title
			: m.server_mail_notifications_subject_new({ count: items.length }, o);
	const text = [
		m.server_mail_hello_name({ name: displayName }, o),
		'',
		weekly ? m.server_mail_notifications_week({}, o) : m.server_mail_notifications_new({}, o),
		'',
		...items.flatMap((n) => [
			`• ${n.title} (${dayIn(locale, n.createdAt)})`,
			...(n.body ? [`  ${n.body}`] : []),
			...(n.link ? [`  ${pageLink(origin, n.link, locale)}`] : []),
			''
		]),
		m.server_mail_notifications_all({ link: pageLink(origin, '/notifications', locale) }, o),
		m.server_mail_notifications_settings({ link: pageLink(origin, '/compte', locale) }, o),
		...signature(locale)
	];
	return { subject: typeset(locale, subject), text: typeset(locale, text.join('\n')) };
}

const KIND_WORDS: Record<PendingChangeKind, (inputs: object, options: { locale: Locale }) => string> = {
	entity_update: m.server_mail_kind_entity_update,
	entity_create: m.server_mail_kind_entity_create,
	relation_create: m.server_mail_kind_relation_create,
	relation_update: m.server_mail_kind_relation_update,
	relation_delete: m.server_mail_kind_relation_delete,
	relation_dispute: m.server_mail_kind_relation_dispute,
	entity_claim: m.server_mail_kind_entity_claim,
	report: m.server_mail_kind_report
};

/** The editors' morning message: what waits in the queue and for how long. */
export function editorsDigestMail(displayName: string, q: QueueFigures, origin: string, locale: Locale): MailText {
	const o = { locale };
	const waiting = q.byKind.reduce((s, k) => s + k.count, 0);
	const lines = [m.server_mail_hello_name({ name: displayName }, o), ''];
	if (waiting === 0) lines.push(m.server_mail_digest_empty({}, o));
	else {
		lines.push(m.server_mail_digest_waiting({ count: waiting }, o));
		for (const k of q.byKind) {
			const label = KIND_WORDS[k.kind as PendingChangeKind]?.({}, o) ?? k.label;
			lines.push(m.server_mail_digest_kind({ label, count: String(k.count) }, o));
		}
		if (q.oldestDays !== null) lines.push(m.server_mail_digest_oldest({ count: q.oldestDays }, o));
	}
	lines.push('', m.server_mail_digest_figures({ reports: String(q.reports), claims: String(q.claims), stale: String(q.staleUnmanaged) }, o));
	lines.push(
		'',
		m.server_mail_digest_queue({ link: pageLink(origin, '/moderation', locale) }, o),
		m.server_mail_digest_dashboard({ link: pageLink(origin, '/moderation/tableau', locale) }, o),
		...signature(locale)
	);
	return {
		subject: typeset(locale, waiting ? m.server_mail_digest_subject({ count: waiting }, o) : m.server_mail_digest_subject_empty({}, o)),
		text: typeset(locale, lines.join('\n'))
	};
}
