import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';

/*
 * A corpus of XSS payloads stored in every text field of three demo actors (and of their relations),
 * through the real write path, then every page that shows them is opened in Chromium: no dialog may
 * open, and no event-handler attribute or javascript: URL may reach the DOM (the CSP would block most
 * execution on its own: the DOM check catches an injection the CSP happened to stop).
 */

type Result = { ok: true; id: number; version: number } | { ok: false; issues: string[] };
type Edit = { entity: string; patch: Record<string, unknown> } | { relation: number; patch: Record<string, unknown> };

/** Writes through scripts/e2e-write.ts (validation, revisions, cache-busting triggers) into the server's file. */
function write(edits: Edit[]): Result[] {
	const run = spawnSync('node_modules/.bin/tsx', ['scripts/e2e-write.ts'], {
		env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
		input: JSON.stringify(edits),
		encoding: 'utf8'
	});
	if (run.status !== 0) throw new Error(`scripts/e2e-write.ts a échoué :\n${run.stderr}`);
	return JSON.parse(run.stdout) as Result[];
}

const api = async <T>(path: string): Promise<T> => (await fetch(baseUrl() + path)).json() as Promise<T>;

interface Detail {
	id: number;
	slug: string;
	name: string;
	summary: string;
	description: string;
	website: string | null;
	address: string | null;
	lon: number | null;
	relations: { id: number; otherSlug: string; description: string; source: string | null }[];
}

const tag = (n: string) => `XSS-${n}`;
/** Every payload calls a dialog with its own tag, so a failure names the one that ran. */
const corpus = (n: string) => [
	`<script>alert('${tag(n + 'a')}')</script>`,
	`<img src=x onerror=alert('${tag(n + 'b')}')>`,
	`<svg onload=confirm('${tag(n + 'c')}')>`,
	`"><img src=x onerror=prompt('${tag(n + 'd')}')>`,
	`'><svg/onload=alert('${tag(n + 'e')}')>`,
	`</script><script>alert('${tag(n + 'f')}')</script>`,
	`<details open ontoggle=alert('${tag(n + 'g')}')>`,
	`<iframe src="javascript:alert('${tag(n + 'h')}')"></iframe>`,
	`<a href="javascript:alert('${tag(n + 'i')}')">lien</a>`,
	`javascript:alert('${tag(n + 'j')}')`,
	`\${alert('${tag(n + 'k')}')}{alert('${tag(n + 'l')}')}`
];
const markdownCorpus = (n: string) => [
	`[clic](javascript:alert('${tag(n + 'm')}'))`,
	`[clic](JaVaScRiPt:confirm('${tag(n + 'n')}'))`,
	`[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
	`![img](x" onerror="alert('${tag(n + 'o')}'))`,
	`[x](https://example.org/"onmouseover="alert('${tag(n + 'p')}'))`,
	`<math><mi xlink:href="javascript:alert('${tag(n + 'q')}')">x</mi></math>`,
	`<body onload=alert('${tag(n + 'r')}')>`
];

const WORD = 'Xsscorpus';

describe('XSS : des charges stockées dans chaque champ ne s’exécutent nulle part', () => {
	let browser: Browser;
	let page: Page;
	const dialogs: string[] = [];
	const actors: Detail[] = [];
	let originals: Edit[] = [];

	beforeAll(async () => {
		// Organisations placed on the map and with relations, far down the list (other browser tests use the first ones).
		const list = await api<{ items: { slug: string }[] }>('/api/v1/entities?kind=organisation&limit=100');
		for (const item of list.items.slice(60)) {
			const d = await api<Detail>(`/api/v1/entities/${item.slug}`);
			if (d.lon !== null && d.relations.length > 0 && !actors.some((a) => a.relations.some((r) => r.otherSlug === d.slug))) actors.push(d);
			if (actors.length === 3) break;
		}
		expect(actors).toHaveLength(3);
		originals = actors.flatMap((a) => [
			{ entity: a.slug, patch: { name: a.name, summary: a.summary, description: a.description, website: a.website, address: a.address } },
			{ relation: a.relations[0]!.id, patch: { description: a.relations[0]!.description, source: a.relations[0]!.source } }
		]);
		const edits: Edit[] = actors.flatMap((a, i) => {
			const c = corpus(String(i));
			return [
				{
					entity: a.slug,
					patch: {
						name: `${WORD} ${c[i % c.length]} ${c[3]}`.slice(0, 200),
						summary: c.slice(0, 6).join(' '),
						description: [...c, ...markdownCorpus(String(i))].join('\n\n'),
						website: `https://example.org/?q="><script>alert('${tag(i + 'w')}')</script>`,
						address: `${c[3]} ${c[1]}`
					}
				},
				{
					relation: a.relations[0]!.id,
					patch: { description: c.slice(1, 5).join(' '), source: i === 0 ? c[9] : `https://example.org/"><img src=x onerror=alert('${tag(i + 's')}')>` }
				}
			];
		});
		const results = write(edits);
		expect(
			results.filter((r) => !r.ok),
			JSON.stringify(results)
		).toEqual([]);

		browser = await launchBrowser();
		page = await newPage(browser);
		page.on('dialog', (d) => {
			dialogs.push(`${d.type()}: ${d.message()} (${page.url()})`);
			void d.dismiss();
		});
		await page.addInitScript(() => {
			const w = window as unknown as { __cspBlocked: string[] };
			w.__cspBlocked = [];
			document.addEventListener('securitypolicyviolation', (e) => w.__cspBlocked.push(`${e.violatedDirective} ${e.blockedURI}`));
		});
	});

	afterAll(async () => {
		await browser?.close();
		// Other browser test files share this database: put the demo back as it was.
		if (originals.length) write(originals);
	});

	it('refuses a javascript:, data: or vbscript: website at validation (the first defence)', () => {
		const results = write(
			[
				'javascript:alert(1)',
				'JAVASCRIPT:alert(1)',
				' javascript:alert(1)',
				'data:text/html,<script>alert(1)</script>',
				'vbscript:msgbox(1)',
				'ftp://example.org'
			].map((website) => ({
				entity: actors[0]!.slug,
				patch: { website }
			}))
		);
		for (const r of results) {
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.issues.join(' ')).toMatch(/website\u00a0: adresse web invalide/);
		}
	});

	/** Event-handler attributes, javascript: URLs, frames, injected scripts, and inline code the CSP refused. */
	function inspect() {
		return page.evaluate(() => {
			const problems: string[] = [];
			for (const el of Array.from(document.querySelectorAll('*'))) {
				for (const attr of Array.from(el.attributes)) {
					const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
					if (/^on/i.test(attr.name)) problems.push(`${el.tagName} ${attr.name}="${attr.value.slice(0, 60)}"`);
					if (/^(javascript|vbscript|data:text\/html)/.test(value) && /href|src|action/i.test(attr.name)) {
						problems.push(`${el.tagName} ${attr.name}="${attr.value.slice(0, 60)}"`);
					}
				}
				if (['IFRAME', 'OBJECT', 'EMBED', 'MATH'].includes(el.tagName)) problems.push(`élément ${el.tagName}`);
				if (el.tagName === 'SCRIPT' && /^\s*(alert|confirm|prompt)\(/.test(el.textContent ?? '')) problems.push('script injecté');
			}
			const blocked = (window as unknown as { __cspBlocked?: string[] }).__cspBlocked ?? [];
			// Inline code the CSP refused means something was injected (library feature tests of eval are not).
			return { problems, blocked: blocked.filter((b) => /^script-src\S* inline/.test(b)) };
		});
	}

	async function assertInert(where: string) {
		const found = await inspect();
		expect(found.problems, where).toEqual([]);
		expect(found.blocked, `${where} : la CSP a dû bloquer un script injecté`).toEqual([]);
		expect(dialogs, where).toEqual([]);
	}

	it('the DOM check itself sees a planted handler and a javascript: link (so it can fail)', async () => {
		await page.goto('/');
		await page.evaluate(() => {
			const img = document.createElement('img');
			img.setAttribute('onerror', 'void 0');
			const a = document.createElement('a');
			a.setAttribute('href', ' JaVa\tScRipt:void(0)');
			document.body.append(img, a);
		});
		expect((await inspect()).problems).toHaveLength(2);
	});

	it('actor pages, their history, and the pages of the actors at the other end of their relations', async () => {
		for (const a of actors) {
			await page.goto(`/acteurs/${a.slug}`);
			await page.getByRole('heading', { level: 1 }).waitFor();
			// The payload is shown as text, visibly, not swallowed.
			expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain(WORD);
			expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('<img src=x onerror=');
			await assertInert(`/acteurs/${a.slug}`);
			await page.goto(`/acteurs/${a.slug}/historique`);
			await assertInert(`/acteurs/${a.slug}/historique`);
			await page.goto(`/acteurs/${a.relations[0]!.otherSlug}`);
			await assertInert(`/acteurs/${a.relations[0]!.otherSlug}`);
		}
		await page.goto(`/acteurs/${actors[0]!.slug}`);
		await screenshot(page, 'xss-actor');
	});

	it('directory, search results and the home page', async () => {
		for (const path of [`/acteurs?q=${WORD}`, `/recherche?q=${WORD}`, '/', '/acteurs?kind=organisation&sort=name']) {
			await page.goto(path);
			await page.waitForLoadState('networkidle');
			await assertInert(path);
		}
		await page.goto(`/recherche?q=${WORD}`);
		expect(await page.getByTestId('search-hit').count()).toBeGreaterThanOrEqual(3);
		await assertInert('recherche');
	});

	it('the map: each actor’s card opened from the map', async () => {
		for (const a of actors) {
			await page.goto(`/carte?actor=${a.id}`);
			await page.waitForFunction(() => Boolean(window.__cartoMap?.idle && window.__cartoMap.map?.loaded()));
			const card = page.getByTestId('actor-card');
			await card.waitFor();
			expect(await card.innerText()).toContain(WORD);
			await assertInert(`/carte?actor=${a.id}`);
		}
		await screenshot(page, 'xss-map');
	});

	it('the network: each actor focused so its label is drawn, and the server-rendered preview', async () => {
		for (const a of actors) {
			await page.goto(`/reseau?focus=${a.id}`);
			await page.waitForFunction(() => Boolean(window.__cartoGraph?.ready));
			const labels = await page.evaluate(() => window.__cartoGraph?.cy?.nodes().map((n) => String(n.data('label') ?? '')) ?? []);
			expect(labels.some((l) => l.includes(WORD))).toBe(true);
			await assertInert(`/reseau?focus=${a.id}`);
		}
		await screenshot(page, 'xss-graph');
		await page.goto(`/reseau/apercu.svg?focus=${actors[0]!.id}`);
		await assertInert('/reseau/apercu.svg');
	});
});

describe('en-têtes de sécurité et garde CSRF sur le vrai serveur', () => {
	const LEAKS = /\bat [\w$.<>]+ \(|node_modules|\.ts:\d+|SQLITE|SqliteError|select .* from /i;

	it('every kind of answer carries the CSP (frame-ancestors), nosniff and a referrer policy', async () => {
		for (const path of [
			'/',
			'/acteurs',
			'/acteurs/acteur-qui-n-existe-pas',
			'/acteurs?kind=licorne',
			'/api/v1/entities?limit=1',
			'/api/v1/nimporte-quoi',
			'/reseau/apercu.svg',
			'/api/v1/export.gexf'
		]) {
			const res = await fetch(baseUrl() + path);
			expect(res.headers.get('content-security-policy'), path).toMatch(/frame-ancestors 'none'/);
			expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
		}
	});

	it('error pages (404, 400) and API errors never show a stack trace or SQL', async () => {
		const paths = [
			'/acteurs/acteur-qui-n-existe-pas',
			'/acteurs?kind=licorne',
			'/acteurs?page=abc',
			`/recherche?q=${'a'.repeat(300)}`,
			'/recherche?q=%22%29%20OR%201%3D1%20--',
			'/api/v1/search?q=%22%20NEAR(',
			'/api/v1/entities?cursor=%%%',
			'/api/v1/paths?from=1&to=abc',
			'/territoires/99999'
		];
		for (const path of paths) {
			const res = await fetch(baseUrl() + path);
			expect(res.status, path).toBeLessThan(500);
			expect(await res.text(), path).not.toMatch(LEAKS);
		}
	});

	it('a write to the JSON API from another site, or not in JSON, is refused in French', async () => {
		const url = `${baseUrl()}/api/v1/entities`;
		const foreign = await fetch(url, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{}' });
		expect(foreign.status).toBe(403);
		expect(((await foreign.json()) as { error: string }).error).toMatch(/origine/);
		const noOrigin = await fetch(url, { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(noOrigin.status).toBe(403);
		const text = await fetch(url, { method: 'POST', headers: { origin: baseUrl(), 'content-type': 'text/plain' }, body: '{}' });
		expect(text.status).toBe(415);
		expect(((await text.json()) as { error: string }).error).toContain('JSON');
		// Same origin and JSON passes the guard; no endpoint writes yet, so the API answers « method not allowed ».
		const fine = await fetch(url, { method: 'POST', headers: { origin: baseUrl(), 'content-type': 'application/json' }, body: '{}' });
		expect([403, 415]).not.toContain(fine.status);
	});
});
