import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { categoryTerms, kindTerms, offerTerms, relationTypeTerms, sectorTerms, stageTerms } from '$lib/domain/vocabulary';
import { cookieName } from '$lib/paraglide/runtime';
import { baseUrl, launchBrowser, screenshot } from './browser';
import { choosePassword, createAccount } from './sign-in';

/**
 * Issue 16: every page in English without a French interface word, every French page without an English one.
 * The words come from the catalogues themselves: a word that only the French catalogue (or the French
 * vocabulary) uses, found on an /en page outside the listings' own texts (lang="fr"), names the message keys
 * it belongs to. The same for English on the French pages. The listings' and places' names are content:
 * their words never count.
 */

// ---------------------------------------------------------------- the catalogues' words
type Catalogue = Record<string, unknown>;
const patterns = (JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as { 'plugin.inlang.messageFormat': { pathPattern: string[] } })[
	'plugin.inlang.messageFormat'
].pathPattern;
const catalogue = (locale: string): Catalogue =>
	Object.assign({}, ...patterns.map((p) => JSON.parse(readFileSync(p.replace('{locale}', locale), 'utf8')) as Catalogue)) as Catalogue;
const NOT_TEXT = new Set(['$schema', 'declarations', 'selectors']);
function texts(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(texts);
	if (!value || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, inner]) => (NOT_TEXT.has(key) ? [] : texts(inner)));
}
/** A message's literal words: placeholders and markup ({count}, {#link}…{/link}) removed. */
const literal = (text: string) => text.replace(/\{[^{}]*\}/g, ' ');
const words = (text: string) =>
	(literal(text)
		.toLowerCase()
		.match(/\p{L}{4,}/gu) ?? []) as string[];

const fr = catalogue('fr');
const en = catalogue('en');
const vocabulary = [kindTerms, categoryTerms, sectorTerms, stageTerms, offerTerms].flat();
const frVocabulary = [...vocabulary.map((t) => t.label), ...relationTypeTerms.flatMap((t) => [t.label, t.inverseLabel])];
const enVocabulary = [...vocabulary.map((t) => t.labelEn), ...relationTypeTerms.flatMap((t) => [t.labelEn, t.inverseLabelEn])];

/** word -> the keys (or « vocabulary ») whose text uses it, in one language. */
function wordIndex(cat: Catalogue, vocab: string[]): Map<string, Set<string>> {
	const index = new Map<string, Set<string>>();
	const add = (word: string, key: string) => index.set(word, (index.get(word) ?? new Set()).add(key));
	for (const [key, value] of Object.entries(cat)) if (key !== '$schema') for (const text of texts(value)) for (const w of words(text)) add(w, key);
	for (const label of vocab) for (const w of words(label)) add(w, 'vocabulary');
	return index;
}

// ---------------------------------------------------------------- the routes
const ROUTES_DIR = 'src/routes';
function pageRoutes(dir = ROUTES_DIR): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return pageRoutes(path);
		return name === '+page.svelte' ? [dir.slice(ROUTES_DIR.length) || '/'] : [];
	});
}
/**
 * Words both languages write the same way, which only one catalogue happens to use: never a leftover.
 * (« attribution » is MapLibre's own English button on the map; « communes » names French municipalities in English too.)
 */
const BOTH_LANGUAGES = new Set([
	'attribution',
	'association',
	'communes',
	'commune',
	'transport',
	'tables',
	'analyse',
	'description',
	'source',
	'sources',
	'location'
]);

/** Shared addresses, one language by design (partners' embeds: the page that gives the snippet is translated). */
const NOT_LOCALISED = new Set(['/embed/carte', '/embed/reseau', '/embed/agenda', '/embed/recits/[slug=slug]']);

interface Fixtures {
	slugs: Record<string, string>;
	entityId: number;
	importId: string;
}
/** The demo's territorial récit (src/lib/server/seed/stories.ts). */
const DEMO_STORY = 'qui-finance-l-agroalimentaire-du-cantal-exemple';
/** Each route with the addresses a visitor would open (its parameters filled from the demo data). */
const ROUTES: Record<string, (f: Fixtures) => string[]> = {
	'/': () => ['/'],
	'/acteurs': () => ['/acteurs', '/acteurs?kind=organisation&category=incubator'],
	'/acteurs/[slug=slug]': (f) => Object.values(f.slugs).map((slug) => `/acteurs/${slug}`),
	'/acteurs/[slug=slug]/historique': (f) => [`/acteurs/${f.slugs.organisation}/historique`],
	'/acteurs/[slug=slug]/signaler': (f) => [`/acteurs/${f.slugs.organisation}/signaler`],
	'/admin/import': () => ['/admin/import'],
	'/admin/import/[id]': (f) => [`/admin/import/${f.importId}`],
	'/admin/recherche': () => ['/admin/recherche'],
	'/admin/utilisateurs': () => ['/admin/utilisateurs'],
	'/agenda': () => ['/agenda', '/agenda?past=1&territory=63'],
	'/api': () => ['/api'],
	'/carte': () => ['/carte', '/carte?dep=15&stats=density'],
	'/compte': () => ['/compte'],
	'/connexion': () => ['/connexion'],
	'/connexion/oubli': () => ['/connexion/oubli'],
	'/contribuer': () => ['/contribuer'],
	'/contribuer/confirmer/[token]': () => ['/contribuer/confirmer/jeton-inconnu-0000000000'],
	'/contribuer/gerer': () => ['/contribuer/gerer'],
	'/contribuer/gerer/[slug=slug]': (f) => [`/contribuer/gerer/${f.slugs.organisation}`],
	'/contribuer/referencer': () => ['/contribuer/referencer'],
	'/espace': () => ['/espace'],
	'/espace/fiches/[id]': (f) => [`/espace/fiches/${f.entityId}`],
	'/espace/agendas': () => ['/espace/agendas'],
	'/espace/evenements/nouveau': () => ['/espace/evenements/nouveau'],
	// No feed in the walk's database: an unknown feed's page must be a clear 404, in the page's language.
	'/espace/agendas/[id]': () => ['/espace/agendas/999999'],
	'/explorer': () => ['/explorer'],
	'/fiche-a-jour/[token]': () => ['/fiche-a-jour/jeton-inconnu-0000000000'],
	'/invitation/[token]': () => ['/invitation/jeton-inconnu-0000000000'],
	'/moderation': () => ['/moderation'],
	'/moderation/articles': () => ['/moderation/articles', '/moderation/articles?a-relire=1'],
	'/moderation/articles/[id]': () => ['/moderation/articles/1'],
	'/moderation/doublons': () => ['/moderation/doublons'],
	'/moderation/fiches': () => ['/moderation/fiches'],
	'/moderation/propositions': () => ['/moderation/propositions'],
	'/moderation/rappels': () => ['/moderation/rappels'],
	'/moderation/relations': () => ['/moderation/relations'],
	'/moderation/tableau': () => ['/moderation/tableau'],
	'/notifications': () => ['/notifications'],
	'/parcours': () => ['/parcours', '/parcours?commune=15187&stage=creation&need=funding'],
	'/parcours/flux': () => ['/parcours/flux'],
	'/parcours/flux/projets': () => ['/parcours/flux/projets'],
	'/recits': () => ['/recits'],
	'/recits/nouveau': () => ['/recits/nouveau', '/recits/nouveau?vue=%2Fcarte%3Fsector%3Dagrifood'],
	'/recits/ajouter': () => ['/recits/ajouter?vue=%2Freseau%3Fsector%3Dagrifood'],
	'/recits/[slug=slug]': () => [`/recits/${DEMO_STORY}`],
	'/recits/[slug=slug]/modifier': () => [`/recits/${DEMO_STORY}/modifier`],
	'/recherche': () => ['/recherche?q=incubateurs', '/recherche?q=acelerateur', '/recherche?q=Thiers'],
	'/reseau': () => ['/reseau'],
	'/territoires/[code=territory]': () => ['/territoires/63113', '/territoires/63', '/territoires/15']
};
/** Pages a visitor reads signed out (the others are read by an administrator, who may open them all). */
const SIGNED_OUT = new Set(['/connexion', '/connexion/oubli', '/invitation/[token]', '/contribuer/confirmer/[token]', '/fiche-a-jour/[token]']);

// ---------------------------------------------------------------- reading a page as a person does
/** Everything a person reads or hears: visible text, labels for screen readers, placeholders, titles, alt texts. */
async function readable(page: Page, otherLanguage: 'fr' | 'en'): Promise<string> {
	return page.evaluate((other) => {
		const body = document.body.cloneNode(true) as HTMLElement;
		// Machine words (API codes, column names, parameters) are shown as code: the same in both languages.
		for (const el of body.querySelectorAll(`[lang="${other}"], script, style, template, noscript, code, kbd, samp, pre`)) el.remove();
		const attributes = [...body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')].flatMap((el) =>
			['aria-label', 'title', 'placeholder', 'alt', 'aria-description'].map((name) => el.getAttribute(name) ?? '')
		);
		return [document.title, body.textContent ?? '', ...attributes].join('\n');
	}, otherLanguage);
}

async function open(page: Page, path: string): Promise<number> {
	const res = await page.goto(path, { waitUntil: 'load' });
	// Maps, graphs and client-side tables fill in after hydration: wait until the network is quiet.
	await page.waitForLoadState('networkidle', { timeout: 8_000 }).catch(() => undefined);
	return res?.status() ?? 0;
}

describe('every page in both languages', () => {
	let browser: Browser;
	let admin: BrowserContext;
	let visitor: BrowserContext;
	let fixtures: Fixtures;
	let contentWords: Set<string>;

	beforeAll(async () => {
		browser = await launchBrowser();
		const context = (locale: string) => browser.newContext({ baseURL: baseUrl(), locale, viewport: { width: 1280, height: 900 } });
		visitor = await context('fr-FR');
		admin = await context('fr-FR');
		const adminPage = await admin.newPage();
		await choosePassword(adminPage, createAccount('admin', 'walk-admin@example.org', 'Relectrice Bilingue'));
		// An import to open: a small file sent through the page, as an editor does.
		await adminPage.goto('/admin/import');
		await adminPage.getByLabel('Fichier à importer').setInputFiles({
			name: 'structures.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('nom;type;commune\r\nAtelier des Volcans;organisation;Thiers\r\n', 'utf8')
		});
		await adminPage.getByRole('button', { name: 'Analyser (essai à blanc)' }).click();
		await adminPage.waitForURL(/\/admin\/import\/\d+$/, { timeout: 30_000 });
		const importId = /\/admin\/import\/(\d+)$/.exec(adminPage.url())?.[1] ?? '';
		await adminPage.close();

		const db = new Database(inject('databaseUrl'), { readonly: true, fileMustExist: true });
		const slugs = Object.fromEntries(
			(db.prepare("select kind, min(slug) as slug from entities where status = 'published' group by kind").all() as { kind: string; slug: string }[]).map(
				(r) => [r.kind, r.slug]
			)
		);
		const entityId = (db.prepare('select id from entities where slug = ?').get(slugs.organisation) as { id: number }).id;
		// Content, never translated: the listings' and places' names, the people's names, the editable synonyms.
		const content = [
			...(db.prepare('select name from entities').pluck().all() as string[]),
			...(db.prepare('select name from territories').pluck().all() as string[]),
			...(db.prepare("select display_name || ' ' || email from users").pluck().all() as string[]),
			...(db.prepare('select terms from search_synonyms').pluck().all() as string[]),
			// The press and the récits are the newsroom's French texts, like the listings'.
			...(db.prepare("select title || ' ' || outlet || ' ' || coalesce(author, '') || ' ' || excerpt from articles").pluck().all() as string[]),
			...(db.prepare("select title || ' ' || subtitle || ' ' || author || ' ' || intro from stories").pluck().all() as string[]),
			...(db.prepare('select text from story_steps').pluck().all() as string[])
		];
		db.close();
		contentWords = new Set(content.flatMap(words));
		fixtures = { slugs, entityId, importId };
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('knows every route of the site (a new page joins this walk)', () => {
		const unknown = pageRoutes().filter((route) => !(route in ROUTES) && !NOT_LOCALISED.has(route));
		expect(unknown).toEqual([]);
	});

	/** Walks every route in `locale`; returns, per address, the other language's keys whose words were found. */
	async function walk(locale: 'fr' | 'en'): Promise<Record<string, string[]>> {
		const mine = wordIndex(locale === 'en' ? en : fr, locale === 'en' ? enVocabulary : frVocabulary);
		const theirs = wordIndex(locale === 'en' ? fr : en, locale === 'en' ? frVocabulary : enVocabulary);
		const foreign = new Map([...theirs].filter(([word]) => !mine.has(word) && !contentWords.has(word)));
		const leftovers: Record<string, string[]> = {};
		// The visitor's remembered choice is this walk's language (the root would otherwise send an English reader to /en).
		for (const context of [admin, visitor]) await context.addCookies([{ name: cookieName, value: locale, url: baseUrl() }]);
		const pages = { admin: await admin.newPage(), visitor: await visitor.newPage() };
		for (const [route, paths] of Object.entries(ROUTES)) {
			const page = SIGNED_OUT.has(route) ? pages.visitor : pages.admin;
			for (const path of paths(fixtures)) {
				const address = locale === 'en' ? (path === '/' ? '/en' : `/en${path}`) : path;
				const status = await open(page, address);
				expect(status, address).toBeLessThan(500);
				expect(await page.locator('html').getAttribute('lang'), address).toBe(locale);
				// What the visitor typed comes back on the page (« incubateurs »): their words, not the interface's.
				const typed = new Set(words(new URL(address, baseUrl()).searchParams.get('q') ?? ''));
				const found = new Set<string>();
				// Addresses, paths and codes (/api/v1/pathways/flows, incubated_by, ?lang=en) are machine words too.
				const text = (await readable(page, locale === 'en' ? 'fr' : 'en')).replace(/\S*[/_=?&]\S*/g, ' ');
				for (const word of text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) {
					const keys = typed.has(word) || BOTH_LANGUAGES.has(word) ? undefined : foreign.get(word);
					// The word, then the first keys that use it: enough to find the message (or the text written in a component).
					if (keys) found.add(`« ${word} » ${[...keys].slice(0, 3).join(', ')}${keys.size > 3 ? ', …' : ''}`);
				}
				if (found.size) leftovers[address] = [...found].sort();
			}
		}
		await pages.admin.close();
		await pages.visitor.close();
		return leftovers;
	}

	it('in English (/en/…): no French interface word on any page', async () => {
		expect(await walk('en')).toEqual({});
	}, 600_000);

	it('in French (the root): no English interface word on any page', async () => {
		expect(await walk('fr')).toEqual({});
	}, 600_000);

	it('the main pages in English, for a person to look at (desktop and phone)', async () => {
		const main = {
			home: '/en',
			directory: '/en/acteurs',
			actor: `/en/acteurs/${fixtures.slugs.organisation}`,
			map: '/en/carte',
			network: '/en/reseau',
			explorer: '/en/explorer',
			finder: '/en/parcours?commune=15187&stage=creation&need=funding',
			search: '/en/recherche?q=incubateurs'
		};
		const phone = await browser.newContext({ baseURL: baseUrl(), locale: 'en-GB', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
		const desktop = await browser.newContext({ baseURL: baseUrl(), locale: 'en-GB', viewport: { width: 1280, height: 900 } });
		for (const [name, path] of Object.entries(main)) {
			for (const [size, context] of [
				['desktop', desktop],
				['phone', phone]
			] as const) {
				const page = await context.newPage();
				expect(await open(page, path), path).toBe(200);
				expect(await page.locator('html').getAttribute('lang')).toBe('en');
				await screenshot(page, `en-${name}-${size}`);
				await page.close();
			}
		}
		await phone.close();
		await desktop.close();
	}, 300_000);
});
