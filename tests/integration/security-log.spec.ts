import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { securityLog } from '../../src/lib/server/auth/security-log';
import { createSession, login, logout } from '../../src/lib/server/services/auth.service';
import { acceptInvitation, changePassword, changeRole, disableUser, inviteUser, requestPasswordReset } from '../../src/lib/server/services/users.service';
import { createEntity } from '../../src/lib/server/services/entity-write.service';
import { erasePerson } from '../../src/lib/server/services/gdpr.service';
import { grantManager } from '../../src/lib/server/services/managers.service';
import { submitEntityUpdate } from '../../src/lib/server/services/contribution.service';
import { approvePendingChange, moderationQueue, rejectPendingChange } from '../../src/lib/server/services/moderation.service';

const PASSWORD = 'un mot de passe assez long';
const NEW_PASSWORD = 'un autre mot de passe très long';
const PERSON = { name: 'Honorine Sécuritaire', email: 'honorine@exemple-log.fr', phone: '06 12 34 56 78' };

let ctx: ReturnType<typeof freshDb>;
let lines: string[];

beforeEach(() => {
	ctx = freshDb();
	lines = [];
	vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
});
afterEach(() => {
	vi.restoreAllMocks();
	ctx.close();
});

const events = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.type === 'security');

describe('journal de sécurité', () => {
	it('writes one structured line per event, for the whole life of an account and an erasure, without any secret', async () => {
		const { db } = ctx;
		const invite = inviteUser(db, 'cli', { email: 'anne@exemple.fr', displayName: 'Anne', role: 'editor' });
		const inviteToken = invite.path.split('/').pop()!;
		const user = await acceptInvitation(db, inviteToken, PASSWORD);
		const ok = await login(db, { email: 'anne@exemple.fr', password: PASSWORD, ip: '192.0.2.1' });
		expect(ok.ok).toBe(true);
		const sessionToken = ok.ok ? ok.token : '';
		await login(db, { email: 'anne@exemple.fr', password: 'pas le bon mot de passe', ip: '192.0.2.1' });
		for (let i = 0; i < 30 && !events().some((e) => e.event === 'login.rate_limited'); i++) {
			await login(db, { email: 'anne@exemple.fr', password: `essai ${i} du mauvais mot de passe`, ip: '192.0.2.1' });
		}
		await changePassword(db, user.id, PASSWORD, NEW_PASSWORD);
		const reset = requestPasswordReset(db, 'cli', 'anne@exemple.fr');
		const resetToken = reset.path.split('/').pop()!;
		const other = createSession(db, user.id);
		logout(db, other.token, user.id);
		changeRole(db, 'cli', user.id, 'partner');
		disableUser(db, 'cli', user.id);

		insertSmallTerritories(db);
		createEntity(db, {
			slug: 'honorine-securitaire',
			kind: 'person',
			category: 'entrepreneur',
			name: PERSON.name,
			email: PERSON.email,
			phone: PERSON.phone,
			communeCode: '63113'
		});
		erasePerson(db, 'honorine-securitaire');

		const seen = events();
		for (const e of seen) {
			expect(typeof e.at).toBe('string');
			expect(typeof e.event).toBe('string');
		}
		expect(new Set(seen.map((e) => e.event))).toEqual(
			new Set([
				'invitation.created',
				'invitation.accepted',
				'login.success',
				'login.failure',
				'login.rate_limited',
				'password.changed',
				'password.reset_requested',
				'logout',
				'user.role_changed',
				'user.disabled',
				'person.erased'
			])
		);
		expect(seen.find((e) => e.event === 'login.failure')).toMatchObject({ email: 'anne@exemple.fr', ip: '192.0.2.1', reason: 'password' });
		expect(seen.find((e) => e.event === 'user.role_changed')).toMatchObject({ userId: user.id, from: 'editor', to: 'partner', by: 'cli' });
		expect(seen.find((e) => e.event === 'person.erased')).toMatchObject({ by: 'cli', relations: 0 });

		const all = lines.join('\n');
		for (const secret of [
			PASSWORD,
			NEW_PASSWORD,
			'mauvais mot de passe',
			inviteToken,
			resetToken,
			sessionToken,
			other.token,
			'scrypt',
			PERSON.name,
			PERSON.email,
			PERSON.phone,
			'honorine'
		]) {
			expect(all, secret).not.toContain(secret);
		}
	});

	it('logs the moderation decisions: managers granted, a change approved, another rejected', () => {
		const { db } = ctx;
		insertSmallTerritories(db);
		const account = (email: string, role: 'editor' | 'partner') => ({
			id: inviteUser(db, 'cli', { email, role, displayName: email }).userId,
			email,
			role,
			displayName: email
		});
		const editor = account('edith@exemple.fr', 'editor');
		const partner = account('paul@exemple.fr', 'partner');
		const id = createEntity(db, {
			kind: 'organisation',
			category: 'incubator',
			name: 'Incubateur du Journal',
			slug: 'incubateur-du-journal',
			communeCode: '63113'
		});
		// Two listings: a partner's second save on one listing replaces their waiting proposal for it.
		const other = createEntity(db, { kind: 'organisation', category: 'startup', name: 'Startup du Journal', slug: 'startup-du-journal', communeCode: '63113' });
		grantManager(db, editor, id, partner.email);
		grantManager(db, editor, other, partner.email);
		submitEntityUpdate(db, partner, id, { summary: 'Un résumé plus juste.' }, 1);
		submitEntityUpdate(db, partner, other, { website: 'https://exemple.fr' }, 1);
		const [first, second] = moderationQueue(db, editor);
		approvePendingChange(db, editor, first!.id, 'ok');
		rejectPendingChange(db, editor, second!.id, 'site inconnu');
		const seen = events().map((e) => [e.event, e.by]);
		expect(seen).toEqual(
			expect.arrayContaining([
				['manager.granted', editor.id],
				['change.approved', editor.id],
				['change.rejected', editor.id]
			])
		);
	});

	it('drops fields whose name says secret, whatever a caller passes by mistake', () => {
		securityLog('login.failure', { email: 'a@exemple.fr', password: 'x1', token: 'x2', passwordHash: 'x3', sessionCookie: 'x4', clientSecret: 'x5' });
		const [line] = events();
		expect(Object.keys(line!).sort()).toEqual(['at', 'email', 'event', 'type']);
		expect(lines.join('')).not.toMatch(/x[1-5]/);
	});
});
