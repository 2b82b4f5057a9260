import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { linksIn, readCaughtMails, startMailCatcher, waitForMail, type MailCatcher } from '../mail-catcher';
import type { Db } from '../../src/lib/server/db/index';
import { emailConfirmations, entities, entityManagers, notifications, pendingChanges, users } from '../../src/lib/server/db/schema';
import { entityFiltersSchema } from '../../src/lib/domain/filters';
import { frenchSpacing } from '../../src/lib/domain/french';
import { mailSetting, type MailSetting } from '../../src/lib/server/mail/mailer';
import { findDuplicate } from '../../src/lib/server/import/duplicates';
import { entitiesForMatching } from '../../src/lib/server/repos/import.repo';
import { createEntities } from '../../src/lib/server/services/entity-write.service';
import { ValidationError } from '../../src/lib/server/services/errors';
import { mapPoints } from '../../src/lib/server/services/map.service';
import { parseParams } from '../../src/lib/server/services/params';
import { getPortrait } from '../../src/lib/server/services/entity.service';
import { proposeEntity } from '../../src/lib/server/services/contribution.service';
import { setPartnerModerated } from '../../src/lib/server/services/managers.service';
import { approvePendingChange, moderationQueue, rejectPendingChange } from '../../src/lib/server/services/moderation.service';
import {
	confirmEmail,
	emailOnWebsiteDomain,
	newcomerLimiters,
	publicDuplicate,
	requestClaim,
	requestListing,
	sendFollowUp,
	TOO_MANY_REQUESTS,
	type NewcomerListingInput
} from '../../src/lib/server/services/newcomer.service';
import { requestOwnPasswordReset, resetLimiters, RESET_THROTTLED } from '../../src/lib/server/services/password-reset.service';
import { acceptInvitation, disableUser, inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';
import { paraglideMiddleware } from '../../src/lib/paraglide/server';

const ORIGIN = 'http://127.0.0.1:4173';
let catcher: MailCatcher;
let mailDir: string;
let smtp: MailSetting;

beforeAll(async () => {
	mailDir = mkdtempSync(join(tmpdir(), 'carto-mail-'));
	catcher = await startMailCatcher(join(mailDir, 'mails.jsonl'));
	smtp = mailSetting({ SMTP_URL: catcher.url, MAIL_FROM: 'Le Connecteur <carto@exemple.fr>' })!;
});
afterAll(async () => {
	await catcher.close();
	rmSync(mailDir, { recursive: true, force: true });
});

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let editor: AccountUser;
let fablab: number;

const ctxFor = (over: Partial<Parameters<typeof requestListing>[2]> = {}) => ({
	ip: '198.51.100.7',
	origin: ORIGIN,
	mail: smtp,
	limits: newcomerLimiters(),
	...over
});
const mailsTo = (to: string) => readCaughtMails(catcher.file).filter((m) => m.to.includes(to));
const tokenOf = (link: string) => link.split('/').at(-1)!;
const filters = (qs: string) => parseParams(entityFiltersSchema, new URLSearchParams(qs));

/** A fresh address per test: the catcher's file is shared by the whole file. */
let n = 0;
const address = (who: string) => `${who}.${++n}@exemple.fr`;

const listing = (over: Partial<NewcomerListingInput> = {}): NewcomerListingInput => ({
	kind: 'third_place',
	category: 'fablab',
	name: 'Atelier des Volcans',
	communeCode: '15014',
	website: 'atelier-volcans.fr',
	siret: '',
	summary: 'Un atelier de fabrication ouvert à tous',
	stages: ['emergence'],
	offers: [],
	submitterName: 'Jeanne Martin',
	email: address('jeanne'),
	...over
});

async function confirmedListing(over: Partial<NewcomerListingInput> = {}) {
	const input = listing(over);
	expect(await requestListing(db, input, ctxFor())).toEqual({ status: 'sent' });
	const mail = await waitForMail(catcher.file, input.email, /Confirmez votre adresse/);
	const outcome = confirmEmail(db, tokenOf(linksIn(mail)[0]!));
	expect(outcome.status).toBe('confirmed');
	const change = db.select().from(pendingChanges).where(eq(pendingChanges.contactEmail, input.email)).get()!;
	return { input, change };
}

beforeEach(() => {
	vi.spyOn(console, 'log').mockImplementation(() => undefined);
	ctx = freshDb();
	db = ctx.db;
	insertSmallTerritories(db);
	const { userId } = inviteUser(db, 'cli', { email: 'editrice@exemple.fr', displayName: 'Éditrice', role: 'editor' });
	editor = { id: userId, email: 'editrice@exemple.fr', displayName: 'Éditrice', role: 'editor' };
	fablab = createEntities(db, [
		{
			slug: 'fablab-de-la-limagne',
			kind: 'third_place',
			category: 'fablab',
			name: 'Fablab de la Limagne',
			summary: 'Atelier',
			communeCode: '63113',
			website: 'https://www.fablab-limagne.fr/',
			siret: '73282932000074'
		}
	])[0] as number;
});
afterEach(() => {
	ctx.close();
	vi.restoreAllMocks();
});

describe('référencer ma structure', () => {
	it('shows the probable duplicate the importer would find, and lets the visitor go on once they said it is another structure', async () => {
		const near = listing({ name: 'FabLab Limagne', communeCode: '63113', website: '' });
		const importerSees = findDuplicate({ name: near.name, communeCode: near.communeCode, website: null, siret: null }, entitiesForMatching(db));
		expect(importerSees?.of.slug).toBe('fablab-de-la-limagne');

		const outcome = await requestListing(db, near, ctxFor());
		expect(outcome).toEqual({
			status: 'duplicate',
			duplicate: { id: fablab, slug: 'fablab-de-la-limagne', name: 'Fablab de la Limagne', why: importerSees!.why }
		});
		// The live check (JSON endpoint) answers the same listing.
		expect(publicDuplicate(db, { name: near.name, communeCode: '63113', website: null, siret: null })?.slug).toBe('fablab-de-la-limagne');
		// Same SIRET, same site: the importer's other rules.
		expect(publicDuplicate(db, { name: 'Autre nom', communeCode: '15014', website: null, siret: '73282932000074' })?.slug).toBe('fablab-de-la-limagne');
		expect(publicDuplicate(db, { name: 'Autre nom', communeCode: '15014', website: 'fablab-limagne.fr', siret: null })?.slug).toBe('fablab-de-la-limagne');
		expect(db.select().from(emailConfirmations).all()).toHaveLength(0);

		expect(await requestListing(db, { ...near, notDuplicateOf: 'fablab-de-la-limagne' }, ctxFor())).toEqual({ status: 'sent' });
		expect(db.select().from(emailConfirmations).all()).toHaveLength(1);
	});

	it('names no archived or draft listing to the public', async () => {
		createEntities(db, [{ slug: 'brouillon', kind: 'third_place', category: 'fablab', name: 'Atelier Secret', communeCode: '15014', status: 'draft' }]);
		expect(publicDuplicate(db, { name: 'Atelier secret', communeCode: '15014', website: null, siret: null })).toBeNull();
	});

	it('e-mails a single-use link (only its hash is stored); opened once, the proposal enters the queue and the editors are told', async () => {
		const input = listing();
		expect(await requestListing(db, input, ctxFor())).toEqual({ status: 'sent' });
		const mail = await waitForMail(catcher.file, input.email, /Confirmez votre adresse/);
		expect(mail.to).toEqual([input.email]);
		const link = linksIn(mail)[0]!;
		expect(link.startsWith(`${ORIGIN}/contribuer/confirmer/`)).toBe(true);
		const row = db.select().from(emailConfirmations).get()!;
		expect(row.tokenSha256).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(row)).not.toContain(tokenOf(link));
		expect(new Date(row.expiresAt).getTime() - new Date(row.createdAt).getTime()).toBeGreaterThan(47 * 3600_000);
		expect(db.select().from(pendingChanges).all()).toHaveLength(0);

		expect(confirmEmail(db, tokenOf(link))).toEqual({ status: 'confirmed', purpose: 'listing', name: 'Atelier des Volcans' });
		const change = db.select().from(pendingChanges).get()!;
		expect(change).toMatchObject({ kind: 'entity_create', authorUserId: null, authorLabel: 'Jeanne Martin', contactEmail: input.email, status: 'pending' });
		expect(change.payload).toMatchObject({
			name: 'Atelier des Volcans',
			website: 'https://atelier-volcans.fr',
			communeCode: '15014',
			stages: ['emergence'],
			slug: 'atelier-des-volcans'
		});
		expect(JSON.stringify(change.payload)).not.toContain(input.email);
		expect(
			db
				.select()
				.from(notifications)
				.where(eq(notifications.userId, editor.id))
				.all()
				.map((r) => r.title)
		).toEqual([frenchSpacing('Nouvelle fiche proposée sans compte : « Atelier des Volcans ».')]);

		expect(confirmEmail(db, tokenOf(link))).toEqual({ status: 'used' });
		expect(db.select().from(pendingChanges).all()).toHaveLength(1);
		expect(confirmEmail(db, 'inconnu')).toEqual({ status: 'unknown' });
	});

	it('refuses an expired link', async () => {
		const input = listing();
		const sentAt = new Date('2026-12-01T10:00:00Z');
		await requestListing(db, input, ctxFor({ now: sentAt }));
		const link = linksIn(await waitForMail(catcher.file, input.email, /Confirmez/))[0]!;
		expect(confirmEmail(db, tokenOf(link), new Date(sentAt.getTime() + 49 * 3600_000))).toEqual({ status: 'expired' });
		expect(db.select().from(pendingChanges).all()).toHaveLength(0);
		expect(confirmEmail(db, tokenOf(link), new Date(sentAt.getTime() + 47 * 3600_000)).status).toBe('confirmed');
	});

	it('answers a filled honeypot as sent, and stores and sends nothing', async () => {
		const input = listing();
		expect(await requestListing(db, { ...input, honeypot: 'http://spam.example' }, ctxFor())).toEqual({ status: 'sent' });
		expect(await requestClaim(db, 'fablab-de-la-limagne', { name: 'Bot', email: input.email, message: 'spam', honeypot: 'x' }, ctxFor())).toEqual({
			status: 'sent'
		});
		await new Promise((r) => setTimeout(r, 300));
		expect(db.select().from(emailConfirmations).all()).toHaveLength(0);
		expect(mailsTo(input.email)).toHaveLength(0);
	});

	it('limits requests per e-mail and per visitor address', async () => {
		const limits = newcomerLimiters();
		const one = address('repete');
		for (let i = 0; i < 3; i++)
			expect(await requestListing(db, listing({ email: one, name: `Structure ${i} des Volcans` }), ctxFor({ limits, ip: `203.0.113.${i}` }))).toEqual({
				status: 'sent'
			});
		await expect(requestListing(db, listing({ email: one, name: 'Structure 9 des Volcans' }), ctxFor({ limits, ip: '203.0.113.50' }))).rejects.toThrow(
			TOO_MANY_REQUESTS
		);
		// Per address: ten different e-mails from one connection, the eleventh is refused (a claim counts too).
		const ipLimits = newcomerLimiters();
		for (let i = 0; i < 10; i++)
			await requestClaim(
				db,
				'fablab-de-la-limagne',
				{ name: 'Quelqu’un', email: address('ip'), message: 'gérant' },
				ctxFor({ limits: ipLimits, ip: '192.0.2.9' })
			);
		await expect(requestListing(db, listing(), ctxFor({ limits: ipLimits, ip: '192.0.2.9' }))).rejects.toThrow(TOO_MANY_REQUESTS);
		expect(db.select().from(emailConfirmations).all()).toHaveLength(13);
	});

	it('refuses in French, and stores nothing, when the form is wrong or no mail can leave', async () => {
		await expect(requestListing(db, listing({ category: 'startup' }), ctxFor())).rejects.toThrow(/catégorie de ce type/);
		await expect(requestListing(db, listing({ communeCode: '' }), ctxFor())).rejects.toThrow(/commune/);
		await expect(requestListing(db, listing({ email: 'pas-une-adresse' }), ctxFor())).rejects.toThrow(ValidationError);
		await expect(requestListing(db, listing(), ctxFor({ mail: null }))).rejects.toThrow(/pas configuré/);
		expect(db.select().from(emailConfirmations).all()).toHaveLength(0);
	});

	it('approved: the listing is published at its commune centre (on the map) and its author invited as manager; the link works once', async () => {
		const { input, change } = await confirmedListing();
		const followUp = approvePendingChange(db, editor, change.id, 'Bienvenue');
		const created = db.select().from(entities).where(eq(entities.slug, 'atelier-des-volcans')).get()!;
		expect(created).toMatchObject({
			status: 'published',
			communeCode: '15014',
			lon: 2.4397,
			lat: 44.9264,
			coordPrecision: 'commune',
			website: 'https://atelier-volcans.fr'
		});
		expect(mapPoints(db, filters('')).points.map((p) => p[0])).toContain(created.id);
		expect(mapPoints(db, filters('')).points.find((p) => p[0] === created.id)![4]).toBe(1); // drawn as approximate

		const account = db.select().from(users).where(eq(users.email, input.email)).get()!;
		expect(account).toMatchObject({ role: 'partner', displayName: 'Jeanne Martin', passwordHash: null });
		expect(
			db
				.select()
				.from(entityManagers)
				.where(eq(entityManagers.userId, account.id))
				.all()
				.map((m) => m.entityId)
		).toEqual([created.id]);

		await sendFollowUp(followUp, ORIGIN, smtp);
		const mail = await waitForMail(catcher.file, input.email, /est publiée/);
		expect(mail.subject).toBe('Votre fiche «\u00a0Atelier des Volcans\u00a0» est publiée · Connecteur Carto');
		const invitation = linksIn(mail).find((l) => l.includes('/invitation/'))!;
		expect(invitation.startsWith(`${ORIGIN}/invitation/`)).toBe(true);
		expect(mail.text).toContain(`${ORIGIN}/acteurs/atelier-des-volcans`);
		await acceptInvitation(db, tokenOf(invitation), 'un mot de passe assez long');
		await expect(acceptInvitation(db, tokenOf(invitation), 'un autre mot de passe long')).rejects.toThrow(/déjà utilisé/);

		// Public pages and the API's entity never carry the submitter's e-mail.
		expect(JSON.stringify(getPortrait(db, 'atelier-des-volcans'))).not.toContain(input.email);
	});

	it('approved for an address that already has an account: granted and told in the app, no invitation', async () => {
		const email = address('membre');
		const { userId, path } = inviteUser(db, 'cli', { email, displayName: 'Membre', role: 'partner' });
		await acceptInvitation(db, tokenOf(path), 'un mot de passe assez long');
		const { change } = await confirmedListing({ email });
		expect(approvePendingChange(db, editor, change.id)).toBeNull();
		const created = db.select().from(entities).where(eq(entities.slug, 'atelier-des-volcans')).get()!;
		expect(
			db
				.select()
				.from(entityManagers)
				.where(eq(entityManagers.userId, userId))
				.all()
				.map((m) => m.entityId)
		).toEqual([created.id]);
		expect(
			db
				.select()
				.from(notifications)
				.where(eq(notifications.userId, userId))
				.all()
				.map((r) => r.title)
		).toEqual([frenchSpacing('Votre fiche « Atelier des Volcans » est publiée : vous la gérez.')]);
	});

	it('rejected: the submitter is e-mailed the editor’s comment', async () => {
		const { input, change } = await confirmedListing();
		await sendFollowUp(rejectPendingChange(db, editor, change.id, 'Structure hors Auvergne.'), ORIGIN, smtp);
		const mail = await waitForMail(catcher.file, input.email, /pas été retenue/);
		expect(mail.text).toContain('Structure hors Auvergne.');
		expect(db.select().from(entities).where(eq(entities.slug, 'atelier-des-volcans')).get()).toBeUndefined();
		expect(db.select().from(users).where(eq(users.email, input.email)).get()).toBeUndefined();
	});
});

describe('c’est ma structure (claim)', () => {
	it('flags an address on the listing’s own website domain, and an approved claim invites the claimant as manager', async () => {
		expect(emailOnWebsiteDomain('contact@fablab-limagne.fr', 'https://www.fablab-limagne.fr/')).toBe(true);
		expect(emailOnWebsiteDomain('a@mail.fablab-limagne.fr', 'https://fablab-limagne.fr')).toBe(true);
		expect(emailOnWebsiteDomain('a@gmail.com', 'https://fablab-limagne.fr')).toBe(false);
		expect(emailOnWebsiteDomain('a@limagne.fr', 'https://fablab-limagne.fr')).toBe(false);

		const email = `direction.${++n}@fablab-limagne.fr`;
		expect(await requestClaim(db, 'fablab-de-la-limagne', { name: 'Paul Directeur', email, message: 'Je dirige le fablab' }, ctxFor())).toEqual({
			status: 'sent'
		});
		const confirm = await waitForMail(catcher.file, email, /Confirmez/);
		expect(confirm.text).toContain('la gestion de la fiche «\u00a0Fablab de la Limagne\u00a0»');
		expect(confirmEmail(db, tokenOf(linksIn(confirm)[0]!))).toEqual({ status: 'confirmed', purpose: 'claim', name: 'Fablab de la Limagne' });

		const other = address('inconnu');
		await requestClaim(db, 'fablab-de-la-limagne', { name: 'Quelqu’un', email: other, message: 'bénévole' }, ctxFor());
		confirmEmail(db, tokenOf(linksIn(await waitForMail(catcher.file, other, /Confirmez/))[0]!));

		const queue = moderationQueue(db, editor).filter((q) => q.kind === 'entity_claim');
		expect(queue.map((q) => [q.newcomer?.email, q.newcomer?.onWebsiteDomain, q.newcomer?.message])).toEqual([
			[email, true, 'Je dirige le fablab'],
			[other, false, 'bénévole']
		]);
		expect(queue[0]!.entity?.slug).toBe('fablab-de-la-limagne');

		const followUp = approvePendingChange(db, editor, queue[0]!.id);
		const account = db.select().from(users).where(eq(users.email, email)).get()!;
		expect(
			db
				.select()
				.from(entityManagers)
				.where(eq(entityManagers.userId, account.id))
				.all()
				.map((m) => m.entityId)
		).toEqual([fablab]);
		await sendFollowUp(followUp, ORIGIN, smtp);
		const mail = await waitForMail(catcher.file, email, /Vous gérez la fiche/);
		expect(linksIn(mail).some((l) => l.startsWith(`${ORIGIN}/invitation/`))).toBe(true);
		// The claimant's address is on no public page.
		expect(JSON.stringify(getPortrait(db, 'fablab-de-la-limagne'))).not.toContain(email);
	});

	it('says the same to an address with an account as to one without', async () => {
		const email = address('compte');
		inviteUser(db, 'cli', { email, displayName: 'A un compte', role: 'partner' });
		const stranger = address('sans');
		const a = await requestClaim(db, 'fablab-de-la-limagne', { name: 'Anne', email, message: 'gérant' }, ctxFor());
		const b = await requestClaim(db, 'fablab-de-la-limagne', { name: 'Bruno', email: stranger, message: 'gérant' }, ctxFor());
		expect(a).toEqual(b);
		expect((await waitForMail(catcher.file, email, /Confirmez/)).subject).toBe((await waitForMail(catcher.file, stranger, /Confirmez/)).subject);
	});
});

describe('a partner’s proposal of a new listing reaches the map', () => {
	let partner: AccountUser;
	beforeEach(() => {
		const { userId } = inviteUser(db, 'cli', { email: 'partenaire@exemple.fr', displayName: 'Partenaire', role: 'partner' });
		partner = { id: userId, email: 'partenaire@exemple.fr', displayName: 'Partenaire', role: 'partner' };
	});

	it('published at once for a partner who publishes directly: at the commune centre, on /carte', () => {
		setPartnerModerated(db, editor, partner.id, false);
		const r = proposeEntity(db, partner, { kind: 'organisation', category: 'startup', name: 'Levure & Co', communeCode: '63113' });
		const row = db.select().from(entities).where(eq(entities.id, r.entityId!)).get()!;
		expect(row).toMatchObject({ lon: 3.1147, lat: 45.7871, coordPrecision: 'commune' });
		expect(mapPoints(db, filters('')).points.map((p) => p[0])).toContain(r.entityId);
	});

	it('after moderation: approved, it is placed; an address geocoded by the caller wins over the commune centre', () => {
		const r = proposeEntity(db, partner, { kind: 'organisation', category: 'startup', name: 'Levure & Co', communeCode: '63113' });
		expect(r.status).toBe('pending');
		approvePendingChange(db, editor, (r as { pendingId: number }).pendingId);
		const row = db.select().from(entities).where(eq(entities.slug, 'levure-co')).get()!;
		expect(row).toMatchObject({ coordPrecision: 'commune', lon: 3.1147 });
		expect(mapPoints(db, filters('')).points.map((p) => p[0])).toContain(row.id);

		const placed = proposeEntity(
			db,
			partner,
			{ kind: 'organisation', category: 'startup', name: 'Pâte à Sel', communeCode: '63113', address: '1 place de Jaude' },
			{ lon: 3.0823, lat: 45.7772, coordPrecision: 'address' }
		);
		approvePendingChange(db, editor, (placed as { pendingId: number }).pendingId);
		expect(db.select().from(entities).where(eq(entities.slug, 'pate-a-sel')).get()).toMatchObject({
			lon: 3.0823,
			lat: 45.7772,
			coordPrecision: 'address',
			address: '1 place de Jaude'
		});
	});
});

describe('mot de passe oublié', () => {
	it('same answer for an unknown address; a real account gets a link that works once', async () => {
		const limits = resetLimiters();
		const unknown = requestOwnPasswordReset(db, 'personne@exemple.fr', { ip: '192.0.2.1', origin: ORIGIN, mail: smtp, limits });
		expect(await unknown.delivery).toBeNull();

		const email = address('oubli');
		const { path, userId } = inviteUser(db, 'cli', { email, displayName: 'Oublieuse', role: 'partner' });
		await acceptInvitation(db, tokenOf(path), 'premier mot de passe');
		const known = requestOwnPasswordReset(db, email.toUpperCase(), { ip: '192.0.2.1', origin: ORIGIN, mail: smtp, limits });
		expect(Object.keys(known)).toEqual(Object.keys(unknown));
		expect(await known.delivery).toEqual({ sent: true });
		const mail = await waitForMail(catcher.file, email, /Réinitialiser votre mot de passe/);
		const link = linksIn(mail).find((l) => l.startsWith(`${ORIGIN}/invitation/`))!;
		const user = await acceptInvitation(db, tokenOf(link), 'nouveau mot de passe sûr');
		expect(user.id).toBe(userId);
		await expect(acceptInvitation(db, tokenOf(link), 'encore un autre mot de passe')).rejects.toThrow(/déjà utilisé/);
		expect(mailsTo('personne@exemple.fr')).toHaveLength(0);

		// A disabled account gets nothing, and the answer does not change.
		disableUser(db, 'cli', userId);
		expect(await requestOwnPasswordReset(db, email, { ip: '192.0.2.2', origin: ORIGIN, mail: smtp, limits: resetLimiters() }).delivery).toBeNull();
	});

	it('is rate limited per address and per visitor', () => {
		const limits = resetLimiters();
		for (let i = 0; i < 3; i++) requestOwnPasswordReset(db, 'x@exemple.fr', { ip: `192.0.2.${i}`, origin: ORIGIN, mail: null, limits });
		expect(() => requestOwnPasswordReset(db, 'x@exemple.fr', { ip: '192.0.2.99', origin: ORIGIN, mail: null, limits })).toThrow(RESET_THROTTLED);
		const perIp = resetLimiters();
		for (let i = 0; i < 10; i++) requestOwnPasswordReset(db, `p${i}@exemple.fr`, { ip: '198.51.100.1', origin: ORIGIN, mail: null, limits: perIp });
		expect(() => requestOwnPasswordReset(db, 'autre@exemple.fr', { ip: '198.51.100.1', origin: ORIGIN, mail: null, limits: perIp })).toThrow(RESET_THROTTLED);
	});
});

/** Runs `work` while the server answers a request for `path`, through paraglide's middleware as hooks.server.ts does. */
async function duringRequestTo<T>(path: string, work: () => Promise<T>): Promise<T> {
	let result: T | undefined;
	await paraglideMiddleware(new Request(`${ORIGIN}${path}`), async () => {
		result = await work();
		return new Response(null);
	});
	return result as T;
}

describe('a visitor reading in English', () => {
	it('is written to in English: the confirmation of a listing sent from /en, then the invitation once it is approved', async () => {
		const input = listing({ email: address('reader') });
		expect(await duringRequestTo('/en/contribuer', () => requestListing(db, input, ctxFor()))).toEqual({ status: 'sent' });
		const confirmation = await waitForMail(catcher.file, input.email, /Confirm your e-mail address/);
		expect(confirmation.subject).toBe('Confirm your e-mail address · Connecteur Carto');
		expect(confirmation.text).toContain('On Connecteur Carto, you asked to list “Atelier des Volcans”.');
		const link = linksIn(confirmation)[0]!;
		expect(link.startsWith(`${ORIGIN}/en/contribuer/confirmer/`)).toBe(true);
		expect(confirmEmail(db, tokenOf(link)).status).toBe('confirmed');

		// The editor approves later, from a French page: the newcomer is answered in the language they asked in.
		const change = db.select().from(pendingChanges).where(eq(pendingChanges.contactEmail, input.email)).get()!;
		await sendFollowUp(approvePendingChange(db, editor, change.id), ORIGIN, smtp);
		const invitation = await waitForMail(catcher.file, input.email, /is published/);
		expect(invitation.subject).toBe('Your listing “Atelier des Volcans” is published · Connecteur Carto');
		expect(invitation.text).toContain(`The listing “Atelier des Volcans” you proposed is published: ${ORIGIN}/en/acteurs/atelier-des-volcans`);
		expect(invitation.text).toContain('Choose your password by opening this link (single use, valid for 7 days):');
		expect(linksIn(invitation).some((l) => l.startsWith(`${ORIGIN}/en/invitation/`))).toBe(true);
		expect(invitation.text).not.toMatch(/Bonjour|Choisissez|fiche/);
	});

	it('gets the password reset asked from /en in English', async () => {
		const email = address('forgetful');
		const { path } = inviteUser(db, 'cli', { email, displayName: 'Forgetful', role: 'partner' });
		await acceptInvitation(db, tokenOf(path), 'premier mot de passe');
		const asked = await duringRequestTo('/en/connexion', async () =>
			requestOwnPasswordReset(db, email, { ip: '192.0.2.7', origin: ORIGIN, mail: smtp, limits: resetLimiters() })
		);
		expect(await asked.delivery).toEqual({ sent: true });
		const mail = await waitForMail(catcher.file, email, /Reset your Connecteur Carto password/);
		expect(mail.text).toContain('Hello Forgetful,');
		expect(mail.text).toContain('If you were not expecting this message, ignore it: nothing will change.');
		expect(linksIn(mail).some((l) => l.startsWith(`${ORIGIN}/en/invitation/`))).toBe(true);
	});
});
