import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { writeGexf } from './gexf';
import { writeGraphml } from './graphml';
import { xmlEscape } from './xml';
import { edge, node } from './test-graphs';
import { edgeLabel, type ExportGraph } from './export-model';

const tricky = 'Café <Labo> & "Fils" l\'Atelier\u0001';
const graph: ExportGraph = {
	description: 'Vue : organisations du Puy-de-Dôme & alentours',
	nodes: [node(1, tricky), { ...node(2, 'Incubateur des Dômes'), communeCode: null, communeName: null, lon: null, lat: null }, node(3, 'Volcabio')],
	edges: [
		edge(7, 3, 2, { type: 'incubated_by', startDate: '2019', endDate: '2020-06', sourceRef: 'https://exemple.fr/?a=1&b=2' }),
		edge(8, 1, 3, { type: 'partner_of', confirmation: 'declared' }),
		edge(9, 1, 2, { type: 'hosted_by', startDate: '2021-02-15', endDate: null })
	]
};
const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '',
	isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['node', 'edge', 'attvalue', 'data', 'key', 'attribute', 'attributes'].includes(name)
});
type Attrs = Record<string, string>;

describe('xml escaping', () => {
	it('escapes markup characters and drops those XML forbids', () => {
		expect(xmlEscape(tricky)).toBe('Café &lt;Labo&gt; &amp; &quot;Fils&quot; l&apos;Atelier');
		expect(xmlEscape('a\nb')).toBe('a&#10;b');
		expect(xmlEscape('\uD800x')).toBe('x');
		expect(xmlEscape('😀')).toBe('😀');
	});
});

describe('relation labels in the files', () => {
	it('agree with their source through the French-phrasing module; the vocabulary code stays next to them', () => {
		const e = edge(1, 1, 2, { type: 'incubated_by' });
		expect(edgeLabel(e, node(1, 'Volcabio'))).toBe('incubée par');
		expect(edgeLabel(e, { label: 'Laboratoire des Volcans', kind: 'organisation', category: 'lab' })).toBe('incubé par');
		expect(edgeLabel({ ...e, type: 'member_of' }, { label: 'Les Pionniers du Velay', kind: 'organisation', category: 'association' })).toBe('membres de');
		expect(edgeLabel({ ...e, type: 'hosted_by' }, { label: 'La Grange de Cournols', kind: 'third_place', category: 'rural_third_place' })).toBe('hébergée par');
		expect(edgeLabel({ ...e, type: 'takes_place_at' }, { label: 'Rencontre des fablabs', kind: 'event', category: 'meetup' })).toBe('a lieu à');
		// A person has no recorded gender: the vocabulary's label, as an unknown source.
		expect(edgeLabel(e, { label: 'Camille Martin', kind: 'person', category: 'entrepreneur' })).toBe('incubé·e par');
		expect(edgeLabel(e, undefined)).toBe('incubé·e par');
	});
});

describe('GEXF 1.3', () => {
	const xml = writeGexf(graph, '2025-01-31');
	const doc = parser.parse(xml).gexf;

	it('parses back with every node, edge and attribute', () => {
		expect(doc.version).toBe('1.3');
		expect(doc.xmlns).toBe('http://gexf.net/1.3');
		expect(doc.graph.defaultedgetype).toBe('directed');
		const nodes = doc.graph.nodes.node as (Attrs & { attvalues?: { attvalue: Attrs[] } })[];
		const edges = doc.graph.edges.edge as (Attrs & { attvalues: { attvalue: Attrs[] } })[];
		expect(nodes).toHaveLength(3);
		expect(edges).toHaveLength(3);
		expect(nodes[0]!.label).toBe('Café <Labo> & "Fils" l\'Atelier');
		const declared = (doc.graph.attributes as { class: string; attribute: Attrs[] }[]).flatMap((a) => a.attribute.map((x) => `${a.class}:${x.id}:${x.type}`));
		expect(declared).toEqual(
			expect.arrayContaining([
				'node:kind:string',
				'node:category:string',
				'node:commune:string',
				'node:communeCode:string',
				'node:categoryLabel:string',
				'node:lon:double',
				'node:lat:double',
				'edge:type:string',
				'edge:startDate:string',
				'edge:confirmation:string',
				'edge:source:string'
			])
		);
		const values = (x: { attvalues?: { attvalue: Attrs[] } }) => Object.fromEntries((x.attvalues?.attvalue ?? []).map((a) => [a.for, a.value]));
		expect(values(nodes[0]!)).toMatchObject({
			kind: 'organisation',
			category: 'startup',
			categoryLabel: 'Startup',
			commune: 'Clermont-Ferrand',
			communeCode: '63113',
			lon: '3.1',
			lat: '45.8'
		});
		expect(values(nodes[1]!)).not.toHaveProperty('commune');
		expect(edges[0]).toMatchObject({ id: 'e7', source: 'n3', target: 'n2', label: 'incubée par' });
		expect(values(edges[0]!)).toEqual({
			type: 'incubated_by',
			startDate: '2019',
			endDate: '2020-06',
			confirmation: 'confirmed',
			source: 'https://exemple.fr/?a=1&b=2'
		});
		const ids = new Set(nodes.map((n) => n.id));
		expect(edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
	});
	it("is dynamic: Gephi reads each relation's span from its (partial) dates, and each actor's from its relations", () => {
		expect(doc.graph.mode).toBe('dynamic');
		expect(doc.graph.timeformat).toBe('date');
		type Spelled = Attrs & { spells?: { spell: Attrs | Attrs[] } };
		const spells = (x: Spelled) => (x.spells ? ([] as Attrs[]).concat(x.spells.spell) : null);
		const edges = doc.graph.edges.edge as Spelled[];
		const nodes = doc.graph.nodes.node as Spelled[];
		// « 2019 » to « 2020-06 »: from the first day of 2019 to the last day of June 2020.
		expect(spells(edges[0]!)).toEqual([{ start: '2019-01-01', end: '2020-06-30' }]);
		// Undated: always there (no spell at all).
		expect(spells(edges[1]!)).toBeNull();
		// Open end.
		expect(spells(edges[2]!)).toEqual([{ start: '2021-02-15' }]);
		// Actor 2: its relations span 2019-01-01..2020-06-30 and 2021-02-15..(open): two spells.
		expect(spells(nodes[1]!)).toEqual([{ start: '2019-01-01', end: '2020-06-30' }, { start: '2021-02-15' }]);
		// Actors 1 and 3 have an undated relation: always there.
		expect(spells(nodes[0]!)).toBeNull();
		expect(spells(nodes[2]!)).toBeNull();
	});
});

describe('GraphML', () => {
	const xml = writeGraphml(graph);
	const doc = parser.parse(xml).graphml;

	it('declares its keys and parses back with every node, edge and value', () => {
		const keys = doc.key as Attrs[];
		const keyIds = new Set(keys.map((k) => k.id));
		expect(keys.map((k) => `${k.for}:${k['attr.name']}:${k['attr.type']}`)).toEqual(
			expect.arrayContaining(['node:label:string', 'node:kind:string', 'node:lon:double', 'edge:label:string', 'edge:type:string', 'edge:source:string'])
		);
		expect(doc.graph.edgedefault).toBe('directed');
		const nodes = doc.graph.node as (Attrs & { data: { key: string; '#text': string | number }[] })[];
		const edges = doc.graph.edge as (Attrs & { data: { key: string; '#text': string | number }[] })[];
		expect(nodes).toHaveLength(3);
		expect(edges).toHaveLength(3);
		for (const x of [...nodes, ...edges]) for (const d of x.data) expect(keyIds.has(d.key), d.key).toBe(true);
		const data = (x: { data: { key: string; '#text': string | number }[] }) => Object.fromEntries(x.data.map((d) => [d.key, String(d['#text'])]));
		expect(data(nodes[0]!)).toMatchObject({ label: 'Café <Labo> & "Fils" l\'Atelier', n_kind: 'organisation', n_lat: '45.8' });
		expect(edges[0]).toMatchObject({ source: 'n3', target: 'n2' });
		expect(data(edges[0]!)).toMatchObject({ e_label: 'incubée par', e_type: 'incubated_by', e_startDate: '2019', e_source: 'https://exemple.fr/?a=1&b=2' });
	});
});
