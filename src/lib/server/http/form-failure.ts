import { error, fail, redirect } from '@sveltejs/kit';
import { displayChange, type DisplayChange } from '$lib/history/format';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../services/errors';
import type { AccountUser } from '../services/users.service';
import { m } from '$lib/paraglide/messages';
import { localHref } from '$lib/i18n/locale-href';

/** What a page shows when a save started from an old version: the sentence and the other person's change. */
export interface ConflictView {
	message: string;
	authorLabel: string | null;
	createdAt: string | null;
	changes: DisplayChange[];
}

/**
 * Turns the services' typed failures into what a form action answers: 403/404 error pages (nothing to
 * retry), a 409 with the conflicting change, a 400 with the issues (in the request's language). Anything else is a bug: rethrown.
 */
export function formFailure<X extends Record<string, unknown> = Record<never, never>>(e: unknown, extra: X = {} as X) {
	if (e instanceof ForbiddenError) error(403, { message: e.message });
	if (e instanceof NotFoundError) error(404, { message: e.message });
	if (e instanceof ConflictError) {
		const conflict: ConflictView = {
			message: e.message,
			authorLabel: e.other?.authorLabel ?? null,
			createdAt: e.other?.createdAt ?? null,
			changes: (e.other?.changes ?? []).map((c) => displayChange(c))
		};
		return fail(409, { ...extra, conflict, message: null as string | null });
	}
	if (e instanceof ValidationError) return fail(400, { ...extra, conflict: null as ConflictView | null, message: e.issues.join(' ; ') });
	throw e;
}

/** Signed-in pages send visitors to /connexion (in the page's language) and come back afterwards. */
export function requireUser(user: AccountUser | null, url: URL): AccountUser {
	if (!user) redirect(303, localHref(`/connexion?next=${encodeURIComponent(url.pathname)}`));
	return user;
}

/** A positive integer from a form or route parameter, or a 404: ids are never guessed at. */
export function idFrom(value: FormDataEntryValue | string | null | undefined): number {
	const n = Number(value);
	if (!Number.isSafeInteger(n) || n <= 0) error(404, { message: m.errors_unknown_id() });
	return n;
}
