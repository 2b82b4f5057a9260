import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';
import { choosePassword, createAccount } from './sign-in';

/*
 * Partner A (a startup) declares « hébergée par » partner B's coworking, with its source; B contests it
 * with a comment, A answers, and the editor reads both sides in the queue and keeps the relation.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const SOURCE = 'Le Connecteur, portrait, mai 2024';

interface Listing {
	id: number;
	slug: string;
	name: string;
}

async function api<T>(path: string): Promise<T> {
	return (await (await fetch(`${baseUrl()}${path}`)).json()) as T;
}

async function bothSizes(page: Page, name: string): Promise<void> {
	await screenshot(page, `${name}-desktop`);
	await page.setViewportSize(PHONE);
	await screenshot(page, `${name}-phone`);
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} : la page déborde en largeur`).toBe(true);
	await page.setViewportSize(DESKTOP);
}

describe('relation contestée', () => {
	let browser: Browser;
	let editor: Page;
	let a: Page;
	let b: Page;
	let startup: Listing;
	let place: Listing;

	/** A name as a sentence may say it: « au Cowork du Livradois » for « Le Cowork du Livradois ». */
	const core = (name: string) => name.replace(/^(le|la|les|l['’])\s*/i, '');
	const card = (page: Page) =>
		page
			.getByTestId('relation')
			.filter({ hasText: core(startup.name) })
			.filter({ hasText: core(place.name) });

	beforeAll(async () => {
		browser = await launchBrowser();
		[editor, a, b] = [await newPage(browser), await newPage(browser), await newPage(browser)];
		startup = (await api<{ items: Listing[] }>('/api/v1/entities?category=startup&limit=60')).items.at(-2)!;
		place = (await api<{ items: Listing[] }>('/api/v1/entities?category=coworking&limit=60')).items.at(-1)!;
		const links = {
			editor: createAccount('editor', 'eric.arbitre@exemple.fr', 'Éric Arbitre'),
			a: createAccount('partner', 'anne.startup@exemple.fr', 'Anne Startup'),
			b: createAccount('partner', 'basile.cowork@exemple.fr', 'Basile Cowork')
		};
		await choosePassword(editor, links.editor);
		await editor.goto('/moderation');
		for (const [listing, email] of [
			[startup, 'anne.startup@exemple.fr'],
			[place, 'basile.cowork@exemple.fr']
		] as const) {
			const grant = editor.getByRole('form', { name: 'Confier une fiche à un partenaire' });
			await grant.getByRole('combobox', { name: 'Fiche' }).fill(listing.name);
			await grant
				.getByRole('option')
				.filter({ has: editor.getByText(listing.name, { exact: true }) })
				.click();
			await grant.getByLabel('E-mail du partenaire').fill(email);
			await grant.getByRole('button', { name: 'Confier' }).click();
			await editor.getByTestId('grant-done').waitFor();
		}
		await choosePassword(a, links.a);
		await choosePassword(b, links.b);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('A déclare la relation avec sa source ; sans source, le serveur la refuse', async () => {
		await a.goto(`/espace/fiches/${startup.id}`);
		const post = await a.request.post(`/espace/fiches/${startup.id}?/relier`, {
			form: { direction: 'out', type: 'hosted_by', otherId: String(place.id), source: '' },
			headers: { origin: baseUrl() }
		});
		expect(await post.text()).toContain('Source obligatoire');

		const form = a.getByRole('form', { name: 'Ajouter une relation' });
		await form.getByLabel('Relation').selectOption('hosted_by');
		await form.getByRole('combobox', { name: 'Autre acteur' }).fill(place.name);
		await form
			.getByRole('option')
			.filter({ has: a.getByText(place.name, { exact: true }) })
			.first()
			.click();
		await form.getByLabel('Début').fill('2024-05');
		await form.getByLabel('Source (lien ou citation)').fill(SOURCE);
		await form.getByRole('button', { name: 'Déclarer la relation' }).click();
		await a.getByTestId('relate-done').waitFor();

		await editor.goto('/moderation');
		const item = editor
			.getByTestId('queue-item')
			.filter({ hasText: core(startup.name) })
			.filter({ hasText: core(place.name) });
		await item.getByRole('button', { name: 'Accepter' }).click();
		await editor.getByTestId('moderation-done').waitFor();
	});

	it('B conteste, avec un commentaire ; A répond', async () => {
		await b.goto(`/espace/fiches/${place.id}`);
		expect(await card(b).getByTestId('source').innerText()).toContain(SOURCE);
		await card(b).getByText('Contester cette relation').click();
		await card(b).getByRole('button', { name: 'Contester', exact: true }).click();
		// The comment is required: the browser asks for it before sending anything.
		expect(
			await card(b)
				.getByLabel('Qu’est-ce qui est inexact ? (obligatoire)')
				.evaluate((t: HTMLTextAreaElement) => t.validity.valueMissing)
		).toBe(true);
		await card(b).getByLabel('Qu’est-ce qui est inexact ? (obligatoire)').fill('Nous n’avons jamais hébergé cette startup : elle est venue à un seul atelier.');
		await card(b).getByRole('button', { name: 'Contester', exact: true }).click();
		expect(await card(b).getByTestId('relation-done').innerText()).toMatch(/^Relation contestée/);
		expect(await card(b).getByTestId('relation-state').innerText()).toBe('contestée');
		expect(await card(b).getByTestId('dispute-comment').count()).toBe(1);

		await a.goto(`/espace/fiches/${startup.id}`);
		expect(await card(a).getByTestId('relation-state').innerText()).toBe('contestée');
		expect(await card(a).getByTestId('dispute-comment').innerText()).toContain('elle est venue à un seul atelier');
		await card(a).getByLabel('Votre réponse').fill('Nous avons eu un poste au coworking de mai à septembre 2024 : voir le portrait.');
		await card(a).getByRole('button', { name: 'Ajouter un commentaire' }).click();
		expect(await card(a).getByTestId('relation-done').innerText()).toMatch(/^Commentaire ajouté/);
		expect(await card(a).getByTestId('dispute-comment').count()).toBe(2);
		await card(a).scrollIntoViewIfNeeded();
		await bothSizes(a, 'relation-dispute-partner');

		// The public pages say « contesté »: the coworking's list of relations (the startup's pathway too).
		await a.goto(`/acteurs/${place.slug}`);
		const pub = a.locator('[data-testid="relation"]').filter({ hasText: core(startup.name) });
		expect(await pub.innerText()).toMatch(/contesté/);
	});

	it('l’éditeur lit les deux parties et maintient la relation', async () => {
		await editor.goto('/moderation');
		const item = editor
			.getByTestId('queue-item')
			.filter({ hasText: 'Relation contestée' })
			.filter({ hasText: core(startup.name) });
		expect(await item.getByTestId('queue-title').innerText()).toContain(core(startup.name));
		const comments = await item.getByTestId('dispute-comment').allInnerTexts();
		expect(comments).toHaveLength(2);
		expect(comments[0]).toContain(core(place.name));
		expect(comments[0]).toContain('Basile Cowork');
		expect(comments[1]).toContain(core(startup.name));
		expect(comments[1]).toContain('Anne Startup');
		await item.scrollIntoViewIfNeeded();
		await bothSizes(editor, 'relation-dispute-queue');
		await item.getByRole('button', { name: 'Maintenir la relation' }).click();
		// Without a comment, refused in French.
		expect(await editor.getByTestId('review-error').innerText()).toMatch(/les deux parties liront ce commentaire/);
		const again = editor
			.getByTestId('queue-item')
			.filter({ hasText: 'Relation contestée' })
			.filter({ hasText: core(startup.name) });
		await again.getByLabel('Commentaire (obligatoire, lu par les deux parties)').fill('Le portrait de mai 2024 cite ce poste : relation maintenue.');
		await again.getByRole('button', { name: 'Maintenir la relation' }).click();
		expect(await editor.getByTestId('moderation-done').innerText()).toMatch(/^Relation maintenue/);

		await b.goto(`/espace/fiches/${place.id}`);
		expect(await card(b).getByTestId('relation-state').innerText()).toMatch(/^déclarée par/);
		expect(await card(b).getByTestId('dispute').count()).toBe(0);
	});

	it('une relation saisie par l’équipe sans source se lit « à préciser » et est listée pour l’équipe', async () => {
		// Editors may leave the source for later (the form does not require it from them).
		await editor.goto(`/espace/fiches/${place.id}`);
		const form = editor.getByRole('form', { name: 'Ajouter une relation' });
		await form.getByLabel('Relation').selectOption('partner_of');
		await form.getByRole('combobox', { name: 'Autre acteur' }).fill(startup.name);
		await form
			.getByRole('option')
			.filter({ has: editor.getByText(startup.name, { exact: true }) })
			.first()
			.click();
		await form.getByRole('button', { name: 'Déclarer la relation' }).click();
		await editor.getByTestId('relate-done').waitFor();
		const partnerCard = editor
			.getByTestId('relation')
			.filter({ hasText: core(startup.name) })
			.filter({ hasText: /partenaire/i });
		expect(await partnerCard.getByTestId('source-missing').innerText()).toBe('à préciser');

		await editor.goto(`/acteurs/${place.slug}`);
		const pub = editor
			.locator('[data-testid="relation"]')
			.filter({ hasText: core(startup.name) })
			.filter({ has: editor.getByTestId('source-missing') });
		expect(await pub.getByTestId('source').innerText()).toMatch(/^Source\s*:\s*à préciser$/);

		await editor.goto('/moderation/relations?filtre=sans-source');
		const count = Number(await editor.getByTestId('count-sans-source').innerText());
		expect(await editor.getByTestId('review-relation').count()).toBe(Math.min(count, 100));
		expect(count).toBeGreaterThanOrEqual(1);
		const listed = editor.getByTestId('review-relation').filter({ hasText: core(startup.name) });
		expect(await listed.getByTestId('source-missing').innerText()).toBe('à préciser');
		await bothSizes(editor, 'relations-sans-source');
		await editor.getByTestId('filter-non-confirmees').click();
		await editor.waitForURL('**/moderation/relations?filtre=non-confirmees');
		expect(
			await editor
				.getByTestId('review-relation')
				.filter({ hasText: core(startup.name) })
				.filter({ hasText: core(place.name) })
				.count()
		).toBe(1);

		// The demo's thousand relations to confirm: « plus anciennes » reads the next hundred after the last one shown
		// (keyset, issue 18), « plus récentes » comes back to the same first page.
		const ids = () => editor.getByTestId('review-relation').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-relation')));
		const firstPage = await ids();
		expect(firstPage.length).toBe(100);
		await editor.getByRole('link', { name: /plus anciennes/i }).click();
		await editor.waitForURL(/page=2&apres=/);
		expect(await editor.getByTestId('range').innerText()).toMatch(/^Relations 101 à 200 sur /);
		const secondPage = await ids();
		expect(secondPage.length).toBe(100);
		expect(secondPage.filter((r) => firstPage.includes(r))).toEqual([]);
		await editor.getByRole('link', { name: /plus récentes/i }).click();
		await editor.waitForURL(/page=1&avant=/);
		expect(await ids()).toEqual(firstPage);
	});
});
