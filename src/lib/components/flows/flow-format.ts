/** French figures for the flows page: « 1 234 projets », « 7,5 mois », « 42 % » (counts: the French-phrasing module). */
import { byCount, countOf, formatNumber, frenchSpacing } from '$lib/domain/french/typography';
import { ofTerritory } from '$lib/domain/french/places';

const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

export const formatCount = (n: number): string => formatNumber(n);

export const projectsLabel = (n: number): string => countOf(n, 'projet');

export const formatMonths = (months: number | null): string => (months === null ? '—' : `${oneDecimal.format(months)} mois`);

export const formatShare = (share: number): string => percent.format(share);

/** A territory of the flows page by its code: a département (« du Puy-de-Dôme ») or an intercommunality (9 digits). */
const ofCode = (code: string, name: string) => ofTerritory(name, code.length === 9 ? 'epci' : 'departement');

/** What the figures' links say to a screen reader (French-phrasing module: counts, « du Cantal », spacing inside « »). */
export const figureWords = {
	first: (n: number, label: string) => frenchSpacing(`${countOf(n, 'projet commencé', 'projets commencés')} par « ${label} »`),
	transition: (n: number, from: string, to: string) => frenchSpacing(`${countOf(n, 'projet passé', 'projets passés')} de « ${from} » à « ${to} »`),
	arrived: (n: number, label: string) => frenchSpacing(`${countOf(n, 'projet arrivé', 'projets arrivés')} à « ${label} »`),
	stuck: (n: number, label: string) => frenchSpacing(`${countOf(n, 'projet')} sans étape suivante après « ${label} »`),
	territory: (n: number, code: string, name: string) => `${countOf(n, 'projet')} ${ofCode(code, name)}`,
	leaving: (n: number, code: string, name: string) =>
		`${countOf(n, 'projet')} ${ofCode(code, name)} ${byCount(n, 'soutenu hors de son département', 'soutenus hors de leur département')}`
};
