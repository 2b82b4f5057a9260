import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from './errors';
import { rethrowAsPageError } from './page-errors.service';
import { ForbiddenError } from './users.service';

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
