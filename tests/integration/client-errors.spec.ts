import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleError } from '../../src/hooks.server';

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
		expect(shown).toEqual({ message: 'Type de contenu non pris en charge : envoyez le formulaire depuis la page.' });
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
