import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDb, insertSmallTerritories } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { notifications, pendingChanges, relations, revisions } from '../../src/lib/server/db/schema';
import { createEntities, createRelations } from '../../src/lib/server/services/entity-write.service';
import { NotFoundError, ValidationError } from '../../src/lib/server/services/errors';
import { ForbiddenError, inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';
import { grantManager, setPartnerModerated } from '../../src/lib/server/services/managers.service';
import { declareRelation, RELATION_SOURCE_REQUIRED, withdrawPendingChange } from '../../src/lib/server/services/contribution.service';
import { approvePendingChange, moderationQueue, rejectPendingChange } from '../../src/lib/server/services/moderation.service';
import { listingForEdit, partnerSpace } from '../../src/lib/server/services/partner-space.service';
import { commentDispute, contestRelation } from '../../src/lib/server/services/relation-dispute.service';
import { relationsToReview } from '../../src/lib/server/services/relation-review.service';
import { getPortrait } from '../../src/lib/server/services/entity.service';

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let editor: AccountUser;
let alice: AccountUser; // manages the incubator
let bruno: AccountUser; // manages the startup
let carla: AccountUser; // manages the fablab, a stranger to the relation
let incub: number;
let startup: number;
let fablab: number;

function account(email: string, displayName: string, role: AccountUser['role']): AccountUser {
	const { userId } = inviteUser(db, 'cli', { email, displayName, role });
	return { id: userId, email, displayName, role };
}
const relation = (id: number) => db.select().from(relations).where(eq(relations.id, id)).get()!;
/** What the dispute told a user (the « relation to confirm » notice of the declaration itself is another story). */
const notes = (user: AccountUser) =>
	db
		.select()
		.from(notifications)
		.where(eq(notifications.userId, user.id))
		.all()
		.filter((n) => n.kind.startsWith('relation_dispute'));
const disputes = () => db.select().from(pendingChanges).where(eq(pendingChanges.kind, 'relation_dispute')).all();
const SOURCE = 'Le Connecteur, portrait, mai 2024';

beforeEach(() => {
	vi.spyOn(console, 'log').mockImplementation(() => undefined);
	ctx = freshDb();
	db = ctx.db;
	insertSmallTerritories(db);
	[incub, startup, fablab] = createEntities(db, [
		{ slug: 'incubateur-des-domes', kind: 'organisation', category: 'incubator', name: 'Incubateur des Dômes', communeCode: '63113' },
		{ slug: 'volcabio', kind: 'organisation', category: 'startup', name: 'Volcabio', communeCode: '63113' },
		{ slug: 'fablab-aurillac', kind: 'third_place', category: 'fablab', name: 'Fablab Aurillac', communeCode: '15014' }
	]) as [number, number, number];
	editor = account('edith@exemple.fr', 'Édith Éditrice', 'editor');
	alice = account('alice@exemple.fr', 'Alice Incubateur', 'partner');
	bruno = account('bruno@exemple.fr', 'Bruno Volcabio', 'partner');
	carla = account('carla@exemple.fr', 'Carla Fablab', 'partner');
	grantManager(db, editor, incub, alice.email);
	grantManager(db, editor, startup, bruno.email);
	grantManager(db, editor, fablab, carla.email);
	for (const u of [alice, bruno, carla]) setPartnerModerated(db, editor, u.id, false);
});

afterEach(() => {
	vi.restoreAllMocks();
	ctx.close();
});

/** Bruno (Volcabio) declares « Volcabio incubée par l'Incubateur des Dômes », published at once. */
const declared = () => declareRelation(db, bruno, { type: 'incubated_by', sourceId: startup, targetId: incub, startDate: '2024', source: SOURCE }).relationId!;

describe('a relation declared by a partner needs a source', () => {
	it('partners, moderated or not, are refused without one, naming the field; editors are not', () => {
		for (const source of [undefined, null, '', '   ']) {
			const e = (() => {
				try {
					declareRelation(db, bruno, { type: 'incubated_by', sourceId: startup, targetId: incub, source });
				} catch (x) {
					return x;
				}
			})();
			expect(e).toBeInstanceOf(ValidationError);
			expect((e as ValidationError).issues).toEqual([RELATION_SOURCE_REQUIRED]);
		}
		expect(RELATION_SOURCE_REQUIRED).toMatch(/^Source obligatoire/);
		setPartnerModerated(db, editor, bruno.id, true);
		expect(() => declareRelation(db, bruno, { type: 'partner_of', sourceId: startup, targetId: fablab })).toThrow(ValidationError);
		expect(db.select().from(relations).all()).toEqual([]);
		expect(db.select().from(pendingChanges).all()).toEqual([]);

		expect(declareRelation(db, bruno, { type: 'partner_of', sourceId: startup, targetId: fablab, source: 'https://volcabio.fr/partenaires' }).status).toBe(
			'pending'
		);
		const byEditor = declareRelation(db, editor, { type: 'hosted_by', sourceId: startup, targetId: fablab });
		expect(relation(byEditor.relationId!)).toMatchObject({ source: null, declaredByEntityId: null });
	});

	it('the lists page by key (« plus anciennes » / « plus récentes »): the same pages as by number, relations of a deleted listing neither listed nor counted', () => {
		const more = createEntities(
			db,
			Array.from({ length: 16 }, (_, i) => ({ slug: `acteur-${i}`, kind: 'organisation' as const, category: 'startup' as const, name: `Acteur ${i}` }))
		);
		const pairs: { type: 'partner_of'; sourceId: number; targetId: number }[] = [];
		for (const s of more) for (const t of more) if (s < t) pairs.push({ type: 'partner_of', sourceId: s, targetId: t });
		// 120 pairs written in one go (most share their created_at, to the millisecond: the id breaks the ties).
		createRelations(db, pairs);
		db.$client.prepare('update entities set deleted_at = ? where id = ?').run(new Date().toISOString(), more[0]);
		const live = pairs.filter((p) => p.sourceId !== more[0] && p.targetId !== more[0]).length;
		const first = relationsToReview(db, editor, 'sans-source');
		expect(first.filters.find((f) => f.code === 'sans-source')!.count).toBe(live);
		expect(first.pages).toBe(2);
		const byNumber = relationsToReview(db, editor, 'sans-source', '2');
		const older = relationsToReview(db, editor, 'sans-source', '2', { after: first.olderKey });
		expect(older.relations.map((r) => r.id)).toEqual(byNumber.relations.map((r) => r.id));
		expect(older.relations.length).toBe(live - 100);
		const newer = relationsToReview(db, editor, 'sans-source', '1', { before: older.newerKey });
		expect(newer.relations.map((r) => r.id)).toEqual(first.relations.map((r) => r.id));
		const all = [...first.relations, ...older.relations];
		expect(new Set(all.map((r) => r.id)).size).toBe(live);
		expect(all.some((r) => r.source.slug === 'acteur-0' || r.target.slug === 'acteur-0')).toBe(false);
		// A forged key is ignored (the page by number), never an error.
		expect(relationsToReview(db, editor, 'sans-source', '2', { after: 'x~y' }).relations.map((r) => r.id)).toEqual(byNumber.relations.map((r) => r.id));
	});

	it('relations without a source are listed for editors, with the counts of each list', () => {
		const [a, b] = createRelations(db, [
			{ type: 'hosted_by', sourceId: startup, targetId: fablab },
			{ type: 'partner_of', sourceId: incub, targetId: fablab, source: 'https://exemple.fr', confirmation: 'confirmed' }
		]) as [number, number];
		const c = declared();
		const list = relationsToReview(db, editor, 'sans-source');
		expect(list.relations.map((r) => r.id)).toEqual([a]);
		expect(list.filters.map((f) => [f.code, f.count])).toEqual([
			['sans-source', 1],
			['non-confirmees', 2],
			['contestees', 0]
		]);
		// The latest entered first.
		expect(relationsToReview(db, editor, 'non-confirmees').relations.map((r) => r.id)).toEqual([c, a]);
		expect(relationsToReview(db, editor, 'non-confirmees', '7')).toMatchObject({ page: 1, pages: 1, range: null });
		expect(relationsToReview(db, editor, 'non-confirmees').relations[0]?.state).toBe(
			"déclarée par Volcabio, en attente de confirmation par l'Incubateur des Dômes"
		);
		expect(relationsToReview(db, editor, '../../etc').filter).toBe('sans-source');
		expect(() => relationsToReview(db, alice, 'sans-source')).toThrow(ForbiddenError);
		void b;
	});
});

describe('contesting a relation', () => {
	it('only the other side contests, with a comment; the relation reads « contestée » and the declaring side is told', () => {
		const id = declared();
		expect(listingForEdit(db, alice, incub).relations[0]).toMatchObject({ canContest: true });
		expect(listingForEdit(db, bruno, startup).relations[0]).toMatchObject({ canContest: false });
		// The declaring side, a stranger and an editor cannot.
		expect(() => contestRelation(db, bruno, id, 'Je me conteste')).toThrow(ForbiddenError);
		expect(() => contestRelation(db, carla, id, 'Pas vrai')).toThrow(ForbiddenError);
		expect(() => contestRelation(db, editor, id, 'Non')).toThrow(ForbiddenError);
		expect(() => contestRelation(db, alice, id, '   ')).toThrow(ValidationError);
		expect(() => contestRelation(db, alice, 999_999, 'Non')).toThrow(NotFoundError);
		expect(relation(id)).toMatchObject({ confirmation: 'declared', version: 1 });
		expect(disputes()).toEqual([]);

		contestRelation(db, alice, id, 'Volcabio n’a jamais été incubée chez nous, seulement reçue une fois.', new Date('2026-12-01T09:00:00Z'));
		expect(relation(id)).toMatchObject({ confirmation: 'disputed', version: 2 });
		const rev = db
			.select()
			.from(revisions)
			.where(and(eq(revisions.subjectKind, 'relation'), eq(revisions.subjectId, id)))
			.all()
			.at(-1)!;
		expect(rev).toMatchObject({ authorUserId: alice.id, authorLabel: 'Alice Incubateur' });
		expect(rev.reason).toMatch(/^Contestée : Volcabio n’a jamais/);
		const [d] = disputes();
		expect(d).toMatchObject({ relationId: id, entityId: incub, status: 'pending', authorUserId: alice.id });
		expect(d!.payload).toEqual({
			comments: [
				{
					side: incub,
					author: 'Alice Incubateur',
					text: 'Volcabio n’a jamais été incubée chez nous, seulement reçue une fois.',
					at: '2026-12-01T09:00:00.000Z'
				}
			],
			sourceId: startup,
			targetId: incub,
			previousConfirmation: 'declared'
		});
		expect(notes(bruno)).toEqual([
			expect.objectContaining({ kind: 'relation_disputed', link: `/espace/fiches/${startup}#relations`, body: expect.stringMatching(/^Volcabio n’a jamais/) })
		]);
		expect(notes(bruno)[0]!.title).toBe(
			'La relation «\u00a0Volcabio incubée par l’Incubateur des Dômes\u00a0» est contestée par l’Incubateur des Dômes'.replace(/’/g, "'")
		);
		expect(notes(alice)).toEqual([]);
		expect(notes(carla)).toEqual([]);
		// Public pages and the partner's card say « contestée ».
		expect(listingForEdit(db, bruno, startup).relations[0]).toMatchObject({ state: 'contestée', canContest: false });
		expect(
			getPortrait(db, 'volcabio')
				.relationGroups.flatMap((g) => g.relations)
				.map((r) => r.confirmation)
		).toEqual(['disputed']);
		// Contesting twice is refused: one dispute, comments added to it.
		expect(() => contestRelation(db, alice, id, 'Encore')).toThrow(/déjà contestée/);
	});

	it('withdrawn by its author from « Mes propositions », the relation reads what it read before and the other side is told', () => {
		const id = declared();
		const { pendingId } = contestRelation(db, alice, id, 'Je vérifie auprès de notre équipe.');
		expect(relation(id)).toMatchObject({ confirmation: 'disputed' });
		// Only its author can withdraw it.
		expect(() => withdrawPendingChange(db, bruno, pendingId)).toThrow(NotFoundError);
		withdrawPendingChange(db, alice, pendingId);
		expect(relation(id)).toMatchObject({ confirmation: 'declared', version: 3 });
		expect(disputes()).toEqual([]);
		expect(notes(bruno).map((n) => n.kind)).toEqual(['relation_disputed', 'relation_dispute_withdrawn']);
		expect(() => withdrawPendingChange(db, alice, pendingId)).toThrow(NotFoundError);
	});

	it('either side contests a relation the editors entered', () => {
		const [id] = createRelations(db, [{ type: 'incubated_by', sourceId: startup, targetId: incub, source: 'Import 2023', confirmation: 'confirmed' }]) as [
			number
		];
		expect(listingForEdit(db, bruno, startup).relations[0]?.canContest).toBe(true);
		expect(listingForEdit(db, alice, incub).relations[0]?.canContest).toBe(true);
		contestRelation(db, bruno, id, 'Nous étions à la Couveuse, pas ici.');
		expect(relation(id).confirmation).toBe('disputed');
		expect(notes(alice).map((n) => n.kind)).toEqual(['relation_disputed']);
	});

	it('the declaring side answers in the same dispute; editors read both comments; strangers cannot comment', () => {
		const id = declared();
		contestRelation(db, alice, id, 'Jamais incubée chez nous.');
		expect(() => commentDispute(db, carla, id, 'Moi aussi')).toThrow(ForbiddenError);
		expect(() => commentDispute(db, editor, id, 'Je tranche')).toThrow(ForbiddenError);
		expect(() => commentDispute(db, bruno, id, '')).toThrow(ValidationError);
		commentDispute(db, bruno, id, 'Nous avons suivi le programme d’incubation en 2024 : voir le portrait.');
		expect(disputes()).toHaveLength(1);
		expect((disputes()[0]!.payload as { comments: { side: number; author: string }[] }).comments.map((c) => [c.side, c.author])).toEqual([
			[incub, 'Alice Incubateur'],
			[startup, 'Bruno Volcabio']
		]);
		expect(notes(alice)).toEqual([expect.objectContaining({ kind: 'relation_dispute_comment', link: `/espace/fiches/${incub}#relations` })]);
		expect(listingForEdit(db, bruno, startup).relations[0]?.dispute?.comments.map((c) => c.sideName)).toEqual(['Incubateur des Dômes', 'Volcabio']);

		const [item] = moderationQueue(db, editor);
		expect(item).toMatchObject({ kind: 'relation_dispute', kindLabel: 'Relation contestée' });
		expect(item!.title).toBe('Relation contestée : « Volcabio incubée par l’Incubateur des Dômes »'.replace(/’/g, "'"));
		expect(partnerSpace(db, alice).myChanges[0]?.title).toBe(item!.title);
		expect(item!.dispute?.map((c) => [c.sideName, c.text])).toEqual([
			['Incubateur des Dômes', 'Jamais incubée chez nous.'],
			['Volcabio', 'Nous avons suivi le programme d’incubation en 2024 : voir le portrait.']
		]);
	});

	it('« maintenir »: the relation reads what it read before, both sides are told the editor’s comment', () => {
		const [id] = createRelations(db, [{ type: 'incubated_by', sourceId: startup, targetId: incub, source: SOURCE, confirmation: 'confirmed' }]) as [number];
		const { pendingId } = contestRelation(db, alice, id, 'Jamais incubée chez nous.');
		expect(() => rejectPendingChange(db, editor, pendingId, '  ')).toThrow(ValidationError);
		expect(() => rejectPendingChange(db, alice, pendingId, 'Je garde')).toThrow(ForbiddenError);
		rejectPendingChange(db, editor, pendingId, 'Le portrait de mai 2024 le dit : relation maintenue.');
		expect(relation(id)).toMatchObject({ confirmation: 'confirmed', deletedAt: null });
		expect(disputes()[0]).toMatchObject({
			status: 'rejected',
			reviewerUserId: editor.id,
			reviewComment: 'Le portrait de mai 2024 le dit : relation maintenue.'
		});
		for (const u of [alice, bruno]) {
			expect(notes(u).filter((n) => n.kind === 'relation_dispute_resolved')).toEqual([
				expect.objectContaining({
					body: 'Le portrait de mai 2024 le dit : relation maintenue.',
					title: expect.stringMatching(/est maintenue par l’équipe du Connecteur$/)
				})
			]);
		}
		expect(notes(editor)).toEqual([]);
		expect(moderationQueue(db, editor)).toEqual([]);
	});

	it('« retirer la relation »: deleted through the write path, both sides told; a declared relation comes back declared when kept', () => {
		const id = declared();
		const { pendingId } = contestRelation(db, alice, id, 'Jamais incubée chez nous.');
		expect(() => approvePendingChange(db, editor, pendingId, '')).toThrow(ValidationError);
		expect(relation(id).deletedAt).toBeNull();
		approvePendingChange(db, editor, pendingId, 'Aucune trace de cette incubation.');
		expect(relation(id).deletedAt).not.toBeNull();
		const rev = db
			.select()
			.from(revisions)
			.where(and(eq(revisions.subjectKind, 'relation'), eq(revisions.subjectId, id)))
			.all()
			.at(-1)!;
		expect(rev).toMatchObject({ operation: 'delete', authorUserId: editor.id });
		expect(rev.reason).toBe('Contestation acceptée : Aucune trace de cette incubation.');
		for (const u of [alice, bruno]) expect(notes(u).some((n) => n.kind === 'relation_dispute_resolved' && /retirée/.test(n.title))).toBe(true);

		const again = declared();
		const second = contestRelation(db, alice, again, 'Toujours pas.');
		rejectPendingChange(db, editor, second.pendingId, 'Maintenue après vérification.');
		expect(relation(again).confirmation).toBe('declared');
	});
});
