import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, median } from './lib/local-server';
const src = process.argv[2]!;
const dir = mkdtempSync(join(tmpdir(), 'probe-public-'));
const path = join(dir, 'c.db');
copyFileSync(src, path);
const app = await startApp({ ...process.env, DATABASE_URL: path, CARTO_JOBS: 'off', CARTO_ACCESS_LOG: 'off', CARTO_GEOCODER_URL: 'off' }, { stdio: ['ignore', 'ignore', 'inherit'] });
const paths = (process.argv[3] ?? '/,/acteurs,/acteurs?page=7,/acteurs?sector=numerique,/acteurs?sort=commune,/acteurs?territory=63,/recherche?q=atelier,/api/v1/search?q=atelier,/api/v1/entities?limit=50,/api/v1/map/points,/api/v1/graph,/healthz').split(',');
for (const p of paths) await (await fetch(app.baseUrl + p)).arrayBuffer();
for (const p of paths) {
	const times: number[] = [];
	let size = 0;
	for (let i = 0; i < 9; i++) {
		const t = performance.now();
		const r = await fetch(app.baseUrl + p + (p.includes('?') ? '&' : '?') + `zz=${i}`);
		size = (await r.arrayBuffer()).byteLength;
		times.push(performance.now() - t);
	}
	console.log(p.padEnd(40), `${median(times).toFixed(1)} ms`.padStart(10), `${(size / 1024).toFixed(0)} KB`);
}
await app.stop();
