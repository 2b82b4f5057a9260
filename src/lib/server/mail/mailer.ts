import nodemailer from 'nodemailer';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

/**
 * Outgoing e-mail, optional: when SMTP_URL is set (smtp://user:password@host:587, smtps://… for TLS),
 * invitations and reset links are also e-mailed; without it they are only shown on screen. Sending never
 * throws to the caller and never logs the message body (it holds a single-use link).
 */
export interface MailSetting {
	url: string;
	from: string;
}

const settingSchema = z.object({
	SMTP_URL: z
		.url({ protocol: /^smtps?$/, error: 'SMTP_URL : une adresse smtp:// ou smtps://, par exemple smtp://utilisateur:motdepasse@serveur:587' })
		.optional(),
	MAIL_FROM: z.string().trim().min(3).default('Connecteur Carto <ne-pas-repondre@localhost>')
});

/** Reads SMTP_URL and MAIL_FROM; null when e-mail is not configured. Throws a French error for a malformed URL. */
export function mailSetting(env: Record<string, string | undefined> = process.env): MailSetting | null {
	const parsed = settingSchema.safeParse({ SMTP_URL: env.SMTP_URL?.trim() || undefined, MAIL_FROM: env.MAIL_FROM?.trim() || undefined });
	if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join(' ; '));
	return parsed.data.SMTP_URL ? { url: parsed.data.SMTP_URL, from: parsed.data.MAIL_FROM } : null;
}

let configured: MailSetting | null | undefined;
/** The server's own setting, read once (like the other settings, at first use after start-up). */
export function serverMailSetting(): MailSetting | null {
	if (configured === undefined) configured = mailSetting();
	return configured;
}

export type MailResult = { sent: true } | { sent: false; reason: string };

export interface Mail {
	to: string;
	subject: string;
	text: string;
}

/** Sends one plain-text message; a slow or absent server costs at most a few seconds and a French reason. */
export async function sendMail(setting: MailSetting | null, mail: Mail): Promise<MailResult> {
	if (!setting) return { sent: false, reason: 'envoi de courriels non configuré' };
	const transport = nodemailer.createTransport({ url: setting.url, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 });
	try {
		await transport.sendMail({ from: setting.from, to: mail.to, subject: mail.subject, text: mail.text });
		return { sent: true };
	} catch (e) {
		return { sent: false, reason: `le serveur de courrier n'a pas accepté le message (${(e as { code?: string }).code ?? 'erreur'})` };
	} finally {
		transport.close();
	}
}

/** The invitation or reset message, in French unless told otherwise (the link should lead to a page in that language). */
export function accountLinkMail(to: string, link: string, purpose: 'invite' | 'reset', name: string, locale: Locale = 'fr'): Mail {
	const o = { locale };
	const invite = purpose === 'invite';
	return {
		to,
		subject: invite ? m.server_mail_link_subject_invite({}, o) : m.server_mail_link_subject_reset({}, o),
		text: [
			m.server_mail_hello_name({ name }, o),
			'',
			invite ? m.server_mail_link_intro_invite({}, o) : m.server_mail_link_intro_reset({}, o),
			invite ? m.server_mail_link_choose_invite({}, o) : m.server_mail_link_choose_reset({}, o),
			link,
			'',
			m.server_mail_link_ignore({}, o),
			m.server_mail_signature({}, o)
		].join('\n')
	};
}
