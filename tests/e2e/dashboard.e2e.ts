import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, launchBrowser, newPage, screenshot } from './browser';
import { choosePassword, createAccount } from './sign-in';
import { linksIn, startMailCatcher, waitForMail, type MailCatcher } from '../mail-catcher';

/*
 * The editor's dashboard as an editor reads it: every figure opens a list with exactly that many rows.
 * A partner is given a listing never verified; the reminders job, run from the command line as a system
 * cron would (`npm run jobs -- --run reminders`), e-mails them a « toujours à jour » link that works once;
 * the bell shows the reminder, the partner reads it and the count goes.
 */

const EDITOR = { email: 'tina.tableau@exemple.fr', name: 'Tina Tableau' };
const PARTNER = { email: 'rita.rappel@exemple.fr', name: 'Rita Rappel' };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let browser: Browser;
let editor: Page;
let partner: Page;
let catcher: MailCatcher;
let mailDir: string;

beforeAll(async () => {
	browser = await launchBrowser();
	editor = await newPage(browser);
	partner = await newPage(browser);
	mailDir = mkdtempSync(join(tmpdir(), 'carto-e2e-reminders-'));
	catcher = await startMailCatcher(join(mailDir, 'mails.jsonl'));
});
afterAll(async () => {
	await browser?.close();
	await catcher?.close();
	rmSync(mailDir, { recursive: true, force: true });
});

function runCommand(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn('node_modules/.bin/tsx', args, { env: { ...process.env, ...env } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('exit', (status) => resolve({ status, stdout, stderr }));
	});
}

const digits = (text: string) => Number(text.replace(/\D/g, ''));

async function bothSizes(page: Page, name: string): Promise<void> {
	await screenshot(page, `${name}-desktop`);
	await page.setViewportSize(PHONE);
	await screenshot(page, `${name}-phone`);
	const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(wide, `${name} : la page déborde en largeur sur téléphone`).toBeLessThanOrEqual(1);
	await page.setViewportSize(DESKTOP);
}

/** The number of rows the list behind a figure says it has. */
async function listCount(page: Page, href: string): Promise<number> {
	await page.goto(href);
	if (href.startsWith('/moderation#')) return digits(await page.getByRole('heading', { name: /^File d'attente/ }).innerText());
	const total = digits(await page.getByTestId('list-total').innerText());
	// The first page shows min(total, 50) rows: the count is the list's, not only a sentence.
	expect(await page.getByTestId('list-row').count(), href).toBe(Math.min(total, 50));
	return total;
}

describe('the editors’ dashboard and the reminders', () => {
	it('a partner is reminded by e-mail, confirms in one click once, and reads the bell', async () => {
		await choosePassword(editor, createAccount('editor', EDITOR.email, EDITOR.name));
		await choosePassword(partner, createAccount('partner', PARTNER.email, PARTNER.name));

		// A listing never verified and without a manager, from the dashboard's own list.
		await editor.goto('/moderation/fiches?fraicheur=jamais&gestionnaire=aucun');
		const name = (await editor.getByTestId('list-row').first().getByRole('link').innerText()).trim();
		await editor.goto('/moderation');
		const grant = editor.getByRole('form', { name: 'Confier une fiche à un partenaire' });
		await grant.getByRole('combobox', { name: 'Fiche' }).fill(name);
		await grant
			.getByRole('option')
			.filter({ has: editor.getByText(name, { exact: true }) })
			.first()
			.click();
		await grant.getByLabel('E-mail du partenaire').fill(PARTNER.email);
		await grant.getByRole('button', { name: 'Confier' }).click();
		await editor.getByTestId('grant-done').waitFor();

		// The system cron's command, on the server's database, e-mailing through a local SMTP server.
		// Not spawnSync: the SMTP server answering the command lives in this process and must keep running.
		// PORT and HOST as the server got them: the command derives the site's links as `npm start` does (no ORIGIN).
		const server = new URL(baseUrl());
		const run = await runCommand(['scripts/jobs.ts', '--run', 'reminders'], {
			DATABASE_URL: inject('databaseUrl'),
			SMTP_URL: catcher.url,
			PORT: server.port,
			HOST: server.hostname
		});
		expect(run.status, run.stderr).toBe(0);
		// Other browser tests' partners may manage stale listings too: at least this partner's one and its e-mail.
		// The server's own scheduler may have reminded the editors of this listing at 9 h (Paris) during the suite:
		// each recipient has their own interval, so the partner is reminded all the same.
		expect(run.stdout).toMatch(/^Tâche « reminders » terminée en \d+ ms : .* fiches à rappeler : \d+ avec gestionnaire .*\d+ courriels? envoyés?/);

		const mail = await waitForMail(catcher.file, PARTNER.email, /toujours à jour\s\?$/);
		expect(mail.subject.replace(/\s/g, ' ')).toBe(`« ${name} » est-elle toujours à jour ?`);
		const confirm = linksIn(mail).find((l) => l.includes('/fiche-a-jour/'))!;
		expect(confirm.startsWith(`${baseUrl()}/fiche-a-jour/`)).toBe(true);
		expect(linksIn(mail).some((l) => /\/espace\/fiches\/\d+$/.test(l))).toBe(true);

		// The bell: one unread reminder.
		await partner.goto('/espace');
		expect(await partner.getByTestId('bell-count').innerText()).toBe('1');
		expect(await partner.getByTestId('listing').first().getByTestId('freshness').innerText()).toContain('À vérifier');
		await partner.getByTestId('bell').click();
		await partner.waitForURL('**/notifications');
		const item = partner.getByTestId('notification').first();
		expect((await item.innerText()).replace(/\s/g, ' ')).toContain(`« ${name} » est à vérifier`);
		await bothSizes(partner, 'notifications');
		await item.getByRole('button', { name: 'Marquer comme lue' }).click();
		await partner.getByTestId('notifications-done').waitFor();
		expect(await partner.getByTestId('bell-count').count()).toBe(0);
		expect(await partner.getByTestId('notification').first().getAttribute('data-unread')).toBe('false');

		// The link from the e-mail, opened in a browser without a session: one button, once.
		const visitor = await newPage(browser);
		await visitor.goto(confirm);
		await visitor.getByRole('heading', { name: /est-elle toujours à jour/ }).waitFor();
		await bothSizes(visitor, 'still-accurate-link');
		await visitor.getByRole('button', { name: 'Oui, la fiche est toujours à jour' }).click();
		expect(await visitor.getByTestId('still-accurate-done').innerText()).toContain('les rappels s’arrêtent');
		await visitor.goto(confirm);
		expect(await visitor.getByTestId('still-accurate-error').innerText()).toContain('Ce lien a déjà servi');
		await visitor.context().close();
		await partner.goto('/espace');
		expect(await partner.getByTestId('listing').first().getByTestId('freshness').getAttribute('data-freshness')).toBe('verified');
	});

	it('every figure of the dashboard opens a list with that many rows', async () => {
		await editor.goto('/moderation');
		await editor.getByTestId('dashboard-link').click();
		await editor.waitForURL('**/moderation/tableau');
		await bothSizes(editor, 'dashboard');
		const figures = await editor
			.locator('[data-testid^="figure-"]')
			.evaluateAll((links) =>
				links.map((a) => ({ id: a.getAttribute('data-testid') as string, href: a.getAttribute('href') as string, text: (a as HTMLElement).innerText }))
			);
		// Freshness bands × (all + 4 départements at least), without manager, reminders, queue, reports, duplicates.
		expect(figures.length).toBeGreaterThanOrEqual(30);
		expect(digits(figures.find((f) => f.id === 'figure-rappels')!.text)).toBeGreaterThan(0);
		const checked: string[] = [];
		for (const f of figures) {
			// /moderation/relations belongs to the relations' moderation page (another part of the issue).
			if (f.href.startsWith('/moderation/relations')) continue;
			expect(await listCount(editor, f.href), `${f.id} → ${f.href}`).toBe(digits(f.text));
			checked.push(f.id);
		}
		expect(checked).toEqual(
			expect.arrayContaining(['figure-jamais', 'figure-ancienne-63', 'figure-sans-gestionnaire-15', 'figure-file', 'figure-doublons', 'figure-rappel-equipe'])
		);
		await editor.goto('/moderation/fiches?fraicheur=jamais&departement=63');
		await bothSizes(editor, 'dashboard-list');
	}, 240_000);
});
