/**
 * Statements built and compiled once per connection, for the reads every request makes (the revisions, the demo
 * banner, an actor by its address). Building a query with Drizzle and compiling it with SQLite cost far more than
 * running a one-row read: a V8 profile of `npm run bench:load` at 10k put 20 % of the server's thread in Drizzle
 * and better-sqlite3's JavaScript, and findEntityBySlug spent 0.7 of its 0.8 s building and preparing.
 * Keyed by the connection (a WeakMap: a closed test database takes its statements with it).
 */
import type { Db } from '.';

const perConnection = new WeakMap<Db, Map<string, unknown>>();

/** The statement `build` makes for this connection, made on first use. `name` must be unique in the app. */
export function preparedFor<T>(db: Db, name: string, build: (db: Db) => T): T {
	let statements = perConnection.get(db);
	if (!statements) perConnection.set(db, (statements = new Map()));
	let statement = statements.get(name) as T | undefined;
	if (statement === undefined) statements.set(name, (statement = build(db)));
	return statement;
}
