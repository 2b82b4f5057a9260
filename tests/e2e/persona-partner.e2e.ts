import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './browser';
import { api, journey, personaContext, plain, SIZES, type SizeName } from './persona';
import { choosePassword, createAccount } from './sign-in';
import { escapeRe, partOf } from './listing-names';

/*
 * First visit of an incubator keeping its listing current: it finds how to update its listing from the home
 * page, opens the invitation the editors sent, edits its summary and website (and sees them waiting for
 * validation, next to the published values), declares a startup it incubates, reads its proposals named,
 * confirms the listing « toujours à jour »; the editors accept, and the public page shows the change.
 * Once at desktop size, once on a phone; a screenshot per step. The admin's side is set up, not screenshotted.
 */

interface Listing {
	id: number;
	slug: string;
	name: string;
	summary: string | null;
	website: string | null;
}

async function pick(picker: Locator, name: string): Promise<void> {
	await picker.getByRole('combobox').fill(partOf(name));
	await picker
		.getByRole('option', { name: new RegExp(`^${escapeRe(name)}\\b`) })
		.first()
		.click();
	expect(await picker.getByTestId('picker-chosen').innerText()).toContain(name);
}

describe.each(Object.keys(SIZES) as SizeName[])('première visite d’un incubateur qui tient sa fiche à jour (%s)', (size) => {
	const PARTNER = { email: `incubateur.${size}@exemple.fr`, name: `Inès Incubateur ${size === 'phone' ? 'mobile' : 'bureau'}` };
	let browser: Browser;
	let admin: Page;
	let page: Page;
	let step: ReturnType<typeof journey>;
	let listing: Listing;
	let startup: Listing;
	let invitation = '';
	const summary = `Incubateur de projets innovants : programme de six mois, bureaux et mentors (mis à jour, ${size}).`;
	const website = `https://incubateur-${size}.exemple.fr`;

	beforeAll(async () => {
		browser = await launchBrowser();
		// Two incubators and two startups, one each per size, whose names are not typed alike.
		const incubators = (await api<{ items: Listing[] }>('/api/v1/entities?category=incubator&limit=20')).items;
		const startups = (await api<{ items: Listing[] }>('/api/v1/entities?category=startup&limit=60')).items.filter(
			(s, _, all) => all.filter((o) => partOf(o.name) === partOf(s.name)).length === 1
		);
		const i = size === 'phone' ? 1 : 0;
		listing = await api<Listing>(`/api/v1/entities/${incubators[i]!.slug}`);
		startup = await api<Listing>(`/api/v1/entities/${startups[i]!.slug}`);

		// The editors' side: an admin (made with the command-line tool) invites the incubator and hands it its listing.
		admin = await newPage(browser);
		await choosePassword(admin, createAccount('admin', `admin.${size}@exemple.fr`, `Alix Admin ${size}`));
		await admin.goto('/admin/utilisateurs');
		await admin.getByLabel('Adresse e-mail').fill(PARTNER.email);
		await admin.getByLabel('Nom affiché').fill(PARTNER.name);
		await admin.getByLabel('Rôle', { exact: true }).selectOption('partner');
		await admin.getByRole('button', { name: 'Inviter' }).click();
		invitation = new URL(await admin.getByTestId('account-link').getByLabel('Lien à transmettre').inputValue()).pathname;
		await admin.goto('/admin/utilisateurs');
		const card = admin.locator(`[data-testid="partner-listings"][data-email="${PARTNER.email}"]`);
		await pick(card.getByTestId(/^grant-picker-/), listing.name);
		await card.getByRole('button', { name: 'Confier' }).click();
		await admin.locator(`[data-testid="partner-listings"][data-email="${PARTNER.email}"]`).getByTestId('listings-done').waitFor();

		({ page } = await personaContext(browser, size));
		step = journey('partner', size, page);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('trouve comment mettre à jour sa fiche, ouvre son invitation et arrive dans son espace', async () => {
		await page.goto('/');
		await page.getByRole('link', { name: /Je mets à jour ma fiche/ }).click();
		await page.waitForURL('**/contribuer');
		expect(await page.getByTestId('way-account').innerText()).toMatch(/Mon espace/);
		expect(await page.getByText(/bientôt/i).count()).toBe(0);
		await step('comment-faire');

		await choosePassword(page, invitation);
		const card = page.getByTestId('listing').filter({ has: page.getByRole('heading', { name: listing.name, exact: true }) });
		await card.waitFor();
		const verify = card.getByRole('button', { name: 'Toujours à jour' });
		expect(await card.locator(`[id="${await verify.getAttribute('aria-describedby')}"]`).innerText()).toMatch(/Rien d’autre n’est modifié/);
		await step('mon-espace', card);
	});

	it('modifie son résumé et son site : le formulaire montre les valeurs « en attente de validation »', async () => {
		await page.getByTestId('listing').filter({ hasText: listing.name }).getByRole('link', { name: 'Modifier la fiche' }).click();
		await page.waitForURL(`**/espace/fiches/${listing.id}`);
		await page.getByLabel('Résumé').fill(summary);
		await page.getByLabel('Site web').fill(website);
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		const form = page.getByRole('form', { name: 'Champs de la fiche' });
		expect(await form.getByTestId('edit-done').innerText()).toMatch(/publiée après relecture/);
		expect(await page.getByLabel('Résumé').inputValue()).toBe(summary);
		const pendingSummary = page.locator('[data-testid="pending-field"][data-field="summary"]');
		expect(await pendingSummary.innerText()).toMatch(/en attente de validation/);
		expect(await pendingSummary.getByTestId('published-value').innerText()).toBe(listing.summary || '(vide)');
		// Nothing public before the editors read it.
		expect((await api<Listing>(`/api/v1/entities/${listing.slug}`)).summary).toBe(listing.summary);
		await step('modification-en-attente', pendingSummary);
	});

	it('déclare une startup qu’il incube : la relation attend, nommée, là où elle a été déclarée', async () => {
		const form = page.getByRole('form', { name: 'Ajouter une relation' });
		await form.getByLabel('Sens').selectOption('in');
		await form.getByLabel('Relation').selectOption('incubated_by');
		await pick(form.getByTestId('other-picker'), startup.name);
		await form.getByLabel('Début').fill('2024-10');
		await form.getByLabel('Source (lien ou citation)').fill('https://www.le-connecteur.fr/');
		await form.getByRole('button', { name: 'Déclarer la relation' }).click();
		expect(await page.getByTestId('relate-done').innerText()).toMatch(/en attente de validation par l’équipe/);
		const proposed = page.getByTestId('proposed-relation').filter({ hasText: startup.name });
		expect(await proposed.innerText()).toContain(listing.name);
		expect(await proposed.innerText()).not.toMatch(/·e/);
		expect(plain(await proposed.getByTestId('relation-state').innerText())).toBe(
			`en attente de validation par l'équipe du Connecteur, puis de confirmation par ${startup.name}`
		);
		await step('relation-declaree', proposed);
	});

	it('lit ses propositions nommées et confirme que sa fiche est toujours à jour', async () => {
		await page.goto('/espace');
		const titles = (await page.getByTestId('my-change-title').allInnerTexts()).map(plain);
		expect(titles).toContain(plain(`Modification de la fiche ${listing.name} : résumé, site web`));
		expect(titles.find((t) => t.startsWith('Nouvelle relation'))).toMatch(new RegExp(`${escapeRe(plain(startup.name))}.*${escapeRe(plain(listing.name))}`));
		await step('mes-propositions', page.getByRole('heading', { name: 'Mes propositions' }));
		const card = page.getByTestId('listing').filter({ has: page.getByRole('heading', { name: listing.name, exact: true }) });
		await card.getByRole('button', { name: 'Toujours à jour' }).click();
		const mine = page.getByTestId('listing').filter({ has: page.getByRole('heading', { name: listing.name, exact: true }) });
		expect(await mine.getByTestId('verify-done').innerText()).toMatch(/est confirmée à jour/);
		expect(await mine.getByTestId('freshness').innerText()).toMatch(/^Vérifiée le \d{1,2} \p{L}+ \d{4}$/u);
		await step('toujours-a-jour', mine);
	});

	it('une fois acceptées par la rédaction, la fiche publique montre le nouveau résumé et la startup incubée', async () => {
		await admin.goto('/moderation');
		for (const title of [
			new RegExp(`^Modification de la fiche ${escapeRe(listing.name)}\\s:\\srésumé, site web$`),
			new RegExp(`^Nouvelle relation\\s:\\s.*${escapeRe(startup.name)}`)
		]) {
			const item = admin.getByTestId('queue-item').filter({ has: admin.getByRole('heading', { name: title }) });
			await item.getByRole('button', { name: 'Accepter' }).click();
			expect(await admin.getByTestId('moderation-done').innerText()).toMatch(/acceptée/);
		}
		await page.goto(`/acteurs/${listing.slug}`);
		expect(await page.getByTestId('lead').innerText()).toBe(summary);
		expect(
			await page
				.getByRole('main')
				.getByRole('link', { name: website.replace('https://', '') })
				.or(page.getByRole('main').getByRole('link', { name: website }))
				.count()
		).toBeGreaterThan(0);
		const relations = page.getByRole('main').getByRole('link', { name: startup.name, exact: true });
		expect(await relations.count()).toBeGreaterThan(0);
		expect(await page.getByRole('main').innerText()).not.toMatch(/incubé·e/);
		await step('fiche-publique', page.getByTestId('lead'));
	});
});
