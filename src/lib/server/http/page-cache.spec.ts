import { describe, expect, it } from 'vitest';
import { PageCache, pageKey } from './page-cache';

const page = (body: string, headers: Record<string, string> = {}, status = 200) =>
	new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });

describe('PageCache', () => {
	it('keeps a page for its revision only, and for a minute at most', async () => {
		let now = 0;
		const cache = new PageCache(() => now);
		const sent = await cache.put('k', '1.0', page('<p>Fiche</p>'));
		expect(await sent.text()).toBe('<p>Fiche</p>');
		expect(await cache.get('k', '1.0')!.text()).toBe('<p>Fiche</p>');
		expect(cache.get('k', '1.0')!.headers.get('x-carto-cache')).toBe('hit');
		expect(cache.get('k', '1.1')).toBeNull();
		expect(cache.get('k', '1.0')).toBeNull();
		await cache.put('k', '1.1', page('<p>Fiche modifiée</p>'));
		now = 59_000;
		expect(cache.get('k', '1.1')).not.toBeNull();
		now = 61_000;
		expect(cache.get('k', '1.1')).toBeNull();
	});

	it('never keeps an answer that is not a plain public page', async () => {
		const cache = new PageCache();
		await cache.put('a', '1', page('x', { 'set-cookie': 'a=b' }));
		await cache.put('b', '1', page('x', { 'cache-control': 'private, no-store' }));
		await cache.put('c', '1', page('x', {}, 404));
		await cache.put('d', '1', new Response('{}', { headers: { 'content-type': 'application/json' } }));
		expect(cache.size).toBe(0);
	});

	it('gives every answer a nonce of its own, in the header and in the page', async () => {
		const cache = new PageCache();
		const csp = "script-src 'self' 'nonce-AAAA'";
		await cache.put('k', '1', page('<script nonce="AAAA"></script>', { 'content-security-policy': csp }));
		const answers = [cache.get('k', '1')!, cache.get('k', '1')!];
		const nonces = answers.map((r) => /'nonce-([^']+)'/.exec(r.headers.get('content-security-policy')!)![1]);
		expect(nonces[0]).not.toBe('AAAA');
		expect(nonces[0]).not.toBe(nonces[1]);
		expect(await answers[1]!.text()).toBe(`<script nonce="${nonces[1]}"></script>`);
	});

	it('drops the least recently used page past its bounds', async () => {
		const cache = new PageCache();
		for (let i = 0; i < 1_005; i++) await cache.put(`p${i}`, '1', page(`<p>${i}</p>`));
		expect(cache.size).toBe(1_000);
		expect(cache.get('p0', '1')).toBeNull();
		expect(cache.get('p1004', '1')).not.toBeNull();
	});

	it('keys by address and origin, and by the referring page only when it is this site’s', () => {
		const url = new URL('http://localhost:3000/acteurs/fablab?x=1');
		expect(pageKey(url, null)).toBe(pageKey(url, 'https://ailleurs.example/page'));
		expect(pageKey(url, null)).not.toBe(pageKey(url, 'http://localhost:3000/acteurs'));
		expect(pageKey(url, null)).not.toBe(pageKey(new URL('http://127.0.0.1:3000/acteurs/fablab?x=1'), null));
		expect(pageKey(url, 'pas une adresse')).toBe(pageKey(url, null));
	});
});
