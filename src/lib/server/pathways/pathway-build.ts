import { extractPathway, type PathwayEntity, type PathwayRelation } from '$lib/pathways/extract';
import { prepareFlows, type FlowData, type ProjectPathway } from '$lib/pathways/flows';
import { prepareFinder, type FinderIndex } from '$lib/pathways/finder';
import { prepareFlowIndex, type FlowIndex } from '$lib/pathways/flows-indexed';
import { PROJECT_CATEGORIES } from '$lib/pathways/types';
import type { DistanceEnd } from '$lib/geo/distance-precision';
import type { Db } from '../db';
import { graphRevision } from '../repos/graph.repo';
import { pathwayEntityRows, pathwayRelationRows, territoryNames } from '../repos/pathway.repo';
import { actorEnds } from '../services/distance.service';

/** What the server keeps from every actor's pathway: built in its thread, or in a worker and sent in parts (worker/in-parts.ts). */
export interface PathwaysData {
	revision: number;
	/** Published actors read (the directory's size: whether the next build runs in a worker). */
	actors: number;
	/**
	 * Each project's number of steps (startups, companies). The projects' pathways themselves stay in the thread
	 * that built them (flows keep their compact form), as every actor and relation: at 100,000 actors they were
	 * 128 MB of the 157 MB copied to the server, 2.8 of its 3.6 s of taking the copy in. One actor's pathway and the
	 * projects behind a figure are read from the database (pathwayOf, pathwayProjects).
	 */
	stepCounts: Map<number, number>;
	/** The same, in the flows' compact form (see prepareFlows). */
	flows: FlowData;
	/** The flows' projects by sector and territory of origin (see flows-indexed.ts). */
	flowIndex: FlowIndex;
	/** Support structures: actors that say which stages they serve or which offers they give. */
	structures: PathwayEntity[];
	/** How each structure's point was placed (the far end of the finder's distances). */
	ends: Map<number, DistanceEnd>;
	/** The finder's indexes (each route step's structures, projects by sector, history counts). */
	finder: FinderIndex;
	/** Départements' and EPCI's names by code. */
	names: Map<string, string>;
}

/** Support structures: actors that say which stages they serve or which offers they give. */
const isStructure = (e: PathwayEntity) => e.stages.length > 0 || e.offers.length > 0;

export function buildPathways(db: Db): PathwaysData {
	const { revision, rows, rels, names, ends } = db.transaction((tx) => {
		const reader = tx as unknown as Db;
		const rows = pathwayEntityRows(reader);
		return {
			revision: graphRevision(reader),
			rows,
			ends: actorEnds(
				reader,
				rows.filter(isStructure).map((e) => e.id)
			),
			rels: pathwayRelationRows(reader),
			names: territoryNames(reader, ['departement', 'epci'])
		};
	});
	const byId = new Map(rows.map((e) => [e.id, e]));
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
	const structures = rows.filter(isStructure);
	const flows = prepareFlows(projects);
	return {
		revision,
		actors: rows.length,
		stepCounts: new Map(projects.map((p) => [p.project.id, p.steps.length])),
		flows,
		flowIndex: prepareFlowIndex(flows),
		structures,
		ends,
		finder: prepareFinder(flows, structures),
		names: new Map(names)
	};
}
