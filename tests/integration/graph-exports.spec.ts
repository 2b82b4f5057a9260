import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { graphExport, graphView, relationsCsv } from '../../src/lib/server/services/graph.service';
import { entityApi } from '../../src/lib/server/services/entity-api.service';
import { firstDay, lastDay } from '../../src/lib/graph/spells';

let db: Db;
demoDbForFile((d) => (db = d));

const qs = (s: string) => new URLSearchParams(s);
const schemaFile = (name: string) => ({ fileName: name, contents: readFileSync(`tests/fixtures/gexf-1.3/${name}`, 'utf8') });

describe('GEXF for Gephi’s timeline', () => {
	it('the whole demo network validates against the official GEXF 1.3 schema', async () => {
		const validate = (contents: string) =>
			validateXML({
				xml: [{ fileName: 'reseau.gexf', contents }],
				schema: [schemaFile('gexf.xsd')],
				preload: [schemaFile('dynamics.xsd'), schemaFile('viz.xsd')]
			});
		const { body } = graphExport(db, qs(''), 'gexf');
		const result = await validate(body);
		expect(result.errors.map((e) => e.rawMessage).slice(0, 5)).toEqual([]);
		expect(result.valid).toBe(true);
		// The schema does check spells: a date where none can be is refused.
		expect((await validate(body.replace(/<spell start="[^"]+"/, '<spell start="mars 2019"'))).valid).toBe(false);
	});

	it('parses back with each relation’s span from its dates and each actor’s from its relations', () => {
		const params = 'territory=63';
		const view = graphView(db, qs(params));
		const parser = new XMLParser({
			ignoreAttributes: false,
			attributeNamePrefix: '',
			isArray: (name, _p, _l, isAttribute) => !isAttribute && ['node', 'edge', 'spell', 'attvalue'].includes(name)
		});
		const graph = parser.parse(graphExport(db, qs(params), 'gexf').body).gexf.graph;
		expect(graph).toMatchObject({ mode: 'dynamic', timeformat: 'date' });
		type Spell = { start?: string; end?: string };
		type X = { id: string; spells?: { spell: Spell[] }; attvalues?: { attvalue: { for: string; value: string }[] } };
		const edges = new Map((graph.edges.edge as X[]).map((e) => [Number(e.id.slice(1)), e]));
		let dated = 0;
		for (const e of view.edges) {
			const spell = edges.get(e.id)?.spells?.spell;
			if (!e.startDate && !e.endDate) {
				expect(spell, `relation ${e.id} sans date`).toBeUndefined();
				continue;
			}
			dated++;
			expect(spell).toEqual([{ ...(e.startDate ? { start: firstDay(e.startDate) } : {}), ...(e.endDate ? { end: lastDay(e.endDate) } : {}) }]);
		}
		expect(dated).toBeGreaterThan(50);
		// Partial dates of every precision are in the demo: years, months and days.
		const precisions = new Set(
			view.edges
				.flatMap((e) => [e.startDate, e.endDate])
				.filter(Boolean)
				.map((d) => d!.length)
		);
		expect([...precisions].sort((a, b) => a - b)).toEqual([4, 7, 10]);
		// Actors whose relations are all dated appear on the timeline only when one holds.
		const nodes = graph.nodes.node as X[];
		expect(nodes.filter((n) => n.spells).length).toBeGreaterThan(10);
		for (const n of nodes.filter((x) => x.spells)) {
			const spells = n.spells!.spell;
			for (let i = 1; i < spells.length; i++) expect(spells[i]!.start! > spells[i - 1]!.end!).toBe(true);
		}
		// Commune names, not codes, for the people reading the file.
		const communes = nodes.map((n) => n.attvalues?.attvalue.find((a) => a.for === 'commune')?.value).filter(Boolean);
		expect(communes).toContain('Clermont-Ferrand');
		expect(communes.every((c) => !/^\d/.test(c!))).toBe(true);
	});
});

describe('relations CSV', () => {
	it('has one row per relation of the view, opened as French Excel reads it', () => {
		const params = 'type=incubated_by&type=founded&territory=63';
		const view = graphView(db, qs(params));
		const file = relationsCsv(db, qs(params));
		expect(file.contentType).toBe('text/csv; charset=utf-8');
		expect(file.filename).toBe('connecteur-carto-relations.csv');
		expect(file.body.startsWith('\ufeff')).toBe(true);
		const rows: Record<string, string>[] = parseCsv(file.body, { bom: true, delimiter: ';', columns: true, record_delimiter: '\r\n' });
		expect(Object.keys(rows[0]!)).toEqual([
			'source_id',
			'source_name',
			'relation',
			'type',
			'target_id',
			'target_name',
			'start_date',
			'end_date',
			'confirmation',
			'citation'
		]);
		expect(rows).toHaveLength(view.edges.length);
		const names = new Map(view.nodes.map((n) => [n.id, n.label]));
		for (const [i, e] of view.edges.entries()) {
			const row = rows[i]!;
			expect(row).toMatchObject({
				source_id: String(e.source),
				source_name: names.get(e.source),
				type: e.type,
				target_id: String(e.target),
				target_name: names.get(e.target),
				start_date: e.startDate ?? '',
				end_date: e.endDate ?? '',
				citation: e.sourceRef ?? ''
			});
		}
		expect(new Set(rows.map((r) => r.type))).toEqual(new Set(['incubated_by', 'founded']));
		expect(rows.some((r) => r.citation?.startsWith('http'))).toBe(true);
	});
});

describe('commune names for people', () => {
	it('the actor API carries its commune’s name next to the code', () => {
		const { nodes } = graphView(db, qs('limit=5'));
		const api = entityApi(db, String(nodes[0]!.id));
		expect(api.communeCode).toMatch(/^\d[\dAB]\d{3}$/);
		expect(api.communeName).toBe(nodes[0]!.communeName);
		expect(api.communeName).toMatch(/^[A-ZÉ]/);
	});

	it('hides the actors left with no relation when asked (connected=1)', () => {
		const all = graphView(db, qs('type=founded'));
		const linked = graphView(db, qs('type=founded&connected=1'));
		const touched = new Set(all.edges.flatMap((e) => [e.source, e.target]));
		expect(linked.nodes.map((n) => n.id)).toEqual(all.nodes.filter((n) => touched.has(n.id)).map((n) => n.id));
		expect(linked.edges).toEqual(all.edges);
		expect(linked.nodes.length).toBeLessThan(all.nodes.length);
	});
});
