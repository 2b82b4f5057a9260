/**
 * Issue 19: « Publier un événement » from /espace, on a real SQLite file built by the migrations. The organiser is
 * a listing the partner manages (its relation confirmed), co-organisers are any listing (theirs waits for their
 * managers, who are told); a moderated partner's event waits for an editor, who writes it with its relations.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDb, insertSmallTerritories } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { entities, entityManagers, notifications, relations } from '../../src/lib/server/db/schema';
import { createEntities } from '../../src/lib/server/services/entity-write.service';
import { ForbiddenError, ValidationError } from '../../src/lib/server/services/errors';
import { inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';
import { grantManager, setPartnerModerated } from '../../src/lib/server/services/managers.service';
import { postEvent } from '../../src/lib/server/services/event-posting.service';
import { approvePendingChange, moderationQueue } from '../../src/lib/server/services/moderation.service';
import { agendaPage } from '../../src/lib/server/services/agenda.service';

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let editor: AccountUser;
let alice: AccountUser; // manages the incubator
let bruno: AccountUser; // manages the fablab
let incub: number;
let fablab: number;
let cordee: number;

function account(email: string, displayName: string, role: AccountUser['role']): AccountUser {
	const { userId } = inviteUser(db, 'cli', { email, displayName, role });
	return { id: userId, email, displayName, role };
}
const NOW = new Date('2026-12-07T09:00:00Z');
const fields = {
	name: 'Apéro des créateurs',
	category: 'meetup',
	summary: 'Rencontre informelle',
	startsAt: '2027-01-07T18:30:00',
	endsAt: '2027-01-07T21:00:00',
	recurrence: 'FREQ=MONTHLY;BYDAY=1TH',
	recurrenceExceptions: ['2027-02-04'],
	communeCode: '63113',
	venueId: 0,
	registrationUrl: 'https://billetterie.exemple.fr/apero',
	free: true,
	stages: ['creation' as const]
};
const organisersOf = (eventId: number) =>
	db
		.select({ sourceId: relations.sourceId, confirmation: relations.confirmation, declaredBy: relations.declaredByEntityId, source: relations.source })
		.from(relations)
		.where(and(eq(relations.targetId, eventId), eq(relations.type, 'organises')))
		.all()
		.sort((a, b) => a.sourceId - b.sourceId);

beforeEach(() => {
	vi.spyOn(console, 'log').mockImplementation(() => undefined);
	ctx = freshDb();
	db = ctx.db;
	insertSmallTerritories(db);
	[incub, fablab, cordee] = createEntities(db, [
		{ slug: 'incubateur-des-domes', kind: 'organisation', category: 'incubator', name: 'Incubateur des Dômes', communeCode: '63113' },
		{ slug: 'fablab-aurillac', kind: 'third_place', category: 'fablab', name: 'Fablab Aurillac', communeCode: '15014' },
		{ slug: 'la-cordee', kind: 'third_place', category: 'coworking', name: 'La Cordée', communeCode: '63113', lon: 3.09, lat: 45.78 }
	]) as [number, number, number];
	fields.venueId = cordee;
	editor = account('edith@exemple.fr', 'Édith Éditrice', 'editor');
	alice = account('alice@exemple.fr', 'Alice Incubateur', 'partner');
	bruno = account('bruno@exemple.fr', 'Bruno Fablab', 'partner');
	grantManager(db, editor, incub, alice.email);
	grantManager(db, editor, fablab, bruno.email);
});
afterEach(() => {
	vi.restoreAllMocks();
	ctx.close();
});

describe('a partner posts an event', () => {
	it('published at once when they publish directly: organised by their listing, co-organised by the fablab (waiting for its managers)', () => {
		setPartnerModerated(db, editor, alice.id, false);
		const r = postEvent(db, alice, fields, { organiserId: incub, coOrganiserIds: [fablab] });
		expect(r.status).toBe('applied');
		const event = db.select().from(entities).where(eq(entities.id, r.entityId!)).get()!;
		expect(event).toMatchObject({ kind: 'event', status: 'published', slug: 'apero-des-createurs', venueId: cordee, recurrence: 'FREQ=MONTHLY;BYDAY=1TH' });
		expect(organisersOf(event.id)).toEqual([
			{ sourceId: incub, confirmation: 'confirmed', declaredBy: incub, source: 'https://billetterie.exemple.fr/apero' },
			{ sourceId: fablab, confirmation: 'declared', declaredBy: event.id, source: 'https://billetterie.exemple.fr/apero' }
		]);
		// Alice manages the new event; Bruno is told a relation waits for him.
		expect(
			db
				.select()
				.from(entityManagers)
				.where(eq(entityManagers.entityId, event.id))
				.all()
				.map((m) => m.userId)
		).toEqual([alice.id]);
		expect(
			db
				.select()
				.from(notifications)
				.where(eq(notifications.userId, bruno.id))
				.all()
				.map((n) => n.kind)
		).toEqual(['relation_to_confirm']);
		// In the agenda at once, with its dates.
		const listed = agendaPage(db, new URLSearchParams('stage=creation'), NOW).weeks.flatMap((w) => w.events.map((e) => `${e.slug} ${e.startsAt}`));
		expect(listed.slice(0, 2)).toEqual(['apero-des-createurs 2027-01-07T18:30:00', 'apero-des-createurs 2027-03-04T18:30:00']);
	});

	it('waits for the newsroom when the partner is moderated; the editor sees who organises it, and accepting writes the relations', () => {
		const r = postEvent(db, alice, fields, { organiserId: incub, coOrganiserIds: [fablab] });
		expect(r.status).toBe('pending');
		expect(db.select().from(entities).where(eq(entities.name, fields.name)).all()).toEqual([]);
		const item = moderationQueue(db, editor).find((q) => q.id === (r as { pendingId: number }).pendingId)!;
		expect(item.title).toBe('Nouvelle fiche\u00a0: Apéro des créateurs');
		expect(item.changes.find((c) => c.field === 'organisers')).toMatchObject({ label: 'Organisé par', after: ['Incubateur des Dômes', 'Fablab Aurillac'] });
		expect(item.changes.map((c) => c.field)).not.toContain('undefined');
		approvePendingChange(db, editor, item.id, '', NOW);
		const event = db.select().from(entities).where(eq(entities.name, fields.name)).get()!;
		expect(event.status).toBe('published');
		expect(organisersOf(event.id).map((o) => [o.sourceId, o.confirmation])).toEqual([
			[incub, 'confirmed'],
			[fablab, 'declared']
		]);
	});

	it('refuses, in French and writing nothing: a listing they do not manage as organiser, no organiser, a bad date', () => {
		setPartnerModerated(db, editor, alice.id, false);
		expect(() => postEvent(db, alice, fields, { organiserId: fablab, coOrganiserIds: [] })).toThrow(ForbiddenError);
		expect(() => postEvent(db, alice, fields, { organiserId: null, coOrganiserIds: [] })).toThrow(/Choisissez la structure qui organise/);
		expect(() => postEvent(db, alice, { ...fields, endsAt: '2027-01-06T10:00:00' }, { organiserId: incub, coOrganiserIds: [] })).toThrow(ValidationError);
		expect(db.select().from(entities).where(eq(entities.kind, 'event')).all()).toEqual([]);
		expect(db.select().from(relations).all()).toEqual([]);
	});
});
