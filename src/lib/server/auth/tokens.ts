import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: sent once (cookie or link), never stored. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of the token: enough to find it again, useless to whoever reads it. */
export function sha256(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}
