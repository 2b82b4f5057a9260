import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { GraphNode } from './api-types';
import { previewSvg } from './preview-svg';
import { appearances } from './elements';
import { edgeColor, kindColor } from './graph-style';
import { geoPositions } from './positions';

const node = (id: number, kind: string, lon: number | null, lat: number | null, degree: number): GraphNode =>
	({ id, slug: `a-${id}`, label: `<b>Acteur ${id}</b>`, kind, category: 'startup', lon, lat, degree }) as GraphNode;

describe('previewSvg', () => {
	const nodes = [node(1, 'organisation', 3.08, 45.78, 2), node(2, 'person', 3.1, 45.7, 1), node(3, 'event', 2.44, 44.93, 1), node(4, 'person', null, null, 0)];
	const edges = [
		{ id: 1, source: 1, target: 2, type: 'works_at' },
		{ id: 2, source: 1, target: 3, type: 'organises' },
		{ id: 3, source: 2, target: 99, type: 'works_at' } // an end outside the view is skipped
	];
	const layout = { positions: Object.fromEntries([...geoPositions(nodes)].map(([id, p]) => [`n${id}`, [p.x, p.y] as [number, number]])), labels: [] };
	const looks = appearances(nodes, null, 'degree', 'kind');
	const draw = () => previewSvg({ nodes, edges }, layout, looks);
	const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(draw());

	it('draws one circle per actor, grouped by kind colour, and one path per relation family', () => {
		const groups = [parsed.svg.g].flat().filter((g: { fill?: string }) => g.fill && g.fill !== 'none');
		const circles = groups.flatMap((g: { circle: unknown }) => [g.circle].flat());
		expect(circles).toHaveLength(4);
		expect(groups.map((g: { fill: string }) => g.fill).sort()).toEqual([...new Set(nodes.map((n) => kindColor(n.kind)))].sort());
		const paths = [[parsed.svg.g].flat().find((g: { fill?: string }) => g.fill === 'none').path].flat();
		expect(paths.map((p: { stroke: string }) => p.stroke).sort()).toEqual([edgeColor('organises'), edgeColor('works_at')].sort());
		// works_at: one segment (the one to actor 99 is dropped).
		expect(paths.find((p: { stroke: string }) => p.stroke === edgeColor('works_at')).d.match(/M/g)).toHaveLength(1);
	});

	it('draws a path over the view: its relations thick, its actors ringed (a récit’s « de X à Y » without JavaScript)', () => {
		const svg = previewSvg({ nodes, edges }, layout, looks, undefined, {
			nodes: [2, 1, 3],
			edges: [
				{ source: 2, target: 1 },
				{ source: 1, target: 3 }
			]
		});
		const drawn = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
		const line = [drawn.svg.path].flat().find((p: { stroke?: string }) => p.stroke === '#b4236b');
		expect(line.d.match(/M/g)).toHaveLength(2);
		const rings = [drawn.svg.g].flat().find((g: { stroke?: string }) => g.stroke === '#b4236b');
		expect([rings.circle].flat()).toHaveLength(3);
		expect(draw()).not.toContain('#b4236b');
	});

	it('frames every circle in its viewBox, the hub drawn biggest', () => {
		const [x, y, w, h] = String(parsed.svg.viewBox).split(' ').map(Number) as [number, number, number, number];
		const circles = [parsed.svg.g].flat().flatMap((g: { circle?: unknown }) => (g.circle ? [g.circle].flat() : [])) as { cx: string; cy: string; r: string }[];
		for (const c of circles) {
			expect(Number(c.cx) - Number(c.r)).toBeGreaterThanOrEqual(x - 1);
			expect(Number(c.cy) + Number(c.r)).toBeLessThanOrEqual(y + h + 1);
			expect(Number(c.cx) + Number(c.r)).toBeLessThanOrEqual(x + w + 1);
		}
		expect(Math.max(...circles.map((c) => Number(c.r)))).toBe(23);
	});

	it('carries no text: labels never reach the image', () => {
		expect(draw()).not.toMatch(/Acteur|<b>|<text/);
	});

	it('draws the positions it is given, leaves out what the year hides, and writes the group names escaped', () => {
		const grouped = {
			positions: { n1: [0, 0], n2: [100, 0], n3: [0, 100], n4: [100, 100] } as Record<string, [number, number]>,
			labels: [{ key: 'x', text: 'Labos & <centres> (2)', x: 50, y: -40, font: 22, width: 200 }]
		};
		const svg = previewSvg({ nodes, edges }, grouped, looks, { nodes: new Set([3]), edges: new Set([2]) });
		const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
		const circles = [doc.svg.g].flat().flatMap((g: { circle?: unknown }) => (g.circle ? [g.circle].flat() : [])) as { cx: string; cy: string }[];
		expect(circles.map((c) => `${c.cx},${c.cy}`).sort()).toEqual(['0,0', '100,0', '100,100']);
		expect(svg).toContain('>Labos &amp; &lt;centres&gt; (2)</text>');
		expect(svg).not.toContain(edgeColor('organises'));
	});

	it('is a valid empty picture for an empty view', () => {
		expect(previewSvg({ nodes: [], edges: [] }, { positions: {}, labels: [] }, new Map())).toMatch(/^<svg [^>]*viewBox="0 0 1 1"\/>$/);
	});
});
