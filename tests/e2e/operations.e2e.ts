import { connect, type Socket } from 'node:net';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type StartedApp } from '../../scripts/lib/local-server';

/**
 * Issue 17 §3, against a server of its own started the README's way (`npm start`, no variable but its
 * database): /healthz and /readyz, one JSON access-log line per request with the id sent back, and SIGTERM
 * finishing the requests under way before the database is checkpointed and closed.
 */
describe('exploitation : santé, journal des requêtes, arrêt propre', () => {
	let app: StartedApp;
	let dir: string;
	const lines: Record<string, unknown>[] = [];

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'carto-operations-'));
		app = await startApp({ ...process.env, DATABASE_URL: join(dir, 'carto.db') }, { stdio: ['ignore', 'pipe', 'inherit'] });
		createInterface({ input: app.server.stdout! }).on('line', (line) => {
			if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
		});
	}, 240_000);
	afterAll(async () => {
		await app?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('/healthz says the process is up; /readyz lists its checks, in JSON, with no path or secret', async () => {
		const health = await fetch(`${app.baseUrl}/healthz`);
		expect(health.status).toBe(200);
		expect(await health.json()).toMatchObject({ status: 'ok' });
		const ready = await fetch(`${app.baseUrl}/readyz`);
		expect(ready.status).toBe(200);
		const body = (await ready.json()) as { status: string; checks: Record<string, { ok: boolean; detail: string }> };
		expect(body.status).toBe('ok');
		expect(Object.keys(body.checks)).toEqual(['database', 'migrations', 'disk', 'backup']);
		expect(Object.values(body.checks).every((c) => c.ok)).toBe(true);
		expect(body.checks.migrations!.detail).toMatch(/^Schéma à jour/);
		expect(body.checks.backup!.detail).toBe('Aucune sauvegarde encore : la première est planifiée.');
		expect(JSON.stringify(body)).not.toContain(dir);
	});

	it('is never rate limited: 300 checks in a row all answer', async () => {
		const statuses = await Promise.all(Array.from({ length: 300 }, () => fetch(`${app.baseUrl}/healthz`).then((r) => r.status)));
		expect(new Set(statuses)).toEqual(new Set([200]));
	}, 60_000);

	it('writes one JSON line per request: its id (sent back as X-Request-Id), route, status and duration', async () => {
		const response = await fetch(`${app.baseUrl}/acteurs?q=fablab`, { headers: { 'x-request-id': 'proxy-1234abcd' } });
		expect(response.status).toBe(200);
		expect(response.headers.get('x-request-id')).toBe('proxy-1234abcd');
		const missing = await fetch(`${app.baseUrl}/acteurs/nexiste-pas-du-tout`);
		const id = missing.headers.get('x-request-id');
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		await expect.poll(() => lines.find((l) => l.requestId === id), { timeout: 5_000 }).toBeDefined();
		const page = lines.find((l) => l.requestId === 'proxy-1234abcd')!;
		expect(page).toMatchObject({ level: 'info', msg: 'requête', method: 'GET', route: '/acteurs', status: 200 });
		expect(typeof page.durationMs).toBe('number');
		expect(typeof page.time).toBe('string');
		// The route id, never the path: no query string, no slug, no token ends up in the log.
		expect(lines.find((l) => l.requestId === id)).toMatchObject({ level: 'warn', route: '/acteurs/[slug=slug]', status: 404 });
		expect(JSON.stringify(lines)).not.toContain('fablab');
	});

	it('SIGTERM: the requests under way are answered, then the WAL is checkpointed and the process exits', async () => {
		const { port } = new URL(app.baseUrl);
		const origin = app.baseUrl;
		// Five logins whose bodies are still on their way when the signal comes: the server has accepted them.
		const body = 'email=personne%40exemple.fr&password=pas-le-bon-mot-de-passe';
		const sockets: Socket[] = [];
		const answers = Array.from({ length: 5 }, () => {
			const socket = connect(Number(port), '127.0.0.1');
			sockets.push(socket);
			let text = '';
			socket.setEncoding('utf8');
			socket.on('data', (chunk: string) => (text += chunk));
			socket.write(
				`POST /connexion HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: text/html\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n` +
					body.slice(0, 10)
			);
			return new Promise<string>((resolve) => socket.on('close', () => resolve(text)));
		});
		await new Promise((r) => setTimeout(r, 500));
		const exited = new Promise<number | null>((r) => app.server.once('exit', (code) => r(code)));
		process.kill(app.server.pid!, 'SIGTERM');
		await new Promise((r) => setTimeout(r, 700));
		for (const socket of sockets) socket.write(body.slice(10));
		const texts = await Promise.all(answers);
		for (const text of texts) {
			expect(text).toMatch(/^HTTP\/1\.1 (200|400) /);
			expect(text).toContain('</html>');
		}
		expect(await exited).toBe(0);
		expect(statSync(join(dir, 'carto.db-wal'), { throwIfNoEntry: false })?.size ?? 0).toBe(0);
	}, 60_000);
});
