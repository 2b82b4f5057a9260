import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with Node's scrypt at the OWASP Password Storage Cheat Sheet parameters
 * (N=2^17, r=8, p=1). The stored string carries its parameters and salt, so they can be raised later
 * without invalidating existing hashes: `scrypt$<logN>$<r>$<p>$<salt b64>$<key b64>`.
 */
export interface ScryptParams {
	logN: number;
	r: number;
	p: number;
}

export const OWASP_SCRYPT: ScryptParams = { logN: 17, r: 8, p: 1 };
const KEY_LENGTH = 64;
const SALT_LENGTH = 16;

/** scrypt needs 128·N·r bytes; Node's default 32 MiB cap is below what N=2^17, r=8 requires (128 MiB). */
function maxmem({ logN, r }: ScryptParams): number {
	return 128 * 2 ** logN * r + 16 * 1024 * 1024;
}

function derive(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
	const options: ScryptOptions = { N: 2 ** params.logN, r: params.r, p: params.p, maxmem: maxmem(params) };
	return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string, params: ScryptParams = OWASP_SCRYPT): Promise<string> {
	const salt = randomBytes(SALT_LENGTH);
	const key = await derive(password, salt, params, KEY_LENGTH);
	return ['scrypt', params.logN, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Parses an encoded hash; null when it is not one of ours (then verification simply fails). */
function parse(encoded: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
	const [scheme, logNText, rText, pText, saltText, keyText, ...rest] = encoded.split('$');
	if (scheme !== 'scrypt' || keyText === undefined || saltText === undefined || rest.length) return null;
	const [logN, r, p] = [logNText, rText, pText].map(Number) as [number, number, number];
	// Bounds keep a corrupted or hostile row from asking for gigabytes of memory.
	if (![logN, r, p].every(Number.isInteger) || logN < 1 || logN > 20 || r < 1 || r > 32 || p < 1 || p > 16) return null;
	const salt = Buffer.from(saltText, 'base64');
	const key = Buffer.from(keyText, 'base64');
	if (salt.length === 0 || key.length === 0) return null;
	return { params: { logN, r, p }, salt, key };
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
	const parsed = parse(encoded);
	if (!parsed) return false;
	const candidate = await derive(password, parsed.salt, parsed.params, parsed.key.length);
	return timingSafeEqual(candidate, parsed.key);
}

/** True when the hash was made with weaker parameters than today's, so login can re-hash it. */
export function needsRehash(encoded: string, params: ScryptParams = OWASP_SCRYPT): boolean {
	const parsed = parse(encoded);
	return !parsed || parsed.params.logN < params.logN || parsed.params.r < params.r || parsed.params.p < params.p;
}
