import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { sessions, users } from '../../src/lib/server/db/schema';
import { createSession, validateSession } from '../../src/lib/server/services/auth.service';
import { NotFoundError, ValidationError } from '../../src/lib/server/services/errors';
import {
	acceptInvitation,
	changeRole,
	describeAccountToken,
	disableUser,
	ForbiddenError,
	invitableRoles,
	inviteUser,
	issueAccountLink,
	listUsers,
	type AccountUser
} from '../../src/lib/server/services/users.service';

const PASSWORD = 'volcans et levures 2026';
const HOUR = 3600 * 1000;

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let logLines: string[];

beforeEach(() => {
	ctx = freshDb();
	db = ctx.db;
	logLines = [];
	vi.spyOn(console, 'log').mockImplementation((line: unknown) => void logLines.push(String(line)));
});

afterEach(() => {
	vi.restoreAllMocks();
	ctx.close();
});

const tokenOf = (path: string) => path.replace('/invitation/', '');

async function activeUser(email: string, role: AccountUser['role']): Promise<AccountUser> {
	const { path } = inviteUser(db, 'cli', { email, displayName: email.split('@')[0]!, role });
	return acceptInvitation(db, tokenOf(path), PASSWORD);
}

const roleOf = (id: number) => db.select().from(users).where(eq(users.id, id)).get()?.role;
const sessionCount = (id: number) => db.select().from(sessions).where(eq(sessions.userId, id)).all().length;

describe('changeRole', () => {
	it('lets an admin change a role, ends that person’s sessions and logs who did it', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const anne = await activeUser('anne@exemple.fr', 'partner');
		const { token } = createSession(db, anne.id);
		createSession(db, admin.id);

		changeRole(db, admin, anne.id, 'editor');

		expect(roleOf(anne.id)).toBe('editor');
		expect(sessionCount(anne.id)).toBe(0);
		expect(validateSession(db, token)).toBeNull();
		expect(sessionCount(admin.id)).toBe(1);
		const line = logLines.map((l) => JSON.parse(l)).find((l) => l.event === 'user.role_changed');
		expect(line).toMatchObject({ type: 'security', userId: anne.id, from: 'partner', to: 'editor', by: admin.id });
	});

	it('leaves sessions alone and logs nothing when the role does not change', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const anne = await activeUser('anne@exemple.fr', 'partner');
		createSession(db, anne.id);
		changeRole(db, admin, anne.id, 'partner');
		expect(sessionCount(anne.id)).toBe(1);
		expect(logLines.some((l) => l.includes('user.role_changed'))).toBe(false);
	});

	it('refuses editors, partners, one’s own role, unknown accounts and unknown roles', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const editor = await activeUser('edith@exemple.fr', 'editor');
		const partner = await activeUser('paul@exemple.fr', 'partner');

		expect(() => changeRole(db, editor, partner.id, 'editor')).toThrow(ForbiddenError);
		expect(() => changeRole(db, editor, editor.id, 'admin')).toThrow(ForbiddenError);
		expect(() => changeRole(db, partner, partner.id, 'admin')).toThrow(ForbiddenError);
		expect(() => changeRole(db, admin, admin.id, 'partner')).toThrow(/propre rôle/);
		expect(() => changeRole(db, admin, 9999, 'editor')).toThrow(NotFoundError);
		expect(() => changeRole(db, admin, partner.id, 'root' as never)).toThrow(ValidationError);
		expect([roleOf(admin.id), roleOf(editor.id), roleOf(partner.id)]).toEqual(['admin', 'editor', 'partner']);
	});
});

describe('listUsers', () => {
	it('shows each status, the last activity of an open session and a pending invitation’s expiry', async () => {
		const now = new Date();
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const gone = await activeUser('gone@exemple.fr', 'partner');
		inviteUser(db, admin, { email: 'new@exemple.fr', displayName: 'Nouvelle', role: 'partner' }, now);
		disableUser(db, admin, gone.id);
		createSession(db, admin.id, now);

		const list = listUsers(db, admin, now);
		const byEmail = Object.fromEntries(list.map((u) => [u.email, u]));
		expect(byEmail['admin@exemple.fr']).toMatchObject({ status: 'active', lastSeenAt: now.toISOString(), inviteExpiresAt: null });
		expect(byEmail['gone@exemple.fr']).toMatchObject({ status: 'disabled', lastSeenAt: null });
		expect(byEmail['new@exemple.fr']?.status).toBe('pending');
		expect(Date.parse(byEmail['new@exemple.fr']!.inviteExpiresAt!) - now.getTime()).toBe(7 * 24 * HOUR);
		// The public shape only: no hash reaches the page.
		expect(JSON.stringify(list)).not.toMatch(/scrypt|passwordHash/);
	});

	it('is for admins and editors only', async () => {
		const editor = await activeUser('edith@exemple.fr', 'editor');
		const partner = await activeUser('paul@exemple.fr', 'partner');
		expect(listUsers(db, editor)).toHaveLength(2);
		expect(() => listUsers(db, partner)).toThrow(ForbiddenError);
	});
});

describe('issueAccountLink and invitableRoles', () => {
	it('re-invites a pending account (7 days) and gives an active one a reset link (1 hour)', async () => {
		const now = new Date('2026-03-01T10:00:00Z');
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const first = inviteUser(db, admin, { email: 'new@exemple.fr', displayName: 'Nouvelle', role: 'partner' }, now);

		const again = issueAccountLink(db, admin, first.userId, now);
		expect(again).toMatchObject({ purpose: 'invite', displayName: 'Nouvelle', expiresAt: new Date('2026-03-08T10:00:00Z') });
		expect(describeAccountToken(db, tokenOf(first.path), now)).toBeNull();
		expect(describeAccountToken(db, tokenOf(again.path), now)).toMatchObject({ purpose: 'invite' });

		const anne = await activeUser('anne@exemple.fr', 'editor');
		const reset = issueAccountLink(db, admin, anne.id, now);
		expect(reset).toMatchObject({ purpose: 'reset', expiresAt: new Date(now.getTime() + HOUR) });
		expect(describeAccountToken(db, tokenOf(reset.path), now)).toMatchObject({ purpose: 'reset', email: 'anne@exemple.fr' });
	});

	it('refuses partners, an editor for an admin, and disabled or unknown accounts', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const editor = await activeUser('edith@exemple.fr', 'editor');
		const partner = await activeUser('paul@exemple.fr', 'partner');
		expect(() => issueAccountLink(db, partner, editor.id)).toThrow(ForbiddenError);
		expect(() => issueAccountLink(db, editor, admin.id)).toThrow(ForbiddenError);
		expect(issueAccountLink(db, editor, partner.id).purpose).toBe('reset');
		disableUser(db, admin, partner.id);
		expect(() => issueAccountLink(db, admin, partner.id)).toThrow(NotFoundError);
		expect(() => issueAccountLink(db, admin, 9999)).toThrow(NotFoundError);
	});

	it('offers editors only the editor and partner roles', async () => {
		const admin = await activeUser('admin@exemple.fr', 'admin');
		const editor = await activeUser('edith@exemple.fr', 'editor');
		const partner = await activeUser('paul@exemple.fr', 'partner');
		expect(invitableRoles(admin)).toEqual(['admin', 'editor', 'partner']);
		expect(invitableRoles(editor)).toEqual(['editor', 'partner']);
		expect(invitableRoles(partner)).toEqual([]);
	});
});
