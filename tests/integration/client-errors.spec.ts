import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handle, handleError } from '../../src/hooks.server';

/** What SvelteKit throws for the errors it refuses itself (its SvelteKitError: an Error with status and text). */
function kitError(status: number, text: string, message: string): Error {
	return Object.assign(new Error(message), { status, text });
}

function event(method: string, path: string): RequestEvent {
	const url = new URL(path, 'https://carto.example.fr');
	return { request: new Request(url, { method }), url, locals: { requestId: 'abcdef0123456789' }, route: { id: null } } as unknown as RequestEvent;
}

afterEach(() => vi.restoreAllMocks());

/** Every argument handed to console.error, as text: a stack would show up as « at … » lines. */
function logged(spy: ReturnType<typeof vi.spyOn>): string[] {
	return spy.mock.calls.map((args: unknown[]) => args.map((a) => (a instanceof Error ? String(a.stack) : String(a))).join(' '));
}

describe('erreurs attendues des clients (issue 17 : amplification des journaux)', () => {
	it('answers a form action posted as JSON (415) in French, with one log line and no stack', () => {
		const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
		const error = kitError(415, 'Unsupported Media Type', 'Form actions expect form-encoded data — received application/json');
		const shown = handleError({ error, event: event('POST', '/connexion'), status: 415, message: 'Unsupported Media Type' });
		expect(shown).toEqual({ message: 'Type de contenu non pris en charge\u00a0: envoyez le formulaire depuis la page.' });
		const lines = logged(spy);
		expect(lines).toHaveLength(1);
		expect(lines[0]).toBe('[abcdef01] POST /connexion 415 Form actions expect form-encoded data — received application/json');
		expect(lines[0]).not.toContain('\n');
	});

	it('answers an undecodable address (400) in French, with one log line and no stack', () => {
		const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
		const error = kitError(400, 'Malformed URI', 'Failed to decode URI: /acteurs/%E0%A4%A');
		const shown = handleError({ error, event: event('GET', '/acteurs/%E0%A4%A'), status: 400, message: 'Malformed URI' });
		expect(shown).toEqual({ message: 'Adresse mal formée.' });
		const lines = logged(spy);
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^\[abcdef01\] GET \/acteurs\/%E0%A4%A 400 Failed to decode URI/);
		expect(lines[0]).not.toMatch(/\n|\bat /);
	});

	it('bounds the line, and names any other refusal by its code', () => {
		const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
		const long = `/${'x'.repeat(5000)}`;
		const shown = handleError({
			error: kitError(405, 'Method Not Allowed', `POST method not allowed\n${'y'.repeat(5000)}`),
			event: event('POST', long),
			status: 405,
			message: ''
		});
		expect(shown).toEqual({ message: 'Requête non prise en charge (code 405).' });
		const lines = logged(spy);
		expect(lines).toHaveLength(1);
		expect(lines[0]!.length).toBeLessThan(500);
		expect(lines[0]).not.toContain('\n');
	});

	it('still logs a server fault in full under its reference, and shows only the reference', () => {
		const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
		const shown = handleError({ error: new Error('boom'), event: event('GET', '/acteurs'), status: 500, message: 'Internal Error' });
		expect(shown).toEqual({ message: 'Une erreur inattendue est survenue (référence abcdef01).' });
		expect(logged(spy).join('\n')).toContain('at ');
	});
});

describe('écriture en text/plain (issue 17 : le 500 avec trace de `curl --data`)', () => {
	const ORIGIN = 'https://carto.example.fr';
	function post(path: string, headers: Record<string, string>): RequestEvent {
		const url = new URL(path, ORIGIN);
		return {
			request: new Request(url, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'text/plain;charset=UTF-8', ...headers }, body: 'x' }),
			url,
			cookies: { get: () => undefined },
			locals: {},
			route: { id: null },
			getClientAddress: () => '192.0.2.9'
		} as unknown as RequestEvent;
	}
	async function through(e: RequestEvent) {
		vi.spyOn(console, 'log').mockImplementation(() => {});
		const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
		const resolve = vi.fn(async () => new Response('ok'));
		const response = await handle({ event: e, resolve });
		return { response, resolved: resolve.mock.calls.length > 0, errors: spy.mock.calls.length };
	}

	it('refuses it with a French 415 page before any action reads the body, with no error logged', async () => {
		const { response, resolved, errors } = await through(post('/connexion', {}));
		expect(response.status).toBe(415);
		expect(resolved).toBe(false);
		expect(errors).toBe(0);
		expect(response.headers.get('content-type')).toContain('text/html');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		const html = await response.text();
		expect(html).toContain('<html lang="fr">');
		expect(html).toContain('Type de contenu non pris en charge\u00a0: envoyez le formulaire depuis la page.');
	});

	it('answers an enhanced form with an ActionResult, and English under /en', async () => {
		const action = await through(post('/connexion', { 'x-sveltekit-action': 'true', accept: 'application/json' }));
		expect(action.response.status).toBe(415);
		expect(await action.response.json()).toEqual({
			type: 'error',
			status: 415,
			error: { message: 'Type de contenu non pris en charge\u00a0: envoyez le formulaire depuis la page.' }
		});
		const english = await through(post('/en/connexion', { accept: 'application/json' }));
		expect(await english.response.json()).toEqual({ status: 415, message: 'Unsupported content type: send the form from the page.' });
	});

	it('lets form encodings through to SvelteKit', async () => {
		const { response, resolved } = await through(post('/recherche', { 'content-type': 'application/x-www-form-urlencoded' }));
		expect(resolved).toBe(true);
		expect(response.status).toBe(200);
	});
});
