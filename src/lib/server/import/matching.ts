import type { EntityData } from '$lib/domain/entity.schema';
import type { entitiesForMatching } from '../repos/import.repo';
import { DuplicateFinder, type DuplicateCandidate } from './duplicates';

/*
 * The importer's view of the duplicate rules (./duplicates.ts, shared with partners' proposals): listings
 * by slug for updates, and a finder against the database or against the file's earlier rows.
 */

export type Existing = ReturnType<typeof entitiesForMatching>[number];

export interface MatchIndex {
	bySlug: Map<string, Existing>;
	finder: DuplicateFinder<Existing>;
}

export function addToIndex(index: MatchIndex, e: Existing): void {
	index.bySlug.set(e.slug, e);
	if (!e.deletedAt) index.finder.add(e);
}

/** `alsoSeen`: the file's rows, so a website several places of the file share is known as shared from the first row. */
export function matchIndex(list: Existing[], alsoSeen: DuplicateCandidate[] = []): MatchIndex {
	const index: MatchIndex = { bySlug: new Map(), finder: new DuplicateFinder<Existing>([], [...list.filter((e) => !e.deletedAt), ...alsoSeen]) };
	for (const e of list) addToIndex(index, e);
	return index;
}

export function probableDuplicate(index: MatchIndex, data: EntityData): { of: Existing; why: string } | null {
	return index.finder.find(data);
}

/** A slug nobody uses yet: « la-grange », then « la-grange-2 »… */
export function uniqueSlug(base: string, taken: { has(slug: string): boolean; add(slug: string): unknown }): string {
	const root = base || 'acteur';
	let slug = root;
	for (let n = 2; taken.has(slug); n++) slug = `${root}-${n}`;
	taken.add(slug);
	return slug;
}
