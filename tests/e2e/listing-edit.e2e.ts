import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { baseUrl, drawnShare, launchBrowser, newPage, screenshot } from './browser';
import { choosePassword, createAccount, logIn } from './sign-in';
import { offerLabel, stageLabel } from '../../src/lib/domain/vocabulary';
import { escapeRe, partOf } from './listing-names';

/*
 * Issue 14: a moderated partner keeps every field of their listings current. On a third-place they tick a
 * stage and an offer, type its opening hours and drag its pin on the map; on an event they move its date.
 * An editor approves both in /moderation; then the finder (/parcours), the agenda (agenda.ics and the
 * event's page) and the map (its points) show the change. The edit is timed as a person would do it.
 */

const ADMIN = { email: 'ines.editrice@exemple.fr', name: 'Inès Éditrice' };
const PARTNER = { email: 'paul.lieu@exemple.fr', name: 'Paul Tiers-Lieu' };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

interface Listing {
	id: number;
	slug: string;
	name: string;
	kind: string;
	stages: string[];
	offers: string[];
	communeCode: string;
	lon: number;
	lat: number;
	startsAt?: string;
}
interface RouteAnswer {
	steps: { stage: string; options: { structure: { id: number } }[] }[];
}

async function api<T>(path: string): Promise<T> {
	return (await (await fetch(`${baseUrl()}${path}`)).json()) as T;
}

async function grant(admin: Page, listing: Listing): Promise<void> {
	await admin.goto('/admin/utilisateurs');
	const card = admin.locator(`[data-testid="partner-listings"][data-email="${PARTNER.email}"]`);
	if (!(await card.isVisible())) {
		await admin
			.locator(`[data-testid="user-row"][data-email="${PARTNER.email}"]`)
			.getByRole('link', { name: /^Fiches gérées par/ })
			.click();
	}
	const picker = card.getByTestId(/^grant-picker-/);
	await picker.getByRole('combobox').fill(partOf(listing.name));
	await picker
		.getByRole('option', { name: new RegExp(`^${escapeRe(listing.name)}\\b`) })
		.first()
		.click();
	await card.getByRole('button', { name: 'Confier' }).click();
	await admin.locator(`[data-testid="partner-listings"][data-email="${PARTNER.email}"]`).getByTestId('listings-done').waitFor();
}

interface LonLat {
	lon: number;
	lat: number;
}
/** Great-circle kilometres (haversine, the mean earth radius): the test's own measure, not the app's. */
function kmBetween(a: LonLat, b: LonLat): number {
	const rad = Math.PI / 180;
	const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
	return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

/** The finder's options from the place's own commune, for a stage and a need. */
async function finderOffers(place: Listing, stage: string, need: string): Promise<number[]> {
	const r = await api<RouteAnswer>(`/api/v1/pathways/route?stage=${stage}&commune=${place.communeCode}&need=${need}`);
	return r.steps.filter((s) => s.stage === stage).flatMap((s) => s.options.map((o) => o.structure.id));
}

describe('une fiche tenue à jour par son partenaire, de tous ses champs', () => {
	let browser: Browser;
	let admin: Page;
	let partner: Page;
	let place: Listing;
	let event: Listing;
	let stage = '';
	let offer = '';
	let editSeconds = 0;

	beforeAll(async () => {
		browser = await launchBrowser();
		const coworkings = (await api<{ items: Listing[] }>('/api/v1/entities?category=coworking&limit=20')).items;
		place = await api<Listing>(`/api/v1/entities/${coworkings.find((c) => coworkings.filter((o) => partOf(o.name) === partOf(c.name)).length === 1)!.slug}`);
		const events = (await api<{ items: Listing[] }>('/api/v1/entities?kind=event&limit=20')).items;
		event = await api<Listing>(`/api/v1/entities/${events.find((e) => events.filter((o) => partOf(o.name) === partOf(e.name)).length === 1)!.slug}`);
		// The finder proposes coworkings at the « émergence » step, for hosting, equipment, networking or
		// expertise: a stage and an offer of that step the place does not declare yet.
		stage = 'emergence';
		offer = ['equipment', 'expertise'].find((o) => !place.offers.includes(o))!;
		expect(place.stages).not.toContain(stage);

		admin = await newPage(browser);
		await choosePassword(admin, createAccount('admin', ADMIN.email, ADMIN.name));
		const invitation = createAccount('partner', PARTNER.email, PARTNER.name);
		await grant(admin, place);
		await grant(admin, event);
		partner = await newPage(browser);
		await choosePassword(partner, invitation);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('le tiers-lieu : stade, offre, horaires et repère déplacé, en moins de deux minutes', async () => {
		expect(await finderOffers(place, stage, offer)).not.toContain(place.id);
		const started = Date.now();
		await partner.goto(`/espace/fiches/${place.id}`);
		const form = partner.getByRole('form', { name: 'Champs de la fiche' });
		// One fieldset per subject, the kind's own ones included.
		for (const legend of ['Présentation', 'Catégorie et secteurs', 'Stades et offres', 'Lieu', 'Horaires et accès', 'Contact public']) {
			expect(await form.getByRole('group', { name: legend, exact: true }).count(), legend).toBe(1);
		}
		expect(await form.getByRole('group', { name: "Dates de l'événement" }).count()).toBe(0);
		await form.getByRole('group', { name: 'Stades des projets accompagnés' }).getByLabel(stageLabel(stage)).check();
		await form.getByRole('group', { name: "Offres d'accompagnement" }).getByLabel(offerLabel(offer)).check();
		await form.getByLabel("Horaires d'ouverture").fill('Mo-Fr 09:00-18:00; Sa 10:00-13:00; PH off');
		await form.getByLabel('Accès en transports en commun').fill('Bus ligne 3, arrêt Mairie');

		// The pin: a mouse drag on the map, as a person does it.
		await partner.waitForFunction(() => (window as unknown as { __pinMap?: { idle: boolean } }).__pinMap?.idle === true, null, { timeout: 30_000 });
		expect(await drawnShare(partner, '[data-testid="pin-map"] canvas')).toBeGreaterThan(0.05);
		const marker = partner.getByTestId('pin-marker');
		await marker.scrollIntoViewIfNeeded();
		const box = (await marker.boundingBox())!;
		const from = { x: box.x + box.width / 2, y: box.y + box.height - 4 };
		await partner.mouse.move(from.x, from.y);
		await partner.mouse.down();
		for (let i = 1; i <= 10; i++) await partner.mouse.move(from.x + 6 * i, from.y + 4 * i);
		await partner.mouse.up();
		expect(await partner.getByTestId('pin-state').innerText()).toMatch(/placée à la main/);
		const lon = Number(await form.locator('input[name="lon"]').inputValue());
		const lat = Number(await form.locator('input[name="lat"]').inputValue());
		expect(lon).toBeGreaterThan(place.lon);
		expect(lat).toBeLessThan(place.lat);
		await screenshot(partner, 'listing-edit-place-desktop');

		await form.getByRole('button', { name: 'Enregistrer' }).click();
		const done = form.getByTestId('edit-done');
		expect(await done.innerText()).toMatch(/publiée après relecture.*Position enregistrée où vous avez placé le repère/s);
		editSeconds = (Date.now() - started) / 1000;
		// The form shows the proposal; nothing public yet.
		expect(await form.getByRole('group', { name: 'Stades des projets accompagnés' }).getByLabel(stageLabel(stage)).isChecked()).toBe(true);
		expect(await partner.locator('[data-testid="pending-field"][data-field="stages"]').innerText()).toMatch(/en attente de validation/);
		expect((await api<Listing>(`/api/v1/entities/${place.slug}`)).stages).toEqual(place.stages);

		await partner.setViewportSize(PHONE);
		await partner.reload();
		await partner.waitForFunction(() => (window as unknown as { __pinMap?: { idle: boolean } }).__pinMap?.idle === true, null, { timeout: 30_000 });
		await screenshot(partner, 'listing-edit-place-phone');
		expect(await partner.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await partner.setViewportSize(DESKTOP);
		console.log(`[listing-edit] édition du tiers-lieu (4 champs + repère), page ouverte → enregistrée : ${editSeconds.toFixed(1)} s (automate)`);
	});

	it("l'événement : nouvelle date, tapée à l'heure de Paris", async () => {
		await partner.goto(`/espace/fiches/${event.id}`);
		const form = partner.getByRole('form', { name: 'Champs de la fiche' });
		expect(await form.getByRole('group', { name: 'Stades et offres' }).count()).toBe(0);
		await form.getByLabel('Début', { exact: true }).fill('2027-05-20T18:30');
		await form.getByLabel('Fin', { exact: true }).fill('2027-05-20T21:00');
		await form.getByLabel("Lien d'inscription").fill('https://billetterie.exemple.fr/rencontre');
		// Issue 19: it comes back every third Thursday (20 May 2027 is one), not in August, at the coworking.
		await form.getByLabel('Se répète').selectOption({ label: 'Chaque mois, au même rang (par exemple le 1er jeudi)' });
		await form.getByLabel('Dates sautées (facultatif)').fill('19/08/2027');
		await form.getByLabel('Sur place ou en ligne').selectOption({ label: 'Sur place et en ligne' });
		await form.getByLabel('Tarif').fill('Prix libre');
		await form.getByLabel('Gratuit ?').selectOption({ label: 'Non, payant' });
		await form.getByRole('group', { name: 'Pour quels stades de projet (facultatif)' }).getByLabel('Création').check();
		const venue = form.getByTestId('venue-picker');
		await venue.getByRole('combobox').fill(partOf(place.name));
		await venue
			.getByRole('option', { name: new RegExp(`^${escapeRe(place.name)}\\b`) })
			.first()
			.click();
		await screenshot(partner, 'listing-edit-event-desktop');
		await form.getByRole('button', { name: 'Enregistrer' }).click();
		expect(await form.getByTestId('edit-done').innerText()).toMatch(/publiée après relecture/);
		expect(await form.getByLabel('Début', { exact: true }).inputValue()).toBe('2027-05-20T18:30');
		expect(await form.getByLabel('Se répète').inputValue()).toBe('monthly_nth');
		expect(await form.getByTestId('repeat-words').innerText()).toBe("Aujourd'hui\u00a0: tous les troisièmes jeudis du mois.");
		await partner.setViewportSize(PHONE);
		await screenshot(partner, 'listing-edit-event-phone');
		expect(await partner.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await partner.setViewportSize(DESKTOP);
	});

	it("l'éditrice accepte ; le chercheur de parcours, l'agenda et la carte montrent les changements", async () => {
		await admin.goto('/moderation');
		for (const name of [place.name, event.name]) {
			const item = admin
				.getByTestId('queue-item')
				.filter({ has: admin.getByRole('heading', { name: new RegExp(`^Modification de la fiche ${escapeRe(name)}`) }) });
			await item.getByRole('button', { name: 'Accepter' }).click();
			expect(await admin.getByTestId('moderation-done').innerText()).toMatch(/acceptée/);
		}

		// The finder: the place now serves that stage with that offer.
		expect(await finderOffers(place, stage, offer)).toContain(place.id);
		await partner.goto(`/parcours?stage=${stage}&commune=${place.communeCode}&need=${offer}`);
		expect(await partner.getByTestId('option-name').allInnerTexts()).toContain(place.name);

		// The map: its point is where the pin was dropped, placed by hand (not « approximate »).
		const after = await api<Listing & { coordPrecision?: string }>(`/api/v1/entities/${place.slug}`);
		expect(after.lon).not.toBe(place.lon);
		const points = await api<{ points: [number, number, number, number, number][] }>('/api/v1/map/points?kind=third_place');
		const mine = points.points.find((p) => p[0] === place.id)!;
		expect([mine[1], mine[2]]).toEqual([expect.closeTo(after.lon, 4), expect.closeTo(after.lat, 4)]);

		// The public page: hours and access.
		await partner.goto(`/acteurs/${place.slug}`);
		expect(await partner.getByTestId('open-now').innerText()).toMatch(/^(Ouvert maintenant|Fermé en ce moment)$/);
		expect(await partner.getByTestId('opening-hours').getByRole('row').count()).toBe(7);
		expect(await partner.getByTestId('access-info').innerText()).toContain('Bus ligne 3, arrêt Mairie');
		// Its manager is offered to edit it, not to ask to manage it.
		expect(await partner.getByRole('link', { name: 'Modifier cette fiche' }).count()).toBe(1);
		expect(await partner.getByTestId('claim-prompt').count()).toBe(0);
		await screenshot(partner, 'listing-edit-public-place');

		// The agenda: the feed of its filters (the stage it suits) and the event's page give the new date, at 18:30
		// Paris time, and its repeat; ical.js (an independent parser) expands it at 18:30 after the autumn change too.
		const ics = await (await fetch(`${baseUrl()}/agenda.ics?stage=creation`)).text();
		expect(ics).toMatch(new RegExp(`UID:${escapeRe(event.slug)}@connecteur-carto\\r\\nDTSTAMP:\\w+\\r\\nDTSTART;TZID=Europe/Paris:20270520T183000`));
		const vevent = new ICAL.Component(ICAL.parse(ics))
			.getAllSubcomponents('vevent')
			.find((v) => v.getFirstPropertyValue('uid') === `${event.slug}@connecteur-carto`)!;
		expect(vevent.getFirstPropertyValue('rrule')!.toString()).toBe('FREQ=MONTHLY;BYDAY=3TH');
		const dates = new ICAL.Event(vevent).iterator();
		const utc: string[] = [];
		for (let next = dates.next(); next && utc.length < 7; next = dates.next()) utc.push(next.toJSDate().toISOString());
		expect(utc).toContain('2027-06-17T16:30:00.000Z'); // summer: UTC+2
		expect(utc).toContain('2027-11-18T17:30:00.000Z'); // winter: UTC+1
		expect(vevent.getFirstPropertyValue('exdate')!.toString()).toBe('2027-08-19T18:30:00');
		await partner.goto(`/acteurs/${event.slug}`);
		expect(await partner.getByTestId('event-dates').innerText()).toMatch(/20\smai\s2027,\sde\s18\sh\s30\sà\s21\sh/);
		expect(await partner.getByTestId('event-repeats').innerText()).toMatch(/^tous les troisièmes jeudis du mois\nsauf le 19 août 2027$/);
		expect(await partner.getByTestId('event-attendance').innerText()).toBe('Sur place et en ligne');
		expect(await partner.getByTestId('event-price').innerText()).toBe('Prix libre');
		expect(await partner.getByRole('link', { name: "S'inscrire" }).getAttribute('href')).toBe('https://billetterie.exemple.fr/rencontre');
		await screenshot(partner, 'listing-edit-public-event');

		// The coworking's page lists it among its upcoming events; the agenda's month shows it on 17 June.
		await partner.goto(`/acteurs/${place.slug}`);
		expect(await partner.getByTestId('actor-events-upcoming').innerText()).toContain(event.name);
		await partner.goto('/agenda?view=month&month=2027-06&stage=creation');
		const june = partner.locator('td[data-day="2027-06-17"]');
		expect((await june.getByTestId('month-event').allInnerTexts()).some((t) => t.includes(event.name))).toBe(true);
		await screenshot(partner, 'agenda-month-partner-event');

		// The finder, for a project at the creation stage in the coworking's commune: « Prochaines rencontres près
		// de chez vous » are the five soonest events of that stage held within 60 km (read here from the public API
		// and measured by the test), the partner's among them.
		const origin = (await api<{ origin: { lon: number; lat: number } }>(`/api/v1/pathways/route?stage=creation&commune=${place.communeCode}`)).origin;
		type EventDate = { id: number; name: string; lon: number | null; lat: number | null; attendance: string | null };
		const creationDates: EventDate[] = [];
		for (let offset: number | null = 0; offset !== null;) {
			const answer: { items: EventDate[]; next: number | null } = await api(`/api/v1/events?stage=creation&limit=200&offset=${offset}`);
			creationDates.push(...answer.items);
			offset = answer.next;
		}
		const near = [
			...new Map(
				creationDates
					.filter((d) => d.lon !== null && d.lat !== null && d.attendance !== 'online' && kmBetween(origin, d as LonLat) <= 60)
					.map((d) => [d.id, d.name])
			).values()
		];
		expect(near.slice(0, 5)).toContain(event.name);
		await partner.goto(`/parcours?stage=creation&commune=${place.communeCode}`);
		const meetings = partner.getByTestId('finder-meetings');
		expect(await meetings.getByRole('heading').innerText()).toBe('Prochaines rencontres près de chez vous');
		expect(await meetings.getByTestId('finder-meeting').getByRole('link').allInnerTexts()).toEqual(near.slice(0, 5));
		await meetings.scrollIntoViewIfNeeded();
		await screenshot(partner, 'finder-next-meetings');
	});

	it("l'éditrice ouvre le même formulaire depuis la page publique, avec ses champs en plus", async () => {
		await admin.goto(`/acteurs/${place.slug}`);
		await admin.getByTestId('edit-listing').click();
		await admin.waitForURL(`**/espace/fiches/${place.id}`);
		const form = admin.getByRole('form', { name: 'Champs de la fiche' });
		const editorial = form.getByTestId('editor-fields');
		expect(await editorial.getByLabel('Statut').inputValue()).toBe('published');
		await editorial.getByLabel('Vérifiée le').fill('2026-11-30');
		await form.getByRole('button', { name: 'Enregistrer' }).click();
		expect(await form.getByTestId('edit-done').innerText()).toBe('Modification publiée.');
		expect((await api<{ lastVerifiedAt: string }>(`/api/v1/entities/${place.slug}`)).lastVerifiedAt).toBe('2026-11-30');
		// The partner's page has no such fields, and no « Modifier » link for anyone else.
		await partner.goto(`/espace/fiches/${place.id}`);
		expect(await partner.getByTestId('editor-fields').count()).toBe(0);
		const visitor = await newPage(browser);
		await visitor.goto(`/acteurs/${place.slug}`);
		expect(await visitor.getByTestId('edit-listing').count()).toBe(0);
	});

	it('sans JavaScript : commune tapée, adresse géocodée par la BAN à l’enregistrement, et la réponse dit où la fiche est placée', async () => {
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: PHONE, javaScriptEnabled: false });
		const page = await context.newPage();
		page.setDefaultTimeout(15_000);
		await logIn(page, PARTNER.email);
		await page.goto(`/espace/fiches/${place.id}`);
		const form = page.getByRole('form', { name: 'Champs de la fiche' });
		expect(await page.getByTestId('pin-map').count()).toBe(0);
		await form.getByLabel('Adresse', { exact: true }).fill('1 Place de Jaude');
		await form.getByRole('combobox', { name: 'Commune' }).fill('clermont-ferrand');
		await form.getByRole('button', { name: 'Enregistrer' }).click();
		expect(await form.getByTestId('edit-done').innerText()).toMatch(
			/Adresse trouvée dans la Base Adresse Nationale : la fiche est placée à «\s1 Place de Jaude/
		);
		expect(await form.getByRole('combobox', { name: 'Commune' }).inputValue()).toBe('Clermont-Ferrand');
		await screenshot(page, 'listing-edit-nojs-phone');
		await context.close();
	});
});
