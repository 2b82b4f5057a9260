import { describe, expect, inject, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';

const download = async (path: string) => {
	const res = await fetch(inject('baseUrl') + path);
	return {
		status: res.status,
		type: res.headers.get('content-type') ?? '',
		disposition: res.headers.get('content-disposition') ?? '',
		text: await res.text()
	};
};

describe('exports on the real server, with the current filters', () => {
	it('downloads the CSV for Excel', async () => {
		const file = await download('/api/v1/export.csv?kind=third_place');
		expect(file.status).toBe(200);
		expect(file.type).toBe('text/csv; charset=utf-8');
		expect(file.disposition).toBe('attachment; filename="connecteur-carto-acteurs.csv"');
		const rows: Record<string, string>[] = parseCsv(file.text, { bom: true, delimiter: ';', columns: true });
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.kind === 'third_place')).toBe(true);
	});

	it('downloads the GeoJSON with the département outlines', async () => {
		const file = await download('/api/v1/export.geojson?kind=third_place&territories=departement');
		expect(file.status).toBe(200);
		expect(file.type).toBe('application/geo+json');
		expect(file.disposition).toContain('filename="connecteur-carto-acteurs.geojson"');
		const fc = JSON.parse(file.text) as { type: string; features: { properties: { kind: string } }[] };
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features.filter((f) => f.properties.kind === 'territory')).toHaveLength(4);
		expect(fc.features.some((f) => f.properties.kind === 'third_place')).toBe(true);
	});

	it('downloads the lossless JSON', async () => {
		const file = await download('/api/v1/export.json?kind=third_place');
		expect(file.status).toBe(200);
		expect(file.type).toBe('application/json');
		expect(file.disposition).toContain('filename="connecteur-carto-acteurs.json"');
		const data = JSON.parse(file.text) as { format: string; version: number; entities: unknown[] };
		expect(data.format).toBe('connecteur-carto');
		expect(data.version).toBe(1);
		expect(data.entities.length).toBeGreaterThan(0);
	});

	it('downloads the agenda as iCalendar', async () => {
		const file = await download('/agenda.ics?territory=63');
		expect(file.status).toBe(200);
		expect(file.type).toBe('text/calendar; charset=utf-8');
		expect(file.disposition).toContain('filename="connecteur-carto-agenda.ics"');
		const events = new ICAL.Component(ICAL.parse(file.text)).getAllSubcomponents('vevent');
		expect(events.length).toBeGreaterThan(0);
	});

	it('links every page that lists actors to its files, with its filters, and each link downloads', async () => {
		const expected: Record<string, string> = {
			'export.relations.csv': 'text/csv; charset=utf-8',
			'export.csv': 'text/csv; charset=utf-8',
			'export.geojson': 'application/geo+json',
			'export.json': 'application/json',
			'export.gexf': 'application/gexf+xml',
			'export.graphml': 'application/graphml+xml',
			'agenda.ics': 'text/calendar; charset=utf-8'
		};
		const json = JSON.parse((await download('/api/v1/export.json?kind=organisation')).text) as {
			entities: { id: number; slug: string }[];
			relations: { sourceId: number }[];
		};
		const linked = json.entities.find((e) => json.relations.some((r) => r.sourceId === e.id))!;
		for (const page of ['/carte?kind=third_place', '/territoires/63', '/acteurs?kind=event', `/acteurs/${linked.slug}`]) {
			const html = await (await fetch(inject('baseUrl') + page)).text();
			const links = [...html.matchAll(/href="([^"]*(?:\/api\/v1\/export\.\w+|\/agenda\.ics)[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
			expect(links.length, page).toBeGreaterThanOrEqual(2);
			// Every list of actors offers their relations next to them, with the same filters.
			if (!page.startsWith('/acteurs/'))
				expect(
					links.filter((l) => l.includes('export.relations.csv')),
					page
				).toHaveLength(1);
			for (const link of links) {
				const file = await download(link);
				const kind = Object.keys(expected).find((k) => link.includes(k))!;
				expect(file.status, link).toBe(200);
				expect(file.type, link).toContain(expected[kind]!.split(';')[0]!);
				expect(file.text.length, link).toBeGreaterThan(100);
				if (page.includes('kind=third_place') && kind.endsWith('.csv')) expect(link).toContain('kind=third_place');
				if (page.startsWith('/territoires') && kind !== 'agenda.ics') expect(link).toContain('territory=63');
				if (page.startsWith('/acteurs/')) expect(link).toContain(`focus=${linked.slug}`);
			}
		}
	});

	it('answers a French 400 on a bad filter', async () => {
		const res = await fetch(inject('baseUrl') + '/api/v1/export.csv?kind=martian');
		expect(res.status).toBe(400);
		expect(((await res.json()) as { message: string }).message).toBe('Paramètres invalides.');
	});
});
