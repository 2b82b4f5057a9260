import { behindProxy } from './client-address';

/**
 * Per-client sliding window for the public API (/api/v1), keyed by clientKey(). In memory: one process serves
 * the site, and a restart forgetting the counts is harmless. Loopback is exempt only for direct local use
 * (no CARTO_API_RATE_LIMIT, no ADDRESS_HEADER, no ORIGIN), so the browser tests run against `npm start` never
 * hit it; behind a reverse proxy the proxy itself is on loopback, so nothing is exempt there.
 */
export const DEFAULT_API_RATE_LIMIT = 600;
const WINDOW_MS = 60_000;
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export interface RateDecision {
	allowed: boolean;
	/** Seconds until a request would be allowed again (only when refused). */
	retryAfter: number;
}

export class SlidingWindowLimiter {
	readonly #hits = new Map<string, number[]>();
	#sweptAt = 0;

	check(key: string, limit: number, now = Date.now()): RateDecision {
		this.#sweep(now);
		const since = now - WINDOW_MS;
		const hits = (this.#hits.get(key) ?? []).filter((t) => t > since);
		if (hits.length >= limit) {
			this.#hits.set(key, hits);
			return { allowed: false, retryAfter: Math.max(1, Math.ceil((hits[0]! + WINDOW_MS - now) / 1000)) };
		}
		hits.push(now);
		this.#hits.set(key, hits);
		return { allowed: true, retryAfter: 0 };
	}

	reset() {
		this.#hits.clear();
	}

	/** Forget idle clients now and then so the map does not grow without bound. */
	#sweep(now: number) {
		if (now - this.#sweptAt < WINDOW_MS) return;
		this.#sweptAt = now;
		for (const [key, hits] of this.#hits) if (hits[hits.length - 1]! <= now - WINDOW_MS) this.#hits.delete(key);
	}
}

/** Requests per minute for this client (its clientKey()); null when it is not limited. */
export function apiRateLimit(ip: string, env: Record<string, string | undefined> = process.env): number | null {
	const raw = env.CARTO_API_RATE_LIMIT?.trim();
	if (!raw) return LOOPBACK.has(ip) && !behindProxy(env) ? null : DEFAULT_API_RATE_LIMIT;
	const n = Number(raw);
	if (!Number.isInteger(n) || n <= 0) return null; // 0 or garbage: limiting switched off
	return n;
}

export const apiLimiter = new SlidingWindowLimiter();
