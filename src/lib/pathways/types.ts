/**
 * Pathways (parcours): one project's dated steps, the flows aggregated over all projects, and the
 * finder's proposed route. Plain data shared by the server (services, API) and the pages.
 */
import type { z } from 'zod';
import type { flowProjectsResponse, flowsResponse, pathwayResponse, routeResponse } from '$lib/domain/api/responses';

/** Relation types that make a pathway step (DOMAIN.md), `founded` and `spin_off_of` start one. */
export const PATHWAY_STEP_TYPES = [
	'founded',
	'spin_off_of',
	'hosted_by',
	'incubated_by',
	'funded_by',
	'accelerated_by',
	'mentored_by',
	'trained_by',
	'member_of'
] as const;
export type PathwayStepType = (typeof PATHWAY_STEP_TYPES)[number];

/** Organisation categories whose pathways are aggregated into flows (projects); persons of category entrepreneur also have a timeline. */
export const PROJECT_CATEGORIES = ['startup', 'company'] as const;

// The answers of /api/v1/pathways… are the types of the schemas the OpenAPI document publishes and the API test
// parses every real answer with (tests/integration/openapi-responses.spec.ts): the services that build them and the
// pages that show them cannot drift from what the API says.

export type Pathway = z.output<typeof pathwayResponse>;
/** A dated (or « date inconnue ») step of a project's pathway, numbered from 1; `type` is a PathwayStepType. */
export type PathwayStep = Pathway['steps'][number];
/** An actor as pathways name and place it. */
export type EntityRef = PathwayStep['structure'];
export type Place = Pick<EntityRef, 'communeCode' | 'communeName' | 'departementCode' | 'epciCode' | 'lon' | 'lat'>;

export type FlowsResult = z.output<typeof flowsResponse>;
/** The flows as aggregated; the service says whether they are a previous revision's (`stale`). */
export type FlowAggregate = Omit<FlowsResult, 'stale'>;
/** The flows filters, as parsed from the URL (`sector`, `departement`, `epci`, `from`, `to`, `level`). */
export type FlowFilters = FlowsResult['filters'];
export type FlowLevel = FlowFilters['level'];
/** A column of the alluvial diagram: step rank (1, 2, 3, 4 = « 4e étape et au-delà ») and what was reached. */
export type FlowNode = FlowsResult['nodes'][number];
export type FlowLink = FlowsResult['links'][number];
/** A transition between two consecutive steps, all ranks together (the table and the CSV). */
export type Transition = FlowsResult['transitions'][number];
export type FirstStep = FlowsResult['firstSteps'][number];
/** Many arrive, few move on: projects whose pathway reached this structure and had no later step. */
export type Bottleneck = FlowsResult['bottlenecks'][number];
/** Territories of origin whose projects found support outside their département. */
export type LeavingTerritory = FlowsResult['leaving'][number];

/** « Every figure links to the projects behind it »: which figure, with the flows filters. */
export type FlowFigure =
	/** Consecutive steps from → to; with `rank`, only the diagram's band from that column to the next. */
	| { figure: 'transition'; from: string; to: string; rank?: number }
	| { figure: 'first'; key: string }
	/** A block of the diagram: the step at that rank (4 = the 4th or later) reached this key. */
	| { figure: 'reached'; rank: number; key: string }
	/** Bottlenecks: projects that arrived at the structure (long enough ago), and those that stopped there. */
	| { figure: 'arrived'; key: string }
	| { figure: 'stuck'; key: string }
	| { figure: 'leaving'; code: string }
	| { figure: 'all' };

export type FlowProjects = z.output<typeof flowProjectsResponse>;

/** The finder's proposed route (/parcours, /api/v1/pathways/route). */
export type FinderResult = z.output<typeof routeResponse>;
export type FinderQuery = FinderResult['query'];
export type FinderStep = FinderResult['steps'][number];
export type FinderOption = FinderStep['options'][number];
/** One line of an option's score: plain French (« accompagne les projets en création », « à 23 km de Brioude »…). */
export type ScorePart = FinderOption['parts'][number];
