import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';
import { api, personaContext, plain } from './persona';
import { choosePassword, createAccount } from './sign-in';

/*
 * Issue 20, the press: an editor imports the newsroom's feed (a WordPress RSS file saved from the site), finds the
 * actors' names proposed in each article, confirms one and rejects another in one click each; the confirmed actor's
 * page then lists the article (« Cité dans … »), the rejected one's does not, and a journalist on a phone finds
 * the « angles morts » (actors no article cites) with the directory's filter.
 */

interface Entity {
	id: number;
	slug: string;
	name: string;
}

/** A feed made as WordPress 6 writes /feed: CDATA, content:encoded, dc:creator, numeric entities. */
function wordpressFeed(covered: Entity, other: Entity): string {
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Le Connecteur</title><link>https://le-connecteur.example</link><language>fr-FR</language>
<item><title>Rencontre avec ${covered.name} (test)</title><link>https://le-connecteur.example/2026/12/rencontre-test/</link>
<pubDate>Mon, 07 Dec 2026 08:00:00 +0000</pubDate><dc:creator><![CDATA[Rédaction]]></dc:creator>
<description><![CDATA[<p>Un portrait d&#8217;entreprise.</p>]]></description>
<content:encoded><![CDATA[<p>${covered.name} travaille avec ${other.name} depuis deux ans.</p>]]></content:encoded></item>
</channel></rss>`;
}

describe('la rédaction importe ses articles et relie ceux qui en parlent', () => {
	let browser: Browser;
	let editor: Page;
	let covered: Entity;
	let other: Entity;

	beforeAll(async () => {
		browser = await launchBrowser();
		const startups = (await api<{ items: Entity[] }>('/api/v1/entities?category=startup&press=none&limit=50')).items;
		// Two names of more than one word, so both are proposed with a good confidence.
		[covered, other] = startups.filter((s) => s.name.includes(' ')).slice(0, 2) as [Entity, Entity];
		expect(other, 'deux startups jamais citées dans la démo').toBeDefined();
		editor = await newPage(browser);
		await choosePassword(editor, createAccount('editor', 'presse.redaction@exemple.fr', 'Paul Presse'));
	}, 60_000);
	afterAll(async () => {
		await browser?.close();
	});

	it('importe un flux enregistré, confirme un nom et en écarte un autre, d’un clic chacun', async () => {
		await editor.goto('/moderation');
		await editor.getByTestId('press-link').click();
		await editor
			.getByTestId('feed-file')
			.setInputFiles({ name: 'feed.xml', mimeType: 'application/rss+xml', buffer: Buffer.from(wordpressFeed(covered, other), 'utf8') });
		await editor.getByTestId('feed-import').click();
		const done = plain((await editor.getByTestId('feed-import-done').textContent()) ?? '');
		expect(done).toMatch(/Articles ajoutés : 1, déjà présents : 0/);
		await editor.getByRole('link', { name: `Rencontre avec ${covered.name} (test)` }).click();
		const mentions = editor.getByTestId('mention');
		await expect.poll(() => mentions.count()).toBeGreaterThanOrEqual(2);
		await editor.getByRole('button', { name: `Confirmer que l’article parle de ${covered.name}` }).click();
		await editor.getByRole('button', { name: `Écarter ${other.name}` }).click();
		await expect
			.poll(() => editor.locator(`[data-testid="mention"][data-status="confirmed"]`).allTextContents())
			.toEqual([expect.stringContaining(covered.name)]);
		await expect.poll(() => editor.locator(`[data-testid="mention"][data-status="rejected"]`).allTextContents()).toEqual([expect.stringContaining(other.name)]);
		await screenshot(editor, 'presse-mentions');

		await editor.goto(`/acteurs/${covered.slug}`);
		await expect.poll(() => editor.getByTestId('press-count').textContent()).toMatch(/Cité dans 1 article/);
		await editor
			.getByTestId('portraits')
			.getByRole('link', { name: `Rencontre avec ${covered.name} (test)` })
			.waitFor();
		await screenshot(editor, 'presse-fiche');
		await editor.goto(`/acteurs/${other.slug}`);
		expect(await editor.getByTestId('press-count').count()).toBe(0);
	}, 120_000);

	it('une journaliste, sur son téléphone, trouve les angles morts avec le filtre de l’annuaire', async () => {
		const { page, context } = await personaContext(browser, 'phone');
		await page.goto('/acteurs?category=startup');
		await page.getByLabel('Couverture presse').selectOption('none');
		await page.getByRole('button', { name: 'Appliquer' }).first().click();
		await page.waitForURL(/press=none/);
		const listed = await api<{ items: Entity[] }>('/api/v1/entities?category=startup&press=none&limit=200');
		expect(listed.items.map((e) => e.slug)).not.toContain(covered.slug);
		expect(listed.items.map((e) => e.slug)).toContain(other.slug);
		await page.screenshot({ path: 'test-results/e2e-presse-angles-morts-telephone.png' });
		await context.close();

		// At her desk, the network sized by coverage: the legend says what the size means.
		const desk = await newPage(browser);
		await desk.goto('/reseau?category=startup');
		await desk.getByLabel('Taille des nœuds').selectOption('coverage');
		await desk.waitForURL(/size=coverage/);
		await expect.poll(async () => plain((await desk.locator('body').textContent()) ?? '')).toContain("Taille : nombre d'articles qui citent l'acteur");
		await screenshot(desk, 'presse-reseau-couverture');
	}, 60_000);
});
