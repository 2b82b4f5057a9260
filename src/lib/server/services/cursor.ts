import { ValidationError } from '../services/errors';

/** Opaque pagination cursor (an offset today; clients must not rely on its contents). */
export function encodeCursor(offset: number): string {
	return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeCursor(cursor: string | null): number {
	if (!cursor) return 0;
	try {
		const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
		if (typeof value.o === 'number' && Number.isInteger(value.o) && value.o >= 0) return value.o;
	} catch {
		// fall through to the French error below
	}
	throw new ValidationError(['cursor : curseur de pagination invalide']);
}
