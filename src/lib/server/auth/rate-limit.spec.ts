import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from './rate-limit';

describe('SlidingWindowLimiter', () => {
	it('blocks at the limit and forgets failures older than the window', () => {
		const limiter = new SlidingWindowLimiter(3, 1000);
		for (const t of [0, 100, 200]) limiter.recordFailure('k', t);
		expect(limiter.isBlocked('k', 300)).toBe(true);
		expect(limiter.isBlocked('other', 300)).toBe(false);
		expect(limiter.isBlocked('k', 1001)).toBe(false);
	});

	it('reset clears a key after a success', () => {
		const limiter = new SlidingWindowLimiter(1, 1000);
		limiter.recordFailure('k', 0);
		limiter.reset('k');
		expect(limiter.isBlocked('k', 1)).toBe(false);
	});
});
