import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { linksIn, waitForMail } from '../mail-catcher';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';
import { choosePassword, createAccount } from './sign-in';

/*
 * A newcomer without an account lists their structure (a duplicate warning first), confirms their e-mail,
 * an editor approves, and the newcomer sets a password from the invitation mail and finds the listing in
 * their space. Then a forgotten password, and a claim on the structure's own domain. Every new page is
 * photographed at desktop and phone sizes.
 */

interface Listing {
	id: number;
	slug: string;
	name: string;
	communeCode: string | null;
	website: string | null;
	lon: number | null;
	lat: number | null;
	coordPrecision: string | null;
}

const api = async <T>(path: string): Promise<T> => (await (await fetch(`${baseUrl()}${path}`)).json()) as T;
const NEWCOMER = 'nouvelle.venue@exemple.fr';
const NAME = 'Coworking des Sucs du Meygal';
const PASSWORD = 'les sucs du meygal 1436 m';

async function phoneShot(browser: Browser, path: string, name: string, prepare?: (page: Page) => Promise<void>) {
	const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const page = await context.newPage();
	await page.goto(path);
	await prepare?.(page);
	await screenshot(page, `${name}-phone`);
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	await context.close();
	expect(width, `${path} déborde sur un téléphone`).toBeLessThanOrEqual(390);
}

async function pickCommune(page: Page, code: string) {
	const box = page.getByRole('combobox', { name: 'Commune' });
	await box.fill(code);
	await page.getByRole('listbox', { name: 'Communes' }).getByRole('option').first().click();
}

describe('un nouveau venu se référence', () => {
	let browser: Browser;
	let newcomer: Page;
	let editor: Page;
	let near: Listing;

	beforeAll(async () => {
		browser = await launchBrowser();
		newcomer = await newPage(browser);
		editor = await newPage(browser);
		const list = await api<{ items: { slug: string }[] }>('/api/v1/entities?kind=third_place&category=coworking&limit=20');
		const full = await Promise.all(list.items.map((i) => api<Listing>(`/api/v1/entities/${i.slug}`)));
		near = full.find((l) => l.communeCode && l.website) as Listing;
		if (!near) throw new Error('Il faut un coworking avec une commune et un site web dans les données de démonstration.');
		await choosePassword(editor, createAccount('editor', 'edith.nouveaux@exemple.fr', 'Édith Nouveaux'));
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('référence → doublon signalé → confirmation par e-mail → validation → mot de passe → mon espace', async () => {
		await newcomer.goto('/contribuer');
		await expect(newcomer.getByRole('heading', { name: 'Référencer ma structure' }).isVisible()).resolves.toBe(true);
		await screenshot(newcomer, 'newcomer-contribuer');
		await phoneShot(browser, '/contribuer', 'newcomer-contribuer');
		await newcomer.getByRole('link', { name: 'Référencer ma structure' }).click();
		await newcomer.waitForURL('**/contribuer/referencer');

		await newcomer.getByLabel('Un tiers-lieu').check();
		await newcomer.getByLabel('Catégorie').selectOption({ label: 'Espace de coworking' });
		// A near name in the same commune: the importer's rules say it is probably the same place.
		await newcomer.getByLabel('Nom', { exact: true }).fill(near.name.toUpperCase());
		await pickCommune(newcomer, near.communeCode!);
		const warning = newcomer.getByTestId('duplicate-warning');
		await warning.waitFor();
		expect(await warning.innerText()).toContain(near.name);
		expect(await warning.getByRole('link', { name: /C'est déjà nous/ }).getAttribute('href')).toBe(`/contribuer/gerer/${near.slug}`);
		await screenshot(newcomer, 'newcomer-referencer-doublon');

		// It is another structure after all: the newcomer gives its real name and goes on.
		await newcomer.getByLabel('Nom', { exact: true }).fill(NAME);
		await warning.waitFor({ state: 'detached' });
		await newcomer.getByLabel('Site web (facultatif)').fill('sucs-meygal.fr');
		await newcomer.getByLabel('En une ligne, ce que vous faites').fill('Coworking et bureaux partagés au pied des sucs');
		await newcomer.getByLabel('Hébergement').check();
		await newcomer.getByLabel('Votre nom (facultatif)').fill('Nina Nouvelle');
		await newcomer.getByLabel('Votre e-mail').fill(NEWCOMER);
		await screenshot(newcomer, 'newcomer-referencer');
		const since = new Date().toISOString();
		await newcomer.getByRole('button', { name: 'Envoyer la proposition' }).click();
		const sent = newcomer.getByTestId('listing-sent');
		await sent.waitFor();
		expect(await sent.innerText()).toContain('Vérifiez votre boîte de réception.');
		expect(await newcomer.content()).not.toContain('/contribuer/confirmer/');
		await screenshot(newcomer, 'newcomer-referencer-envoye');

		const confirmation = await waitForMail(inject('mailboxFile'), NEWCOMER, /Confirmez votre adresse/, { since });
		const link = linksIn(confirmation).find((l) => l.includes('/contribuer/confirmer/'))!;
		expect(link.startsWith(`${baseUrl()}/contribuer/confirmer/`)).toBe(true);
		await newcomer.goto(link);
		expect(await newcomer.getByTestId('confirm-done').innerText()).toContain(NAME);
		await screenshot(newcomer, 'newcomer-confirme');
		await phoneShot(browser, '/contribuer/confirmer/lien-inconnu', 'newcomer-confirme-inconnu');
		await newcomer.goto(link);
		expect(await newcomer.getByTestId('confirm-failed').innerText()).toContain('déjà été utilisé');

		// The editor reads the request in the queue, with the newcomer's confirmed address, and accepts it.
		await editor.goto('/moderation');
		const card = editor.getByTestId('queue-item').filter({ hasText: NAME });
		expect(await card.getByTestId('newcomer-facts').innerText()).toContain(NEWCOMER);
		await screenshot(editor, 'newcomer-moderation');
		await card.getByRole('button', { name: 'Accepter' }).click();
		await editor.getByText(`Proposition acceptée et publiée : une invitation part vers ${NEWCOMER}.`).waitFor();

		const published = await api<{ items: { slug: string; name: string }[] }>(`/api/v1/entities?q=${encodeURIComponent('Sucs du Meygal')}&limit=5`);
		const slug = published.items.find((i) => i.name === NAME)?.slug;
		expect(slug).toBeTruthy();
		const created = await api<Listing>(`/api/v1/entities/${slug}`);
		// On the map: placed at its commune's centre, drawn as approximate.
		expect(created).toMatchObject({ communeCode: near.communeCode, coordPrecision: 'commune' });
		expect(created.lon).not.toBeNull();
		// The newcomer's address is public nowhere.
		expect(JSON.stringify(created)).not.toContain(NEWCOMER);
		await newcomer.goto(`/acteurs/${slug}`);
		expect(await newcomer.content()).not.toContain(NEWCOMER);

		const invitation = await waitForMail(inject('mailboxFile'), NEWCOMER, /est publiée/, { since });
		const invitationLink = linksIn(invitation).find((l) => l.includes('/invitation/'))!;
		expect(invitationLink.startsWith(`${baseUrl()}/invitation/`)).toBe(true);
		await choosePassword(newcomer, invitationLink.slice(baseUrl().length), PASSWORD);
		expect(await newcomer.getByRole('main').innerText()).toContain(NAME);
		await screenshot(newcomer, 'newcomer-espace');
	});

	it('sans JavaScript, le serveur répond au formulaire avec le doublon probable et mène à la demande de gestion', async () => {
		const plain = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
		const page = await plain.newPage();
		await page.goto('/contribuer/referencer');
		await page.getByLabel('Un tiers-lieu').check();
		await page.getByLabel('Catégorie').selectOption({ label: 'Espace de coworking' });
		await page.getByLabel('Nom', { exact: true }).fill(near.name.toLowerCase());
		// Typed, not picked: the server reads the commune from the text (here its INSEE code).
		await page.getByRole('combobox', { name: 'Commune' }).fill(near.communeCode!);
		await page.getByLabel('En une ligne, ce que vous faites').fill('Un espace de travail partagé');
		await page.getByLabel('Votre e-mail').fill('sans.js@exemple.fr');
		await page.getByRole('button', { name: 'Envoyer la proposition' }).click();
		const warning = page.getByTestId('duplicate-warning');
		expect(await warning.innerText()).toContain(near.name);
		expect(await page.getByLabel('Nom', { exact: true }).inputValue()).toBe(near.name.toLowerCase());
		expect(await warning.getByLabel("Ce n'est pas nous : c'est une autre structure").isChecked()).toBe(false);
		await screenshot(page, 'newcomer-referencer-doublon-sans-js');
		await warning.getByRole('link', { name: /C'est déjà nous/ }).click();
		await page.waitForURL(`**/contribuer/gerer/${near.slug}`);
		await plain.close();
	});

	it('mot de passe oublié : même réponse pour une adresse inconnue, un lien qui sert une fois', async () => {
		const visitor = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
		const page = await visitor.newPage();
		await page.goto('/connexion');
		await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
		await page.waitForURL('**/connexion/oubli');
		await screenshot(page, 'newcomer-oubli');
		await phoneShot(browser, '/connexion/oubli', 'newcomer-oubli');

		await page.getByLabel('Adresse e-mail').fill('personne.inconnue@exemple.fr');
		await page.getByRole('button', { name: 'Recevoir le lien' }).click();
		const unknown = (await page.getByTestId('reset-sent').innerText()).replace('personne.inconnue@exemple.fr', 'X');

		const since = new Date().toISOString();
		await page.goto('/connexion/oubli');
		await page.getByLabel('Adresse e-mail').fill(NEWCOMER);
		await page.getByRole('button', { name: 'Recevoir le lien' }).click();
		expect((await page.getByTestId('reset-sent').innerText()).replace(NEWCOMER, 'X')).toBe(unknown);
		await screenshot(page, 'newcomer-oubli-envoye');

		const mail = await waitForMail(inject('mailboxFile'), NEWCOMER, /Réinitialiser votre mot de passe/, { since });
		const link = linksIn(mail).find((l) => l.includes('/invitation/'))!;
		await choosePassword(page, link.slice(baseUrl().length), 'un tout nouveau mot de passe');
		await page.goto(link.slice(baseUrl().length));
		expect(await page.getByRole('main').innerText()).toMatch(/invalide, expiré ou déjà utilisé/);
		await visitor.close();
	});

	it('c’est ma structure : demande sur le domaine du site, signalée à l’éditeur', async () => {
		const domain = new URL(near.website!).hostname.replace(/^www\./, '');
		const claimant = `direction@${domain}`;
		const visitor: BrowserContext = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
		const page = await visitor.newPage();
		await page.goto(`/acteurs/${near.slug}`);
		await page.getByRole('link', { name: 'Vous gérez cette structure ?' }).click();
		await page.waitForURL(`**/contribuer/gerer/${near.slug}`);
		await screenshot(page, 'newcomer-gerer');
		await phoneShot(browser, `/contribuer/gerer/${near.slug}`, 'newcomer-gerer');
		await phoneShot(browser, `/contribuer/gerer?q=${encodeURIComponent(near.name)}`, 'newcomer-gerer-recherche');
		await phoneShot(browser, '/contribuer/referencer', 'newcomer-referencer');

		const since = new Date().toISOString();
		await page.getByLabel('Votre nom').fill('Denis Direction');
		await page.getByLabel('Votre e-mail').fill(claimant);
		await page.getByLabel('Un mot sur votre rôle').fill('Je dirige ce coworking');
		await page.getByRole('button', { name: 'Envoyer la demande' }).click();
		await page.getByTestId('claim-sent').waitFor();
		const mail = await waitForMail(inject('mailboxFile'), claimant, /Confirmez/, { since });
		await page.goto(linksIn(mail).find((l) => l.includes('/contribuer/confirmer/'))!);
		await page.getByTestId('confirm-done').waitFor();

		await editor.goto('/moderation');
		const card = editor.getByTestId('queue-item').filter({ hasText: 'Denis Direction' });
		expect(await card.getByTestId('domain-flag').innerText()).toContain('adresse sur le domaine du site de la structure');
		await card.screenshot({ path: 'test-results/e2e-newcomer-moderation-claim.png' });
		// Refused, to leave the demo listing's managers as they were: the claimant is told why.
		await card.getByLabel('Commentaire (obligatoire pour refuser)').fill('Merci de nous appeler pour vérifier.');
		await card.getByRole('button', { name: 'Refuser' }).click();
		await editor.getByText(/Proposition refusée/).waitFor();
		const refusal = await waitForMail(inject('mailboxFile'), claimant, /pas été retenue/, { since });
		expect(refusal.text).toContain('Merci de nous appeler pour vérifier.');
		await visitor.close();
	});
});
