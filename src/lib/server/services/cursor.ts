import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/**
 * Opaque pagination cursor (an offset today; clients must not rely on its contents): base64url of
 * `{"o":offset}`. Every cursor a client sends comes back through `cursorParam`, the one schema that reads it.
 */
export function encodeCursor(offset: number): string {
	return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

/**
 * The largest offset a cursor may carry: far beyond any list of this site, far within SQLite's integers (a
 * forged `{"o":1e20}` reached SQLite as an OFFSET it cannot hold and answered 500, issue 17).
 */
export const MAX_CURSOR_OFFSET = 1_000_000_000;

/** The only shape a cursor decodes to: `{"o": n}`, n a whole number from 0 to MAX_CURSOR_OFFSET, nothing else. */
const cursorPayload = z.strictObject({ o: z.number().int().min(0).max(MAX_CURSOR_OFFSET) });

/** The JSON a cursor carries, or undefined when it is not base64url of JSON (Buffer would skip stray characters). */
function payloadOf(cursor: string): unknown {
	if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
	try {
		return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
	} catch {
		return undefined;
	}
}

const invalid = () => m.errors_cursor_invalid();

/**
 * The `cursor` parameter -> the offset it stands for (0 when absent or empty: the first page). Anything this
 * server did not write is refused with one message, said while parsing (the API's is French), which
 * `formatIssues` prefixes with the parameter's name: « cursor : curseur de pagination invalide… » (400).
 */
export const cursorParam = z
	.string({ error: invalid })
	.max(200, { error: invalid })
	.optional()
	.transform((value, ctx) => {
		if (!value) return 0;
		const parsed = cursorPayload.safeParse(payloadOf(value));
		if (parsed.success) return parsed.data.o;
		ctx.issues.push({ code: 'custom', message: invalid(), input: value });
		return z.NEVER;
	});
