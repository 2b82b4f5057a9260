import { describe, expect, it } from 'vitest';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getLocale } from '$lib/paraglide/runtime';
import { entityInputSchema, formatIssues } from './entity.schema';
import { directoryQuerySchema } from './filters';

/*
 * The schemas are built once, at start-up; their messages are functions zod calls while parsing, so each
 * request reads its refusals in its own language. Outside a request (CLI, jobs, tests) it is French.
 */
const refused = (input: unknown) => {
	const parsed = entityInputSchema.safeParse(input);
	return parsed.success ? [] : formatIssues(parsed.error);
};
const noName = { slug: 'la-fabrique', kind: 'organisation', category: 'incubator', name: ' ' };

/** What `handle` does for a page: paraglide's middleware sets the request's language for everything it awaits. */
const during = <T>(url: string, work: () => T): Promise<T> =>
	paraglideMiddleware(new Request(url), async () => {
		const value = work();
		return new Response(JSON.stringify(value));
	}).then((res) => res.json() as Promise<T>);

describe('the language of a refusal', () => {
	it('is French outside any request, without paraglide throwing', () => {
		expect(getLocale()).toBe('fr');
		expect(refused(noName)).toEqual(['name\u00a0: nom obligatoire']);
	});

	it('follows the request: English under /en, French at the root', async () => {
		expect(await during('http://localhost/en/acteurs', () => refused(noName))).toEqual(['name: name required']);
		expect(await during('http://localhost/acteurs', () => refused(noName))).toEqual(['name\u00a0: nom obligatoire']);
		expect(await during('http://localhost/en/acteurs', () => directoryQuerySchema.safeParse({ sort: 'age' }).error?.issues[0]?.message)).toBe('unknown sort');
	});

	it('comes back to French once the request is over', async () => {
		await during('http://localhost/en/acteurs', () => refused(noName));
		expect(getLocale()).toBe('fr');
		expect(refused(noName)).toEqual(['name\u00a0: nom obligatoire']);
	});
});
