import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { firstLayoutJson, graphPreviewSvg } from '../../src/lib/server/services/graph-preview.service';
import { graphView } from '../../src/lib/server/services/graph.service';
import { ValidationError } from '../../src/lib/server/services/errors';

let db: Db;
demoDbForFile((d) => (db = d));

const qs = (s: string) => new URLSearchParams(s);
const circles = (svg: string) => {
	const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
	return [doc.svg.g].flat().flatMap((g: { circle?: unknown }) => (g.circle ? [g.circle].flat() : [])) as { cx: string; cy: string }[];
};

describe('the first picture of a /reseau view', () => {
	it('places every actor of the view, for each layout, and the SVG draws those very positions', async () => {
		for (const layout of ['fcose', 'concentric', 'grouped', 'geo']) {
			const params = `limit=600&layout=${layout}`;
			const first = await firstLayoutJson(db, qs(params));
			const view = graphView(db, qs('limit=600'));
			expect(Object.keys(first.positions).sort()).toEqual(view.nodes.map((n) => `n${n.id}`).sort());
			const drawn = new Set(circles((await graphPreviewSvg(db, qs(params))).body).map((c) => `${c.cx},${c.cy}`));
			for (const [x, y] of Object.values(first.positions)) expect(drawn.has(`${Math.round(x)},${Math.round(y)}`)).toBe(true);
			expect(first.labels.length > 0).toBe(layout === 'grouped');
		}
	});

	it('keeps the same positions whatever only changes the drawing (colour, year), and the year only hides what it hides', async () => {
		const a = await firstLayoutJson(db, qs('territory=63&layout=fcose'));
		const b = await firstLayoutJson(db, qs('territory=63&layout=fcose&year=2016&colour=community'));
		expect(b.positions).toEqual(a.positions);
		const all = circles((await graphPreviewSvg(db, qs('territory=63'))).body).length;
		const then = circles((await graphPreviewSvg(db, qs('territory=63&year=2016'))).body).length;
		expect(then).toBeGreaterThan(0);
		expect(then).toBeLessThan(all);
	});

	it('names the grouped picture’s groups in the page’s language (lang=en), at the same places', async () => {
		const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]!);
		const fr = await graphPreviewSvg(db, qs('limit=600&layout=grouped'));
		const en = await graphPreviewSvg(db, qs('limit=600&layout=grouped&lang=en'));
		expect(texts(fr.body).some((t) => /^Incubateur \(\d+\)$/.test(t))).toBe(true);
		expect(texts(en.body).some((t) => /^Incubator \(\d+\)$/.test(t))).toBe(true);
		expect(texts(en.body).some((t) => /^(Chercheur·e|Entreprise|Pépinière) /.test(t))).toBe(false);
		expect(texts(en.body).some((t) => t.startsWith('Incubateur'))).toBe(false);
		const [a, b] = [await firstLayoutJson(db, qs('limit=600&layout=grouped')), await firstLayoutJson(db, qs('limit=600&layout=grouped&lang=en'))];
		expect(Object.keys(b.positions).length).toBe(Object.keys(a.positions).length);
		await expect(firstLayoutJson(db, qs('layout=grouped&lang=de'))).rejects.toThrow(ValidationError);
	});

	it('answers a bad layout with a French validation error', async () => {
		await expect(firstLayoutJson(db, qs('layout=spirale'))).rejects.toThrow(ValidationError);
	});
});
