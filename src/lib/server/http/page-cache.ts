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
import { RevisionCache } from '../cache/revision-cache';

export { dataRevision } from '../cache/revision-cache';

interface Kept {
	status: number;
	headers: [string, string][];
	body: string;
	nonce: string | null;
}

export class PageCache {
	/** At most 1,000 pages and 64 MB (a JavaScript string holds two bytes a character). */
	private readonly kept: RevisionCache<Kept>;
	hits = 0;
	misses = 0;

	constructor(now?: () => number) {
		this.kept = new RevisionCache<Kept>({ entries: 1_000, bytes: 64 * 1024 * 1024 }, now);
	}

	get(key: string, revision: string): Response | null {
		const kept = this.kept.get(key, revision);
		if (kept) this.hits++;
		else this.misses++;
		return kept && served(kept);
	}

	/** Keeps a copy of a page answer when it may be shared, and returns the answer to send now. */
	async put(key: string, revision: string, response: Response): Promise<Response> {
		if (!shareable(response)) return response;
		const body = await response.text();
		const headers = [...response.headers.entries()];
		const nonce = nonceOf(response.headers.get('content-security-policy'));
		this.kept.set(key, revision, { status: response.status, headers, body, nonce }, body.length * 2);
		return new Response(body, { status: response.status, headers });
	}

	get size(): number {
		return this.kept.size;
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

/** A kept page, said so in `x-carto-cache` (what a person debugging a stale page looks for first). */
function served(kept: Kept): Response {
	const fresh = kept.nonce ? randomBytes(16).toString('base64') : null;
	const swap = (text: string) => (fresh ? text.split(kept.nonce!).join(fresh) : text);
	const headers = new Headers(kept.headers.map(([name, value]): [string, string] => [name, name === 'content-security-policy' ? swap(value) : value]));
	headers.set('x-carto-cache', 'hit');
	return new Response(swap(kept.body), { status: kept.status, headers });
}

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
