import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type StartedApp } from '../../scripts/lib/local-server';
import { openDb } from '../../src/lib/server/db/index';
import { createSession } from '../../src/lib/server/services/auth.service';
import { inviteUser } from '../../src/lib/server/services/users.service';

/**
 * Issue 18: public pages and API answers are kept per data revision, on the server started the README's way. A visitor gets
 * the kept page (with a fresh CSP nonce each time) until anything is written, by the server or by another
 * process; a signed-in visitor always gets a fresh render.
 */
describe('pages publiques gardées en mémoire par révision des données', () => {
	let app: StartedApp;
	let dir: string;
	let path: string;
	let slug: string;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'carto-page-cache-'));
		path = join(dir, 'carto.db');
		app = await startApp({ ...process.env, DATABASE_URL: path });
		const list = (await (await fetch(`${app.baseUrl}/api/v1/entities?limit=1`)).json()) as { items: { slug: string }[] };
		slug = list.items[0]!.slug;
	}, 240_000);
	afterAll(async () => {
		await app?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	const page = async (url: string, headers: Record<string, string> = {}) => {
		const res = await fetch(`${app.baseUrl}${url}`, { headers });
		const html = await res.text();
		const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1] ?? null;
		return { status: res.status, hit: res.headers.get('x-carto-cache') === 'hit', html, nonce };
	};

	it('answers an unchanged page from memory, each time with its own nonce', async () => {
		const first = await page(`/acteurs/${slug}`);
		const second = await page(`/acteurs/${slug}`);
		const third = await page(`/acteurs/${slug}`);
		expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
		expect(first.hit).toBe(false);
		expect(second.hit).toBe(true);
		expect(third.hit).toBe(true);
		expect(second.nonce).not.toBeNull();
		expect(new Set([first.nonce, second.nonce, third.nonce]).size).toBe(3);
		// The page's scripts carry the nonce its header allows, and the rest is the same page.
		expect(second.html).toContain(`nonce="${second.nonce}"`);
		expect(second.html.split(second.nonce!).join('N')).toBe(first.html.split(first.nonce!).join('N'));
	});

	it('shows a change written by another process at once', async () => {
		await page(`/acteurs/${slug}`);
		const db = new Database(path);
		db.prepare('UPDATE entities SET summary = ? WHERE slug = ?').run('Résumé changé par un autre processus', slug);
		db.close();
		const after = await page(`/acteurs/${slug}`);
		expect(after.hit).toBe(false);
		expect(after.html).toContain('Résumé changé par un autre processus');
		expect((await page(`/acteurs/${slug}`)).hit).toBe(true);
	});

	it('keys the page by the page it was reached from (the actor page’s back link)', async () => {
		const fromDirectory = await page(`/acteurs/${slug}`, { referer: `${app.baseUrl}/acteurs?q=fablab` });
		const fromHome = await page(`/acteurs/${slug}`, { referer: `${app.baseUrl}/` });
		expect(fromHome.hit).toBe(false);
		expect((await page(`/acteurs/${slug}`, { referer: `${app.baseUrl}/acteurs?q=fablab` })).hit).toBe(true);
		expect(fromDirectory.status).toBe(200);
	});

	it('keeps API answers too, with their ETag, until the data changes', async () => {
		const ask = async () => {
			const res = await fetch(`${app.baseUrl}/api/v1/entities/${slug}`);
			return { hit: res.headers.get('x-carto-cache') === 'hit', etag: res.headers.get('etag'), body: (await res.json()) as { summary: string } };
		};
		await ask();
		const kept = await ask();
		expect(kept.hit).toBe(true);
		const revalidated = await fetch(`${app.baseUrl}/api/v1/entities/${slug}`, { headers: { 'if-none-match': kept.etag! } });
		expect(revalidated.status).toBe(304);
		const db = new Database(path);
		db.prepare('UPDATE entities SET summary = ? WHERE slug = ?').run('Résumé vu par l’API', slug);
		db.close();
		const after = await ask();
		expect(after.hit).toBe(false);
		expect(after.body.summary).toBe('Résumé vu par l’API');
		expect(after.etag).not.toBe(kept.etag);
	});

	it('keeps the network view until the graph changes, whatever else is written', async () => {
		const ask = async () => {
			const res = await fetch(`${app.baseUrl}/api/v1/graph?limit=50`);
			return { hit: res.headers.get('x-carto-cache') === 'hit', body: (await res.json()) as { revision: number; nodes: { slug: string; label: string }[] } };
		};
		const first = await ask();
		expect((await ask()).hit).toBe(true);
		const shown = first.body.nodes[0]!;
		const db = new Database(path);
		// A summary is not in the graph: the kept answer is still the right one.
		db.prepare('UPDATE entities SET summary = ? WHERE slug = ?').run('Résumé hors du réseau', shown.slug);
		expect((await ask()).hit).toBe(true);
		db.prepare('UPDATE entities SET name = ? WHERE slug = ?').run(`${shown.label} (renommé)`, shown.slug);
		db.close();
		const renamed = await ask();
		expect(renamed.hit).toBe(false);
		expect(renamed.body.revision).toBeGreaterThan(first.body.revision);
		expect(renamed.body.nodes.find((n) => n.slug === shown.slug)?.label).toBe(`${shown.label} (renommé)`);
	});

	it('keeps the metrics until newer ones are computed, which needs no write to be seen', async () => {
		type Metrics = { revision: number; stale: boolean };
		const ask = async () => {
			const res = await fetch(`${app.baseUrl}/api/v1/graph/metrics`);
			return { hit: res.headers.get('x-carto-cache') === 'hit', body: (await res.json()) as Metrics };
		};
		const fresh = async () => {
			for (let i = 0; i < 60; i++) {
				const m = await ask();
				if (!m.body.stale) return m;
				await new Promise((r) => setTimeout(r, 250));
			}
			throw new Error('métriques jamais recalculées');
		};
		// The very first ones were waited for: kept under « none computed yet », asked again once.
		await fresh();
		const before = await ask();
		expect(before.body.stale).toBe(false);
		expect((await ask()).hit).toBe(true);
		const db = new Database(path);
		const { slug: other } = db.prepare('SELECT slug FROM entities ORDER BY id DESC LIMIT 1').get() as { slug: string };
		db.prepare('UPDATE entities SET name = name || ? WHERE slug = ?').run(' (bis)', other);
		db.close();
		// The earlier revision's at once, said so, while the worker computes the new one…
		const meanwhile = await ask();
		expect(meanwhile.hit).toBe(false);
		expect(meanwhile.body.revision).toBe(before.body.revision);
		expect(meanwhile.body.stale).toBe(true);
		// …then the new one, though nothing was written since, and it is kept in turn.
		const after = await fresh();
		expect(after.body.revision).toBeGreaterThan(before.body.revision);
		expect((await ask()).hit).toBe(true);
	});

	it('never answers a signed-in visitor from memory', async () => {
		const db = openDb(path);
		const { userId } = inviteUser(db, 'cli', { email: 'redaction@cache.test', displayName: 'Rédaction', role: 'editor' });
		const { token } = createSession(db, userId);
		db.$client.close();
		await page(`/acteurs/${slug}`);
		const signedIn = await page(`/acteurs/${slug}`, { cookie: `carto_session=${token}` });
		expect(signedIn.hit).toBe(false);
		expect(signedIn.status).toBe(200);
	});
});
