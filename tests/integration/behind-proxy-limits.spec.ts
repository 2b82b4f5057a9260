import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { freshDb } from './fresh-db';
import { openDb, type Db } from '../../src/lib/server/db/index';
import { loginAttempts } from '../../src/lib/server/db/schema';
import { apiGet } from '../../src/lib/server/http/api';
import { clientKey, DIRECT_KEY } from '../../src/lib/server/http/client-address';
import { apiLimiter, apiRateLimit, DEFAULT_API_RATE_LIMIT } from '../../src/lib/server/http/rate-limit-api';
import { LOGIN_FAILED, LOGIN_LIMITS, LOGIN_THROTTLED, loginThrottled, recordLoginFailure } from '../../src/lib/server/services/auth.service';
import { acceptInvitation, inviteUser } from '../../src/lib/server/services/users.service';

/**
 * Issue 17: behind a reverse proxy every request reaches the app from loopback. The limits must count the
 * visitor's forwarded address (ADDRESS_HEADER / XFF_DEPTH, as adapter-node reads them), never exempt the
 * proxy's loopback, and the login throttle must be stored so that a restart forgets nothing.
 */

const ORIGIN = 'https://carto.exemple.fr';
const PASSWORD = 'puys et narses 2026';
const PROXY_PEER = '127.0.0.1';
const ATTACKER = '203.0.113.66';
const VISITOR = '198.51.100.23';

type Env = Record<string, string | undefined>;

/**
 * getClientAddress() exactly as adapter-node's handler.js builds it (files/handler.js): ADDRESS_HEADER is
 * lower-cased, a missing header throws, X-Forwarded-For is split on commas and the XFF_DEPTH-th address from
 * the right is taken (throwing when there are fewer), any other header is taken whole; without
 * ADDRESS_HEADER, the socket's address.
 */
function adapterNodeAddress(headers: Headers, peer: string, env: Env): () => string {
	const xffDepth = parseInt(env.XFF_DEPTH ?? '1');
	const addressHeader = (env.ADDRESS_HEADER ?? '').toLowerCase();
	return () => {
		if (addressHeader) {
			if (!headers.has(addressHeader)) throw new Error(`Address header was specified with ADDRESS_HEADER=${addressHeader} but is absent from request`);
			const value = headers.get(addressHeader) || '';
			if (addressHeader === 'x-forwarded-for') {
				const addresses = value.split(',');
				if (xffDepth < 1) throw new Error('XFF_DEPTH must be a positive integer');
				if (xffDepth > addresses.length) throw new Error(`XFF_DEPTH is ${xffDepth}, but only found ${addresses.length} addresses`);
				return addresses[addresses.length - xffDepth]!.trim();
			}
			return value;
		}
		return peer;
	};
}

function requestEvent(path: string, init: { headers?: Record<string, string>; peer?: string; method?: string; body?: FormData } = {}): RequestEvent {
	const url = new URL(path, ORIGIN);
	const request = new Request(url, { method: init.method ?? 'GET', headers: init.headers, body: init.body });
	const jar = new Map<string, string>();
	return {
		url,
		request,
		params: {},
		locals: {},
		cookies: { set: (name: string, value: string) => void jar.set(name, value), get: (name: string) => jar.get(name) },
		getClientAddress: adapterNodeAddress(request.headers, init.peer ?? PROXY_PEER, process.env)
	} as unknown as RequestEvent;
}

const PROXY_ENV = ['ADDRESS_HEADER', 'XFF_DEPTH', 'ORIGIN', 'CARTO_API_RATE_LIMIT'] as const;
const saved: Env = {};
beforeAll(() => PROXY_ENV.forEach((k) => (saved[k] = process.env[k])));
afterEach(() => {
	for (const k of PROXY_ENV)
		if (saved[k] === undefined) delete process.env[k];
		else process.env[k] = saved[k];
	apiLimiter.reset();
	vi.restoreAllMocks();
});
function behindCaddy() {
	process.env.ADDRESS_HEADER = 'X-Forwarded-For';
	process.env.XFF_DEPTH = '1';
	delete process.env.ORIGIN;
}

describe('clientKey', () => {
	it('without a proxy configured, is the socket address', () => {
		const env = {};
		const event = { getClientAddress: adapterNodeAddress(new Headers({ 'x-forwarded-for': '6.6.6.6' }), '192.0.2.4', env) };
		expect(clientKey(event, env)).toBe('192.0.2.4');
	});

	it('with ADDRESS_HEADER, is the forwarded address chosen by XFF_DEPTH, and « direct » when the header is missing', () => {
		const caddy = { ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' };
		const via = (headers: Record<string, string>, env: Env) => ({ getClientAddress: adapterNodeAddress(new Headers(headers), PROXY_PEER, env) });
		expect(clientKey(via({ 'x-forwarded-for': VISITOR }, caddy), caddy)).toBe(VISITOR);
		// A client's own X-Forwarded-For is kept on the left by an appending proxy: the right-most is the proxy's.
		expect(clientKey(via({ 'x-forwarded-for': `6.6.6.6, ${VISITOR}` }, caddy), caddy)).toBe(VISITOR);
		const cdn = { ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '2' };
		expect(clientKey(via({ 'x-forwarded-for': `${VISITOR}, 192.0.2.200` }, cdn), cdn)).toBe(VISITOR);
		// The app's port reached directly: adapter-node throws; never a crash, one shared key instead.
		expect(clientKey(via({}, caddy), caddy)).toBe(DIRECT_KEY);
		expect(clientKey(via({ 'x-forwarded-for': VISITOR }, cdn), cdn)).toBe(DIRECT_KEY);
		expect(clientKey(via({ 'x-forwarded-for': '' }, caddy), caddy)).toBe(DIRECT_KEY);
		const realIp = { ADDRESS_HEADER: 'X-Real-IP' };
		expect(clientKey(via({ 'x-real-ip': 'x'.repeat(10_000) }, realIp), realIp)).toBe(DIRECT_KEY);
	});
});

describe('API rate limit behind a proxy', () => {
	it('exempts loopback only for direct local use, never once a proxy is configured', () => {
		expect(apiRateLimit('127.0.0.1', {})).toBeNull();
		expect(apiRateLimit('::1', {})).toBeNull();
		expect(apiRateLimit('127.0.0.1', { ADDRESS_HEADER: 'X-Forwarded-For' })).toBe(DEFAULT_API_RATE_LIMIT);
		expect(apiRateLimit('::ffff:127.0.0.1', { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' })).toBe(DEFAULT_API_RATE_LIMIT);
		expect(apiRateLimit('127.0.0.1', { ORIGIN })).toBe(DEFAULT_API_RATE_LIMIT);
		expect(apiRateLimit(DIRECT_KEY, {})).toBe(DEFAULT_API_RATE_LIMIT);
	});

	it('counts each forwarded visitor on its own budget through the same loopback peer, and direct requests together', async () => {
		behindCaddy();
		process.env.CARTO_API_RATE_LIMIT = '2';
		const handler = apiGet(() => ({ ok: true }));
		const get = (headers: Record<string, string>) => handler(requestEvent('/api/v1/entities', { headers }));
		for (let i = 0; i < 2; i++) expect((await get({ 'x-forwarded-for': ATTACKER })).status).toBe(200);
		const refused = await get({ 'x-forwarded-for': ATTACKER });
		expect(refused.status).toBe(429);
		expect((await refused.json()).message).toMatch(/^Trop de requêtes : 2 par minute au maximum\./);
		expect((await get({ 'x-forwarded-for': VISITOR })).status).toBe(200);
		// Without the header (the port reached directly): no 500, one strict budget for all of them.
		for (let i = 0; i < 2; i++) expect((await get({})).status).toBe(200);
		expect((await get({})).status).toBe(429);
	});

	it('with the default limit behind a proxy, loopback-forwarded traffic is limited too', async () => {
		behindCaddy();
		delete process.env.CARTO_API_RATE_LIMIT;
		const handler = apiGet(() => ({ ok: true }));
		let last = 0;
		for (let i = 0; i <= DEFAULT_API_RATE_LIMIT; i++)
			last = (await handler(requestEvent('/api/v1/entities', { headers: { 'x-forwarded-for': ATTACKER } }))).status;
		expect(last).toBe(429);
	});
});

describe('login throttling behind a proxy, stored in SQLite', () => {
	let ctx: ReturnType<typeof freshDb>;
	let db: Db;
	let logLines: string[];

	beforeEach(() => {
		ctx = freshDb();
		db = ctx.db;
		process.env.DATABASE_URL = ctx.path;
		logLines = [];
		vi.spyOn(console, 'log').mockImplementation((line: unknown) => void logLines.push(String(line)));
	});
	afterEach(() => ctx.close());
	afterAll(() => void delete process.env.DATABASE_URL);

	async function activeUser(email: string) {
		const { path } = inviteUser(db, 'cli', { email, displayName: 'Anne', role: 'editor' });
		return acceptInvitation(db, path.replace('/invitation/', ''), PASSWORD);
	}

	/** The real /connexion action on the database file (a fresh module: what a server start loads). */
	async function loginRoute() {
		vi.resetModules();
		return await import('../../src/routes/connexion/+page.server');
	}
	type Route = Awaited<ReturnType<typeof loginRoute>>;
	function post(route: Route, email: string, password: string, headers: Record<string, string>) {
		const body = new FormData();
		body.set('email', email);
		body.set('password', password);
		const event = requestEvent('/connexion', { method: 'POST', body, headers });
		return (route.actions.default as (e: RequestEvent) => Promise<unknown>)(event).catch((e: unknown) => e);
	}

	it('50 bad logins lock the forwarded address that made them, not a second visitor behind the same proxy', async () => {
		behindCaddy();
		await activeUser('anne@exemple.fr');
		const route = await loginRoute();
		const now = Date.now();
		// 49 failures already stored for the attacker's address (each a different account), the 50th through the form.
		for (let i = 0; i < LOGIN_LIMITS.perAddress - 1; i++) recordLoginFailure(db, `compte${i}@exemple.fr`, ATTACKER, now);
		expect(await post(route, 'autre@exemple.fr', 'mauvais', { 'x-forwarded-for': ATTACKER })).toMatchObject({ status: 400, data: { message: LOGIN_FAILED } });

		const locked = await post(route, 'anne@exemple.fr', PASSWORD, { 'x-forwarded-for': ATTACKER });
		expect(isActionFailure(locked)).toBe(true);
		expect(locked).toMatchObject({ status: 400, data: { message: LOGIN_THROTTLED } });
		expect(LOGIN_THROTTLED).toMatch(/^Trop de tentatives/);

		// Same loopback peer, another X-Forwarded-For: signs in.
		const other = await post(route, 'anne@exemple.fr', PASSWORD, { 'x-forwarded-for': VISITOR });
		expect(isRedirect(other)).toBe(true);

		const events = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
		expect(events).toContainEqual(expect.objectContaining({ event: 'login.rate_limited', ip: ATTACKER }));
		expect(events).toContainEqual(expect.objectContaining({ event: 'login.success', ip: VISITOR }));
		expect(events.some((e) => e.ip === PROXY_PEER)).toBe(false);
	});

	it('a login reaching the port without the proxy header is refused in French, not a 500', async () => {
		behindCaddy();
		await activeUser('anne@exemple.fr');
		const route = await loginRoute();
		const direct = await post(route, 'anne@exemple.fr', 'mauvais', {});
		expect(direct).toMatchObject({ status: 400, data: { message: LOGIN_FAILED } });
		expect(logLines.map((l) => JSON.parse(l))).toContainEqual(expect.objectContaining({ event: 'login.failure', ip: DIRECT_KEY }));
	});

	it('survives a restart: the failures are in the database file, read again by a new connection and a new module', async () => {
		behindCaddy();
		await activeUser('anne@exemple.fr');
		let route = await loginRoute();
		for (let i = 0; i < LOGIN_LIMITS.perPair; i++) await post(route, 'anne@exemple.fr', `mauvais ${i}`, { 'x-forwarded-for': ATTACKER });
		expect(db.select().from(loginAttempts).all()).toHaveLength(LOGIN_LIMITS.perPair);

		const reopened = openDb(ctx.path);
		try {
			expect(loginThrottled(reopened, 'anne@exemple.fr', ATTACKER)).toBe(true);
			expect(loginThrottled(reopened, 'anne@exemple.fr', VISITOR)).toBe(false);
		} finally {
			reopened.$client.close();
		}
		route = await loginRoute();
		expect(await post(route, 'anne@exemple.fr', PASSWORD, { 'x-forwarded-for': ATTACKER })).toMatchObject({ data: { message: LOGIN_THROTTLED } });
		// Stored as digests only: neither the typed e-mail nor the address is in the table.
		const dump = JSON.stringify(db.select().from(loginAttempts).all());
		expect(dump).not.toContain('anne@exemple.fr');
		expect(dump).not.toContain(ATTACKER);
	});

	it('prunes rows that left the window whenever a failure is written', () => {
		const t0 = Date.now() - LOGIN_LIMITS.windowMs - 60_000;
		for (let i = 0; i < 10; i++) recordLoginFailure(db, `vieux${i}@exemple.fr`, ATTACKER, t0);
		expect(db.select().from(loginAttempts).all()).toHaveLength(10);
		recordLoginFailure(db, 'neuf@exemple.fr', VISITOR);
		expect(db.select().from(loginAttempts).all()).toHaveLength(1);
		expect(loginThrottled(db, 'vieux0@exemple.fr', ATTACKER)).toBe(false);
	});
});
