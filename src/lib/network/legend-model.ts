/**
 * What the graph's legend says, once: the page's legend (GraphLegend) and the exported PNG both draw it
 * from here, from the same tables as the Cytoscape style.
 */
import { kindTerms, vocabularyIn } from '$lib/domain/vocabulary';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { ColourBy, SizeBy } from './elements';
import { sizeNote } from './metrics';
import { COMMUNITY_COLORS, FALLBACK_EDGE_COLOR, familyLabel, kindColor, kindShape, OTHER_COMMUNITY_COLOR, RELATION_FAMILIES } from './graph-style';

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
	const kind = vocabularyIn(getLocale()).kind;
	const sections: LegendSection[] = [
		{
			title: '',
			items: kindTerms.map((t) => ({
				mark: { type: 'shape', shape: kindShape(t.code), colour: colourBy === 'kind' ? kindColor(t.code) : FALLBACK_EDGE_COLOR },
				label: kind(t.code)
			}))
		}
	];
	if (colourBy === 'community') {
		const top = [...communities].sort((a, b) => b.size - a.size).slice(0, COMMUNITY_COLORS.length);
		const items: LegendItem[] = top.map((c, i) => ({
			mark: { type: 'dot', colour: COMMUNITY_COLORS[i] as string },
			label: c.label || m.network_legend_community({ number: String(i + 1) }),
			note: `(${c.size})`
		}));
		if (communities.length > top.length) items.push({ mark: { type: 'dot', colour: OTHER_COMMUNITY_COLOR }, label: m.network_legend_other_communities() });
		sections.push({ title: m.network_legend_colour_community(), items });
	}
	sections.push({
		title: m.network_legend_relations(),
		items: [
			...RELATION_FAMILIES.map((f): LegendItem => ({ mark: { type: 'line', colour: f.color, dash: 'solid' }, label: familyLabel(f) })),
			{ mark: { type: 'line', colour: FALLBACK_EDGE_COLOR, dash: 'dashed' }, label: m.network_legend_declared() },
			{ mark: { type: 'line', colour: FALLBACK_EDGE_COLOR, dash: 'dotted' }, label: m.network_legend_disputed() },
			{ mark: { type: 'arrow' }, label: m.network_legend_direction() }
		]
	});
	return { sections, sizeNote: sizeNote(sizeBy) };
}
