import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on 127.0.0.1 (smtp-server) that keeps every message it accepts, parsed by mailparser,
 * one JSON line per message in `file`: the browser tests' server sends to it through SMTP_URL like any
 * other, and the tests read what a person would have received (recipients, subject, text, links).
 */
export interface CaughtMail {
	to: string[];
	subject: string;
	text: string;
	receivedAt: string;
}

export interface MailCatcher {
	url: string;
	file: string;
	close: () => Promise<void>;
}

export async function startMailCatcher(file: string): Promise<MailCatcher> {
	writeFileSync(file, '');
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					const mail: CaughtMail = {
						to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
						subject: parsed.subject ?? '',
						text: parsed.text ?? '',
						receivedAt: new Date().toISOString()
					};
					appendFileSync(file, JSON.stringify(mail) + '\n');
					callback();
				})
				.catch((e: Error) => callback(e));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server as unknown as { server: { address: () => AddressInfo } }).server.address().port;
	return { url: `smtp://127.0.0.1:${port}`, file, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export function readCaughtMails(file: string): CaughtMail[] {
	if (!existsSync(file)) return [];
	return readFileSync(file, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as CaughtMail);
}

/** Waits for the first message to `to` whose subject matches, received after `since` (ISO), and returns it. */
export async function waitForMail(file: string, to: string, subject: RegExp, options: { since?: string; timeoutMs?: number } = {}): Promise<CaughtMail> {
	const deadline = Date.now() + (options.timeoutMs ?? 15_000);
	const address = to.toLowerCase();
	for (;;) {
		const found = readCaughtMails(file).find((m) => m.to.includes(address) && subject.test(m.subject) && (!options.since || m.receivedAt >= options.since));
		if (found) return found;
		if (Date.now() > deadline) {
			const seen =
				readCaughtMails(file)
					.map((m) => `${m.to.join(',')} « ${m.subject} »`)
					.join(' ; ') || 'aucun';
			throw new Error(`Aucun courriel pour ${to} dont l'objet correspond à ${subject} (reçus : ${seen}).`);
		}
		await new Promise((r) => setTimeout(r, 150));
	}
}

/** The links of a message, in order (http and https). */
export const linksIn = (mail: CaughtMail): string[] => [...mail.text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]);
