import type Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { migrationsFolder } from '../db';

/** One migration as Drizzle records it once applied: `created_at` is the journal's `when`. */
export interface MigrationStamp {
	tag: string | null;
	when: number;
}

const journalSchema = z.object({ entries: z.array(z.object({ tag: z.string(), when: z.number() })) });

/** The migrations this version of the application ships (drizzle/meta/_journal.json), oldest first. */
export function appMigrations(folder = migrationsFolder()): MigrationStamp[] {
	const path = join(folder, 'meta', '_journal.json');
	if (!existsSync(path)) throw new Error(`Journal des migrations introuvable : ${path}.`);
	return journalSchema
		.parse(JSON.parse(readFileSync(path, 'utf8')))
		.entries.map((e) => ({ tag: e.tag, when: e.when }))
		.sort((a, b) => a.when - b.when);
}

/** The migrations applied to a database file, oldest first, named from the application's journal when it knows them. */
export function appliedMigrations(client: Database.Database, known: MigrationStamp[] = appMigrations()): MigrationStamp[] {
	const table = client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
	if (!table) return [];
	const rows = client.prepare('SELECT created_at AS whenMs FROM __drizzle_migrations ORDER BY created_at').all() as { whenMs: number | string }[];
	const byWhen = new Map(known.map((m) => [m.when, m.tag]));
	return rows.map((r) => ({ when: Number(r.whenMs), tag: byWhen.get(Number(r.whenMs)) ?? null }));
}

export type SchemaComparison = { status: 'same' } | { status: 'older'; missing: string[] } | { status: 'newer'; unknown: MigrationStamp[] };

/**
 * Where a database stands against this application: the same schema, older (migrations to apply: Drizzle
 * applies every journal entry later than the last applied one) or newer (a migration this version does not
 * know: restoring it would hand the application tables it cannot read).
 */
export function compareSchema(applied: MigrationStamp[], app: MigrationStamp[] = appMigrations()): SchemaComparison {
	const knownWhen = new Set(app.map((m) => m.when));
	const unknown = applied.filter((m) => !knownWhen.has(m.when));
	if (unknown.length > 0) return { status: 'newer', unknown };
	const last = applied.at(-1)?.when ?? -Infinity;
	const missing = app.filter((m) => m.when > last).map((m) => m.tag ?? String(m.when));
	return missing.length > 0 ? { status: 'older', missing } : { status: 'same' };
}
