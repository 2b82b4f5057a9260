import { z } from 'zod';
import { searchParamsToObject } from '$lib/domain/filter-params';
import { formatIssues } from '$lib/domain/entity.schema';
import { ValidationError } from './errors';

/** The French problems of a query string read through one schema (none: an empty list). */
export function paramIssues(schema: z.ZodType, params: URLSearchParams, repeatable: readonly string[] = []): string[] {
	const parsed = schema.safeParse(searchParamsToObject(params, repeatable));
	return parsed.success ? [] : formatIssues(parsed.error);
}

/** Query string -> typed value through one schema; problems become a French ValidationError (400). */
export function parseParams<T extends z.ZodType>(schema: T, params: URLSearchParams, repeatable: readonly string[] = []): z.output<T> {
	const parsed = schema.safeParse(searchParamsToObject(params, repeatable));
	if (!parsed.success) throw new ValidationError(formatIssues(parsed.error));
	return parsed.data;
}

/** A page's size (`limit`), refused in French: at most `max`, `fallback` when absent. */
export const limitParam = (max: number, fallback: number) =>
	z.coerce
		.number({ error: 'limit doit être un nombre' })
		.int({ error: 'limit doit être un entier' })
		.min(1, { error: 'limit doit être au moins 1' })
		.max(max, { error: `limit : ${max} au maximum` })
		.default(fallback);
