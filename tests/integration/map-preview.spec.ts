import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { mapPreview, mapPreviewFile } from '../../src/lib/server/services/map-preview.service';
import { findEntity } from '../../src/lib/server/services/entity.service';
import { NotFoundError, ValidationError } from '../../src/lib/server/services/errors';
import { KIND_COLORS } from '../../src/lib/map/kind-colors';

let db: Db;
demoDbForFile((d) => (db = d));

const qs = (s: string) => new URLSearchParams(s);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['g', 'circle', 'path', 'text'].includes(name) });

type Node = Record<string, unknown>;
/** Every element of a name in the parsed document, depth first. */
function all(node: unknown, name: string, found: Node[] = []): Node[] {
	if (Array.isArray(node)) for (const n of node) all(n, name, found);
	else if (node && typeof node === 'object')
		for (const [k, v] of Object.entries(node)) {
			if (k === name) found.push(...[v].flat().filter((x): x is Node => typeof x === 'object' && x !== null));
			all(v, name, found);
		}
	return found;
}
const textOf = (n: Node) => String(n['#text'] ?? '');

/** The picture's marks: single actors (circles) and groups (with their count). */
function marksOf(svg: string) {
	const doc = parser.parse(svg) as { svg: Node };
	const points = all(doc.svg, 'circle').filter((c) => c['data-mark'] === 'point');
	const clusters = all(doc.svg, 'g').filter((g) => g['data-mark'] === 'cluster');
	return { doc, points, clusters, actors: points.length + clusters.reduce((s, g) => s + Number(g['data-count']), 0) };
}

async function pixels(svg: string) {
	const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
	return { data, width: info.width, height: info.height };
}
const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

describe('the /carte view as a picture (apercu.svg)', () => {
	it('draws every located actor once (groups count theirs), the départements and the French title', async () => {
		const view = mapPreview(db, qs(''));
		const { doc, actors, clusters } = marksOf(view.svg);
		expect(view.located).toBeGreaterThan(100);
		expect(actors).toBe(view.inFrame);
		expect(view.inFrame).toBe(view.located);
		expect(clusters.length).toBeGreaterThan(0);
		expect(clusters.length + marksOf(view.svg).points.length).toBe(view.marks);
		const svg = doc.svg as Node;
		expect(svg.role).toBe('img');
		expect([svg.width, svg.height]).toEqual(['800', '600']);
		expect(textOf(svg.title as Node)).toMatch(/^Carte\u00a0: \d+ acteurs, Auvergne$/);
		expect(textOf(svg.desc as Node)).toContain('Licence Ouverte');
		expect(textOf(svg.desc as Node)).toContain('Données de démonstration');
		expect(all(svg, 'path').some((p) => p.class === 'departements')).toBe(true);
		// Same address, same bytes (the ETag).
		expect(mapPreview(db, qs('')).svg).toBe(view.svg);
	});

	it('frames a département filter on it, names it and draws its communes', () => {
		const view = mapPreview(db, qs('territory=15'));
		const { doc, actors } = marksOf(view.svg);
		expect(actors).toBe(view.inFrame);
		expect(view.located).toBeGreaterThan(0);
		expect(textOf((doc.svg as Node).title as Node)).toMatch(/^Carte\u00a0: \d+ acteurs?, Cantal$/);
		const paths = all(doc.svg, 'path');
		expect(paths.some((p) => p.class === 'focus')).toBe(true);
		expect(paths.some((p) => p.class === 'communes')).toBe(true);
		expect(view.frame.zoom).toBeGreaterThan(mapPreview(db, qs('')).frame.zoom);
	});

	it('rings and names the selected actor, and draws the radius circle around the commune', async () => {
		const clermont = findEntity(db, String(mapPreview(db, qs('')).located > 0 ? firstPlacedId() : 0));
		const view = mapPreview(db, qs(`actor=${clermont.id}&near=63113&radius=15&w=900&h=700`));
		const { doc, actors } = marksOf(view.svg);
		expect(actors).toBe(view.inFrame);
		expect(all(doc.svg, 'text').some((t) => textOf(t) === clermont.name)).toBe(true);
		const circle = all(doc.svg, 'path').find((p) => p['data-radius-km'] === '15');
		expect(String(circle?.d)).toMatch(/^M[\d.,L]+Z$/);
		expect(String(circle?.d).split('L').length).toBeGreaterThan(60);
		expect(textOf((doc.svg as Node).desc as Node)).toContain('Cercle de 15\u00a0km autour de Clermont-Ferrand');
		expect([(doc.svg as Node).width, (doc.svg as Node).height]).toEqual(['900', '700']);
		await expect(Promise.resolve().then(() => mapPreview(db, qs('near=99999')))).rejects.toThrow(NotFoundError);
	});

	it('draws the statistics layer with the client’s classes (rates: shaded territories, counts: circles)', () => {
		const rate = parser.parse(mapPreview(db, qs('stat=rate&level=epci')).svg) as { svg: Node };
		const fills = all(rate.svg, 'g').find((g) => g.class === 'stats-fills');
		expect(all(fills, 'path').length).toBeGreaterThan(5);
		expect(textOf(rate.svg.desc as Node)).toMatch(/acteurs pour 10 000 habitants par intercommunalité/);
		const count = parser.parse(mapPreview(db, qs('stat=count')).svg) as { svg: Node };
		expect(
			all(
				all(count.svg, 'g').find((g) => g.class === 'stats-circles'),
				'circle'
			)
		).toHaveLength(4);
	});

	it('speaks English with lang=en, clamps the size and refuses a bad parameter in French', () => {
		const en = parser.parse(mapPreview(db, qs('lang=en&w=5&h=99999')).svg) as { svg: Node };
		expect(textOf(en.svg.title as Node)).toMatch(/^Map: \d+ actors, Auvergne$/);
		expect([en.svg.width, en.svg.height]).toEqual(['200', '2000']);
		expect(() => mapPreview(db, qs('stat=beaucoup'))).toThrow(ValidationError);
		expect(mapPreviewFile(db, qs('')).contentType).toBe('image/svg+xml; charset=utf-8');
	});

	it('renders to pixels: land in the middle, the kinds’ colours at street zoom (PNG kept in test-results/)', async () => {
		const clermont = mapPreview(db, qs('at=45.7772,3.0870,12.5'));
		expect(marksOf(clermont.svg).clusters).toHaveLength(0);
		const { data, width, height } = await pixels(clermont.svg);
		const colours = new Set<string>();
		for (let i = 0; i < data.length; i += 3) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
		expect(Object.values(KIND_COLORS).some((c) => colours.has(hex(c).join(',')))).toBe(true);

		const region = mapPreview(db, qs('near=63113&radius=20&actor=' + firstPlacedId()));
		const png = await sharp(Buffer.from(region.svg)).png().toBuffer();
		mkdirSync('test-results', { recursive: true });
		await sharp(png).toFile('test-results/map-preview-radius.png');
		await sharp(Buffer.from(clermont.svg)).png().toFile('test-results/map-preview-clermont.png');
		await sharp(Buffer.from(mapPreview(db, qs('')).svg))
			.png()
			.toFile('test-results/map-preview-auvergne.png');
		await sharp(Buffer.from(mapPreview(db, qs('stat=rate&level=epci')).svg))
			.png()
			.toFile('test-results/map-preview-stats.png');
		await sharp(Buffer.from(mapPreview(db, qs('territory=15&stat=count')).svg))
			.png()
			.toFile('test-results/map-preview-cantal.png');
		const middle = await pixels(region.svg);
		let inked = 0;
		for (let y = Math.floor(middle.height / 3); y < (2 * middle.height) / 3; y++)
			for (let x = Math.floor(middle.width / 3); x < (2 * middle.width) / 3; x++) {
				const i = (y * middle.width + x) * 3;
				if (`${middle.data[i]},${middle.data[i + 1]},${middle.data[i + 2]}` !== '244,239,232') inked++;
			}
		expect(inked).toBeGreaterThan((width * height) / 100);
	});
});

/** An actor placed at its address in Clermont-Ferrand (the demo has several). */
function firstPlacedId(): number {
	const row = db.$client
		.prepare("select id from entities where commune_code = '63113' and lon is not null and status = 'published' and deleted_at is null order by id limit 1")
		.get() as { id: number };
	return row.id;
}
