import ICAL from 'ical.js';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';
import { api, personaContext, plain } from './persona';
import { choosePassword, createAccount } from './sign-in';
import { escapeRe, partOf } from './listing-names';

/*
 * Issue 19's « done when »: from a phone, a partner posts « Apéro des créateurs, chaque 1er jeudi » at a third-place
 * of Thiers, organised by the incubator they manage and co-organised by another listing. They are moderated: the
 * event waits; the editor reads who organises it and accepts. It is then in the agenda (list and month, with its
 * organisers), on the map, in the matching subscribed calendars (read back by ical.js), on the organiser's page,
 * and proposed to a new entrepreneur of Ambert (Livradois-Forez) by the finder. Then the partner gives their
 * calendar's address instead of typing their events. Phone screenshots of the partner's steps, desktop of the editor's.
 */

interface Listing {
	id: number;
	slug: string;
	name: string;
}
const PARTNER = { email: 'agenda.partenaire@exemple.fr', name: 'Paule Partenaire' };
const EVENT_NAME = 'Apéro des créateurs de Thiers (test)';
const EVENT_SLUG = 'apero-des-createurs-de-thiers-test';
/** Ambert, in the Livradois-Forez: where the new entrepreneur starts. */
const AMBERT = '63003';
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
	let venue: Listing;

	beforeAll(async () => {
		browser = await launchBrowser();
		incubator = (await distinct('incubator'))[0]!;
		coOrganiser = (await distinct('support_network'))[0]!;
		// A third-place of Thiers (the demo's), the venue.
		const places = (await api<{ items: (Listing & { communeCode: string })[] }>('/api/v1/entities?kind=third_place&limit=200')).items;
		venue = places.find((p) => p.communeCode === '63430')!;
		expect(venue, 'un tiers-lieu à Thiers dans la démo').toBeDefined();
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
		// The partner is on a phone.
		({ page: partner } = await personaContext(browser, 'phone'));
		await choosePassword(partner, invitation);
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
	});

	it('sur son téléphone, remplit le formulaire en une fois ; l’événement attend la relecture', async () => {
		await partner.goto('/espace');
		await partner.getByTestId('espace-post-event').click();
		await partner.waitForURL('**/espace/evenements/nouveau');
		const form = partner.getByTestId('new-event-form');
		await form.getByLabel('Nom').fill(EVENT_NAME);
		await form.getByLabel('Catégorie').selectOption({ label: 'Rencontre' });
		await form.getByLabel('Résumé').fill('Un verre entre porteurs de projet, chaque premier jeudi du mois.');
		expect(await form.getByLabel('Organisé par').locator('option').allInnerTexts()).toEqual([incubator.name]);
		await pick(form.getByTestId('co-organiser-1'), coOrganiser.name);
		// Thursday 7 January 2027, then every first Thursday.
		await form.getByLabel('Début', { exact: true }).fill('2027-01-07T18:30');
		await form.getByLabel('Fin', { exact: true }).fill('2027-01-07T21:00');
		await form.getByLabel('Se répète').selectOption({ label: 'Chaque mois, au même rang (par exemple le 1er jeudi)' });
		await pick(form.getByTestId('venue-picker'), venue.name);
		await form.getByLabel('Gratuit ?').selectOption({ label: 'Oui, gratuit' });
		await form.getByRole('group', { name: 'Pour quels stades de projet (facultatif)' }).getByLabel('Création').check();
		await form.getByLabel("Lien d'inscription").fill('https://billetterie.exemple.fr/apero');
		expect(await partner.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await screenshot(partner, 'event-post-form-phone');
		await form.getByRole('button', { name: 'Publier l’événement' }).click();
		expect(plain(await partner.getByTestId('new-event-done').innerText())).toMatch(/publié après relecture par la rédaction, avec ses organisateurs/);
		await screenshot(partner, 'event-post-sent-phone');
		// Nothing public yet.
		expect((await fetch(`${baseUrl()}/api/v1/entities/${EVENT_SLUG}`)).status).toBe(404);
	});

	it('l’éditrice l’accepte ; il est dans l’agenda, sur la carte, dans les calendriers abonnés, et proposé à qui crée à Ambert', async () => {
		await admin.goto('/moderation');
		const item = admin.getByTestId('queue-item').filter({ has: admin.getByRole('heading', { name: `Nouvelle fiche\u00a0: ${EVENT_NAME}` }) });
		expect(plain(await item.locator('[data-testid="change"][data-field="organisers"]').innerText())).toContain(
			`Organisé par\t—\t${plain(incubator.name)}, ${plain(coOrganiser.name)}`
		);
		// The venue by its name, the repeat in words (the rule beside it).
		expect(plain(await item.locator('[data-testid="change"][data-field="venueId"]').innerText())).toContain(plain(venue.name));
		expect(await item.locator('[data-testid="change"][data-field="recurrence"]').innerText()).toContain(
			'tous les premiers jeudis du mois (FREQ=MONTHLY;BYDAY=1TH)'
		);
		await screenshot(admin, 'event-post-moderation');
		await item.getByRole('button', { name: 'Accepter' }).click();
		expect(await admin.getByTestId('moderation-done').innerText()).toMatch(/acceptée/);

		// The agenda's list names who organises it, both linked; the month shows it on 6 May 2027 (a first Thursday).
		await partner.goto(`/agenda?stage=creation&q=${encodeURIComponent('Apéro créateurs Thiers')}`);
		const listed = partner.getByTestId('agenda-event').filter({ hasText: EVENT_NAME }).first();
		expect(plain(await listed.getByTestId('agenda-organisers').innerText())).toBe(`Organisé par ${plain(incubator.name)}, ${plain(coOrganiser.name)}`);
		expect(plain(await listed.innerText())).toContain(plain(venue.name));
		await screenshot(partner, 'event-post-agenda-phone');
		await admin.goto('/agenda?stage=creation&view=month&month=2027-05');
		const may = admin.locator('td[data-day="2027-05-06"]');
		expect((await may.getByTestId('month-event').allInnerTexts()).some((t) => t.includes(EVENT_NAME))).toBe(true);

		// On the map: at its venue, in Thiers.
		const event = await api<Listing & { lon: number; lat: number; communeName: string }>(`/api/v1/entities/${EVENT_SLUG}`);
		const points = await api<{ points: [number, number, number, number, number][] }>('/api/v1/map/points?kind=event');
		expect(points.points.find((p) => p[0] === event.id)).toBeDefined();
		expect(event.communeName).toBe('Thiers');

		// Every matching subscription has it, every first Thursday at 18:30 Paris time (ical.js reads them back).
		for (const filters of ['stage=creation', 'territory=63', 'free=1', 'category=meetup&stage=creation']) {
			const ics = await (await fetch(`${baseUrl()}/agenda.ics?${filters}`)).text();
			const vevent = new ICAL.Component(ICAL.parse(ics))
				.getAllSubcomponents('vevent')
				.find((v) => v.getFirstPropertyValue('uid') === `${EVENT_SLUG}@connecteur-carto`);
			expect(vevent, filters).toBeDefined();
			expect(vevent!.getFirstPropertyValue('rrule')!.toString()).toBe('FREQ=MONTHLY;BYDAY=1TH');
			expect(vevent!.getFirstPropertyValue('dtstart')!.toString()).toBe('2027-01-07T18:30:00');
		}
		const other = await (await fetch(`${baseUrl()}/agenda.ics?territory=15`)).text();
		expect(other).not.toContain(`${EVENT_SLUG}@connecteur-carto`);

		// Its page and its organiser's.
		await partner.goto(`/acteurs/${EVENT_SLUG}`);
		expect(await partner.getByTestId('event-repeats').innerText()).toMatch(/^tous les premiers jeudis du mois/);
		const main = plain(await partner.locator('main').innerText());
		for (const name of [incubator.name, coOrganiser.name, venue.name]) expect(main).toContain(plain(name));
		await screenshot(partner, 'event-post-public-page-phone');
		await partner.goto(`/acteurs/${incubator.slug}`);
		expect(await partner.getByTestId('actor-events-upcoming').innerText()).toContain(EVENT_NAME);
		// The incubator's own calendar to subscribe to, and its events in the agenda.
		const links = partner.getByTestId('actor-events-links');
		expect(await links.getByRole('link', { name: 'S’abonner à ses événements' }).getAttribute('href')).toBe(
			`webcal://${new URL(baseUrl()).host}/agenda.ics?organiser=${incubator.slug}`
		);
		expect(await (await fetch(`${baseUrl()}/agenda.ics?organiser=${incubator.slug}`)).text()).toContain(`UID:${EVENT_SLUG}@connecteur-carto`);
		await links.getByRole('link', { name: 'Ses événements dans l’agenda' }).click();
		await partner.waitForURL(/\/agenda\?organiser=/);
		expect(plain(await partner.getByTestId('agenda-organiser').innerText())).toContain(plain(incubator.name));
		expect(await partner.getByTestId('agenda-event').filter({ hasText: EVENT_NAME }).count()).toBeGreaterThan(0);

		// A new entrepreneur of Ambert, at the creation stage: the finder proposes it among the next meetings near by.
		await partner.goto(`/parcours?commune=${AMBERT}&stage=creation`);
		const meetings = partner.getByTestId('finder-meetings');
		expect(await meetings.getByTestId('finder-meeting').getByRole('link').allInnerTexts()).toContain(EVENT_NAME);
		await meetings.scrollIntoViewIfNeeded();
		await screenshot(partner, 'event-post-finder-phone');
	});

	it('donne l’adresse du calendrier de son incubateur : refusée si elle vise le réseau privé, relevée sinon, et l’erreur dite en français', async () => {
		// Back at the office: the calendar's address is copied from a desktop calendar application.
		await partner.setViewportSize({ width: 1280, height: 900 });
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
