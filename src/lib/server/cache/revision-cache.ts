/**
 * Answers kept per data revision (issue 18): public pages (http/page-cache.ts), API answers (http/api.ts),
 * whole-directory reads (worker/read-worker.ts) and the directory's totals (services/entity-counts.ts). Kept
 * while nothing was written since they were computed, for a minute at most, least recently used out first
 * past the bounds. The revision says whether anything was written; the key says everything else an answer
 * depends on.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';

/**
 * Some answers depend on the time too (« Ouvert maintenant » from the opening hours, in Paris time): one is
 * computed again after a minute even when nothing was written.
 */
export const MAX_AGE_MS = 60_000;

interface Kept<T> {
	revision: string;
	value: T;
	bytes: number;
	keptAt: number;
}

export class RevisionCache<T> {
	private readonly entries = new Map<string, Kept<T>>();
	private bytes = 0;

	constructor(
		private readonly bounds: { entries: number; bytes: number },
		private readonly now: () => number = () => performance.now()
	) {}

	get(key: string, revision: string): T | null {
		const kept = this.entries.get(key);
		if (!kept) return null;
		if (kept.revision !== revision || this.now() - kept.keptAt > MAX_AGE_MS) {
			this.drop(key, kept);
			return null;
		}
		// Most recently used last: a Map keeps insertion order.
		this.entries.delete(key);
		this.entries.set(key, kept);
		return kept.value;
	}

	set(key: string, revision: string, value: T, bytes: number): void {
		const previous = this.entries.get(key);
		if (previous) this.drop(key, previous);
		if (bytes > this.bounds.bytes) return;
		this.entries.set(key, { revision, value, bytes, keptAt: this.now() });
		this.bytes += bytes;
		while (this.entries.size > this.bounds.entries || this.bytes > this.bounds.bytes) {
			const [oldestKey, oldest] = this.entries.entries().next().value as [string, Kept<T>];
			this.drop(oldestKey, oldest);
		}
	}

	delete(key: string): void {
		const kept = this.entries.get(key);
		if (kept) this.drop(key, kept);
	}

	get size(): number {
		return this.entries.size;
	}

	private drop(key: string, kept: Kept<T>) {
		this.entries.delete(key);
		this.bytes -= kept.bytes;
	}
}

const revisionStatements = new WeakMap<Db, Statement>();

/**
 * The data's revision as this connection sees it: SQLite's data_version moves when another connection
 * commits (an import from the command line), total_changes() when this one writes. Conservative (a session
 * touched by a signed-in visitor moves it too), never stale.
 */
export function dataRevision(db: Db): string {
	let statement = revisionStatements.get(db);
	if (!statement) {
		statement = db.$client.prepare('SELECT total_changes() AS own, (SELECT data_version FROM pragma_data_version) AS version');
		revisionStatements.set(db, statement);
	}
	const { own, version } = statement.get() as { own: number; version: number };
	return `${version}.${own}`;
}
