import { METRIC_IDS, type MetricId, type SizeBy } from '$lib/domain/explore-params';

/**
 * The graph's measures, said once (Gephi Lite-style registry, like layouts.ts): the size and centrality
 * menus, the legend, the exported picture's legend and the key-actors table all read their words here.
 */
export interface MetricDescriptor {
	id: MetricId;
	/** In the size and centrality menus. */
	label: string;
	/** After « Taille : » in the legend. */
	legend: string;
	/** The key-actors column's title, and what it measures. */
	top: string;
	hint: string;
	/** A value as the table shows it. */
	format: (value: number) => string;
}

const counted = (v: number) => v.toLocaleString('fr-FR');
const measured = (v: number) => v.toLocaleString('fr-FR', { maximumSignificantDigits: 3 });

const BY_ID: Record<MetricId, Omit<MetricDescriptor, 'id'>> = {
	degree: { label: 'Nombre de relations', legend: 'nombre de relations', top: 'Les plus reliés', hint: 'nombre de relations', format: counted },
	betweenness: {
		label: 'Intermédiarité (ponts)',
		legend: 'intermédiarité (rôle de pont)',
		top: 'Les ponts',
		hint: 'intermédiarité : sur les plus courts chemins entre les autres',
		format: measured
	},
	pagerank: {
		label: 'PageRank (influence)',
		legend: 'PageRank (influence)',
		top: 'Les plus influents',
		hint: 'PageRank : reliés à des acteurs eux-mêmes reliés',
		format: measured
	}
};

/** In the domain's order (METRIC_IDS): the menus and the table list them so. */
export const metrics: readonly MetricDescriptor[] = METRIC_IDS.map((id) => ({ id, ...BY_ID[id] }));

export const metricById = (id: MetricId): MetricDescriptor => metrics.find((m) => m.id === id) as MetricDescriptor;

/** The node size's choices: the same size for all, or one of the measures. */
export const sizeChoices: readonly { id: SizeBy; label: string }[] = [{ id: 'none', label: 'Identique' }, ...metrics];

/** What the legend says of the nodes' size (« Taille : intermédiarité (rôle de pont) »); nothing when all are alike. */
export const sizeNote = (size: SizeBy): string | null => (size === 'none' ? null : `Taille : ${metricById(size).legend}`);
