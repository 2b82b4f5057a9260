import { resolutionMessage, resolveTypedCommune, type CommuneResolution } from '$lib/geo/commune-match';
import type { CommuneSuggestion } from '$lib/map/api-types';
import { fetchJson } from '$lib/map/map-data';
import { ofTerritory } from '$lib/domain/french/places';
import { m } from '$lib/paraglide/messages';

/** Communes for a typed text (name, postcode or INSEE code), from /api/v1/communes. */
export async function fetchCommunes(text: string, limit: number, signal?: AbortSignal): Promise<CommuneSuggestion[]> {
	const body = await fetchJson<{ items: CommuneSuggestion[] }>(`/api/v1/communes?q=${encodeURIComponent(text.trim())}&limit=${limit}`, signal);
	return body.items;
}

/** What a typed text names, by the same rule the server applies to forms sent without JavaScript. */
export async function lookupCommune(text: string, signal?: AbortSignal): Promise<{ resolution: CommuneResolution<CommuneSuggestion>; message: string | null }> {
	const trimmed = text.trim();
	const items = trimmed ? await fetchCommunes(trimmed, 50, signal) : [];
	const resolution = resolveTypedCommune(trimmed, items);
	return { resolution, message: resolutionMessage(trimmed, resolution) };
}

/** « Yssingeaux (43) », the way a commune is named in lists. */
export const communeWithDepartement = (c: Pick<CommuneSuggestion, 'name' | 'departementCode'>): string =>
	c.departementCode ? `${c.name} (${c.departementCode})` : c.name;

/** « Autour d'Yssingeaux (43) », « Autour du Puy-en-Velay (43) » (French-phrasing module). */
export const aroundCommune = (c: Pick<CommuneSuggestion, 'name' | 'departementCode'>): string =>
	`Autour ${ofTerritory(c.name, 'commune')}${c.departementCode ? ` (${c.departementCode})` : ''}`;

/** « code postal 43200 » / « postcode 43200 »: how a commune was found, in the page's language (null for a name). */
export function matchWords(match: string, matchedCode: string | null): string | null {
	if (!matchedCode) return null;
	if (match === 'postal_code') return m.pathways_match_postcode({ code: matchedCode });
	if (match === 'insee_code') return m.pathways_match_insee({ code: matchedCode });
	return null;
}
