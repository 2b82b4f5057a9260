import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { freshDb, insertSmallTerritories } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { entities, entityManagers, pendingChanges, relations, revisions, users } from '../../src/lib/server/db/schema';
import { createEntities, createRelations, updateEntity } from '../../src/lib/server/services/entity-write.service';
import { ConflictError, NotFoundError, ValidationError } from '../../src/lib/server/services/errors';
import { ForbiddenError, inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';
import { grantManager, managersOverview, revokeManager, setPartnerModerated } from '../../src/lib/server/services/managers.service';
import {
	confirmRelation,
	confirmStillAccurate,
	declareRelation,
	proposeEntity,
	removeRelation,
	ReportThrottle,
	REPORT_LIMIT,
	submitEntityUpdate,
	submitRelationUpdate,
	submitReport,
	withdrawPendingChange
} from '../../src/lib/server/services/contribution.service';
import { approvePendingChange, mergeEntities, moderationQueue, rejectPendingChange, setArchived } from '../../src/lib/server/services/moderation.service';
import { listingForEdit, partnerSpace } from '../../src/lib/server/services/partner-space.service';
import { redirectTarget } from '../../src/lib/server/repos/contribution.repo';
import { getPortrait } from '../../src/lib/server/services/entity.service';

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let editor: AccountUser;
let alice: AccountUser; // manages the incubator
let bruno: AccountUser; // manages the startup
let incub: number;
let startup: number;
let fablab: number;

function account(email: string, displayName: string, role: AccountUser['role']): AccountUser {
	const { userId } = inviteUser(db, 'cli', { email, displayName, role });
	return { id: userId, email, displayName, role };
}

const entity = (id: number) => db.select().from(entities).where(eq(entities.id, id)).get()!;
const relation = (id: number) => db.select().from(relations).where(eq(relations.id, id)).get()!;
const pending = (id: number) => db.select().from(pendingChanges).where(eq(pendingChanges.id, id)).get()!;

beforeEach(() => {
	// The security log prints one JSON line per invitation; tests read better without them.
	vi.spyOn(console, 'log').mockImplementation(() => undefined);
	ctx = freshDb();
	db = ctx.db;
	insertSmallTerritories(db);
	[incub, startup, fablab] = createEntities(db, [
		{ slug: 'incubateur-des-domes', kind: 'organisation', category: 'incubator', name: 'Incubateur des Dômes', summary: 'Accompagne', communeCode: '63113' },
		{ slug: 'volcabio', kind: 'organisation', category: 'startup', name: 'Volcabio', summary: 'Biotech', communeCode: '63113' },
		{ slug: 'fablab-aurillac', kind: 'third_place', category: 'fablab', name: 'Fablab Aurillac', communeCode: '15014' }
	]) as [number, number, number];
	editor = account('edith@exemple.fr', 'Édith Éditrice', 'editor');
	alice = account('alice@exemple.fr', 'Alice Incubateur', 'partner');
	bruno = account('bruno@exemple.fr', 'Bruno Volcabio', 'partner');
	grantManager(db, editor, incub, alice.email);
	grantManager(db, editor, startup, bruno.email);
});

afterEach(() => {
	vi.restoreAllMocks();
	ctx.close();
});

describe('managers and moderation switch', () => {
	it('an editor grants and revokes managers; partners see only their listings', () => {
		expect(partnerSpace(db, alice).listings.map((l) => l.id)).toEqual([incub]);
		grantManager(db, editor, fablab, alice.email);
		expect(
			partnerSpace(db, alice)
				.listings.map((l) => l.id)
				.sort()
		).toEqual([incub, fablab].sort());
		revokeManager(db, editor, fablab, alice.id);
		expect(partnerSpace(db, alice).listings.map((l) => l.id)).toEqual([incub]);
		expect(() => grantManager(db, editor, fablab, editor.email)).toThrow(ValidationError);
		expect(managersOverview(db, editor).partners.every((p) => p.moderated)).toBe(true);
	});
});

describe('partner edits', () => {
	it('a moderated partner’s edit waits; the editor approves it in one go and the public page shows it', () => {
		const result = submitEntityUpdate(db, alice, incub, { summary: 'Incubateur santé et agro' }, 1);
		expect(result.status).toBe('pending');
		expect(entity(incub).summary).toBe('Accompagne');
		const [item] = moderationQueue(db, editor);
		expect(item?.changes).toEqual([expect.objectContaining({ field: 'summary', before: 'Accompagne', after: 'Incubateur santé et agro' })]);
		expect(item?.stale).toBe(false);

		approvePendingChange(db, editor, item!.id, 'Merci');
		expect(entity(incub)).toMatchObject({ summary: 'Incubateur santé et agro', version: 2 });
		expect(getPortrait(db, 'incubateur-des-domes').entity.summary).toBe('Incubateur santé et agro');
		const last = db.select().from(revisions).where(eq(revisions.subjectId, incub)).all().at(-1)!;
		expect(last).toMatchObject({ authorUserId: alice.id, authorLabel: 'Alice Incubateur (validé par Édith Éditrice)', reason: 'Merci' });
		expect(pending(item!.id)).toMatchObject({ status: 'approved', reviewerUserId: editor.id });
		expect(partnerSpace(db, alice).myChanges[0]).toMatchObject({ status: 'approved' });
	});

	it('« publication directe »: the change goes live at once, the partner is the revision’s author', () => {
		setPartnerModerated(db, editor, alice.id, false);
		expect(submitEntityUpdate(db, alice, incub, { summary: 'En direct' }, 1)).toEqual({ status: 'applied', version: 2 });
		expect(entity(incub).summary).toBe('En direct');
		const last = db.select().from(revisions).where(eq(revisions.subjectId, incub)).all().at(-1)!;
		expect(last).toMatchObject({ authorUserId: alice.id, authorLabel: 'Alice Incubateur' });
		expect(db.select().from(pendingChanges).all()).toEqual([]);
	});

	it('partners cannot set fields they do not own', () => {
		setPartnerModerated(db, editor, alice.id, false);
		for (const patch of [
			{ status: 'archived' as const },
			{ slug: 'autre' },
			{ lastVerifiedAt: '2020-01-01' },
			{ kind: 'third_place' as const },
			{ isDemo: true }
		]) {
			expect(() => submitEntityUpdate(db, alice, incub, patch, 1)).toThrow(ForbiddenError);
		}
		expect(entity(incub).version).toBe(1);
		// Editors may set them.
		submitEntityUpdate(db, editor, incub, { status: 'draft' }, 1);
		expect(entity(incub).status).toBe('draft');
	});

	it('a stale save is refused with the other change, moderated or not, and writes nothing', () => {
		updateEntity(db, incub, { summary: 'Par l’équipe' }, { expectedVersion: 1, actor: { userId: editor.id, label: 'Édith Éditrice' }, reason: '' });
		expect(() => submitEntityUpdate(db, alice, incub, { summary: 'Ma version' }, 1)).toThrow(ConflictError);
		try {
			submitEntityUpdate(db, alice, incub, { summary: 'Ma version' }, 1);
		} catch (e) {
			expect((e as ConflictError).other).toMatchObject({
				authorLabel: 'Édith Éditrice',
				changes: [expect.objectContaining({ field: 'summary', after: 'Par l’équipe' })]
			});
			expect((e as Error).message).toMatch(/Édith Éditrice/);
		}
		setPartnerModerated(db, editor, alice.id, false);
		expect(() => submitEntityUpdate(db, alice, incub, { summary: 'Ma version' }, 1)).toThrow(ConflictError);
		expect(entity(incub)).toMatchObject({ summary: 'Par l’équipe', version: 2 });
		expect(db.select().from(pendingChanges).all()).toEqual([]);
	});

	it('approving a pending change that went stale gives the conflict and overwrites nothing', () => {
		const r = submitEntityUpdate(db, alice, incub, { summary: 'Proposition' }, 1);
		updateEntity(db, incub, { name: 'Incubateur des Dômes (IDD)' }, { expectedVersion: 1, actor: { userId: editor.id, label: 'Édith Éditrice' }, reason: '' });
		expect(moderationQueue(db, editor)[0]?.stale).toBe(true);
		expect(() => approvePendingChange(db, editor, (r as { pendingId: number }).pendingId)).toThrow(ConflictError);
		expect(entity(incub)).toMatchObject({ summary: 'Accompagne', version: 2 });
		expect(pending((r as { pendingId: number }).pendingId).status).toBe('pending');
	});

	it('a rejection needs a comment, which the partner reads', () => {
		const r = submitEntityUpdate(db, alice, incub, { summary: 'Non' }, 1) as { pendingId: number };
		expect(() => rejectPendingChange(db, editor, r.pendingId, '  ')).toThrow(ValidationError);
		rejectPendingChange(db, editor, r.pendingId, 'Résumé trop court');
		expect(partnerSpace(db, alice).myChanges[0]).toMatchObject({ status: 'rejected', reviewComment: 'Résumé trop court' });
		expect(() => approvePendingChange(db, editor, r.pendingId)).toThrow(ValidationError);
		expect(entity(incub).summary).toBe('Accompagne');
	});

	it('« toujours à jour » sets the verification date through the write path', () => {
		confirmStillAccurate(db, alice, incub, new Date('2026-11-28T10:00:00Z'));
		expect(entity(incub)).toMatchObject({ lastVerifiedAt: '2026-11-28', version: 2 });
		expect(db.select().from(revisions).where(eq(revisions.subjectId, incub)).all().at(-1)?.authorUserId).toBe(alice.id);
	});

	it('a proposed entity waits, then is published and managed by its author', () => {
		const r = proposeEntity(db, alice, { kind: 'organisation', category: 'startup', name: 'Levure & Co', summary: 'Incubée chez nous', communeCode: '63113' });
		expect(r.status).toBe('pending');
		approvePendingChange(db, editor, (r as { pendingId: number }).pendingId);
		const created = db.select().from(entities).where(eq(entities.slug, 'levure-co')).get();
		expect(created).toMatchObject({ name: 'Levure & Co', status: 'published' });
		expect(partnerSpace(db, alice).listings.map((l) => l.name)).toContain('Levure & Co');
	});
});

describe('relations declared and confirmed', () => {
	it('declared by one side, confirmed by a manager of the other', () => {
		setPartnerModerated(db, editor, bruno.id, false);
		const r = declareRelation(db, bruno, { type: 'incubated_by', sourceId: startup, targetId: incub, startDate: '2024', source: 'https://exemple.fr' });
		const id = r.relationId!;
		expect(relation(id)).toMatchObject({ confirmation: 'declared', declaredByEntityId: startup });
		// The issue asks for the pending side to be named: « en attente de confirmation par … ».
		expect(listingForEdit(db, bruno, startup).relations[0]).toMatchObject({
			state: "déclarée par Volcabio, en attente de confirmation par l'Incubateur des Dômes",
			canConfirm: false
		});
		expect(partnerSpace(db, bruno).confirmations).toEqual([]);
		// The declaring side cannot confirm its own claim.
		expect(() => confirmRelation(db, bruno, id)).toThrow(ForbiddenError);

		const waiting = partnerSpace(db, alice).confirmations;
		expect(waiting).toEqual([expect.objectContaining({ id, canConfirm: true, state: 'déclarée par Volcabio, en attente de votre confirmation' })]);
		confirmRelation(db, alice, id);
		expect(relation(id).confirmation).toBe('confirmed');
		expect(listingForEdit(db, alice, incub).relations[0]?.state).toBe('confirmée par les deux parties');
		expect(partnerSpace(db, alice).confirmations).toEqual([]);

		// Ending it, then removing it.
		submitRelationUpdate(db, bruno, id, { endDate: '2025' }, relation(id).version);
		expect(relation(id).endDate).toBe('2025');
		expect(() => submitRelationUpdate(db, bruno, id, { confirmation: 'declared' }, relation(id).version)).toThrow(ForbiddenError);
		removeRelation(db, bruno, id, relation(id).version);
		expect(relation(id).deletedAt).not.toBeNull();
	});

	it('a moderated partner’s relation waits and keeps its declared side once approved', () => {
		const r = declareRelation(db, bruno, { type: 'partner_of', sourceId: startup, targetId: fablab, source: 'https://volcabio.fr' });
		expect(r.status).toBe('pending');
		approvePendingChange(db, editor, (r as { pendingId: number }).pendingId);
		const row = db.select().from(relations).get()!;
		expect(row).toMatchObject({ type: 'partner_of', confirmation: 'declared', declaredByEntityId: startup });
	});
});

describe('public reports', () => {
	it('lands in the queue; the honeypot stores nothing; the rate limit stops floods', () => {
		const throttle = new ReportThrottle();
		const opts = { ip: '203.0.113.9', throttle };
		expect(submitReport(db, 'volcabio', { message: 'Le site web a changé', honeypot: 'http://spam' }, opts)).toEqual({ stored: false });
		expect(submitReport(db, 'volcabio', { message: 'Le site web a changé', correction: 'https://volcabio.fr' }, opts)).toEqual({ stored: true });
		expect(() => submitReport(db, 'volcabio', { message: 'court' }, opts)).toThrow(ValidationError);
		const [item] = moderationQueue(db, editor);
		expect(item).toMatchObject({
			kind: 'report',
			authorLabel: 'Visiteur anonyme',
			report: { message: 'Le site web a changé', correction: 'https://volcabio.fr' }
		});
		for (let i = 1; i < REPORT_LIMIT; i++) submitReport(db, 'volcabio', { message: `Encore une erreur ${i}` }, opts);
		expect(() => submitReport(db, 'volcabio', { message: 'Une de trop ici' }, opts)).toThrow(/Trop de signalements/);
		expect(submitReport(db, 'volcabio', { message: 'Une autre adresse' }, { ip: '198.51.100.1', throttle })).toEqual({ stored: true });
		expect(() => submitReport(db, 'inconnu', { message: 'Le site web a changé' }, opts)).toThrow(NotFoundError);
	});
});

describe('merge and archive', () => {
	it('merges a duplicate: relations moved without doubles, managers moved, old slug redirects', () => {
		const [dup] = createEntities(db, [{ slug: 'volcabio-sas', kind: 'organisation', category: 'startup', name: 'Volcabio SAS', communeCode: '63113' }]);
		const [kept, doubled, between] = createRelations(db, [
			{ type: 'incubated_by', sourceId: startup, targetId: incub },
			{ type: 'incubated_by', sourceId: dup!, targetId: incub },
			{ type: 'partner_of', sourceId: dup!, targetId: startup }
		]);
		const [moved] = createRelations(db, [{ type: 'hosted_by', sourceId: dup!, targetId: fablab }]);
		grantManager(db, editor, dup!, alice.email);
		mergeEntities(db, editor, startup, dup!);
		expect(relation(kept!).deletedAt).toBeNull();
		expect(relation(doubled!).deletedAt).not.toBeNull();
		expect(relation(between!).deletedAt).not.toBeNull();
		expect(relation(moved!)).toMatchObject({ sourceId: startup, targetId: fablab, deletedAt: null });
		expect(entity(dup!).deletedAt).not.toBeNull();
		expect(redirectTarget(db, 'volcabio-sas')).toBe('volcabio');
		expect(partnerSpace(db, alice).listings.map((l) => l.id)).toContain(startup);
		expect(() => mergeEntities(db, editor, startup, startup)).toThrow(ValidationError);
	});

	it('archives and restores through the write path', () => {
		setArchived(db, editor, fablab, true);
		expect(entity(fablab)).toMatchObject({ status: 'archived', version: 2 });
		expect(() => getPortrait(db, 'fablab-aurillac')).toThrow(NotFoundError);
		setArchived(db, editor, fablab, false);
		expect(entity(fablab)).toMatchObject({ status: 'published', version: 3 });
	});
});

/*
 * Generated authorisation test: every mutation (and the reads that open an edit form) × every id that
 * belongs to someone else or to nobody. Alice must get 403/404 and the database must not move at all.
 */
describe('authorisation: a partner cannot touch what is not theirs', () => {
	const dump = () =>
		JSON.stringify({
			entities: db.select().from(entities).all(),
			relations: db.select().from(relations).all(),
			pending: db.select().from(pendingChanges).all(),
			revisions: db.select().from(revisions).all(),
			managers: db.select().from(entityManagers).all(),
			users: db.select({ id: users.id, moderated: users.moderated, role: users.role }).from(users).all()
		});

	type Ids = { entity: number; relation: number; pending: number };
	const UNKNOWN = 999_999;
	const mutations: [string, (ids: Ids) => unknown][] = [
		['submitEntityUpdate', (i) => submitEntityUpdate(db, alice, i.entity, { summary: 'pirate' }, 1)],
		['confirmStillAccurate', (i) => confirmStillAccurate(db, alice, i.entity)],
		['listingForEdit', (i) => listingForEdit(db, alice, i.entity)],
		['declareRelation (from)', (i) => declareRelation(db, alice, { type: 'partner_of', sourceId: i.entity, targetId: fablab })],
		['declareRelation (to)', (i) => declareRelation(db, alice, { type: 'hosted_by', sourceId: fablab, targetId: i.entity })],
		['submitRelationUpdate', (i) => submitRelationUpdate(db, alice, i.relation, { endDate: '2025' }, 1)],
		['removeRelation', (i) => removeRelation(db, alice, i.relation, 1)],
		['confirmRelation', (i) => confirmRelation(db, alice, i.relation)],
		['withdrawPendingChange', (i) => withdrawPendingChange(db, alice, i.pending)],
		['approvePendingChange', (i) => approvePendingChange(db, alice, i.pending)],
		['rejectPendingChange', (i) => rejectPendingChange(db, alice, i.pending, 'non')],
		['moderationQueue', () => moderationQueue(db, alice)],
		['mergeEntities', (i) => mergeEntities(db, alice, incub, i.entity)],
		['setArchived', (i) => setArchived(db, alice, i.entity, true)],
		['grantManager', (i) => grantManager(db, alice, i.entity, alice.email)],
		['grantManager (typed name, account id)', () => grantManager(db, alice, { field: 'entityId', id: null, query: 'Volcabio' }, { userId: alice.id })],
		[
			'mergeEntities (typed names)',
			() => mergeEntities(db, alice, { field: 'keepId', id: null, query: 'Incubateur des Dômes' }, { field: 'dropId', id: null, query: 'Volcabio' })
		],
		['setArchived (typed name)', () => setArchived(db, alice, { field: 'entityId', id: null, query: 'Volcabio' }, true)],
		['revokeManager', (i) => revokeManager(db, alice, i.entity, bruno.id)],
		['setPartnerModerated', () => setPartnerModerated(db, alice, alice.id, false)],
		['managersOverview', () => managersOverview(db, alice)]
	];

	function brunosThings(): Ids {
		// Bruno's relation links his startup to the fablab: nothing of Alice's on either end.
		const [relationId] = createRelations(db, [{ type: 'hosted_by', sourceId: startup, targetId: fablab }]);
		const pendingChange = submitEntityUpdate(db, bruno, startup, { summary: 'Bruno propose' }, 1) as { pendingId: number };
		return { entity: startup, relation: relationId!, pending: pendingChange.pendingId };
	}

	const targets: [string, (real: Ids) => Ids][] = [
		["another partner's ids", (real) => real],
		['unknown ids', () => ({ entity: UNKNOWN, relation: UNKNOWN, pending: UNKNOWN })]
	];

	for (const [name, run] of mutations) {
		for (const [targetName, pick] of targets) {
			it(`${name} × ${targetName} → 403/404, nothing changed`, () => {
				const ids = pick(brunosThings());
				// Alice publishing directly must not widen what she may touch.
				for (const moderated of [true, false]) {
					db.update(users).set({ moderated }).where(eq(users.id, alice.id)).run();
					const before = dump();
					let thrown: unknown;
					try {
						run(ids);
					} catch (e) {
						thrown = e;
					}
					expect(thrown instanceof ForbiddenError || thrown instanceof NotFoundError, `${name}: ${String(thrown)}`).toBe(true);
					expect(dump()).toBe(before);
				}
			});
		}
	}
});

/*
 * The same guarantee one level up, generated from the routes themselves: every form action exported by
 * the contribution pages (a new action is covered without touching this list), posted by Alice with
 * Bruno's ids in every id field, answers 403/404 and changes nothing.
 */
describe('authorisation: every form action of /espace and /moderation', () => {
	// Creating something new of one's own is allowed by design: it targets no existing id.
	const NOT_ID_BASED = new Set(['/espace?/proposer']);

	it('answers 403/404 for another partner’s ids and writes nothing', async () => {
		// The routes' getDb() opens DATABASE_URL once per module instance: fresh modules, this test's file.
		vi.resetModules();
		process.env.DATABASE_URL = ctx.path;
		const routes = {
			'/espace': await import('../../src/routes/espace/+page.server'),
			'/espace/fiches/[id]': await import('../../src/routes/espace/fiches/[id]/+page.server'),
			'/moderation': await import('../../src/routes/moderation/+page.server'),
			// « Fiches gérées » per account: granting and withdrawing listings there too.
			'/admin/utilisateurs': await import('../../src/routes/admin/utilisateurs/+page.server')
		};
		const [relationId] = createRelations(db, [{ type: 'hosted_by', sourceId: startup, targetId: fablab }]);
		const pendingId = (submitEntityUpdate(db, bruno, startup, { summary: 'Bruno propose' }, 1) as { pendingId: number }).pendingId;
		const fields: Record<string, string> = {
			entityId: String(startup),
			relationId: String(relationId),
			pendingId: String(pendingId),
			keepId: String(incub),
			dropId: String(startup),
			userId: String(bruno.id),
			otherId: String(fablab),
			version: '1',
			email: alice.email,
			comment: 'pirate',
			moderated: '0',
			archived: '1',
			type: 'partner_of',
			direction: 'out',
			name: 'Pirate',
			summary: 'Pirate',
			endDate: '2025',
			role: 'admin',
			displayName: 'Pirate',
			// A picker's typed text, as sent without JavaScript: it must not let anything through either.
			entityIdQuery: 'Volcabio',
			keepIdQuery: 'Incubateur des Dômes',
			dropIdQuery: 'Volcabio',
			otherIdQuery: 'Fablab Aurillac'
		};
		const dump = () =>
			JSON.stringify([entities, relations, pendingChanges, revisions, entityManagers].map((t) => db.select().from(t).all())) +
			JSON.stringify(db.select({ id: users.id, moderated: users.moderated }).from(users).all());
		let checked = 0;
		for (const [route, module] of Object.entries(routes)) {
			for (const [name, action] of Object.entries(module.actions)) {
				if (NOT_ID_BASED.has(`${route}?/${name}`)) continue;
				const path = route.replace('[id]', String(startup));
				const body = new FormData();
				for (const [k, v] of Object.entries(fields)) body.set(k, v);
				const event = {
					locals: { user: alice },
					url: new URL(`http://localhost${path}?/${name}`),
					params: { id: String(startup) },
					request: new Request(`http://localhost${path}?/${name}`, { method: 'POST', body }),
					getClientAddress: () => '127.0.0.1'
				};
				const before = dump();
				let outcome: unknown;
				try {
					outcome = await (action as (e: unknown) => unknown)(event);
				} catch (e) {
					outcome = e;
				}
				const status = isHttpError(outcome) ? outcome.status : `no error (${JSON.stringify(outcome)})`;
				expect([403, 404], `${route}?/${name}`).toContain(status);
				expect(dump(), `${route}?/${name}`).toBe(before);
				checked++;
			}
		}
		expect(checked).toBeGreaterThanOrEqual(22);
	});
});

describe('a merged listing’s old address', () => {
	it('redirects permanently to the listing kept', async () => {
		const [dup] = createEntities(db, [{ slug: 'volcabio-sas', kind: 'organisation', category: 'startup', name: 'Volcabio SAS', communeCode: '63113' }]);
		mergeEntities(db, editor, startup, dup!);
		vi.resetModules();
		process.env.DATABASE_URL = ctx.path;
		const { load } = await import('../../src/routes/acteurs/[slug=slug]/+page.server');
		// The page's load is async (it waits for the pathways worker): its redirect and 404 come as rejections.
		const outcome = async (slug: string) => {
			try {
				return await (load as (e: unknown) => Promise<unknown>)({ params: { slug } });
			} catch (e) {
				return e;
			}
		};
		const moved = await outcome('volcabio-sas');
		expect(isRedirect(moved) && [moved.status, moved.location]).toEqual([301, '/acteurs/volcabio']);
		// An address that never existed stays a 404.
		const unknown = await outcome('jamais-vu');
		expect(isHttpError(unknown) && unknown.status).toBe(404);
	});
});
