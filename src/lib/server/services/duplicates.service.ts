import type { Db } from '../db';
import { findDuplicate, type DuplicateCandidate } from '../import/duplicates';
import { duplicateCandidates, fillMissingMatchKeys, matchKeysMissing } from '../repos/match-keys';
import { ValidationError } from './errors';
import { m } from '$lib/paraglide/messages';

/*
 * The duplicate rules of the importer, for a listing proposed one at a time: a partner's proposal of a
 * new listing today, the public « référencer ma structure » form when it comes.
 */

export interface ListingDuplicate {
	id: number;
	slug: string;
	name: string;
	/** In French: « même site web https://… », « nom proche de « … » dans la même commune ». */
	why: string;
}

/** The published or draft listing a new one would probably repeat, or null. Deleted listings do not count. */
export function probableDuplicateListing(db: Db, candidate: DuplicateCandidate): ListingDuplicate | null {
	// A row inserted by hand since the start has no keys yet: it gets them before being compared.
	if (matchKeysMissing(db)) fillMissingMatchKeys(db);
	const live = duplicateCandidates(db, candidate).filter((e) => !e.deletedAt);
	const hit = findDuplicate(candidate, live);
	return hit ? { id: hit.of.id, slug: hit.of.slug, name: hit.of.name, why: hit.why } : null;
}

/** Refuses a new listing that repeats one already in the directory, naming it so its author can ask to manage it instead. */
export function assertNotDuplicate(db: Db, candidate: DuplicateCandidate): void {
	const dup = probableDuplicateListing(db, candidate);
	if (!dup) return;
	throw new ValidationError([m.errors_duplicate({ name: candidate.name, existing: dup.name, why: dup.why, path: `/acteurs/${dup.slug}` })]);
}
