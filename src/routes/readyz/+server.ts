import { getDb } from '$lib/server/db/connection';
import { readiness } from '$lib/server/services/readiness.service';
import type { RequestHandler } from './$types';

/** Ready to serve: 200 with every check, or 503 with the one that fails (for a load balancer or a monitor). */
export const GET: RequestHandler = () => {
	const r = readiness(getDb());
	return new Response(JSON.stringify({ status: r.ready ? 'ok' : 'indisponible', checks: r.checks }), {
		status: r.ready ? 200 : 503,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});
};
