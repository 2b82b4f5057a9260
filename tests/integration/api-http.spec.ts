import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it } from 'vitest';
import { apiFile, apiGet, apiOptions } from '../../src/lib/server/http/api';
import { apiLimiter, apiRateLimit, DEFAULT_API_RATE_LIMIT } from '../../src/lib/server/http/rate-limit-api';
import { NotFoundError, ValidationError } from '../../src/lib/server/services/errors';
import { OPTIONS } from '../../src/routes/api/v1/[...rest]/+server';

const ORIGIN = 'https://carto.example.fr';

function event(path: string, headers: Record<string, string> = {}, ip = '192.0.2.10', method = 'GET'): RequestEvent {
	const url = new URL(path, ORIGIN);
	return { request: new Request(url, { method, headers }), url, params: {}, getClientAddress: () => ip } as unknown as RequestEvent;
}

const handler = apiGet(() => ({ items: [1, 2, 3], label: 'équipe' }));

afterEach(() => {
	delete process.env.CARTO_API_RATE_LIMIT;
	apiLimiter.reset();
});

describe('ETag et If-None-Match', () => {
	it('gives a stable ETag and answers 304 without a body when it matches', async () => {
		const first = await handler(event('/api/v1/entities'));
		expect(first.status).toBe(200);
		expect(first.headers.get('cache-control')).toBe('no-cache');
		const etag = first.headers.get('etag');
		expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
		expect(await first.json()).toEqual({ items: [1, 2, 3], label: 'équipe' });

		const again = await handler(event('/api/v1/entities'));
		expect(again.headers.get('etag')).toBe(etag);

		for (const header of [etag!, `W/${etag}`, `"autre", ${etag}`, '*']) {
			const cached = await handler(event('/api/v1/entities', { 'if-none-match': header }));
			expect(cached.status, header).toBe(304);
			expect(await cached.text()).toBe('');
			expect(cached.headers.get('etag')).toBe(etag);
		}
		const stale = await handler(event('/api/v1/entities', { 'if-none-match': '"autre"' }));
		expect(stale.status).toBe(200);
	});

	it('does the same for files', async () => {
		const file = apiFile(() => ({ body: 'a,b\n1,2\n', contentType: 'text/csv; charset=utf-8', filename: 'x.csv' }));
		const first = await file(event('/api/v1/pathways/flows.csv'));
		expect(first.headers.get('content-disposition')).toBe('attachment; filename="x.csv"');
		const etag = first.headers.get('etag')!;
		expect((await file(event('/api/v1/pathways/flows.csv', { 'if-none-match': etag }))).status).toBe(304);
	});

	it('keeps the French error bodies, without ETag', async () => {
		const bad = await apiGet(() => {
			throw new ValidationError(['limit : 200 au maximum']);
		})(event('/api/v1/entities'));
		expect(bad.status).toBe(400);
		expect(bad.headers.get('etag')).toBeNull();
		expect(await bad.json()).toEqual({ status: 400, message: 'Paramètres invalides.', issues: ['limit : 200 au maximum'] });
		const missing = await apiGet(() => {
			throw new NotFoundError('Aucun acteur « x ».');
		})(event('/api/v1/entities/x'));
		expect(missing.status).toBe(404);
		expect(missing.headers.get('access-control-allow-origin')).toBe('*');
	});
});

describe('CORS', () => {
	it('opens GET answers of /api/v1 to any origin', async () => {
		const res = await handler(event('/api/v1/entities', { origin: 'https://ailleurs.example' }));
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.headers.get('access-control-expose-headers')).toMatch(/etag/);
	});

	it('does not open other paths', async () => {
		const res = await handler(event('/reseau/apercu.svg'));
		expect(res.headers.get('access-control-allow-origin')).toBeNull();
	});

	it('answers the preflight with GET and HEAD only', async () => {
		for (const res of [apiOptions(), await OPTIONS(event('/api/v1/inconnu', {}, '192.0.2.10', 'OPTIONS') as never)]) {
			expect(res.status).toBe(204);
			expect(res.headers.get('access-control-allow-origin')).toBe('*');
			const methods = res.headers
				.get('access-control-allow-methods')!
				.split(',')
				.map((m) => m.trim());
			expect(methods).toContain('GET');
			expect(methods).toContain('HEAD');
			for (const write of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(methods).not.toContain(write);
		}
	});
});

describe('limite de requêtes', () => {
	it('refuses the request over the budget with a French 429 and retry-after', async () => {
		process.env.CARTO_API_RATE_LIMIT = '3';
		for (let i = 0; i < 3; i++) expect((await handler(event('/api/v1/entities', {}, '198.51.100.7'))).status).toBe(200);
		const refused = await handler(event('/api/v1/entities', {}, '198.51.100.7'));
		expect(refused.status).toBe(429);
		const retry = Number(refused.headers.get('retry-after'));
		expect(retry).toBeGreaterThanOrEqual(1);
		expect(retry).toBeLessThanOrEqual(60);
		expect(((await refused.json()) as { message: string }).message).toMatch(/Trop de requêtes/);
		// Another client keeps its own budget.
		expect((await handler(event('/api/v1/entities', {}, '198.51.100.8'))).status).toBe(200);
	});

	it('slides: the budget comes back a minute later', () => {
		const t0 = 1_000_000;
		expect(apiLimiter.check('k', 2, t0).allowed).toBe(true);
		expect(apiLimiter.check('k', 2, t0 + 10_000).allowed).toBe(true);
		const refused = apiLimiter.check('k', 2, t0 + 20_000);
		expect(refused).toEqual({ allowed: false, retryAfter: 40 });
		expect(apiLimiter.check('k', 2, t0 + 60_001).allowed).toBe(true);
	});

	it('exempts loopback by default, limits others at the default', () => {
		expect(apiRateLimit('127.0.0.1', {})).toBeNull();
		expect(apiRateLimit('::1', {})).toBeNull();
		expect(apiRateLimit('203.0.113.5', {})).toBe(DEFAULT_API_RATE_LIMIT);
		expect(apiRateLimit('127.0.0.1', { CARTO_API_RATE_LIMIT: '10' })).toBe(10);
		expect(apiRateLimit('203.0.113.5', { CARTO_API_RATE_LIMIT: '0' })).toBeNull();
	});
});
