import { describe, expect, it } from 'vitest';
import { eventLoopDelay, eventLoopStatsEnabled, startEventLoopStats } from './event-loop-stats';

describe('event-loop delay for benchmarks (CARTO_EVENT_LOOP_STATS)', () => {
	it('is off unless asked', () => {
		expect(eventLoopStatsEnabled({})).toBe(false);
		expect(eventLoopStatsEnabled({ CARTO_EVENT_LOOP_STATS: 'off' })).toBe(false);
		expect(eventLoopStatsEnabled({ CARTO_EVENT_LOOP_STATS: ' On ' })).toBe(true);
		expect(eventLoopDelay()).toBeNull();
	});

	it('once started, sees a blocked loop, and a reset starts a new window', async () => {
		startEventLoopStats();
		await new Promise((r) => setTimeout(r, 50));
		const until = Date.now() + 120;
		while (Date.now() < until) {
			// the loop is blocked for 120 ms
		}
		await new Promise((r) => setTimeout(r, 30));
		const blocked = eventLoopDelay(true)!;
		expect(blocked.max).toBeGreaterThanOrEqual(100);
		expect(blocked.samples).toBeGreaterThan(0);
		// 120 ms of work in a window of about 200 ms.
		expect(blocked.busy).toBeGreaterThan(0.4);
		await new Promise((r) => setTimeout(r, 60));
		const idle = eventLoopDelay()!;
		expect(idle.max).toBeLessThan(100);
		expect(idle.busy).toBeLessThan(0.3);
	});
});
