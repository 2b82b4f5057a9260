import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, insertSmallTerritories } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { createEntities } from '../../src/lib/server/services/entity-write.service';
import { grantManager } from '../../src/lib/server/services/managers.service';
import { inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';
import * as policy from '../../src/lib/server/auth/policy';

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let admin: AccountUser;
let editor: AccountUser;
let partner: AccountUser;
let stranger: AccountUser;
let managed: number;
let other: number;

function account(email: string, role: AccountUser['role']): AccountUser {
	const { userId } = inviteUser(db, 'cli', { email, displayName: email, role });
	return { id: userId, email, displayName: email, role };
}

beforeEach(() => {
	ctx = freshDb();
	db = ctx.db;
	insertSmallTerritories(db);
	[managed, other] = createEntities(db, [
		{ slug: 'volcabio', kind: 'organisation', category: 'startup', name: 'Volcabio', communeCode: '63113' },
		{ slug: 'fablab-aurillac', kind: 'third_place', category: 'fablab', name: 'Fablab Aurillac', communeCode: '15014' }
	]) as [number, number];
	admin = account('ada@exemple.fr', 'admin');
	editor = account('edith@exemple.fr', 'editor');
	partner = account('paul@exemple.fr', 'partner');
	stranger = account('sam@exemple.fr', 'partner');
	grantManager(db, editor, managed, partner.email);
});

afterEach(() => ctx.close());

describe('policy: may this person do X to Y', () => {
	it('lets the team edit every listing and a partner only the one they manage', () => {
		expect(policy.mayEditEntity(db, editor, other)).toBe(true);
		expect(policy.mayEditEntity(db, admin, managed)).toBe(true);
		expect(policy.mayEditEntity(db, partner, managed)).toBe(true);
		expect(policy.mayEditEntity(db, partner, other)).toBe(false);
		expect(policy.mayEditEntity(db, stranger, managed)).toBe(false);
	});

	it('lets whoever may edit either end of a relation edit it, and nobody else', () => {
		const third = createEntities(db, [{ slug: 'cafe-couzes', kind: 'third_place', category: 'coworking', name: 'Café des Couzes', communeCode: '63113' }])[0]!;
		expect(policy.mayEditRelation(db, partner, { sourceId: managed, targetId: other })).toBe(true);
		expect(policy.mayEditRelation(db, partner, { sourceId: other, targetId: managed })).toBe(true);
		expect(policy.mayEditRelation(db, partner, { sourceId: other, targetId: third })).toBe(false);
		expect(policy.mayEditRelation(db, stranger, { sourceId: managed, targetId: other })).toBe(false);
		expect(policy.mayEditRelation(db, editor, { sourceId: other, targetId: third })).toBe(true);
	});

	it('keeps moderation, imports, the dashboard and restores to the team', () => {
		for (const may of [policy.mayModerate, policy.mayImport, policy.maySeeDashboard, policy.mayRestoreRevisions, policy.mayEditSearchWords]) {
			expect([admin, editor, partner, null].map((u) => may(u))).toEqual([true, true, false, false]);
		}
	});

	it('lets only an admin (or the command line) make an admin, disable an account or change a role', () => {
		expect(policy.mayInvite(editor, 'partner')).toBe(true);
		expect(policy.mayInvite(editor, 'admin')).toBe(false);
		expect(policy.mayInvite(admin, 'admin')).toBe(true);
		expect(policy.mayInvite(partner, 'partner')).toBe(false);
		expect([admin, editor, partner, 'cli' as const].map(policy.mayChangeAccounts)).toEqual([true, false, false, true]);
		expect([admin, editor, partner, 'cli' as const].map(policy.mayManageUsers)).toEqual([true, true, false, true]);
	});

	it('orders roles partner < editor < admin: nobody gets a reset link for an equal or higher role', () => {
		const colleague = account('eric@exemple.fr', 'editor');
		const otherAdmin = account('alix@exemple.fr', 'admin');
		const may = (actor: AccountUser | 'cli', target: AccountUser) => policy.mayIssueResetLink(actor, target);
		expect([partner, editor, colleague, admin, otherAdmin].map((t) => may(editor, t))).toEqual([true, false, false, false, false]);
		expect([partner, editor, colleague, admin, otherAdmin].map((t) => may(admin, t))).toEqual([true, true, true, false, false]);
		expect([stranger, editor, admin].map((t) => may(partner, t))).toEqual([false, false, false]);
		// The command line is whoever holds the server (and « mot de passe oublié » uses its right for the person).
		expect([partner, editor, admin].map((t) => may('cli', t))).toEqual([true, true, true]);
	});

	it('shows a reset link on screen to an admin for a partner only; everyone else has it e-mailed', () => {
		expect([partner, editor, admin].map((t) => policy.mayBeShownResetLink(admin, t))).toEqual([true, false, false]);
		expect([partner, editor, admin].map((t) => policy.mayBeShownResetLink(editor, t))).toEqual([false, false, false]);
		expect(policy.mayBeShownResetLink(partner, stranger)).toBe(false);
		expect(policy.mayBeShownResetLink('cli', editor)).toBe(true);
	});

	it('lets partners and the team propose listings, and gives listings to manage only to partners', () => {
		expect([admin, editor, partner].map(policy.mayPropose)).toEqual([true, true, true]);
		expect([admin, editor, partner].map(policy.mayBeGivenListings)).toEqual([false, false, true]);
	});

	it('tells the header what to offer', () => {
		expect(policy.headerPermissions(editor)).toEqual({ moderate: true, dashboard: true, import: true, searchWords: true, manageUsers: true });
		expect(policy.headerPermissions(partner)).toEqual({ moderate: false, dashboard: false, import: false, searchWords: false, manageUsers: false });
		expect(policy.headerPermissions(null)).toEqual({ moderate: false, dashboard: false, import: false, searchWords: false, manageUsers: false });
	});
});
