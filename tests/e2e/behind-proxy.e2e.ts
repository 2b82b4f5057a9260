import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startApp, type StartedApp } from '../../scripts/lib/local-server';
import { launchBrowser, screenshot } from './browser';
import { startOtherSite, startReverseProxy, type LocalSite } from './local-sites';

/**
 * The one browser test with ORIGIN set: the app behind a reverse proxy, configured as adapter-node documents
 * (ORIGIN = the proxy's public origin, PROTOCOL_HEADER / HOST_HEADER / ADDRESS_HEADER = its X-Forwarded-*
 * headers). A person logs in through the proxy; the origin check stays strict (a form from another site,
 * or from the app's own port reached directly, gets the French refusal).
 */
const PASSWORD = 'coulée de Volvic 2026';
/** The visitor's public address as the proxy sees it (a documentation range, RFC 5737). */
const VISITOR_ADDRESS = '198.51.100.23';

describe('derrière un proxy inverse, avec ORIGIN', () => {
	let browser: Browser;
	let app: StartedApp | undefined;
	let proxy: LocalSite | undefined;
	let other: LocalSite | undefined;
	let publicOrigin = '';
	let databaseUrl = '';
	const serverOutput: string[] = [];
	const dir = mkdtempSync(join(tmpdir(), 'carto-proxy-'));

	beforeAll(async () => {
		const proxyPort = await freePort();
		// *.localhost names the machine itself in browsers: a public name that is neither localhost nor an IP.
		publicOrigin = `http://carto.localhost:${proxyPort}`;
		databaseUrl = join(dir, 'proxy.db');
		app = await startApp(
			{
				...process.env,
				DATABASE_URL: databaseUrl,
				ORIGIN: publicOrigin,
				PROTOCOL_HEADER: 'x-forwarded-proto',
				HOST_HEADER: 'x-forwarded-host',
				ADDRESS_HEADER: 'x-forwarded-for'
			},
			{ stdio: ['ignore', 'pipe', 'inherit'] }
		);
		app.server.stdout?.on('data', (chunk: Buffer) => serverOutput.push(chunk.toString('utf8')));
		proxy = await startReverseProxy(proxyPort, app.baseUrl, VISITOR_ADDRESS);
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await other?.close();
		await proxy?.close();
		await app?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('npm start says which origin it serves', () => {
		expect(serverOutput.join('')).toContain(`Origine publique (ORIGIN) : ${publicOrigin}.`);
	});

	it('une personne accepte son invitation et se connecte à travers le proxy', async () => {
		const run = spawnSync('node_modules/.bin/tsx', ['scripts/user-create.ts', '--role', 'editor', '--email', 'proxy@exemple.fr', '--name', 'Paul Proxy'], {
			env: { ...process.env, DATABASE_URL: databaseUrl, ORIGIN: publicOrigin },
			encoding: 'utf8'
		});
		expect(run.status, run.stderr).toBe(0);
		const link = /https?:\/\/\S+\/invitation\/[\w-]+/.exec(run.stdout)?.[0] ?? '';
		// The link carries the public origin, not the app's own port.
		expect(link.startsWith(`${publicOrigin}/invitation/`), run.stdout).toBe(true);

		const page: Page = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } })).newPage();
		page.setDefaultTimeout(30_000);
		await page.goto(link);
		await page.getByLabel('Mot de passe (12 caractères au moins)').fill(PASSWORD);
		await page.getByLabel('Confirmez le mot de passe').fill(PASSWORD);
		await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
		await page.waitForURL(`${publicOrigin}/espace`);
		await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
		await page.waitForURL('**/connexion');

		await page.getByLabel('Adresse e-mail').fill('proxy@exemple.fr');
		await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await page.waitForURL(`${publicOrigin}/espace`);
		expect(await page.getByTestId('header-user').innerText()).toBe('Paul Proxy');
		await screenshot(page, 'proxy-logged-in');

		// ADDRESS_HEADER: the security log names the visitor's address, not the proxy's.
		const login = serverOutput
			.join('')
			.split('\n')
			.filter((l) => l.includes('"login.success"'))
			.map((l) => JSON.parse(l) as { ip: string });
		expect(login.at(-1)?.ip).toBe(VISITOR_ADDRESS);
	});

	it('un formulaire venu d’un autre site, ou du port de l’application atteint sans le proxy, est refusé en français', async () => {
		other = await startOtherSite(`${publicOrigin}/connexion`, { email: 'proxy@exemple.fr', password: PASSWORD });
		const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.goto(other.url);
		const [answer] = await Promise.all([
			page.waitForResponse((r) => r.url().startsWith(`${publicOrigin}/connexion`)),
			page.getByRole('button', { name: 'Envoyer au Connecteur Carto' }).click()
		]);
		expect(answer.status()).toBe(403);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Envoi refusé');
		expect(await page.getByTestId('refusal').innerText()).toContain(`depuis ${other.url}, une autre adresse que celle de ce site (${publicOrigin})`);
		await screenshot(page, 'proxy-refused-phone');
		expect(await context.cookies(publicOrigin)).toEqual([]);

		// Strict: with ORIGIN set, the app's own address (127.0.0.1:<port>) is not the site, even for its own page.
		await page.goto(`${app!.baseUrl}/connexion`);
		await page.getByLabel('Adresse e-mail').fill('proxy@exemple.fr');
		await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
		const [direct] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Se connecter' }).click()
		]);
		expect(direct.status()).toBe(403);
		expect(await page.getByTestId('refusal').innerText()).toContain(`une autre adresse que celle de ce site (${publicOrigin})`);
		await screenshot(page, 'proxy-direct-port-refused-phone');
		await context.close();

		// Both refusals are in the security log, with the reason.
		expect(serverOutput.join('').match(/"reason":"cross-site-form"/g)?.length).toBe(2);
	});
});
