/**
 * `npm run bench:pages [-- --seconds=5] [-- --rounds=3]`: public pages kept per data revision, against a bare
 * Node server sending the same bytes (issue 18: « cached public page vs bare Node, same bytes ≥ 20 % »).
 * Starts the app as the README does (the demo), takes an actor's page, then for each round measures with 16
 * keep-alive clients: the kept page, the same page rendered every time (a new address each request), and a
 * bare `node:http` server answering those very bytes. Medians of the rounds' requests per second.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, startApp } from './lib/local-server';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const seconds = arg('seconds', 5);
const rounds = arg('rounds', 3);
const CLIENTS = 16;
const TARGET = 20;

async function load(url: (i: number) => string): Promise<number> {
	const until = performance.now() + seconds * 1000;
	let done = 0;
	let n = 0;
	await Promise.all(
		Array.from({ length: CLIENTS }, async () => {
			while (performance.now() < until) {
				const res = await fetch(url(n++));
				if (res.status !== 200) throw new Error(`${res.status} pour ${res.url}`);
				await res.arrayBuffer();
				done++;
			}
		})
	);
	return done / seconds;
}

const dir = mkdtempSync(join(tmpdir(), 'carto-bench-pages-'));
try {
	const app = await startApp({ ...process.env, DATABASE_URL: join(dir, 'carto.db'), CARTO_ACCESS_LOG: 'off' });
	try {
		const list = (await (await fetch(`${app.baseUrl}/api/v1/entities?limit=1&kind=organisation`)).json()) as { items: { slug: string }[] };
		const path = `/acteurs/${list.items[0]!.slug}`;
		const sample = await fetch(`${app.baseUrl}${path}`);
		const bytes = Buffer.from(await sample.arrayBuffer());
		const headers = Object.fromEntries(sample.headers.entries());
		const bare = createServer((_, res) => {
			res.writeHead(200, headers);
			res.end(bytes);
		});
		await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
		const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}${path}`;
		const kept: number[] = [];
		const rendered: number[] = [];
		const bareRates: number[] = [];
		for (let round = 1; round <= rounds; round++) {
			kept.push(await load(() => `${app.baseUrl}${path}`));
			rendered.push(await load((i) => `${app.baseUrl}${path}?rendu=${round}-${i}`));
			bareRates.push(await load(() => bareUrl));
			console.log(
				`tour ${round} : gardée ${kept.at(-1)!.toFixed(0)} req/s, rendue ${rendered.at(-1)!.toFixed(0)} req/s, Node nu ${bareRates.at(-1)!.toFixed(0)} req/s`
			);
		}
		bare.close();
		const share = (100 * median(kept)) / median(bareRates);
		console.log(
			`\nPage d’acteur (${(bytes.length / 1024).toFixed(0)} Ko, ${CLIENTS} clients, ${seconds} s × ${rounds}) : gardée ${median(kept).toFixed(0)} req/s, ` +
				`rendue à chaque fois ${median(rendered).toFixed(0)} req/s, Node nu avec les mêmes octets ${median(bareRates).toFixed(0)} req/s : ` +
				`${share.toFixed(0)} % (objectif ≥ ${TARGET} % : ${share >= TARGET ? 'tenu' : 'manqué'}).`
		);
	} finally {
		await app.stop();
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}
