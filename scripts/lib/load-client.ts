/**
 * What `npm run bench:load` sends: N keep-alive connections (Node's own http client, one Agent) each asking
 * routes from a weighted mix as fast as the server answers (a closed loop), for a fixed time. Per route it
 * keeps every latency, the unexpected statuses and the failed connections, a reset (ECONNRESET, « socket hang
 * up ») counted apart from other failures.
 */
import { Agent, request } from 'node:http';

export interface RouteChoice {
	/** The label figures are grouped under (« /acteurs/[slug] »), not the address. */
	route: string;
	weight: number;
	/** A fresh address each call (another actor, another word). */
	path: () => string;
	/** Statuses that are a right answer here (200 unless told). */
	ok?: number[];
}

export interface RouteFigures {
	latencies: number[];
	/** Answers the server sent from memory (`x-carto-cache: hit`): they never wait for a heavy request's turn. */
	kept: number;
	/** An answer with a status the route should not give (a 500, a 404 for an actor that exists). */
	errors: number;
	/** Connections the server closed under a request. */
	resets: number;
	/** The first few failures, said as they happened, for the report. */
	samples: string[];
}

export const emptyFigures = (): RouteFigures => ({ latencies: [], kept: 0, errors: 0, resets: 0, samples: [] });

export function percentile(xs: number[], p: number): number {
	if (xs.length === 0) return NaN;
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Picks a route by weight with the given random source. */
export function weightedPicker(routes: RouteChoice[], random: () => number): () => RouteChoice {
	const total = routes.reduce((s, r) => s + r.weight, 0);
	return () => {
		let x = random() * total;
		for (const r of routes) if ((x -= r.weight) < 0) return r;
		return routes[routes.length - 1]!;
	};
}

const isReset = (e: NodeJS.ErrnoException) => e.code === 'ECONNRESET' || e.code === 'EPIPE' || /socket hang up/i.test(e.message);

/** One GET on a kept-alive connection; the body is read whole (the time a visitor waits for it). */
export function get(agent: Agent, baseUrl: URL, path: string, timeoutMs = 60_000): Promise<{ status: number; ms: number; kept: boolean }> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const req = request(
			{ agent, host: baseUrl.hostname, port: baseUrl.port, path, method: 'GET', headers: { accept: 'text/html,application/json' } },
			(res) => {
				res.on('data', () => {});
				const kept = res.headers['x-carto-cache'] === 'hit';
				res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, kept }));
				res.on('error', reject);
			}
		);
		req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`pas de réponse en ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })));
		req.on('error', reject);
		req.end();
	});
}

/**
 * `connections` loops asking the mix until `until` (performance.now() time). Figures per route label; the
 * requests under way at the deadline are finished and counted.
 */
export async function closedLoop(
	baseUrl: string,
	routes: RouteChoice[],
	options: { connections: number; until: number; random: () => number; thinkMs?: number }
): Promise<Map<string, RouteFigures>> {
	const agent = new Agent({ keepAlive: true, maxSockets: options.connections, maxFreeSockets: options.connections });
	const base = new URL(baseUrl);
	const pick = weightedPicker(routes, options.random);
	const figures = new Map<string, RouteFigures>(routes.map((r) => [r.route, emptyFigures()]));
	// The connections are opened first, untimed. Opened all at the same instant on the busy server, the first
	// requests of 30 of the 50 waited 2 to 10 s: libuv accepts one connection per turn of the event loop since
	// 1.45 (libuv/libuv#3696; Node 20 has 1.46), a turn lasts up to ~0.3 s under this load, and those few made
	// the routes' p99, which is about the load's steady state.
	await Promise.all(Array.from({ length: options.connections }, () => get(agent, base, '/healthz')));
	await Promise.all(
		Array.from({ length: options.connections }, async () => {
			while (performance.now() < options.until) {
				const route = pick();
				const path = route.path();
				const f = figures.get(route.route)!;
				try {
					const { status, ms, kept } = await get(agent, base, path);
					f.latencies.push(ms);
					if (kept) f.kept++;
					if (!(route.ok ?? [200]).includes(status)) {
						f.errors++;
						if (f.samples.length < 3) f.samples.push(`${status} ${path}`);
					}
				} catch (e) {
					const err = e as NodeJS.ErrnoException;
					if (isReset(err)) f.resets++;
					else f.errors++;
					if (f.samples.length < 3) f.samples.push(`${err.code ?? err.message} ${path}`);
				}
				if (options.thinkMs) await new Promise((r) => setTimeout(r, options.thinkMs));
			}
		})
	);
	agent.destroy();
	return figures;
}
