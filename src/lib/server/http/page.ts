import { error, fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { isExpectedError, ValidationError, type ExpectedError } from '../services/errors';
import { formFailure } from './form-failure';
import { m } from '$lib/paraglide/messages';

/*
 * Pages and forms answer the services' typed failures here, once, so a route is « read, call one service,
 * return »: no try/catch of its own. Anything that is not one of those failures (a bug, SvelteKit's own
 * redirect() or error()) passes through untouched, to SvelteKit and the handleError hook.
 */

/**
 * "kind.0 : type d'acteur inconnu" -> "paramètre « kind » : type d'acteur inconnu" (what the visitor typed);
 * "kind.0: unknown actor type" -> 'parameter “kind”: unknown actor type' on an English page.
 */
export function describeIssue(issue: string): string {
	const named = /^([A-Za-z]+)(?:\.\d+)*[ \u00a0]?: (.*)$/s.exec(issue);
	return named ? m.errors_parameter_issue({ name: named[1]!, issue: named[2]! }) : issue;
}

/** Turns the services' typed failures into 400/403/404/409 pages in the request's language; anything else stays a 500. */
export function rethrowAsPageError(e: unknown): never {
	if (!isExpectedError(e)) throw e;
	if (e instanceof ValidationError) {
		error(400, { message: m.errors_page_params_unreadable(), issues: e.issues.map(describeIssue) });
	}
	// The conflict's details (the other change, private fields included) are for the edit form, not this page.
	error(e.status, { message: e.message });
}

/** Runs `work`, handing a typed failure (thrown or rejected) to `refuse`; keeps a synchronous load synchronous. */
function guarded<R, F>(work: () => R, refuse: (e: ExpectedError) => F): R | F | Promise<Awaited<R> | F> {
	const onFailure = (e: unknown): F => {
		if (!isExpectedError(e)) throw e;
		return refuse(e);
	};
	try {
		const result = work();
		return result instanceof Promise ? (result.then((r) => r as Awaited<R>, onFailure) as Promise<Awaited<R> | F>) : result;
	} catch (e) {
		return onFailure(e);
	}
}

/**
 * A page's `load` whose typed failures become error pages in its language: a bad address parameter a 400 listing
 * what could not be read, a refusal a 403, an unknown id a 404. `before` sees the failure first: it may
 * redirect (an old address that moved) or answer the page itself (a form that lists what to correct).
 * `export const load = pageLoad(({ url }) => …) satisfies PageServerLoad;`
 */
export function pageLoad<E, R>(load: (event: E) => R): (event: E) => R;
export function pageLoad<E, R, B>(load: (event: E) => R, before: (e: ExpectedError, event: E) => B): (event: E) => R | Exclude<B, void | undefined>;
export function pageLoad<E, R, B>(load: (event: E) => R, before?: (e: ExpectedError, event: E) => B): (event: E) => R | B {
	return (event) =>
		guarded(
			() => load(event),
			(e) => before?.(e, event) ?? rethrowAsPageError(e)
		) as R | B;
}

const plainFailure = (e: ExpectedError) => formFailure(e);

/**
 * A form action: the form is read once and handed over; a typed failure goes to `refuse`, which answers
 * `fail(…)` with what the page prints next to the form (by default `formFailure`: 403/404 pages, a 409 with
 * the conflicting change, a 400 with the issues).
 * `publier: formAction(async (event, form) => …, (e, form) => formFailure(e, { values: typed(form) }))`
 */
export function formAction<E extends RequestEvent, R>(
	run: (event: E, form: FormData) => R
): (event: E) => Promise<Awaited<R> | ReturnType<typeof plainFailure>>;
export function formAction<E extends RequestEvent, R, F extends ActionFailure<Record<string, unknown>>>(
	run: (event: E, form: FormData) => R,
	refuse: (e: ExpectedError, form: FormData, event: E) => F
): (event: E) => Promise<Awaited<R> | F>;
export function formAction<E extends RequestEvent, R, F extends ActionFailure<Record<string, unknown>>>(
	run: (event: E, form: FormData) => R,
	refuse: (e: ExpectedError, form: FormData, event: E) => F = plainFailure as never
): (event: E) => Promise<Awaited<R> | F> {
	return async (event): Promise<Awaited<R> | F> => {
		const form = await event.request.formData();
		return guarded(
			() => run(event, form),
			(e) => refuse(e, form, event)
		) as Promise<Awaited<R> | F>;
	};
}

/**
 * The refusal of a form that has nothing to retry but its fields: a ValidationError answers `status` with
 * `data(sentences)` (what was typed comes back with them); any other typed failure is an error page.
 * `(e, form) => invalidForm(e, (message) => ({ values: typed(form), message }))`
 */
export function invalidForm<X extends Record<string, unknown>>(e: ExpectedError, data: (message: string) => X, status = 400): ActionFailure<X> {
	if (e instanceof ValidationError) return fail(status, data(e.issues.join(' ')));
	rethrowAsPageError(e);
}
