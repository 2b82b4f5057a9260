import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { localHref } from '$lib/i18n/locale-href';
import type { FlowFigure, FlowFilters } from '$lib/pathways/types';

/**
 * The flows filters as URL parameters, in one fixed order and without defaults, so that the page, the
 * figure links and the CSV link carry the same short, shareable query.
 */
export function flowParams(filters: FlowFilters): URLSearchParams {
	const params = new URLSearchParams();
	if (filters.sector) params.set('sector', filters.sector);
	if (filters.departement) params.set('departement', filters.departement);
	if (filters.epci) params.set('epci', filters.epci);
	if (filters.from !== undefined) params.set('from', String(filters.from));
	if (filters.to !== undefined) params.set('to', String(filters.to));
	if (filters.level !== 'category') params.set('level', filters.level);
	return params;
}

/** In the page's language (the CSV, under /api, has one address). */
const withQuery = (path: string, params: URLSearchParams) => localHref(params.size ? `${path}?${params}` : path);

export function flowsHref(filters: FlowFilters, patch: Partial<FlowFilters> = {}): string {
	return withQuery('/parcours/flux', flowParams({ ...filters, ...patch }));
}

/** The file at its one address; from an English page, with English column names (`lang=en`). */
export function flowsCsvHref(filters: FlowFilters, locale: Locale = getLocale()): string {
	const params = flowParams(filters);
	if (locale !== 'fr') params.set('lang', locale);
	return withQuery('/api/v1/pathways/flows.csv', params);
}

/**
 * The projects behind one figure, with the filters that produced it. A transition's keys travel as
 * `from_key`/`to_key`, since `from`/`to` already hold the period's years. `rank` narrows a band of the
 * diagram to the step where it sits (the table's transitions count all steps together).
 */
export function figureHref(filters: FlowFilters, figure: FlowFigure, rank?: number): string {
	const params = flowParams(filters);
	params.set('figure', figure.figure);
	if (figure.figure === 'transition') {
		params.set('from_key', figure.from);
		params.set('to_key', figure.to);
	} else if (figure.figure === 'first' || figure.figure === 'stuck' || figure.figure === 'arrived') params.set('key', figure.key);
	else if (figure.figure === 'reached') {
		params.set('rank', String(figure.rank));
		params.set('key', figure.key);
	} else if (figure.figure === 'leaving') params.set('code', figure.code);
	if (rank !== undefined) params.set('rank', String(rank));
	return withQuery('/parcours/flux/projets', params);
}

/**
 * The projects behind a node of the diagram: those whose step at that rank reached this key
 * (`figure=reached`, grouped « Autres structures » included, so the list matches the block's count).
 */
export function nodeHref(filters: FlowFilters, node: { rank: number; key: string }): string {
	const params = flowParams(filters);
	params.set('figure', 'reached');
	params.set('rank', String(node.rank));
	params.set('key', node.key);
	return withQuery('/parcours/flux/projets', params);
}
