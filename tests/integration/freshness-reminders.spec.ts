import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { readCaughtMails, startMailCatcher, linksIn, type MailCatcher } from '../mail-catcher';
import type { Db } from '../../src/lib/server/db/index';
import { entities, freshnessReminders, notifications, users } from '../../src/lib/server/db/schema';
import { createEntities, updateEntity } from '../../src/lib/server/services/entity-write.service';
import { inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';
import { grantManager } from '../../src/lib/server/services/managers.service';
import { confirmByReminderLink, describeReminderLink, sendFreshnessReminders } from '../../src/lib/server/services/freshness-reminder.service';
import { ValidationError } from '../../src/lib/server/services/errors';
import { dashboardListings, editorsDashboard } from '../../src/lib/server/services/dashboard.service';
import { partnerSpace } from '../../src/lib/server/services/partner-space.service';
import type { MailSetting } from '../../src/lib/server/mail/mailer';

/*
 * Freshness reminders on a real database and a real SMTP server: who is reminded, how often, what the
 * e-mail says, and the « toujours à jour » link (works once, expires, stops the reminders).
 */

const ORIGIN = 'http://127.0.0.1:5999';
const settings = { months: 12, reminderDays: 30 };
const DAY = 86_400_000;
const T0 = new Date('2026-12-04T08:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

let catcher: MailCatcher;
let mailDir: string;
let mail: MailSetting;
beforeAll(async () => {
	mailDir = mkdtempSync(join(tmpdir(), 'carto-mail-'));
	catcher = await startMailCatcher(join(mailDir, 'mails.jsonl'));
	mail = { url: catcher.url, from: 'Connecteur Carto <carto@exemple.fr>' };
});
afterAll(async () => {
	await catcher.close();
	rmSync(mailDir, { recursive: true, force: true });
});

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let editor: AccountUser;
let alice: AccountUser;
let ids: Record<'stale' | 'never' | 'fresh' | 'orphan' | 'second', number>;
let mailsBefore = 0;

function account(email: string, displayName: string, role: AccountUser['role']): AccountUser {
	const { userId } = inviteUser(db, 'cli', { email, displayName, role });
	return { id: userId, email, displayName, role };
}
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const run = (now: Date) => sendFreshnessReminders({ db, now, mail, origin: ORIGIN }, { settings });
const remindersOf = (entityId: number) => db.select().from(freshnessReminders).where(eq(freshnessReminders.entityId, entityId)).all();
const newMails = () => {
	const all = readCaughtMails(catcher.file);
	const fresh = all.slice(mailsBefore);
	mailsBefore = all.length;
	// French typography puts no-break spaces inside « » and before « : »: compare with plain spaces.
	return fresh.map((m) => ({ ...m, subject: plain(m.subject), text: plain(m.text) }));
};

beforeEach(() => {
	vi.spyOn(console, 'log').mockImplementation(() => undefined);
	ctx = freshDb();
	db = ctx.db;
	insertSmallTerritories(db);
	const [stale, never, fresh, orphan, second] = createEntities(db, [
		{ slug: 'volcabio', kind: 'organisation', category: 'startup', name: 'Volcabio', communeCode: '63113', lastVerifiedAt: '2025-06-01' },
		{ slug: 'fablab-aurillac', kind: 'third_place', category: 'fablab', name: 'Fablab Aurillac', communeCode: '15014' },
		{ slug: 'cowork-domes', kind: 'third_place', category: 'coworking', name: 'Cowork des Dômes', communeCode: '63113', lastVerifiedAt: '2026-11-01' },
		{ slug: 'orpheline', kind: 'organisation', category: 'company', name: 'Entreprise orpheline', communeCode: '15014', lastVerifiedAt: '2024-01-10' },
		{ slug: 'deuxieme', kind: 'organisation', category: 'company', name: 'Deuxième fiche', communeCode: '63113', lastVerifiedAt: '2025-12-03' }
	]) as number[] as [number, number, number, number, number];
	ids = { stale, never, fresh, orphan, second };
	editor = account('edith@exemple.fr', 'Édith Éditrice', 'editor');
	alice = account('alice@exemple.fr', 'Alice Gestionnaire', 'partner');
	for (const id of [stale, never, fresh, second]) grantManager(db, editor, id, alice.email);
	mailsBefore = readCaughtMails(catcher.file).length;
});
afterEach(() => {
	vi.restoreAllMocks();
	ctx.close();
});

describe('reminder selection', () => {
	it('reminds the managers of listings not verified for 12 months or never, once per e-mail, and sends the rest to the editors', async () => {
		const r = await run(T0);
		// 2025-12-03 is 12 months and a day before 4 December 2026: stale too; the 2026-11-01 one is fresh.
		expect(r).toMatchObject({ stale: 4, managed: 3, unmanaged: 1, managersReminded: 1, mailsSent: 1, mailsFailed: 0 });
		const [m, ...others] = newMails();
		expect(others).toHaveLength(0);
		expect(m!.to).toEqual(['alice@exemple.fr']);
		expect(m!.subject).toBe('3 fiches à vérifier sur Connecteur Carto');
		expect(m!.text).toContain('« Volcabio » (vérifiée pour la dernière fois le 1er juin 2025)');
		expect(m!.text).toContain('« Fablab Aurillac » (jamais vérifiée)');
		expect(m!.text).not.toContain('Cowork des Dômes');
		const links = linksIn(m!);
		expect(links.filter((l) => l.startsWith(`${ORIGIN}/fiche-a-jour/`))).toHaveLength(3);
		expect(links).toContain(`${ORIGIN}/espace/fiches/${ids.stale}`);
		// The editors' list: a row without a user, no e-mail, one bell line for the run.
		expect(remindersOf(ids.orphan)).toMatchObject([{ userId: null, tokenSha256: null }]);
		const editorBell = db.select().from(notifications).where(eq(notifications.userId, editor.id)).all();
		expect(editorBell.map((n) => plain(n.title))).toEqual(['1 fiche sans gestionnaire est à vérifier']);
		// The bell, one line per listing; already e-mailed (the reminder was the e-mail).
		const aliceBell = db.select().from(notifications).where(eq(notifications.userId, alice.id)).all();
		expect(aliceBell.map((n) => plain(n.title)).sort()).toEqual([
			'« Deuxième fiche » est à vérifier',
			'« Fablab Aurillac » est à vérifier',
			'« Volcabio » est à vérifier'
		]);
		expect(aliceBell.every((n) => n.emailedAt !== null)).toBe(true);
	});

	it('repeats only after the interval, and a disabled manager is not reminded', async () => {
		await run(T0);
		newMails();
		expect((await run(at(1))).stale).toBe(0);
		expect((await run(at(29))).stale).toBe(0);
		expect(newMails()).toHaveLength(0);
		const again = await run(at(31));
		expect(again).toMatchObject({ stale: 4, managed: 3, mailsSent: 1 });
		expect(remindersOf(ids.stale)).toHaveLength(2);
		db.update(users)
			.set({ disabledAt: at(32).toISOString() })
			.where(eq(users.id, alice.id))
			.run();
		// Without an active manager the listings go to the editors' list.
		expect(await run(at(62))).toMatchObject({ stale: 4, managed: 0, unmanaged: 4, mailsSent: 0 });
	});

	it('each recipient has their own interval: a listing entrusted after the team was reminded reaches its partner at the next run', async () => {
		await run(T0);
		newMails();
		expect(remindersOf(ids.orphan)).toMatchObject([{ userId: null }]);
		// The next day an editor entrusts the orphan listing to Bruno: the team's reminder does not stand for his.
		const bruno = account('bruno@exemple.fr', 'Bruno Repreneur', 'partner');
		grantManager(db, editor, ids.orphan, bruno.email);
		const next = await run(at(1));
		expect(next).toMatchObject({ stale: 1, managed: 1, unmanaged: 0, managersReminded: 1, mailsSent: 1 });
		const [m, ...others] = newMails();
		expect(others).toHaveLength(0);
		expect(m!.to).toEqual(['bruno@exemple.fr']);
		expect(m!.subject).toBe('« Entreprise orpheline » est-elle toujours à jour ?');
		// Bruno becomes Volcabio's second manager: he is reminded now; Alice, reminded two days ago, is not again.
		grantManager(db, editor, ids.stale, bruno.email);
		expect(await run(at(2))).toMatchObject({ stale: 1, managed: 1, managersReminded: 1 });
		expect(newMails().map((mail) => mail.to)).toEqual([['bruno@exemple.fr']]);
		expect(remindersOf(ids.stale).map((r) => r.userId)).toEqual([alice.id, bruno.id]);
		// And nobody twice within the interval.
		expect((await run(at(3))).stale).toBe(0);
	});

	it('stops once the listing is verified (here by an editor, through the write path)', async () => {
		await run(T0);
		const row = db.select().from(entities).where(eq(entities.id, ids.stale)).get()!;
		updateEntity(db, ids.stale, { lastVerifiedAt: '2026-12-10' }, { expectedVersion: row.version, actor: { userId: editor.id, label: 'Édith' }, reason: '' });
		const later = await run(at(31));
		expect(later.stale).toBe(3);
		expect(remindersOf(ids.stale)).toHaveLength(1);
	});

	it('without SMTP the messages are prepared, not sent, and the bell rows stay for the notifications job', async () => {
		const r = await sendFreshnessReminders({ db, now: T0, mail: null, origin: ORIGIN }, { settings });
		expect(r).toMatchObject({ stale: 4, mailsSent: 0, mailsPrepared: 1 });
		expect(
			db
				.select()
				.from(notifications)
				.where(eq(notifications.userId, alice.id))
				.all()
				.every((n) => n.emailedAt === null)
		).toBe(true);
	});
});

describe('the « toujours à jour » link', () => {
	const tokenFor = (name: string, text: string) => {
		const line = text.split('\n').findIndex((l) => l.startsWith(`« ${name} »`));
		return /fiche-a-jour\/([A-Za-z0-9_-]+)/.exec(text.split('\n')[line + 1] ?? '')![1]!;
	};

	it('confirms the listing once, as its manager, and the reminders stop', async () => {
		await run(T0);
		const m = newMails()[0]!;
		const token = tokenFor('Volcabio', m.text);
		expect(describeReminderLink(db, token, at(1))).toMatchObject({ state: 'valid', name: 'Volcabio' });
		const done = confirmByReminderLink(db, token, new Date('2026-12-04T23:24:00Z')); // 00:24 in Paris on the 5th
		expect(done).toEqual({ name: 'Volcabio', slug: 'volcabio', verifiedOn: '2026-12-05' });
		const row = db.select().from(entities).where(eq(entities.id, ids.stale)).get()!;
		expect(row.lastVerifiedAt).toBe('2026-12-05');
		const revision = db.get<{ author: number; reason: string }>(
			sql`select author_user_id as author, reason from revisions where subject_id = ${ids.stale} order by id desc limit 1`
		);
		expect(revision).toEqual({ author: alice.id, reason: 'Fiche confirmée à jour' });
		// Once only.
		expect(() => confirmByReminderLink(db, token, at(2))).toThrow(ValidationError);
		expect(() => confirmByReminderLink(db, token, at(2))).toThrow(/déjà servi/);
		expect(describeReminderLink(db, token, at(2))).toMatchObject({ state: 'used' });
		// No more reminder for it.
		const later = await run(at(31));
		expect(later.stale).toBe(3);
		expect(newMails()[0]!.text).not.toContain('Volcabio');
	});

	it('expires after 30 days, and an unknown token is refused', async () => {
		await run(T0);
		const token = tokenFor('Fablab Aurillac', newMails()[0]!.text);
		expect(describeReminderLink(db, token, at(31))).toMatchObject({ state: 'expired' });
		expect(() => confirmByReminderLink(db, token, at(31))).toThrow(/expiré/);
		expect(db.select().from(entities).where(eq(entities.id, ids.never)).get()!.lastVerifiedAt).toBeNull();
		expect(describeReminderLink(db, 'x'.repeat(43))).toEqual({ state: 'unknown' });
		expect(() => confirmByReminderLink(db, 'x'.repeat(43))).toThrow(/pas valable/);
	});
});

describe('what editors and partners see', () => {
	it('the partner space lists « à vérifier » first; the dashboard counts match their lists', async () => {
		expect(partnerSpace(db, alice, T0).listings.map((l) => l.name)).toEqual(['Fablab Aurillac', 'Volcabio', 'Deuxième fiche', 'Cowork des Dômes']);
		await run(T0);
		const d = await editorsDashboard(db, editor, T0);
		expect(d.freshness.all.now).toMatchObject({ recente: 1, moyenne: 0, ancienne: 3, jamais: 1, total: 5 });
		const cantal = d.freshness.byDepartement.find((c) => c.code === '15')!;
		expect(cantal.now).toMatchObject({ ancienne: 1, jamais: 1 });
		expect(dashboardListings(db, editor, { band: 'ancienne', departement: '15' }, 1, T0).rows.map((r) => r.name)).toEqual(['Entreprise orpheline']);
		expect(dashboardListings(db, editor, { band: 'ancienne' }, 1, T0).total).toBe(3);
		expect(d.withoutManager.all).toBe(1);
		expect(dashboardListings(db, editor, { withoutManager: true }, 1, T0).total).toBe(1);
		expect(d.reminders.all).toEqual({ managers: 3, editors: 1 });
		expect(d.reminders.toEditorsListings).toBe(1);
		expect(dashboardListings(db, editor, { remindedToEditors: true }, 1, T0).rows.map((r) => r.name)).toEqual(['Entreprise orpheline']);
		expect(d.reminders.latest.map((r) => r.userName ?? 'équipe')).toContain('Alice Gestionnaire');
	});
});
