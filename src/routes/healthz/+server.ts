import type { RequestHandler } from './$types';

/** The process is up and answers: nothing else is checked (/readyz says whether it can serve). */
export const GET: RequestHandler = () =>
	new Response(JSON.stringify({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }), {
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});
