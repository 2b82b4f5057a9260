import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountLinkMail, mailSetting, sendMail } from '../../src/lib/server/mail/mailer';

/** A real SMTP server on 127.0.0.1 (smtp-server), keeping what it receives. */
let server: SMTPServer;
let port = 0;
const received: { to: string[]; body: string }[] = [];

beforeAll(async () => {
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			let body = '';
			stream.on('data', (c: Buffer) => (body += c.toString('utf8')));
			stream.on('end', () => {
				received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server as unknown as { server: { address: () => AddressInfo } }).server.address().port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('e-mail of invitation links', () => {
	it('is off unless SMTP_URL is set, and refuses a malformed URL in French', async () => {
		expect(mailSetting({})).toBeNull();
		expect(await sendMail(null, accountLinkMail('a@b.fr', 'http://x/invitation/t', 'invite', 'Ana'))).toEqual({
			sent: false,
			reason: 'envoi de courriels non configuré'
		});
		expect(() => mailSetting({ SMTP_URL: 'http://serveur' })).toThrow(/SMTP_URL/);
	});

	it('sends the invitation through the configured server', async () => {
		const setting = mailSetting({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Le Connecteur <carto@exemple.fr>' });
		const link = 'http://localhost:3000/invitation/abc123';
		expect(await sendMail(setting, accountLinkMail('partenaire@exemple.fr', link, 'invite', 'Ana'))).toEqual({ sent: true });
		const last = received.at(-1)!;
		expect(last.to).toEqual(['partenaire@exemple.fr']);
		expect(last.body).toContain(link);
		expect(last.body).toMatch(/Subject: =\?UTF-8\?[QB]\?|Subject: Votre acc/);
	});

	it('reports, without throwing, a server that does not answer', async () => {
		// A port that is free: nothing listens there.
		const free = await new Promise<number>((resolve) => {
			const s = createServer().listen(0, '127.0.0.1', () => {
				const p = (s.address() as AddressInfo).port;
				s.close(() => resolve(p));
			});
		});
		const result = await sendMail(mailSetting({ SMTP_URL: `smtp://127.0.0.1:${free}` }), accountLinkMail('a@b.fr', 'http://x/i/t', 'reset', 'Ana'));
		expect(result.sent).toBe(false);
		expect(result.sent === false && result.reason).toMatch(/serveur de courrier/);
	});
});
