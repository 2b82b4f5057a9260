import { categoryLabel, type EntityStatus } from '$lib/domain/vocabulary';
import { frenchSpacing } from '$lib/domain/french';
import type { Db } from '../db';
import { entityNamesForPick, entityPickDetails } from '../repos/contribution.repo';
import { foldName, matchNames } from '../search/name-match';
import type { ListingOption } from '$lib/domain/listing-option';
import { PickError } from './errors';
import type { AccountUser } from './users.service';
import { m } from '$lib/paraglide/messages';

/*
 * Choosing one listing among hundreds by typing part of its name: the suggestions of the picker (with
 * JavaScript) and the answer to a form sent with only the typed text (without). The services that act on
 * the chosen listing authorise; this one only reads names that every signed-in account may already link to.
 */

/** Which listings a picker offers: `live` (published and drafts), `archived`, or every one. */
export const PICK_SCOPES = ['live', 'archived', 'all'] as const;
export type PickScope = (typeof PICK_SCOPES)[number];
const SCOPE_STATUSES: Record<PickScope, readonly EntityStatus[] | undefined> = {
	live: ['published', 'draft'],
	archived: ['archived'],
	all: undefined
};

export type { ListingOption };

/** What a form sent: the id chosen in the list, or only the text typed (no JavaScript, or no choice made). */
export interface ListingPick {
	/** The form field the choice came in, so the candidates go back next to it. */
	field: string;
	id: number | null;
	query: string;
}

const STATUS_WORDS: Partial<Record<EntityStatus, string>> = { draft: 'brouillon', archived: 'archivée' };

function option(row: ReturnType<typeof entityPickDetails>[number]): ListingOption {
	const parts = [categoryLabel(row.category), row.communeName, STATUS_WORDS[row.status]].filter(Boolean);
	return { id: row.id, name: row.name, detail: parts.join(' · ') };
}

/** The options for these ids, in their order. */
function optionsFor(db: Db, ids: number[]): ListingOption[] {
	const byId = new Map(entityPickDetails(db, ids).map((r) => [r.id, option(r)]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface SearchOptions {
	limit?: number;
	scope?: PickScope;
	/** Left out of the answers (the listing a relation starts from). */
	exclude?: number | null;
}

function candidates(db: Db, scope: PickScope, exclude: number | null | undefined) {
	const rows = entityNamesForPick(db, SCOPE_STATUSES[scope]);
	return exclude ? rows.filter((r) => r.id !== exclude) : rows;
}

/** One listing as a picker shows it (to keep a choice on a form sent back with an error). */
export function listingOption(db: Db, _user: AccountUser, id: number): ListingOption | null {
	return optionsFor(db, [id])[0] ?? null;
}

/** The picker's suggestions for what was typed, best first. */
export function searchListings(db: Db, _user: AccountUser, query: string, options: SearchOptions = {}) {
	const { items, total } = matchNames(candidates(db, options.scope ?? 'all', options.exclude), query, Math.min(options.limit ?? 8, 50));
	return {
		items: optionsFor(
			db,
			items.map((i) => i.id)
		),
		total
	};
}

const SHOWN = 10;

/**
 * The listing a form designates. A chosen id is returned as is (the acting service checks it exists and
 * may be touched); a typed text must name one listing exactly, otherwise the form comes back with the
 * candidates to choose from, so nothing is done to a listing the person did not see.
 */
export function resolveListing(db: Db, _user: AccountUser, pick: ListingPick, options: SearchOptions = {}): number {
	const field = pick.field;
	if (pick.id) return pick.id;
	const query = pick.query.trim();
	if (!foldName(query)) throw new PickError(field, query, [], m.errors_pick_type());
	const { items, total } = matchNames(candidates(db, options.scope ?? 'all', options.exclude), query, SHOWN);
	// Exact names come first: two namesakes both show, and then the person chooses.
	const exact = items.filter((r) => foldName(r.name) === foldName(query));
	if (exact.length === 1) return (exact[0] as { id: number }).id;
	if (total === 0) throw new PickError(field, query, [], frenchSpacing(m.errors_pick_none({ query })));
	const shown = optionsFor(
		db,
		items.map((i) => i.id)
	);
	const message = frenchSpacing(
		total === 1 ? m.errors_pick_one({ query }) : total > SHOWN ? m.errors_pick_many_shown({ total, query, shown: SHOWN }) : m.errors_pick_many({ total, query })
	);
	throw new PickError(field, query, shown, message);
}

/** A listing given by id (tests, scripts) or by a picker's answer. */
export type ListingRef = number | ListingPick;

export function listingId(db: Db, user: AccountUser, ref: ListingRef, options: SearchOptions = {}): number {
	return typeof ref === 'number' ? ref : resolveListing(db, user, ref, options);
}
