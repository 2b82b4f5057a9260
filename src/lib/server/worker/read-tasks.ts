/**
 * What read-worker.ts may run in a thread of its own: plain functions of a read connection whose answers
 * cross to the server as structured clones (arrays and plain objects, no class instances), their large buffers
 * handed over (hand-over.ts).
 */
import type { Db } from '../db';
import { suspectedDuplicatePairs } from '../services/duplicate-pairs.service';
import { buildPackedLiveGraph } from '../graph/graph-build';
import { handOver } from './hand-over';
import { inParts } from './in-parts';
import { buildPathways } from '../pathways/pathway-build';
import type { EntityFilters } from '$lib/domain/filters';
import { mapPointBytes, mapPointsJsonBytes } from '../services/map-points.service';
import { searchWords } from '../repos/search.repo';
import { freshnessFigures, type FreshnessFiguresArgs } from '../services/dashboard.service';

/** Bytes handed over, not copied (3 MB of map points at 100,000 actors). */
const whole = (bytes: Uint8Array) => handOver(bytes, [bytes.buffer as ArrayBuffer]);

export const READ_TASKS = {
	/** The whole directory compared with itself by the importer's rules: 1 s at 10,000 listings. */
	duplicatePairs: (db: Db) => suspectedDuplicatePairs(db),
	/** The graph's index (rows read and sorted, adjacency built): 0.3 s at 10,000 actors, 3 s at 100,000; as columns. */
	liveGraph: (db: Db) => buildPackedLiveGraph(db),
	/** The flows, the finder's indexes and the structures, from every pathway: 3.2 s at 100,000 actors; in parts. */
	pathways: (db: Db) => {
		const data = buildPathways(db);
		return inParts(data, { revision: data.revision });
	},
	/** The map's points of a filtered set as bytes (see $lib/map/points-binary): 0.3 s at 100,000 actors. */
	mapPoints: (db: Db, filters: EntityFilters) => whole(mapPointBytes(db, filters)),
	/** The same points in the JSON answer (with the count and the first names), as bytes: ~1 s at 100,000 actors. */
	mapPointsJson: (db: Db, filters: EntityFilters) => whole(mapPointsJsonBytes(db, filters)),
	/** The search's vocabulary (its typo step), stems and place names: 0.6 s at 100,000 actors. */
	searchWords: (db: Db) => searchWords(db),
	/** The editors' dashboard's freshness by département, then and now, and the listings nobody manages: 1.1 s at 100,000. */
	freshnessFigures: (db: Db, args: FreshnessFiguresArgs) => freshnessFigures(db, args)
} as const;

export type ReadTaskName = keyof typeof READ_TASKS;
export type ReadTaskResult<N extends ReadTaskName> = ReturnType<(typeof READ_TASKS)[N]>;
/** The second argument a task takes besides the database (undefined: none). */
export type ReadTaskArgs<N extends ReadTaskName> = Parameters<(typeof READ_TASKS)[N]>[1];
