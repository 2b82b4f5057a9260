import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { heavyTurn, heavyWaiting, lightRoute } from './heavy-turns';

const busy = (ms: number) => {
	const until = performance.now() + ms;
	while (performance.now() < until) {
		// a page rendered with synchronous SQLite reads holds the thread like this
	}
};

function get(agent: Agent, port: number, path: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const req = request({ agent, host: '127.0.0.1', port, path }, (res) => {
			let body = '';
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => resolve(body));
		});
		req.on('error', reject);
		req.end();
	});
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe('heavy requests start one per turn of the event loop', () => {
	it('starts the waiting ones in the order they asked, each in its own turn', async () => {
		const started: string[] = [];
		const turns: number[] = [];
		let turn = 0;
		const tick = () => {
			turn++;
			if (turn < 20) setImmediate(tick);
		};
		setImmediate(tick);
		const all = ['a', 'b', 'c'].map((name) =>
			heavyTurn().then(() => {
				started.push(name);
				turns.push(turn);
			})
		);
		expect(heavyWaiting()).toBe(3);
		await Promise.all(all);
		expect(started).toEqual(['a', 'b', 'c']);
		expect(new Set(turns).size).toBe(3);
		expect(heavyWaiting()).toBe(0);
	});

	it('answers a light request on a busy server before the heavy ones queued ahead of it', async () => {
		const HEAVY = 8;
		server = createServer((req, res) => {
			if (req.url === '/warm' || req.url === '/light') return void res.end(req.url.slice(1));
			void heavyTurn().then(() => {
				busy(40);
				res.end('heavy');
			});
		});
		await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		const agent = new Agent({ keepAlive: true, maxSockets: HEAVY + 1 });
		// Connections opened first: libuv accepts one per turn, which is not what is tested here.
		await Promise.all(Array.from({ length: HEAVY + 1 }, () => get(agent, port, '/warm')));

		const done: string[] = [];
		const heavy = Array.from({ length: HEAVY }, () => get(agent, port, '/heavy').then((b) => done.push(b)));
		await new Promise((r) => setTimeout(r, 20));
		const light = get(agent, port, '/light').then((b) => done.push(b));
		await Promise.all([...heavy, light]);
		agent.destroy();
		// Without the turns, the eight 40 ms pages read in the same turn would all be done before it (320 ms).
		expect(done.indexOf('light')).toBeLessThan(4);
	});

	it('knows the light routes outside the API', () => {
		expect(lightRoute('/healthz')).toBe(true);
		expect(lightRoute('/readyz')).toBe(true);
		expect(lightRoute('/acteurs')).toBe(false);
		expect(lightRoute(null)).toBe(false);
	});
});
