import { monitorEventLoopDelay, performance, type EventLoopUtilization, type IntervalHistogram } from 'node:perf_hooks';

/**
 * The server's event-loop delay, for load benchmarks (issue 18: « nothing heavy on the event loop »). Off by
 * default: CARTO_EVENT_LOOP_STATS=on starts Node's own sampler (perf_hooks, 10 ms resolution, negligible cost)
 * and /healthz then adds its figures; `/healthz?reset` starts a new measurement window. A production server
 * never pays for it nor shows it.
 */
let histogram: IntervalHistogram | null = null;
/** Where the window started, for the share of it the thread spent working (Node's event-loop utilisation). */
let windowStart: EventLoopUtilization | null = null;

export interface EventLoopDelay {
	p50: number;
	p99: number;
	max: number;
	mean: number;
	/** Samples in the window (one per resolution tick when the loop is free). */
	samples: number;
	/**
	 * Share of the window the server's thread was busy (0 to 1): near 1, requests queue whatever each one costs,
	 * and the delay above is the queue's.
	 */
	busy: number;
}

export function eventLoopStatsEnabled(env: Record<string, string | undefined> = process.env): boolean {
	return ['on', 'true', '1'].includes(env.CARTO_EVENT_LOOP_STATS?.trim().toLowerCase() ?? '');
}

export function startEventLoopStats(): void {
	if (histogram) return;
	histogram = monitorEventLoopDelay({ resolution: 10 });
	histogram.enable();
	windowStart = performance.eventLoopUtilization();
}

/** Milliseconds; null when the sampler is off. */
export function eventLoopDelay(reset = false): EventLoopDelay | null {
	if (!histogram) return null;
	const ms = (ns: number) => Math.round(ns / 1e4) / 100;
	const figures = {
		p50: ms(histogram.percentile(50)),
		p99: ms(histogram.percentile(99)),
		max: ms(histogram.max),
		mean: ms(histogram.mean),
		samples: histogram.count,
		busy: Math.round(performance.eventLoopUtilization(windowStart ?? undefined).utilization * 1000) / 1000
	};
	if (reset) {
		histogram.reset();
		windowStart = performance.eventLoopUtilization();
	}
	return figures;
}
