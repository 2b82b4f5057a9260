import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { websiteKey } from '$lib/import/values';
import type { Db } from '../db';
import { entities, type NewEntity } from '../db/schema';
import { compactName, type DuplicateCandidate } from '../import/duplicates';
import { MATCH_COLUMNS } from './import.repo';

/*
 * The duplicate rules (../import/duplicates.ts) compare a new listing with listings that share its SIRET, its
 * website, or a name one typing slip apart in its commune. Those keys are stored with each row, so one
 * proposal reads a handful of rows through indexes instead of the whole directory.
 */

/** The keys of the fields being written; a patch without name or website leaves those keys as they are. */
export function withMatchKeys<T extends Partial<NewEntity>>(values: T): T {
	const keys: Partial<NewEntity> = {};
	if (values.name !== undefined) keys.matchName = compactName(values.name ?? '');
	if (values.website !== undefined) keys.websiteKey = values.website ? websiteKey(values.website) : null;
	return { ...values, ...keys };
}

const BATCH = 2000;

/** Rows written before the keys existed (or by hand): computed once, in batches. Returns how many. */
export function fillMissingMatchKeys(db: Db): number {
	let done = 0;
	for (;;) {
		const rows = db
			.select({ id: entities.id, name: entities.name, website: entities.website })
			.from(entities)
			.where(isNull(entities.matchName))
			.limit(BATCH)
			.all();
		if (rows.length === 0) return done;
		db.transaction((tx) => {
			for (const r of rows) {
				tx.update(entities)
					.set({ matchName: compactName(r.name), websiteKey: r.website ? websiteKey(r.website) : null })
					.where(eq(entities.id, r.id))
					.run();
			}
		});
		done += rows.length;
	}
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Every compact name one edit away (a letter dropped, added, changed, or two swapped) and the name itself:
 * a superset of what nearNames accepts, which still decides. Names under six letters only meet their equal.
 */
export function nameNeighbours(compact: string): string[] {
	if (compact.length < 6) return [compact];
	const letters = [...new Set(ALPHABET + compact)];
	const out = new Set([compact]);
	for (let i = 0; i <= compact.length; i++) {
		const before = compact.slice(0, i);
		const after = compact.slice(i);
		for (const l of letters) out.add(before + l + after);
		if (i < compact.length) {
			out.add(before + compact.slice(i + 1));
			for (const l of letters) out.add(before + l + compact.slice(i + 1));
		}
		if (i < compact.length - 1) out.add(before + compact[i + 1] + compact[i] + compact.slice(i + 2));
	}
	return [...out];
}

/** The listings (deleted ones too; callers decide) the rules could match with the candidate, read through the keys' indexes. */
export function duplicateCandidates(db: Db, c: DuplicateCandidate) {
	const found = new Map<number, ReturnType<typeof read>[number]>();
	const read = (where: ReturnType<typeof eq>) => db.select(MATCH_COLUMNS).from(entities).where(where).all();
	const add = (rows: ReturnType<typeof read>) => rows.forEach((r) => found.set(r.id, r));
	if (c.siret) add(read(eq(entities.siret, c.siret)));
	if (c.website) add(read(eq(entities.websiteKey, websiteKey(c.website))));
	const compact = compactName(c.name);
	if (compact) {
		const commune = c.communeCode ? eq(entities.communeCode, c.communeCode) : isNull(entities.communeCode);
		const names = nameNeighbours(compact);
		for (let i = 0; i < names.length; i += 500) add(read(and(commune, inArray(entities.matchName, names.slice(i, i + 500)))!));
	}
	return [...found.values()];
}

/** Whether any row still lacks its keys (a cheap probe of the partial index). */
export const matchKeysMissing = (db: Db) => db.get<{ n: number } | undefined>(sql`select 1 as n from entities where match_name is null limit 1`) !== undefined;

const IN_BATCH = 500;

function inBatches<T>(values: T[], read: (batch: T[]) => void): void {
	for (let i = 0; i < values.length; i += IN_BATCH) read(values.slice(i, i + IN_BATCH));
}

/** The listings sharing one of these SIRET numbers or website keys (deleted ones too), through their indexes. */
export function listingsBySiretOrWebsite(db: Db, sirets: string[], websiteKeys: string[]) {
	const found = new Map<number, ReturnType<typeof readWhere>[number]>();
	const readWhere = (where: ReturnType<typeof eq>) => db.select(MATCH_COLUMNS).from(entities).where(where).all();
	inBatches([...new Set(sirets)], (b) => readWhere(inArray(entities.siret, b)).forEach((r) => found.set(r.id, r)));
	inBatches([...new Set(websiteKeys)], (b) => readWhere(inArray(entities.websiteKey, b)).forEach((r) => found.set(r.id, r)));
	return [...found.values()];
}

/** Each listing's id and name key in one commune (null: the listings without one), read from the keys' index alone. */
export function nameKeysInCommune(db: Db, communeCode: string | null) {
	return db
		.select({ id: entities.id, matchName: entities.matchName })
		.from(entities)
		.where(communeCode ? eq(entities.communeCode, communeCode) : isNull(entities.communeCode))
		.all();
}

export function listingsByIds(db: Db, ids: number[]) {
	const rows: Array<ReturnType<typeof readIds>[number]> = [];
	const readIds = (b: number[]) => db.select(MATCH_COLUMNS).from(entities).where(inArray(entities.id, b)).all();
	inBatches(ids, (b) => rows.push(...readIds(b)));
	return rows;
}

export function listingsBySlugs(db: Db, slugs: string[]) {
	const rows: Array<ReturnType<typeof readSlugs>[number]> = [];
	const readSlugs = (b: string[]) => db.select(MATCH_COLUMNS).from(entities).where(inArray(entities.slug, b)).all();
	inBatches([...new Set(slugs)], (b) => rows.push(...readSlugs(b)));
	return rows;
}

/** Whether a listing (deleted ones too) already has this identifier: the slug's unique index answers. */
export const slugTaken = (db: Db, slug: string) => db.get<{ n: number } | undefined>(sql`select 1 as n from entities where slug = ${slug}`) !== undefined;
