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

	it('answers bad parameters with a French 400 in JSON, unknown things with 404', async () => {
		for (const path of ['/api/v1/entities?kind=robot', '/api/v1/entities?limit=abc', '/api/v1/entities?cursor=%%%', '/api/v1/territories?kind=planete', '/api/v1/search', '/api/v1/search?q=x&limit=-1', '/api/v1/graph?territory=xyz']) {
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
