/**
 * Sliding-window failure counter for login. Keys are « account + IP » pairs and bare IPs, never the
 * account alone: an attacker elsewhere can exhaust their own pair and their own IP, not the real user's.
 * In memory on purpose: one Node process serves the site, and a restart forgetting failures is acceptable.
 */
export class SlidingWindowLimiter {
	readonly #failures = new Map<string, number[]>();

	constructor(
		readonly limit: number,
		readonly windowMs: number
	) {}

	#recent(key: string, now: number): number[] {
		const kept = (this.#failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
		if (kept.length) this.#failures.set(key, kept);
		else this.#failures.delete(key);
		return kept;
	}

	isBlocked(key: string, now = Date.now()): boolean {
		return this.#recent(key, now).length >= this.limit;
	}

	recordFailure(key: string, now = Date.now()) {
		this.#failures.set(key, [...this.#recent(key, now), now]);
		// Bounded memory under a flood of distinct keys: drop the oldest entries (Map keeps insertion order).
		if (this.#failures.size > 100_000) {
			const first = this.#failures.keys().next().value;
			if (first !== undefined) this.#failures.delete(first);
		}
	}

	reset(key: string) {
		this.#failures.delete(key);
	}

	clear() {
		this.#failures.clear();
	}
}
