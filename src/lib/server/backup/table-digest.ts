import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

export interface TableDigest {
	rows: number;
	/** SHA-256 of the table's rows in rowid order, each value typed (so 1 and '1' differ). */
	sha256: string;
}

/** The tables a backup describes: every real table (FTS shadow tables included), not SQLite's own. */
export function tableNames(client: Database.Database): string[] {
	const rows = client
		.prepare(
			"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
		)
		.all() as { name: string }[];
	return rows.map((r) => r.name);
}

function typed(value: unknown): string {
	if (value === null) return 'n';
	if (Buffer.isBuffer(value)) return `b${value.toString('hex')}`;
	if (typeof value === 'bigint') return `i${value.toString()}`;
	if (typeof value === 'number') return `${Number.isInteger(value) ? 'i' : 'f'}${value}`;
	return `t${JSON.stringify(value)}`;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

function withoutRowid(client: Database.Database, table: string): boolean {
	const row = client.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string };
	return /WITHOUT\s+ROWID/i.test(row.sql);
}

/**
 * Counts and content hashes per table. Meant for a file nobody writes to (a backup's copy): it reads in pages
 * (by rowid, or by every column for a table without rowid) and yields to the event loop between pages, so a
 * server computing them keeps answering requests.
 */
export async function tableDigests(client: Database.Database, chunk = 2_000): Promise<Record<string, TableDigest>> {
	const out: Record<string, TableDigest> = {};
	for (const table of tableNames(client)) {
		const hash = createHash('sha256');
		let rows = 0;
		const add = (row: unknown[]) => hash.update(row.map(typed).join('\u001f') + '\u001e');
		if (withoutRowid(client, table)) {
			const columns = (client.prepare(`PRAGMA table_info(${quoted(table)})`).all() as { name: string }[]).map((c) => quoted(c.name));
			for (const row of client
				.prepare(`SELECT * FROM ${quoted(table)} ORDER BY ${columns.join(', ')}`)
				.raw(true)
				.safeIntegers(true)
				.iterate()) {
				add(row as unknown[]);
				if (++rows % chunk === 0) await new Promise((r) => setImmediate(r));
			}
		} else {
			const page = client
				.prepare(`SELECT rowid, * FROM ${quoted(table)} WHERE rowid > ? ORDER BY rowid LIMIT ?`)
				.raw(true)
				.safeIntegers(true);
			let after = -(2n ** 63n);
			for (;;) {
				const batch = page.all(after, chunk) as unknown[][];
				for (const row of batch) add(row.slice(1));
				rows += batch.length;
				if (batch.length < chunk) break;
				after = batch.at(-1)![0] as bigint;
				await new Promise((r) => setImmediate(r));
			}
		}
		out[table] = { rows, sha256: hash.digest('hex') };
	}
	return out;
}
