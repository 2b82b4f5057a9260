import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import type { GraphGroupsResponse } from '$lib/domain/api/groups-response';
import { m } from '$lib/paraglide/messages';
import { COMMUNITY_COLORS, edgeColor, HIGHLIGHT, kindColor, kindShape, OTHER_COMMUNITY_COLOR } from '../graph-style';
import { edgeKey, nodeKey } from '../elements';

/**
 * The aggregated view's render graph, from the API's answer: a node per closed group (its area grows with its
 * members, the disc the members would take when opened), the members of opened groups around it, a line per
 * pair of groups (its width grows with the relations it stands for) and the members' own relations. Positions
 * come from the server: the same answer gives the same picture.
 */

/** A closed group's diameter: the disc its members would fill, seen from afar (a small group stays tappable). */
export const groupDiameter = (r: number): number => Math.max(26, Math.round(r * 0.9));
/** The node of an opened group's remaining members, in the middle of their disc. */
const REST_DIAMETER = 40;

export function groupColor(index: number): string {
	return COMMUNITY_COLORS[index % COMMUNITY_COLORS.length] ?? OTHER_COMMUNITY_COLOR;
}

export function groupElements(answer: GraphGroupsResponse): ElementDefinition[] {
	const out: ElementDefinition[] = [];
	answer.groups.forEach((g, i) => {
		if (g.open && g.rest === 0) return;
		const rest = g.open;
		out.push({
			group: 'nodes',
			data: {
				id: g.id,
				key: g.key,
				label: rest ? m.groups_rest({ count: g.rest }) : `${g.label} · ${g.size}`,
				size: rest ? REST_DIAMETER : groupDiameter(g.r),
				color: groupColor(i)
			},
			position: { x: g.x, y: g.y },
			classes: rest ? 'group rest' : 'group'
		});
	});
	for (const [id, label, kind, g, x, y, degree] of answer.members) {
		out.push({
			group: 'nodes',
			data: {
				id: nodeKey(id),
				entityId: id,
				label,
				size: Math.min(30, 8 + 3 * Math.sqrt(degree)),
				color: kindColor(kind),
				shape: kindShape(kind),
				ring: groupColor(g)
			},
			position: { x, y },
			classes: 'member'
		});
	}
	const widest = Math.max(1, ...answer.links.map((l) => l[2]));
	for (const [a, b, weight, byType] of answer.links) {
		out.push({
			group: 'edges',
			data: { id: `l:${a}|${b}`, source: a, target: b, weight, byType, width: 1 + 11 * Math.sqrt(weight / widest) },
			classes: 'link'
		});
	}
	for (const [id, source, target, type] of answer.edges) {
		out.push({
			group: 'edges',
			data: { id: edgeKey(id), source: nodeKey(source), target: nodeKey(target), type, color: edgeColor(type) },
			classes: 'relation'
		});
	}
	return out;
}

export function groupStylesheet(): StylesheetJson {
	return [
		{
			selector: 'node',
			style: {
				width: 'data(size)',
				height: 'data(size)',
				'background-color': 'data(color)',
				label: 'data(label)',
				'font-family': 'system-ui, -apple-system, "Segoe UI", sans-serif',
				color: '#2b2620',
				'text-outline-color': '#ffffff',
				'text-outline-width': 2,
				'min-zoomed-font-size': 9,
				'text-wrap': 'ellipsis',
				'text-max-width': '160px'
			}
		},
		{
			selector: 'node.group',
			style: {
				'background-opacity': 0.8,
				'border-width': 2,
				'border-color': '#ffffff',
				'font-size': 15,
				'font-weight': 'bold',
				'text-valign': 'center',
				'text-wrap': 'wrap'
			}
		},
		{ selector: 'node.rest', style: { 'background-opacity': 0.35, 'font-size': 11, 'font-weight': 'normal' } },
		{
			selector: 'node.member',
			// Above the « + N autres » node that shares the middle of an opened disc with the hub: a click reaches the actor.
			style: {
				shape: 'data(shape)' as never,
				'border-width': 2,
				'border-color': 'data(ring)',
				'font-size': 9,
				'text-valign': 'bottom',
				'text-margin-y': 2,
				'z-index': 2
			}
		},
		{ selector: 'edge', style: { 'curve-style': 'haystack', opacity: 0.5 } },
		{ selector: 'edge.link', style: { width: 'data(width)', 'line-color': '#8c8379', opacity: 0.35 } },
		{ selector: 'edge.relation', style: { width: 1, 'line-color': 'data(color)' } },
		{ selector: 'edge.hover', style: { opacity: 0.9, 'line-color': '#1f1b16' } },
		{ selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1f1b16' } },
		{
			selector: 'node.path',
			style: { 'border-width': 4, 'border-color': HIGHLIGHT, 'min-zoomed-font-size': 0, 'font-weight': 'bold', 'font-size': 13, 'z-index': 10 }
		},
		{ selector: 'edge.path', style: { width: 5, 'line-color': HIGHLIGHT, opacity: 1, 'z-index': 10 } }
	];
}
