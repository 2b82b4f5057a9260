import { z } from 'zod';
import type { Db } from '../db';
import { mayEditSearchWords } from '../auth/policy';
import { securityLog } from '../auth/security-log';
import { parseGroupTerms, phraseKey } from '../search/synonyms';
import {
	allSynonymGroups,
	insertSynonymGroup,
	removeSynonymGroup,
	setSynonymGroup,
	synonymGroupById,
	type SynonymGroupRow
} from '../repos/search-synonym.repo';
import { ForbiddenError, NotFoundError, ValidationError } from './errors';
import { writeTransaction } from './revision-write';
import type { AccountUser } from './users.service';
import { m } from '$lib/paraglide/messages';

/*
 * The editors' table of the search's synonyms (/admin/recherche). The search reads the table on every query
 * and rebuilds its index when a row changes, so a saved group counts from the next search on. Settings have
 * no revisions table: the security log says who created, changed or deleted which group.
 */

export const MIN_TERMS = 2;
export const MAX_TERMS = 12;
export const MAX_TERM_LENGTH = 60;

/**
 * What may appear in the text besides the terms' letters, digits, spaces, hyphens and apostrophes: the
 * separators parseGroupTerms splits on (commas, semicolons, new lines). Anything else is named back.
 */
const NOT_ALLOWED = /[^\p{L}\p{N}\s'’,;-]/gu;

const termsSchema = z
	.string({ error: () => m.errors_synonyms_text() })
	.max(2000, { error: () => m.errors_synonyms_too_long() })
	.superRefine((raw, ctx) => {
		const bad = [...new Set(raw.match(NOT_ALLOWED) ?? [])];
		if (bad.length === 0) return;
		ctx.addIssue({
			code: 'custom',
			message: m.errors_synonyms_characters({ characters: bad.map((text) => m.errors_quoted({ text })).join(', ') })
		});
	})
	.transform(parseGroupTerms)
	.superRefine((terms, ctx) => {
		if (terms.length < MIN_TERMS) ctx.addIssue({ code: 'custom', message: 'Synonymes : il faut au moins deux mots ou expressions, séparés par des virgules.' });
		if (terms.length > MAX_TERMS)
			ctx.addIssue({ code: 'custom', message: `Synonymes : douze mots ou expressions au plus (ce groupe en a ${terms.length}) ; faites-en deux groupes.` });
		for (const term of terms.filter((t) => t.length > MAX_TERM_LENGTH))
			ctx.addIssue({ code: 'custom', message: `Synonymes : « ${term.slice(0, 20)}… » dépasse ${MAX_TERM_LENGTH} caractères.` });
	});

/** One schema for the form and any future endpoint: the terms as the editor typed them, and the checkbox. */
export const synonymGroupSchema = z.object({
	terms: termsSchema,
	related: z.boolean({ error: () => m.errors_related_boolean() })
});
export type SynonymGroupInput = z.input<typeof synonymGroupSchema>;

const idSchema = z.number().int().positive();

export interface SynonymGroupView {
	id: number;
	terms: string[];
	/** The terms as the edit field shows them. */
	text: string;
	related: boolean;
	updatedAt: string;
}

function authorise(actor: AccountUser | null): AccountUser {
	if (!actor || !mayEditSearchWords(actor)) throw new ForbiddenError(m.errors_synonyms_forbidden());
	return actor;
}

function parse(input: unknown): z.output<typeof synonymGroupSchema> {
	const result = synonymGroupSchema.safeParse(input);
	if (!result.success) throw new ValidationError(result.error.issues.map((i) => i.message));
	return result.data;
}

/** Two groups are the same when they hold the same terms as the search sees them (folded, any order). */
const sameTermsKey = (terms: string[]) => terms.map(phraseKey).sort().join('|');

const view = (row: SynonymGroupRow): SynonymGroupView => {
	const terms = parseGroupTerms(row.terms);
	return { id: row.id, terms, text: terms.join(', '), related: row.related, updatedAt: row.updatedAt };
};

function refuseDuplicate(db: Db, terms: string[], except?: number): void {
	const key = sameTermsKey(terms);
	const twin = allSynonymGroups(db).find((row) => row.id !== except && sameTermsKey(parseGroupTerms(row.terms)) === key);
	if (twin) throw new ValidationError([m.errors_synonyms_twin({ text: view(twin).text })]);
}

export function listSynonymGroups(db: Db, actor: AccountUser | null): SynonymGroupView[] {
	authorise(actor);
	return allSynonymGroups(db).map(view);
}

export function createSynonymGroup(db: Db, actor: AccountUser | null, input: SynonymGroupInput): SynonymGroupView {
	const who = authorise(actor);
	const { terms, related } = parse(input);
	const row = writeTransaction(db, (tx) => {
		refuseDuplicate(tx, terms);
		return synonymGroupById(tx, insertSynonymGroup(tx, { terms: terms.join(', '), related }))!;
	});
	securityLog('synonyms.created', { groupId: row.id, terms: row.terms, related, by: who.id });
	return view(row);
}

/**
 * Saving a group unchanged (the same terms once tidied, the same box) writes nothing: its updated_at stays,
 * so the search keeps its index.
 */
export function updateSynonymGroup(db: Db, actor: AccountUser | null, id: number, input: SynonymGroupInput): SynonymGroupView {
	const who = authorise(actor);
	const { terms, related } = parse(input);
	const text = terms.join(', ');
	const result = writeTransaction(db, (tx) => {
		const before = idSchema.safeParse(id).success ? synonymGroupById(tx, id) : undefined;
		if (!before) throw new NotFoundError(m.errors_synonyms_gone());
		if (view(before).text === text && before.related === related) return { before, after: before };
		refuseDuplicate(tx, terms, id);
		setSynonymGroup(tx, id, { terms: text, related });
		return { before, after: synonymGroupById(tx, id)! };
	});
	if (result.after !== result.before) securityLog('synonyms.updated', { groupId: id, from: result.before.terms, to: text, related, by: who.id });
	return view(result.after);
}

export function deleteSynonymGroup(db: Db, actor: AccountUser | null, id: number): void {
	const who = authorise(actor);
	const before = writeTransaction(db, (tx) => {
		const row = idSchema.safeParse(id).success ? synonymGroupById(tx, id) : undefined;
		if (!row) throw new NotFoundError(m.errors_synonyms_gone());
		removeSynonymGroup(tx, id);
		return row;
	});
	securityLog('synonyms.deleted', { groupId: id, terms: before.terms, related: before.related, by: who.id });
}
