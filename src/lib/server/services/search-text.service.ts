import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { entities, meta } from '../db/schema';
import { territoryNameIndex } from '../repos/entity-write.repo';
import { SEARCH_TEXT_VERSION, buildSearchStems, buildSearchTerms } from './search-terms';

const VERSION_KEY = 'search_text_version';
const CHUNK = 500;

/**
 * Rewrites every entity's derived search text (labels, places, stems) when it was written by an older version
 * of search-terms.ts; the index follows through its update trigger. Only derived columns change (the history
 * ignores them), in chunks so a large database is not held in one transaction. Returns the rows rewritten.
 */
export function refreshSearchText(db: Db): number {
	const done = db.select({ value: meta.value }).from(meta).where(eq(meta.key, VERSION_KEY)).get()?.value ?? 0;
	if (done >= SEARCH_TEXT_VERSION) return 0;
	const places = territoryNameIndex(db);
	let after = 0;
	let rewritten = 0;
	for (;;) {
		const rows = db
			.select({
				id: entities.id,
				kind: entities.kind,
				category: entities.category,
				sectors: entities.sectors,
				stages: entities.stages,
				offers: entities.offers,
				communeCode: entities.communeCode,
				name: entities.name,
				summary: entities.summary,
				descriptionText: entities.descriptionText
			})
			.from(entities)
			.where(gt(entities.id, after))
			.orderBy(asc(entities.id))
			.limit(CHUNK)
			.all();
		if (rows.length === 0) break;
		db.transaction((tx) => {
			for (const row of rows) {
				const searchTerms = buildSearchTerms(row, places);
				tx.update(entities)
					.set({ searchTerms, searchStems: buildSearchStems({ ...row, searchTerms }) })
					.where(eq(entities.id, row.id))
					.run();
			}
		});
		rewritten += rows.length;
		after = rows.at(-1)!.id;
	}
	db.insert(meta)
		.values({ key: VERSION_KEY, value: SEARCH_TEXT_VERSION })
		.onConflictDoUpdate({ target: meta.key, set: { value: sql`excluded.value` } })
		.run();
	return rewritten;
}
