import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';

/**
 * Accounts as the browser tests make them: created with the real command-line tool against the server's
 * database (as the first admin is), then the person chooses a password from the invitation link and signs in.
 */

export const PASSWORD = 'chaîne des puys 1465 m';
export type Role = 'admin' | 'editor' | 'partner';

/** Runs `npm run user:create` (extra variables, e.g. PORT, as an operator would set them); returns its output. */
export function userCreate(role: Role, email: string, name: string, env: Record<string, string> = {}) {
	return spawnSync('node_modules/.bin/tsx', ['scripts/user-create.ts', '--role', role, '--email', email, '--name', name], {
		env: { ...process.env, DATABASE_URL: inject('databaseUrl'), ...env },
		encoding: 'utf8'
	});
}

/** Creates the account; returns the path of the single-use invitation link it prints. */
export function createAccount(role: Role, email: string, name: string): string {
	const run = userCreate(role, email, name);
	const path = /\/invitation\/[A-Za-z0-9_-]+/.exec(run.stdout)?.[0];
	if (run.status !== 0 || !path) throw new Error(`user-create a échoué :\n${run.stdout}\n${run.stderr}`);
	return path;
}

/** Opens the invitation (when given) and chooses the password; lands on « Mon espace ». */
export async function choosePassword(page: Page, invitationPath: string | null, password = PASSWORD): Promise<void> {
	if (invitationPath) await page.goto(invitationPath);
	await page.getByLabel('Mot de passe (12 caractères au moins)').fill(password);
	await page.getByLabel('Confirmez le mot de passe').fill(password);
	await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
	// Hashing the password takes a while on a busy machine.
	await page.waitForURL('**/espace', { timeout: 30_000 });
}

export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
	await page.goto('/connexion');
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Mot de passe', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await page.waitForURL('**/espace', { timeout: 30_000 });
}
