import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawnShare, launchBrowser } from './browser';
import { journey, kmOf, personaContext, SIZES, type SizeName } from './persona';

/*
 * First visit of an entrepreneur in Yssingeaux (Haute-Loire), creating a project and looking for funding:
 * from the home page to a route that starts from her town (typed as its postcode, 43200), distances that say
 * their precision, a structure's page and the way back, then the structures around her town on the map.
 * Once at desktop size, once on a phone; a screenshot per step.
 */

const DISTANCE_SHAPE = /^(≈\s\d+\skm|\d+(,\d)?\skm|moins\sde\s\d+\skm|dans la même (commune|intercommunalité)|hors rayon \(≈\s\d+\skm\))$/;

async function mapSettled(page: Page, probe: '__cartoRoute' | '__cartoMap') {
	await page.waitForFunction((name) => {
		const p = (window as unknown as Record<string, { idle?: boolean; map?: { loaded(): boolean } } | undefined>)[name];
		return Boolean(p?.idle && p.map?.loaded());
	}, probe);
}

describe.each(Object.keys(SIZES) as SizeName[])('première visite d’une entrepreneuse à Yssingeaux (%s)', (size) => {
	let browser: Browser;
	let page: Page;
	let step: ReturnType<typeof journey>;
	beforeAll(async () => {
		browser = await launchBrowser();
		({ page } = await personaContext(browser, size));
		step = journey('entrepreneur', size, page);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('de l’accueil au parcours qui part d’Yssingeaux, tapée par son code postal', async () => {
		await page.goto('/');
		expect(await page.getByRole('region', { name: /démonstration/i }).innerText()).toContain('fictifs');
		await step('accueil');
		await page.getByRole('link', { name: /Je lance mon projet/ }).click();
		await page.waitForURL('**/parcours');
		await page.getByRole('heading', { level: 1, name: 'Trouver mon parcours' }).waitFor();

		const form = page.getByTestId('finder-form');
		expect(await form.innerText()).not.toContain('INSEE');
		await form.getByRole('radio', { name: /^Création/ }).check();
		await form.getByRole('combobox', { name: 'Votre commune' }).pressSequentially('43200', { delay: 40 });
		const first = page.getByRole('listbox', { name: 'Communes' }).getByRole('option').first();
		await first.getByText('code postal 43200').waitFor();
		expect(await first.innerText()).toMatch(/^Yssingeaux \(43\)/);
		await step('code-postal', page.getByRole('listbox', { name: 'Communes' }));
		await first.click();
		expect(await form.getByTestId('commune-match').innerText()).toBe('Yssingeaux\u00a0: code postal 43200');
		await form.getByRole('checkbox', { name: 'Financement' }).check();
		await step('reponses', form.getByRole('button', { name: 'Proposer un parcours' }));
		await form.getByRole('button', { name: 'Proposer un parcours' }).click();

		await page.getByRole('heading', { level: 2, name: 'Votre parcours depuis Yssingeaux (43)' }).waitFor();
		expect(await page.getByTestId('route-recap').innerText()).toMatch(/Yssingeaux.*code postal 43200/s);
		await mapSettled(page, '__cartoRoute');
		expect(await drawnShare(page, '[data-testid="route-map"] canvas')).toBeGreaterThan(0.1);
		await step('parcours', page.getByRole('heading', { level: 2, name: 'Votre parcours depuis Yssingeaux (43)' }));
	});

	it('chaque étape classe ses structures par score, et chaque distance dit sa précision', async () => {
		const steps = page.getByTestId('route-step');
		expect(await steps.count()).toBeGreaterThanOrEqual(3);
		for (const s of await steps.all()) {
			const scores = (await s.getByTestId('route-option').allInnerTexts()).map((t) => Number(/(\d+) \/ \d+ pts/.exec(t)?.[1]));
			expect(scores, 'scores dans l’ordre décroissant').toEqual([...scores].sort((a, b) => b - a));
			for (const d of await s.getByTestId('option-distance').allInnerTexts()) {
				expect(d).toMatch(DISTANCE_SHAPE);
				// Yssingeaux is placed at its own centre: nothing nearer than its precision is claimed.
				if (kmOf(d) !== null && !d.startsWith('moins')) expect(kmOf(d)).toBeGreaterThanOrEqual(1);
			}
		}
		await step('scores-et-distances', steps.nth(1).getByTestId('route-option').first());
	});

	it('la fiche d’une structure proposée, puis le retour au parcours', async () => {
		const option = page.getByTestId('route-option').first();
		const name = await option.getByTestId('option-name').innerText();
		const routeUrl = page.url();
		await option.getByTestId('option-name').click();
		await page.getByRole('heading', { level: 1, name }).waitFor();
		const back = page.getByTestId('back-link');
		expect(await back.innerText()).toBe('←\u00a0Retour à votre parcours');
		expect(await page.getByTestId('lead').innerText()).not.toBe('');
		await step('fiche');
		await back.click();
		await page.waitForURL(routeUrl);
		await page.getByRole('heading', { level: 2, name: 'Votre parcours depuis Yssingeaux (43)' }).waitFor();
		await step('retour-parcours', page.getByRole('heading', { level: 2, name: 'Votre parcours depuis Yssingeaux (43)' }));
	});

	it('autour d’Yssingeaux sur la carte : le nom tapé suffit, les distances disent leur précision', async () => {
		await page.getByRole('navigation').getByRole('link', { name: 'Carte' }).click();
		await page.waitForURL('**/carte');
		await mapSettled(page, '__cartoMap');
		if (size === 'phone') {
			await page.getByRole('button', { name: /^Filtres et statistiques/ }).click();
			await page.getByRole('region', { name: 'Filtres et statistiques' }).waitFor();
		}
		const search = page.getByTestId('nearby-search');
		const button = search.getByRole('button', { name: 'Chercher' });
		expect(await button.isDisabled()).toBe(true);
		await search.getByRole('combobox', { name: 'Commune', exact: true }).pressSequentially('Yssingeaux', { delay: 25 });
		await expect.poll(() => search.getByTestId('nearby-reason').innerText()).toBe("Autour d'Yssingeaux (43)");
		await search.getByRole('combobox', { name: 'Commune', exact: true }).press('Escape');
		await button.click();
		await page.waitForURL((url) => url.searchParams.get('near') === '43268');
		if (size === 'phone') {
			const close = page.getByRole('button', { name: /^Voir la carte/ });
			if (await close.isVisible()) await close.click();
		}
		const list = page.getByTestId('nearby-list');
		await list.getByTestId('nearby-distance').first().waitFor();
		const shown = await list.getByTestId('nearby-distance').allInnerTexts();
		expect(shown.length).toBeGreaterThan(0);
		for (const d of shown) expect(d).toMatch(DISTANCE_SHAPE);
		const kms = (await list.getByTestId('nearby-distance').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-km'))))).filter(Number.isFinite);
		expect(kms).toEqual([...kms].sort((a, b) => a - b));
		await mapSettled(page, '__cartoMap');
		await step('autour-de-chez-moi', list);
	});
});
