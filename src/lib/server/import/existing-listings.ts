import type { Db } from '../db';
import { turnTaker } from './chunks';
import { compactName, deletions } from './duplicates';
import type { Existing } from './matching';
import {
	fillMissingMatchKeys,
	listingsByIds,
	listingsBySiretOrWebsite,
	listingsBySlugs,
	matchKeysMissing,
	nameKeysInCommune,
	slugTaken
} from '../repos/match-keys';
import { websiteKey } from '$lib/import/values';
import type { RowDraft } from '$lib/import/row-entity';

/*
 * An import compares its rows with the directory. Reading and indexing every listing cost 5.7 s of the event
 * loop for a 40-row file at 100,000 listings; the rules only ever match a listing that shares a row's SIRET,
 * its website (all of that website's listings, so its sharing is judged as before), or a name key one
 * deletion away in the row's commune. Those are read through the keys' indexes, commune by commune.
 */

/** The listings the file's rows could match or update (deleted ones too: they keep their identifiers). */
export async function listingsToCompare(db: Db, drafts: RowDraft[]): Promise<Existing[]> {
	if (matchKeysMissing(db)) fillMissingMatchKeys(db);
	const inputs = drafts.map((d) => d.input);
	const found = new Map<number, Existing>();
	const keep = (rows: Existing[]) => rows.forEach((r) => found.set(r.id, r));
	keep(
		listingsBySiretOrWebsite(
			db,
			inputs.flatMap((i) => (i.siret ? [i.siret] : [])),
			inputs.flatMap((i) => (i.website ? [websiteKey(i.website)] : []))
		)
	);
	keep(
		listingsBySlugs(
			db,
			inputs.flatMap((i) => (i.slug ? [i.slug] : []))
		)
	);

	// Two names one slip apart share a deletion variant: the file's variants, grouped by commune as the rules are.
	const variantsByCommune = new Map<string, Set<string>>();
	for (const i of inputs) {
		const compact = compactName(i.name ?? '');
		if (!compact) continue;
		const commune = i.communeCode ?? '';
		const variants = variantsByCommune.get(commune) ?? new Set<string>();
		for (const v of deletions(compact)) variants.add(v);
		variantsByCommune.set(commune, variants);
	}
	const nearIds: number[] = [];
	const turn = turnTaker();
	for (const [commune, variants] of variantsByCommune) {
		for (const row of nameKeysInCommune(db, commune || null)) {
			if (row.matchName && !found.has(row.id) && deletions(row.matchName).some((v) => variants.has(v))) nearIds.push(row.id);
			await turn();
		}
	}
	keep(listingsByIds(db, nearIds));
	return [...found.values()];
}

/** Identifiers in use: the file's own, then the directory's, asked of the slug index one at a time. */
export function slugBook(db: Db, fileSlugs: string[]) {
	const local = new Set(fileSlugs);
	return {
		has: (slug: string) => local.has(slug) || slugTaken(db, slug),
		add: (slug: string) => void local.add(slug)
	};
}
