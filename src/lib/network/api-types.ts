/** Shapes of the graph API answers (/api/v1/graph*, /api/v1/paths). Fields the server may omit are optional. */
import type { MetricId } from '$lib/domain/explore-params';

export type Confirmation = 'declared' | 'confirmed' | 'disputed';

export interface GraphNode {
	id: number;
	slug: string;
	label: string;
	kind: string;
	category: string;
	communeCode?: string | null;
	communeName?: string | null;
	lon?: number | null;
	lat?: number | null;
	degree?: number;
}

export interface GraphEdge {
	id: number;
	source: number;
	target: number;
	type: string;
	/** The type's name read from the source, agreed with it (« incubée par »). */
	label?: string;
	startDate?: string | null;
	endDate?: string | null;
	confirmation?: Confirmation;
	sourceRef?: string | null;
}

export interface GraphResponse {
	nodes: GraphNode[];
	edges: GraphEdge[];
	total?: number;
	truncated?: boolean;
	years?: [number, number] | null;
}

export type { MetricId } from '$lib/domain/explore-params';

export interface NodeMetrics {
	degree: number;
	betweenness: number;
	pagerank: number;
	community: number;
}

export interface TopEntry {
	id: number;
	slug: string;
	label: string;
	value: number;
}

export interface MetricsResponse {
	revision?: string | number;
	computedMs?: number;
	betweennessMethod?: string;
	nodes: Record<string, NodeMetrics>;
	top: Record<MetricId, TopEntry[]>;
	communities: { id: number; size: number; label?: string }[];
}

export interface PathEdge {
	id: number;
	type: string;
	/** The type's name read from the source, agreed with it (« incubée par »). */
	label?: string;
	source: number;
	target: number;
	startDate?: string | null;
	endDate?: string | null;
	confirmation?: Confirmation;
	sourceRef?: string | null;
}

/** A path's relation as a reader checks it: its sentence, its notes and its source (a page links the URLs). */
export interface PathSentence {
	sentence: string;
	notes: string[];
	source: string | null;
}

export interface GraphPath {
	nodes: number[];
	edges: PathEdge[];
	/** Each relation in one sentence, with its dates, confirmation and source. */
	sentences: string[];
	/** The same, the source apart. */
	details: PathSentence[];
}

export interface PathEntity {
	id: number;
	slug: string;
	label: string;
	kind: string;
}

export interface PathsResponse {
	/** The two ends, as entity ids (the request may have named them by slug). */
	from: number;
	to: number;
	paths: GraphPath[];
	entities: Record<string, PathEntity>;
}

export interface CommonItem {
	id: number;
	slug: string;
	label: string;
	kind: string;
	viaA: PathEdge;
	viaB: PathEdge;
}

export interface CommonResponse {
	items: CommonItem[];
}

export interface SearchItem {
	id: number;
	slug: string;
	name: string;
	kindLabel: string;
	categoryLabel: string;
	communeName: string | null;
}
