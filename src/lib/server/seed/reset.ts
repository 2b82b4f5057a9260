import type { Db } from '../db';
import { entities, relations } from '../db/schema';

/** Empties the ecosystem (relations first, then entities); territories stay. */
export function clearEcosystem(db: Db): { entities: number; relations: number } {
	return db.transaction((tx) => {
		const r = tx.delete(relations).run().changes;
		const e = tx.delete(entities).run().changes;
		return { entities: e, relations: r };
	});
}
