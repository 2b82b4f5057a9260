import type { EntityData } from '$lib/domain/entity.schema';
import { normaliseName, websiteKey } from '$lib/import/values';
import type { entitiesForMatching } from '../repos/import.repo';

/*
 * What makes two listings « probably the same »: the same SIRET, the same website (host and path, without
 * www or scheme), or the same normalised name in the same commune. Used against the database and within
 * the file itself.
 */

export type Existing = ReturnType<typeof entitiesForMatching>[number];

export interface MatchIndex {
	bySlug: Map<string, Existing>;
	byName: Map<string, Existing>;
	byWebsite: Map<string, Existing>;
	bySiret: Map<string, Existing>;
}

export const nameKey = (name: string, communeCode: string | null | undefined) => `${normaliseName(name)}|${communeCode ?? ''}`;

export function addToIndex(index: MatchIndex, e: Existing): void {
	index.bySlug.set(e.slug, e);
	if (e.deletedAt) return;
	index.byName.set(nameKey(e.name, e.communeCode), e);
	if (e.website) index.byWebsite.set(websiteKey(e.website), e);
	if (e.siret) index.bySiret.set(e.siret, e);
}

export function matchIndex(list: Existing[]): MatchIndex {
	const index: MatchIndex = { bySlug: new Map(), byName: new Map(), byWebsite: new Map(), bySiret: new Map() };
	for (const e of list) addToIndex(index, e);
	return index;
}

export function probableDuplicate(index: MatchIndex, data: EntityData): { of: Existing; why: string } | null {
	const siret = data.siret ? index.bySiret.get(data.siret) : undefined;
	if (siret) return { of: siret, why: `même SIRET ${data.siret}` };
	const site = data.website ? index.byWebsite.get(websiteKey(data.website)) : undefined;
	if (site) return { of: site, why: `même site web ${data.website}` };
	const named = index.byName.get(nameKey(data.name, data.communeCode));
	if (named && (data.communeCode || !named.communeCode)) return { of: named, why: 'même nom dans la même commune' };
	return null;
}

/** A slug nobody uses yet: « la-grange », then « la-grange-2 »… */
export function uniqueSlug(base: string, taken: Set<string>): string {
	const root = base || 'acteur';
	let slug = root;
	for (let n = 2; taken.has(slug); n++) slug = `${root}-${n}`;
	taken.add(slug);
	return slug;
}
