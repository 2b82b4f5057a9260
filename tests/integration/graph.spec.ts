import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { demoDbForFile } from './fresh-db';
import { openDb, type Db } from '../../src/lib/server/db/index';
import { entities, relations } from '../../src/lib/server/db/schema';
import { graphRevision } from '../../src/lib/server/repos/graph.repo';
import { liveGraph, liveMetrics } from '../../src/lib/server/graph/graph-cache';
import { graphExport, graphMetrics, graphView } from '../../src/lib/server/services/graph.service';
import { commonRelations, findPaths } from '../../src/lib/server/services/path.service';
import { createRelations } from '../../src/lib/server/services/entity-write.service';
import { NotFoundError, ValidationError } from '../../src/lib/server/services/errors';
import { activeInYear } from '../../src/lib/graph/graph-index';

let db: Db;
let dbPath: string;
demoDbForFile((d, path) => ((db = d), (dbPath = path)));

const qs = (s: string) => new URLSearchParams(s);
type View = ReturnType<typeof graphView>;
type Edge = View['edges'][number];

/** The two most related actors that are not directly related (a path needs at least two hops). */
function distantPair(view: View): [number, number] {
	const adjacent = new Set(view.edges.flatMap((e) => [`${e.source}-${e.target}`, `${e.target}-${e.source}`]));
	const ranked = [...view.nodes].sort((a, b) => b.degree - a.degree);
	for (const a of ranked) for (const b of ranked) if (a.id !== b.id && !adjacent.has(`${a.id}-${b.id}`) && a.degree > 2 && b.degree > 2) return [a.id, b.id];
	throw new Error('no pair');
}

function expectValidPath(path: { nodes: number[]; edges: Edge[] }, from: number, to: number, maxHops: number) {
	expect(path.nodes[0]).toBe(from);
	expect(path.nodes.at(-1)).toBe(to);
	expect(path.edges).toHaveLength(path.nodes.length - 1);
	expect(path.edges.length).toBeLessThanOrEqual(maxHops);
	expect(new Set(path.nodes).size).toBe(path.nodes.length);
	path.edges.forEach((e, i) => {
		expect(new Set([e.source, e.target])).toEqual(new Set([path.nodes[i], path.nodes[i + 1]]));
	});
}

describe('graph revision', () => {
	it('moves on every graph write, from any connection, and not on text edits', () => {
		const before = graphRevision(db);
		expect(before).toBeGreaterThan(0);
		const [a, b] = db.select({ id: entities.id }).from(entities).limit(2).all();
		db.update(entities).set({ description: 'Texte modifié' }).where(eq(entities.id, a!.id)).run();
		expect(graphRevision(db)).toBe(before);
		const other = openDb(dbPath);
		try {
			other.update(entities).set({ name: 'Nom modifié ailleurs' }).where(eq(entities.id, a!.id)).run();
			expect(graphRevision(db)).toBe(before + 1);
			const added = other.insert(relations).values({ type: 'partner_of', sourceId: a!.id, targetId: b!.id }).returning({ id: relations.id }).get();
			other.update(relations).set({ deletedAt: '2025-01-01' }).where(eq(relations.id, added.id)).run();
			expect(graphRevision(db)).toBe(before + 3);
		} finally {
			other.$client.close();
		}
		expect(liveGraph(db).index.nodes.find((n) => n.id === a!.id)?.label).toBe('Nom modifié ailleurs');
	});

	it('moves when a partner changes the stages, offers or sectors the finder reads (drizzle/0012), not their opening hours', () => {
		const [a] = db.select({ id: entities.id }).from(entities).limit(1).all();
		const before = graphRevision(db);
		db.update(entities)
			.set({ stages: ['idea'] })
			.where(eq(entities.id, a!.id))
			.run();
		db.update(entities)
			.set({ offers: ['mentoring'] })
			.where(eq(entities.id, a!.id))
			.run();
		db.update(entities)
			.set({ sectors: ['agri'] })
			.where(eq(entities.id, a!.id))
			.run();
		expect(graphRevision(db)).toBe(before + 3);
		db.update(entities).set({ openingHours: 'Mo-Fr 09:00-18:00' }).where(eq(entities.id, a!.id)).run();
		expect(graphRevision(db)).toBe(before + 3);
	});
});

describe('metrics', () => {
	it('are computed once per revision, shared by concurrent callers, and again after a write', async () => {
		const first = liveMetrics(db);
		expect(liveMetrics(db)).toBe(first);
		const m1 = await graphMetrics(db);
		const m2 = await graphMetrics(db);
		expect(m2.revision).toBe(m1.revision);
		expect(await liveMetrics(db)).toBe(await first);
		expect(m1.betweennessMethod).toBe('exact');
		const ids = Object.keys(m1.nodes);
		expect(ids.length).toBe(liveGraph(db).index.nodes.length);
		const pagerankSum = Object.values(m1.nodes).reduce((s, n) => s + n.pagerank, 0);
		expect(pagerankSum).toBeCloseTo(1, 3);
		for (const key of ['degree', 'betweenness', 'pagerank'] as const) {
			const top = m1.top[key];
			expect(top).toHaveLength(15);
			expect(top.every((t, i) => i === 0 || (top[i - 1] as { value: number }).value >= t.value)).toBe(true);
			expect(top[0]!.value).toBe(m1.nodes[top[0]!.id]![key]);
		}
		expect(m1.communities.length).toBeGreaterThan(1);
		expect(m1.communities[0]!.label).not.toBe('');

		// Two actors not yet related: one more relation raises both degrees by one.
		const view = graphView(db, qs(''));
		const [a, b] = distantPair(view);
		createRelations(db, [{ type: 'partner_of', sourceId: a, targetId: b, confirmation: 'confirmed', source: 'test' }]);
		const m3 = await graphMetrics(db, { fresh: true });
		expect(m3.revision).toBeGreaterThan(m1.revision);
		expect(m3.nodes[a]!.degree).toBe(m1.nodes[a]!.degree + 1);
		expect(m3.nodes[b]!.degree).toBe(m1.nodes[b]!.degree + 1);
	});
});

describe('graph view', () => {
	it('keeps the existing fields and adds degree, total, truncated and the years', () => {
		const all = graphView(db, qs(''));
		expect(all.nodes.length).toBeGreaterThan(400);
		expect(all.total).toBe(all.nodes.length);
		expect(all.truncated).toBe(false);
		const ids = new Set(all.nodes.map((n) => n.id));
		expect(all.edges.every((e) => ids.has(e.source) && ids.has(e.target) && e.label)).toBe(true);
		expect(all.years?.[0]).toBeLessThan(all.years?.[1] as number);
		const degree = new Map<number, number>();
		for (const e of all.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
		expect(all.nodes.every((n) => n.degree === (degree.get(n.id) ?? 0))).toBe(true);

		const capped = graphView(db, qs('limit=50'));
		expect(capped.nodes).toHaveLength(50);
		expect(capped.total).toBe(all.nodes.length);
		expect(capped.truncated).toBe(true);
		const minKept = Math.min(...capped.nodes.map((n) => n.degree));
		expect(all.nodes.filter((n) => n.degree > minKept).length).toBeLessThanOrEqual(50);
	});

	it('filters relations by type, year and confirmation', () => {
		const typed = graphView(db, qs('type=incubated_by&type=funded_by'));
		expect(new Set(typed.edges.map((e) => e.type))).toEqual(new Set(['incubated_by', 'funded_by']));
		const year = 2020;
		const all = graphView(db, qs(''));
		const in2020 = graphView(db, qs(`year=${year}`));
		expect(in2020.edges.length).toBeGreaterThan(0);
		expect(in2020.edges.every((e) => activeInYear(e, year))).toBe(true);
		expect(in2020.edges.length).toBe(all.edges.filter((e) => activeInYear(e, year)).length);
		const confirmed = graphView(db, qs('confirmed=1'));
		expect(confirmed.edges.length).toBeGreaterThan(0);
		expect(confirmed.edges.every((e) => e.confirmation === 'confirmed')).toBe(true);
		const orgs = graphView(db, qs('kind=organisation&territory=63'));
		expect(orgs.nodes.every((n) => n.kind === 'organisation')).toBe(true);
		expect(() => graphView(db, qs('type=robot'))).toThrow(ValidationError);
		expect(() => graphView(db, qs('year=abc'))).toThrow(ValidationError);
	});

	it('focus: the neighbourhood at depth 1, 2, 3', () => {
		const all = graphView(db, qs(''));
		const hub = [...all.nodes].sort((a, b) => b.degree - a.degree)[5]!;
		const d1 = graphView(db, qs(`focus=${hub.slug}&depth=1`));
		const neighbours = new Set(all.edges.flatMap((e) => (e.source === hub.id ? [e.target] : e.target === hub.id ? [e.source] : [])));
		expect(new Set(d1.nodes.map((n) => n.id))).toEqual(new Set([hub.id, ...neighbours]));
		const d2 = graphView(db, qs(`focus=${hub.id}&depth=2`));
		const d3 = graphView(db, qs(`focus=${hub.id}&depth=3`));
		expect(d2.nodes.length).toBeGreaterThan(d1.nodes.length);
		expect(d3.nodes.length).toBeGreaterThanOrEqual(d2.nodes.length);
		const in2 = new Set(d2.nodes.map((n) => n.id));
		expect(d1.nodes.every((n) => in2.has(n.id))).toBe(true);
		expect(() => graphView(db, qs('focus=acteur-inexistant'))).toThrow(NotFoundError);
		expect(() => graphView(db, qs(`focus=${hub.id}&depth=4`))).toThrow(ValidationError);
	});
});

describe('paths', () => {
	it('between two demo actors: valid chains, shortest first, within the hop limit, written out', () => {
		const view = graphView(db, qs(''));
		const [from, to] = distantPair(view);
		const slug = view.nodes.find((n) => n.id === from)!.slug;
		const result = findPaths(db, qs(`from=${slug}&to=${to}&k=5&maxHops=6`));
		expect(result.paths.length).toBeGreaterThan(1);
		result.paths.forEach((p, i) => {
			expectValidPath(p, from, to, 6);
			if (i > 0) expect(p.edges.length).toBeGreaterThanOrEqual(result.paths[i - 1]!.edges.length);
			expect(p.sentences).toHaveLength(p.edges.length);
			p.nodes.forEach((id) => expect(result.entities[id]?.id).toBe(id));
			p.edges.forEach((e, j) => {
				const sentence = p.sentences[j]!;
				// Both ends are named (the French-phrasing module contracts a name's own article: « au Cowork des Dômes »,
				// and tells a person's passive relation from the other side: « La Couveuse a incubé Camille »).
				const bare = (label: string) => label.replace(/^(le|la|les)\s+|^l['’]/i, '');
				expect(sentence).toContain(bare(result.entities[e.source]!.label));
				expect(sentence).toContain(bare(result.entities[e.target]!.label));
				expect(sentence).toMatch(/source/);
				expect(sentence).not.toMatch(/·e/);
			});
		});
		expect(new Set(result.paths.map((p) => p.nodes.join())).size).toBe(result.paths.length);

		const short = findPaths(db, qs(`from=${from}&to=${to}&k=5&maxHops=2`));
		short.paths.forEach((p) => expectValidPath(p, from, to, 2));

		const confirmed = findPaths(db, qs(`from=${from}&to=${to}&k=5&confirmed=1`));
		confirmed.paths.forEach((p) => {
			expectValidPath(p, from, to, 6);
			expect(p.edges.every((e) => e.confirmation === 'confirmed')).toBe(true);
		});
		const typed = findPaths(db, qs(`from=${from}&to=${to}&type=partner_of&type=member_of`));
		typed.paths.forEach((p) => expect(p.edges.every((e) => e.type === 'partner_of' || e.type === 'member_of')).toBe(true));
	});

	it('answers French errors: unknown actor 404, same actor or bad values 400', () => {
		const [first] = graphView(db, qs('limit=1')).nodes;
		expect(() => findPaths(db, qs(`from=${first!.id}&to=acteur-inexistant`))).toThrow(/Aucun acteur/);
		expect(() => findPaths(db, qs(`from=${first!.id}&to=acteur-inexistant`))).toThrow(NotFoundError);
		expect(() => findPaths(db, qs(`from=${first!.id}&to=${first!.slug}`))).toThrow(ValidationError);
		expect(() => findPaths(db, qs(`from=${first!.id}`))).toThrow(ValidationError);
		for (const bad of ['k=6', 'k=0', 'maxHops=7', 'confirmed=oui']) {
			expect(() => findPaths(db, qs(`from=1&to=2&${bad}`)), bad).toThrow(ValidationError);
		}
	});

	it('common relations: actors related to both, with the relation on each side', () => {
		const view = graphView(db, qs(''));
		const [a, b] = distantPair(view);
		const { items } = commonRelations(db, qs(`a=${a}&b=${b}`));
		for (const item of items) {
			expect(new Set([item.viaA.source, item.viaA.target])).toEqual(new Set([a, item.id]));
			expect(new Set([item.viaB.source, item.viaB.target])).toEqual(new Set([b, item.id]));
		}
		const two = findPaths(db, qs(`from=${a}&to=${b}&k=5&maxHops=2`)).paths.filter((p) => p.nodes.length === 3);
		expect(new Set(items.map((i) => i.id))).toEqual(new Set(two.map((p) => p.nodes[1])));
	});
});

describe('exports', () => {
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '',
		isArray: (name, _p, _l, isAttribute) => !isAttribute && ['node', 'edge'].includes(name)
	});

	it('GEXF and GraphML of a filtered view parse back with its node and edge counts', () => {
		const params = 'territory=63&year=2021&type=incubated_by&type=hosted_by&type=partner_of&type=member_of';
		const view = graphView(db, qs(params));
		expect(view.edges.length).toBeGreaterThan(0);
		const gexf = graphExport(db, qs(params), 'gexf');
		expect(gexf.contentType).toMatch(/^application\/gexf\+xml/);
		expect(gexf.filename).toBe('connecteur-carto-reseau.gexf');
		const g = parser.parse(gexf.body).gexf.graph;
		expect(g.nodes.node).toHaveLength(view.nodes.length);
		expect(g.edges.edge).toHaveLength(view.edges.length);
		const graphml = graphExport(db, qs(params), 'graphml');
		expect(graphml.contentType).toMatch(/^application\/graphml\+xml/);
		const h = parser.parse(graphml.body).graphml.graph;
		expect(h.node).toHaveLength(view.nodes.length);
		expect(h.edge).toHaveLength(view.edges.length);
		expect(() => graphExport(db, qs('kind=robot'), 'gexf')).toThrow(ValidationError);
	});
});
