import { extractPathway, type PathwayEntity, type PathwayRelation } from '$lib/pathways/extract';
import { prepareFlows, type FlowData, type ProjectPathway } from '$lib/pathways/flows';
import { PROJECT_CATEGORIES } from '$lib/pathways/types';
import type { Db } from '../db';
import { graphRevision } from '../repos/graph.repo';
import { pathwayEntityRows, pathwayRelationRows, territoryNames } from '../repos/pathway.repo';

/** Every actor's pathway as plain data: built in the server's thread or in a worker, and sent across as is. */
export interface PathwaysData {
	revision: number;
	byId: Map<number, PathwayEntity>;
	bySlug: Map<string, PathwayEntity>;
	/** Step relations touching each actor (either end). */
	relationsOf: Map<number, PathwayRelation[]>;
	/** The projects (startups, companies) with their pathways: what the flows aggregate. */
	projects: ProjectPathway[];
	/** The same, in the flows' compact form (see prepareFlows). */
	flows: FlowData;
	/** Support structures: actors that say which stages they serve or which offers they give. */
	structures: PathwayEntity[];
	/** Départements' and EPCI's names by code. */
	names: Map<string, string>;
}

export function buildPathways(db: Db): PathwaysData {
	const { revision, rows, rels, names } = db.transaction((tx) => {
		const reader = tx as unknown as Db;
		return {
			revision: graphRevision(reader),
			rows: pathwayEntityRows(reader),
			rels: pathwayRelationRows(reader),
			names: territoryNames(reader, ['departement', 'epci'])
		};
	});
	const byId = new Map(rows.map((e) => [e.id, e]));
	const bySlug = new Map(rows.map((e) => [e.slug, e]));
	const relationsOf = new Map<number, PathwayRelation[]>();
	for (const r of rels) {
		if (!byId.has(r.sourceId) || !byId.has(r.targetId)) continue;
		for (const id of [r.sourceId, r.targetId]) {
			const list = relationsOf.get(id);
			if (list) list.push(r);
			else relationsOf.set(id, [r]);
		}
	}
	const get = (id: number) => byId.get(id);
	const projects: ProjectPathway[] = [];
	for (const e of rows) {
		if (e.kind !== 'organisation' || !(PROJECT_CATEGORIES as readonly string[]).includes(e.category)) continue;
		const { steps } = extractPathway(e, relationsOf.get(e.id) ?? [], get);
		projects.push({ project: e, steps });
	}
	const structures = rows.filter((e) => e.stages.length > 0 || e.offers.length > 0);
	return { revision, byId, bySlug, relationsOf, projects, flows: prepareFlows(projects), structures, names: new Map(names) };
}
