import type { Browser, Page } from 'playwright-core';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, colourCount, drawnShare, launchBrowser, newPage, screenshot } from './browser';
import { mondayOf } from '../../src/lib/domain/calendar-days';

/** Today in Paris, as the agenda counts days. */
const parisToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

describe('agenda', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
	});
	afterAll(async () => {
		await browser?.close();
	});

	const events = () => page.getByTestId('agenda-event');
	const countText = async () => (await page.getByTestId('agenda-count').innerText()).trim();

	it('opens from the menu on the upcoming events, week by week, each with its date, place and page', async () => {
		await page.goto('/');
		await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Agenda', exact: true }).click();
		await page.waitForURL(/\/agenda$/);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Agenda');
		const n = await events().count();
		expect(n).toBeGreaterThan(0);
		expect(await countText()).toBe(`${n} événement${n > 1 ? 's' : ''} à venir`);
		// Weeks in order, each headed in French (« Cette semaine », « Semaine du 21 décembre »…).
		const weeks = await page.locator('[data-week]').evaluateAll((els) => els.map((e) => e.getAttribute('data-week') ?? ''));
		expect(weeks).toEqual([...weeks].sort());
		expect(weeks[0]! >= mondayOf(parisToday())).toBe(true);
		const headings = await page.locator('[data-week] h3').allInnerTexts();
		for (const h of headings) expect(h).toMatch(/^(Cette semaine|La semaine prochaine|Semaine du (1er|\d{1,2}) [a-zéû]+( \d{4})?)$/);
		expect(await events().first().locator('.when').innerText()).toMatch(/^(le|du) /);
		await screenshot(page, 'agenda');

		const first = events().first().locator('.what a');
		const name = await first.innerText();
		await first.click();
		await page.waitForURL(/\/acteurs\/[a-z0-9-]+$/);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(name);
		// « Ajouter à mon agenda »: the event alone, as a calendar file.
		const add = page.getByTestId('event-dates').getByRole('link', { name: 'Ajouter à mon agenda' });
		const file = await page.request.get((await add.getAttribute('href'))!);
		expect(file.headers()['content-type']).toContain('text/calendar');
		const vevents = new ICAL.Component(ICAL.parse(await file.text())).getAllSubcomponents('vevent');
		expect(vevents.map((v) => v.getFirstPropertyValue('summary'))).toEqual([name]);
	});

	it('draws the listed events on a small map, and a month as a calendar reached with the keyboard', async () => {
		await page.goto('/agenda');
		// The départements and the events' dots are painted (the dots in the agenda's orange, #b35c00).
		await expect.poll(() => drawnShare(page, '[data-testid="agenda-canvas"] canvas'), { timeout: 15_000 }).toBeGreaterThan(0.05);
		const dots = () => colourCount(page, '[data-testid="agenda-canvas"] canvas', [0xb3, 0x5c, 0x00]);
		await expect.poll(dots, { timeout: 15_000 }).toBeGreaterThan(20);

		await page.getByTestId('agenda-month-link').click();
		await page.waitForURL(/view=month/);
		const month = page.getByTestId('agenda-month');
		expect(await month.getByRole('table').count()).toBe(1);
		expect(await month.locator('td[aria-current="date"]').getAttribute('data-day')).toBe(parisToday());
		// Next month until one has events, with the keyboard: Tab reaches its first event's link.
		for (let i = 0; i < 6 && (await page.getByTestId('month-event').count()) === 0; i++) {
			await page.getByRole('link', { name: /Mois suivant/ }).click();
			await page.waitForURL(/month=/);
		}
		const first = page.getByTestId('month-event').first().getByRole('link');
		await first.focus();
		expect(await page.evaluate(() => document.activeElement?.closest('td')?.getAttribute('data-day'))).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		await screenshot(page, 'agenda-month');
		const phone = await newPage(browser);
		await phone.setViewportSize({ width: 390, height: 844 });
		await phone.goto(page.url().replace(/^https?:\/\/[^/]+/, baseUrl()));
		expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		expect(await phone.getByTestId('month-event').first().isVisible()).toBe(true);
		await screenshot(phone, 'agenda-month-phone');
		await phone.close();
	});

	it('the home page shows the next three meetings, the same as the agenda, and leads to it', async () => {
		await page.goto('/agenda');
		const agendaFirst = await events().locator('.what a').allInnerTexts();
		await page.goto('/');
		const next = page.getByTestId('next-events');
		expect(await next.getByRole('heading', { name: 'Prochains rendez-vous' }).count()).toBe(1);
		const names = await next.getByRole('listitem').getByRole('link').allInnerTexts();
		expect(names).toEqual(agendaFirst.slice(0, 3));
		await screenshot(page, 'agenda-home');
		await next.getByRole('link', { name: /Tout l'agenda/ }).click();
		await page.waitForURL(/\/agenda$/);
	});

	it('filters by territory and keeps the filters in the address; the archive lists what is past', async () => {
		await page.goto('/agenda');
		const all = await events().count();
		await page.getByLabel('Territoire').selectOption({ label: 'Haute-Loire' });
		await page.getByRole('button', { name: 'Afficher' }).click();
		await page.waitForURL(/territory=43/);
		const inHauteLoire = await events().count();
		expect(inHauteLoire).toBeLessThan(all);
		expect(await page.getByLabel('Territoire').inputValue()).toBe('43');
		for (const text of await events().allInnerTexts()) expect(text).not.toMatch(/Valignat|Gannat|Bransat|Molles/);

		await page.getByRole('navigation', { name: 'Période' }).getByRole('link', { name: 'Passés' }).click();
		await page.waitForURL(/past=1/);
		expect(page.url()).toContain('territory=43');
		expect(await countText()).toMatch(/^\d+ événements? passés?$/);
		expect(await page.getByText('Ils se sont rencontrés ici').count()).toBe(1);
		await screenshot(page, 'agenda-archive');
	});

	it('gives a subscription of exactly its filters, read back by an independent iCalendar parser', async () => {
		await page.goto('/agenda?territory=63');
		const subscribe = page.getByTestId('agenda-subscribe');
		const ics = await subscribe.getByRole('link', { name: 'Lien iCalendar (.ics)' }).getAttribute('href');
		expect(ics).toBe('/agenda.ics?territory=63');
		expect(await subscribe.getByRole('link', { name: 'Ouvrir dans mon calendrier' }).getAttribute('href')).toBe(
			`webcal://${new URL(baseUrl()).host}/agenda.ics?territory=63`
		);
		const res = await page.request.get(ics!);
		expect(res.headers()['content-type']).toContain('text/calendar');
		const calendar = new ICAL.Component(ICAL.parse(await res.text()));
		const summaries = calendar.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('summary')));
		const listed = await events().locator('.what a').allInnerTexts();
		for (const name of listed) expect(summaries).toContain(name);
	});

	it('« Intégrer » gives a partner the snippet of the same filters; the embed lists the same events, its links open the site in a new tab', async () => {
		await page.goto('/agenda?territory=63&stage=creation');
		const listed = await events().locator('.what a').allInnerTexts();
		const subscribe = page.getByTestId('agenda-subscribe');
		await subscribe.getByRole('button', { name: 'Intégrer' }).click();
		const snippet = await page.getByTestId('embed-snippet').inputValue();
		expect(snippet).toContain(`src="${baseUrl()}/embed/agenda?stage=creation&amp;territory=63"`);
		await screenshot(page, 'agenda-embed-snippet');

		// The snippet pasted into a page (of the site itself: only the origins an administrator allows may frame it).
		const host = await newPage(browser);
		await host.goto('/connexion');
		await host.evaluate((html) => (document.body.innerHTML = `<h1>Le site d'un partenaire</h1>${html}`), snippet);
		const frame = host.frameLocator('iframe');
		await frame.getByTestId('embed-agenda').waitFor();
		expect(await frame.locator('[data-testid="agenda-event"] .what a').allInnerTexts()).toEqual(listed);
		expect(await frame.locator('base').getAttribute('target')).toBe('_blank');
		expect(await frame.getByRole('link', { name: /Voir sur Connecteur Carto/ }).getAttribute('href')).toBe('/agenda?stage=creation&territory=63');
		expect(await frame.getByTestId('embed-demo').innerText()).toMatch(/démonstration/);
		await host.setViewportSize({ width: 390, height: 844 });
		await screenshot(host, 'agenda-embed-phone');
		await host.close();
	});

	it('refuses a wrong date in French and changes nothing else', async () => {
		const res = await page.goto('/agenda?from=07%2F12%2F2026');
		expect(res?.status()).toBe(400);
		expect(await page.locator('main').innerText()).toMatch(/from\s: une date AAAA-MM-JJ/);
	});

	it('on a phone, shows the events first and the filters after them', async () => {
		const phone = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 390, height: 844 } });
		const p = await phone.newPage();
		await p.goto('/agenda');
		const firstEvent = await p.getByTestId('agenda-event').first().boundingBox();
		const filters = await p.getByTestId('agenda-filters').boundingBox();
		expect(firstEvent!.y).toBeLessThan(filters!.y);
		expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await screenshot(p, 'agenda-phone');
		await phone.close();
	});

	it('exists in English under /en/agenda', async () => {
		await page.goto('/en/agenda');
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Agenda');
		expect(await countText()).toMatch(/^\d+ upcoming events?$/);
		const headings = await page.locator('[data-week] h3').allInnerTexts();
		for (const h of headings) expect(h).toMatch(/^(This week|Next week|Week of \d{1,2} [A-Z][a-z]+( \d{4})?)$/);
	});
});
