import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import type { LonLat } from '$lib/geo/geometry';
import { describeMap, frameBounds, frameFor, mapPreviewSvg, projector, type MapPreviewInput } from './map-preview-svg';

const square = (w: number, s: number, e: number, n: number) => ({
	type: 'Polygon' as const,
	coordinates: [
		[
			[w, s],
			[e, s],
			[e, n],
			[w, n],
			[w, s]
		]
	]
});
const frame = frameFor(800, 600, { camera: null, bounds: [2.06, 44.62, 4.49, 46.81] });
const ring: LonLat[] = Array.from({ length: 65 }, (_, i) => [3.08 + 0.2 * Math.cos((i * Math.PI) / 32), 45.78 + 0.14 * Math.sin((i * Math.PI) / 32)]);

const input = (over: Partial<MapPreviewInput> = {}): MapPreviewInput => ({
	frame,
	lang: 'fr',
	departements: [
		{ code: '63', name: 'Puy-de-Dôme', geometry: square(2.4, 45.3, 3.9, 46.2) },
		{ code: '15', name: 'Cantal', geometry: square(2.1, 44.6, 3.3, 45.3) }
	],
	communes: [],
	focus: null,
	stats: null,
	marks: [
		{ type: 'point', id: 1, at: [3.08, 45.78], kind: 'third_place', approx: false },
		{ type: 'point', id: 2, at: [2.44, 44.93], kind: 'person', approx: true },
		{ type: 'cluster', at: [3.1, 45.8], count: 12, kinds: { organisation: 12 } }
	],
	located: 14,
	kinds: [
		{ code: 'organisation', label: 'Organisation' },
		{ code: 'third_place', label: 'Tiers-lieu' }
	],
	selected: null,
	radius: null,
	attribution: 'IGN – ADMIN EXPRESS COG 2018, INSEE COG 2018 — Licence Ouverte',
	demo: true,
	...over
});
const parse = (svg: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg) as { svg: Record<string, unknown> };

describe('the projection of a map picture', () => {
	it('fits the bounds inside the frame, centred, and maps the frame back to where it looks', () => {
		const project = projector(frame);
		const [x0, y0] = project([2.06, 46.81]);
		const [x1, y1] = project([4.49, 44.62]);
		expect(Math.min(x0, y0)).toBeGreaterThanOrEqual(27.9);
		expect(x1).toBeLessThanOrEqual(772.1);
		expect(y1).toBeLessThanOrEqual(572.1);
		// One of the two sides touches its margin.
		expect(Math.min(y0 - 28, x0 - 28)).toBeLessThan(0.5);
		const [w, s, e, n] = frameBounds(frame);
		expect(project([w, n]).map((v) => Math.round(v) + 0)).toEqual([0, 0]);
		expect(project([e, s]).map((v) => Math.round(v) + 0)).toEqual([800, 600]);
	});
	it('keeps the address’s camera as it is (centre and zoom)', () => {
		const f = frameFor(400, 300, { camera: { lat: 45.7772, lng: 3.087, zoom: 9.5 }, bounds: [0, 0, 1, 1] });
		expect(f).toEqual({ width: 400, height: 300, center: [3.087, 45.7772], zoom: 9.5 });
		expect(projector(f)([3.087, 45.7772])).toEqual([200, 150]);
		// Zoom + 1 doubles the distances.
		const a = projector(f)([3.2, 45.7])[0] - 200;
		expect(projector({ ...f, zoom: 10.5 })([3.2, 45.7])[0] - 200).toBeCloseTo(2 * a, 6);
	});
});

describe('the map picture', () => {
	it('is an image with a French title and description, one mark per point or group', () => {
		const svg = mapPreviewSvg(input());
		const doc = parse(svg).svg;
		expect(doc.role).toBe('img');
		expect(svg).toContain('<title id="map-title">Carte\u00a0: 14 acteurs, Auvergne</title>');
		expect(describeMap(input()).desc).toContain('dessinés en 1 groupes');
		expect(svg.match(/data-mark="point"/g)).toHaveLength(2);
		expect(svg).toContain('data-mark="cluster" data-count="12"');
		expect(svg).toContain('Données de démonstration');
		expect(mapPreviewSvg(input({ demo: false }))).not.toContain('Données de démonstration');
	});
	it('gives the same bytes for the same input, whatever the order of the marks', () => {
		const a = mapPreviewSvg(input());
		expect(mapPreviewSvg(input())).toBe(a);
		expect(mapPreviewSvg(input({ marks: [...input().marks].reverse() }))).toBe(a);
	});
	it('escapes every text (an actor’s name, a commune, the legend)', () => {
		const svg = mapPreviewSvg(
			input({
				selected: { name: 'Café <b>"&"</b>', at: [3.08, 45.78], kindLabel: 'Tiers-lieu' },
				radius: { km: 15, communeName: 'Saint-<Flour>', center: [3.08, 45.78], ring }
			})
		);
		expect(svg).not.toContain('<b>');
		expect(svg).toContain('Café &lt;b&gt;&quot;&amp;&quot;&lt;/b&gt;');
		expect(svg).toContain('Saint-&lt;Flour&gt;');
		expect(() => parse(svg)).not.toThrow();
		expect(svg).toMatch(/<path data-radius-km="15" d="M[\d.,L]+Z"/);
	});
	it('speaks English with lang=en', () => {
		const { title, desc } = describeMap(input({ lang: 'en', focus: { code: '15', name: 'Cantal', geometry: square(2.1, 44.6, 3.3, 45.3) } }));
		expect(title).toBe('Map: 14 actors, Cantal');
		expect(desc).toContain('Demonstration data');
		expect(desc).not.toMatch(/acteur|Contours :/);
	});
	it('draws the rates’ classes with the client’s ramp and a legend of them', () => {
		const svg = mapPreviewSvg(
			input({
				stats: {
					measure: 'rate',
					level: 'departement',
					breaks: [2, 5],
					fills: [
						{ geometry: square(2.4, 45.3, 3.9, 46.2), color: '#fbe3cf' },
						{ geometry: square(2.1, 44.6, 3.3, 45.3), color: '#8f3414' }
					],
					circles: []
				}
			})
		);
		expect(svg).toContain('fill="#8f3414"');
		expect(svg).toContain('≤ 2');
		expect(svg).toContain('2 – 5');
		expect(svg).toContain('Acteurs pour 10 000 hab.');
	});
});
