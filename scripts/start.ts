/**
 * `npm start`: build when the sources are newer than the build, prepare the database, then serve.
 * PORT (default 3000) and HOST (default 0.0.0.0) choose where; DATABASE_URL chooses the SQLite file.
 * Without ORIGIN (nor adapter-node's proxy headers), it serves plain http through scripts/lib/serve-direct.ts (compiled)
 * so forms work at http://localhost:3000 with no configuration; with them, adapter-node's own `node build`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { originConfigured, originNotice, publicOrigin } from '../src/lib/server/http/origin';

const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

function run(command: string, args: string[]) {
	const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
	if (result.status !== 0) {
		console.error(`Échec de « ${command} ${args.join(' ')} » (code ${result.status}).`);
		process.exit(result.status ?? 1);
	}
}

const builtAt = existsSync('build/handler.js') ? statSync('build/handler.js').mtimeMs : 0;
const sourcesAt = Math.max(...INPUTS.map(newestMtime));
if (builtAt < sourcesAt) {
	console.log('Construction de l’application…');
	run('npx', ['vite', 'build']);
} else {
	console.log('Construction à jour.');
}

run(process.execPath, ['--import', 'tsx', 'scripts/db-prepare.ts']);

/**
 * The plain-http entry, compiled to JavaScript beside the build (esbuild, already under tsx and Vite; ~50 ms).
 * Run through tsx's loader, every `import()` SvelteKit makes on each request (its route matchers, the page's
 * node) went to the loader's thread and back, a MessagePort round trip: under `npm run bench:load` a cheap
 * request waited two more turns of the busy event loop for them (~300 ms of its 450 ms median).
 */
function compiledServeDirect(): string {
	const outfile = 'build/serve-direct.js';
	buildSync({
		entryPoints: ['scripts/lib/serve-direct.ts'],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		packages: 'external',
		logLevel: 'error'
	});
	return outfile;
}

const port = process.env.PORT || '3000';
const host = process.env.HOST || '0.0.0.0';
console.log(originNotice(process.env));
console.log(`Connecteur Carto : ${publicOrigin(process.env).origin}`);
/** For finding what holds the server's thread (e.g. under `npm run bench:load`): a V8 CPU profile per thread, written at exit. */
const profile = process.env.CARTO_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CARTO_CPU_PROFILE_DIR}`] : [];
const entry = [...profile, originConfigured(process.env) ? 'build' : compiledServeDirect()];
const server = spawn(process.execPath, entry, {
	stdio: 'inherit',
	// KEEP_ALIVE_TIMEOUT: see serve-direct.ts (adapter-node's own server, with ORIGIN, reads it too).
	env: {
		...process.env,
		PORT: port,
		HOST: host,
		BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '21M',
		KEEP_ALIVE_TIMEOUT: process.env.KEEP_ALIVE_TIMEOUT ?? '65'
	}
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
