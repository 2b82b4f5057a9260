import { beforeAll, describe, expect, it, vi } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { liveGraph } from '../../src/lib/server/graph/graph-cache';

/**
 * The graph page and the graph API read one address the same way (the explore views' schemas): a value the
 * page takes, the API takes; a value one refuses, the other refuses with the same French words.
 */
let db: Db;
let dbPath: string;
demoDbForFile((d, path) => ((db = d), (dbPath = path)));

type Load = (event: unknown) => unknown;
let pageLoad: Load;
let embedLoad: Load;
let apiGraph: (event: unknown) => Promise<Response>;
let apiPaths: (event: unknown) => Promise<Response>;

beforeAll(async () => {
	// The routes' getDb() opens DATABASE_URL once per module instance: fresh modules, this file's database.
	vi.resetModules();
	process.env.DATABASE_URL = dbPath;
	pageLoad = (await import('../../src/routes/reseau/+page.server')).load as Load;
	embedLoad = (await import('../../src/routes/embed/reseau/+page.server')).load as Load;
	apiGraph = (await import('../../src/routes/api/v1/graph/+server')).GET as never;
	apiPaths = (await import('../../src/routes/api/v1/paths/+server')).GET as never;
});

const event = (path: string) => {
	const url = new URL(path, 'http://localhost');
	return { url, params: {}, request: new Request(url), getClientAddress: () => '192.0.2.1', locals: {}, setHeaders: () => {} };
};

/** What the page answers: its data, a redirect's target, or the error page's status and French text. */
function page(load: Load, path: string): { data?: Record<string, unknown>; redirect?: string; status?: number; text?: string } {
	try {
		return { data: load(event(path)) as Record<string, unknown> };
	} catch (e) {
		if (isRedirect(e)) return { redirect: e.location, status: e.status };
		if (isHttpError(e)) return { status: e.status, text: JSON.stringify(e.body) };
		throw e;
	}
}

async function api(handler: typeof apiGraph, path: string): Promise<{ status: number; text: string; body: Record<string, unknown> }> {
	const res = await handler(event(path));
	const text = await res.text();
	return { status: res.status, text, body: JSON.parse(text) };
}

/** The two best related actors (a hub and one of its neighbours). */
function hub() {
	const { index } = liveGraph(db);
	const ranked = [...index.nodes.keys()].sort((a, b) => index.offsets[b + 1]! - index.offsets[b]! - (index.offsets[a + 1]! - index.offsets[a]!));
	const n = index.nodes[ranked[0]!]!;
	const m = index.nodes[ranked[1]!]!;
	return { id: n.id, slug: n.slug, label: n.label, other: { id: m.id, slug: m.slug } };
}

describe('/reseau and /api/v1/graph read the same parameters', () => {
	it('accept the same years and refuse the same ones in the same French words', async () => {
		for (const year of ['1850', '1800', '2100', '2022']) {
			expect(page(pageLoad, `/reseau?year=${year}`).data, year).toBeDefined();
			expect((await api(apiGraph, `/api/v1/graph?year=${year}`)).status, year).toBe(200);
		}
		for (const [year, words] of [
			['1700', 'year\u00a0: 1800 au minimum'],
			['2101', 'year\u00a0: 2100 au maximum'],
			['deux-mille', 'year doit être un nombre'],
			['1999.5', 'year doit être un entier']
		] as const) {
			const p = page(pageLoad, `/reseau?year=${year}`);
			const a = await api(apiGraph, `/api/v1/graph?year=${year}`);
			expect(p.status, year).toBe(400);
			expect(a.status, year).toBe(400);
			expect(p.text, year).toContain(words);
			expect(a.text, year).toContain(words);
		}
	});

	it('accept and refuse the same `confirmed` values', async () => {
		for (const v of ['1', '0', 'true', 'false']) {
			expect(page(pageLoad, `/reseau?confirmed=${v}`).data, v).toBeDefined();
			expect((await api(apiGraph, `/api/v1/graph?confirmed=${v}`)).status, v).toBe(200);
		}
		const p = page(pageLoad, '/reseau?confirmed=oui');
		const a = await api(apiGraph, '/api/v1/graph?confirmed=oui');
		expect([p.status, a.status]).toEqual([400, 400]);
		expect(p.text).toContain('confirmed\u00a0: 1 ou 0');
		expect(a.text).toContain('confirmed\u00a0: 1 ou 0');
		expect((page(pageLoad, '/reseau?confirmed=1').data!.query as { confirmed: boolean }).confirmed).toBe(true);
		expect((page(pageLoad, '/reseau?confirmed=false').data!.query as { confirmed: boolean }).confirmed).toBe(false);
	});

	it('take a focus by slug: the API answers the neighbourhood, the page redirects to the id address', async () => {
		const h = hub();
		const bySlug = await api(apiGraph, `/api/v1/graph?focus=${h.slug}&depth=1`);
		const byId = await api(apiGraph, `/api/v1/graph?focus=${h.id}&depth=1`);
		expect(bySlug.status).toBe(200);
		expect((bySlug.body.nodes as unknown[]).length).toBeGreaterThan(1);
		expect(bySlug.body).toEqual(byId.body);

		const p = page(pageLoad, `/reseau?type=founded&focus=${h.slug}&depth=2&actor=${h.other.slug}`);
		expect(p.status).toBe(307);
		expect(p.redirect).toBe(`/reseau?type=founded&focus=${h.id}&depth=2&actor=${h.other.id}`);
		const landed = page(pageLoad, p.redirect!).data!;
		expect(landed.query).toMatchObject({ focus: h.id, depth: 2, actor: h.other.id, type: ['founded'] });
		expect((landed.names as Record<number, { name: string }>)[h.id]!.name).toBe(h.label);

		const embed = page(embedLoad, `/embed/reseau?focus=${h.slug}`);
		expect(embed.redirect).toBe(`/embed/reseau?focus=${h.id}`);
	});

	it('take path ends by slug or id on both, and refuse the same unknown actor with a French 404', async () => {
		const h = hub();
		expect((await api(apiPaths, `/api/v1/paths?from=${h.slug}&to=${h.other.id}`)).status).toBe(200);
		expect(page(pageLoad, `/reseau?from=${h.slug}&to=${h.other.id}&path=2`).redirect).toBe(`/reseau?from=${h.id}&to=${h.other.id}&path=2`);

		const p = page(pageLoad, '/reseau?focus=acteur-inexistant');
		const a = await api(apiGraph, '/api/v1/graph?focus=acteur-inexistant');
		expect([p.status, a.status]).toEqual([404, 404]);
		expect(p.text).toContain('Aucun acteur publié ne correspond à «\u00a0acteur-inexistant\u00a0»');
		expect(a.text).toContain('Aucun acteur publié ne correspond à «\u00a0acteur-inexistant\u00a0»');

		for (const bad of ['focus=Pas%20un%20slug', 'depth=4', 'layout=circle']) {
			expect(page(pageLoad, `/reseau?${bad}`).status, bad).toBe(400);
		}
		expect((await api(apiGraph, '/api/v1/graph?focus=Pas%20un%20slug')).status).toBe(400);
		expect((await api(apiGraph, '/api/v1/graph?depth=4')).status).toBe(400);
	});
});
