/** French figures for the flows page: « 1 234 projets », « 7,5 mois », « 42 % » (counts: the French-phrasing module). */
import { countOf, formatNumber } from '$lib/domain/french/typography';

const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

export const formatCount = (n: number): string => formatNumber(n);

export const projectsLabel = (n: number): string => countOf(n, 'projet');

export const formatMonths = (months: number | null): string => (months === null ? '—' : `${oneDecimal.format(months)} mois`);

export const formatShare = (share: number): string => percent.format(share);
