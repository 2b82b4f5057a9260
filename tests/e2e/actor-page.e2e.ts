import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pathway } from '../../src/lib/pathways/types';
import { shortUrl } from '../../src/lib/components/source-citation';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';

async function getJson<T>(path: string): Promise<T> {
	const res = await fetch(`${baseUrl()}${path}`);
	if (!res.ok) throw new Error(`${path} : ${res.status}`);
	return (await res.json()) as T;
}

/** How many times a text appears in the page as a person reads it. */
const occurrences = (page: Page, text: string) => page.evaluate((t) => document.body.innerText.split(t).length - 1, text);

/** Sources are example.org addresses in the demo: answer them here, so that following one is a real click. */
async function answerSources(page: Page) {
	await page
		.context()
		.route(/^https:\/\/([a-z0-9-]+\.)?example\.org\//, (route) =>
			route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<title>Source</title><h1>Source citée</h1>' })
		);
}

describe('fiche acteur : chaque fait une fois, des sources cliquables, un chemin de retour', () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await newPage(browser);
		await answerSources(page);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('dit chaque fait une fois : chapeau, description, encadré et frise ne se répètent pas', async () => {
		// A startup with a pathway of three steps or more.
		const list = await getJson<{ items: { slug: string; summary: string | null; foundedYear: number | null }[] }>(
			'/api/v1/entities?category=startup&limit=200'
		);
		let chosen: { slug: string; summary: string | null; foundedYear: number | null; pathway: Pathway } | undefined;
		for (const item of list.items) {
			const pathway = await getJson<Pathway>(`/api/v1/pathways?entity=${item.slug}`);
			if (pathway.steps.length >= 3 && item.summary) {
				chosen = { ...item, pathway };
				break;
			}
		}
		expect(chosen, 'une startup de démo avec un parcours').toBeDefined();
		const { slug, summary, pathway } = chosen as NonNullable<typeof chosen>;
		await page.goto(`/acteurs/${slug}`);

		// The lead says what the actor is, once; the description does not restate it nor list the sidebar's facts.
		expect(await page.getByTestId('lead').innerText()).toBe(summary);
		expect(await occurrences(page, (summary as string).slice(1, -1))).toBe(1);
		for (const label of ['Implantation', 'Stades accompagnés :', 'Fiche de démonstration']) expect(await occurrences(page, label)).toBe(0);
		expect(await occurrences(page, 'Fiche fictive (données de démonstration).')).toBe(1);

		// The pathway's steps are in the timeline, not again in the relations list.
		const steps = page.getByTestId('pathway-step');
		expect(await steps.count()).toBe(pathway.steps.length);
		expect(await page.getByRole('heading', { level: 2, name: /^Autres relations/ }).count()).toBe(1);
		const listed = await page.getByTestId('relation').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-relation-id'))));
		expect(listed.length).toBeGreaterThan(0);
		expect(listed.filter((id) => pathway.steps.some((s) => s.relationId === id))).toEqual([]);

		// The words agree with a startup: no inclusive-writing dot on its page, but in the vocabulary's labels of persons' categories.
		const text = (await page.locator('main').innerText()).replace(/(Entrepreneur|Chercheur|Investisseur|Élu)·e/g, '');
		expect(text).not.toMatch(/[a-zé]·e/);
		expect(text).not.toMatch(/\bde (\d{1,2}|1er) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)/);
		await page.locator('[data-testid="pathway-map"][data-state="ready"]').waitFor();
		await screenshot(page, 'actor-facts-once');
	});

	it('montre les sources comme des liens, et le lien mène à la source', async () => {
		const list = await getJson<{ items: { slug: string }[] }>('/api/v1/entities?category=incubator&limit=40');
		let found: { slug: string; url: string } | undefined;
		for (const { slug } of list.items) {
			const actor = await getJson<{ relations: { source: string | null }[] }>(`/api/v1/entities/${slug}`);
			const url = actor.relations.map((r) => r.source?.match(/https?:\/\/\S+/)?.[0]).find(Boolean);
			if (url) {
				found = { slug, url };
				break;
			}
		}
		expect(found, 'un incubateur dont une relation cite une adresse').toBeDefined();
		const { slug, url } = found as { slug: string; url: string };
		await page.goto(`/acteurs/${slug}`);
		const link = page
			.getByTestId('source')
			.getByRole('link', { name: shortUrl(url), exact: true })
			.first();
		expect(await link.getAttribute('href')).toBe(url);
		// A citation without a link stays text.
		const sources = await page.getByTestId('source').allInnerTexts();
		expect(sources.every((s) => /^Source\u00a0: /.test(s))).toBe(true);
		await link.click();
		await page.waitForURL(url);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Source citée');
	});

	it('revient à la liste filtrée d’où l’on vient, avec ses filtres', async () => {
		await page.goto('/acteurs?kind=organisation&category=incubator');
		const first = page.getByTestId('directory-table').getByRole('rowheader').first().getByRole('link');
		await first.click();
		await page.waitForURL(/\/acteurs\/[a-z0-9-]+$/);
		const back = page.getByTestId('back-link');
		expect(await back.innerText()).toBe('←\u00a0Retour à la liste (Organisations · Incubateur)');
		await screenshot(page, 'actor-back-to-list');
		await back.click();
		await page.waitForURL((u) => u.pathname === '/acteurs' && u.searchParams.get('category') === 'incubator' && u.searchParams.get('kind') === 'organisation');
		expect(await page.getByTestId('directory-table').count()).toBe(1);
	});

	it('revient au parcours proposé, même sans JavaScript', async () => {
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
		const plain = await context.newPage();
		const route = '/parcours?commune=15014&stage=creation&need=funding';
		await plain.goto(route);
		const option = plain.getByTestId('route-option').first().getByTestId('option-name');
		const name = await option.innerText();
		await option.click();
		await plain.waitForURL(/\/acteurs\/[a-z0-9-]+$/);
		expect(await plain.getByRole('heading', { level: 1 }).innerText()).toBe(name);
		const back = plain.getByTestId('back-link');
		expect(await back.innerText()).toBe('←\u00a0Retour à votre parcours');
		await back.click();
		await plain.waitForURL((u) => u.pathname === '/parcours' && u.searchParams.get('commune') === '15014' && u.searchParams.get('need') === 'funding');
		await context.close();
	});

	it('date un événement en toutes lettres, et dit le parcours d’un entrepreneur sans point médian', async () => {
		const events = await getJson<{ items: { slug: string }[] }>('/api/v1/entities?category=conference&limit=1');
		await page.goto(`/acteurs/${events.items[0]?.slug}`);
		const days = '(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)';
		expect(await page.getByTestId('event-dates').innerText()).toMatch(
			new RegExp(`^(le ${days} \\d{1,2}(er)? \\S+ \\d{4}|du ${days} .+ au ${days} .+ \\d{4}).* \\d{1,2}\u00a0h`)
		);
		expect(await page.getByRole('heading', { level: 3, name: 'Lieu' }).count()).toBe(1);
		// Its participants and venue are dated like the event: the date is said once, in the sidebar.
		const relationTexts = await page.getByTestId('relation').allInnerTexts();
		expect(relationTexts.length).toBeGreaterThan(1);
		expect(relationTexts.filter((t) => /\b(le|du|en) \d{1,2}(er)? \S+ \d{4}/.test(t))).toEqual([]);
		await screenshot(page, 'actor-event');

		const people = await getJson<{ items: { slug: string }[] }>('/api/v1/entities?category=entrepreneur&limit=200');
		for (const { slug } of people.items) {
			const pathway = await getJson<Pathway>(`/api/v1/pathways?entity=${slug}`);
			if (!pathway.steps.some((s) => s.type !== 'founded')) continue;
			await page.goto(`/acteurs/${slug}`);
			const lines = await page.getByTestId('pathway-step').allInnerTexts();
			expect(lines.join('\n')).toMatch(/A fondé|Incubation|Financement|Accompagnement|Hébergement|Formation|Membre/);
			expect(lines.join('\n').replace(/(Entrepreneur|Chercheur|Investisseur|Élu)·e/g, '')).not.toMatch(/[a-zé]·e/);
			await screenshot(page, 'actor-person');
			return;
		}
		throw new Error('aucun entrepreneur de démo avec une étape de parcours');
	});

	it('n’offre aucun retour quand on arrive d’ailleurs', async () => {
		const list = await getJson<{ items: { slug: string }[] }>('/api/v1/entities?category=fablab&limit=1');
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR' });
		const direct = await context.newPage();
		await direct.goto(`/acteurs/${list.items[0]?.slug}`, { referer: 'https://www.example.com/article' });
		await direct.getByRole('heading', { level: 1 }).waitFor();
		expect(await direct.getByTestId('back-link').count()).toBe(0);
		await context.close();
	});

	it('se lit sur un téléphone : retour, chapeau, encadré, sans défilement horizontal', async () => {
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
		const phone = await context.newPage();
		await phone.goto('/acteurs?kind=organisation&category=startup');
		await phone.getByTestId('directory-table').getByRole('rowheader').first().getByRole('link').click();
		await phone.waitForURL(/\/acteurs\/[a-z0-9-]+$/);
		expect(await phone.getByTestId('back-link').innerText()).toMatch(/^←\u00a0Retour à la liste \(Organisations · Startup\)$/);
		expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await screenshot(phone, 'actor-phone');
		// What a phone shows first, at its own size.
		await phone.screenshot({ path: 'test-results/e2e-actor-phone-top.png' });
		await context.close();
	});
});
