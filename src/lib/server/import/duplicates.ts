import { normaliseName, websiteKey } from '$lib/import/values';

/*
 * What makes two listings « probably the same place », said once for the importer, a partner's proposal of
 * a new listing and the public « référencer ma structure » flow:
 *   1. the same SIRET;
 *   2. the same website, when that website is specific to one place (its host and path);
 *   3. a shared website (an institution's, a platform's) together with a near name or the same commune;
 *   4. a near name in the same commune (or both without a commune).
 * A website is shared when it is a bare institutional or platform host (puy-de-dome.fr, facebook.com…), or
 * when the listings and rows compared use it for three or more differently named places in several communes:
 * the nine « Maison des solidarités » of puy-de-dome.fr are nine places.
 */

export interface DuplicateCandidate {
	name: string;
	communeCode: string | null;
	website: string | null;
	siret: string | null;
}

export interface DuplicateMatch<T> {
	of: T;
	/** Why, in French, for the report or the form: « même SIRET 123… », « nom proche dans la même commune ». */
	why: string;
}

/** Hosts that many unrelated places share: a page on them may be specific, their home page never is. */
const SHARED_HOSTS = [
	// public bodies: the State, the région, the four départements, the metropolis
	'gouv.fr',
	'service-public.fr',
	'france-services.gouv.fr',
	'auvergnerhonealpes.fr',
	'allier.fr',
	'cantal.fr',
	'hauteloire.fr',
	'haute-loire.fr',
	'puy-de-dome.fr',
	'clermontmetropole.eu',
	'caf.fr',
	'msa.fr',
	'francetravail.fr',
	'pole-emploi.fr',
	// platforms and networks where each place has a page
	'facebook.com',
	'fb.com',
	'linkedin.com',
	'instagram.com',
	'twitter.com',
	'x.com',
	'youtube.com',
	'google.com',
	'sites.google.com',
	'fablabs.io',
	'francetierslieux.fr',
	'helloasso.com',
	'wixsite.com',
	'wordpress.com',
	'gogocarto.fr',
	'societenumerique.gouv.fr',
	'linktr.ee'
];

const hostOf = (key: string) => key.split('/')[0] ?? key;
const isSharedHost = (host: string) => SHARED_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));

/** « Fablab de la Limagne » and « FabLab Limagne » are both « fablablimagne ». */
const LINK_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'a', 'au', 'aux', 'en', 'the', 'of', 'and']);
export function compactName(name: string): string {
	return normaliseName(name)
		.split(' ')
		.filter((w) => w && !LINK_WORDS.has(w))
		.join('');
}

const digitsOf = (s: string) => (s.match(/\d+/g) ?? []).join(' ');

/** Every string one deletion away (and the string itself): two names one edit apart share one of them. */
export function deletions(s: string): string[] {
	const out = new Set([s]);
	for (let i = 0; i < s.length; i++) out.add(s.slice(0, i) + s.slice(i + 1));
	return [...out];
}

/** Damerau-Levenshtein distance at most 1 (one letter added, dropped, changed or two swapped). */
function oneEditApart(a: string, b: string): boolean {
	if (a === b) return true;
	if (Math.abs(a.length - b.length) > 1) return false;
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	if (a.length === b.length) {
		if (a.slice(i + 1) === b.slice(i + 1)) return true;
		return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
	}
	return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Near names: the same once accents, case, punctuation and little words are gone, or one typing slip apart
 * when long enough for a slip to be told from another name. Numbers must agree: « Coworking 1 » and
 * « Coworking 2 » are two rooms.
 */
export function nearNames(a: string, b: string): boolean {
	const x = compactName(a);
	const y = compactName(b);
	if (!x || !y) return false;
	if (x === y) return true;
	if (digitsOf(a) !== digitsOf(b)) return false;
	return Math.min(x.length, y.length) >= 6 && oneEditApart(x, y);
}

const communeOf = (c: DuplicateCandidate) => c.communeCode ?? '';

/**
 * The listings (and rows) a candidate is compared with. Build it with everything known, including the rows
 * of the file still to come (`alsoSeen`), so that a website's sharing is judged on the whole file, not on
 * the rows read so far.
 */
export class DuplicateFinder<T extends DuplicateCandidate> {
	private readonly bySiret = new Map<string, T>();
	private readonly byWebsite = new Map<string, T[]>();
	private readonly byNameVariant = new Map<string, T[]>();
	/** Website key → the names and communes that use it, from everything seen. */
	private readonly websiteUse = new Map<string, { names: Set<string>; communes: Set<string> }>();

	constructor(items: Iterable<T> = [], alsoSeen: Iterable<DuplicateCandidate> = []) {
		for (const item of items) this.add(item);
		for (const seen of alsoSeen) this.noteWebsite(seen);
	}

	private noteWebsite(c: DuplicateCandidate): void {
		if (!c.website) return;
		const key = websiteKey(c.website);
		const use = this.websiteUse.get(key) ?? { names: new Set(), communes: new Set() };
		use.names.add(compactName(c.name));
		use.communes.add(communeOf(c));
		this.websiteUse.set(key, use);
	}

	/**
	 * Specific: one place's own site. A bare shared host is not, nor a page three differently named places in
	 * several communes use (two are as likely one place renamed as two places).
	 */
	websiteIsSpecific(website: string): boolean {
		const key = websiteKey(website);
		const host = hostOf(key);
		if (key === host && isSharedHost(host)) return false;
		const use = this.websiteUse.get(key);
		return !use || use.names.size < 3 || use.communes.size < 2;
	}

	add(item: T): void {
		if (item.siret && !this.bySiret.has(item.siret)) this.bySiret.set(item.siret, item);
		if (item.website) {
			const key = websiteKey(item.website);
			// Pushed, not copied: a website thousands of listings share made this quadratic.
			const list = this.byWebsite.get(key);
			if (list) list.push(item);
			else this.byWebsite.set(key, [item]);
		}
		this.noteWebsite(item);
		const compact = compactName(item.name);
		if (!compact) return;
		for (const variant of deletions(compact)) {
			const key = `${communeOf(item)}|${variant}`;
			const list = this.byNameVariant.get(key);
			if (list) {
				if (!list.includes(item)) list.push(item);
			} else this.byNameVariant.set(key, [item]);
		}
	}

	private nearNamed(c: DuplicateCandidate, commune: string): T[] {
		const compact = compactName(c.name);
		if (!compact) return [];
		const found: T[] = [];
		for (const variant of deletions(compact)) {
			for (const item of this.byNameVariant.get(`${commune}|${variant}`) ?? []) {
				if (!found.includes(item) && nearNames(c.name, item.name)) found.push(item);
			}
		}
		return found;
	}

	/** The first listing the candidate probably duplicates, with the reason, or null. */
	find(c: DuplicateCandidate): DuplicateMatch<T> | null {
		if (c.siret) {
			const same = this.bySiret.get(c.siret);
			if (same) return { of: same, why: `même SIRET ${c.siret}` };
		}
		if (c.website) {
			const sameSite = this.byWebsite.get(websiteKey(c.website)) ?? [];
			if (sameSite.length) {
				if (this.websiteIsSpecific(c.website)) return { of: sameSite[0]!, why: `même site web ${c.website}` };
				const near = sameSite.find((item) => nearNames(c.name, item.name));
				if (near) return { of: near, why: `même site web et nom proche de « ${near.name} »` };
				const sameCommune = c.communeCode ? sameSite.find((item) => item.communeCode === c.communeCode) : undefined;
				if (sameCommune) return { of: sameCommune, why: `même site web partagé dans la même commune` };
			}
		}
		// Without a commune, a name only meets names without one: a commune given on one side only tells nothing.
		const named = this.nearNamed(c, communeOf(c));
		const exact = named.find((item) => normaliseName(item.name) === normaliseName(c.name));
		if (exact) return { of: exact, why: c.communeCode ? 'même nom dans la même commune' : 'même nom, sans commune' };
		const near = named[0];
		if (near) return { of: near, why: `nom proche de « ${near.name} »${c.communeCode ? ' dans la même commune' : ', sans commune'}` };
		return null;
	}
}

/** For one candidate against a list (a proposal, a public submission): the same rules as an import. */
export function findDuplicate<T extends DuplicateCandidate>(candidate: DuplicateCandidate, existing: Iterable<T>): DuplicateMatch<T> | null {
	return new DuplicateFinder(existing, [candidate]).find(candidate);
}
