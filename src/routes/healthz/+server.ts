import type { RequestHandler } from './$types';
import { eventLoopDelay } from '$lib/server/http/event-loop-stats';

/**
 * The process is up and answers: nothing else is checked (/readyz says whether it can serve). With
 * CARTO_EVENT_LOOP_STATS=on (benchmarks only) it also tells the event loop's delay since the last `?reset`.
 */
export const GET: RequestHandler = ({ url }) => {
	const loop = eventLoopDelay(url.searchParams.has('reset'));
	return new Response(JSON.stringify({ status: 'ok', uptimeSeconds: Math.round(process.uptime()), ...(loop ? { eventLoopDelayMs: loop } : {}) }), {
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});
};
