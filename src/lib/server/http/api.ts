import { json, type RequestEvent } from '@sveltejs/kit';
import { isExpectedError, ValidationError } from '../services/errors';
import { apiLimiter, apiRateLimit } from './rate-limit-api';
import { clientKey } from './client-address';
import { getDb } from '../db/connection';
import { dataRevision, RevisionCache } from '../cache/revision-cache';
import { heavyTurn } from './heavy-turns';
import { jsonOf } from '../export/json-text';
import { etagInTurns, etagOf } from './etag';

export interface ApiErrorBody {
	status: number;
	message: string;
	issues?: string[];
}

export function apiError(status: number, message: string, issues?: string[]) {
	const body: ApiErrorBody = { status, message, ...(issues ? { issues } : {}) };
	return json(body, { status });
}

const PUBLIC_API = '/api/v1/';
const isPublicApi = (url: URL) => url.pathname.startsWith(PUBLIC_API);

/** Open to any origin, for reading only: the public API has no cookies-based answers worth protecting. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
	'access-control-allow-origin': '*',
	'access-control-expose-headers': 'etag, retry-after'
};

/** Preflight answer of the public API: GET and HEAD only, with the conditional-request header. */
export function apiOptions(): Response {
	return new Response(null, {
		status: 204,
		headers: {
			...CORS_HEADERS,
			'access-control-allow-methods': 'GET, HEAD, OPTIONS',
			'access-control-allow-headers': 'if-none-match, content-type',
			'access-control-max-age': '86400',
			allow: 'GET, HEAD, OPTIONS'
		}
	});
}

function matchesIfNoneMatch(header: string | null, etag: string): boolean {
	if (!header) return false;
	return header.split(',').some((tag) => {
		const t = tag.trim();
		return t === '*' || t.replace(/^W\//, '') === etag;
	});
}

/** The 429 answer when this client went over its budget, else null. */
function rateLimited(event: RequestEvent): Response | null {
	if (!isPublicApi(event.url)) return null;
	const ip = clientKey(event);
	const limit = apiRateLimit(ip);
	if (limit === null) return null;
	const decision = apiLimiter.check(ip, limit);
	if (decision.allowed) return null;
	const res = apiError(429, `Trop de requêtes : ${limit} par minute au maximum. Réessayez dans ${decision.retryAfter} s.`);
	res.headers.set('retry-after', String(decision.retryAfter));
	for (const [k, v] of Object.entries(CORS_HEADERS)) res.headers.set(k, v);
	return res;
}

/** A successful GET answer: ETag, revalidation, CORS on the public API, 304 when the client already has it. */
function cacheable(event: RequestEvent, body: string | Uint8Array, headers: Record<string, string>, etag = etagOf(body)): Response {
	const common: Record<string, string> = { etag, 'cache-control': 'no-cache', ...(isPublicApi(event.url) ? CORS_HEADERS : {}) };
	if (matchesIfNoneMatch(event.request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: common });
	return new Response(body as BodyInit, { headers: { ...headers, ...common } });
}

function withCors(event: RequestEvent, res: Response): Response {
	if (isPublicApi(event.url)) for (const [k, v] of Object.entries(CORS_HEADERS)) res.headers.set(k, v);
	return res;
}

/**
 * API answers kept per data revision (issue 18): the same for everybody (no endpoint reads who asks), keyed by
 * their whole address. At most 2,000 answers and 128 MB. Endpoints whose answer moves without a write (graph
 * metrics served stale while the new ones are computed) do not ask for it.
 */
const answers = new RevisionCache<{ body: string | Uint8Array; etag: string }>({ entries: 2_000, bytes: 128 * 1024 * 1024 });

/** `apiGet(handler, KEPT)`: the answer is kept until the data changes (see `answers`). */
export const KEPT = { kept: true } as const;
/**
 * `apiGet(handler, LIGHT)`: one record read by its key, kept too, computed at once instead of waiting for its turn
 * behind the heavy requests (see heavy-turns.ts).
 */
export const LIGHT = { kept: true, light: true } as const;

interface KeepOptions {
	kept?: boolean;
	/**
	 * What the answer depends on, when it is narrower than « anything written » (the default, dataRevision) or
	 * moves without a write (a graph built in the worker replacing the earlier one served meanwhile).
	 */
	version?: (event: RequestEvent) => string;
	/** A few rows read by key: never waits for a heavy request's turn (see heavy-turns.ts). */
	light?: boolean;
}

/**
 * Wraps a read-only JSON endpoint: rate limit, ETag/304, CORS; expected failures become French
 * 400/403/404/409 bodies; anything else goes to handleError (logged, generic 500) without leaking details.
 */
export function apiGet<E extends RequestEvent>(handler: (event: E) => unknown, options: KeepOptions = {}) {
	return async (event: E): Promise<Response> => {
		const limited = rateLimited(event);
		if (limited) return limited;
		try {
			const headers = { 'content-type': 'application/json' };
			if (!options.kept && !options.version) {
				if (!options.light) await heavyTurn();
				return cacheable(event, jsonOf(await handler(event)), headers);
			}
			const kept = () => answers.get(event.url.href, options.version ? options.version(event) : dataRevision(getDb()));
			let hit = kept();
			// After its turn, asked again: a write meanwhile is seen, and a request that waited ahead for the same
			// address may have computed it.
			if (!hit && !options.light) {
				await heavyTurn();
				hit = kept();
			}
			if (hit) return cacheable(event, hit.body, { ...headers, 'x-carto-cache': 'hit' }, hit.etag);
			// Read before the answer is computed: a write meanwhile makes this copy old at once.
			const revision = options.version ? options.version(event) : dataRevision(getDb());
			const value = await handler(event);
			// Written in a later turn than the one that computed it: kept once per revision, the network's default
			// answer is 27 ms of work then 14 ms of writing at 10,000 actors, one long block when together.
			await new Promise<void>((resolve) => setImmediate(resolve));
			const body = jsonOf(value);
			const etag = await etagInTurns(body);
			answers.set(event.url.href, revision, { body, etag }, body.length * 2);
			return cacheable(event, body, headers, etag);
		} catch (err) {
			return withCors(event, expectedFailure(err));
		}
	};
}

/**
 * Like apiGet with KEPT, for an answer in bytes (the map's points, see $lib/map/points-binary): the same rate
 * limit, ETag/304, CORS and French errors, kept per data revision by address.
 */
export function apiGetBytes<E extends RequestEvent>(handler: (event: E) => Uint8Array | Promise<Uint8Array>, contentType: string) {
	return async (event: E): Promise<Response> => {
		const limited = rateLimited(event);
		if (limited) return limited;
		try {
			const headers = { 'content-type': contentType };
			const kept = () => answers.get(event.url.href, dataRevision(getDb()));
			let hit = kept();
			if (!hit) {
				await heavyTurn();
				hit = kept();
			}
			if (hit) return cacheable(event, hit.body, { ...headers, 'x-carto-cache': 'hit' }, hit.etag);
			const revision = dataRevision(getDb());
			const body = await handler(event);
			const etag = await etagInTurns(body);
			answers.set(event.url.href, revision, { body, etag }, body.byteLength);
			return cacheable(event, body, headers, etag);
		} catch (err) {
			return withCors(event, expectedFailure(err));
		}
	};
}

function expectedFailure(err: unknown): Response {
	if (!isExpectedError(err)) throw err;
	if (err instanceof ValidationError) return apiError(err.status, 'Paramètres invalides.', err.issues);
	return apiError(err.status, err.message);
}

import type { FileBody } from '../export/file-body';
export type { FileBody };

/** Like apiGet, for a downloaded file (exports): same French JSON errors when the parameters are wrong. */
export function apiFile<E extends RequestEvent>(handler: (event: E) => FileBody | Promise<FileBody>) {
	return async (event: E): Promise<Response> => {
		const limited = rateLimited(event);
		if (limited) return limited;
		try {
			await heavyTurn();
			const file = await handler(event);
			return cacheable(event, file.body, {
				'content-type': file.contentType,
				'content-disposition': `${file.inline ? 'inline' : 'attachment'}; filename="${file.filename}"`
			});
		} catch (err) {
			return withCors(event, expectedFailure(err));
		}
	};
}
