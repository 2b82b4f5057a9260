import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { freshDb } from './fresh-db';

let ctx: ReturnType<typeof freshDb> | undefined;
afterEach(() => ctx?.close());

describe('openDb', () => {
	it('opens the file with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
		ctx = freshDb();
		const client = ctx.db.$client;
		expect(client.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(client.pragma('synchronous', { simple: true })).toBe(2);
		expect(client.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(client.pragma('busy_timeout', { simple: true })).toBe(5000);
	});
	it('applies every committed migration, including the full-text index', () => {
		ctx = freshDb();
		const tables = ctx.db.$client
			.prepare("select name from sqlite_master where type in ('table') order by name")
			.all()
			.map((r) => (r as { name: string }).name);
		expect(tables).toEqual(expect.arrayContaining(['entities', 'entities_fts', 'relations', 'territories', '__drizzle_migrations']));
		const applied = ctx.db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
		expect(applied.n).toBe(readdirSync('drizzle').filter((f) => f.endsWith('.sql')).length);
	});
});
