import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { isActionFailure } from '@sveltejs/kit';
import { freshDb } from './fresh-db';
import { linksIn, readCaughtMails, startMailCatcher, waitForMail, type MailCatcher } from '../mail-catcher';
import type { Db } from '../../src/lib/server/db/index';
import { accountTokens, sessions, users } from '../../src/lib/server/db/schema';
import { mailSetting, type MailSetting } from '../../src/lib/server/mail/mailer';
import { createSession, validateSession } from '../../src/lib/server/services/auth.service';
import { NotFoundError, ValidationError } from '../../src/lib/server/services/errors';
import {
	acceptInvitation,
	changeRole,
	describeAccountToken,
	disableUser,
	ForbiddenError,
	invitableRoles,
	inviteUser,
	issueAccountLink,
	listUsers,
	mayIssueAccountLink,
	requestPasswordReset,
	type AccountUser
} from '../../src/lib/server/services/users.service';

const PASSWORD = 'volcans et levures 2026';
const HOUR = 3600 * 1000;

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let logLines: string[];
/** A real SMTP server on 127.0.0.1: what the person would find in their mailbox. */
let catcher: MailCatcher;
let mailDir: string;
let smtp: MailSetting;

beforeAll(async () => {
	mailDir = mkdtempSync(join(tmpdir(), 'carto-admin-users-mail-'));
	catcher = await startMailCatcher(join(mailDir, 'mails.jsonl'));
	smtp = mailSetting({ SMTP_URL: catcher.url, MAIL_FROM: 'Le Connecteur <carto@exemple.fr>' })!;
});
afterAll(async () => {
	await catcher.close();
	rmSync(mailDir, { recursive: true, force: true });
});

beforeEach(() => {
	ctx = freshDb();
	db = ctx.db;
	logLines = [];
	vi.spyOn(console, 'log').mockImplementation((line: unknown) => void logLines.push(String(line)));
});

afterEach(() => {
	vi.restoreAllMocks();
	ctx.close();
});

const tokenOf = (path: string) => path.replace('/invitation/', '');

async function activeUser(email: string, role: AccountUser['role']): Promise<AccountUser> {
	const { path } = inviteUser(db, 'cli', { email, displayName: email.split('@')[0]!, role });
	return acceptInvitation(db, tokenOf(path), PASSWORD);
}

const roleOf = (id: number) => db.select().from(users).where(eq(users.id, id)).get()?.role;
const sessionCount = (id: number) => db.select().from(sessions).where(eq(sessions.userId, id)).all().length;
const resetTokens = (id: number) =>
	db
		.select()
		.from(accountTokens)
		.where(and(eq(accountTokens.userId, id), eq(accountTokens.purpose, 'reset')))
		.all();
const unusedResetTokens = (id: number) =>
	db
		.select()
		.from(accountTokens)
		.where(and(eq(accountTokens.userId, id), eq(accountTokens.purpose, 'reset'), isNull(accountTokens.usedAt)))
		.all();
const events = (name: string) =>
	logLines
		.filter((l) => l.startsWith('{'))
		.map((l) => JSON.parse(l) as Record<string, unknown>)
		.filter((l) => l.type === 'security' && l.event === name);
const ORIGIN = 'http://carto.test';
const noMail = { origin: ORIGIN, mail: null };
const byMail = () => ({ origin: ORIGIN, mail: smtp });
/** An SMTP address nobody listens on: the mail is refused at once. */
async function deadSmtp(): Promise<MailSetting> {
	const port = await new Promise<number>((resolve) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const p = (s.address() as AddressInfo).port;
			s.close(() => resolve(p));
		});
	});
	return mailSetting({ SMTP_URL: `smtp://127.0.0.1:${port}` })!;
}

describe('changeRole', () => {
	it('lets an admin change a role, ends that person’s sessions and logs who did it', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const anne = await activeUser('anne@exemple.fr', 'partner');
		const { token } = createSession(db, anne.id);
		createSession(db, admin.id);

		changeRole(db, admin, anne.id, 'editor');

		expect(roleOf(anne.id)).toBe('editor');
		expect(sessionCount(anne.id)).toBe(0);
		expect(validateSession(db, token)).toBeNull();
		expect(sessionCount(admin.id)).toBe(1);
		const line = logLines.map((l) => JSON.parse(l)).find((l) => l.event === 'user.role_changed');
		expect(line).toMatchObject({ type: 'security', userId: anne.id, from: 'partner', to: 'editor', by: admin.id });
	});

	it('leaves sessions alone and logs nothing when the role does not change', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const anne = await activeUser('anne@exemple.fr', 'partner');
		createSession(db, anne.id);
		changeRole(db, admin, anne.id, 'partner');
		expect(sessionCount(anne.id)).toBe(1);
		expect(logLines.some((l) => l.includes('user.role_changed'))).toBe(false);
	});

	it('refuses editors, partners, one’s own role, unknown accounts and unknown roles', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const editor = await activeUser('edith@exemple.fr', 'editor');
		const partner = await activeUser('paul@exemple.fr', 'partner');

		expect(() => changeRole(db, editor, partner.id, 'editor')).toThrow(ForbiddenError);
		expect(() => changeRole(db, editor, editor.id, 'admin')).toThrow(ForbiddenError);
		expect(() => changeRole(db, partner, partner.id, 'admin')).toThrow(ForbiddenError);
		expect(() => changeRole(db, admin, admin.id, 'partner')).toThrow(/propre rôle/);
		expect(() => changeRole(db, admin, 9999, 'editor')).toThrow(NotFoundError);
		expect(() => changeRole(db, admin, partner.id, 'root' as never)).toThrow(ValidationError);
		expect([roleOf(admin.id), roleOf(editor.id), roleOf(partner.id)]).toEqual(['admin', 'editor', 'partner']);
	});
});

describe('listUsers', () => {
	it('shows each status, the last activity of an open session and a pending invitation’s expiry', async () => {
		const now = new Date();
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const gone = await activeUser('gone@exemple.fr', 'partner');
		inviteUser(db, admin, { email: 'new@exemple.fr', displayName: 'Nouvelle', role: 'partner' }, now);
		disableUser(db, admin, gone.id);
		createSession(db, admin.id, now);

		const list = listUsers(db, admin, now);
		const byEmail = Object.fromEntries(list.map((u) => [u.email, u]));
		expect(byEmail['admin@exemple.fr']).toMatchObject({ status: 'active', lastSeenAt: now.toISOString(), inviteExpiresAt: null });
		expect(byEmail['gone@exemple.fr']).toMatchObject({ status: 'disabled', lastSeenAt: null });
		expect(byEmail['new@exemple.fr']?.status).toBe('pending');
		expect(Date.parse(byEmail['new@exemple.fr']!.inviteExpiresAt!) - now.getTime()).toBe(7 * 24 * HOUR);
		// The public shape only: no hash reaches the page.
		expect(JSON.stringify(list)).not.toMatch(/scrypt|passwordHash/);
	});

	it('is for admins and editors only', async () => {
		const editor = await activeUser('edith@exemple.fr', 'editor');
		const partner = await activeUser('paul@exemple.fr', 'partner');
		expect(listUsers(db, editor)).toHaveLength(2);
		expect(() => listUsers(db, partner)).toThrow(ForbiddenError);
	});
});

describe('issueAccountLink and invitableRoles', () => {
	it('re-invites a pending account (7 days) and gives an active one a reset link (1 hour)', async () => {
		const now = new Date('2026-03-01T10:00:00Z');
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const first = inviteUser(db, admin, { email: 'new@exemple.fr', displayName: 'Nouvelle', role: 'partner' }, now);

		const again = await issueAccountLink(db, admin, first.userId, { ...noMail, now });
		expect(again).toMatchObject({ purpose: 'invite', displayName: 'Nouvelle', expiresAt: new Date('2026-03-08T10:00:00Z'), delivery: 'screen' });
		expect(describeAccountToken(db, tokenOf(first.path), now)).toBeNull();
		expect(describeAccountToken(db, tokenOf(new URL(again.url!).pathname), now)).toMatchObject({ purpose: 'invite' });

		const anne = await activeUser('anne@exemple.fr', 'partner');
		const reset = await issueAccountLink(db, admin, anne.id, { ...noMail, now });
		expect(reset).toMatchObject({ purpose: 'reset', expiresAt: new Date(now.getTime() + HOUR), delivery: 'screen' });
		expect(describeAccountToken(db, tokenOf(new URL(reset.url!).pathname), now)).toMatchObject({ purpose: 'reset', email: 'anne@exemple.fr' });
	});

	it('refuses partners, an editor for an admin, and disabled or unknown accounts', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const editor = await activeUser('edith@exemple.fr', 'editor');
		const partner = await activeUser('paul@exemple.fr', 'partner');
		await expect(issueAccountLink(db, partner, editor.id, noMail)).rejects.toThrow(ForbiddenError);
		await expect(issueAccountLink(db, editor, admin.id, noMail)).rejects.toThrow(ForbiddenError);
		expect((await issueAccountLink(db, editor, partner.id, byMail())).purpose).toBe('reset');
		disableUser(db, admin, partner.id);
		await expect(issueAccountLink(db, admin, partner.id, noMail)).rejects.toThrow(NotFoundError);
		await expect(issueAccountLink(db, admin, 9999, noMail)).rejects.toThrow(NotFoundError);
	});

	it('offers editors only the editor and partner roles', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const editor = await activeUser('edith@exemple.fr', 'editor');
		const partner = await activeUser('paul@exemple.fr', 'partner');
		expect(invitableRoles(admin)).toEqual(['admin', 'editor', 'partner']);
		expect(invitableRoles(editor)).toEqual(['editor', 'partner']);
		expect(invitableRoles(partner)).toEqual([]);
	});
});

/*
 * Issue 17 (security review): an editor obtained another editor's reset link on /admin/utilisateurs and
 * signed in as them. A reset link is for a lower role only, goes to the person by e-mail, and is shown
 * on screen to nobody but an admin asking for a partner when the mail cannot leave.
 */
describe('reset links for someone else', () => {
	it('refuses a link for an equal or higher role, creates nothing, keeps the earlier link and logs the refusal', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const other = await activeUser('alix@exemple.fr', 'admin');
		const editor = await activeUser('edith@exemple.fr', 'editor');
		const colleague = await activeUser('eric@exemple.fr', 'editor');
		const earlier = tokenOf(requestPasswordReset(db, 'cli', colleague.email).path);
		const before = db.select().from(accountTokens).all();

		for (const [actor, target] of [
			[editor, colleague],
			[editor, admin],
			[admin, other],
			[editor, editor]
		] as const) {
			for (const mail of [null, smtp]) {
				await expect(issueAccountLink(db, actor, target.id, { origin: ORIGIN, mail })).rejects.toThrow(
					/Vous ne pouvez pas obtenir de lien de réinitialisation pour un compte de rôle égal ou supérieur au vôtre/
				);
			}
			expect(() => requestPasswordReset(db, actor, target.email)).toThrow(ForbiddenError);
		}
		expect(db.select().from(accountTokens).all()).toEqual(before);
		expect(describeAccountToken(db, earlier)).toMatchObject({ purpose: 'reset', email: colleague.email });
		expect(readCaughtMails(catcher.file).filter((m) => [colleague.email, admin.email, other.email, editor.email].some((a) => m.to.includes(a)))).toEqual([]);
		expect(events('password.reset_refused')).toContainEqual(expect.objectContaining({ userId: colleague.id, role: 'editor', by: editor.id, byRole: 'editor' }));
		expect(events('password.reset_refused')).toContainEqual(expect.objectContaining({ userId: other.id, role: 'admin', by: admin.id, byRole: 'admin' }));
	});

	it('e-mails a lower role’s link to that person, never to the asker, and logs who, for whom and how', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const editor = await activeUser('edith@exemple.fr', 'editor');
		const partner = await activeUser('paula.reset@exemple.fr', 'partner');
		const since = new Date().toISOString();

		const forPartner = await issueAccountLink(db, editor, partner.id, byMail());
		expect(forPartner).toMatchObject({ purpose: 'reset', delivery: 'mail', url: null, mail: { sent: true }, email: partner.email });
		const mail = await waitForMail(catcher.file, partner.email, /Réinitialiser votre mot de passe/, { since });
		const link = linksIn(mail)[0]!;
		expect(link.startsWith(`${ORIGIN}/invitation/`)).toBe(true);
		expect(describeAccountToken(db, tokenOf(new URL(link).pathname))).toMatchObject({ purpose: 'reset', email: partner.email });
		expect(JSON.stringify(forPartner)).not.toContain('/invitation/');

		const forEditor = await issueAccountLink(db, admin, editor.id, byMail());
		expect(forEditor).toMatchObject({ delivery: 'mail', url: null });
		await waitForMail(catcher.file, editor.email, /Réinitialiser votre mot de passe/, { since });
		expect(readCaughtMails(catcher.file).filter((m) => m.to.includes(admin.email))).toEqual([]);

		expect(events('password.reset_requested')).toEqual([
			expect.objectContaining({ userId: partner.id, by: editor.id, delivery: 'mail' }),
			expect.objectContaining({ userId: editor.id, by: admin.id, delivery: 'mail' })
		]);
		expect(logLines.join('\n')).not.toContain(tokenOf(new URL(link).pathname));
	});

	it('without e-mail, shows the link to an admin for a partner only, and otherwise creates nothing', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const editor = await activeUser('edith@exemple.fr', 'editor');
		const partner = await activeUser('paul@exemple.fr', 'partner');

		const shown = await issueAccountLink(db, admin, partner.id, noMail);
		expect(shown).toMatchObject({ delivery: 'screen', mail: null });
		expect(describeAccountToken(db, tokenOf(new URL(shown.url!).pathname))).toMatchObject({ purpose: 'reset', email: partner.email });
		expect(events('password.reset_requested')).toEqual([expect.objectContaining({ userId: partner.id, by: admin.id, delivery: 'shown' })]);

		const tokensBefore = db.select().from(accountTokens).all();
		for (const [actor, target] of [
			[editor, partner],
			[admin, editor]
		] as const) {
			const answer = await issueAccountLink(db, actor, target.id, noMail);
			expect(answer).toMatchObject({ purpose: 'reset', delivery: 'none', url: null, mail: null });
		}
		expect(db.select().from(accountTokens).all()).toEqual(tokensBefore);
		// The link shown to the admin still works: nothing replaced it.
		expect(describeAccountToken(db, tokenOf(new URL(shown.url!).pathname))).not.toBeNull();
		expect(events('password.reset_requested')).toHaveLength(1);
	});

	it('when the mail is refused, withdraws the link unless an admin asked for a partner', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const editor = await activeUser('edith@exemple.fr', 'editor');
		const partner = await activeUser('paul@exemple.fr', 'partner');
		const dead = await deadSmtp();

		const byEditor = await issueAccountLink(db, editor, partner.id, { origin: ORIGIN, mail: dead });
		expect(byEditor).toMatchObject({ delivery: 'none', url: null });
		expect(byEditor.mail).toMatchObject({ sent: false, reason: expect.stringMatching(/serveur de courrier/) });
		expect(resetTokens(partner.id)).toHaveLength(1);
		expect(unusedResetTokens(partner.id)).toHaveLength(0);

		const byAdmin = await issueAccountLink(db, admin, partner.id, { origin: ORIGIN, mail: dead });
		expect(byAdmin).toMatchObject({ delivery: 'screen' });
		expect(describeAccountToken(db, tokenOf(new URL(byAdmin.url!).pathname))).toMatchObject({ purpose: 'reset' });
		expect(events('password.reset_requested')).toEqual([
			expect.objectContaining({ userId: partner.id, by: editor.id, delivery: 'mail_failed' }),
			expect.objectContaining({ userId: partner.id, by: admin.id, delivery: 'shown' })
		]);
	});

	it('leaves the person’s sessions open until the link is used, then ends them', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const partner = await activeUser('paul.sessions@exemple.fr', 'partner');
		const { token } = createSession(db, partner.id);
		const since = new Date().toISOString();

		await issueAccountLink(db, admin, partner.id, byMail());
		expect(sessionCount(partner.id)).toBe(1);
		expect(validateSession(db, token)).not.toBeNull();

		const link = linksIn(await waitForMail(catcher.file, partner.email, /Réinitialiser/, { since }))[0]!;
		await acceptInvitation(db, tokenOf(new URL(link).pathname), 'un tout nouveau mot de passe');
		expect(sessionCount(partner.id)).toBe(0);
		expect(validateSession(db, token)).toBeNull();
	});

	it('offers the link button only where the policy allows it', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const editor = await activeUser('edith@exemple.fr', 'editor');
		inviteUser(db, 'cli', { email: 'nouvel.editeur@exemple.fr', displayName: 'Nouvel éditeur', role: 'editor' });
		inviteUser(db, 'cli', { email: 'nouvel.admin@exemple.fr', displayName: 'Nouvel admin', role: 'admin' });
		await activeUser('eric@exemple.fr', 'editor');
		await activeUser('paul@exemple.fr', 'partner');
		const gone = await activeUser('gone@exemple.fr', 'partner');
		disableUser(db, admin, gone.id);

		const offered = (actor: AccountUser) =>
			listUsers(db, actor)
				.filter((u) => mayIssueAccountLink(actor, u))
				.map((u) => u.email)
				.sort();
		// Pending accounts: a fresh invitation, as inviting them would give. Active ones: a lower role only.
		expect(offered(editor)).toEqual(['nouvel.editeur@exemple.fr', 'paul@exemple.fr']);
		expect(offered(admin)).toEqual(['edith@exemple.fr', 'eric@exemple.fr', 'nouvel.admin@exemple.fr', 'nouvel.editeur@exemple.fr', 'paul@exemple.fr']);
	});
});

/*
 * The page itself, as the browser's form posts reach it: the route module with this file's database and
 * the catcher as SMTP_URL (both read once per module instance).
 */
describe('/admin/utilisateurs ?/link', () => {
	// Read at the first mail, not at import: set for the whole test.
	afterEach(() => void delete process.env.SMTP_URL);
	async function route(smtpUrl: string | undefined) {
		vi.resetModules();
		process.env.DATABASE_URL = ctx.path;
		if (smtpUrl) process.env.SMTP_URL = smtpUrl;
		else delete process.env.SMTP_URL;
		return await import('../../src/routes/admin/utilisateurs/+page.server');
	}
	const post = (module: Awaited<ReturnType<typeof route>>, user: AccountUser, userId: number) => {
		const body = new FormData();
		body.set('userId', String(userId));
		return (module.actions.link as (e: unknown) => Promise<unknown>)({
			locals: { user },
			url: new URL(`${ORIGIN}/admin/utilisateurs?/link`),
			params: {},
			request: new Request(`${ORIGIN}/admin/utilisateurs?/link`, { method: 'POST', body }),
			getClientAddress: () => '127.0.0.1'
		});
	};

	it('answers an editor asking for another editor’s link with a 403 in French, and shows an editor no link', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const editor = await activeUser('edith@exemple.fr', 'editor');
		const colleague = await activeUser('eric@exemple.fr', 'editor');
		const partner = await activeUser('paul.page@exemple.fr', 'partner');
		const page = await route(catcher.url);

		const refused = await post(page, editor, colleague.id);
		expect(isActionFailure(refused)).toBe(true);
		expect(refused).toMatchObject({
			status: 403,
			data: { action: 'link', message: 'Vous ne pouvez pas obtenir de lien de réinitialisation pour un compte de rôle égal ou supérieur au vôtre.' }
		});
		expect(resetTokens(colleague.id)).toHaveLength(0);
		expect(isActionFailure(await post(page, editor, admin.id))).toBe(true);

		const since = new Date().toISOString();
		const mailed = await post(page, editor, partner.id);
		expect(JSON.stringify(mailed)).not.toContain('/invitation/');
		expect(mailed).toMatchObject({
			action: 'link',
			message: `Lien de réinitialisation envoyé par courriel à paul.page (${partner.email})\u00a0: il fonctionne une fois, pendant une heure.`
		});
		await waitForMail(catcher.file, partner.email, /Réinitialiser votre mot de passe/, { since });

		// The table offers the button where the policy allows it, and nowhere else.
		const data = (page.load as (e: unknown) => { users: { email: string; mayLink: boolean }[] })({
			locals: { user: editor },
			url: new URL(`${ORIGIN}/admin/utilisateurs`),
			setHeaders: () => {}
		});
		expect(data.users.filter((u) => u.mayLink).map((u) => u.email)).toEqual([partner.email]);
	});

	it('without e-mail: tells an editor no link was made, and shows an admin a partner’s link', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const editor = await activeUser('edith@exemple.fr', 'editor');
		const partner = await activeUser('paul@exemple.fr', 'partner');
		const page = await route(undefined);

		const told = await post(page, editor, partner.id);
		expect(JSON.stringify(told)).not.toContain('/invitation/');
		expect(told).toMatchObject({
			action: 'link',
			message: expect.stringMatching(/^L’envoi de courriels n’est pas configuré sur ce serveur\u00a0: aucun lien n’a été créé pour paul/)
		});
		expect(resetTokens(partner.id)).toHaveLength(0);

		const shown = (await post(page, admin, partner.id)) as { link: { url: string; mailed: string } };
		expect(shown.link.url).toMatch(new RegExp(`^${ORIGIN}/invitation/[\\w-]{43}$`));
		expect(shown.link.mailed).toMatch(/L’envoi de courriels n’est pas configuré/);
	});
});
