/**
 * Pathways (parcours): one project's dated steps, the flows aggregated over all projects, and the
 * finder's proposed route. Plain data shared by the server (services, API) and the pages.
 */
import type { EntityKind, Offer, Stage } from '$lib/domain/vocabulary';
import type { PointAccuracy, ShownDistance } from '$lib/geo/distance-precision';

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

export interface Place {
	communeCode: string | null;
	communeName: string | null;
	departementCode: string | null;
	epciCode: string | null;
	lon: number | null;
	lat: number | null;
}

export interface EntityRef extends Place {
	id: number;
	slug: string;
	name: string;
	kind: EntityKind;
	category: string;
}

export interface PathwayStep {
	/** 1-based position in the timeline (dated steps by start date, then undated ones). */
	order: number;
	relationId: number;
	type: PathwayStepType;
	/** French label from the project's side (French-phrasing module): « incubée par », « fondée par » for a startup, « incubation à » for an entrepreneur… */
	label: string;
	/** The other side: the support structure (or the founder, for a company's `founded` step). */
	structure: EntityRef;
	/** Partial dates as stored (`2019`, `2019-03`, `2019-03-14`), never invented. */
	start: string | null;
	end: string | null;
	dateKnown: boolean;
	/** Runs at the same time as the previous dated step (their periods overlap). */
	overlapsPrevious: boolean;
	/** Who says so (URL or citation), and whether the other side confirmed. */
	source: string | null;
	confirmation: 'declared' | 'confirmed' | 'disputed';
	description: string | null;
}

export interface Pathway {
	subject: EntityRef & { sectors: string[] };
	steps: PathwayStep[];
	/** Steps whose date is unknown (listed last, marked « date inconnue »). */
	undated: number;
}

export type FlowLevel = 'category' | 'structure';

/** The flows filters, as parsed from the URL (`sector`, `departement`, `epci`, `from`, `to`, `level`). */
export interface FlowFilters {
	sector?: string;
	/** Territory of origin of the projects (their commune's département or EPCI). */
	departement?: string;
	epci?: string;
	/** Period: steps starting within these years (inclusive). */
	from?: number;
	to?: number;
	level: FlowLevel;
}

/** A column of the alluvial diagram: step rank (1, 2, 3, 4 = « 4e étape et au-delà ») and what was reached. */
export interface FlowNode {
	/** `${rank}:${key}` */
	id: string;
	rank: number;
	/** A category code (level=category) or `s${structureId}` (level=structure; small ones grouped as `other`). */
	key: string;
	label: string;
	count: number;
	/** The structure's category at the structure level (for colours); the key itself at the category level. */
	category?: string;
}

export interface FlowLink {
	source: string;
	target: string;
	count: number;
}

/** A transition between two consecutive steps, all ranks together (the table and the CSV). */
export interface Transition {
	from: string;
	to: string;
	fromLabel: string;
	toLabel: string;
	count: number;
	/** Median months between the two steps' starts, over the pairs where both are dated to the month; null when none. */
	medianMonths: number | null;
}

export interface FirstStep {
	key: string;
	label: string;
	count: number;
}

/** Many arrive, few move on: projects whose pathway reached this structure and had no later step. */
export interface Bottleneck {
	key: string;
	label: string;
	slug: string | null;
	arrivals: number;
	movedOn: number;
	/** arrivals that went no further / arrivals, 0..1 */
	stuckShare: number;
}

/** Territories of origin whose projects found support outside their département. */
export interface LeavingTerritory {
	code: string;
	name: string;
	projects: number;
	/** Projects with at least one support step in another département. */
	leaving: number;
	share: number;
}

export interface FlowsResult {
	filters: FlowFilters;
	/** Projects matching the filters, and those with at least one transition. */
	projects: number;
	nodes: FlowNode[];
	links: FlowLink[];
	/** The most taken transitions (the page and JSON keep the first TRANSITIONS_SHOWN; the CSV has them all). */
	transitions: Transition[];
	/** How many distinct transitions there are in all. */
	transitionCount: number;
	firstSteps: FirstStep[];
	bottlenecks: Bottleneck[];
	leaving: LeavingTerritory[];
}

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

export interface FlowProjects {
	title: string;
	projects: (EntityRef & { steps: number })[];
}

export interface FinderQuery {
	stage: Stage;
	sectors: string[];
	/** INSEE code of the entrepreneur's commune. */
	commune: string;
	needs: Offer[];
}

export interface ScorePart {
	key: 'stage' | 'sector' | 'offer' | 'distance' | 'history';
	points: number;
	max: number;
	/** Plain French: « accompagne les projets en création », « à 23 km de Brioude »… */
	text: string;
}

export interface FinderOption {
	structure: EntityRef & { stages: string[]; offers: string[]; sectors: string[] };
	/** Measured between the stored points (to the tenth): what the page shows is `distance`. */
	distanceKm: number | null;
	/** What may honestly be said of that distance (« ≈ 12 km », « dans la même intercommunalité »…). */
	distance: ShownDistance | null;
	score: number;
	parts: ScorePart[];
	/** « Pourquoi cette proposition » in one or two French sentences. */
	why: string;
	withinReach: boolean;
}

export interface FinderStep {
	order: number;
	stage: Stage;
	title: string;
	/** What this step brings (support offers), for the chain's summary. */
	offers: Offer[];
	options: FinderOption[];
	/** Nothing serving this step within reach: the options are the nearest ones further away. */
	nothingNear: boolean;
}

export interface FinderResult {
	query: FinderQuery;
	origin: {
		code: string;
		name: string;
		departementCode: string | null;
		lon: number;
		lat: number;
		/** How the commune's centre was placed, how far off it may be, and what the distances are measured from. */
		accuracy: PointAccuracy;
		uncertaintyKm: number;
		note: string | null;
	};
	reachKm: number;
	steps: FinderStep[];
}
