import type { Db } from '../db';
import { articles, stories, storyRevisions, entities, entityManagers, entitySlugRedirects, pendingChanges, relations } from '../db/schema';
import { deleteRevisionsOf, withRevisionsUnlocked } from '../repos/revision.repo';

/**
 * Empties the ecosystem (relations first, then entities); territories and accounts stay. A reset starts
 * over for real, so the history of what it removes goes too, through the one door the append-only triggers
 * leave; so do the partners' grants, old slugs and pending proposals: they name listings that no longer
 * exist (and whose ids the new demo reuses), and the grants' foreign keys refused the reset.
 */
export function clearEcosystem(db: Db): { entities: number; relations: number } {
	return withRevisionsUnlocked(db, (tx) => {
		tx.delete(entityManagers).run();
		tx.delete(entitySlugRedirects).run();
		tx.delete(pendingChanges).run();
		// Articles are the demo's too, and their mentions name the listings going away.
		tx.delete(articles).run();
		tx.delete(stories).run();
		tx.delete(storyRevisions).run();
		const r = tx.delete(relations).run().changes;
		const e = tx.delete(entities).run().changes;
		deleteRevisionsOf(tx, 'relation');
		deleteRevisionsOf(tx, 'entity');
		return { entities: e, relations: r };
	});
}
