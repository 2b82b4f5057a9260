import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';

interface Operation {
	summary: string;
	parameters: { name: string; in: 'query' | 'path'; required: boolean; example?: string | string[] }[];
	responses: Record<string, unknown>;
}
type Doc = { openapi: string; paths: Record<string, { get: Operation }> };

async function openapi(): Promise<Doc> {
	const res = await fetch(`${baseUrl()}/api/v1/openapi.json`);
	expect(res.status).toBe(200);
	return (await res.json()) as Doc;
}

/** A documented path made concrete: example values, and a real actor where one is required. */
function concrete(path: string, op: Operation, actors: string[]): string {
	let n = 0;
	const actor = () => actors[n++ % actors.length]!;
	let url = `/api/v1${path}`;
	const query = new URLSearchParams();
	for (const p of op.parameters) {
		if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(actor()));
		else if (p.example !== undefined) for (const v of Array.isArray(p.example) ? p.example : [p.example]) query.append(p.name, v);
		else if (p.required) query.set(p.name, actor());
	}
	const qs = query.toString();
	return qs ? `${url}?${qs}` : url;
}

describe('OpenAPI document and /api page on the real server', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('answers every documented path with its example parameters', async () => {
		const doc = await openapi();
		expect(doc.openapi).toMatch(/^3\.1\./);
		const list = (await (await fetch(`${baseUrl()}/api/v1/entities?limit=2`)).json()) as { items: { slug: string }[] };
		const actors = list.items.map((e) => e.slug);
		for (const [path, item] of Object.entries(doc.paths)) {
			const url = concrete(path, item.get, actors);
			const res = await fetch(baseUrl() + url);
			const documented = Object.keys(item.get.responses).map(Number);
			const ok = res.status === 200 || (res.status !== 400 && documented.includes(res.status));
			expect(ok, `${url} → ${res.status}`).toBe(true);
			expect(res.headers.get('access-control-allow-origin'), url).toBe('*');
			await res.arrayBuffer();
		}
	});

	it('round-trips the ETag to a 304', async () => {
		const first = await fetch(`${baseUrl()}/api/v1/map/stats?level=departement`);
		const etag = first.headers.get('etag');
		expect(etag).toBeTruthy();
		expect(first.headers.get('cache-control')).toBe('no-cache');
		await first.arrayBuffer();
		const again = await fetch(`${baseUrl()}/api/v1/map/stats?level=departement`, { headers: { 'if-none-match': etag! } });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
	});

	it('lists every endpoint on the French /api page', async () => {
		const doc = await openapi();
		const page = await newPage(browser);
		const res = await page.goto('/api');
		expect(res?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1, name: 'API publique' }).isVisible()).resolves.toBe(true);
		const articles = page.getByTestId('endpoint');
		expect(await articles.count()).toBe(Object.keys(doc.paths).length);
		const text = await page.locator('#contenu').innerText();
		for (const path of Object.keys(doc.paths)) expect(text).toContain(`/api/v1${path}`);
		for (const note of ['ETag', 'If-None-Match', 'CORS', 'Retry-After', 'Licence']) expect(text).toContain(note);
		await screenshot(page, 'api-doc');
		// Example links work.
		await page.getByRole('link', { name: /\/api\/v1\/map\/stats\?/ }).click();
		await page.waitForURL(/\/api\/v1\/map\/stats/);
		await page.close();
	});
});
