import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { directoryQuerySchema } from '$lib/domain/filters';
import { formatIssues } from '$lib/domain/entity.schema';
import { ConflictError, ValidationError } from '../services/errors';
import { crossSiteFormRefusal } from './csrf';
import { rethrowAsPageError } from './page';

/** What `handle` does for a page: everything awaited inside reads the request's language. */
async function during<T>(url: string, work: () => T): Promise<T> {
	let value: T | undefined;
	await paraglideMiddleware(new Request(url), () => {
		value = work();
		return new Response(null);
	});
	return value as T;
}

/** The 400 page a load answers when its address does not read. */
function pageOf(e: unknown): { message: string; issues?: string[] } {
	try {
		rethrowAsPageError(e);
	} catch (thrown) {
		if (isHttpError(thrown)) return thrown.body as { message: string; issues?: string[] };
	}
	throw new Error('no error page');
}

const badAddress = () => {
	const parsed = directoryQuerySchema.safeParse({ sort: 'age', kind: ['robot'] });
	return pageOf(new ValidationError(formatIssues(parsed.error!)));
};

describe('a page refused at /en reads in English, the same at the root in French', () => {
	it('an address the directory cannot read', async () => {
		expect(await during('http://localhost/en/acteurs?sort=age', badAddress)).toEqual({
			message: 'This address has parameters we cannot read.',
			issues: ['parameter “kind”: unknown actor type', 'parameter “sort”: unknown sort']
		});
		expect(await during('http://localhost/acteurs?sort=age', badAddress)).toEqual({
			message: 'Cette adresse contient des paramètres que nous ne savons pas lire.',
			issues: ["paramètre «\u00a0kind\u00a0»\u00a0: type d'acteur inconnu", 'paramètre «\u00a0sort\u00a0»\u00a0: tri inconnu']
		});
	});

	it('a save that ran into someone else’s', async () => {
		const conflict = () => new ConflictError('entity', 7, 2, 3, null).message;
		expect(await during('http://localhost/en/espace/fiches/7', conflict)).toMatch(
			/^This listing was changed while you were editing it: you started from version 2/
		);
		expect(conflict()).toMatch(/^Cette fiche a été modifiée pendant que vous la modifiiez\u00a0: votre saisie partait de la version 2/);
		const other = {
			revisionId: 9,
			version: 3,
			operation: 'update' as const,
			authorLabel: 'Paul',
			authors: ['Paul', 'Léa'],
			createdAt: '2026-12-05T19:38:00Z',
			reason: '',
			changes: []
		};
		const byWhom = () => new ConflictError('relation', 7, 2, 3, other).message;
		expect(await during('http://localhost/en/espace', byWhom)).toMatch(
			/^This relation was changed by Paul and Léa on 5 December 2026 at 20:38 while you were editing it/
		);
		expect(byWhom()).toMatch(/^Cette relation a été modifiée par Paul et Léa le 5 décembre 2026 à 20\sh\s38 \(modification\) pendant que/);
	});

	it('a cross-site form posted to an English page (refused before the language middleware runs)', async () => {
		const site = 'http://localhost:3000';
		const post = (path: string, accept: string) => {
			const url = new URL(path, site);
			const headers = { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', accept };
			return crossSiteFormRefusal(new Request(url, { method: 'POST', headers, body: 'a=1' }), url)!;
		};
		const html = await post('/en/acteurs/la-fabrique/signaler?/send', 'text/html').text();
		expect(html).toContain('<html lang="en">');
		expect(html).toContain('<h1 id="titre">Sending refused</h1>');
		expect(html).toContain('This form was sent from https://evil.example, another address than this site’s (http://localhost:3000).');
		expect(html).toContain(`href="${site}/en"`);
		expect(html).not.toMatch(/formulaire|Envoi/);
		const json = (await post('/en/connexion', 'application/json').json()) as { message: string };
		expect(json.message).toMatch(/^Sending refused: this form does not come from a page of this site/);
	});
});
