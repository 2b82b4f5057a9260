import type { Db } from '../db';
import { DuplicateFinder } from '../import/duplicates';
import { entitiesForMatching } from '../repos/import.repo';

export interface DuplicatePair {
	kept: { id: number; slug: string; name: string };
	other: { id: number; slug: string; name: string };
	why: string;
}

/**
 * Listings of the directory that probably repeat an older one, by the importer's rules (SIRET, a place's
 * own website, a near name in the same commune): each listing is compared with those created before it,
 * so a pair is named once, the older listing first.
 */
export function suspectedDuplicatePairs(db: Db): DuplicatePair[] {
	const live = entitiesForMatching(db)
		.filter((e) => !e.deletedAt)
		.sort((a, b) => a.id - b.id);
	// Websites are judged on the whole directory (a page many places share is no one's own).
	const finder = new DuplicateFinder<(typeof live)[number]>([], live);
	const pairs: DuplicatePair[] = [];
	for (const e of live) {
		const hit = finder.find(e);
		if (hit) pairs.push({ kept: { id: hit.of.id, slug: hit.of.slug, name: hit.of.name }, other: { id: e.id, slug: e.slug, name: e.name }, why: hit.why });
		finder.add(e);
	}
	return pairs;
}
