import { foldAccents } from './fold';

/**
 * A listing's address part: lowercase letters, digits and single hyphens. Its own module so the route
 * matcher (which runs in the browser too) does not pull the entity schema and its parsers in.
 */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Kebab-case ASCII: « Incubateur Dômes & Vallées » -> « incubateur-domes-vallees ». */
export function slugify(text: string): string {
	return foldAccents(text)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 100)
		.replace(/-+$/g, '');
}
