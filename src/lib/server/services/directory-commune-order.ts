/**
 * The directory sorted by commune (issue 18): actors ordered by the French key of their commune's name
 * (fr_sort; no commune last, as « zzz »), then by name. SQLite computed that key for every kept actor and sorted
 * them all before the first page: 1.25 s at 100,000 actors. Here the page is found from the number of actors in
 * each commune (cached per revision), the communes being ordered once by their names' keys; SQLite then reads
 * and sorts only the actors of the communes the page falls in, in the same order as before.
 */
import type { DirectoryQuery } from '$lib/domain/filters';
import type { Db } from '../db';
import { listEntitiesInCommunes, type EntityListItem } from '../repos/entity.repo';
import { territoryLookups } from './territory-lookups';
import { entityCommuneCounts } from './entity-counts';

/** The key SQL gives an actor whose commune is missing or unknown: coalesce(fr_sort(null), 'zzz'). */
const NO_COMMUNE_KEY = 'zzz';

/** SQLite compares text as UTF-8 bytes (BINARY): the same order here. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

export function pageByCommune(db: Db, query: DirectoryQuery, offset: number): EntityListItem[] {
	const byCode = territoryLookups(db).sortKeyOf;
	// Communes whose names share a key (homonyms) are one group: SQLite orders their actors by name together.
	const groups = new Map<string, { codes: string[]; withoutCommune: boolean; n: number }>();
	for (const { code, n } of entityCommuneCounts(db, query)) {
		const key = (code == null ? undefined : byCode.get(code)) ?? NO_COMMUNE_KEY;
		let group = groups.get(key);
		if (!group) groups.set(key, (group = { codes: [], withoutCommune: false, n: 0 }));
		if (code == null) group.withoutCommune = true;
		else group.codes.push(code);
		group.n += n;
	}
	const ordered = [...groups].sort(([a], [b]) => byBytes(a, b)).map(([, g]) => g);
	if (query.dir === 'desc') ordered.reverse();
	const codes: string[] = [];
	let withoutCommune = false;
	let before = 0;
	let skip = -1;
	for (const group of ordered) {
		if (before + group.n <= offset) {
			before += group.n;
			continue;
		}
		if (skip < 0) skip = offset - before;
		codes.push(...group.codes);
		withoutCommune ||= group.withoutCommune;
		before += group.n;
		if (before >= offset + query.perPage) break;
	}
	return skip < 0 ? [] : listEntitiesInCommunes(db, query, codes, withoutCommune, skip);
}
