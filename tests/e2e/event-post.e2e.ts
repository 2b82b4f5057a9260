import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';
import { api, plain } from './persona';
import { choosePassword, createAccount } from './sign-in';
import { escapeRe, partOf } from './listing-names';

/*
 * Issue 19, a partner posts an event from /espace in one form: a recurring workshop at a coworking of the
 * directory, organised by the incubator they manage, co-organised by another listing. They are moderated: the
 * event waits; the editor reads who organises it and accepts; it is then in the agenda, on the organiser's page
 * and on its own page with both organisers. Desktop and phone screenshots of the form.
 */

interface Listing {
	id: number;
	slug: string;
	name: string;
}
const PARTNER = { email: 'agenda.partenaire@exemple.fr', name: 'Paule Partenaire' };
const EVENT_NAME = 'Atelier pitch des Combrailles (test)';
/** A name typed in a picker, then chosen among its suggestions. */
async function pick(picker: Locator, name: string): Promise<void> {
	await picker.getByRole('combobox').fill(name);
	await picker
		.getByRole('option', { name: new RegExp(`^${escapeRe(name)}\\b`) })
		.first()
		.click();
}
/** Listings of a category whose name's typed part is theirs alone (the picker then offers one). */
async function distinct(category: string): Promise<Listing[]> {
	const items = (await api<{ items: Listing[] }>(`/api/v1/entities?category=${category}&limit=40`)).items;
	return items.filter((s) => items.filter((o) => partOf(o.name) === partOf(s.name)).length === 1);
}

describe('un partenaire publie un événement récurrent depuis son espace', () => {
	let browser: Browser;
	let admin: Page;
	let partner: Page;
	let incubator: Listing;
	let coOrganiser: Listing;
	let coworking: Listing;

	beforeAll(async () => {
		browser = await launchBrowser();
		incubator = (await distinct('incubator'))[0]!;
		coOrganiser = (await distinct('support_network'))[0]!;
		coworking = (await distinct('coworking'))[0]!;
		admin = await newPage(browser);
		await choosePassword(admin, createAccount('admin', 'agenda.admin@exemple.fr', 'Adèle Admin'));
		const invitation = createAccount('partner', PARTNER.email, PARTNER.name);
		await admin.goto('/admin/utilisateurs');
		const card = admin.locator(`[data-testid="partner-listings"][data-email="${PARTNER.email}"]`);
		if (!(await card.isVisible()))
			await admin
				.locator(`[data-testid="user-row"][data-email="${PARTNER.email}"]`)
				.getByRole('link', { name: /^Fiches gérées par/ })
				.click();
		await pick(card.getByTestId(/^grant-picker-/), incubator.name);
		await card.getByRole('button', { name: 'Confier' }).click();
		await card.getByTestId('listings-done').waitFor();
		partner = await newPage(browser);
		await choosePassword(partner, invitation);
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
	});

	it('remplit le formulaire en une fois ; l’événement attend la relecture', async () => {
		await partner.goto('/espace');
		await partner.getByTestId('espace-post-event').click();
		await partner.waitForURL('**/espace/evenements/nouveau');
		const form = partner.getByTestId('new-event-form');
		await form.getByLabel('Nom').fill(EVENT_NAME);
		await form.getByLabel('Catégorie').selectOption({ label: 'Formation' });
		await form.getByLabel('Résumé').fill('Deux heures pour préparer son pitch, entre porteurs de projet.');
		expect(await form.getByLabel('Organisé par').locator('option').allInnerTexts()).toEqual([incubator.name]);
		await pick(form.getByTestId('co-organiser-1'), coOrganiser.name);
		await form.getByLabel('Début', { exact: true }).fill('2027-04-15T18:00');
		await form.getByLabel('Fin', { exact: true }).fill('2027-04-15T20:00');
		await form.getByLabel('Se répète').selectOption({ label: 'Chaque mois, au même rang (par exemple le 1er jeudi)' });
		await pick(form.getByTestId('venue-picker'), coworking.name);
		await form.getByLabel('Tarif').fill('Gratuit sur inscription');
		await form.getByLabel('Gratuit ?').selectOption({ label: 'Oui, gratuit' });
		await form.getByRole('group', { name: 'Pour quels stades de projet (facultatif)' }).getByLabel('Création').check();
		await form.getByLabel("Lien d'inscription").fill('https://billetterie.exemple.fr/pitch');
		await screenshot(partner, 'event-post-form-desktop');
		await partner.setViewportSize({ width: 390, height: 844 });
		expect(await partner.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await screenshot(partner, 'event-post-form-phone');
		await partner.setViewportSize({ width: 1280, height: 900 });
		await form.getByRole('button', { name: 'Publier l’événement' }).click();
		expect(plain(await partner.getByTestId('new-event-done').innerText())).toMatch(/publié après relecture par la rédaction, avec ses organisateurs/);
		// Nothing public yet.
		expect((await api<{ items: Listing[] }>(`/api/v1/entities?kind=event&q=${encodeURIComponent('pitch Combrailles')}`)).items).toEqual([]);
	});

	it('l’éditrice lit qui l’organise et l’accepte ; il est dans l’agenda, sur la page de l’incubateur et sur la sienne', async () => {
		await admin.goto('/moderation');
		const item = admin.getByTestId('queue-item').filter({ has: admin.getByRole('heading', { name: `Nouvelle fiche\u00a0: ${EVENT_NAME}` }) });
		expect(plain(await item.locator('[data-testid="change"][data-field="organisers"]').innerText())).toContain(
			`Organisé par\t—\t${plain(incubator.name)}, ${plain(coOrganiser.name)}`
		);
		// The venue by its name, the commune by its name, the repeat in words (the rule beside it).
		expect(plain(await item.locator('[data-testid="change"][data-field="venueId"]').innerText())).toContain(plain(coworking.name));
		expect(await item.locator('[data-testid="change"][data-field="recurrence"]').innerText()).toContain(
			'tous les troisièmes jeudis du mois (FREQ=MONTHLY;BYDAY=3TH)'
		);
		await screenshot(admin, 'event-post-moderation');
		await item.getByRole('button', { name: 'Accepter' }).click();
		expect(await admin.getByTestId('moderation-done').innerText()).toMatch(/acceptée/);

		// The list names who organises it, both linked.
		await partner.goto(`/agenda?stage=creation&q=${encodeURIComponent('pitch Combrailles')}`);
		const listed = partner.getByTestId('agenda-event').filter({ hasText: EVENT_NAME }).first();
		expect(plain(await listed.getByTestId('agenda-organisers').innerText())).toBe(`Organisé par ${plain(incubator.name)}, ${plain(coOrganiser.name)}`);
		await partner.goto('/agenda?stage=creation&view=month&month=2027-05');
		// Every third Thursday from 15 April: 20 May 2027.
		const may = partner.locator('td[data-day="2027-05-20"]');
		expect((await may.getByTestId('month-event').allInnerTexts()).some((t) => t.includes(EVENT_NAME))).toBe(true);
		await partner.getByRole('link', { name: EVENT_NAME }).first().click();
		await partner.waitForURL(/\/acteurs\/atelier-pitch-des-combrailles-test$/);
		expect(await partner.getByTestId('event-repeats').innerText()).toMatch(/^tous les troisièmes jeudis du mois/);
		const main = plain(await partner.locator('main').innerText());
		expect(main).toContain(plain(incubator.name));
		expect(main).toContain(plain(coOrganiser.name));
		expect(main).toContain(plain(coworking.name));
		await screenshot(partner, 'event-post-public-page');
		await partner.goto(`/acteurs/${incubator.slug}`);
		expect(await partner.getByTestId('actor-events-upcoming').innerText()).toContain(EVENT_NAME);
	});

	it('donne l’adresse du calendrier de son incubateur : refusée si elle vise le réseau privé, relevée sinon, et l’erreur dite en français', async () => {
		await partner.goto('/espace');
		await partner.getByTestId('espace-feeds').click();
		await partner.waitForURL('**/espace/agendas');
		expect(await partner.getByLabel('Structure qui organise les événements').locator('option').allInnerTexts()).toEqual([incubator.name]);
		// The app never fetches an address of the private network (here, the machine itself).
		await partner.getByLabel('Adresse du calendrier (.ics ou webcal://)').fill('http://127.0.0.1:8080/agenda.ics');
		await partner.getByRole('button', { name: 'Ajouter l’agenda' }).click();
		expect(plain(await partner.getByTestId('feed-add-error').innerText())).toMatch(/privé|local/);
		expect(await partner.getByTestId('feeds').count()).toBe(0);
		// A public address (a name that cannot exist: .invalid) is kept, then polled on demand: the error is said.
		await partner.getByLabel('Adresse du calendrier (.ics ou webcal://)').fill('webcal://agenda.incubateur.invalid/public.ics');
		await partner.getByRole('button', { name: 'Ajouter l’agenda' }).click();
		const row = partner.getByTestId('feed').filter({ hasText: 'https://agenda.incubateur.invalid/public.ics' });
		expect(plain(await row.innerText())).toContain('Jamais relevé');
		await row.getByRole('button', { name: 'Relever maintenant' }).click();
		await partner.getByTestId('feed').filter({ hasText: 'Erreur' }).waitFor();
		await screenshot(partner, 'event-post-feeds');
		await partner.getByTestId('feed').getByRole('link').first().click();
		await partner.waitForURL(/\/espace\/agendas\/\d+$/);
		expect(await partner.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Agenda de l’Incubateur|^Agenda d’|^Agenda de /);
		expect(plain(await partner.getByTestId('feed-error').innerText())).toMatch(/introuvable|Serveur/);
		expect(await partner.getByTestId('feed-events').count()).toBe(0);
		await screenshot(partner, 'event-post-feed-page');
	});
});
