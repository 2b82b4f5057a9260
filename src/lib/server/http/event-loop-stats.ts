import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * The server's event-loop delay, for load benchmarks (issue 18: « nothing heavy on the event loop »). Off by
 * default: CARTO_EVENT_LOOP_STATS=on starts Node's own sampler (perf_hooks, 10 ms resolution, negligible cost)
 * and /healthz then adds its figures; `/healthz?reset` starts a new measurement window. A production server
 * never pays for it nor shows it.
 */
let histogram: IntervalHistogram | null = null;

export interface EventLoopDelay {
	p50: number;
	p99: number;
	max: number;
	mean: number;
	/** Samples in the window (one per resolution tick when the loop is free). */
	samples: number;
}

export function eventLoopStatsEnabled(env: Record<string, string | undefined> = process.env): boolean {
	return ['on', 'true', '1'].includes(env.CARTO_EVENT_LOOP_STATS?.trim().toLowerCase() ?? '');
}

export function startEventLoopStats(): void {
	if (histogram) return;
	histogram = monitorEventLoopDelay({ resolution: 10 });
	histogram.enable();
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
		samples: histogram.count
	};
	if (reset) histogram.reset();
	return figures;
}
