/** Figures for the flows page in the page's language: « 1 234 projets », « 7,5 mois », « 42 % » / « 1,234 projects », « 7.5 months », « 42% ». */
import { frenchSpacing } from '$lib/domain/french/typography';
import { ofTerritory } from '$lib/domain/french/places';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

const intl = () => (getLocale() === 'en' ? 'en-GB' : 'fr-FR');

export const formatCount = (n: number): string => new Intl.NumberFormat(intl()).format(n);

export const projectsLabel = (count: number): string => m.pathways_projects({ count });

export const formatMonths = (months: number | null): string =>
	months === null ? '—' : m.pathways_months({ count: months, months: new Intl.NumberFormat(intl(), { maximumFractionDigits: 1 }).format(months) });

export const formatShare = (share: number): string => new Intl.NumberFormat(intl(), { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** A territory of the flows page by its code: a département (« du Puy-de-Dôme ») or an intercommunality (9 digits); English says its name. */
const place = (code: string, name: string) => ({ place: name, ofPlace: ofTerritory(name, code.length === 9 ? 'epci' : 'departement') });

/** What the figures' links say to a screen reader (French: counts, « du Cantal », spacing inside « »). */
export const figureWords = {
	first: (count: number, label: string) => frenchSpacing(m.pathways_figure_first({ count, label })),
	transition: (count: number, from: string, to: string) => frenchSpacing(m.pathways_figure_transition({ count, from, to })),
	arrived: (count: number, label: string) => frenchSpacing(m.pathways_figure_arrived({ count, label })),
	stuck: (count: number, label: string) => frenchSpacing(m.pathways_figure_stuck({ count, label })),
	territory: (count: number, code: string, name: string) => m.pathways_figure_territory({ count, ...place(code, name) }),
	leaving: (count: number, code: string, name: string) => m.pathways_figure_leaving({ count, ...place(code, name) })
};
