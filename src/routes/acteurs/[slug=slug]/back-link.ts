/**
 * « ← Retour à votre parcours »: where the visitor came from, read from the same-origin `Referer` the
 * site's `strict-origin-when-cross-origin` policy sends (with its query, so the route, the filters or the
 * search come back as they were). Works without JavaScript, and without touching the links that lead here.
 * Only the site's own lists and views are offered; anything else gives no link.
 */
import type { EntityKind } from '$lib/domain/vocabulary';
import { toTerritory } from '$lib/domain/french';
import { TERRITORY_CODE_RE } from '$lib/domain/filters';
import { phrasing } from '$lib/i18n/phrasing';
import { routePath } from '$lib/i18n/locale-href';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';

export interface BackLink {
	href: string;
	/** Without the arrow: « Retour à la carte ». */
	label: string;
}

export interface TerritoryName {
	name: string;
	kind: string;
}

/** Longer addresses are not ones the site writes. */
const MAX_LENGTH = 2000;
const LIST_PARTS = 4;

/** « Incubateurs · Puy-de-Dôme · « volca » »: the list's filters in words, the first few. */
function filtersInWords(params: URLSearchParams, territory: (code: string) => TerritoryName | undefined, locale: Locale): string[] {
	const words: string[] = [];
	const { vocabulary, kindPlural } = phrasing(locale);
	for (const k of params.getAll('kind')) words.push(kindPlural[k as EntityKind] ?? k);
	for (const c of params.getAll('category')) words.push(vocabulary.category(c));
	for (const s of params.getAll('sector')) words.push(vocabulary.sector(s));
	for (const s of params.getAll('stage')) words.push(vocabulary.stage(s));
	for (const o of params.getAll('offer')) words.push(vocabulary.offer(o));
	const code = params.get('territory');
	if (code) words.push(territory(code)?.name ?? code);
	const q = params.get('q')?.trim();
	if (q) words.push(locale === 'en' ? `“${shortened(q)}”` : `«\u00a0${shortened(q)}\u00a0»`);
	return words;
}

const shortened = (q: string) => (q.length > 40 ? `${q.slice(0, 39)}…` : q);

/** The label is in `locale` (the page's language); the href is the referer's own address, in its own language. */
export function backLink(
	referer: string | null,
	origin: string,
	territory: (code: string) => TerritoryName | undefined = () => undefined,
	locale: Locale = getLocale()
): BackLink | null {
	if (!referer || referer.length > MAX_LENGTH) return null;
	let url: URL;
	try {
		url = new URL(referer);
	} catch {
		return null;
	}
	if (url.origin !== origin) return null;
	const href = url.pathname + url.search;
	// '/en/carte' is the map too: the way back names the page, whatever its language.
	const path = routePath(url.pathname.replace(/\/$/, '') || '/');
	const params = url.searchParams;
	const o = { locale };
	switch (path) {
		case '/parcours':
			return { href, label: url.search ? m.back_route({}, o) : m.back_finder({}, o) };
		case '/parcours/flux':
			return { href, label: m.back_flows({}, o) };
		case '/parcours/flux/projets':
			return { href, label: m.back_projects({}, o) };
		case '/carte':
			return { href, label: m.back_map({}, o) };
		case '/reseau':
			return { href, label: m.back_network({}, o) };
		case '/recherche': {
			const q = params.get('q')?.trim();
			return { href, label: q ? m.back_search_query({ query: shortened(q) }, o) : m.back_search({}, o) };
		}
		case '/acteurs': {
			const words = filtersInWords(params, territory, locale);
			if (!words.length) return { href, label: m.back_directory({}, o) };
			const shown = words.length > LIST_PARTS ? [...words.slice(0, LIST_PARTS), '…'] : words;
			return { href, label: m.back_directory_filtered({ filters: shown.join(' · ') }, o) };
		}
	}
	const code = /^\/territoires\/([^/]+)$/.exec(path)?.[1];
	if (code && TERRITORY_CODE_RE.test(code)) {
		const t = territory(code);
		if (!t) return { href, label: m.back_territory({}, o) };
		// French says « au Puy-de-Dôme », « à Thiers », « dans le Cantal »: the phrasing module knows which.
		return { href, label: m.back_territory_named({ where: locale === 'en' ? t.name : toTerritory(t.name, t.kind) }, o) };
	}
	return null;
}
