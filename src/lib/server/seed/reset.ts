import type { Db } from '../db';
import { entities, relations } from '../db/schema';
import { deleteRevisionsOf, withRevisionsUnlocked } from '../repos/revision.repo';

/**
 * Empties the ecosystem (relations first, then entities); territories stay. A reset starts over for
 * real, so the history of what it removes goes too, through the one door the append-only triggers leave.
 */
export function clearEcosystem(db: Db): { entities: number; relations: number } {
	return withRevisionsUnlocked(db, (tx) => {
		const r = tx.delete(relations).run().changes;
		const e = tx.delete(entities).run().changes;
		deleteRevisionsOf(tx, 'relation');
		deleteRevisionsOf(tx, 'entity');
		return { entities: e, relations: r };
	});
}
