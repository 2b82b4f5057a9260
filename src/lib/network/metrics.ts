import { METRIC_IDS, type MetricId, type SizeBy } from '$lib/domain/explore-params';
import { m } from '$lib/paraglide/messages';
import { formatCount, formatMeasure } from './numbers';

/**
 * The graph's measures, said once (Gephi Lite-style registry, like layouts.ts): the size and centrality
 * menus, the legend, the exported picture's legend and the key-actors table all read their words here.
 */
export interface MetricDescriptor {
	id: MetricId;
	/** In the size and centrality menus. Words are functions: they are said in the page's language when asked. */
	label: () => string;
	/** After « Taille : » in the legend. */
	legend: () => string;
	/** The key-actors column's title, and what it measures. */
	top: () => string;
	hint: () => string;
	/** A value as the table shows it. */
	format: (value: number) => string;
}

const BY_ID: Record<MetricId, Omit<MetricDescriptor, 'id'>> = {
	degree: {
		label: m.network_metric_degree_label,
		legend: m.network_metric_degree_legend,
		top: m.network_metric_degree_top,
		hint: m.network_metric_degree_legend,
		format: formatCount
	},
	betweenness: {
		label: m.network_metric_betweenness_label,
		legend: m.network_metric_betweenness_legend,
		top: m.network_metric_betweenness_top,
		hint: m.network_metric_betweenness_hint,
		format: formatMeasure
	},
	pagerank: {
		label: m.network_metric_pagerank_label,
		legend: m.network_metric_pagerank_label,
		top: m.network_metric_pagerank_top,
		hint: m.network_metric_pagerank_hint,
		format: formatMeasure
	}
};

/** In the domain's order (METRIC_IDS): the menus and the table list them so. */
export const metrics: readonly MetricDescriptor[] = METRIC_IDS.map((id) => ({ id, ...BY_ID[id] }));

export const metricById = (id: MetricId): MetricDescriptor => metrics.find((m) => m.id === id) as MetricDescriptor;

/** The node size's choices: the same size for all, or one of the measures. */
export const sizeChoices: readonly { id: SizeBy; label: () => string }[] = [
	{ id: 'none', label: m.network_size_same },
	...metrics,
	{ id: 'coverage', label: m.network_size_coverage }
];

/** What the legend says of the nodes' size (« Taille : intermédiarité (rôle de pont) »); nothing when all are alike. */
export const sizeNote = (size: SizeBy): string | null =>
	size === 'none' ? null : m.network_legend_size({ measure: size === 'coverage' ? m.network_coverage_legend() : metricById(size).legend() });
