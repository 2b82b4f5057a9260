import { vocabularyIn } from '$lib/domain/vocabulary';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * One colour per category of structure reached along a pathway, grouped by family so that the diagram
 * reads at a glance: third places in greens, incubation in oranges, money in blues, networks in purples,
 * research and teaching in olive, mentors in rose, companies in browns. Same hue family as the map's kinds.
 */
const CATEGORY_COLORS: Record<string, string> = {
	rural_third_place: '#1b9e77',
	coworking: '#66a61e',
	fablab: '#3a8fb0',
	makerspace: '#3a8fb0',
	living_lab: '#5aa48c',
	incubation_space: '#b8860b',
	incubator: '#d95f02',
	accelerator: '#c2185b',
	funder: '#1b6f9e',
	investor: '#4f8fc0',
	public_body: '#5f7d95',
	support_network: '#7570b3',
	cluster: '#a05195',
	mentor: '#c97b84',
	association: '#8c564b',
	lab: '#6b8e23',
	researcher: '#6b8e23',
	university: '#556b2f',
	entrepreneur: '#8c6d9e',
	company: '#6b6158',
	large_company: '#6b6158'
};

/** Grouped small structures and anything not in the table: a quiet grey, never mistaken for a family. */
export const OTHER_COLOR = '#a39a90';

export const categoryColor = (category: string | null | undefined): string => (category && CATEGORY_COLORS[category]) || OTHER_COLOR;

/** A category's name in the page's language. */
export const categoryLabel = (category: string): string => vocabularyIn(getLocale()).category(category);
