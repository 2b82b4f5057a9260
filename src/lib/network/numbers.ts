import { getLocale } from '$lib/paraglide/runtime';

/** Numbers as the page's language writes them: « 1 234 » and « 0,42 » in French, « 1,234 » and « 0.42 » in English. */
const numberLocale = (): string => (getLocale() === 'en' ? 'en-GB' : 'fr-FR');

export const formatCount = (n: number): string => n.toLocaleString(numberLocale());

/** A measure (betweenness, PageRank) to three significant digits. */
export const formatMeasure = (n: number): string => n.toLocaleString(numberLocale(), { maximumSignificantDigits: 3 });
