import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { GraphNode } from './api-types';
import { previewSvg } from './preview-svg';
import { edgeColor, kindColor } from './graph-style';

const node = (id: number, kind: string, lon: number | null, lat: number | null, degree: number): GraphNode => ({ id, slug: `a-${id}`, label: `<b>Acteur ${id}</b>`, kind, category: 'startup', lon, lat, degree });

describe('previewSvg', () => {
	const nodes = [node(1, 'organisation', 3.08, 45.78, 2), node(2, 'person', 3.1, 45.7, 1), node(3, 'event', 2.44, 44.93, 1), node(4, 'person', null, null, 0)];
	const edges = [
		{ source: 1, target: 2, type: 'works_at' },
		{ source: 1, target: 3, type: 'organises' },
		{ source: 2, target: 99, type: 'works_at' } // an end outside the view is skipped
	];
	const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(previewSvg({ nodes, edges }));

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
		expect(previewSvg({ nodes, edges })).not.toMatch(/Acteur|<b>|<text/);
	});

	it('is a valid empty picture for an empty view', () => {
		expect(previewSvg({ nodes: [], edges: [] })).toMatch(/^<svg [^>]*viewBox="0 0 1 1"\/>$/);
	});
});
