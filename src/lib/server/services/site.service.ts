import type { Db } from '../db';
import { hasDemoEntities } from '../repos/entity.repo';

/** Site-wide facts the layout shows on every page (the demo banner). */
export function hasDemoData(db: Db): boolean {
	return hasDemoEntities(db);
}
