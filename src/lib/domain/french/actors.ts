/**
 * A lead for an actor whose listing has no summary, from what is known: « Startup fondée en 2016 à Riom »,
 * « Incubateur fondé en 2014 au Puy-en-Velay », « Entrepreneur·e à Aurillac » (a person's category keeps
 * its vocabulary label: no gender is recorded).
 */
import { categoryLabel } from '$lib/domain/vocabulary';
import { agree, nounPhrase } from './names';
import { inTerritory } from './places';

export interface LeadFacts {
	kind: string;
	category: string;
	foundedYear?: number | null;
	communeName?: string | null;
}

/** Categories named by a noun whose gender is not the category's own (« Collectivité / organisme public »). */
const LABEL_GENDER: Record<string, 'm' | 'f'> = { public_body: 'f', cluster: 'm', university: 'm', pitch: 'm' };

export function actorLead(a: LeadFacts): string {
	const label = categoryLabel(a.category);
	const gender = LABEL_GENDER[a.category] ?? nounPhrase({ name: label, kind: a.kind, category: a.category }).gender ?? 'm';
	const parts = [label];
	if (a.foundedYear && a.kind !== 'person' && a.kind !== 'event') parts.push(`${agree('fondé', { gender, plural: false })} en ${a.foundedYear}`);
	if (a.communeName) parts.push(inTerritory(a.communeName, 'commune'));
	return parts.join(' ');
}
