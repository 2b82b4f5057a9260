import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { messageSegments } from './message-segments';
import { BREAKABLE_FRENCH_SPACING } from '$lib/domain/french/typography';

type Catalogue = Record<string, unknown>;
/** One file per area of the site (project.inlang/settings.json lists them), so parallel work never edits the same file. */
const patterns = (JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as { 'plugin.inlang.messageFormat': { pathPattern: string[] } })[
	'plugin.inlang.messageFormat'
].pathPattern;
const files = (locale: string) => patterns.map((pattern) => pattern.replace('{locale}', locale));
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
const catalogue = (locale: string): Catalogue => Object.assign({}, ...files(locale).map(read)) as Catalogue;
const fr = catalogue('fr');
/** What a visitor reads: every pattern, plural variants included; not declarations, selectors nor $schema. */
const NOT_TEXT = new Set(['$schema', 'declarations', 'selectors']);
function texts(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(texts);
	if (!value || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, inner]) => (NOT_TEXT.has(key) ? [] : texts(inner)));
}
const en = catalogue('en');

describe('message catalogues', () => {
	it('a key lives in one file only (a second one would silently replace the first)', () => {
		for (const locale of ['fr', 'en']) {
			const seen = new Map<string, string>();
			const twice: string[] = [];
			for (const file of files(locale)) {
				for (const key of Object.keys(read(file))) {
					if (key === '$schema') continue;
					if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} + ${file}`);
					seen.set(key, file);
				}
			}
			expect(twice).toEqual([]);
		}
	});
	it('each area file has its English twin with the same keys', () => {
		for (const [frFile, enFile] of files('fr').map((file, i) => [file, files('en')[i]!] as const)) {
			expect(Object.keys(read(enFile)).sort(), enFile).toEqual(Object.keys(read(frFile)).sort());
		}
	});
	it('English has every French key and no other', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
	});
	it('French keeps its typography: a no-break space before « : ; ! ? » and inside « » (npm run i18n:typography writes them)', () => {
		const breakable = texts(fr).filter((text) => BREAKABLE_FRENCH_SPACING.test(text));
		expect(breakable).toEqual([]);
	});
	it('English is left as English: no space before its colons', () => {
		expect(texts(en).filter((text) => /[\u00a0 ][:;!?](\s|$)/.test(text))).toEqual([]);
	});
});

describe('plurals and counts come from the locale rules', () => {
	it('French puts 0 and 1 in the singular, English only 1', () => {
		expect(m.search_suggestion_count({ count: 0 }, { locale: 'fr' })).toBe('0 suggestion');
		expect(m.search_suggestion_count({ count: 1 }, { locale: 'fr' })).toBe('1 suggestion');
		expect(m.search_suggestion_count({ count: 2 }, { locale: 'fr' })).toBe('2 suggestions');
		expect(m.search_suggestion_count({ count: 0 }, { locale: 'en' })).toBe('0 suggestions');
		expect(m.search_suggestion_count({ count: 1 }, { locale: 'en' })).toBe('1 suggestion');
	});
	it('numbers are written the French way (narrow no-break space between thousands)', () => {
		expect(m.bell_unread({ count: 1234 }, { locale: 'fr' })).toBe('Notifications\u00a0: 1\u202f234 non lues');
		expect(m.bell_unread({ count: 1 }, { locale: 'fr' })).toBe('Notifications\u00a0: 1 non lue');
		expect(m.bell_unread({ count: 1234 }, { locale: 'en' })).toBe('Notifications: 1,234 unread');
	});
});

describe('messages with a link or bold words inside', () => {
	it('come as runs of text a component wraps, wherever the translation puts them', () => {
		expect(messageSegments(m.home_browse.parts({}, { locale: 'en' }))).toEqual([
			{ text: 'Or browse ' },
			{ text: 'the actor directory', tag: 'directory' },
			{ text: ' directly, filtered by type, sector, stage, support offered and territory.' }
		]);
		expect(m.home_browse({}, { locale: 'fr' })).toBe(
			"Ou parcourez directement l'annuaire des acteurs, filtrable par type, secteur, stade, offre d'accompagnement et territoire."
		);
	});
});
