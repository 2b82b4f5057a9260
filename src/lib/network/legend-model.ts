/**
 * What the graph's legend says, once: the page's legend (GraphLegend) and the exported PNG both draw it
 * from here, from the same tables as the Cytoscape style.
 */
import { kindTerms } from '$lib/domain/vocabulary';
import type { ColourBy, SizeBy } from './elements';
import { sizeNote } from './metrics';
import { COMMUNITY_COLORS, FALLBACK_EDGE_COLOR, kindColor, kindShape, OTHER_COMMUNITY_COLOR, RELATION_FAMILIES } from './graph-style';

export type LegendMark =
	| { type: 'shape'; shape: string; colour: string }
	| { type: 'dot'; colour: string }
	| { type: 'line'; colour: string; dash: 'solid' | 'dashed' | 'dotted' }
	| { type: 'arrow' };

export interface LegendItem {
	mark: LegendMark;
	label: string;
	/** Shown muted after the label (a community's size). */
	note?: string;
}

export interface LegendSection {
	title: string;
	items: LegendItem[];
}

export function legendModel(
	colourBy: ColourBy,
	sizeBy: SizeBy,
	communities: { id: number; size: number; label?: string }[] = []
): { sections: LegendSection[]; sizeNote: string | null } {
	const sections: LegendSection[] = [
		{
			title: '',
			items: kindTerms.map((t) => ({
				mark: { type: 'shape', shape: kindShape(t.code), colour: colourBy === 'kind' ? kindColor(t.code) : FALLBACK_EDGE_COLOR },
				label: t.label
			}))
		}
	];
	if (colourBy === 'community') {
		const top = [...communities].sort((a, b) => b.size - a.size).slice(0, COMMUNITY_COLORS.length);
		const items: LegendItem[] = top.map((c, i) => ({
			mark: { type: 'dot', colour: COMMUNITY_COLORS[i] as string },
			label: c.label || `Communauté ${i + 1}`,
			note: `(${c.size})`
		}));
		if (communities.length > top.length) items.push({ mark: { type: 'dot', colour: OTHER_COMMUNITY_COLOR }, label: 'Autres' });
		sections.push({ title: 'Couleur : communauté (Louvain)', items });
	}
	sections.push({
		title: 'Relations',
		items: [
			...RELATION_FAMILIES.map((f): LegendItem => ({ mark: { type: 'line', colour: f.color, dash: 'solid' }, label: f.label })),
			{ mark: { type: 'line', colour: FALLBACK_EDGE_COLOR, dash: 'dashed' }, label: 'déclarée, non confirmée' },
			{ mark: { type: 'line', colour: FALLBACK_EDGE_COLOR, dash: 'dotted' }, label: 'contestée' },
			{ mark: { type: 'arrow' }, label: 'sens : « A a fondé B »' }
		]
	});
	return { sections, sizeNote: sizeNote(sizeBy) };
}
