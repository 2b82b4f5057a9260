import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startApp, type StartedApp } from '../../scripts/lib/local-server';
import { startFakeBan, type FakeBan } from '../fake-ban-server';
import { startMailCatcher, type MailCatcher } from '../mail-catcher';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		/** The server's SQLite file, for tests that change data through scripts/e2e-*.ts. */
		databaseUrl: string;
		/** Every e-mail the server sent, one JSON line each (tests/mail-catcher.ts: readCaughtMails, waitForMail). */
		mailboxFile: string;
	}
}

let app: StartedApp | undefined;
/** Imports geocode addresses: the server asks this fake Base Adresse Nationale, never the real one. */
let ban: FakeBan | undefined;
let workDir: string | undefined;
/** E-mail goes to a real local SMTP server, as it would to the newsroom's. */
let mail: MailCatcher | undefined;

/**
 * The server is started the way the README says (`npm start`: scripts/start.ts prepares the database and
 * serves plain http), with only documented variables: PORT, HOST, DATABASE_URL, CARTO_GEOCODER_URL.
 */
export default async function setup(project: TestProject) {
	if (!existsSync('build/index.js') || !existsSync('build/handler.js')) {
		throw new Error('Aucune construction dans build/ : lancez « npx vite build » avant les tests de navigateur.');
	}
	workDir = mkdtempSync(join(tmpdir(), 'carto-e2e-'));
	const databaseUrl = join(workDir, 'e2e.db');
	ban = await startFakeBan();
	mail = await startMailCatcher(join(workDir, 'mails.jsonl'));
	try {
		app = await startApp({ ...process.env, DATABASE_URL: databaseUrl, CARTO_GEOCODER_URL: ban.url, SMTP_URL: mail.url });
	} catch (e) {
		await ban.close();
		await mail.close();
		rmSync(workDir, { recursive: true, force: true });
		throw e;
	}
	project.provide('baseUrl', app.baseUrl);
	project.provide('databaseUrl', databaseUrl);
	project.provide('mailboxFile', mail.file);

	return async () => {
		await app?.stop();
		await ban?.close();
		await mail?.close();
		if (workDir) rmSync(workDir, { recursive: true, force: true });
	};
}
