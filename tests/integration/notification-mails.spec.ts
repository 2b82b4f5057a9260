import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { readCaughtMails, startMailCatcher, type MailCatcher } from '../mail-catcher';
import type { Db } from '../../src/lib/server/db/index';
import { notifications, users } from '../../src/lib/server/db/schema';
import { createEntities } from '../../src/lib/server/services/entity-write.service';
import { inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';
import { grantManager, setPartnerModerated } from '../../src/lib/server/services/managers.service';
import { declareRelation, submitEntityUpdate, submitReport, ReportThrottle } from '../../src/lib/server/services/contribution.service';
import { approvePendingChange, moderationQueue, rejectPendingChange } from '../../src/lib/server/services/moderation.service';
import { sendNotificationMails } from '../../src/lib/server/services/notification-mail.service';
import {
	chooseNotifyMode,
	myNotifications,
	readAllNotifications,
	readNotification,
	unreadNotifications
} from '../../src/lib/server/services/notifications.service';
import { mailReportOutcome } from '../../src/lib/server/services/review-notices';
import { notifyUsers } from '../../src/lib/server/notifications/notify';
import { NotFoundError, ValidationError } from '../../src/lib/server/services/errors';
import type { MailSetting } from '../../src/lib/server/mail/mailer';
import { rememberLocale } from '../../src/lib/server/mail/recipient-locale';

/*
 * Notifications on a real database, e-mailed through a real SMTP server: who is told what when a
 * contribution moves, and how each user's choice (immediate, weekly, none) shapes the e-mails; the
 * editors' daily digest of the queue; the visitor who reported an error hears the outcome.
 */

const ORIGIN = 'http://127.0.0.1:5999';
const DAY = 86_400_000;
let catcher: MailCatcher;
let mailDir: string;
let mail: MailSetting;
beforeAll(async () => {
	mailDir = mkdtempSync(join(tmpdir(), 'carto-mail-'));
	catcher = await startMailCatcher(join(mailDir, 'mails.jsonl'));
	mail = { url: catcher.url, from: 'Connecteur Carto <carto@exemple.fr>' };
	// The server's own setting (serverMailSetting), read at first use: the reporter's outcome goes through it.
	process.env.SMTP_URL = catcher.url;
});
afterAll(async () => {
	delete process.env.SMTP_URL;
	await catcher.close();
	rmSync(mailDir, { recursive: true, force: true });
});

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let editor: AccountUser;
let alice: AccountUser;
let bruno: AccountUser;
let chloe: AccountUser;
let incub: number;
let startup: number;
let seen = 0;

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
function account(email: string, displayName: string, role: AccountUser['role']): AccountUser {
	const { userId } = inviteUser(db, 'cli', { email, displayName, role });
	return { id: userId, email, displayName, role };
}
const bell = (u: AccountUser) =>
	db
		.select()
		.from(notifications)
		.where(eq(notifications.userId, u.id))
		.all()
		.map((n) => ({ ...n, title: plain(n.title), body: plain(n.body) }));
const newMails = () => {
	const all = readCaughtMails(catcher.file);
	const fresh = all.slice(seen).map((m) => ({ ...m, subject: plain(m.subject), text: plain(m.text) }));
	seen = all.length;
	return fresh;
};
const jobRun = (now: Date) => sendNotificationMails({ db, now, mail, origin: ORIGIN });

beforeEach(() => {
	vi.spyOn(console, 'log').mockImplementation(() => undefined);
	ctx = freshDb();
	db = ctx.db;
	insertSmallTerritories(db);
	[incub, startup] = createEntities(db, [
		{ slug: 'incubateur-des-domes', kind: 'organisation', category: 'incubator', name: 'Incubateur des Dômes', communeCode: '63113' },
		{ slug: 'volcabio', kind: 'organisation', category: 'startup', name: 'Volcabio', communeCode: '63113' }
	]) as [number, number];
	editor = account('edith@exemple.fr', 'Édith Éditrice', 'editor');
	alice = account('alice@exemple.fr', 'Alice Incubateur', 'partner');
	bruno = account('bruno@exemple.fr', 'Bruno Volcabio', 'partner');
	chloe = account('chloe@exemple.fr', 'Chloé Volcabio', 'partner');
	grantManager(db, editor, incub, alice.email);
	grantManager(db, editor, startup, bruno.email);
	grantManager(db, editor, startup, chloe.email);
	seen = readCaughtMails(catcher.file).length;
});
afterEach(() => {
	vi.restoreAllMocks();
	ctx.close();
});

describe('who is told what', () => {
	it('a proposal accepted or refused: its author, with the editor’s comment', () => {
		const first = submitEntityUpdate(db, bruno, startup, { summary: 'Biotech des volcans' }, 1);
		approvePendingChange(db, editor, (first as { pendingId: number }).pendingId, 'Merci, c’est publié.');
		const second = submitEntityUpdate(db, bruno, startup, { summary: 'Autre chose' }, 2);
		rejectPendingChange(db, editor, (second as { pendingId: number }).pendingId, 'Source manquante.');
		const lines = bell(bruno);
		expect(lines.map((n) => [n.kind, n.title, n.body])).toEqual([
			['proposal_approved', 'Acceptée : Modification de la fiche Volcabio : résumé', 'Commentaire de l’équipe : Merci, c’est publié.'],
			['proposal_rejected', 'Refusée : Modification de la fiche Volcabio : résumé', 'Commentaire de l’équipe : Source manquante.']
		]);
		expect(bell(chloe)).toEqual([]);
	});

	it('a report about a listing: its managers; a relation declared by one side: the other side’s managers', () => {
		submitReport(db, 'volcabio', { message: 'Le site web a changé depuis un an.', email: 'visiteur@exemple.org' }, { ip: '1', throttle: new ReportThrottle() });
		expect(bell(bruno).map((n) => n.title)).toEqual(['Une erreur est signalée sur « Volcabio »']);
		expect(bell(chloe)).toHaveLength(1);
		expect(bell(alice)).toEqual([]);
		setPartnerModerated(db, editor, alice.id, false);
		declareRelation(db, alice, {
			type: 'incubated_by',
			sourceId: startup,
			targetId: incub,
			startDate: '2021',
			endDate: null,
			source: 'https://exemple.fr',
			description: ''
		});
		expect(bell(bruno).map((n) => n.kind)).toEqual(['report', 'relation_to_confirm']);
		expect(bell(bruno)[1]!.title).toMatch(/^Une relation attend votre confirmation : Volcabio est incubée par l.Incubateur des Dômes depuis 2021$/);
		expect(bell(alice)).toEqual([]);
	});

	it('a moderated declaration tells the other side once an editor accepts it', () => {
		const r = declareRelation(db, alice, {
			type: 'incubated_by',
			sourceId: startup,
			targetId: incub,
			startDate: '2021',
			endDate: null,
			source: 'https://exemple.fr',
			description: ''
		});
		expect(bell(bruno)).toEqual([]);
		approvePendingChange(db, editor, (r as { pendingId: number }).pendingId);
		expect(bell(bruno).map((n) => n.kind)).toEqual(['relation_to_confirm']);
		expect(bell(alice).map((n) => n.kind)).toEqual(['proposal_approved']);
	});

	it('the visitor who left an address hears the outcome of their report, once reviewed', async () => {
		submitReport(db, 'volcabio', { message: 'Le site web a changé depuis un an.', email: 'visiteur@exemple.org' }, { ip: '1', throttle: new ReportThrottle() });
		const id = moderationQueue(db, editor)[0]!.id;
		expect(await mailReportOutcome(db, id, ORIGIN)).toBeNull(); // not reviewed yet
		rejectPendingChange(db, editor, id, 'Le site indiqué est bien le bon.');
		expect(await mailReportOutcome(db, id, ORIGIN)).toEqual({ sent: true });
		const [m] = newMails();
		expect(m!.to).toEqual(['visiteur@exemple.org']);
		expect(m!.subject).toBe('Votre signalement sur « Volcabio »');
		expect(m!.text).toContain('n’y a pas donné suite');
		expect(m!.text).toContain('Son commentaire : Le site indiqué est bien le bon.');
		expect(m!.text).toContain(`${ORIGIN}/acteurs/volcabio`);
	});
});

describe('e-mail as each user chose', () => {
	const tell = (u: AccountUser, title: string) => notifyUsers(db, [u.id], { kind: 'test', title, link: '/espace' });

	it('immediate: one message per run with everything new; weekly: a digest after a week; none: never', async () => {
		chooseNotifyMode(db, chloe, 'weekly');
		chooseNotifyMode(db, alice, 'none');
		for (const u of [bruno, chloe, alice]) {
			tell(u, 'Première nouvelle');
			tell(u, 'Deuxième nouvelle');
		}
		const now = new Date();
		const first = await jobRun(now);
		expect(first).toMatchObject({ immediate: 1, weekly: 0 });
		const mails = newMails().filter((m) => !m.to.includes(editor.email));
		expect(mails.map((m) => [m.to[0], m.subject])).toEqual([['bruno@exemple.fr', '2 nouvelles notifications sur Connecteur Carto']]);
		expect(mails[0]!.text).toContain('• Première nouvelle');
		expect(mails[0]!.text).toContain(`${ORIGIN}/espace`);
		expect(mails[0]!.text).toContain(`${ORIGIN}/compte`);
		// Sent once: a second run has nothing for Bruno.
		expect((await jobRun(now)).immediate).toBe(0);
		// A week later, Chloé's digest; Alice still nothing.
		const week = await jobRun(new Date(now.getTime() + 7 * DAY + 1000));
		expect(week).toMatchObject({ immediate: 0, weekly: 1 });
		const digest = newMails().filter((m) => !m.to.includes(editor.email));
		expect(digest.map((m) => [m.to[0], m.subject])).toEqual([['chloe@exemple.fr', 'Votre semaine sur Connecteur Carto : 2 notifications']]);
		expect(bell(alice).every((n) => n.emailedAt === null)).toBe(true);
		expect(bell(chloe).every((n) => n.emailedAt !== null)).toBe(true);
	});

	it('writes to a person in the language they last signed in with', async () => {
		rememberLocale(db, bruno.id, 'en');
		tell(bruno, 'Première nouvelle');
		tell(bruno, 'Deuxième nouvelle');
		tell(chloe, 'Première nouvelle');
		tell(chloe, 'Deuxième nouvelle');
		await jobRun(new Date());
		const mails = newMails().filter((m) => !m.to.includes(editor.email));
		const toBruno = mails.find((m) => m.to.includes(bruno.email))!;
		expect(toBruno.subject).toBe('2 new notifications on Connecteur Carto');
		expect(toBruno.text).toContain('Hello Bruno Volcabio,');
		expect(toBruno.text).toContain(`All your notifications: ${ORIGIN}/en/notifications`);
		expect(mails.find((m) => m.to.includes(chloe.email))!.subject).toBe('2 nouvelles notifications sur Connecteur Carto');
	});

	it('refuses an unknown preference in French', () => {
		expect(() => chooseNotifyMode(db, bruno, 'parfois')).toThrow(ValidationError);
		expect(() => chooseNotifyMode(db, bruno, 'parfois')).toThrow(/immédiatement, un résumé par semaine ou aucun courriel/);
		expect(db.select().from(users).where(eq(users.id, bruno.id)).get()!.notifyMode).toBe('immediate');
	});

	it('the editors’ daily digest of the queue, once per Paris day from 8 h', async () => {
		submitReport(db, 'volcabio', { message: 'Le site web a changé depuis un an.' }, { ip: '1', throttle: new ReportThrottle() });
		submitEntityUpdate(db, bruno, startup, { summary: 'Biotech des volcans' }, 1);
		const sevenParis = new Date('2026-12-04T06:30:00Z');
		expect((await jobRun(sevenParis)).editorsDigests).toBe(0);
		const nineParis = new Date('2026-12-04T08:00:00Z');
		expect((await jobRun(nineParis)).editorsDigests).toBe(1);
		const m = newMails().find((x) => x.to.includes(editor.email))!;
		expect(m.subject).toBe('Modération : 2 propositions en attente');
		expect(m.text).toContain('• Modification de fiche : 1');
		expect(m.text).toContain('• Signalement : 1');
		expect(m.text).toContain(`${ORIGIN}/moderation/tableau`);
		expect((await jobRun(new Date('2026-12-04T15:00:00Z'))).editorsDigests).toBe(0);
		expect((await jobRun(new Date('2026-12-05T08:00:00Z'))).editorsDigests).toBe(1);
		chooseNotifyMode(db, editor, 'none');
		expect((await jobRun(new Date('2026-12-06T08:00:00Z'))).editorsDigests).toBe(0);
	});
});

describe('the bell', () => {
	it('counts unread, marks one or all read, and never another user’s', () => {
		notifyUsers(db, [bruno.id], { kind: 'test', title: 'Un' });
		notifyUsers(db, [bruno.id], { kind: 'test', title: 'Deux' });
		notifyUsers(db, [alice.id], { kind: 'test', title: 'Autre' });
		expect(unreadNotifications(db, bruno)).toBe(2);
		const [latest] = myNotifications(db, bruno, 1).items;
		expect(() => readNotification(db, alice, latest!.id)).toThrow(NotFoundError);
		readNotification(db, bruno, latest!.id);
		expect(unreadNotifications(db, bruno)).toBe(1);
		expect(readAllNotifications(db, bruno)).toBe(1);
		expect(unreadNotifications(db, bruno)).toBe(0);
		expect(unreadNotifications(db, alice)).toBe(1);
	});
});
