import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { freshDb } from './fresh-db';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { seedDemo } from '../../src/lib/server/seed/index';
import { eq } from 'drizzle-orm';
import { entities } from '../../src/lib/server/db/schema';
import { updateEntity } from '../../src/lib/server/services/entity-write.service';
import { API_ENDPOINTS, type ApiEndpoint } from '../../src/lib/server/openapi/registry';
import { exampleUrl } from '../../src/lib/server/openapi/document';
import { entityListResponse, errorResponseSchema } from '../../src/lib/domain/api/responses';

/*
 * The documentation tells the truth: every documented endpoint is called through its real route handler
 * (the same +server.ts the site serves, with the same JSON serialisation), on the demo data, with typical
 * parameters, and each 200 body is parsed with the zod schema the OpenAPI document publishes. A documented
 * field that disappears, turns null or changes type fails here.
 */

type Handler = (event: unknown) => Promise<Response>;
const ROUTES = import.meta.glob('../../src/routes/api/v1/**/+server.ts');

let ctx: ReturnType<typeof freshDb>;
const previousUrl = process.env.DATABASE_URL;

async function handlerOf(path: string): Promise<Handler> {
	const file = `../../src/routes/api/v1${path.replace(/\{(\w+)\}/g, '[$1]')}/+server.ts`;
	const load = ROUTES[file];
	if (!load) throw new Error(`pas de route pour ${path}`);
	return ((await load()) as { GET: Handler }).GET;
}

/** Calls the route of a documented path, `{idOrSlug}` and the like filled from `params`. */
async function call(path: string, query = '', params: Record<string, string> = {}): Promise<Response> {
	let concrete = `/api/v1${path}`;
	for (const [k, v] of Object.entries(params)) concrete = concrete.replace(`{${k}}`, encodeURIComponent(v));
	const url = new URL(concrete + (query ? `?${query}` : ''), 'http://localhost');
	const GET = await handlerOf(path);
	return GET({ url, request: new Request(url), params, getClientAddress: () => '127.0.0.1' });
}

async function json(path: string, query = '', params: Record<string, string> = {}): Promise<unknown> {
	const res = await call(path, query, params);
	const body = await res.text();
	expect(res.status, `${path}?${query} → ${body.slice(0, 300)}`).toBe(200);
	return JSON.parse(body);
}

const byPath = new Map(API_ENDPOINTS.map((e) => [e.path, e]));
const endpoint = (path: string): ApiEndpoint => byPath.get(path) ?? expect.unreachable(`${path} n’est pas documenté`);

/** Parses a real body with the documented schema; the message names the path and the first wrong fields. */
function conforms(path: string, query: string, body: unknown) {
	const result = endpoint(path).response.schema.safeParse(body);
	if (!result.success) expect.fail(`${path}?${query} ne suit pas son schéma de réponse :\n${z.prettifyError(result.error).slice(0, 2000)}`);
}

/** Real actors and figures of the demo data, to fill the parameters that name them. */
interface Fixtures {
	kinds: Record<string, string>;
	/** An actor by its numeric id. */
	anId: string;
	pair: [string, string];
	far: [string, string];
	pathways: string[];
	figures: string[];
}
let fx: Fixtures;

/** Typical queries per documented path (the registry's own example is always added). */
function cases(): Record<string, string[]> {
	return {
		'/entities': ['limit=200', 'kind=third_place&territory=63', 'kind=person&limit=200', 'kind=event&limit=200', 'sector=health&stage=creation'],
		'/entities/{idOrSlug}': [],
		'/search': ['q=incubateur', 'q=clermont&limit=100', 'q=fab'],
		'/map/points': ['', 'kind=third_place&territory=63'],
		'/map/points.bin': ['', 'kind=third_place&territory=63'],
		'/map/stats': ['level=epci&measure=rate', 'level=departement&measure=rate&kind=organisation'],
		'/map/nearby': ['commune=15014&radiusKm=100', 'commune=63113&kind=person', 'commune=43187&radiusKm=40'],
		'/communes': ['q=63113', 'q=saint&limit=50', 'q=43200', 'q=432'],
		'/territories': ['kind=epci&parent=63', 'kind=commune&parent=15', 'kind=region'],
		'/graph': ['', `focus=${fx.pair[0]}&depth=2`, 'type=incubated_by&type=funded_by&confirmed=1', 'year=2022&kind=organisation', 'type=founded&connected=1'],
		'/graph/compact': ['', `focus=${fx.pair[0]}&depth=2`, 'type=incubated_by&confirmed=1&limit=50'],
		'/graph/metrics': [''],
		'/graph/groups': ['', 'by=category&open=startup', `by=epci&reveal=${fx.pair[0]}&type=incubated_by`, 'by=departement&year=2022&connected=1'],
		'/graph/common': [`a=${fx.pair[0]}&b=${fx.pair[1]}`],
		'/paths': [`from=${fx.far[0]}&to=${fx.far[1]}&k=5`, `from=${fx.pair[0]}&to=${fx.pair[1]}`],
		'/pathways': fx.pathways.map((p) => `entity=${p}`),
		'/pathways/flows': ['level=structure', 'level=category&departement=63', 'from=2015&to=2030'],
		'/pathways/flows.csv': ['level=structure'],
		'/pathways/projects': fx.figures,
		'/pathways/route': [
			'stage=creation&commune=63113',
			'stage=emergence&commune=15014&sector=health&need=funding&need=hosting',
			'stage=creation&commune=43187'
		],
		'/export.gexf': ['kind=organisation'],
		'/export.graphml': ['kind=organisation'],
		'/articles': ['', 'territory=15&limit=5', 'limit=3&offset=2', `entity=${fx.pair[0]}`],
		'/events': ['', 'territory=63&limit=200', 'past=1&limit=200', 'free=1&attendance=online', 'stage=creation&from=2027-01-01&to=2027-12-31'],
		'/events.ics': ['', 'territory=43&free=1'],
		'/export.csv': ['kind=third_place'],
		'/export.relations.csv': ['kind=organisation', `focus=${fx.pair[0]}&depth=2`, 'type=founded&connected=1'],
		'/export.geojson': ['', 'territories=departement&kind=event'],
		'/export.json': ['', 'kind=person'],
		'/openapi.json': ['']
	};
}

beforeAll(async () => {
	ctx = freshDb();
	loadTerritories(ctx.db);
	seedDemo(ctx.db);
	// The routes' getDb() opens DATABASE_URL once per module instance: fresh modules, this test's file.
	vi.resetModules();
	process.env.DATABASE_URL = ctx.path;

	const list = async (q: string) => ((await json('/entities', q)) as { items: { slug: string; id: number }[] }).items;
	const kinds: Record<string, string> = {};
	for (const kind of ['person', 'organisation', 'third_place', 'event']) kinds[kind] = (await list(`kind=${kind}&limit=1`))[0]!.slug;
	// The third-place and the event the schemas are checked on carry every practical field (issue 14), so none is only ever null.
	const row = (slug: string) => ctx.db.select().from(entities).where(eq(entities.slug, slug)).get()!;
	const [place, event] = [row(kinds.third_place!), row(kinds.event!)];
	const by = { actor: { userId: null, label: 'Test OpenAPI' }, reason: 'test' };
	updateEntity(
		ctx.db,
		place.id,
		{
			openingHours: 'Mo-Fr 09:00-18:00; PH off',
			accessTransport: 'Bus 3',
			accessibility: 'Plain-pied',
			equipment: 'Fibre',
			imageKey: '0123456789abcdef',
			imageAlt: 'Le lieu'
		},
		{ ...by, expectedVersion: place.version }
	);
	updateEntity(ctx.db, event.id, { registrationUrl: 'https://exemple.fr/inscription', venueId: place.id }, { ...by, expectedVersion: event.version });

	// Two actors with a common neighbour (for /graph/common), and two further apart (for /paths).
	const graph = (await json('/graph')) as { nodes: { id: number; slug: string }[]; edges: { source: number; target: number }[] };
	const slug = new Map(graph.nodes.map((n) => [n.id, n.slug]));
	const neighbours = new Map<number, Set<number>>();
	for (const e of graph.edges)
		for (const [x, y] of [
			[e.source, e.target],
			[e.target, e.source]
		] as const) {
			if (x === y) continue;
			if (!neighbours.has(x)) neighbours.set(x, new Set());
			neighbours.get(x)!.add(y);
		}
	const hub = [...neighbours].sort((a, b) => b[1].size - a[1].size)[0]!;
	const [a, b] = [...hub[1]];
	const beyond = [...(neighbours.get(b!) ?? [])].find((n) => n !== hub[0] && !hub[1].has(n) && n !== a);
	const pair: [string, string] = [slug.get(a!)!, slug.get(b!)!];
	const far: [string, string] = [slug.get(a!)!, slug.get(beyond ?? b!)!];

	// Actors with a pathway: startups, companies, entrepreneurs (each with steps when the demo has some).
	const pathways: string[] = [];
	for (const category of ['startup', 'company', 'entrepreneur']) {
		for (const e of await list(`category=${category}&limit=30`)) {
			const res = await call('/pathways', `entity=${e.slug}`);
			if (res.status !== 200) continue;
			const steps = ((await res.json()) as { steps: unknown[] }).steps.length;
			if (steps > 0) {
				pathways.push(e.slug);
				break;
			}
		}
	}

	// One query per kind of figure, with keys taken from the flows themselves.
	const flows = (await json('/pathways/flows', 'level=category')) as {
		nodes: { rank: number; key: string }[];
		transitions: { from: string; to: string }[];
		firstSteps: { key: string }[];
		bottlenecks: { key: string }[];
		leaving: { code: string }[];
	};
	const figures = ['figure=all&level=structure'];
	if (flows.transitions[0]) figures.push(`figure=transition&from_key=${flows.transitions[0].from}&to_key=${flows.transitions[0].to}`);
	if (flows.firstSteps[0]) figures.push(`figure=first&key=${flows.firstSteps[0].key}`);
	if (flows.nodes[0]) figures.push(`figure=reached&rank=${flows.nodes[0].rank}&key=${flows.nodes[0].key}`);
	if (flows.bottlenecks[0]) figures.push(`figure=stuck&key=${flows.bottlenecks[0].key}`, `figure=arrived&key=${flows.bottlenecks[0].key}`);
	if (flows.leaving[0]) figures.push(`figure=leaving&code=${flows.leaving[0].code}`);

	const anId = String((await list('limit=1'))[0]!.id);
	fx = { kinds, anId, pair, far, pathways, figures };
}, 120_000);

afterAll(() => {
	if (previousUrl === undefined) delete process.env.DATABASE_URL;
	else process.env.DATABASE_URL = previousUrl;
	ctx?.close();
});

describe('documented responses against the real routes', () => {
	it('has typical queries for every documented endpoint, and real actors and figures to fill them', () => {
		const all = cases();
		expect(Object.keys(all).sort()).toEqual(API_ENDPOINTS.map((e) => e.path).sort());
		expect(fx.pathways.length, 'parcours de démonstration').toBeGreaterThan(0);
		expect(fx.figures.length, 'figures des flux').toBeGreaterThanOrEqual(5);
		expect(fx.pair[0]).not.toBe(fx.pair[1]);
	});

	for (const e of API_ENDPOINTS) {
		it(`${e.path}: every 200 body follows its documented schema`, async () => {
			// The registry's example (the one the /api page links), its actors being real ones that suit it.
			const example = exampleUrl(e, e.path === '/pathways' ? fx.pathways : fx.pair).split('?')[1] ?? '';
			const queries = [...new Set([example, ...cases()[e.path]!])];
			const params: Record<string, string>[] = e.path.includes('{idOrSlug}') ? [...Object.values(fx.kinds), fx.anId].map((s) => ({ idOrSlug: s })) : [{}];
			for (const p of params) {
				for (const query of queries) {
					const res = await call(e.path, query, p);
					const text = await res.text();
					expect(res.status, `${e.path}?${query} → ${text.slice(0, 300)}`).toBe(200);
					expect(res.headers.get('content-type') ?? '', `${e.path} content-type`).toContain(e.response.contentType);
					if (e.response.contentType.includes('json')) conforms(e.path, query, JSON.parse(text));
					else {
						expect(text.length).toBeGreaterThan(0);
						conforms(e.path, query, text);
						if (e.response.contentType.includes('xml')) expect(text.startsWith('<?xml')).toBe(true);
					}
				}
			}
		});
	}

	it('is not vacuous: the lists the schemas describe have items', async () => {
		const sizes: [string, number][] = [
			['/entities', ((await json('/entities')) as { items: unknown[] }).items.length],
			['/search', ((await json('/search', 'q=incubateur')) as { items: unknown[] }).items.length],
			['/map/nearby', ((await json('/map/nearby', 'commune=63113&radiusKm=50')) as { items: unknown[] }).items.length],
			['/territories', ((await json('/territories', 'kind=departement')) as { features: unknown[] }).features.length],
			['/graph/compact edges', ((await json('/graph/compact')) as { edges: { source: unknown[] } }).edges.source.length],
			['/graph edges', ((await json('/graph')) as { edges: unknown[] }).edges.length],
			['/graph/common', ((await json('/graph/common', `a=${fx.pair[0]}&b=${fx.pair[1]}`)) as { items: unknown[] }).items.length],
			['/paths', ((await json('/paths', `from=${fx.far[0]}&to=${fx.far[1]}`)) as { paths: unknown[] }).paths.length],
			['/pathways/flows', ((await json('/pathways/flows', 'level=category')) as { transitions: unknown[] }).transitions.length],
			['/pathways/projects', ((await json('/pathways/projects', 'figure=all')) as { projects: unknown[] }).projects.length],
			[
				'/pathways/route',
				((await json('/pathways/route', 'stage=creation&commune=63113')) as { steps: { options: unknown[] }[] }).steps.flatMap((s) => s.options).length
			],
			['/export.json relations', ((await json('/export.json')) as { relations: unknown[] }).relations.length]
		];
		for (const [what, n] of sizes) expect(n, what).toBeGreaterThan(0);
	});

	it('checks the practical fields filled, not only null: the venue, the image, the hours', async () => {
		const place = (await json('/entities/{idOrSlug}', '', { idOrSlug: fx.kinds.third_place! })) as {
			image: { sizes: unknown[] } | null;
			openingHours: string | null;
			slug: string;
		};
		const event = (await json('/entities/{idOrSlug}', '', { idOrSlug: fx.kinds.event! })) as { venue: { slug: string } | null; registrationUrl: string | null };
		expect(place.image?.sizes).toHaveLength(3);
		expect(place.openingHours).toBe('Mo-Fr 09:00-18:00; PH off');
		expect(event).toMatchObject({ venue: { slug: place.slug }, registrationUrl: 'https://exemple.fr/inscription' });
		const exported = (await json('/export.json', 'kind=event')) as { entities: { slug: string; venue: unknown }[] };
		expect(exported.entities.find((e) => e.slug === fx.kinds.event)?.venue).toMatchObject({ slug: place.slug });
	});

	it('fails when a documented field drifts from the real output', async () => {
		const body = await json('/entities', 'limit=3');
		expect(entityListResponse.safeParse(body).success).toBe(true);
		expect(entityListResponse.extend({ cursor: z.string() }).safeParse(body).success, 'champ documenté absent').toBe(false);
		expect(entityListResponse.extend({ total: z.string() }).safeParse(body).success, 'type documenté faux').toBe(false);
	});

	it('answers errors with the documented error body', async () => {
		const bad = await call('/entities', 'kind=martian');
		expect(bad.status).toBe(400);
		const badBody = errorResponseSchema.parse(await bad.json());
		expect(badBody.issues?.length).toBeGreaterThan(0);
		const missing = await call('/entities/{idOrSlug}', '', { idOrSlug: 'personne-inconnue' });
		expect(missing.status).toBe(404);
		errorResponseSchema.parse(await missing.json());
	});
});
