import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { handle } from '../../src/hooks.server';

/** The request's origin as the direct server or ORIGIN gives it (here, plain http on localhost). */
const SITE = 'http://localhost:3000';

/** The parts of a SvelteKit request the hook reads; anonymous (no cookie), so no database is opened. */
function event(method: string, path: string, headers: Record<string, string>): RequestEvent {
	const url = new URL(path, SITE);
	return {
		request: new Request(url, { method, headers, body: method === 'GET' ? undefined : 'email=a%40b.fr' }),
		url,
		cookies: { get: () => undefined },
		locals: {},
		route: { id: '/invitation/[token]' },
		getClientAddress: () => '192.0.2.7'
	} as unknown as RequestEvent;
}

async function through(e: RequestEvent) {
	const resolve = vi.fn(async () => new Response('<p>ok</p>', { headers: { 'content-type': 'text/html' } }));
	const response = await handle({ event: e, resolve });
	return { response, resolved: resolve.mock.calls.length > 0 };
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

describe('formulaires venus d’un autre site (hooks.server.ts)', () => {
	it('refuses them with the French page before any action runs, under the strict CSP', async () => {
		const { response, resolved } = await through(event('POST', '/invitation/jeton-secret?/accept', { ...FORM, origin: 'http://127.0.0.1:4000' }));
		expect(resolved).toBe(false);
		expect(response.status).toBe(403);
		expect(await response.text()).toContain('Envoi refusé');
		expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
		expect(response.headers.get('x-frame-options')).toBe('DENY');
	});

	it('lets the site’s own forms and every read through', async () => {
		expect((await through(event('POST', '/invitation/x?/accept', { ...FORM, origin: SITE }))).resolved).toBe(true);
		expect((await through(event('GET', '/invitation/x', { origin: 'https://evil.example' }))).resolved).toBe(true);
	});

	it('writes each refusal to the security log with the route id, never the token in the path', async () => {
		const lines: string[] = [];
		const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
		await through(event('POST', '/invitation/jeton-secret?/accept', { ...FORM, origin: 'https://evil.example' }));
		spy.mockRestore();
		expect(lines.map((l) => JSON.parse(l)).filter((l) => l.type === 'security')).toEqual([
			expect.objectContaining({
				event: 'access.denied',
				status: 403,
				reason: 'cross-site-form',
				method: 'POST',
				route: '/invitation/[token]',
				userId: null,
				ip: '192.0.2.7'
			})
		]);
		expect(lines.join('\n')).not.toContain('jeton-secret');
	});
});
