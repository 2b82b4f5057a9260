import { z } from 'zod';
import { entityInputSchema, type EntityInput } from '$lib/domain/entity.schema';
import { categoryKind, OFFERS, STAGES } from '$lib/domain/vocabulary';
import type { Db } from '../db';
import type { EmailConfirmationPurpose, PendingChangeRow } from '../db/schema';
import { SlidingWindowLimiter } from '../auth/rate-limit';
import { securityLog } from '../auth/security-log';
import { newToken, sha256 } from '../auth/tokens';
import { accountLinkMail, sendMail, type Mail, type MailSetting } from '../mail/mailer';
import { notifyEditors, notifyUsers } from '../notifications/notify';
import { insertManager, isManager } from '../repos/contribution.repo';
import { entityRow, slugTaken } from '../repos/entity-write.repo';
import { findEntityBySlug } from '../repos/entity.repo';
import { confirmationByTokenHash, consumeConfirmation, deleteUnusedConfirmation, insertContactProposal, insertEmailConfirmation } from '../repos/newcomer.repo';
import { findUserByEmail } from '../repos/user.repo';
import { slugify } from '$lib/domain/slug';
import { freeSlug } from './contribution.service';
import { probableDuplicateListing, type ListingDuplicate } from './duplicates.service';
import { createEntity } from './entity-write.service';
import { NotFoundError, ValidationError } from './errors';
import { withCommuneCentre } from './listing-place.service';
import { writeTransaction } from './revision-write';
import { emailSchema, inviteUser, type AccountUser } from './users.service';
import type { Actor } from '$lib/history/revision';
import { frenchSpacing } from '$lib/domain/french';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { pageLink } from '../mail/mail-texts';
import { newcomerLocale } from '../mail/recipient-locale';

/** A mail as French writes it: non-breaking spaces inside « » and before « : ; ? ! », line by line. English is left as written. */
const typesetMail = (mail: Mail, locale: Locale): Mail =>
	locale === 'fr'
		? {
				...mail,
				subject: frenchSpacing(mail.subject),
				text: mail.text
					.split('\n')
					.map((l) => (l ? frenchSpacing(l) : l))
					.join('\n')
			}
		: mail;

/*
 * People without an account: a newcomer lists their structure (« référencer ma structure ») or asks to
 * manage a listing (« c'est ma structure »). Both confirm their e-mail through a single-use link first; the
 * confirmed request waits in the editors' queue; approved, the person is invited as the listing's manager
 * through the ordinary invitation (or simply granted it when they already have an account). Nothing here
 * tells whether an address has an account or a listing, and the person's e-mail is never public: it is
 * stored on the confirmation and the pending change only, which editors alone read.
 */

/** Kinds a newcomer may list: structures and events, not people (a person's listing is the editors' call). */
export const NEWCOMER_KINDS = ['organisation', 'third_place', 'event'] as const;
/** 48 hours, as the confirmation mail says. */
const CONFIRMATION_TTL_MS = 48 * 3600 * 1000;

/** Per visitor address and per e-mail address, per hour: enough for a person who mistyped, too few for a script. */
export function newcomerLimiters() {
	return { ip: new SlidingWindowLimiter(10, 3600_000), email: new SlidingWindowLimiter(3, 3600_000) };
}
export type NewcomerLimiters = ReturnType<typeof newcomerLimiters>;
const serverLimiters = newcomerLimiters();
export const TOO_MANY_REQUESTS = 'Trop de demandes envoyées depuis votre connexion ou pour cette adresse. Réessayez dans une heure.';

export interface RequestContext {
	ip: string;
	/** The site's origin as the visitor reached it: the link in the mail must lead back there. */
	origin: string;
	mail: MailSetting | null;
	now?: Date;
	limits?: NewcomerLimiters;
	/** The language of the request (by default the one being answered): the mails about it are written in it. */
	locale?: Locale;
}

/** « fablab.fr », « https://www.fablab.fr/contact » → « https://fablab.fr » is how people type a site. */
const websiteField = z
	.string()
	.trim()
	.max(300, { error: 'Adresse du site trop longue (300 caractères au plus).' })
	.transform((v) => (v && !/^https?:\/\//i.test(v) ? `https://${v}` : v))
	.pipe(
		z.union([
			z.literal(''),
			z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'Adresse du site invalide (par exemple https://mastructure.fr).' })
		])
	)
	.transform((v) => v || null);

export const newcomerListingSchema = z
	.object({
		kind: z.enum(NEWCOMER_KINDS, { error: 'Choisissez le type : organisation, tiers-lieu ou événement.' }),
		category: z.string({ error: 'Choisissez une catégorie.' }).trim().min(1, { error: 'Choisissez une catégorie.' }),
		name: z
			.string({ error: 'Nom requis.' })
			.trim()
			.min(2, { error: 'Indiquez le nom de la structure.' })
			.max(200, { error: 'Nom trop long (200 caractères au plus).' }),
		communeCode: z
			.string({ error: 'Choisissez la commune dans la liste.' })
			.trim()
			.regex(/^[0-9][0-9AB][0-9]{3}$/, { error: 'Choisissez la commune dans la liste proposée (nom ou code postal).' }),
		website: websiteField.default(''),
		siret: z.string().trim().max(20).default(''),
		summary: z
			.string({ error: 'Décrivez la structure en une ligne.' })
			.trim()
			.min(10, { error: 'Décrivez la structure en une ligne (10 caractères au moins).' })
			.max(200, { error: 'Une ligne suffit : 200 caractères au plus.' }),
		stages: z.array(z.enum(STAGES, { error: 'Stade inconnu.' })).default([]),
		offers: z.array(z.enum(OFFERS, { error: "Offre d'accompagnement inconnue." })).default([]),
		submitterName: z.string().trim().max(120, { error: 'Nom trop long (120 caractères au plus).' }).default(''),
		email: emailSchema
	})
	.superRefine((v, ctx) => {
		if (categoryKind(v.category) !== v.kind) ctx.addIssue({ code: 'custom', path: ['category'], message: 'Choisissez une catégorie de ce type.' });
	});
export type NewcomerListingInput = z.input<typeof newcomerListingSchema>;

export const claimSchema = z.object({
	name: z
		.string({ error: 'Indiquez votre nom.' })
		.trim()
		.min(2, { error: 'Indiquez votre nom.' })
		.max(120, { error: 'Nom trop long (120 caractères au plus).' }),
	email: emailSchema,
	message: z
		.string({ error: 'Dites en un mot votre rôle dans la structure.' })
		.trim()
		.min(3, { error: 'Dites en un mot votre rôle dans la structure (3 caractères au moins).' })
		.max(1000, { error: '1000 caractères au maximum.' })
});
export type ClaimInput = z.input<typeof claimSchema>;

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
	const result = schema.safeParse(input);
	if (!result.success) throw new ValidationError(result.error.issues.map((i) => i.message));
	return result.data;
}

/** Refuses a request beyond either limit; an accepted one counts against both. */
function throttle(limits: NewcomerLimiters, ip: string, email: string, now: number): void {
	if (limits.ip.isBlocked(ip, now) || limits.email.isBlocked(email, now)) {
		securityLog('newcomer.throttled', { ip });
		throw new ValidationError([TOO_MANY_REQUESTS]);
	}
	limits.ip.recordFailure(ip, now);
	limits.email.recordFailure(email, now);
}

// ---------------------------------------------------------------------------------------------------
// Duplicates

export interface DuplicateQuery {
	name: string;
	communeCode: string | null;
	website: string | null;
	siret: string | null;
}

/**
 * The importer's duplicate rules, answered to the public: only a published listing is named (a draft or
 * archived one is the editors' business; they see it on the proposal in their queue).
 */
export function publicDuplicate(db: Db, q: DuplicateQuery): ListingDuplicate | null {
	if (q.name.trim().length < 2) return null;
	const hit = probableDuplicateListing(db, q);
	return hit && findEntityBySlug(db, hit.slug) ? hit : null;
}

// ---------------------------------------------------------------------------------------------------
// Requests and the confirmation link

export type RequestOutcome = { status: 'sent' } | { status: 'duplicate'; duplicate: ListingDuplicate };

function confirmationMail(to: string, link: string, purpose: EmailConfirmationPurpose, name: string, locale: Locale): Mail {
	const o = { locale };
	return {
		to,
		subject: m.server_mail_confirm_subject({}, o),
		text: [
			m.server_mail_hello({}, o),
			'',
			purpose === 'listing' ? m.server_mail_confirm_asked_listing({ name }, o) : m.server_mail_confirm_asked_claim({ name }, o),
			m.server_mail_confirm_open({}, o),
			link,
			'',
			m.server_mail_confirm_ignore({}, o),
			m.server_mail_signature({}, o)
		].join('\n')
	};
}

/**
 * Stores the request behind a fresh single-use link and e-mails it; nothing is stored when the mail cannot
 * leave. The request's language is kept with it: the editors' answer will be written in it.
 */
async function sendConfirmation(
	db: Db,
	ctx: RequestContext,
	values: { purpose: EmailConfirmationPurpose; email: string; payload: Record<string, unknown>; entityId: number | null },
	name: string
): Promise<void> {
	if (!ctx.mail) throw new ValidationError(["L'envoi de courriels n'est pas configuré sur ce site : écrivez directement à la rédaction du Connecteur."]);
	const now = ctx.now ?? new Date();
	const locale = ctx.locale ?? getLocale();
	const token = newToken();
	const id = insertEmailConfirmation(db, {
		...values,
		payload: { ...values.payload, locale },
		tokenSha256: sha256(token),
		expiresAt: new Date(now.getTime() + CONFIRMATION_TTL_MS).toISOString()
	});
	const link = pageLink(ctx.origin, `/contribuer/confirmer/${token}`, locale);
	const sent = await sendMail(ctx.mail, typesetMail(confirmationMail(values.email, link, values.purpose, name, locale), locale));
	if (!sent.sent) {
		deleteUnusedConfirmation(db, id);
		throw new ValidationError([`Le message de confirmation n'a pas pu partir (${sent.reason}). Réessayez dans quelques minutes.`]);
	}
}

/**
 * « Référencer ma structure ». A probable duplicate is answered first (unless the visitor confirmed it is
 * another structure: `notDuplicateOf` names the listing they saw); a filled honeypot is answered as sent
 * and stored nowhere.
 */
export async function requestListing(
	db: Db,
	input: NewcomerListingInput & { honeypot?: string; notDuplicateOf?: string },
	ctx: RequestContext
): Promise<RequestOutcome> {
	if (input.honeypot) return { status: 'sent' };
	const v = parse(newcomerListingSchema, input);
	const structure = v.kind !== 'event';
	const listing: EntityInput = {
		slug: 'a-definir',
		kind: v.kind,
		category: v.category,
		name: v.name,
		summary: v.summary,
		website: v.website,
		siret: structure ? v.siret || null : null,
		stages: structure ? v.stages : [],
		offers: structure ? v.offers : [],
		communeCode: v.communeCode,
		status: 'published'
	};
	// The same checks as any listing: a SIRET with a bad key, a category of another kind are refused now.
	const checked = entityInputSchema.safeParse(listing);
	if (!checked.success) throw new ValidationError(checked.error.issues.map((i) => i.message));
	const duplicate = publicDuplicate(db, { name: v.name, communeCode: v.communeCode, website: v.website, siret: checked.data.siret });
	if (duplicate && duplicate.slug !== input.notDuplicateOf) return { status: 'duplicate', duplicate };
	throttle(ctx.limits ?? serverLimiters, ctx.ip, v.email, (ctx.now ?? new Date()).getTime());
	await sendConfirmation(
		db,
		ctx,
		{ purpose: 'listing', email: v.email, entityId: null, payload: { listing: { ...listing, siret: checked.data.siret }, submitterName: v.submitterName } },
		v.name
	);
	return { status: 'sent' };
}

/** « C'est ma structure » on a published listing. Same answer whoever the address belongs to. */
export async function requestClaim(db: Db, slug: string, input: ClaimInput & { honeypot?: string }, ctx: RequestContext): Promise<RequestOutcome> {
	const entity = findEntityBySlug(db, slug);
	if (!entity) throw new NotFoundError(`Aucun acteur ne correspond à « ${slug} ».`);
	if (input.honeypot) return { status: 'sent' };
	const v = parse(claimSchema, input);
	throttle(ctx.limits ?? serverLimiters, ctx.ip, v.email, (ctx.now ?? new Date()).getTime());
	await sendConfirmation(db, ctx, { purpose: 'claim', email: v.email, entityId: entity.id, payload: { name: v.name, message: v.message } }, entity.name);
	return { status: 'sent' };
}

export type ConfirmOutcome = { status: 'confirmed'; purpose: EmailConfirmationPurpose; name: string } | { status: 'used' | 'expired' | 'unknown' };

/**
 * Opening the link: the first time, the request enters the editors' queue (and they are told); later,
 * « déjà utilisé ». An expired link confirms nothing.
 */
export function confirmEmail(db: Db, token: string, now = new Date()): ConfirmOutcome {
	if (!token || token.length > 100) return { status: 'unknown' };
	return writeTransaction(db, (tx): ConfirmOutcome => {
		const row = confirmationByTokenHash(tx, sha256(token));
		if (!row) return { status: 'unknown' };
		if (row.usedAt) return { status: 'used' };
		if (row.expiresAt <= now.toISOString()) return { status: 'expired' };
		let name: string;
		let pendingId: number;
		if (row.purpose === 'listing') {
			const payload = row.payload as { listing: EntityInput; submitterName?: string };
			name = payload.listing.name;
			pendingId = insertContactProposal(tx, {
				kind: 'entity_create',
				entityId: null,
				payload: { ...payload.listing, slug: freeSlug(tx, name) },
				baseVersion: null,
				authorLabel: payload.submitterName || 'Nouveau venu',
				contactEmail: row.email
			});
		} else {
			const entity = row.entityId ? entityRow(tx, row.entityId) : undefined;
			if (!entity || entity.deletedAt) return { status: 'unknown' };
			const payload = row.payload as { name: string; message: string };
			name = entity.name;
			pendingId = insertContactProposal(tx, {
				kind: 'entity_claim',
				entityId: entity.id,
				payload: { name: payload.name, message: payload.message },
				baseVersion: entity.version,
				authorLabel: payload.name,
				contactEmail: row.email
			});
		}
		if (!consumeConfirmation(tx, row.id, now.toISOString(), pendingId)) throw new ValidationError(['Ce lien vient d’être utilisé.']);
		notifyEditors(tx, {
			kind: row.purpose === 'listing' ? 'newcomer_listing' : 'listing_claim',
			title: frenchSpacing(row.purpose === 'listing' ? `Nouvelle fiche proposée sans compte : « ${name} ».` : `Demande de gestion de la fiche « ${name} ».`),
			link: '/moderation'
		});
		return { status: 'confirmed', purpose: row.purpose, name };
	});
}

// ---------------------------------------------------------------------------------------------------
// The editors' side

/** A request of someone without an account: a newcomer's listing or a claim, with their confirmed e-mail. */
export function isNewcomerChange(c: PendingChangeRow): boolean {
	return (c.kind === 'entity_create' || c.kind === 'entity_claim') && c.authorUserId === null && Boolean(c.contactEmail);
}

/** « fablab.fr » for https://www.fablab.fr/contact: the domain a structure's own addresses use. */
export const websiteHost = (url: string | null): string | null => {
	if (!url) return null;
	try {
		return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
	} catch {
		return null;
	}
};

/** « contact@fablab.fr » for https://www.fablab.fr/ (or a sub-domain of it): likely someone of the structure. */
export function emailOnWebsiteDomain(email: string, website: string | null): boolean {
	const host = websiteHost(website);
	const domain = email
		.split('@')[1]
		?.toLowerCase()
		.replace(/^www\./, '');
	if (!host || !domain) return false;
	return domain === host || domain.endsWith(`.${host}`);
}

/** What editors read on such a request in their queue (never shown anywhere public). */
export interface NewcomerFacts {
	email: string;
	/** The claim's « un mot » (empty for a new listing). */
	message: string;
	/** The e-mail is on the listing's own website domain. */
	onWebsiteDomain: boolean;
	/** A listing the new one probably repeats (any status: editors see drafts too). */
	duplicate: ListingDuplicate | null;
}

export function newcomerFacts(db: Db, c: PendingChangeRow): NewcomerFacts | null {
	if (!isNewcomerChange(c)) return null;
	const email = c.contactEmail as string;
	if (c.kind === 'entity_claim') {
		const entity = c.entityId ? entityRow(db, c.entityId) : undefined;
		return { email, message: String(c.payload.message ?? ''), onWebsiteDomain: emailOnWebsiteDomain(email, entity?.website ?? null), duplicate: null };
	}
	const p = c.payload as EntityInput;
	return {
		email,
		message: '',
		onWebsiteDomain: emailOnWebsiteDomain(email, p.website ?? null),
		duplicate: probableDuplicateListing(db, { name: p.name, communeCode: p.communeCode ?? null, website: p.website ?? null, siret: p.siret ?? null })
	};
}

/** A mail to send once the transaction that decided it has committed (it may hold a single-use link). */
export interface FollowUpMail {
	to: string;
	locale: Locale;
	compose(origin: string): Mail;
}

export async function sendFollowUp(followUp: FollowUpMail | null | undefined, origin: string, setting: MailSetting | null): Promise<void> {
	if (!followUp) return;
	const result = await sendMail(setting, typesetMail(followUp.compose(origin), followUp.locale));
	if (!result.sent) securityLog('newcomer.mail_not_sent', { reason: result.reason });
}

/**
 * Makes the person a manager of the listing: an active account is granted it and told in the app; an
 * address without an account (or with an invitation not yet accepted) gets the ordinary invitation, whose
 * link goes in the follow-up mail. A disabled account is refused: an editor decides that by hand.
 */
function makeManager(
	tx: Db,
	editor: AccountUser,
	entity: { id: number; name: string; slug: string },
	email: string,
	name: string,
	isNew: boolean,
	locale: Locale
): FollowUpMail | null {
	const existing = findUserByEmail(tx, email);
	if (existing?.disabledAt) throw new ValidationError(["Le compte de cette adresse est désactivé : réactivez-le avant d'accepter la demande."]);
	if (existing && existing.passwordHash !== null) {
		insertManager(tx, entity.id, existing.id, editor.id);
		notifyUsers(tx, [existing.id], {
			kind: 'claim_approved',
			title: frenchSpacing(isNew ? `Votre fiche « ${entity.name} » est publiée : vous la gérez.` : `Vous gérez désormais la fiche « ${entity.name} ».`),
			link: '/espace'
		});
		return null;
	}
	const { userId, path } = inviteUser(tx, editor, { email, displayName: name || email.split('@')[0] || email, role: 'partner' });
	insertManager(tx, entity.id, userId, editor.id);
	const displayName = existing?.displayName ?? name;
	const o = { locale };
	return {
		to: email,
		locale,
		compose: (origin) => {
			const invitation = accountLinkMail(email, pageLink(origin, path, locale), 'invite', displayName || m.server_mail_welcome_name({}, o), locale);
			const link = pageLink(origin, `/acteurs/${entity.slug}`, locale);
			const intro = isNew
				? m.server_mail_approved_intro_new({ name: entity.name, link }, o)
				: m.server_mail_approved_intro_claim({ name: entity.name, link }, o);
			const [hello, ...rest] = invitation.text.split('\n');
			return {
				...invitation,
				subject: isNew ? m.server_mail_approved_subject_new({ name: entity.name }, o) : m.server_mail_approved_subject_claim({ name: entity.name }, o),
				text: [hello, '', intro, ...rest].join('\n')
			};
		}
	};
}

/** Approval of a newcomer's listing or of a claim, inside the approval's transaction. */
export function applyNewcomerChange(tx: Db, c: PendingChangeRow, editor: AccountUser, ctx: { actor: Actor; reason: string }): FollowUpMail | null {
	const email = c.contactEmail as string;
	if (c.kind === 'entity_claim') {
		const entity = c.entityId ? entityRow(tx, c.entityId) : undefined;
		if (!entity || entity.deletedAt) throw new NotFoundError('La fiche demandée n’existe plus.');
		const user = findUserByEmail(tx, email);
		if (user && isManager(tx, user.id, entity.id)) return null;
		return makeManager(tx, editor, entity, email, String(c.payload.name ?? ''), false, newcomerLocale(tx, c.id));
	}
	const input = c.payload as EntityInput;
	// The name's slug may have been taken while the proposal waited.
	const slug = slugTaken(tx, input.slug) ? `${slugify(input.name)}-${c.id}` : input.slug;
	const id = createEntity(tx, withCommuneCentre(tx, { ...input, slug }), ctx);
	return makeManager(tx, editor, { id, name: input.name, slug }, email, c.authorLabel === 'Nouveau venu' ? '' : c.authorLabel, true, newcomerLocale(tx, c.id));
}

/**
 * A refused newcomer's request: the person is told why by e-mail (they have no space to read it in), in the
 * language they asked in when the caller can read it (`newcomerLocale`), French otherwise.
 */
export function newcomerRejection(c: PendingChangeRow, comment: string, locale: Locale = 'fr'): FollowUpMail | null {
	if (!isNewcomerChange(c)) return null;
	const email = c.contactEmail as string;
	const o = { locale };
	return {
		to: email,
		locale,
		compose: (origin) => ({
			to: email,
			subject: m.server_mail_rejected_subject({}, o),
			text: [
				m.server_mail_hello({}, o),
				'',
				c.kind === 'entity_create' ? m.server_mail_rejected_listing({ name: String(c.payload.name ?? '') }, o) : m.server_mail_rejected_claim({}, o),
				'',
				comment,
				'',
				m.server_mail_rejected_again({ link: pageLink(origin, '/contribuer', locale) }, o),
				m.server_mail_signature({}, o)
			].join('\n')
		})
	};
}
