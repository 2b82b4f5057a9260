import { countOf, frenchList } from '$lib/domain/french';
import type { RowPlacement } from './row-place';

/*
 * The report's lines about where rows were placed. Each way gets a « voir » link (?lieu=…) that lists its
 * rows in the table below, so an editor can check every commune the importer chose for them.
 */

export const PLACEMENTS = ['coordinates', 'postcode', 'name', 'outside'] as const satisfies readonly RowPlacement[];

export function placementParam(raw: string | null): RowPlacement | null {
	return (PLACEMENTS as readonly string[]).includes(raw ?? '') ? (raw as RowPlacement) : null;
}

/** « 2 lignes placées par leurs coordonnées », « 5 lignes ignorées (hors du territoire) »… */
export function placementSentence(place: RowPlacement, n: number): string {
	switch (place) {
		case 'coordinates':
			return `${countOf(n, 'ligne placée', 'lignes placées')} dans une commune d’après ${n > 1 ? 'leurs' : 'ses'} coordonnées`;
		case 'postcode':
			return `${countOf(n, 'ligne placée', 'lignes placées')} d’après ${n > 1 ? 'leur' : 'son'} seul code postal`;
		case 'name':
			return `${countOf(n, 'ligne placée', 'lignes placées')} d’après un nom de commune approché`;
		case 'outside':
			return `${countOf(n, 'ligne ignorée', 'lignes ignorées')} (hors du territoire)`;
	}
}

/** « lignes 12, 13 et 14 », « ligne 12 »; long lists cut after `max` numbers. */
export function rowNumbers(rows: number[], max = 30): string {
	const shown = rows.slice(0, max).map(String);
	if (rows.length > max) return `lignes ${shown.join(', ')}… (${countOf(rows.length - max, 'autre')})`;
	return `${rows.length > 1 ? 'lignes' : 'ligne'} ${frenchList(shown)}`;
}

/** The heading of the rows table when a « voir » filter is on. */
export const placementFilterLabel: Record<RowPlacement, string> = {
	coordinates: 'placées d’après leurs coordonnées',
	postcode: 'placées d’après leur code postal',
	name: 'placées d’après un nom de commune approché',
	outside: 'ignorées (hors du territoire)'
};
