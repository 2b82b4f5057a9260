/**
 * « ← Retour à votre parcours »: where the visitor came from, read from the same-origin `Referer` the
 * site's `strict-origin-when-cross-origin` policy sends (with its query, so the route, the filters or the
 * search come back as they were). Works without JavaScript, and without touching the links that lead here.
 * Only the site's own lists and views are offered; anything else gives no link.
 */
import { categoryLabel, kindPluralLabels, offerLabel, sectorLabel, stageLabel, type EntityKind } from '$lib/domain/vocabulary';
import { toTerritory } from '$lib/domain/french';
import { TERRITORY_CODE_RE } from '$lib/domain/filters';

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
function filtersInWords(params: URLSearchParams, territory: (code: string) => TerritoryName | undefined): string[] {
	const words: string[] = [];
	for (const k of params.getAll('kind')) words.push(kindPluralLabels[k as EntityKind] ?? k);
	for (const c of params.getAll('category')) words.push(categoryLabel(c));
	for (const s of params.getAll('sector')) words.push(sectorLabel(s));
	for (const s of params.getAll('stage')) words.push(stageLabel(s));
	for (const o of params.getAll('offer')) words.push(offerLabel(o));
	const code = params.get('territory');
	if (code) words.push(territory(code)?.name ?? code);
	const q = params.get('q')?.trim();
	if (q) words.push(`«\u00a0${q.length > 40 ? `${q.slice(0, 39)}…` : q}\u00a0»`);
	return words;
}

export function backLink(referer: string | null, origin: string, territory: (code: string) => TerritoryName | undefined = () => undefined): BackLink | null {
	if (!referer || referer.length > MAX_LENGTH) return null;
	let url: URL;
	try {
		url = new URL(referer);
	} catch {
		return null;
	}
	if (url.origin !== origin) return null;
	const href = url.pathname + url.search;
	const path = url.pathname.replace(/\/$/, '') || '/';
	const params = url.searchParams;
	switch (path) {
		case '/parcours':
			return { href, label: url.search ? 'Retour à votre parcours' : 'Retour à « Trouver mon parcours »' };
		case '/parcours/flux':
			return { href, label: 'Retour aux parcours habituels' };
		case '/parcours/flux/projets':
			return { href, label: 'Retour à la liste des projets' };
		case '/carte':
			return { href, label: 'Retour à la carte' };
		case '/reseau':
			return { href, label: 'Retour au réseau' };
		case '/recherche': {
			const q = params.get('q')?.trim();
			return { href, label: q ? `Retour à la recherche «\u00a0${q.length > 40 ? `${q.slice(0, 39)}…` : q}\u00a0»` : 'Retour à la recherche' };
		}
		case '/acteurs': {
			const words = filtersInWords(params, territory);
			if (!words.length) return { href, label: 'Retour à la liste des acteurs' };
			const shown = words.length > LIST_PARTS ? [...words.slice(0, LIST_PARTS), '…'] : words;
			return { href, label: `Retour à la liste (${shown.join(' · ')})` };
		}
	}
	const code = /^\/territoires\/([^/]+)$/.exec(path)?.[1];
	if (code && TERRITORY_CODE_RE.test(code)) {
		const t = territory(code);
		return { href, label: t ? `Retour ${toTerritory(t.name, t.kind)}` : 'Retour au territoire' };
	}
	return null;
}
