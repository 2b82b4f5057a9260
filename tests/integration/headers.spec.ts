import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { handle, handleError } from '../../src/hooks.server';
import { apiWriteRefusal } from '../../src/lib/server/http/api-write-guard';

const ORIGIN = 'https://carto.example.fr';

/** The parts of a SvelteKit request the hook reads; anonymous (no cookie), so no database is opened. */
function event(method: string, path: string, headers: Record<string, string> = {}): RequestEvent {
	const url = new URL(path, ORIGIN);
	return {
		request: new Request(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : '{}' }),
		url,
		cookies: { get: () => undefined },
		locals: {},
		route: { id: url.pathname.startsWith('/api/v1/entities/') ? '/api/v1/entities/[idOrSlug]' : null },
		getClientAddress: () => '192.0.2.9'
	} as unknown as RequestEvent;
}

async function through(e: RequestEvent) {
	const resolve = vi.fn(async () => new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } }));
	const response = await handle({ event: e, resolve });
	return { response, resolved: resolve.mock.calls.length > 0 };
}

describe('préflight CORS', () => {
	it('answers OPTIONS on every /api/v1 endpoint with GET and HEAD only, without running it', async () => {
		for (const path of ['/api/v1/entities', '/api/v1/graph', '/api/v1/inconnu']) {
			const { response, resolved } = await through(event('OPTIONS', path, { origin: 'https://partenaire.fr', 'access-control-request-method': 'GET' }));
			expect(response.status, path).toBe(204);
			expect(resolved).toBe(false);
			expect(response.headers.get('access-control-allow-origin')).toBe('*');
			expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
		}
	});
});

describe('garde des écritures JSON (CSRF)', () => {
	it('refuses a write without Origin or from another site with a French 403, before any endpoint runs', async () => {
		const attempts: Record<string, string>[] = [
			{ 'content-type': 'application/json' },
			{ 'content-type': 'application/json', origin: 'https://evil.example' },
			{ 'content-type': 'application/json', origin: 'null' }
		];
		for (const headers of attempts) {
			const { response, resolved } = await through(event('POST', '/api/v1/entities', headers));
			expect(response.status).toBe(403);
			expect(resolved).toBe(false);
			expect(((await response.json()) as { error: string }).error).toMatch(/origine/);
		}
	});

	it('refuses a same-origin write that is not JSON with a French 415', async () => {
		for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
			const { response, resolved } = await through(event('PUT', '/api/v1/entities/1', type ? { origin: ORIGIN, 'content-type': type } : { origin: ORIGIN }));
			expect(response.status, type).toBe(415);
			expect(resolved).toBe(false);
			expect(((await response.json()) as { error: string }).error).toContain('JSON');
		}
	});

	it('lets same-origin JSON writes, reads and non-API requests through', async () => {
		for (const method of ['POST', 'PATCH', 'DELETE']) {
			const e = event(method, '/api/v1/entities', { origin: ORIGIN, 'content-type': 'application/json; charset=utf-8' });
			expect((await through(e)).resolved, method).toBe(true);
		}
		expect((await through(event('GET', '/api/v1/entities'))).resolved).toBe(true);
		expect((await through(event('HEAD', '/api/v1/entities'))).resolved).toBe(true);
		// Page forms have their own origin check (csrf.ts, tests/integration/csrf-hook.spec.ts); this guard is for the JSON API.
		expect(apiWriteRefusal(new Request(`${ORIGIN}/connexion`, { method: 'POST' }), new URL(`${ORIGIN}/connexion`))).toBeNull();
	});

	it('writes each refusal to the security log, with the route id rather than the path', async () => {
		const lines: string[] = [];
		const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
		await through(event('POST', '/api/v1/entities/jeton-secret-dans-le-chemin', { 'content-type': 'application/json', origin: 'https://evil.example' }));
		const forbidden = vi.fn(async () => new Response('Interdit', { status: 403 }));
		await handle({ event: event('GET', '/api/v1/entities/autre-secret'), resolve: forbidden });
		await through(event('GET', '/api/v1/entities'));
		spy.mockRestore();
		const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.type === 'security');
		expect(logged).toEqual([
			expect.objectContaining({
				type: 'security',
				event: 'access.denied',
				status: 403,
				reason: 'api-write-guard',
				method: 'POST',
				route: '/api/v1/entities/[idOrSlug]',
				ip: '192.0.2.9'
			}),
			expect.objectContaining({ event: 'access.denied', status: 403, reason: 'forbidden', method: 'GET', userId: null })
		]);
		expect(lines.join('\n')).not.toMatch(/secret/);
	});

	it('puts the security headers on refusals and on answers alike, with a CSP that forbids framing', async () => {
		const refused = (await through(event('POST', '/api/v1/entities'))).response;
		const passed = (await through(event('GET', '/api/v1/entities'))).response;
		for (const r of [refused, passed]) {
			expect(r.headers.get('x-content-type-options')).toBe('nosniff');
			expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
			expect(r.headers.get('x-frame-options')).toBe('DENY');
			expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
			expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
		}
	});
});

describe("pages d'erreur sans détail technique", () => {
	it('never hands the visitor a stack trace or SQL, only a French message with a reference', () => {
		const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
		const failure = new Error('SQLITE_ERROR: no such column: secret_column in SELECT * FROM users WHERE password_hash = ?');
		const shown = handleError({ error: failure, event: event('GET', '/acteurs'), status: 500, message: 'Internal Error' });
		const text = JSON.stringify(shown);
		expect(text).toMatch(/Une erreur inattendue est survenue \(référence [a-z0-9]+\)/);
		for (const leak of ['SQLITE', 'SELECT', 'password', 'at ', '.ts:', failure.stack!.split('\n')[1]!.trim()]) expect(text).not.toContain(leak);
		// The details go to the server's log, under the same reference.
		expect(spy).toHaveBeenCalled();
		spy.mockRestore();
		expect(handleError({ error: new Error('x'), event: event('GET', '/nulle-part'), status: 404, message: 'Not Found' })).toEqual({
			message: 'Page introuvable.'
		});
	});
});
