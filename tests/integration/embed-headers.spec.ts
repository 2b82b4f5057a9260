import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { handle } from '../../src/hooks.server';
import { allowFraming } from '../../src/lib/server/http/embed-headers';

const ORIGIN = 'https://carto.example.fr';
const PAGE_CSP = "default-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'";

/** An anonymous GET (no cookie, so no database) answered by a page carrying SvelteKit's CSP. */
async function page(path: string) {
	const url = new URL(path, ORIGIN);
	const event = {
		request: new Request(url),
		url,
		cookies: { get: () => undefined },
		locals: {},
		route: { id: null },
		getClientAddress: () => '192.0.2.9'
	} as unknown as RequestEvent;
	const resolve = vi.fn(async () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html', 'content-security-policy': PAGE_CSP } }));
	return handle({ event, resolve });
}

describe('en-têtes des vues intégrables', () => {
	it('lets /embed/… be framed by the site itself only, by default', async () => {
		for (const path of ['/embed/carte?kind=third_place', '/embed/reseau']) {
			const r = await page(path);
			expect(r.headers.get('x-frame-options'), path).toBeNull();
			expect(r.headers.get('content-security-policy'), path).toContain("frame-ancestors 'self';");
			expect(r.headers.get('content-security-policy'), path).toContain("script-src 'self'");
			expect(r.headers.get('x-content-type-options')).toBe('nosniff');
		}
	});

	it('keeps DENY and frame-ancestors none everywhere else, look-alike paths included', async () => {
		for (const path of ['/carte', '/reseau', '/embedded', '/api/v1/embed/carte', '/']) {
			const r = await page(path);
			expect(r.headers.get('x-frame-options'), path).toBe('DENY');
			expect(r.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
		}
	});

	it('adds the configured partner origins after self, and a frame-ancestors to a response without CSP', () => {
		const withCsp = new Response('', { headers: { 'content-security-policy': PAGE_CSP, 'x-frame-options': 'DENY' } });
		allowFraming(withCsp, ['https://partenaire.fr', 'https://*.exemple.org']);
		expect(withCsp.headers.get('content-security-policy')).toBe(
			"default-src 'self'; script-src 'self'; frame-ancestors 'self' https://partenaire.fr https://*.exemple.org; base-uri 'self'"
		);
		expect(withCsp.headers.get('x-frame-options')).toBeNull();
		const bare = new Response('');
		allowFraming(bare, []);
		expect(bare.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
	});
});
