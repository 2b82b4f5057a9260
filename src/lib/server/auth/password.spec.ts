import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, OWASP_SCRYPT, verifyPassword } from './password';

describe('password hashing', () => {
	it('round-trips at the OWASP parameters and encodes them', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
		const [, , , , salt = '', key = ''] = hash.split('$');
		expect(Buffer.from(key, 'base64')).toHaveLength(64);
		expect(Buffer.from(salt, 'base64')).toHaveLength(16);
		expect(await verifyPassword('correct horse battery', hash)).toBe(true);
		expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
		expect(needsRehash(hash)).toBe(false);
	});

	it('salts every hash', async () => {
		const params = { logN: 10, r: 8, p: 1 };
		expect(await hashPassword('même mot', params)).not.toBe(await hashPassword('même mot', params));
	});

	it('still verifies hashes made with older parameters and flags them for re-hashing', async () => {
		const weak = await hashPassword('ancien mot de passe', { logN: 10, r: 8, p: 1 });
		expect(await verifyPassword('ancien mot de passe', weak)).toBe(true);
		expect(needsRehash(weak, OWASP_SCRYPT)).toBe(true);
	});

	it('rejects malformed or hostile encodings without throwing', async () => {
		expect(await verifyPassword('x', '')).toBe(false);
		expect(await verifyPassword('x', 'bcrypt$2b$10$abc')).toBe(false);
		expect(await verifyPassword('x', 'scrypt$30$8$1$AAAA$AAAA')).toBe(false);
	});
});
