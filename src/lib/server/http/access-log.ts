import { randomUUID } from 'node:crypto';

/** A request id a proxy sent (X-Request-Id) is kept when it is short and plain, so one id follows the request. */
const FORWARDED_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestId(headers: Headers): string {
	const forwarded = headers.get('x-request-id');
	return forwarded && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
}

export interface AccessEntry {
	requestId: string;
	method: string;
	/** The route id, never the path: a path can carry a secret (an invitation token), the route id only names it. */
	route: string | null;
	status: number;
	durationMs: number;
	userId: number | null;
}

/** One JSON line per request on stdout: time, level, request id, route, status and duration. */
export function accessLine(entry: AccessEntry, now = new Date()): string {
	return JSON.stringify({
		time: now.toISOString(),
		level: entry.status >= 500 ? 'error' : entry.status >= 400 ? 'warn' : 'info',
		msg: 'requête',
		requestId: entry.requestId,
		method: entry.method,
		route: entry.route,
		status: entry.status,
		durationMs: Math.round(entry.durationMs * 10) / 10,
		userId: entry.userId
	});
}

/** CARTO_ACCESS_LOG=off silences the lines (the security log is separate and stays). */
export function accessLogEnabled(env: Record<string, string | undefined> = process.env): boolean {
	const raw = env.CARTO_ACCESS_LOG?.trim().toLowerCase() || 'on';
	if (['on', 'true', '1', 'json'].includes(raw)) return true;
	if (['off', 'false', '0'].includes(raw)) return false;
	throw new Error(`Configuration invalide : CARTO_ACCESS_LOG="${env.CARTO_ACCESS_LOG}" (attendu : on ou off).`);
}
