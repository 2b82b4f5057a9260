import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, screenshot } from './browser';
import { choosePassword, createAccount } from './sign-in';

/*
 * No page scrolls sideways on a phone: every public page and every signed-in page, at 390 × 844, keeps
 * document.documentElement.scrollWidth within the window. The pages with something wide in them are
 * visited in the state that shows it (a finder route, an open actor card, the API's tables…). A screenshot
 * of each, for a person to look at.
 */

const WIDTH = 390;
const EMAIL = 'largeur@exemple.fr';

interface Overflow {
	scrollWidth: number;
	/** The innermost elements that reach past the right edge, to say where to look. */
	culprits: string[];
}

function measure(page: Page): Promise<Overflow> {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const past = (el: Element) => el.getBoundingClientRect().right > width + 0.5;
		const culprits: string[] = [];
		for (const el of document.querySelectorAll('body *')) {
			if (!past(el) || [...el.children].some(past)) continue;
			const style = getComputedStyle(el);
			if (style.position === 'fixed' || style.visibility === 'hidden') continue;
			culprits.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> « ${(el.textContent ?? '').trim().slice(0, 40)} »`);
		}
		return { scrollWidth: document.documentElement.scrollWidth, culprits: culprits.slice(0, 5) };
	});
}

const slugOf = (path: string) =>
	path
		.replace(/^\//, '')
		.replace(/[^a-z0-9]+/gi, '-')
		.replace(/-+$/, '') || 'accueil';

describe(`aucune page ne défile de côté à ${WIDTH} px`, () => {
	let browser: Browser;
	let visitor: BrowserContext;
	let signedIn: BrowserContext;
	let actor: { id: number; slug: string };

	beforeAll(async () => {
		browser = await launchBrowser();
		const phone = { baseURL: baseUrl(), locale: 'fr-FR', viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true };
		visitor = await browser.newContext(phone);
		signedIn = await browser.newContext(phone);
		const list = (await (await fetch(`${baseUrl()}/api/v1/entities?kind=organisation&category=incubator&limit=1`)).json()) as {
			items: { id: number; slug: string }[];
		};
		actor = list.items[0] as { id: number; slug: string };

		// Signing in through the pages, on the phone.
		const page = await signedIn.newPage();
		// An admin sees every signed-in page: created by the real CLI, as the first admin is.
		await choosePassword(page, createAccount('admin', EMAIL, 'Admin Largeur'));
		await page.close();
	});
	afterAll(async () => {
		await browser?.close();
	});

	async function visit(context: BrowserContext, path: string, name: string, prepare?: (page: Page) => Promise<void>) {
		const page = await context.newPage();
		page.setDefaultTimeout(20_000);
		const response = await page.goto(path);
		expect(response?.status(), path).toBeLessThan(400);
		await page.waitForLoadState('networkidle').catch(() => undefined);
		await prepare?.(page);
		const found = await measure(page);
		await screenshot(page, `phone-width-${name}`);
		await page.close();
		expect(found.scrollWidth, `${path} déborde :\n${found.culprits.join('\n')}`).toBeLessThanOrEqual(WIDTH);
	}

	const publicPages = () => [
		'/',
		'/carte',
		`/carte?actor=${actor.id}`,
		'/carte?stat=count&level=epci',
		'/reseau',
		'/parcours',
		'/parcours?commune=15187&stage=creation&need=funding',
		'/parcours/flux',
		'/acteurs',
		`/acteurs/${actor.slug}`,
		`/acteurs/${actor.slug}/historique`,
		`/acteurs/${actor.slug}/signaler`,
		'/territoires/63113',
		'/territoires/63',
		'/recherche?q=incubateur',
		'/api',
		'/connexion',
		'/connexion/oubli',
		'/contribuer',
		'/contribuer/referencer',
		'/contribuer/gerer?q=incubateur',
		`/contribuer/gerer/${actor.slug}`
	];

	// Twenty-two pages one after the other, each until the network is idle: about a minute on a busy two-core machine.
	it('les pages publiques', async () => {
		for (const path of publicPages()) await visit(visitor, path, slugOf(path));
	}, 180_000);

	it('la carte, filtres ouverts', async () => {
		await visit(visitor, '/carte', 'carte-filtres', async (page) => {
			await page.getByRole('button', { name: /^Filtres et statistiques/ }).click();
			await page.getByRole('region', { name: 'Filtres et statistiques' }).waitFor();
		});
	});

	it('les pages des comptes connectés', async () => {
		for (const path of ['/espace', `/espace/fiches/${actor.id}`, '/compte', '/moderation', '/admin/utilisateurs', '/admin/import', '/admin/recherche']) {
			await visit(signedIn, path, `connecte-${slugOf(path)}`);
		}
	});
});
