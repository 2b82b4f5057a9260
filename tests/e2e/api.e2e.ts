import { describe, expect, inject, it } from 'vitest';

const base = () => inject('baseUrl');
const get = async (path: string) => {
	const res = await fetch(base() + path);
	const body = (await res.json()) as Record<string, unknown>;
	return { status: res.status, type: res.headers.get('content-type') ?? '', body };
};

describe('JSON API /api/v1 on the real server', () => {
	it('lists entities with filters and a cursor', async () => {
		const first = await get('/api/v1/entities?kind=organisation&limit=5');
		expect(first.status).toBe(200);
		const items = first.body.items as { slug: string; kind: string }[];
		expect(items).toHaveLength(5);
		expect(items.every((e) => e.kind === 'organisation')).toBe(true);
		expect(first.body.total).toBeGreaterThan(100);
		const next = await get(`/api/v1/entities?kind=organisation&limit=5&cursor=${first.body.next as string}`);
		const nextSlugs = (next.body.items as { slug: string }[]).map((e) => e.slug);
		expect(nextSlugs.some((s) => items.some((e) => e.slug === s))).toBe(false);
	});

	it('answers one entity by slug or id, with its relations', async () => {
		const list = await get('/api/v1/entities?category=incubator&limit=1');
		const [incubator] = list.body.items as { id: number; slug: string }[];
		const bySlug = await get(`/api/v1/entities/${incubator!.slug}`);
		const byId = await get(`/api/v1/entities/${incubator!.id}`);
		expect(bySlug.status).toBe(200);
		expect(byId.body.slug).toBe(incubator!.slug);
		expect((bySlug.body.relations as unknown[]).length).toBeGreaterThan(0);
	});

	it('serves territories as GeoJSON', async () => {
		const deps = await get('/api/v1/territories?kind=departement');
		expect(deps.body.type).toBe('FeatureCollection');
		const codes = (deps.body.features as { properties: { code: string } }[]).map((f) => f.properties.code).sort();
		expect(codes).toEqual(['03', '15', '43', '63']);
		const communes = await get('/api/v1/territories?kind=commune&parent=15');
		expect((communes.body.features as unknown[]).length).toBeGreaterThan(200);
	});

	it('searches and builds the graph', async () => {
		const found = await get('/api/v1/search?q=clermont&limit=3');
		expect((found.body.items as unknown[]).length).toBe(3);
		expect(found.body.total).toBeGreaterThan(3);
		const graph = await get('/api/v1/graph?territory=63');
		const nodes = graph.body.nodes as { id: number }[];
		const edges = graph.body.edges as { source: number; target: number; type: string }[];
		expect(nodes.length).toBeGreaterThan(50);
		const ids = new Set(nodes.map((n) => n.id));
		expect(edges.length).toBeGreaterThan(0);
		expect(edges.every((e) => ids.has(e.source) && ids.has(e.target) && e.type)).toBe(true);
	});

	it('serves pathways, flows (JSON and CSV) and the finder, with French 400s', async () => {
		const flows = await get('/api/v1/pathways/flows?departement=43');
		expect(flows.status).toBe(200);
		const transitions = flows.body.transitions as { from: string; to: string; count: number }[];
		expect(transitions.length).toBeGreaterThan(0);
		const behind = await get(`/api/v1/pathways/projects?departement=43&figure=transition&from_key=${transitions[0]!.from}&to_key=${transitions[0]!.to}`);
		const projects = behind.body.projects as { slug: string }[];
		expect(projects).toHaveLength(transitions[0]!.count);
		const pathway = await get(`/api/v1/pathways?entity=${projects[0]!.slug}`);
		expect((pathway.body.steps as unknown[]).length).toBeGreaterThan(0);
		const csv = await fetch(`${base()}/api/v1/pathways/flows.csv?departement=43`);
		expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="parcours-flux-categories\.csv"/);
		const rows = (await csv.text())
			.replace(/^\ufeff/, '')
			.trimEnd()
			.split('\r\n');
		expect(rows).toHaveLength(1 + (flows.body.transitionCount as number));
		const route = await get('/api/v1/pathways/route?stage=emergence&commune=43112&need=hosting');
		expect((route.body.steps as unknown[]).length).toBe(5);
		const bad = await get('/api/v1/pathways/route?stage=retraite&commune=43112');
		expect(bad.status).toBe(400);
		expect((bad.body.issues as string[]).join(' ')).toMatch(/stade/);
		expect((await get('/api/v1/pathways/flows?from=2022&to=2010')).status).toBe(400);
	});

	it('answers bad parameters with a French 400 in JSON, unknown things with 404', async () => {
		for (const path of [
			'/api/v1/entities?kind=robot',
			'/api/v1/entities?limit=abc',
			'/api/v1/entities?cursor=%%%',
			'/api/v1/territories?kind=planete',
			'/api/v1/search',
			'/api/v1/search?q=x&limit=-1',
			'/api/v1/graph?territory=xyz'
		]) {
			const res = await get(path);
			expect(res.status, path).toBe(400);
			expect(res.type).toContain('application/json');
			expect(res.body.message).toBe('Paramètres invalides.');
			expect((res.body.issues as string[]).join(' ')).toMatch(/[a-zé]/);
		}
		const missing = await get('/api/v1/entities/personne-inexistante');
		expect(missing.status).toBe(404);
		expect(missing.body.message).toMatch(/Aucun acteur/);
		const unknown = await get('/api/v1/nimporte-quoi');
		expect(unknown.status).toBe(404);
		expect(unknown.type).toContain('application/json');
	});
});
