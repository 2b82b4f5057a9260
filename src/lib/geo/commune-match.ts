import { frenchSpacing } from '$lib/domain/french/typography';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { normalizePlaceName, placeNameCore, samePlaceName } from './place-name';

/**
 * What a person types to name a commune: its name, its postcode (people know it, and one postcode often
 * covers several communes: 43200 is Yssingeaux and nine others) or its INSEE code (which may be another
 * commune's postcode: INSEE 43200 is Saint-Julien-Chapteuil). One rule, used by the server (the
 * autocomplete's API, the forms without JavaScript) and the browser (the commune fields), decides whether
 * the text names one commune, and says which way it matched.
 */
export const COMMUNE_MATCHES = ['name', 'postal_code', 'insee_code'] as const;
export type CommuneMatch = (typeof COMMUNE_MATCHES)[number];

/** A commune found for a text, and how. */
export interface MatchedCommune {
	code: string;
	name: string;
	departementCode: string | null;
	match: CommuneMatch;
	/** The postcode or INSEE code that matched (null for a name). */
	matchedCode: string | null;
}

/** A full code: five characters, a postcode or an INSEE code (Corsica's 2A/2B included). */
const FULL_CODE_RE = /^\d[0-9AB]\d{3}$/;
/** The beginning of one. */
const PARTIAL_CODE_RE = /^\d[0-9AB]?\d{0,3}$/;

/** « 43 200 » and « 2a004 » as codes are written: no spaces, upper case. */
export function codeText(text: string): string {
	return text.replace(/\s+/g, '').toUpperCase();
}

/** Whether the text is a code (complete or being typed) rather than a name. */
export function codeKind(text: string): 'full' | 'partial' | null {
	const code = codeText(text);
	if (FULL_CODE_RE.test(code)) return 'full';
	return PARTIAL_CODE_RE.test(code) ? 'partial' : null;
}

/** « code postal 43200 », « code INSEE 43200 »; null for a name (it speaks for itself). */
export function matchLabel(match: CommuneMatch, matchedCode: string | null): string | null {
	if (match === 'postal_code') return `code postal ${matchedCode}`;
	if (match === 'insee_code') return `code INSEE ${matchedCode}`;
	return null;
}

/** The rows a search looks through. */
export interface SearchableCommune {
	code: string;
	name: string;
	population: number | null;
	postalCodes: string[];
}

/**
 * Communes for a text, best first. A complete code lists every commune of that postcode (biggest first),
 * then the commune whose INSEE code it is, so both readings are offered and labelled; the beginning of a
 * code lists postcodes then INSEE codes starting with it. A name: the same name first, then names starting
 * with the text, then names with a word starting with it; bigger towns first. `limit` cuts every list but a
 * complete postcode's: all its communes are listed.
 */
export function searchCommuneList<T extends SearchableCommune>(
	communes: T[],
	text: string,
	limit: number
): (T & { match: CommuneMatch; matchedCode: string | null })[] {
	const kind = codeKind(text);
	const byPopulation = (a: T, b: T) => (b.population ?? 0) - (a.population ?? 0) || a.code.localeCompare(b.code);
	if (kind) {
		const code = codeText(text);
		const postal = communes
			.flatMap((c) => {
				const hit = kind === 'full' ? c.postalCodes.find((p) => p === code) : c.postalCodes.filter((p) => p.startsWith(code)).sort()[0];
				return hit ? [{ ...c, match: 'postal_code' as const, matchedCode: hit }] : [];
			})
			.sort((a, b) => (a.matchedCode as string).localeCompare(b.matchedCode as string) || byPopulation(a, b));
		const seen = new Set(postal.map((c) => c.code));
		const insee = communes
			.filter((c) => (kind === 'full' ? c.code === code : c.code.startsWith(code)) && !seen.has(c.code))
			.sort((a, b) => a.code.localeCompare(b.code))
			.map((c) => ({ ...c, match: 'insee_code' as const, matchedCode: c.code }));
		if (kind === 'full') return [...postal, ...insee];
		return [...postal, ...insee].slice(0, limit);
	}
	const needle = normalizePlaceName(text);
	if (!needle) return [];
	const scored = communes.flatMap((c) => {
		const name = normalizePlaceName(c.name);
		const score = name === needle ? 0 : name.startsWith(needle) ? 1 : name.includes(` ${needle}`) ? 2 : -1;
		return score < 0 ? [] : [{ c, score }];
	});
	scored.sort((a, b) => a.score - b.score || byPopulation(a.c, b.c));
	return scored.slice(0, limit).map(({ c }) => ({ ...c, match: 'name' as const, matchedCode: null }));
}

export type CommuneResolution<T> =
	| { status: 'empty' }
	| { status: 'one'; commune: T }
	/** The text may mean several communes: the person chooses (a postcode shared, homonyms, a partial text). */
	| { status: 'several'; choices: T[] }
	| { status: 'none' };

/**
 * Whether a typed text names exactly one commune, given what the search found for it (searchCommuneList):
 * a complete code with a single commune behind it (as a postcode or an INSEE code), a name that only one
 * commune bears, or a beginning of a name that only one commune has. A code being typed always asks.
 */
export function resolveTypedCommune<T extends Pick<MatchedCommune, 'name' | 'match' | 'matchedCode'>>(text: string, items: T[]): CommuneResolution<T> {
	if (text.trim() === '') return { status: 'empty' };
	const kind = codeKind(text);
	if (kind) {
		const code = codeText(text);
		const exact = kind === 'full' ? items.filter((c) => c.match !== 'name' && c.matchedCode === code) : items;
		if (kind === 'full' && exact.length === 1) return { status: 'one', commune: exact[0] as T };
		return exact.length ? { status: 'several', choices: exact } : { status: 'none' };
	}
	const same = items.filter((c) => samePlaceName(c.name, text));
	const candidates = same.length > 0 ? same : items;
	if (candidates.length === 1) return { status: 'one', commune: candidates[0] as T };
	return candidates.length ? { status: 'several', choices: candidates } : { status: 'none' };
}

/**
 * What to tell the person when the text does not name one commune, in the page's language (`locale`; French
 * outside a request), with French spacing in French.
 */
export function resolutionMessage(text: string, resolution: CommuneResolution<unknown>, locale: Locale = getLocale()): string | null {
	const message = resolutionWords(text, resolution, { locale });
	return message && (locale === 'fr' ? frenchSpacing(message) : message);
}

function resolutionWords(text: string, resolution: CommuneResolution<unknown>, o: { locale: Locale }): string | null {
	const shown = text.trim();
	switch (resolution.status) {
		case 'one':
			return null;
		case 'empty':
			return m.map_commune_empty({}, o);
		case 'none':
			return codeKind(shown) ? m.map_commune_no_code({ code: codeText(shown) }, o) : m.map_commune_no_name({ name: shown }, o);
		case 'several': {
			const kind = codeKind(shown);
			if (kind === 'full') return m.map_commune_several_code({ count: resolution.choices.length, code: codeText(shown) }, o);
			if (kind === 'partial') return m.map_commune_partial_code({ code: codeText(shown) }, o);
			return m.map_commune_several_name({ name: shown }, o);
		}
	}
}

/** Edit distance between two short texts (names of communes: a few dozen letters). */
function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length]!;
}

/** « fd » for « ferrand », « st » for « saint », « clermon » for « clermont »: a word written short or with one typo. */
function wordWrittenAs(typed: string, word: string): boolean {
	if (typed === word) return true;
	if (typed[0] === word[0] && typed.length >= 2) {
		let i = 0;
		for (const ch of word) if (ch === typed[i]) i++;
		if (i === typed.length) return true;
	}
	return typed.length >= 4 && editDistance(typed, word) <= 1;
}

const startsWithWords = (words: string[], start: string[]) => start.length < words.length && start.every((w, i) => words[i] === w);

/**
 * How close a typed commune name is to an official one, from 0 to 1, once case, accents, hyphens,
 * « St/Ste » and articles are set aside (1: the same name). The usual ways people write a name score high:
 * the old long name (« Ardes sur Couze » for Ardes, « Vorey sur Arzon » for Vorey: 0.9), a name cut short
 * (« Le Puy » for Le Puy-en-Velay: 0.85), abbreviated words (« Clermont-Fd »: 0.8); otherwise the share of
 * letters in place (a typo or two).
 */
export function communeNameCloseness(typed: string, official: string): number {
	const a = placeNameCore(typed);
	const b = placeNameCore(official);
	if (!a || !b) return 0;
	if (a === b) return 1;
	const ta = a.split(' ');
	const tb = b.split(' ');
	if (startsWithWords(ta, tb)) return 0.9;
	if (startsWithWords(tb, ta) && a.length >= 3) return 0.85;
	if (ta.length === tb.length && ta.every((w, i) => wordWrittenAs(w, tb[i]!))) return 0.8;
	return 1 - editDistance(a, b) / Math.max(a.length, b.length);
}

/** Below this, a typed name is not taken for an official one. */
export const CLOSE_ENOUGH = 0.75;

/**
 * The commune a typed name means among a few candidates (the communes of its postcode): the closest one
 * when it is close enough and closer than every other; `several` when two are as close; `none` otherwise.
 */
export function closestCommune<T extends { name: string }>(
	typed: string,
	candidates: T[]
): { status: 'one'; commune: T; closeness: number } | { status: 'several'; choices: T[] } | { status: 'none' } {
	const scored = candidates.map((c) => ({ c, closeness: communeNameCloseness(typed, c.name) })).filter((s) => s.closeness >= CLOSE_ENOUGH);
	if (scored.length === 0) return { status: 'none' };
	scored.sort((x, y) => y.closeness - x.closeness);
	const best = scored[0]!;
	const tied = scored.filter((s) => s.closeness === best.closeness);
	if (tied.length > 1) return { status: 'several', choices: tied.map((s) => s.c) };
	return { status: 'one', commune: best.c, closeness: best.closeness };
}

/**
 * Codes of the French départements (metropolitan, Corsica's two, the five overseas) and of the overseas
 * collectivities whose communes have INSEE codes too (975, 977, 978, 984, 986–988: a national file lists them).
 */
const DEPARTEMENT_RE = /^(0[1-9]|1\d|[3-8]\d|9[0-5]|2[1-9AB]|97[1-8]|98[4-8])$/;

/** The département of an INSEE commune code (« 63 », « 2A », « 974 »), or null when it names none (99…: abroad). */
export function departementOfInsee(code: string): string | null {
	const c = codeText(code);
	const d = c.startsWith('97') || c.startsWith('98') ? c.slice(0, 3) : c.slice(0, 2);
	return DEPARTEMENT_RE.test(d) ? d : null;
}

/**
 * The départements a postcode may belong to: its first two digits, three overseas (974…), both Corsican
 * départements for 20xxx, the Pacific collectivities' own (986–988); none for Monaco's 980xx. A few postcodes cross a border: the
 * communes' own postcodes are asked first, this is for postcodes no commune of the territory has.
 */
export function departementsOfPostcode(postcode: string): string[] {
	const c = codeText(postcode);
	if (!/^\d{5}$/.test(c)) return [];
	if (c.startsWith('20')) return ['2A', '2B'];
	if (c.startsWith('97') || c.startsWith('98')) return DEPARTEMENT_RE.test(c.slice(0, 3)) ? [c.slice(0, 3)] : [];
	const d = c.slice(0, 2);
	return DEPARTEMENT_RE.test(d) ? [d] : [];
}
