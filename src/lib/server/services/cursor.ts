import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { NameKey } from '../repos/entity.repo';

/**
 * Opaque pagination cursor (clients must not rely on its contents): base64url of `{"n":name,"i":id}`, the last
 * actor of the page in the list's order, so the next page is read from the name index after it (keyset,
 * issue 18) instead of skipping an offset. Cursors written before that, `{"o":offset}`, are still read: a
 * client may hold one. Every cursor a client sends comes back through `cursorParam`, the one schema that reads it.
 */
export function encodeCursor(last: NameKey): string {
	return Buffer.from(JSON.stringify({ n: last.name, i: last.id })).toString('base64url');
}

/**
 * The largest offset a cursor may carry: far beyond any list of this site, far within SQLite's integers (a
 * forged `{"o":1e20}` reached SQLite as an OFFSET it cannot hold and answered 500, issue 17).
 */
export const MAX_CURSOR_OFFSET = 1_000_000_000;

/** Names are 200 characters at most when written; the margin keeps a cursor for any older, longer one. */
const MAX_CURSOR_NAME = 1000;

/** 1000 characters of three UTF-8 bytes each, their JSON, in base64url: the longest cursor this server writes. */
const MAX_CURSOR_LENGTH = 4096;

/** The only shapes a cursor decodes to; nothing else, no extra key. */
const offsetPayload = z.strictObject({ o: z.number().int().min(0).max(MAX_CURSOR_OFFSET) });
const keyPayload = z.strictObject({
	n: z.string().max(MAX_CURSOR_NAME),
	i: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)
});
const cursorPayload = z.union([offsetPayload, keyPayload]);

/** Where a page starts: after so many actors (old cursors, no cursor) or after a given one. */
export type CursorPosition = { offset: number } | { after: NameKey };

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
 * The `cursor` parameter -> the position it stands for (offset 0 when absent or empty: the first page).
 * Anything this server did not write is refused with one message, said while parsing (the API's is French),
 * which `formatIssues` prefixes with the parameter's name: « cursor : curseur de pagination invalide… » (400).
 */
export const cursorParam = z
	.string({ error: invalid })
	.max(MAX_CURSOR_LENGTH, { error: invalid })
	.optional()
	.transform((value, ctx): CursorPosition => {
		if (!value) return { offset: 0 };
		const parsed = cursorPayload.safeParse(payloadOf(value));
		if (parsed.success) return 'o' in parsed.data ? { offset: parsed.data.o } : { after: { name: parsed.data.n, id: parsed.data.i } };
		ctx.issues.push({ code: 'custom', message: invalid(), input: value });
		return z.NEVER;
	});
