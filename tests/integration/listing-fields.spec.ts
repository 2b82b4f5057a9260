import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { startFakeBan, type FakeBan } from '../fake-ban-server';
import type { Db } from '../../src/lib/server/db/index';
import { entities, revisions } from '../../src/lib/server/db/schema';
import { createEntities } from '../../src/lib/server/services/entity-write.service';
import { ValidationError } from '../../src/lib/server/services/errors';
import { ForbiddenError, inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';
import { grantManager, setPartnerModerated } from '../../src/lib/server/services/managers.service';
import { entityFieldsFor, submitEntityUpdate } from '../../src/lib/server/services/contribution.service';
import { approvePendingChange } from '../../src/lib/server/services/moderation.service';
import { listingForEdit } from '../../src/lib/server/services/partner-space.service';
import { placeListing, type ListingFormRead } from '../../src/lib/server/services/listing-placement.service';
import { readListingForm } from '../../src/lib/server/http/listing-form';
import { banGeocoder, disabledGeocoder } from '../../src/lib/server/geocode';
import { diffSnapshots } from '../../src/lib/history/diff';
import { practicalInfo } from '../../src/lib/server/services/practical-info.service';

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let editor: AccountUser;
let paula: AccountUser;
let ids: Record<'org' | 'place' | 'event' | 'person', number>;

function account(email: string, displayName: string, role: AccountUser['role']): AccountUser {
	const { userId } = inviteUser(db, 'cli', { email, displayName, role });
	return { id: userId, email, displayName, role };
}
const row = (id: number) => db.select().from(entities).where(eq(entities.id, id)).get()!;

beforeEach(() => {
	vi.spyOn(console, 'log').mockImplementation(() => undefined);
	ctx = freshDb();
	db = ctx.db;
	insertSmallTerritories(db);
	const [org, place, event, person] = createEntities(db, [
		{ slug: 'couveuse', kind: 'organisation', category: 'incubator', name: 'Couveuse des Puys', communeCode: '63113' },
		{
			slug: 'fablab-aurillac',
			kind: 'third_place',
			category: 'fablab',
			name: 'Fablab Aurillac',
			communeCode: '15014',
			lon: 2.44,
			lat: 44.93,
			coordPrecision: 'commune'
		},
		{ slug: 'apero-startup', kind: 'event', category: 'meetup', name: 'Apéro startup', communeCode: '63113', startsAt: '2027-03-18T18:00:00' },
		{ slug: 'paula-mentor', kind: 'person', category: 'mentor', name: 'Paula Mentor', communeCode: '63113' }
	]) as [number, number, number, number];
	ids = { org, place, event, person };
	editor = account('edith@exemple.fr', 'Édith Éditrice', 'editor');
	paula = account('paula@exemple.fr', 'Paula Partenaire', 'partner');
	for (const id of Object.values(ids)) grantManager(db, editor, id, paula.email);
	setPartnerModerated(db, editor, paula.id, false);
});

afterEach(() => {
	vi.restoreAllMocks();
	ctx.close();
});

describe('field ownership by kind', () => {
	it('gives each kind its public fields, and editors their extra ones', () => {
		const fields = (id: number, user = paula) => listingForEdit(db, user, id).editableFields;
		expect(fields(ids.org)).toEqual(
			expect.arrayContaining(['category', 'stages', 'offers', 'communeCode', 'lon', 'email', 'phone', 'foundedYear', 'imageKey', 'imageAlt'])
		);
		expect(fields(ids.org)).not.toContain('openingHours');
		expect(fields(ids.place)).toEqual(expect.arrayContaining(['stages', 'offers', 'openingHours', 'accessTransport', 'accessibility', 'equipment']));
		expect(fields(ids.event)).toEqual(
			expect.arrayContaining([
				'startsAt',
				'endsAt',
				'recurrence',
				'recurrenceExceptions',
				'venueId',
				'attendance',
				'registrationUrl',
				'price',
				'free',
				'stages',
				'email'
			])
		);
		// An event says which stages it suits (issue 19); only structures offer services.
		expect(fields(ids.event)).not.toContain('offers');
		expect(fields(ids.person)).toEqual(expect.arrayContaining(['email', 'phone', 'contactPublic']));
		expect(fields(ids.person)).not.toContain('foundedYear');
		for (const id of Object.values(ids)) {
			expect(fields(id)).not.toEqual(expect.arrayContaining(['status']));
			expect(fields(id, editor)).toEqual(expect.arrayContaining(['status', 'lastVerifiedAt']));
		}
		expect(entityFieldsFor(paula, { kind: 'organisation' }).length).toBe(20);
	});

	it('a partner edits every field of a third-place, written with one revision that lists them', () => {
		const r = submitEntityUpdate(
			db,
			paula,
			ids.place,
			{
				category: 'makerspace',
				stages: ['emergence'],
				offers: ['equipment', 'training'],
				openingHours: 'Tu-Sa 10:00-19:00; PH off',
				accessTransport: 'Bus 3, arrêt Gare',
				accessibility: 'Plain-pied',
				equipment: 'Découpe laser',
				email: 'bonjour@fablab.example.org',
				phone: '04 71 00 00 00'
			},
			1
		);
		expect(r).toEqual({ status: 'applied', version: 2 });
		expect(row(ids.place)).toMatchObject({ category: 'makerspace', openingHours: 'Tu-Sa 10:00-19:00; PH off', equipment: 'Découpe laser' });
		const [first, second] = db.select().from(revisions).where(eq(revisions.subjectId, ids.place)).all();
		const snap = (s: unknown) => (typeof s === 'string' ? JSON.parse(s) : s) as Record<string, unknown>;
		const labels = diffSnapshots(snap(first!.snapshot), snap(second!.snapshot)).map((c) => c.label);
		expect(labels).toEqual([
			'Catégorie',
			'Stades accompagnés',
			"Offres d'accompagnement",
			"Horaires d'ouverture",
			'Accès en transports',
			'Accessibilité',
			'Équipements',
			'E-mail',
			'Téléphone'
		]);
	});

	it('refuses what a kind does not have, a category of another kind and unreadable hours, in French', () => {
		expect(() => submitEntityUpdate(db, paula, ids.event, { offers: ['mentoring'] }, 1)).toThrow(ForbiddenError);
		expect(() => submitEntityUpdate(db, paula, ids.org, { recurrence: 'FREQ=WEEKLY' }, 1)).toThrow(ForbiddenError);
		expect(() => submitEntityUpdate(db, paula, ids.org, { openingHours: 'Mo 09:00-12:00' }, 1)).toThrow(/horaires d'ouverture/);
		expect(() => submitEntityUpdate(db, paula, ids.org, { category: 'fablab' }, 1)).toThrow(/catégorie «\u00a0fablab\u00a0» inconnue/);
		expect(() => submitEntityUpdate(db, paula, ids.place, { openingHours: 'du lundi au vendredi' }, 1)).toThrow(/horaires d'ouverture illisibles/);
		for (const patch of [{ status: 'archived' as const }, { slug: 'autre' }, { lastVerifiedAt: '2020-01-01' }, { isDemo: true }]) {
			expect(() => submitEntityUpdate(db, paula, ids.place, patch, 1)).toThrow(ForbiddenError);
		}
		expect(row(ids.place).version).toBe(1);
	});

	it("an event's venue is a live third-place; a moderated partner's dates wait for an editor", () => {
		expect(() => submitEntityUpdate(db, paula, ids.event, { venueId: ids.org }, 1)).toThrow(/tiers-lieu de l'annuaire/);
		expect(() => submitEntityUpdate(db, paula, ids.event, { venueId: 9999 }, 1)).toThrow(/introuvable/);
		setPartnerModerated(db, editor, paula.id, true);
		const r = submitEntityUpdate(
			db,
			paula,
			ids.event,
			{ startsAt: '2027-03-19T18:30:00', venueId: ids.place, registrationUrl: 'https://inscription.example.org' },
			1
		);
		expect(r.status).toBe('pending');
		expect(row(ids.event).startsAt).toBe('2027-03-18T18:00:00');
		approvePendingChange(db, editor, (r as { pendingId: number }).pendingId, '');
		expect(row(ids.event)).toMatchObject({ startsAt: '2027-03-19T18:30:00', venueId: ids.place, registrationUrl: 'https://inscription.example.org' });
	});
});

describe('placing a listing from its form', () => {
	let ban: FakeBan;
	beforeAll(async () => (ban = await startFakeBan()));
	afterAll(async () => ban.close());

	const form = (pairs: [string, string][]) => {
		const f = new FormData();
		for (const [k, v] of pairs) f.append(k, v);
		return f;
	};
	const place = (id: number, pairs: [string, string][], geocoder = banGeocoder({ baseUrl: ban.url, timeoutMs: 2000 })) => {
		const { entity, editableFields } = listingForEdit(db, paula, id);
		const read: ListingFormRead = readListingForm(form(pairs), entity, editableFields);
		return placeListing(db, paula, geocoder, entity, read, null);
	};

	it('geocodes a new address with the BAN: precision « address »', async () => {
		const { patch, placement } = await place(ids.place, [
			['address', '12 Rue de la République'],
			['communeText', 'Aurillac'],
			['communeCode', '15014']
		]);
		expect(patch).toMatchObject({ address: '12 Rue de la République', communeCode: '15014', lon: 2.444, lat: 44.9264, coordPrecision: 'address' });
		expect(placement.how).toBe('address');
		expect(placement.sentence).toMatch(/Base Adresse Nationale/);
	});

	it("offline or not found: the commune's centre, precision « commune », and the sentence says why", async () => {
		const offline = await place(
			ids.place,
			[
				['address', '3 impasse Inconnue'],
				['communeText', 'Clermont-Ferrand'],
				['communeCode', '']
			],
			disabledGeocoder
		);
		expect(offline.patch).toMatchObject({ communeCode: '63113', lon: 3.1147, lat: 45.7871, coordPrecision: 'commune' });
		expect(offline.placement.sentence).toMatch(/^Adresse non vérifiée \(géocodage désactivé\) : la fiche est placée au centre de Clermont-Ferrand/);
		const unknown = await place(ids.place, [['address', '3 impasse Inconnue']]);
		expect(unknown.patch).toMatchObject({ lon: 2.4397, lat: 44.9264, coordPrecision: 'commune' });
		expect(unknown.placement.sentence).toMatch(/introuvable/);
	});

	it('a dragged pin wins over the address: precision « manual »; nothing moved, nothing placed', async () => {
		const dragged = await place(ids.place, [
			['address', '12 Rue de la République'],
			['pinMoved', '1'],
			['lon', '2.45'],
			['lat', '44.92']
		]);
		expect(dragged.patch).toMatchObject({ lon: 2.45, lat: 44.92, coordPrecision: 'manual' });
		const untouched = await place(ids.place, [
			['summary', 'x'],
			['communeText', 'Aurillac'],
			['communeCode', '15014'],
			['lon', '2.44'],
			['lat', '44.93']
		]);
		expect(untouched.placement.how).toBe('kept');
		expect(untouched.patch).not.toHaveProperty('lon');
	});

	it('a commune typed without JavaScript is read by name or postcode, or refused with the choices', async () => {
		expect((await place(ids.place, [['communeText', 'aurillac']])).patch.communeCode).toBe('15014');
		await expect(place(ids.place, [['communeText', 'Atlantis']])).rejects.toThrow(ValidationError);
	});
});

describe('practical information on the public page', () => {
	it("a third-place's hours in Paris time and access; an event's venue and link; the edit link for its managers and editors only", () => {
		submitEntityUpdate(db, paula, ids.place, { openingHours: 'Mo-Fr 09:00-18:00; PH off', accessibility: 'Plain-pied' }, 1);
		submitEntityUpdate(db, paula, ids.event, { venueId: ids.place, registrationUrl: 'https://inscription.example.org' }, 1);
		// Friday 25 December 2026 at 10:00 in Paris: a weekday, but Christmas.
		const christmas = practicalInfo(db, ids.place, null, new Date('2026-12-25T09:00:00Z'));
		expect(christmas.hours?.view?.state).toBe('closed');
		expect(christmas.hours?.view?.week[4]).toMatchObject({ day: 'vendredi', holiday: true, slots: [] });
		expect(practicalInfo(db, ids.place, null, new Date('2026-12-22T09:00:00Z')).hours?.view?.state).toBe('open');
		expect(christmas.access).toEqual({ transport: null, accessibility: 'Plain-pied', equipment: null });
		expect(christmas.editHref).toBeNull();
		const ev = practicalInfo(db, ids.event, paula);
		expect(ev).toMatchObject({
			venue: { name: 'Fablab Aurillac', slug: 'fablab-aurillac' },
			registrationUrl: 'https://inscription.example.org',
			hours: null,
			editHref: `/espace/fiches/${ids.event}`
		});
		const stranger = account('sam@exemple.fr', 'Sam Autre', 'partner');
		expect(practicalInfo(db, ids.event, stranger).editHref).toBeNull();
		expect(practicalInfo(db, ids.event, editor).editHref).toBe(`/espace/fiches/${ids.event}`);
	});
});
