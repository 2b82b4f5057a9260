import { kindTerms, vocabularyIn } from '$lib/domain/vocabulary';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * One colour per kind of actor (ColorBrewer "Dark2": sober, distinct for most colour-blind readers).
 * The legend, the points and the list badges read it from here.
 */
export const KIND_COLORS: Record<string, string> = {
	organisation: '#1b6f9e',
	third_place: '#1b9e77',
	event: '#d95f02',
	person: '#7570b3'
};
export const FALLBACK_KIND_COLOR = '#6b6158';

export const kindColor = (kind: string): string => KIND_COLORS[kind] ?? FALLBACK_KIND_COLOR;

export interface KindLegendEntry {
	kind: string;
	label: string;
	color: string;
}

/** Legend entries in vocabulary order, in the page's language, only for kinds present in the payload (all of them when none is given). */
export function kindLegend(present?: Iterable<string>): KindLegendEntry[] {
	const set = present ? new Set(present) : null;
	const label = vocabularyIn(getLocale()).kind;
	return kindTerms.filter((t) => !set || set.has(t.code)).map((t) => ({ kind: t.code, label: label(t.code), color: kindColor(t.code) }));
}

/** A MapLibre `match` expression colouring a feature by its `kind` property. */
export function kindColorExpression(): unknown[] {
	return ['match', ['get', 'kind'], ...Object.entries(KIND_COLORS).flat(), FALLBACK_KIND_COLOR];
}
