/**
 * Issue 18: the API's `next` cursor carries the last actor shown (name, id) and the next page starts after it.
 * Walking the list must give every published actor once, in order, when names tie as NOCASE compares them
 * (« alpha », « Alpha », « ALPHA ») and when they differ only by an accent, which NOCASE does not fold
 * (« Éclat » is after « Zèbre » for it, as in the directory's first page).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './fresh-db';
import { createEntities } from '../../src/lib/server/services/entity-write.service';
import { listEntitiesApi } from '../../src/lib/server/services/entity-api.service';
import { encodeCursor } from '../../src/lib/server/services/cursor';
import type { Db } from '../../src/lib/server/db/index';

const NAMES = [
	'alpha',
	'Alpha',
	'ALPHA',
	'Éclat',
	'éclat',
	'Eclat',
	'eclat',
	'ECLAT',
	'Zèbre',
	'zebre',
	'Beta',
	'beta',
	'Même nom',
	'Même nom',
	'Même nom',
	'b',
	'B',
	'a b',
	'A-B',
	'aB'
];

let ctx: ReturnType<typeof freshDb>;
let db: Db;
/** The published actors as [name, id], in the order SQLite's NOCASE then id gives (ASCII letters folded only). */
let expected: [string, number][];

beforeAll(() => {
	ctx = freshDb();
	db = ctx.db;
	const ids = createEntities(
		db,
		[...NAMES, 'Brouillon', 'alpha'].map((name, i) => ({ slug: `acteur-${i}`, kind: 'organisation', category: 'startup', name }))
	);
	// Not published: a draft and an archived « alpha » never show, nor count.
	db.$client.prepare("update entities set status = 'draft' where id = ?").run(ids.at(-2));
	db.$client.prepare("update entities set status = 'archived' where id = ?").run(ids.at(-1));
	const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
	expected = NAMES.map((name, i): [string, number] => [name, ids[i]!]).sort(([a, i], [b, j]) =>
		nocase(a) < nocase(b) ? -1 : nocase(a) > nocase(b) ? 1 : i - j
	);
});
afterAll(() => ctx?.close());

function walk(limit: number, first?: string): [string, number][] {
	const seen: [string, number][] = [];
	let next: string | null | undefined = first;
	do {
		const page = listEntitiesApi(db, new URLSearchParams(next ? { limit: String(limit), cursor: next } : { limit: String(limit) }));
		expect(page.total).toBe(NAMES.length);
		expect(page.items.length).toBeLessThanOrEqual(limit);
		seen.push(...page.items.map((e): [string, number] => [e.name, e.id]));
		next = page.next;
	} while (next);
	return seen;
}

describe('keyset pages of /api/v1/entities', () => {
	it('walks every published actor once, in order, whatever the page size (ties broken by id)', () => {
		const alpha = expected.findIndex(([n]) => n === 'alpha');
		expect(expected.slice(alpha, alpha + 3).map(([n]) => n)).toEqual(['alpha', 'Alpha', 'ALPHA']);
		// Accented capitals are not folded by NOCASE: « Éclat » and « éclat » come after every ASCII name.
		expect(expected.slice(-2).map(([n]) => n)).toEqual(['Éclat', 'éclat']);
		for (const limit of [1, 2, 3, 7, 20, 200]) expect(walk(limit), `limit=${limit}`).toEqual(expected);
	});

	it('the list is the same as one page of everything (the order of the first page)', () => {
		expect(listEntitiesApi(db, new URLSearchParams({ limit: '200' })).items.map((e) => e.id)).toEqual(expected.map(([, id]) => id));
	});

	it('ends with next null on an exact last page, not with an empty page', () => {
		const page = listEntitiesApi(db, new URLSearchParams({ limit: String(NAMES.length) }));
		expect(page.items).toHaveLength(NAMES.length);
		expect(page.next).toBeNull();
	});

	it('an offset cursor written before issue 18 still works and leads on to keyset cursors', () => {
		const old = Buffer.from('{"o":4}').toString('base64url');
		expect(walk(3, old)).toEqual(expected.slice(4));
	});

	it('a deleted actor between two pages shifts nothing: the next page starts after the last one shown', () => {
		const first = listEntitiesApi(db, new URLSearchParams({ limit: '5' }));
		const gone = expected[2]![1];
		db.$client.prepare("update entities set deleted_at = '2026-01-01T00:00:00Z' where id = ?").run(gone);
		try {
			const second = listEntitiesApi(db, new URLSearchParams({ limit: '5', cursor: first.next! }));
			expect(second.items.map((e) => e.id)).toEqual(expected.slice(5, 10).map(([, id]) => id));
		} finally {
			db.$client.prepare('update entities set deleted_at = null where id = ?').run(gone);
		}
	});

	it('a cursor of a name not in the list (forged or renamed since) is a position, not an error', () => {
		const page = listEntitiesApi(db, new URLSearchParams({ limit: '200', cursor: encodeCursor({ name: 'c', id: 1 }) }));
		expect(page.items.map((e) => e.id)).toEqual(expected.filter(([n]) => n.replace(/[A-Z]/g, (c) => c.toLowerCase()) > 'c').map(([, id]) => id));
	});
});
