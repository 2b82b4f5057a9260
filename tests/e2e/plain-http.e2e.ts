import { spawnSync } from 'node:child_process';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, launchBrowser, screenshot } from './browser';
import { startOtherSite, type LocalSite } from './local-sites';

/**
 * Blocker 1 of issue 12: on a fresh install, `npm start` with no ORIGIN, every form works over plain http at
 * http://localhost:<port> (the server is started the README's way by global-setup.ts), and a form posted
 * from another site gets the French refusal page.
 */
const PORT = new URL(baseUrl()).port;
/** The hostname a newcomer types, not only the 127.0.0.1 the other tests use. */
const SITE = `http://localhost:${PORT}`;
const ADMIN_PASSWORD = 'lave de Volvic 1465 m';
const PARTNER_PASSWORD = 'pierre de Volvic 2026';
const PHONE = { width: 390, height: 844 };

/** A context on http://localhost:<port> that fails the test on any 403 or on SvelteKit's English refusal. */
async function localhostContext(browser: Browser, refusals: string[], viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
	const context = await browser.newContext({ baseURL: SITE, locale: 'fr-FR', viewport });
	context.on('response', (r: Response) => {
		if (r.status() === 403) refusals.push(`${r.request().method()} ${r.url()}`);
	});
	return context;
}

async function newTab(context: BrowserContext): Promise<Page> {
	const page = await context.newPage();
	page.setDefaultTimeout(30_000);
	return page;
}

/** The CLI run as an operator does on the server: with its PORT and HOST, no ORIGIN. */
function userCreate(role: string, email: string, name: string): string {
	const run = spawnSync('node_modules/.bin/tsx', ['scripts/user-create.ts', '--role', role, '--email', email, '--name', name], {
		env: { ...process.env, DATABASE_URL: inject('databaseUrl'), PORT, HOST: 'localhost' },
		encoding: 'utf8'
	});
	expect(run.status, run.stderr).toBe(0);
	const link = /https?:\/\/\S+\/invitation\/[\w-]+/.exec(run.stdout)?.[0];
	expect(link, run.stdout).toBeDefined();
	return link!;
}

async function choosePassword(page: Page, password: string) {
	await page.getByLabel('Mot de passe (12 caractères au moins)').fill(password);
	await page.getByLabel('Confirmez le mot de passe').fill(password);
	await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
	await page.waitForURL('**/espace', { timeout: 30_000 });
}

describe('formulaires en http simple sur un serveur lancé sans configuration', () => {
	let browser: Browser;
	let other: LocalSite | undefined;
	let admin: Page;
	const refusals: string[] = [];

	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await other?.close();
		await browser?.close();
	});

	it('la personne accepte son invitation, se déconnecte et se reconnecte sur http://localhost', async () => {
		const link = userCreate('admin', 'admin.http@exemple.fr', 'Héloïse Admin');
		// The CLI prints the server's own address, from PORT and HOST.
		expect(link.startsWith(`${SITE}/invitation/`), link).toBe(true);

		admin = await newTab(await localhostContext(browser, refusals));
		await admin.goto(link);
		expect(new URL(admin.url()).hostname).toBe('localhost');
		await screenshot(admin, 'plain-http-invitation');
		await choosePassword(admin, ADMIN_PASSWORD);
		expect(await admin.getByTestId('header-user').innerText()).toBe('Héloïse Admin');

		await admin.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
		await admin.waitForURL('**/connexion');
		await admin.getByLabel('Adresse e-mail').fill('admin.http@exemple.fr');
		await admin.getByLabel('Mot de passe', { exact: true }).fill(ADMIN_PASSWORD);
		await screenshot(admin, 'plain-http-login');
		await admin.getByRole('button', { name: 'Se connecter' }).click();
		await admin.waitForURL('**/espace');
		expect(await admin.getByTestId('header-user').innerText()).toBe('Héloïse Admin');
		expect(refusals).toEqual([]);
	});

	it('un partenaire invité enregistre une modification de sa fiche', async () => {
		// The admin invites the partner from the site: the link shown is the address the admin uses.
		await admin.goto('/admin/utilisateurs');
		await admin.getByLabel('Adresse e-mail').fill('partenaire.http@exemple.fr');
		await admin.getByLabel('Nom affiché').fill('Pascal Partenaire');
		await admin.getByLabel('Rôle', { exact: true }).selectOption('partner');
		await admin.getByRole('button', { name: 'Inviter' }).click();
		const partnerLink = await admin.getByTestId('account-link').getByLabel('Lien à transmettre').inputValue();
		expect(partnerLink.startsWith(`${SITE}/invitation/`), partnerLink).toBe(true);

		// …and hands them a listing (a coworking: the contributions test uses incubators).
		const { items } = (await (await fetch(`${SITE}/api/v1/entities?category=coworking&limit=1`)).json()) as { items: { id: number; name: string }[] };
		const listing = items[0]!;
		await admin.goto('/moderation');
		const grant = admin.getByRole('form', { name: 'Confier une fiche à un partenaire' });
		await grant.getByRole('combobox', { name: 'Fiche' }).fill(listing.name);
		await grant
			.getByRole('option')
			.filter({ has: admin.getByText(listing.name, { exact: true }) })
			.click();
		await grant.getByLabel('E-mail du partenaire').fill('partenaire.http@exemple.fr');
		await grant.getByRole('button', { name: 'Confier' }).click();
		await admin.getByTestId('grant-done').waitFor();

		const partner = await newTab(await localhostContext(browser, refusals));
		await partner.goto(partnerLink);
		await choosePassword(partner, PARTNER_PASSWORD);
		expect(await partner.getByTestId('listing').innerText()).toContain(listing.name);
		await partner.getByRole('link', { name: 'Modifier la fiche' }).click();
		await partner.waitForURL(`**/espace/fiches/${listing.id}`);
		await partner.getByLabel('Résumé').fill('Espace de travail partagé au cœur du bourg, ouvert du lundi au samedi.');
		await partner.getByRole('button', { name: 'Enregistrer' }).click();
		expect(await partner.getByTestId('edit-done').innerText()).toMatch(/enregistr|publiée|relecture/i);
		await screenshot(partner, 'plain-http-partner-saved');

		// Tidy: the proposal is withdrawn (one more form), so later files find the listing as it was.
		await partner.goto('/espace');
		const mine = partner.getByTestId('my-change').filter({ hasText: listing.name });
		if ((await mine.count()) > 0 && (await mine.getByRole('button', { name: 'Retirer' }).count()) > 0) {
			await mine.getByRole('button', { name: 'Retirer' }).first().click();
			await partner.getByTestId('withdraw-done').waitFor();
		}
		expect(refusals).toEqual([]);
	});

	it('un visiteur envoie « signaler une erreur »', async () => {
		const { items } = (await (await fetch(`${SITE}/api/v1/entities?category=fablab&limit=1`)).json()) as { items: { slug: string; name: string }[] };
		const visitor = await newTab(await localhostContext(browser, refusals));
		await visitor.goto(`/acteurs/${items[0]!.slug}`);
		await visitor.getByRole('link', { name: 'Signaler une erreur' }).click();
		await visitor.waitForURL('**/signaler');
		await visitor.getByLabel("Quelle est l'erreur ?").fill('Les horaires ont changé : ouvert aussi le samedi matin.');
		await visitor.getByLabel('Votre nom (facultatif)').fill('Camille, voisine du fablab');
		await visitor.getByRole('button', { name: 'Envoyer' }).click();
		expect(await visitor.getByTestId('report-sent').innerText()).toMatch(/^Merci\u00a0!/);
		await screenshot(visitor, 'plain-http-report-sent');
		expect(refusals).toEqual([]);
	});

	it('un formulaire envoyé depuis un autre site reçoit la page de refus en français', async () => {
		other = await startOtherSite(`${SITE}/connexion`, { email: 'admin.http@exemple.fr', password: ADMIN_PASSWORD });
		for (const [size, viewport] of [
			['desktop', { width: 1280, height: 900 }],
			['phone', PHONE]
		] as const) {
			const context = await browser.newContext({ locale: 'fr-FR', viewport });
			const page = await newTab(context);
			await page.goto(other.url);
			const [answer] = await Promise.all([
				page.waitForResponse((r) => r.url().startsWith(`${SITE}/connexion`)),
				page.getByRole('button', { name: 'Envoyer au Connecteur Carto' }).click()
			]);
			expect(answer.status()).toBe(403);
			await page.waitForLoadState();
			expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Envoi refusé');
			const text = await page.getByTestId('refusal').innerText();
			expect(text).toContain(`depuis ${other.url}, une autre adresse que celle de ce site (${SITE})`);
			expect(text).toMatch(/rien n’a été enregistré/);
			expect(text).toMatch(/Rouvrez la page sur http:\/\/localhost:\d+, remplissez le formulaire/);
			expect(await page.content()).not.toMatch(/Cross-site|forbidden/i);
			// Nobody was signed in by the other site's form.
			expect(await context.cookies(SITE)).toEqual([]);
			await screenshot(page, `plain-http-refused-${size}`);
			if (size === 'phone') {
				// No sideways scrolling on a phone.
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
			}
			// The way back: the form again, on the site.
			await page.getByRole('link', { name: 'Rouvrir la page du formulaire' }).click();
			await page.waitForURL(`${SITE}/connexion`);
			expect(await page.getByRole('button', { name: 'Se connecter' }).count()).toBe(1);
			await context.close();
		}
	});
});
