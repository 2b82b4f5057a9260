import { describe, expect, it } from 'vitest';
import { crossSiteFormRefusal, isCrossSiteForm } from './csrf';

const SITE = 'http://localhost:3000';

function post(path: string, headers: Record<string, string>, method = 'POST'): [Request, URL] {
	const url = new URL(path, SITE);
	return [new Request(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : 'a=1' }), url];
}

describe('isCrossSiteForm', () => {
	it('flags every form-like write whose Origin is not the site, whatever the method', () => {
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
			for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain;charset=UTF-8', 'TEXT/PLAIN']) {
				expect(isCrossSiteForm(...post('/connexion', { 'content-type': type, origin: 'http://127.0.0.1:4000' }, method)), `${method} ${type}`).toBe(true);
				expect(isCrossSiteForm(...post('/connexion', { 'content-type': type }, method)), `${method} ${type} sans Origin`).toBe(true);
				expect(isCrossSiteForm(...post('/connexion', { 'content-type': type, origin: SITE }, method)), `${method} ${type} même site`).toBe(false);
			}
		}
	});

	it('also flags a body without a type (a bare cross-site fetch), which SvelteKit let through', () => {
		const [request, url] = post('/connexion', { origin: 'https://evil.example' });
		request.headers.delete('content-type');
		expect(request.headers.get('content-type')).toBeNull();
		expect(isCrossSiteForm(request, url)).toBe(true);
	});

	it('leaves reads and JSON alone (JSON needs a preflight; the /api guard checks it)', () => {
		expect(isCrossSiteForm(...post('/connexion', { origin: 'https://evil.example' }, 'GET'))).toBe(false);
		expect(isCrossSiteForm(...post('/connexion', {}, 'HEAD'))).toBe(false);
		expect(isCrossSiteForm(...post('/api/v1/x', { 'content-type': 'application/json', origin: 'https://evil.example' }))).toBe(false);
	});

	it('compares whole origins: scheme, host and port', () => {
		for (const origin of [
			'https://localhost:3000',
			'http://localhost:3001',
			'http://localhost',
			'http://127.0.0.1:3000',
			'null',
			'http://localhost:3000.evil.example'
		]) {
			expect(isCrossSiteForm(...post('/connexion', { 'content-type': 'application/x-www-form-urlencoded', origin })), origin).toBe(true);
		}
	});
});

describe('crossSiteFormRefusal', () => {
	const form = { 'content-type': 'application/x-www-form-urlencoded' };

	it('lets same-site forms through', () => {
		expect(crossSiteFormRefusal(...post('/connexion', { ...form, origin: SITE }))).toBeNull();
	});

	it('answers a browser with a French 403 page saying why, what to do, and links back to the site', async () => {
		const response = crossSiteFormRefusal(
			...post('/acteurs/la-fabrique/signaler?/send', { ...form, origin: 'http://127.0.0.1:4000', accept: 'text/html,application/xhtml+xml,*/*;q=0.8' })
		)!;
		expect(response.status).toBe(403);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('no-store');
		const html = await response.text();
		expect(html).toContain('<html lang="fr">');
		expect(html).toContain('<h1 id="titre">Envoi refusé</h1>');
		expect(html).toContain('depuis http://127.0.0.1:4000, une autre adresse que celle de ce site (http://localhost:3000)');
		expect(html).toContain('rien n’a été enregistré');
		expect(html).toContain('ORIGIN');
		expect(html).toContain('href="http://localhost:3000/acteurs/la-fabrique/signaler"');
		expect(html).toContain('href="http://localhost:3000/"');
		expect(html).not.toMatch(/Cross-site|forbidden/i);
	});

	it('says so when the form came without an Origin or from an opaque page', async () => {
		expect(await crossSiteFormRefusal(...post('/connexion', form))!.text()).toContain('sans indiquer de quelle page il venait');
		expect(await crossSiteFormRefusal(...post('/connexion', { ...form, origin: 'null' }))!.text()).toContain('page sans adresse');
	});

	it('escapes what the other site sent', async () => {
		const html = await crossSiteFormRefusal(...post('/connexion', { ...form, origin: 'http://<script>alert(1)</script>' }))!.text();
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;script&gt;');
	});

	it('answers JSON to clients asking for JSON, and an ActionResult to use:enhance forms', async () => {
		const asJson = crossSiteFormRefusal(...post('/connexion', { ...form, origin: 'https://evil.example', accept: 'application/json' }))!;
		expect(asJson.status).toBe(403);
		expect(asJson.headers.get('content-type')).toBe('application/json; charset=utf-8');
		const body = (await asJson.json()) as { status: number; message: string };
		expect(body.status).toBe(403);
		expect(body.message).toMatch(/^Envoi refusé\u00a0: ce formulaire ne vient pas d'une page de ce site \(http:\/\/localhost:3000\)/);

		const enhanced = crossSiteFormRefusal(
			...post('/admin/import/3?/mapping', { ...form, origin: 'http://mon-poste:3000', accept: 'application/json', 'x-sveltekit-action': 'true' })
		)!;
		expect(enhanced.status).toBe(403);
		expect(await enhanced.json()).toEqual({ type: 'error', status: 403, error: { message: expect.stringMatching(/^Envoi refusé/) } });
	});
});
