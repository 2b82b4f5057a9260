import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { demoDbForFile } from './fresh-db';
import { API_ENDPOINTS } from '../../src/lib/server/openapi/registry';
import { exampleUrl, queryParameters } from '../../src/lib/server/openapi/document';
import { directoryQuerySchema, entityFiltersSchema } from '../../src/lib/domain/filters';
import { exploreSchema } from '../../src/lib/domain/explore-params';
import { finderQuerySchema, flowFigureSchema, flowFiltersSchema } from '../../src/lib/domain/pathway-query';
import { mapPageQuerySchema } from '../../src/lib/server/services/map-page.service';
import { previewQuerySchema } from '../../src/lib/server/services/graph-preview.service';

/*
 * Issue 17: a forged cursor (`{"o":1e20}`) reached SQLite as an OFFSET beyond its integers and answered 500.
 * Every parameter of every /api/v1 GET endpoint and of every public page that reads its address gets hostile
 * values here, one parameter at a time over an address that works (so each value reaches the code behind the
 * schemas), through the real route handlers and loads on a real SQLite file of the demo. Nothing may answer
 * 5xx; a 400 says in French what could not be read (in English under /en), never a stack trace.
 */

let dbPath: string;
demoDbForFile((_db, path) => (dbPath = path));
const previousUrl = process.env.DATABASE_URL;

type Handler = (event: unknown) => Promise<Response>;
type Load = (event: unknown) => unknown;
const API_ROUTES = import.meta.glob('../../src/routes/api/v1/**/+server.ts');
const PAGE_ROUTES = import.meta.glob([
	'../../src/routes/**/+page.server.ts',
	'../../src/routes/{agenda.ics,reseau/apercu.json,reseau/apercu.svg,contribuer/referencer/doublons}/+server.ts'
]);

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const decodable = (raw: string) => {
	try {
		decodeURIComponent(raw);
		return true;
	} catch {
		return false;
	}
};

/** Values for every parameter: numbers out of any range, wrong types, SQL and FTS syntax, odd characters. */
const CORE = [
	'1e20',
	'9223372036854775808',
	'-1',
	'NaN',
	'Infinity',
	'',
	'x'.repeat(10_000),
	'%F0%9F%98%80%F0%9F%8F%B3%EF%B8%8F%E2%80%8D%F0%9F%8C%88',
	'%00',
	"'%20OR%201%3D1%20--",
	'%22',
	'true'
];
/** More of them, shared out among the parameters (each parameter gets a few, each value many parameters). */
const MORE = [
	'-9223372036854775809',
	'2147483648',
	'9007199254740993',
	'-Infinity',
	'1.5',
	'0x10',
	'1e-400',
	'0',
	'00000000000000000000000000000001',
	'%20',
	'null',
	'undefined',
	'%5B%5D',
	'%7B%7D',
	'a%00b',
	'%22)%3B%20DROP%20TABLE%20entities%3B%20--',
	'*',
	'NEAR(',
	'a%20OR%20b%20NOT%20c',
	'-%5E%3A',
	'%',
	'%E2%80%AE',
	'%ED%A0%80',
	'%3Cscript%3Ealert(1)%3C%2Fscript%3E',
	'..%2F..%2Fetc%2Fpasswd',
	'%C3%A9'.repeat(3000),
	'63113,63113',
	'45.77,3.08,99'
];
/** Forged cursors: base64 of JSON of the wrong shape, and what is not base64 at all. */
const CURSORS = [
	'eyJvIjoxZTIwfQ',
	b64('{"o":1e20}'),
	b64('{"o":-5}'),
	b64('{"o":"x"}'),
	b64('[]'),
	b64('null'),
	b64('{}'),
	b64('{"o":1.5}'),
	b64('{"o":9007199254740993}'),
	b64('{"o":1000000001}'),
	b64('{"o":1,"x":2}'),
	b64('"o"'),
	b64('{"o":null}'),
	b64('{"o":[1]}'),
	b64('{"o":1'),
	Buffer.from('{"o":1}').toString('base64'),
	'%%%',
	'!!!',
	'a',
	'x'.repeat(199)
];
/** Names no endpoint reads, which must not reach an object's prototype either. */
const STRAY = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

/** A parameter's values: the core ones, a rotating share of the others, and forged cursors for a cursor. */
function valuesFor(name: string, index: number): string[] {
	const share = [0, 1, 2, 3].map((k) => MORE[(index * 4 + k) % MORE.length]!);
	return [...CORE, ...share, ...(name === 'cursor' ? CURSORS : [])];
}

interface Target {
	/** The address as a visitor types it (for the messages). */
	path: string;
	base: string;
	params: string[];
	/** Schemas of its query, when it has some: their bounds are tried all at once. */
	schemas?: z.ZodType[];
	/** A page, said in its visitor's language (the API and the files are French only). */
	localised?: boolean;
	call: (path: string, query: string, locale?: 'en') => Promise<Answer>;
}
interface Answer {
	status: number;
	body: string;
}

const namesOf = (...schemas: z.ZodType[]) => queryParameters(schemas).map((p) => p.name);

/** Every bounded number of a query at its maximum at once, then at its minimum (deep pages, wide radii, long lists…). */
function extremes(schemas: z.ZodType[]): string[] {
	const bounded = queryParameters(schemas).filter((p) => typeof p.schema.maximum === 'number' && typeof p.schema.minimum === 'number');
	return (['maximum', 'minimum'] as const).map((end) => bounded.map((p) => `${p.name}=${p.schema[end] as number}`).join('&')).filter(Boolean);
}

function event(path: string, query: string, routeParams: Record<string, string> = {}) {
	const url = new URL(path + (query ? `?${query}` : ''), 'http://localhost');
	return {
		url,
		params: routeParams,
		request: new Request(url),
		getClientAddress: () => '127.0.0.1',
		locals: { user: null },
		setHeaders: () => {},
		route: { id: path }
	};
}

/** What an endpoint answers; a thrown error is what handleError would turn into a 500. */
async function answerOf(run: () => Promise<Response>): Promise<Answer> {
	try {
		const res = await run();
		return { status: res.status, body: res.status >= 400 ? await res.text() : '' };
	} catch (e) {
		return { status: 500, body: String((e as Error)?.stack ?? e) };
	}
}

/** What a page's load answers: 200 with its data, a redirect, the error page's status and body; anything else is a 500. */
async function loadAnswer(load: Load, ev: ReturnType<typeof event>, locale?: 'en'): Promise<Answer> {
	const run = async (): Promise<Answer> => {
		try {
			await load(ev);
			return { status: 200, body: '' };
		} catch (e) {
			if (isRedirect(e)) return { status: e.status, body: e.location };
			if (isHttpError(e)) return { status: e.status, body: JSON.stringify(e.body) };
			return { status: 500, body: String((e as Error)?.stack ?? e) };
		}
	};
	if (!locale) return run();
	// As `handle` does for a page under /en: the request's language for everything the load says.
	let answer: Answer = { status: 0, body: '' };
	await paraglideMiddleware(new Request(`http://localhost/en${ev.url.pathname}${ev.url.search}`), async () => {
		answer = await run();
		return new Response(null);
	});
	return answer;
}

/** Paraglide's middleware of the same module instances as the routes (imported after vi.resetModules). */
let paraglideMiddleware: typeof import('../../src/lib/paraglide/server').paraglideMiddleware;
const apiTargets: Target[] = [];
const pageTargets: Target[] = [];
let actors: { pair: [string, string]; pathway: string; slug: string };

async function apiHandler(path: string): Promise<Handler> {
	const load = API_ROUTES[`../../src/routes/api/v1${path.replace(/\{(\w+)\}/g, '[$1]')}/+server.ts`];
	if (!load) throw new Error(`pas de route pour ${path}`);
	return ((await load()) as { GET: Handler }).GET;
}

async function pageModule(route: string, file = '+page.server.ts'): Promise<Record<string, unknown>> {
	const load = PAGE_ROUTES[`../../src/routes${route}/${file}`];
	if (!load) throw new Error(`pas de page pour ${route}`);
	return (await load()) as Record<string, unknown>;
}

beforeAll(async () => {
	// The routes' getDb() opens DATABASE_URL once per module instance: fresh modules, this file's database.
	vi.resetModules();
	process.env.DATABASE_URL = dbPath;
	({ paraglideMiddleware } = await import('../../src/lib/paraglide/server'));

	// Real actors for the addresses that name some: two related ones, and a startup with a pathway.
	const graphGet = await apiHandler('/graph');
	const graph = (await (await graphGet(event('/api/v1/graph', ''))).json()) as {
		nodes: { id: number; slug: string }[];
		edges: { source: number; target: number }[];
	};
	const slug = new Map(graph.nodes.map((n) => [n.id, n.slug]));
	const edge = graph.edges.find((e) => e.source !== e.target)!;
	const entities = await apiHandler('/entities');
	const startups = (await (await entities(event('/api/v1/entities', 'category=startup&limit=1'))).json()) as { items: { slug: string }[] };
	actors = { pair: [slug.get(edge.source)!, slug.get(edge.target)!], pathway: startups.items[0]!.slug, slug: slug.get(edge.source)! };

	for (const e of API_ENDPOINTS) {
		const GET = await apiHandler(e.path);
		const example = exampleUrl(e, e.path === '/pathways' ? [actors.pathway] : actors.pair);
		const [path, base = ''] = example.split('?') as [string, string?];
		apiTargets.push({
			path,
			base,
			params: namesOf(...e.query),
			schemas: e.query,
			call: (p, q) => answerOf(() => GET(event(p, q, e.path.includes('{idOrSlug}') ? { idOrSlug: decodeURIComponent(p.split('/').pop()!) } : {})))
		});
	}

	/** A page (its load) or a file (its GET), with the schemas of its query or the names it reads (`lieu`: the commune field's text). */
	const page = async (route: string, base: string, query: { schemas?: z.ZodType[]; names?: string[] }, file?: string) => {
		const mod = await pageModule(route, file);
		const handler = (mod.load ?? mod.GET) as Load;
		const call = mod.load
			? (p: string, q: string, locale?: 'en') => loadAnswer(handler, event(p, q), locale)
			: (p: string, q: string) => answerOf(() => (handler as Handler)(event(p, q)));
		const params = [...namesOf(...(query.schemas ?? [])), ...(query.names ?? [])];
		pageTargets.push({ path: route, base, params, schemas: query.schemas, localised: Boolean(mod.load), call });
	};
	const lieu = ['lieu'];
	await page('/acteurs', '', { schemas: [directoryQuerySchema], names: lieu });
	await page('/carte', '', { schemas: [mapPageQuerySchema], names: lieu });
	await page('/embed/carte', '', { schemas: [mapPageQuerySchema] });
	await page('/reseau', '', { schemas: [exploreSchema], names: lieu });
	await page('/embed/reseau', '', { schemas: [exploreSchema] });
	await page('/explorer', '', { schemas: [exploreSchema] });
	await page('/parcours', 'stage=creation&commune=63113', { schemas: [finderQuerySchema], names: lieu });
	await page('/parcours/flux', 'level=category', { schemas: [flowFiltersSchema] });
	await page('/parcours/flux/projets', 'figure=all&level=structure', { schemas: [flowFiltersSchema, flowFigureSchema] });
	await page('/recherche', 'q=incubateur', { names: ['q', 'page', 'kind', 'category', 'dep'] });
	// The static picture lays the whole network out at each new address: around one actor, it stays quick.
	const around = `focus=${actors.slug}&depth=1`;
	await page('/reseau/apercu.json', around, { schemas: [previewQuerySchema] }, '+server.ts');
	await page('/reseau/apercu.svg', around, { schemas: [previewQuerySchema] }, '+server.ts');
	await page('/agenda.ics', '', { schemas: [entityFiltersSchema] }, '+server.ts');
	await page('/contribuer/gerer', 'q=incubateur', { names: ['q'] });
	await page('/contribuer/referencer/doublons', 'name=Fabrique&communeCode=63113', { names: ['name', 'communeCode', 'website', 'siret'] }, '+server.ts');
}, 60_000);

afterAll(() => {
	if (previousUrl === undefined) delete process.env.DATABASE_URL;
	else process.env.DATABASE_URL = previousUrl;
});

/** The base address with one parameter replaced by `raw` (already encoded), or repeated. */
function withParam(base: string, name: string, raws: string[]): string {
	const kept = base
		.split('&')
		.filter((pair) => pair && decodeURIComponent(pair.split('=')[0]!) !== name)
		.join('&');
	const added = raws.map((raw) => `${encodeURIComponent(name)}=${raw}`).join('&');
	return kept ? `${kept}&${added}` : added;
}

/** Every hostile query of a target: each parameter alone with each of its values, repeated, and stray names. */
function hostileQueries(t: Target): string[] {
	const queries: string[] = [];
	t.params.forEach((name, i) => {
		for (const v of valuesFor(name, i)) queries.push(withParam(t.base, name, [v]));
		queries.push(withParam(t.base, name, ['1', '2']), withParam(t.base, name, Array<string>(200).fill('a')));
	});
	STRAY.forEach((name, i) => {
		for (const v of [...CORE.slice(0, 3), MORE[i]!]) queries.push(withParam(t.base, name, [v]));
		queries.push(withParam(t.base, name, ['a', 'b']));
	});
	for (const bounds of extremes(t.schemas ?? [])) queries.push(t.base ? `${t.base}&${bounds}` : bounds);
	return queries;
}

const STACK = /\n\s+at |SqliteError|TypeError|RangeError|ReferenceError|SyntaxError|node_modules|\.ts:\d+/;
const FRENCH = /Paramètres invalides\.|Cette adresse contient des paramètres que nous ne savons pas lire\./;
const ENGLISH = /This address has parameters we cannot read\./;
/** zod's own words, when a schema gave no message of its own: English on a French page. */
const ZOD_DEFAULT = /Too (big|small)|Invalid (input|option|string|type)|expected (a |an )?\w+, received|Expected/;

/** The 5xx answers and the unreadable 400s of a list of queries, each named by its address. */
async function sweep(t: Target, path: string, queries: string[], locale?: 'en') {
	const failures: string[] = [];
	let refused = 0;
	for (const q of queries) {
		const a = await t.call(path, q, locale);
		const where = `${path}?${q.slice(0, 120)}${q.length > 120 ? '…' : ''}`;
		if (a.status >= 500) failures.push(`${where} → ${a.status} ${a.body.slice(0, 300)}`);
		else if (a.status === 400) {
			refused++;
			if (STACK.test(a.body)) failures.push(`${where} → 400 with a stack trace: ${a.body.slice(0, 300)}`);
			else if (!(locale ? ENGLISH : FRENCH).test(a.body) || (!locale && ZOD_DEFAULT.test(a.body)))
				failures.push(`${where} → 400 not in ${locale ?? 'fr'}: ${a.body.slice(0, 300)}`);
		}
	}
	return { failures, refused };
}

describe('hostile parameters never answer 5xx', () => {
	it('has a working address and parameters for every API endpoint and page', async () => {
		expect(apiTargets.map((t) => t.path.replace(/\/entities\/.+$/, '/entities/{idOrSlug}'))).toEqual(API_ENDPOINTS.map((e) => `/api/v1${e.path}`));
		for (const t of [...apiTargets, ...pageTargets]) {
			const a = await t.call(t.path, t.base);
			expect(a.status, `${t.path}?${t.base} → ${a.body.slice(0, 300)}`).toBe(200);
		}
		expect(apiTargets.find((t) => t.path === '/api/v1/entities')!.params).toContain('cursor');
	});

	it('refuses every forged cursor of /api/v1/entities with a French 400 naming « cursor »', async () => {
		const t = apiTargets.find((x) => x.path === '/api/v1/entities')!;
		for (const cursor of CURSORS) {
			const a = await t.call(t.path, `cursor=${cursor}`);
			expect(a.status, `cursor=${cursor} → ${a.body.slice(0, 300)}`).toBe(400);
			const body = JSON.parse(a.body) as { message: string; issues: string[] };
			expect(body.message).toBe('Paramètres invalides.');
			expect(body.issues).toEqual(['cursor\u00a0: curseur de pagination invalide\u00a0: reprenez la valeur next de la réponse précédente']);
		}
	});

	it('API endpoints: every parameter, every hostile value', async () => {
		let total = 0;
		const failures: string[] = [];
		for (const t of apiTargets) {
			const queries = hostileQueries(t);
			total += queries.length;
			failures.push(...(await sweep(t, t.path, queries)).failures);
		}
		expect(failures, failures.slice(0, 30).join('\n')).toEqual([]);
		expect(total).toBeGreaterThan(2000);
	});

	it('API: the actor of /api/v1/entities/{idOrSlug} named by hostile text', async () => {
		const t = apiTargets.find((x) => x.path.startsWith('/api/v1/entities/'))!;
		const failures: string[] = [];
		// A path SvelteKit cannot decode (`%`, a lone surrogate) is refused before any route: not this test's concern.
		for (const v of [...CORE, ...MORE].filter((raw) => raw && decodable(raw))) {
			const a = await t.call(`/api/v1/entities/${v}`, '');
			if (a.status >= 500) failures.push(`${v.slice(0, 80)} → ${a.status} ${a.body.slice(0, 300)}`);
		}
		expect(failures, failures.join('\n')).toEqual([]);
	});

	it('pages: every parameter, every hostile value, French 400s', async () => {
		let total = 0;
		const failures: string[] = [];
		for (const t of pageTargets) {
			const queries = hostileQueries(t);
			total += queries.length;
			failures.push(...(await sweep(t, t.path, queries)).failures);
		}
		expect(failures, failures.slice(0, 30).join('\n')).toEqual([]);
		expect(total).toBeGreaterThan(2000);
	});

	it('pages under /en: the core values, English 400s', async () => {
		const failures: string[] = [];
		let refused = 0;
		for (const t of pageTargets.filter((x) => x.localised)) {
			const queries = t.params.flatMap((name) => CORE.map((v) => withParam(t.base, name, [v])));
			const r = await sweep(t, t.path, queries, 'en');
			failures.push(...r.failures);
			refused += r.refused;
		}
		expect(failures, failures.slice(0, 30).join('\n')).toEqual([]);
		expect(refused).toBeGreaterThan(100);
	});
});
