import { buildGraphIndex, yearRange, type GraphIndex } from '$lib/graph/graph-index';
import type { Db } from '../db';
import { graphEdgeRows, graphNodeRows, graphRevision } from '../repos/graph.repo';
import { handOver } from '../worker/hand-over';
import { packedBuffers, packGraphIndex, type PackedGraphIndex } from './graph-transfer';

export interface LiveGraph {
	revision: number;
	index: GraphIndex;
	years: [number, number] | null;
}

/** The graph as the database holds it now: in the server's thread, or in a worker on its own connection. */
export function buildLiveGraph(db: Db): LiveGraph {
	// One read transaction: the revision, the actors and the relations all belong to the same state.
	const { revision, nodes, edges } = db.transaction((tx) => {
		const reader = tx as unknown as Db;
		return { revision: graphRevision(reader), nodes: graphNodeRows(reader), edges: graphEdgeRows(reader) };
	});
	const index = buildGraphIndex(nodes, edges);
	return { revision, index, years: yearRange(index.edges) };
}

/** The live graph as it leaves the read thread: its index as columns, handed over (graph-transfer.ts). */
export interface PackedLiveGraph {
	revision: number;
	packed: PackedGraphIndex;
	years: [number, number] | null;
}

export function buildPackedLiveGraph(db: Db): PackedLiveGraph {
	const { revision, index, years } = buildLiveGraph(db);
	const packed = packGraphIndex(index);
	return handOver({ revision, packed, years }, packedBuffers(packed));
}
