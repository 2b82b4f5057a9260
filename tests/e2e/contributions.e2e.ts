import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';
import { choosePassword, createAccount, logIn } from './sign-in';

interface Listing {
	id: number;
	slug: string;
	name: string;
	summary: string;
}

async function entity(slug: string): Promise<Listing> {
	return (await (await fetch(`${baseUrl()}/api/v1/entities/${slug}`)).json()) as Listing;
}

async function editSummary(page: Page, id: number, summary: string): Promise<void> {
	await page.goto(`/espace/fiches/${id}`);
	await page.getByLabel('Résumé').fill(summary);
	await page.getByRole('button', { name: 'Enregistrer' }).click();
}

describe('espace partenaire et modération', () => {
	let browser: Browser;
	let editor: Page;
	let alice: Page;
	let mine: Listing;
	let theirs: Listing;

	beforeAll(async () => {
		browser = await launchBrowser();
		editor = await newPage(browser);
		alice = await newPage(browser);
		const list = (await (await fetch(`${baseUrl()}/api/v1/entities?category=incubator&limit=2`)).json()) as { items: Listing[] };
		const [a, b] = list.items;
		if (!a || !b) throw new Error('Il faut deux incubateurs dans les données de démonstration.');
		[mine, theirs] = await Promise.all([entity(a.slug), entity(b.slug)]);
	});
	afterAll(async () => {
		// Later test files share this database: the demo listing gets its summary back (Alice publishes directly by now).
		if (mine) await editSummary(alice, mine.id, mine.summary).catch(() => undefined);
		await browser?.close();
	});

	it('invitation → mot de passe → connexion → modification → validation → page publique', async () => {
		const editorLink = createAccount('editor', 'edith@exemple.fr', 'Édith Éditrice');
		const aliceLink = createAccount('partner', 'alice@exemple.fr', 'Alice Incubateur');
		createAccount('partner', 'bruno@exemple.fr', 'Bruno Autre');

		// The editor hands each partner their listing from /moderation, typing its name in the picker
		// (the issue replaced the 520-option select) and taking it from the suggestions.
		await choosePassword(editor, editorLink);
		await editor.goto('/moderation');
		for (const [listing, email] of [
			[mine, 'alice@exemple.fr'],
			[theirs, 'bruno@exemple.fr']
		] as const) {
			const grant = editor.getByRole('form', { name: 'Confier une fiche à un partenaire' });
			await grant.getByRole('combobox', { name: 'Fiche' }).fill(listing.name);
			await grant
				.getByRole('option')
				.filter({ has: editor.getByText(listing.name, { exact: true }) })
				.click();
			await grant.getByLabel('E-mail du partenaire').fill(email);
			await grant.getByRole('button', { name: 'Confier' }).click();
			expect(await editor.getByTestId('grant-done').innerText()).toBe(
				`«\u00a0${listing.name}\u00a0» est confiée à ${email === 'alice@exemple.fr' ? 'Alice Incubateur' : 'Bruno Autre'}.`
			);
		}

		// Alice sets her password, signs out, signs in again at /connexion.
		await choosePassword(alice, aliceLink);
		await alice.locator('main').getByRole('button', { name: 'Se déconnecter' }).click();
		await alice.waitForURL((url) => url.pathname !== '/espace');
		await logIn(alice, 'alice@exemple.fr');
		expect(await alice.getByTestId('listing').count()).toBe(1);
		expect(await alice.getByTestId('listing').innerText()).toContain(mine.name);
		await screenshot(alice, 'contrib-espace');

		const summary = `Incubateur relu par l'équipe ${Date.now()}`;
		await alice.getByRole('link', { name: 'Modifier la fiche' }).click();
		await alice.waitForURL(`**/espace/fiches/${mine.id}`);
		await alice.getByLabel('Résumé').fill(summary);
		await alice.getByRole('button', { name: 'Enregistrer' }).click();
		expect(await alice.getByTestId('edit-done').innerText()).toMatch(/après relecture/);
		await screenshot(alice, 'contrib-edit-pending');
		// Moderated: nothing public yet.
		expect((await entity(mine.slug)).summary).not.toBe(summary);

		await editor.goto('/moderation');
		const item = editor.getByTestId('queue-item').filter({ hasText: mine.name });
		// Only the summary: the untouched description (CRLF from the textarea) must not read as a change.
		expect(await item.getByTestId('change').count()).toBe(1);
		const change = item.locator('[data-testid="change"][data-field="summary"]');
		expect(await change.locator('.after').innerText()).toBe(summary);
		expect(await change.locator('.before').innerText()).toBe(mine.summary || '—');
		await screenshot(editor, 'contrib-moderation');
		await item.getByLabel('Commentaire (obligatoire pour refuser)').fill('Merci Alice');
		await item.getByRole('button', { name: 'Accepter' }).click();
		await editor.getByTestId('moderation-done').waitFor();

		await alice.goto(`/acteurs/${mine.slug}`);
		expect(await alice.locator('main').innerText()).toContain(summary);
		await screenshot(alice, 'contrib-public');
	});

	it('une modification faite sur une version périmée montre le conflit et n’écrase rien', async () => {
		// Direct publication makes every save bump the version, as two tabs of one editor would.
		await editor.goto('/moderation');
		const row = editor.getByTestId('partner-row').filter({ hasText: 'alice@exemple.fr' });
		await row.getByRole('button', { name: 'Passer en publication directe' }).click();
		// The answer is printed next to the partners' table, where the button was.
		await editor.getByTestId('partners-done').waitFor();

		const second = await alice.context().newPage();
		await second.goto(`/espace/fiches/${mine.id}`);
		await editSummary(alice, mine.id, 'Version du premier onglet');
		expect(await alice.getByTestId('edit-done').innerText()).toBe('Modification publiée.');

		await second.getByLabel('Résumé').fill('Version du second onglet');
		await second.getByRole('button', { name: 'Enregistrer' }).click();
		const panel = second.getByTestId('conflict-panel');
		expect(await panel.innerText()).toMatch(/Alice Incubateur/);
		expect(await panel.locator('[data-testid="change"][data-field="summary"] .after').innerText()).toBe('Version du premier onglet');
		expect(await second.getByTestId('unsaved-summary').innerText()).toBe('Version du second onglet');
		await screenshot(second, 'contrib-conflict');
		expect((await entity(mine.slug)).summary).toBe('Version du premier onglet');
		await second.close();
	});

	it("la fiche d'un autre partenaire ne s'ouvre pas et ne se modifie pas", async () => {
		const before = await entity(theirs.slug);
		const res = await alice.goto(`/espace/fiches/${theirs.id}`);
		expect(res?.status()).toBe(403);
		await screenshot(alice, 'contrib-forbidden');

		const post = (action: string, form: Record<string, string>) =>
			alice.request.post(`/espace/fiches/${theirs.id}?/${action}`, { form, headers: { origin: baseUrl() }, maxRedirects: 0 });
		expect((await post('modifier', { version: '1', name: 'Pirate', summary: 'Pirate' })).status()).toBe(403);
		const verify = await alice.request.post('/espace?/verifier', { form: { entityId: String(theirs.id) }, headers: { origin: baseUrl() } });
		expect(verify.status()).toBe(403);
		const moderation = await alice.goto('/moderation');
		expect(moderation?.status()).toBe(403);
		expect(await entity(theirs.slug)).toEqual(before);
	});

	it('un visiteur signale une erreur, qui arrive dans la file de modération', async () => {
		const visitor = await newPage(browser);
		await visitor.goto(`/acteurs/${theirs.slug}`);
		await visitor.getByRole('link', { name: 'Signaler une erreur' }).click();
		await visitor.getByLabel("Quelle est l'erreur ?").fill("L'adresse a changé l'an dernier.");
		await visitor.getByRole('button', { name: 'Envoyer' }).click();
		await visitor.getByTestId('report-sent').waitFor();
		await screenshot(visitor, 'contrib-report');
		await visitor.close();

		await editor.goto('/moderation');
		const report = editor.locator('[data-testid="queue-item"][data-kind="report"]').filter({ hasText: theirs.name });
		expect(await report.innerText()).toContain("L'adresse a changé l'an dernier.");
	});
});
