import type { StylesheetJson } from 'cytoscape';
import { kindColor } from '$lib/map/kind-colors';
import { relationType } from '$lib/domain/vocabulary';
import { m } from '$lib/paraglide/messages';

/** Node shapes by kind (colour comes from the map's palette, so both views agree). */
export const KIND_SHAPES: Record<string, string> = {
	organisation: 'round-rectangle',
	person: 'ellipse',
	third_place: 'hexagon',
	event: 'diamond'
};
/** The legend draws the same shapes in CSS/SVG. */
export const kindShape = (kind: string): string => KIND_SHAPES[kind] ?? 'ellipse';

/**
 * Fifteen relation types are too many colours to tell apart: the edges are coloured by family, the type's
 * own label shows on hover and in the card, paths and exports.
 */
export interface RelationFamily {
	id: string;
	label: string;
	color: string;
	types: string[];
}
export const RELATION_FAMILIES: RelationFamily[] = [
	{
		id: 'support',
		label: 'Accompagnement, financement, hébergement',
		color: '#b5651d',
		types: ['incubated_by', 'accelerated_by', 'funded_by', 'mentored_by', 'hosted_by', 'trained_by']
	},
	{ id: 'founding', label: 'Création, direction, emploi', color: '#3b5b92', types: ['founded', 'leads', 'works_at', 'spin_off_of'] },
	{ id: 'network', label: 'Adhésion, partenariat', color: '#4d8c57', types: ['member_of', 'partner_of'] },
	{ id: 'events', label: 'Événements', color: '#8a6fa8', types: ['organises', 'participates_in', 'takes_place_at'] }
];
const FAMILY_LABELS: Record<string, () => string> = {
	support: m.network_family_support,
	founding: m.network_family_founding,
	network: m.network_family_network,
	events: m.network_family_events
};
/** A family's name in the page's language (`label` is the French one). */
export const familyLabel = (family: RelationFamily): string => FAMILY_LABELS[family.id]?.() ?? family.label;
const familyByType = new Map(RELATION_FAMILIES.flatMap((f) => f.types.map((t) => [t, f] as const)));
export const FALLBACK_EDGE_COLOR = '#8c8379';
export const relationFamily = (type: string): RelationFamily | undefined => familyByType.get(type);
export const edgeColor = (type: string): string => familyByType.get(type)?.color ?? FALLBACK_EDGE_COLOR;
export const isDirected = (type: string): boolean => !(relationType(type)?.symmetric ?? false);

/** Ten muted, distinct colours for communities (Tableau 10, slightly darkened); small ones share grey. */
export const COMMUNITY_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#c9a227', '#af7aa1', '#ff9da7', '#9c755f', '#5f6f7a'];
export const OTHER_COMMUNITY_COLOR = '#bab0ac';

export { kindColor };

export const HIGHLIGHT = '#c2185b';

/** A node's label size for its diameter: hubs get bigger names (the style's mapData(size, 12, 46, 10, 22)). */
export const labelFont = (size: number): number => 10 + ((Math.min(46, Math.max(12, size)) - 12) * 12) / 34;

/** The Cytoscape stylesheet: data-driven (size, colour, shape come from element data), no per-element styles. */
export function graphStylesheet(): StylesheetJson {
	return [
		{
			selector: 'node',
			style: {
				width: 'data(size)',
				height: 'data(size)',
				shape: 'data(shape)' as never,
				'background-color': 'data(color)',
				'border-width': 1,
				'border-color': '#ffffff',
				label: 'data(label)',
				'font-family': 'system-ui, -apple-system, "Segoe UI", sans-serif',
				// Hubs get bigger labels, so they are named first when zooming in.
				'font-size': 'mapData(size, 12, 46, 10, 22)',
				color: '#2b2620',
				'text-valign': 'bottom',
				'text-margin-y': 3,
				'text-outline-color': '#ffffff',
				'text-outline-width': 2,
				'text-outline-opacity': 0.85,
				// Labels appear once they would be readable (≈ 11 px on screen).
				'min-zoomed-font-size': 11,
				'text-max-width': '120px',
				'text-wrap': 'ellipsis'
			}
		},
		{
			selector: 'edge',
			style: {
				width: 1.2,
				'line-color': 'data(color)',
				'target-arrow-color': 'data(color)',
				'target-arrow-shape': 'none',
				'arrow-scale': 0.7,
				'curve-style': 'haystack',
				opacity: 0.55
			}
		},
		// Arrows need a non-haystack curve: bezier only once zoomed enough to see them (see NetworkView).
		{ selector: 'edge.directed.detailed', style: { 'curve-style': 'straight', 'target-arrow-shape': 'triangle' } },
		{ selector: 'edge.declared', style: { 'line-style': 'dashed', 'line-dash-pattern': [5, 3] } },
		{ selector: 'edge.disputed', style: { 'line-style': 'dotted' } },
		{ selector: 'node.faded', style: { opacity: 0.15, 'text-opacity': 0 } },
		{ selector: 'edge.faded', style: { opacity: 0.06 } },
		{ selector: 'node.inactive, edge.inactive', style: { display: 'none' } },
		{ selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#1f1b16' } },
		{
			selector: 'node.focus',
			style: { 'border-width': 3, 'border-color': '#1f1b16', 'font-weight': 'bold', 'min-zoomed-font-size': 0, 'text-wrap': 'wrap', 'text-max-width': '180px' }
		},
		{
			selector: 'node.path',
			style: {
				'border-width': 3,
				'border-color': HIGHLIGHT,
				'min-zoomed-font-size': 0,
				'font-weight': 'bold',
				'font-size': 'data(namedFont)',
				'text-wrap': 'wrap',
				'text-max-width': '180px',
				'z-index': 10
			}
		},
		{
			selector: 'edge.path',
			style: { width: 4, 'line-color': HIGHLIGHT, 'target-arrow-color': HIGHLIGHT, opacity: 1, 'curve-style': 'straight', 'z-index': 10 }
		},
		{ selector: 'edge.path.directed', style: { 'target-arrow-shape': 'triangle', 'arrow-scale': 1.1 } },
		{ selector: 'node.common', style: { 'border-width': 3, 'border-color': HIGHLIGHT, 'min-zoomed-font-size': 0 } },
		// Full names: the focused actor and its neighbours, every actor of a small view, the hovered one and its neighbours.
		{ selector: 'node.named', style: { 'text-wrap': 'wrap', 'text-max-width': '180px', 'min-zoomed-font-size': 0, 'font-size': 'data(namedFont)' } },
		// Kumu's hover: the actor, its neighbours and their relations stand out, the rest fades.
		{ selector: 'node.dim', style: { opacity: 0.12, 'text-opacity': 0 } },
		{ selector: 'edge.dim', style: { opacity: 0.04 } },
		{ selector: 'node.hover-near', style: { 'text-wrap': 'wrap', 'text-max-width': '200px', opacity: 1, 'z-index': 20 } },
		// Names at a reading size whatever the zoom: the hovered actor's, and its neighbours' when they are few.
		{
			selector: 'node.hover-named',
			style: { 'min-zoomed-font-size': 0, 'font-size': 'data(hoverFont)', 'text-max-width': 'data(hoverWidth)' as never, 'text-opacity': 1, 'z-index': 21 }
		},
		{ selector: 'node.hover', style: { 'font-weight': 'bold', 'border-width': 3, 'border-color': '#1f1b16' } },
		{ selector: 'edge.hover-edge', style: { opacity: 1, width: 2.4, 'z-index': 19 } },
		{
			selector: 'node.group-label',
			style: {
				width: 1,
				height: 1,
				'background-opacity': 0,
				'border-width': 0,
				label: 'data(label)',
				'font-size': 'data(font)',
				'font-weight': 'bold',
				color: '#5b5249',
				'text-valign': 'top',
				'text-wrap': 'wrap',
				'text-max-width': 'data(width)' as never,
				'text-outline-width': 0,
				'min-zoomed-font-size': 0,
				events: 'no'
			}
		}
	];
}
