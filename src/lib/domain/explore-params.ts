import { z } from './zod';
import { entityFiltersSchema, type EntityFilters } from './filters';
import { ARRAY_KEYS, filtersToSearchParams, searchParamsToObject } from './filter-params';
import { RELATION_TYPES } from './vocabulary';
import { m } from '$lib/paraglide/messages';
import { groupParamSchemas } from './group-params';

/**
 * The explore views' parameters (/carte, /reseau, /explorer, the embeds and the network API), one schema
 * each, written once. Pages, endpoints and the browser's URL codec all parse with these: a year or a flag
 * cannot mean one thing on a page and another in the API.
 */

export const LAYOUT_IDS = ['fcose', 'concentric', 'grouped', 'geo'] as const;
export type LayoutId = (typeof LAYOUT_IDS)[number];
export const METRIC_IDS = ['degree', 'betweenness', 'pagerank'] as const;
export type MetricId = (typeof METRIC_IDS)[number];
/** `coverage`: the confirmed press articles that cite the actor (issue 20). */
export const SIZE_BY = ['none', ...METRIC_IDS, 'coverage'] as const;
export type SizeBy = (typeof SIZE_BY)[number];
export const COLOUR_BY = ['kind', 'community'] as const;
export type ColourBy = (typeof COLOUR_BY)[number];
export const STAT_MEASURES = ['count', 'rate'] as const;
export const STAT_LEVELS = ['departement', 'epci'] as const;
/** Which view a phone shows in the explorer (both side by side on a wide screen). */
export const EXPLORER_PANES = ['carte', 'reseau'] as const;

export const YEAR_MIN = 1800;
export const YEAR_MAX = 2100;

/**
 * A whole number within bounds, with messages naming the parameter (also the API's `limit`, `k`…). Messages are
 * functions, said while parsing: in the request's language (the API's addresses are French).
 */
export const int = (name: string, min: number, max: number) =>
	z.coerce
		.number({ error: () => m.errors_param_not_number({ name }) })
		.int({ error: () => m.errors_param_not_integer({ name }) })
		.min(min, { error: () => m.errors_param_min({ name, min }) })
		.max(max, { error: () => m.errors_param_max({ name, max }) });

/** A yes/no parameter: `1`/`true` yes, `0`/`false` (or absent) no. */
export const flag = (name: string) =>
	z
		.enum(['1', '0', 'true', 'false'], { error: () => m.errors_param_flag({ name }) })
		.optional()
		.transform((v) => v === '1' || v === 'true');

/** An actor by id (a number) or slug (text); pages redirect a slug to the id, the API accepts both. */
export const actorRef = (name: string) =>
	z
		.string({ error: () => m.errors_actor_ref_required({ name }) })
		.trim()
		.min(1, { error: () => m.errors_actor_ref_required({ name }) })
		.max(120, { error: () => m.errors_actor_ref_too_long({ name }) })
		.regex(/^(\d+|[a-z0-9]+(?:-[a-z0-9]+)*)$/, { error: () => m.errors_actor_ref_invalid({ name }) })
		.transform((v) => (/^\d+$/.test(v) ? Number(v) : v));
export type ActorRef = number | string;

/** A repeatable parameter: one value arrives as a string, several as an array. */
const repeatable = <T extends z.ZodType>(item: T) =>
	z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(30, { error: () => m.errors_too_many_values() }));

/** The map camera: `at=lat,lng,zoom` (« 45.7772,3.0870,9.5 »), Auvergne and around only. */
const camera = z
	.string()
	.regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?,\d{1,2}(\.\d+)?$/, { error: () => m.errors_camera_format() })
	.transform((v) => v.split(',').map(Number) as [number, number, number])
	.refine(([lat, lng, zoom]) => lat >= 41 && lat <= 51 && lng >= -5 && lng <= 10 && zoom >= 3 && zoom <= 18, {
		error: () => m.errors_camera_range()
	})
	.transform(([lat, lng, zoom]) => ({ lat, lng, zoom }));
export type Camera = { lat: number; lng: number; zoom: number };

/** One schema per view parameter (the key is the URL's). */
export const exploreParamSchemas = {
	type: repeatable(z.enum(RELATION_TYPES, { error: () => m.errors_relation_type_unknown() })).meta({
		description: 'Type de relation gardé ; répétable (l’un ou l’autre). Sans lui, toutes les relations.',
		examples: [['incubated_by']]
	}),
	year: int('year', YEAR_MIN, YEAR_MAX)
		.optional()
		.meta({ description: 'Année : seules les relations en cours cette année-là.', examples: [2022] }),
	confirmed: flag('confirmed').meta({ description: '1 (ou true) : seules les relations confirmées par l’autre partie.', examples: ['1'] }),
	focus: actorRef('focus').optional().meta({ description: 'Identifiant ou slug d’un acteur : ne garder que son voisinage.' }),
	depth: int('depth', 1, 3).default(1).meta({ description: 'Avec `focus` : profondeur du voisinage, en nombre de relations.' }),
	from: actorRef('from').optional().meta({ description: 'Chemin : acteur de départ (identifiant ou slug).' }),
	to: actorRef('to').optional().meta({ description: 'Chemin : acteur d’arrivée (identifiant ou slug).' }),
	path: int('path', 1, 5).optional().meta({ description: 'Lequel des chemins trouvés est montré (1 à 5).' }),
	isolated: z.enum(['show', 'hide'], { error: () => m.errors_isolated() }).optional(),
	layout: z.enum(LAYOUT_IDS, { error: () => m.errors_layout_unknown() }).default('fcose'),
	size: z.enum(SIZE_BY, { error: () => m.errors_size_unknown() }).default('degree'),
	colour: z.enum(COLOUR_BY, { error: () => m.errors_colour_unknown() }).default('kind'),
	centrality: z.enum(METRIC_IDS, { error: () => m.errors_centrality_unknown() }).default('degree'),
	actor: actorRef('actor').optional().meta({ description: 'L’acteur sélectionné (sa fiche est ouverte).' }),
	stat: z.enum(STAT_MEASURES, { error: () => m.errors_stat_unknown() }).optional(),
	level: z.enum(STAT_LEVELS, { error: () => m.errors_level_unknown() }).default('departement'),
	near: z
		.string()
		.regex(/^\d[0-9AB]\d{3}$/, { error: () => m.errors_near_invalid() })
		.optional(),
	radius: z.coerce
		.number({ error: () => m.errors_radius_invalid() })
		.min(1, { error: () => m.errors_radius_min() })
		.max(100, { error: () => m.errors_radius_max() })
		.default(20),
	at: camera.optional(),
	arcs: flag('arcs'),
	flows: flag('flows'),
	pane: z.enum(EXPLORER_PANES, { error: () => m.errors_pane_unknown() }).optional(),
	// The aggregated view (group-params.ts).
	...groupParamSchemas
} as const;

export type ExploreKey = keyof typeof exploreParamSchemas;
export type ExploreParams = z.output<z.ZodObject<typeof exploreParamSchemas>>;
export type ExploreQuery = EntityFilters & ExploreParams;

/** Each page's parameters: what its address keeps (the rest is dropped, not carried along). */
export const VIEW_KEYS = {
	carte: ['year', 'type', 'confirmed', 'actor', 'stat', 'level', 'near', 'radius', 'at', 'arcs', 'flows'],
	reseau: ['type', 'year', 'confirmed', 'focus', 'depth', 'layout', 'size', 'colour', 'centrality', 'from', 'to', 'path', 'isolated', 'actor', 'group', 'open'],
	explorer: [
		'type',
		'year',
		'confirmed',
		'focus',
		'depth',
		'layout',
		'size',
		'colour',
		'centrality',
		'from',
		'to',
		'path',
		'isolated',
		'actor',
		'stat',
		'level',
		'near',
		'radius',
		'at',
		'flows',
		'pane'
	],
	'embed/carte': ['year', 'type', 'confirmed', 'actor', 'stat', 'level', 'at', 'arcs'],
	'embed/reseau': ['type', 'year', 'confirmed', 'focus', 'depth', 'layout', 'size', 'colour', 'from', 'to', 'path', 'isolated']
} as const satisfies Record<string, readonly ExploreKey[]>;
export type ExploreView = keyof typeof VIEW_KEYS;

/** Keys that repeat besides the shared filters'. */
export const EXPLORE_ARRAY_KEYS = ['type', 'open'] as const;

export const exploreSchema = entityFiltersSchema.extend(exploreParamSchemas);

/** Every parameter's default (what an empty address means). */
export const EXPLORE_DEFAULTS: ExploreParams = z.object(exploreParamSchemas).parse({});

/**
 * Reads an address leniently (the browser's side): each parameter on its own, a bad one falls back to its
 * default and is reported in the page's language, the others still apply. Pages and the API use `exploreSchema` strictly.
 */
export function decodeExplore(params: URLSearchParams): { value: ExploreQuery; errors: string[] } {
	const raw = searchParamsToObject(params, EXPLORE_ARRAY_KEYS);
	const errors: string[] = [];
	const out: Record<string, unknown> = {};
	const shapes = { ...entityFiltersSchema.shape, ...exploreParamSchemas } as Record<string, z.ZodType>;
	for (const [key, schema] of Object.entries(shapes)) {
		const parsed = schema.safeParse(raw[key]);
		if (parsed.success) out[key] = parsed.data;
		else {
			const message = parsed.error.issues[0]?.message ?? m.errors_value_invalid();
			// Bounds messages already name their parameter (« year : 1800 au minimum »): said once, not « year : year : ».
			errors.push(new RegExp(`^${key}[ \u00a0]?:`).test(message) ? message : m.errors_issue({ path: key, message }));
			out[key] = schema.safeParse(undefined).data;
		}
	}
	return { value: out as ExploreQuery, errors };
}

/**
 * Whether the graph leaves out the actors with no relation in the view. By default, as soon as relations are
 * filtered (types, confirmed only): otherwise the dozens of actors the filter leaves alone fill the view.
 */
export function hidesIsolated(v: { type: readonly string[]; confirmed: boolean; isolated?: 'show' | 'hide' | null }): boolean {
	return v.isolated == null ? v.type.length > 0 || v.confirmed : v.isolated === 'hide';
}

function encodeOne(key: ExploreKey, value: unknown, params: URLSearchParams): void {
	if (value == null || value === false) return;
	if (key === 'type' || key === 'open') for (const t of value as string[]) params.append(key, t);
	else if (key === 'at') {
		const c = value as Camera;
		params.set('at', `${c.lat.toFixed(4)},${c.lng.toFixed(4)},${Math.round(c.zoom * 100) / 100}`);
	} else if (value === true) params.set(key, '1');
	else params.set(key, String(value));
}

/**
 * The canonical address of a view: the filters first (the same key as the map's and the graph's API calls),
 * then the view's own parameters in a fixed order, only where they differ from their default; parameters
 * that mean nothing alone (depth without focus, path without both ends, radius without near) are left out.
 */
export function encodeExplore(query: Partial<ExploreQuery>, view: ExploreView): URLSearchParams {
	const params = filtersToSearchParams(query);
	const v = { ...EXPLORE_DEFAULTS, ...query } as ExploreParams;
	for (const key of VIEW_KEYS[view] as readonly ExploreKey[]) {
		const value = v[key];
		if (key === 'depth' && v.focus == null) continue;
		if (key === 'path' && (v.from == null || v.to == null || value === 1)) continue;
		if (key === 'radius' && v.near == null) continue;
		if (key === 'level' && v.stat == null) continue;
		if (key === 'isolated' && value != null && hidesIsolated({ ...v, isolated: null }) === (value === 'hide')) continue;
		if (key === 'centrality' && v.layout !== 'concentric' && value === EXPLORE_DEFAULTS.centrality) continue;
		if (key === 'open' && (v.group === 'none' || v.focus != null)) continue;
		if (key !== 'type' && key !== 'at' && value === EXPLORE_DEFAULTS[key]) continue;
		encodeOne(key, value, params);
	}
	return params;
}

/** `/carte?…`, `/reseau?…`, `/explorer?…`: the page's address for this state. */
export function exploreHref(view: ExploreView, query: Partial<ExploreQuery>): string {
	const qs = encodeExplore(query, view).toString();
	return qs ? `/${view}?${qs}` : `/${view}`;
}

/** The canonical filter key alone (the API's cache key and the prefix of every view's address). */
export function filterKey(filters: Partial<EntityFilters>): string {
	return filtersToSearchParams(filters).toString();
}

/** The menu's links keep what the visitor chose: the current address, re-encoded for the other view. */
export function carryTo(view: ExploreView, current: URLSearchParams): string {
	return exploreHref(view, decodeExplore(current).value);
}

export { ARRAY_KEYS };
