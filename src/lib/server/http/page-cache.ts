/**
 * Public pages kept per data revision (issue 18): an actor's page rendered at 330–372 req/s, 2–3.5 % of what
 * a bare Node server sends with the same bytes, though it changes only when the data does. An anonymous GET
 * of a page is answered from memory when nothing was written since it was rendered; any write (this server's
 * or another process's: an import from the command line) moves the revision and the next visitor gets a
 * fresh render.
 *
 * What a page may depend on besides its address is in the key: the origin (links and `hreflang` are absolute)
 * and the referring page (an actor's « retour » link). Signed-in visitors, other methods, non-200 answers,
 * answers that set a cookie or say `private`/`no-store` are never kept. A kept page's CSP nonce is replaced by
 * a fresh one on every answer, so no two visitors ever share one.
 */
import { randomBytes } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';

/** Bounded: at most this many pages and this many bytes, least recently used out first. */
const MAX_ENTRIES = 1_000;
const MAX_BYTES = 64 * 1024 * 1024;
/**
 * Some pages depend on the time too (« Ouvert maintenant » from the opening hours, in Paris time): a kept page
 * is rendered again after a minute even when nothing was written.
 */
const MAX_AGE_MS = 60_000;

interface Kept {
	revision: string;
	status: number;
	headers: [string, string][];
	body: string;
	nonce: string | null;
	keptAt: number;
}

export class PageCache {
	private readonly entries = new Map<string, Kept>();
	private bytes = 0;
	hits = 0;
	misses = 0;

	constructor(private readonly now: () => number = () => performance.now()) {}

	get(key: string, revision: string): Response | null {
		const kept = this.entries.get(key);
		if (!kept || kept.revision !== revision || this.now() - kept.keptAt > MAX_AGE_MS) {
			if (kept) this.drop(key, kept);
			this.misses++;
			return null;
		}
		// Most recently used last: Map keeps insertion order.
		this.entries.delete(key);
		this.entries.set(key, kept);
		this.hits++;
		return served(kept);
	}

	/** Keeps a copy of a page answer when it may be shared, and returns the answer to send now. */
	async put(key: string, revision: string, response: Response): Promise<Response> {
		if (!shareable(response)) return response;
		const body = await response.text();
		const headers = [...response.headers.entries()];
		const kept: Kept = {
			revision,
			status: response.status,
			headers,
			body,
			nonce: nonceOf(response.headers.get('content-security-policy')),
			keptAt: performance.now()
		};
		const previous = this.entries.get(key);
		if (previous) this.drop(key, previous);
		if (body.length * 2 <= MAX_BYTES) {
			this.entries.set(key, kept);
			this.bytes += body.length * 2;
			while (this.entries.size > MAX_ENTRIES || this.bytes > MAX_BYTES) {
				const [oldestKey, oldest] = this.entries.entries().next().value as [string, Kept];
				this.drop(oldestKey, oldest);
			}
		}
		return new Response(body, { status: response.status, headers });
	}

	get size(): number {
		return this.entries.size;
	}

	private drop(key: string, kept: Kept) {
		this.entries.delete(key);
		this.bytes -= kept.body.length * 2;
	}
}

function shareable(response: Response): boolean {
	const type = response.headers.get('content-type') ?? '';
	const cacheControl = response.headers.get('cache-control') ?? '';
	return response.status === 200 && type.startsWith('text/html') && !response.headers.has('set-cookie') && !/private|no-store/.test(cacheControl);
}

/** SvelteKit's nonce, as its CSP header names it: `'nonce-…'`. */
function nonceOf(csp: string | null): string | null {
	return csp ? (/'nonce-([^']+)'/.exec(csp)?.[1] ?? null) : null;
}

/** A kept page, said so in `x-page-cache` (what a person debugging a stale page looks for first). */
function served(kept: Kept): Response {
	const fresh = kept.nonce ? randomBytes(16).toString('base64') : null;
	const swap = (text: string) => (fresh ? text.split(kept.nonce!).join(fresh) : text);
	const headers = new Headers(kept.headers.map(([name, value]): [string, string] => [name, name === 'content-security-policy' ? swap(value) : value]));
	headers.set('x-page-cache', 'hit');
	return new Response(swap(kept.body), { status: kept.status, headers });
}

/**
 * The data's revision as this connection sees it: SQLite's data_version moves when another connection
 * commits, total_changes() when this one writes. Conservative (a session touched by a signed-in visitor
 * moves it too), never stale.
 */
export function dataRevision(db: Db): string {
	let statement = revisionStatements.get(db);
	if (!statement)
		revisionStatements.set(db, (statement = db.$client.prepare('SELECT total_changes() AS own, (SELECT data_version FROM pragma_data_version) AS version')));
	const { own, version } = statement.get() as { own: number; version: number };
	return `${version}.${own}`;
}

const revisionStatements = new WeakMap<Db, Statement>();

/** The page's key: the address with its origin, and the referring page's path when it is this site's. */
export function pageKey(url: URL, referer: string | null): string {
	let from = '';
	if (referer) {
		try {
			const r = new URL(referer);
			if (r.origin === url.origin) from = r.pathname + r.search;
		} catch {
			// not an address: the page ignores it too
		}
	}
	return `${url.origin}${url.pathname}${url.search}\u0000${from}`;
}
