import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, insertSmallTerritories } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { createEntity, deleteEntity, updateEntity } from '../../src/lib/server/services/entity-write.service';
import { ConflictError, ValidationError } from '../../src/lib/server/services/errors';
import { entityHistory } from '../../src/lib/server/services/history.service';
import { restoreDeletedEntity, restoreEntityRevision } from '../../src/lib/server/services/revision-restore.service';
import { ForbiddenError, inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let editor: AccountUser;
let partner: AccountUser;
let id: number;
beforeAll(() => {
	ctx = freshDb();
	db = ctx.db;
	insertSmallTerritories(db);
	const account = (email: string, role: 'editor' | 'partner', displayName: string): AccountUser => ({
		id: inviteUser(db, 'cli', { email, role, displayName }).userId,
		email,
		role,
		displayName
	});
	editor = account('edith@exemple.fr', 'editor', 'Édith Éditrice');
	partner = account('paul@exemple.fr', 'partner', 'Paul Partenaire');
	id = createEntity(db, {
		kind: 'organisation',
		category: 'incubator',
		name: 'Incubateur des Volcans',
		slug: 'incubateur-des-volcans',
		summary: 'Premier résumé.',
		communeCode: '63113'
	});
	updateEntity(db, id, { summary: 'Résumé vandalisé !!!' }, { actor: { userId: null, label: 'Inconnu' }, reason: 'test', expectedVersion: 1 });
});
afterAll(() => ctx.close());

const firstRevision = () => entityHistory(db, id).entries.at(-1)!.revisionId;
const summary = () => entityHistory(db, id, { includePrivate: true }).entries[0]!;

describe('« Restaurer cette version »', () => {
	it('is refused to visitors and partners, and changes nothing', () => {
		for (const who of [null, partner]) {
			expect(() => restoreEntityRevision(db, who, id, { revisionId: firstRevision(), expectedVersion: 2, reason: 'retour' })).toThrow(ForbiddenError);
		}
		expect(entityHistory(db, id).entity.version).toBe(2);
	});

	it('asks for a reason, and refuses a stale start version with the conflict message', () => {
		expect(() => restoreEntityRevision(db, editor, id, { revisionId: firstRevision(), expectedVersion: 2, reason: '' })).toThrow(ValidationError);
		expect(() => restoreEntityRevision(db, editor, id, { revisionId: firstRevision(), expectedVersion: 1, reason: 'annuler le vandalisme' })).toThrow(
			ConflictError
		);
		expect(entityHistory(db, id).entity.version).toBe(2);
	});

	it('puts the old content back as a new revision signed by the editor', () => {
		restoreEntityRevision(db, editor, id, { revisionId: String(firstRevision()), expectedVersion: '2', reason: 'annuler le vandalisme' });
		const h = entityHistory(db, id);
		expect(h.entity.version).toBe(3);
		expect(h.entries).toHaveLength(3);
		const last = summary();
		expect(last).toMatchObject({ operation: 'rollback', authorLabel: 'Édith Éditrice', reason: expect.stringContaining('annuler le vandalisme') });
		expect(last.changes.find((c) => c.field === 'summary')).toMatchObject({ after: 'Premier résumé.' });
	});

	it('brings a deleted actor back for editors only, as a new revision', () => {
		deleteEntity(db, id, { actor: { userId: null, label: 'Inconnu' }, reason: 'suppression par erreur', expectedVersion: 3 });
		expect(() => entityHistory(db, id)).toThrow(/Aucun|introuvable|supprim/i);
		expect(() => restoreDeletedEntity(db, partner, id, { expectedVersion: 4, reason: 'retour' })).toThrow(ForbiddenError);
		restoreDeletedEntity(db, editor, id, { expectedVersion: '4', reason: 'suppression faite par erreur' });
		const h = entityHistory(db, id);
		expect(h.entity).toMatchObject({ version: 5, deleted: false });
		expect(h.entries[0]).toMatchObject({ operation: 'restore', authorLabel: 'Édith Éditrice' });
	});
});
