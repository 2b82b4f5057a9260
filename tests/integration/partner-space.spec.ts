import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, insertSmallTerritories } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { entities, entityManagers, pendingChanges } from '../../src/lib/server/db/schema';
import { createEntities, createRelations } from '../../src/lib/server/services/entity-write.service';
import { NotFoundError, ValidationError } from '../../src/lib/server/services/errors';
import { ForbiddenError, inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';
import { grantManager, managersOverview, revokeManager, setPartnerModerated } from '../../src/lib/server/services/managers.service';
import { stillAccurateDone } from '../../src/lib/server/services/proposal-words';
import {
	confirmStillAccurate,
	declareRelation,
	proposeEntity,
	removeRelation,
	submitEntityUpdate,
	submitRelationUpdate,
	withdrawPendingChange
} from '../../src/lib/server/services/contribution.service';
import { listingForEdit, partnerSpace } from '../../src/lib/server/services/partner-space.service';
import { approvePendingChange, mergeEntities, moderationQueue, rejectPendingChange, setArchived } from '../../src/lib/server/services/moderation.service';
import { PickError } from '../../src/lib/server/services/errors';
import { resolveListing, searchListings } from '../../src/lib/server/services/listing-picker.service';

/*
 * What a partner reads after saving (pending values, pending relations, named proposals, freshness) and
 * how listings are chosen by typing part of their name, on a real database built by the migrations.
 */

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let editor: AccountUser;
let alice: AccountUser; // manages the incubator, moderated
let bruno: AccountUser; // manages the startup, moderated
let incub: number;
let startup: number;
let fablab: number;
let logLines: string[];

function account(email: string, displayName: string, role: AccountUser['role']): AccountUser {
	const { userId } = inviteUser(db, 'cli', { email, displayName, role });
	return { id: userId, email, displayName, role };
}
const pendingRows = () => db.select().from(pendingChanges).where(eq(pendingChanges.status, 'pending')).all();
const securityEvents = (event: string) =>
	logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.type === 'security' && e.event === event);

beforeEach(() => {
	logLines = [];
	vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logLines.push(args.map(String).join(' ')));
	ctx = freshDb();
	db = ctx.db;
	insertSmallTerritories(db);
	[incub, startup, fablab] = createEntities(db, [
		{
			slug: 'incubateur-des-domes',
			kind: 'organisation',
			category: 'incubator',
			name: 'Incubateur des Dômes',
			summary: 'Accompagne',
			website: 'https://domes.fr',
			communeCode: '63113'
		},
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

describe('after « Enregistrer », the form shows what the partner proposed', () => {
	it('each proposed field with « en attente de validation » and its published value; the public row is untouched', () => {
		submitEntityUpdate(db, alice, incub, { name: 'Incubateur des Dômes (IDD)', website: 'https://idd.fr', summary: 'Accompagne' }, 1);
		const { entity, pending } = listingForEdit(db, alice, incub);
		expect(entity).toMatchObject({ name: 'Incubateur des Dômes', website: 'https://domes.fr' });
		expect(pending?.values).toEqual({ name: 'Incubateur des Dômes (IDD)', website: 'https://idd.fr' });
		expect(Object.keys(pending!.changes).sort()).toEqual(['name', 'website']);
		expect(pending!.changes.name).toMatchObject({ before: 'Incubateur des Dômes', after: 'Incubateur des Dômes (IDD)' });
		expect(pending!.stale).toBe(false);
		// Nobody else reads Alice's proposal as the listing's values.
		expect(listingForEdit(db, editor, incub).pending).toBeNull();
	});

	it('a second save replaces the first proposal (one proposal for the editors), and saving the published values withdraws it', () => {
		submitEntityUpdate(db, alice, incub, { name: 'IDD' }, 1);
		// The form now shows « IDD »: the next save sends it along with the new summary.
		const second = submitEntityUpdate(db, alice, incub, { name: 'IDD', summary: 'Incubateur santé' }, 1);
		expect(second.status).toBe('pending');
		expect(pendingRows().map((c) => c.payload)).toEqual([{ name: 'IDD', summary: 'Incubateur santé' }]);
		expect(moderationQueue(db, editor)).toHaveLength(1);
		// A save that leaves out a field keeps its proposed value (the form did not show it).
		submitEntityUpdate(db, alice, incub, { summary: 'Incubateur santé et agro' }, 1);
		expect(pendingRows().map((c) => c.payload)).toEqual([{ name: 'IDD', summary: 'Incubateur santé et agro' }]);

		expect(submitEntityUpdate(db, alice, incub, { name: 'Incubateur des Dômes', summary: 'Accompagne' }, 1)).toEqual({ status: 'withdrawn' });
		expect(pendingRows()).toEqual([]);
		expect(listingForEdit(db, alice, incub).pending).toBeNull();
		expect(submitEntityUpdate(db, alice, incub, { summary: 'Accompagne' }, 1)).toEqual({ status: 'unchanged' });
	});

	it('an accepted proposal becomes the published value and leaves the form’s « en attente »', () => {
		const r = submitEntityUpdate(db, alice, incub, { website: 'https://idd.fr' }, 1) as { pendingId: number };
		approvePendingChange(db, editor, r.pendingId, 'Merci');
		const { entity, pending } = listingForEdit(db, alice, incub);
		expect(entity.website).toBe('https://idd.fr');
		expect(pending).toBeNull();
	});
});

describe('« Toujours à jour »', () => {
	it('dates the verification, turns « à vérifier » into « vérifiée », and changes nothing else', () => {
		const now = new Date('2026-12-03T10:00:00Z');
		expect(partnerSpace(db, alice, now).listings[0]).toMatchObject({ freshness: 'never', lastVerifiedAt: null });
		const before = db.select().from(entities).where(eq(entities.id, incub)).get()!;
		const r = confirmStillAccurate(db, alice, incub, now);
		expect(r).toMatchObject({ name: 'Incubateur des Dômes', verifiedOn: '2026-12-03', version: 2 });
		const after = db.select().from(entities).where(eq(entities.id, incub)).get()!;
		expect({ ...after, lastVerifiedAt: null, version: 1, updatedAt: null }).toEqual({ ...before, updatedAt: null });
		expect(partnerSpace(db, alice, now).listings[0]).toMatchObject({ freshness: 'verified', lastVerifiedAt: '2026-12-03' });
		expect(partnerSpace(db, alice, new Date('2028-01-01T00:00:00Z')).listings[0]?.freshness).toBe('stale');
	});

	it('dates it in Paris, where the partner is: half past midnight on 4 December is the 4th, not UTC’s 3rd', () => {
		const r = confirmStillAccurate(db, alice, incub, new Date('2026-12-03T23:30:00Z'));
		expect(r.verifiedOn).toBe('2026-12-04');
		expect(stillAccurateDone(r.name, r.verifiedOn)).toBe(
			'«\u00a0Incubateur des Dômes\u00a0» est confirmée à jour au 4 décembre 2026\u00a0: sa page affiche «\u00a0vérifiée le 4 décembre 2026\u00a0». Rien d’autre n’a changé.'
		);
		expect(stillAccurateDone(r.name, '2026-12-01')).toContain('au 1er décembre 2026');
	});

	it('does not make the partner’s waiting proposal stale: the editor can still accept it', () => {
		const r = submitEntityUpdate(db, alice, incub, { summary: 'Nouveau résumé' }, 1) as { pendingId: number };
		confirmStillAccurate(db, alice, incub);
		expect(moderationQueue(db, editor)[0]?.stale).toBe(false);
		expect(listingForEdit(db, alice, incub).pending?.stale).toBe(false);
		approvePendingChange(db, editor, r.pendingId);
		expect(db.select().from(entities).where(eq(entities.id, incub)).get()).toMatchObject({ summary: 'Nouveau résumé', version: 3 });
	});
});

describe('relations, where they were declared', () => {
	it('a proposed relation shows as waiting for the team, then for the other side; the other side reads « votre confirmation »', () => {
		const r = declareRelation(db, bruno, {
			type: 'incubated_by',
			sourceId: startup,
			targetId: incub,
			startDate: '2024',
			source: 'Le Connecteur, portrait, mai 2024'
		}) as { pendingId: number };
		const [proposed] = listingForEdit(db, bruno, startup).proposedRelations;
		expect(proposed).toMatchObject({
			sourceName: 'Volcabio',
			targetName: 'Incubateur des Dômes',
			startDate: '2024',
			state: "en attente de validation par l'équipe du Connecteur, puis de confirmation par l'Incubateur des Dômes"
		});
		// Agreed with the startup, the incubator with its article (French-phrasing module).
		expect(proposed?.caption).toMatchObject({
			subject: { before: '', name: 'Volcabio' },
			verb: 'incubée',
			object: { before: "par l'", name: 'Incubateur des Dômes' },
			tail: ''
		});
		expect(listingForEdit(db, alice, incub).proposedRelations).toEqual([]);

		approvePendingChange(db, editor, r.pendingId);
		expect(listingForEdit(db, bruno, startup).proposedRelations).toEqual([]);
		expect(listingForEdit(db, bruno, startup).relations[0]?.state).toBe("déclarée par Volcabio, en attente de confirmation par l'Incubateur des Dômes");
		expect(partnerSpace(db, alice).confirmations[0]?.state).toBe('déclarée par Volcabio, en attente de votre confirmation');
	});

	it('a proposed end date or removal shows on the relation, and one removal is asked once', () => {
		const [rel] = createRelations(db, [{ type: 'hosted_by', sourceId: startup, targetId: fablab }]);
		submitRelationUpdate(db, bruno, rel!, { endDate: '2025' }, 1);
		submitRelationUpdate(db, bruno, rel!, { endDate: '2025-06' }, 1);
		const view = listingForEdit(db, bruno, startup).relations[0]!;
		expect(view.proposals).toEqual([
			expect.objectContaining({ kind: 'relation_update', changes: [expect.objectContaining({ field: 'endDate', after: 'juin 2025' })] })
		]);
		const first = removeRelation(db, bruno, rel!, 1);
		expect(removeRelation(db, bruno, rel!, 1)).toEqual(first);
		expect(listingForEdit(db, bruno, startup).relations[0]!.proposals.map((p) => p.kind)).toEqual(['relation_update', 'relation_delete']);
	});
});

describe('« Mes propositions » names each proposal', () => {
	it('says what it changes, its state and the editors’ comment', () => {
		const [rel] = createRelations(db, [{ type: 'hosted_by', sourceId: startup, targetId: fablab }]);
		const edit = submitEntityUpdate(db, bruno, startup, { name: 'Volcabio SAS', website: 'https://volcabio.fr' }, 1) as { pendingId: number };
		declareRelation(db, bruno, { type: 'incubated_by', sourceId: startup, targetId: incub, source: 'https://volcabio.fr' });
		proposeEntity(db, bruno, { kind: 'organisation', category: 'startup', name: 'Levure & Co' });
		submitRelationUpdate(db, bruno, rel!, { endDate: '2025' }, 1);
		removeRelation(db, bruno, rel!, 1);
		rejectPendingChange(db, editor, edit.pendingId, 'Le nom légal ne change pas le nom d’usage.');

		const mine = partnerSpace(db, bruno).myChanges;
		expect(mine.map((c) => c.title).sort()).toEqual(
			[
				'Modification de la fiche Volcabio\u00a0: nom, site web',
				"Nouvelle relation\u00a0: Volcabio incubée par l'Incubateur des Dômes",
				'Nouvelle fiche\u00a0: Levure & Co',
				'Modification de la relation «\u00a0Volcabio hébergée au Fablab Aurillac\u00a0»\u00a0: date de fin',
				'Suppression de la relation «\u00a0Volcabio hébergée au Fablab Aurillac\u00a0»'
			].sort()
		);
		const rejected = mine.find((c) => c.id === edit.pendingId)!;
		expect(rejected).toMatchObject({
			status: 'rejected',
			statusLabel: 'Refusée',
			reviewComment: 'Le nom légal ne change pas le nom d’usage.',
			href: `/espace/fiches/${startup}`
		});
		expect(rejected.reviewedAt).not.toBeNull();
		const waiting = mine.filter((c) => c.status === 'pending');
		expect(new Set(waiting.map((c) => c.statusLabel))).toEqual(new Set(['En attente de validation']));
		expect(waiting.find((c) => c.title.startsWith('Nouvelle relation'))?.href).toBe(`/espace/fiches/${startup}`);
		expect(partnerSpace(db, bruno).listings[0]?.waiting).toBe(3);
		// The editors read the same names in their queue.
		expect(moderationQueue(db, editor).map((q) => q.title)).toContain("Nouvelle relation\u00a0: Volcabio incubée par l'Incubateur des Dômes");
	});

	it('a withdrawn proposal is gone from the list and from the form', () => {
		const r = submitEntityUpdate(db, bruno, startup, { summary: 'Autre' }, 1) as { pendingId: number };
		withdrawPendingChange(db, bruno, r.pendingId);
		expect(partnerSpace(db, bruno).myChanges).toEqual([]);
		expect(listingForEdit(db, bruno, startup).pending).toBeNull();
	});
});

describe('choosing a listing by typing part of its name', () => {
	it('suggests listings whatever the accents and case, says what tells namesakes apart, and leaves out what the form does not take', () => {
		expect(searchListings(db, alice, 'incub domes')).toMatchObject({
			total: 1,
			items: [{ id: incub, name: 'Incubateur des Dômes', detail: 'Incubateur · Clermont-Ferrand' }]
		});
		setArchived(db, editor, fablab, true);
		expect(searchListings(db, editor, 'fablab', { scope: 'live' }).items).toEqual([]);
		expect(searchListings(db, editor, 'fablab', { scope: 'archived' }).items).toEqual([
			{ id: fablab, name: 'Fablab Aurillac', detail: 'Fablab · Aurillac · archivée' }
		]);
		expect(searchListings(db, editor, 'volcabio', { exclude: startup }).items).toEqual([]);
	});

	it('takes a typed text only when it names one listing exactly; otherwise answers with the candidates', () => {
		const [dup] = createEntities(db, [
			{ slug: 'volcabio-sas', kind: 'organisation', category: 'startup', name: 'Volcabio SAS', communeCode: '15014', status: 'draft' }
		]);
		const pick = (query: string) => ({ field: 'entityId', id: null, query });
		expect(resolveListing(db, editor, pick('  VOLCABIO '))).toBe(startup);
		expect(resolveListing(db, editor, { field: 'entityId', id: dup!, query: 'ignoré' })).toBe(dup);
		const ambiguous = (() => {
			try {
				resolveListing(db, editor, pick('volca'));
			} catch (e) {
				return e;
			}
		})() as PickError;
		expect(ambiguous).toBeInstanceOf(PickError);
		expect(ambiguous).toMatchObject({ field: 'entityId', query: 'volca' });
		expect(ambiguous.candidates.map((c) => [c.name, c.detail])).toEqual([
			['Volcabio', 'Startup · Clermont-Ferrand'],
			['Volcabio SAS', 'Startup · Aurillac · brouillon']
		]);
		// French spacing inside « » and before « : » (French-phrasing module).
		expect(ambiguous.issues[0]).toBe('2 fiches correspondent à «\u00a0volca\u00a0»\u00a0: choisissez la bonne.');
		expect(() => resolveListing(db, editor, pick('Couveuse'))).toThrow(/Aucune fiche ne correspond à «\sCouveuse\s»/);
		expect(() => resolveListing(db, editor, pick('  '))).toThrow(/tapez une partie de son nom/);
		// One candidate only: still shown to be confirmed, never granted blind.
		expect(() => resolveListing(db, editor, pick('fab'))).toThrow(PickError);
		// Two namesakes: the exact name is not enough, both are offered.
		createEntities(db, [{ slug: 'fablab-aurillac-2', kind: 'third_place', category: 'fablab', name: 'Fablab Aurillac', communeCode: '63113' }]);
		expect(() => resolveListing(db, editor, pick('Fablab Aurillac'))).toThrow(/2 fiches correspondent/);
	});
});

describe('granting listings from « Fiches gérées »', () => {
	it('grants by typed name to an account id, says when it was already granted, and logs each grant and withdrawal', () => {
		logLines = [];
		const r = grantManager(db, editor, { field: 'entityId', id: null, query: 'fablab aurillac' }, { userId: alice.id });
		expect(r).toEqual({ entityName: 'Fablab Aurillac', partnerName: 'Alice Incubateur', already: false });
		expect(
			partnerSpace(db, alice)
				.listings.map((l) => l.id)
				.sort()
		).toEqual([incub, fablab].sort());
		expect(grantManager(db, editor, fablab, { userId: alice.id }).already).toBe(true);
		revokeManager(db, editor, fablab, alice.id);
		expect(securityEvents('manager.granted')).toEqual([expect.objectContaining({ entity: fablab, user: alice.id, by: editor.id })]);
		expect(securityEvents('manager.revoked')).toEqual([expect.objectContaining({ entity: fablab, user: alice.id, by: editor.id })]);
	});

	it('refuses an ambiguous name (with its candidates), an editor account, an unknown account, and a partner acting', () => {
		createEntities(db, [{ slug: 'fablab-vichy', kind: 'third_place', category: 'fablab', name: 'Fablab Vichy' }]);
		const before = db.select().from(entityManagers).all();
		expect(() => grantManager(db, editor, { field: 'entityId', id: null, query: 'fablab' }, { userId: alice.id })).toThrow(PickError);
		expect(() => grantManager(db, editor, fablab, { userId: editor.id })).toThrow(ValidationError);
		expect(() => grantManager(db, editor, fablab, { userId: 999_999 })).toThrow(NotFoundError);
		expect(() => grantManager(db, alice, fablab, { userId: alice.id })).toThrow(ForbiddenError);
		expect(db.select().from(entityManagers).all()).toEqual(before);
		expect(
			managersOverview(db, editor)
				.managers.map((m) => m.entityId)
				.sort()
		).toEqual([incub, startup].sort());
	});

	it('merges and archives listings chosen by their exact names', () => {
		const [dup] = createEntities(db, [{ slug: 'volcabio-bis', kind: 'organisation', category: 'startup', name: 'Volcabio bis' }]);
		const field = (name: string, query: string) => ({ field: name, id: null, query });
		expect(mergeEntities(db, editor, field('keepId', 'Volcabio'), field('dropId', 'volcabio bis'))).toEqual({
			keptName: 'Volcabio',
			droppedName: 'Volcabio bis'
		});
		expect(db.select().from(entities).where(eq(entities.id, dup!)).get()?.deletedAt).not.toBeNull();
		expect(setArchived(db, editor, field('entityId', 'Fablab Aurillac'), true)).toEqual({ name: 'Fablab Aurillac' });
		// Restoring looks among archived listings only.
		expect(setArchived(db, editor, field('entityId', 'fablab aurillac'), false)).toEqual({ name: 'Fablab Aurillac' });
		expect(() => setArchived(db, editor, field('entityId', 'Volcabio'), false)).toThrow(PickError);
	});
});

describe('the pickers’ suggestions (/espace/fiches/recherche)', () => {
	it('answer signed-in accounts only, never cached, with the scope and exclusion asked', async () => {
		// The route's getDb() opens DATABASE_URL once per module instance: fresh modules, this test's file.
		vi.resetModules();
		process.env.DATABASE_URL = ctx.path;
		const { GET } = await import('../../src/routes/espace/fiches/recherche/+server');
		const call = async (query: string, user: AccountUser | null) => {
			const res = await (GET as (e: unknown) => Promise<Response>)({ locals: { user }, url: new URL(`http://localhost/espace/fiches/recherche?${query}`) });
			return {
				status: res.status,
				cache: res.headers.get('cache-control'),
				body: (await res.json()) as { items?: { id: number; name: string }[]; total?: number; message?: string }
			};
		};
		expect(await call('q=volc', null)).toMatchObject({ status: 401, cache: 'private, no-store', body: { message: 'Connectez-vous pour chercher une fiche.' } });
		expect(await call('q=volc', bruno)).toMatchObject({
			status: 200,
			cache: 'private, no-store',
			body: { total: 1, items: [{ id: startup, name: 'Volcabio' }] }
		});
		expect((await call(`q=volc&exclude=${startup}`, bruno)).body).toEqual({ items: [], total: 0 });
		setArchived(db, editor, fablab, true);
		expect((await call('q=fab&scope=live', editor)).body.total).toBe(0);
		expect((await call('q=fab&scope=archived', editor)).body.items?.map((i) => i.name)).toEqual(['Fablab Aurillac']);
		// Odd parameters fall back to sensible ones; an absurdly long query is refused in French.
		expect((await call('q=fab&scope=tout&limit=9999&exclude=abc', editor)).status).toBe(200);
		expect(await call(`q=${'a'.repeat(201)}`, editor)).toMatchObject({ status: 400, body: { message: 'Recherche trop longue (200 caractères au plus).' } });
	});
});

describe('« publication directe »', () => {
	it('shows no waiting values: the save is the published value', () => {
		setPartnerModerated(db, editor, alice.id, false);
		submitEntityUpdate(db, alice, incub, { name: 'IDD' }, 1);
		expect(listingForEdit(db, alice, incub)).toMatchObject({ moderated: false, pending: null, entity: { name: 'IDD' } });
	});
});
