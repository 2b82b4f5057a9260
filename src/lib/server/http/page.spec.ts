import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../services/errors';
import { formAction, invalidForm, pageLoad, rethrowAsPageError } from './page';

const statusOf = (e: unknown): number | string => {
	try {
		rethrowAsPageError(e);
	} catch (thrown) {
		return isHttpError(thrown) ? thrown.status : 'rethrown';
	}
	return 'returned';
};

describe('rethrowAsPageError', () => {
	it('maps the services’ typed failures to French pages, and lets anything else through as a 500', () => {
		expect(statusOf(new ValidationError(['kind.0 : type inconnu']))).toBe(400);
		expect(statusOf(new ForbiddenError('Vous ne gérez pas cette fiche.'))).toBe(403);
		expect(statusOf(new NotFoundError('Aucun acteur.'))).toBe(404);
		expect(statusOf(new ConflictError('entity', 1, 2, 3, null))).toBe(409);
		expect(statusOf(new Error('SQLITE_ERROR: no such table'))).toBe('rethrown');
	});
});

describe('pageLoad', () => {
	it('answers the typed failures of a sync or async load as French pages, and keeps the data otherwise', async () => {
		const ok = pageLoad((n: number) => ({ n }));
		expect(ok(2)).toEqual({ n: 2 });
		const missing = pageLoad(async (_: number) => {
			throw new NotFoundError('Aucun acteur ne porte ce nom.');
		});
		await expect(missing(1)).rejects.toMatchObject({ status: 404, body: { message: 'Aucun acteur ne porte ce nom.' } });
		const broken = pageLoad((_: number) => {
			throw new Error('SQLITE_ERROR');
		});
		expect(() => broken(1)).toThrow('SQLITE_ERROR');
	});

	it('lets `before` answer the page itself', () => {
		const load = pageLoad(
			(_: number): { issues: string[] } => {
				throw new ValidationError(['commune inconnue']);
			},
			(e) => (e instanceof ValidationError ? { issues: e.issues } : undefined)
		);
		expect(load(1)).toEqual({ issues: ['commune inconnue'] });
	});
});

describe('formAction', () => {
	const event = (body: string) => ({ request: new Request('http://x/', { method: 'POST', body: new URLSearchParams(body) }) }) as unknown as RequestEvent;

	it('hands the form over and answers a refusal with what was typed', async () => {
		const action = formAction(
			(_: RequestEvent, form) => {
				if (!form.get('name')) throw new ValidationError(['Nom requis.']);
				return { done: `Bonjour ${form.get('name')}` };
			},
			(e, form) => invalidForm(e, (message) => ({ message, email: String(form.get('email')) }))
		);
		expect(await action(event('name=Ada'))).toEqual({ done: 'Bonjour Ada' });
		expect(await action(event('email=a@b.fr'))).toMatchObject({ status: 400, data: { message: 'Nom requis.', email: 'a@b.fr' } });
	});

	it('turns a refusal without retry into the 403 page by default, and a conflict into a 409 with its sentence', async () => {
		const forbidden = formAction(() => {
			throw new ForbiddenError('Vous ne gérez pas cette fiche.');
		});
		await expect(forbidden(event(''))).rejects.toSatisfy((e) => isHttpError(e) && e.status === 403);
		const stale = formAction(() => {
			throw new ConflictError('entity', 1, 2, 3, null);
		});
		expect(await stale(event(''))).toMatchObject({ status: 409, data: { conflict: { authorLabel: null } } });
	});
});
