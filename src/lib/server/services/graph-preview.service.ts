/**
 * The first picture of a /reseau view, drawn by the server: where its nodes stand (the view's own layout,
 * see $lib/network/first-layout) as JSON for Cytoscape's first frame, and as a static SVG the page shows
 * at once. Both come from one computation, cached per graph revision and view, so the two pictures match.
 */
import { exploreParamSchemas } from '$lib/domain/explore-params';
import { fileLanguageSchema } from '$lib/domain/file-language';
import { vocabularyIn } from '$lib/domain/vocabulary';
import { graphViewSchema, GRAPH_ARRAY_KEYS } from '$lib/domain/graph-query';
import type { MetricsResponse } from '$lib/network/api-types';
import { appearances, inactiveInYear } from '$lib/network/elements';
import { firstLayout, type FirstLayout } from '$lib/network/first-layout';
import { previewSvg } from '$lib/network/preview-svg';
import type { Db } from '../db';
import { liveGraph } from '../graph/graph-cache';
import { NotFoundError, ValidationError } from './errors';
import { graphMetrics, graphView } from './graph.service';
import { findPaths } from './path.service';
import { parseParams } from './params';

/** The graph's parameters plus how the page draws it (same names and defaults as /reseau's URL). */
export const previewQuerySchema = graphViewSchema.extend({
	layout: exploreParamSchemas.layout,
	centrality: exploreParamSchemas.centrality,
	size: exploreParamSchemas.size,
	colour: exploreParamSchemas.colour,
	// The grouped layout's group names, in the page's language (the picture is an image: it cannot follow the page by itself).
	lang: fileLanguageSchema.shape.lang,
	// A path drawn over the view (a récit's still of « de X à Y », issue 20): the shortest one, as /reseau draws first.
	from: exploreParamSchemas.from,
	to: exploreParamSchemas.to
});

/** Keys that only change the drawing, not where nodes stand: left out of the layout's cache key. */
const DRAWING_ONLY = new Set(['colour', 'year', 'from', 'to']);
/** Keys of the preview that are not the graph's data (the year is replayed by the browser over the whole dataset). */
const NOT_DATA = new Set(['layout', 'centrality', 'size', 'colour', 'year', 'lang', 'from', 'to']);
const CACHE_SIZE = 32;

interface Entry {
	revision: number;
	layouts: Map<string, Promise<FirstLayout>>;
}
// A cache of the database, keyed by the connection like the live graph (graph-cache.ts).
const cache = new WeakMap<Db, Entry>();

function cached(db: Db, revision: number, key: string, compute: () => Promise<FirstLayout>): Promise<FirstLayout> {
	let entry = cache.get(db);
	if (!entry || entry.revision !== revision) cache.set(db, (entry = { revision, layouts: new Map() }));
	const hit = entry.layouts.get(key);
	if (hit) {
		// Most recently used last: the oldest goes first when the cache is full.
		entry.layouts.delete(key);
		entry.layouts.set(key, hit);
		return hit;
	}
	const made = compute();
	entry.layouts.set(key, made);
	made.catch(() => entry.layouts.get(key) === made && entry.layouts.delete(key));
	if (entry.layouts.size > CACHE_SIZE) entry.layouts.delete(entry.layouts.keys().next().value as string);
	return made;
}

type PreviewQuery = ReturnType<typeof parsePreview>;
const parsePreview = (params: URLSearchParams) => parseParams(previewQuerySchema, params, GRAPH_ARRAY_KEYS);

/** The view's actors and relations, and how they are drawn (metrics only when the drawing needs them). */
async function drawing(db: Db, q: PreviewQuery, params: URLSearchParams) {
	const graph = graphView(db, new URLSearchParams([...params].filter(([k]) => !NOT_DATA.has(k))));
	const needsMetrics = q.layout === 'concentric' || q.colour === 'community' || (q.size !== 'degree' && q.size !== 'none' && q.size !== 'coverage');
	const metrics: MetricsResponse | null = needsMetrics ? await graphMetrics(db) : null;
	return { graph, metrics, looks: appearances(graph.nodes, metrics, q.size, q.colour) };
}

/** Where the nodes stand: computed once per graph revision and view (the drawing is asked for only then). */
function layoutOf(db: Db, q: PreviewQuery, params: URLSearchParams, data: () => ReturnType<typeof drawing>): Promise<FirstLayout> {
	const key = [...params]
		.filter(([k]) => !DRAWING_ONLY.has(k))
		.sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y))
		.map(([k, v]) => `${k}=${v}`)
		.join('&');
	return cached(db, liveGraph(db).revision, key, async () => {
		const { graph, metrics, looks } = await data();
		return firstLayout({
			nodes: graph.nodes,
			edges: graph.edges,
			layout: q.layout,
			centrality: q.centrality,
			metrics,
			sizes: new Map([...looks].map(([id, l]) => [id, l.size])),
			category: vocabularyIn(q.lang).category
		});
	});
}

/** GET /reseau/apercu.json: where the view's nodes stand first, for Cytoscape's first frame (cheap once computed). */
export async function firstLayoutJson(db: Db, params: URLSearchParams) {
	const q = parsePreview(params);
	const layout = await layoutOf(db, q, params, () => drawing(db, q, params));
	return { revision: liveGraph(db).revision, ...layout };
}

/** The first of the shortest paths between two actors, or null when there is none (the picture is then the view alone). */
function firstPath(db: Db, from: number | string, to: number | string) {
	try {
		const found = findPaths(db, new URLSearchParams({ from: String(from), to: String(to) })).paths[0];
		return found ? { nodes: found.nodes, edges: found.edges } : null;
	} catch (e) {
		if (e instanceof ValidationError || e instanceof NotFoundError) return null;
		throw e;
	}
}

/** GET /reseau/apercu.svg: the same picture, static. */
export async function graphPreviewSvg(db: Db, params: URLSearchParams) {
	const q = parsePreview(params);
	const { graph, metrics, looks } = await drawing(db, q, params);
	const layout = await layoutOf(db, q, params, async () => ({ graph, metrics, looks }));
	return {
		body: previewSvg(graph, layout, looks, inactiveInYear(graph, q.year ?? null), q.from != null && q.to != null ? firstPath(db, q.from, q.to) : null),
		contentType: 'image/svg+xml; charset=utf-8',
		filename: 'reseau-apercu.svg',
		inline: true
	};
}
