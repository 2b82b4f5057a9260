import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, waitUntilUp } from '../../scripts/lib/local-server';
import { startFakeBan, type FakeBan } from '../fake-ban-server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		/** The server's SQLite file, for tests that change data through scripts/e2e-*.ts. */
		databaseUrl: string;
	}
}



let server: ChildProcess | undefined;
/** Imports geocode addresses: the server asks this fake Base Adresse Nationale, never the real one. */
let ban: FakeBan | undefined;
let workDir: string | undefined;

export default async function setup(project: TestProject) {
	if (!existsSync('build/index.js') || !existsSync('build/handler.js')) {
		throw new Error('Aucune construction dans build/ : lancez « npx vite build » avant les tests de navigateur.');
	}
	workDir = mkdtempSync(join(tmpdir(), 'carto-e2e-'));
	const databaseUrl = join(workDir, 'e2e.db');
	const env = { ...process.env, DATABASE_URL: databaseUrl };

	// Prepare the database exactly as `npm start` does: migrate, load territories, seed the demo.
	const prepared = spawnSync('node_modules/.bin/tsx', ['scripts/db-prepare.ts'], { env, encoding: 'utf8' });
	if (prepared.status !== 0) {
		throw new Error(`scripts/db-prepare.ts a échoué (code ${prepared.status}) :\n${prepared.stdout}\n${prepared.stderr}`);
	}

	ban = await startFakeBan();
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	server = spawn(process.execPath, ['build'], {
		env: { ...env, HOST: '127.0.0.1', PORT: String(port), ORIGIN: baseUrl, CARTO_GEOCODER_URL: ban.url, BODY_SIZE_LIMIT: '21M' },
		stdio: ['ignore', 'inherit', 'inherit']
	});
	await waitUntilUp(baseUrl, server);
	project.provide('baseUrl', baseUrl);
	project.provide('databaseUrl', databaseUrl);

	return async () => {
		if (server && server.exitCode === null) {
			const exited = new Promise((r) => server?.once('exit', r));
			server.kill('SIGTERM');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
			if (server.exitCode === null) server.kill('SIGKILL');
		}
		await ban?.close();
		if (workDir) rmSync(workDir, { recursive: true, force: true });
	};
}
