import type { Db } from '../../src/lib/server/db/index';
import type { LivePathways } from '../../src/lib/server/pathways/pathway-cache';
import { pathwayEntitiesWhere } from '../../src/lib/server/repos/pathway.repo';
import type { PathwayEntity } from '../../src/lib/pathways/extract';

/** A project (as the database has it now) whose number of steps passes `test`, else the first project. */
export function projectWithSteps(db: Db, live: LivePathways, test: (steps: number) => boolean): PathwayEntity {
	const counts = [...live.stepCounts];
	const [id] = counts.find(([, n]) => test(n)) ?? counts[0]!;
	return pathwayEntitiesWhere(db, { ids: [id] })[0]!;
}
