/**
 * The commune search's words in the page's language: what the radius search form says of the commune chosen.
 * Apart from distance-words.ts so that the form, shown with the map, does not bring the distances' rules.
 */
import { ofTerritory } from '$lib/domain/french/places';
import type { CommuneMatch } from '$lib/geo/commune-match';
import { m } from '$lib/paraglide/messages';

/** A commune named after « of »: « d'Aurillac », « du Puy-en-Velay » in French; its name alone in English (« of Aurillac »). */
export const placeNames = (name: string) => ({ of: ofTerritory(name, 'commune'), name });

/** « code postal 43200 », « code INSEE 43200 »; null for a name: $lib/geo/commune-match's `matchLabel`. */
export function matchText(match: CommuneMatch, matchedCode: string | null): string | null {
	if (match === 'postal_code') return m.map_match_postal({ code: matchedCode ?? '' });
	if (match === 'insee_code') return m.map_match_insee({ code: matchedCode ?? '' });
	return null;
}
