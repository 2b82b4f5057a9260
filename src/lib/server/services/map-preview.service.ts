/**
 * GET /carte/apercu.svg: a /carte view as one static picture (issue 20, récits without JavaScript). The address
 * is /carte's own, read by /carte's schema (mapPageQuerySchema) plus the picture's size and language; the data
 * comes from the services the page's API answers with (points, statistics, radius), the drawing from
 * $lib/server/map/map-preview-svg. The actors are clustered as /carte clusters them (its cluster index, its radius,
 * at the picture's zoom), so the picture holds a few hundred marks at most whatever the number of actors.
 */
import { z } from 'zod';
import type { EntityFilters } from '$lib/domain/filters';
import { fileLanguageSchema } from '$lib/domain/file-language';
import { EXPLORE_ARRAY_KEYS, filterKey } from '$lib/domain/explore-params';
import { ENTITY_KINDS, vocabularyIn } from '$lib/domain/vocabulary';
import { OUTLINES_ATTRIBUTION } from '$lib/geo/attribution';
import type { AreaGeometry, BBox2D, LonLat } from '$lib/geo/geometry';
import { radiusCircle } from '$lib/geo/distance';
import { filtersOf } from '$lib/map/carte-url';
import { CLUSTER_MAX_ZOOM } from '$lib/map/cluster-tiles';
import { statsFeatures } from '$lib/map/stats-scale';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import { dataRevision } from '../cache/revision-cache';
import { clusterIndex, type ClusterIndex } from '../map/cluster-tiles';
import { frameBounds, frameFor, mapPreviewSvg, type MapFrame, type MapPreviewInput, type PreviewMark, type PreviewOutline } from '../map/map-preview-svg';
import { listTerritories } from '../repos/territory.repo';
import { resolveCommuneField } from './commune-field.service';
import { communeOrigin } from './distance.service';
import { findEntity } from './entity.service';
import { NotFoundError } from './errors';
import { mapPageQuerySchema } from './map-page.service';
import { compactPoints } from './map-points.service';
import { mapStats } from './map.service';
import { parseParams } from './params';
import { hasDemoData } from './site.service';

/** A size in pixels: out-of-range values are brought within bounds (a picture, not an error). */
const pixels = (name: string, min: number, max: number, fallback: number) =>
	z.coerce
		.number({ error: `${name} : un nombre de pixels` })
		.default(fallback)
		.transform((v) => Math.round(Math.min(max, Math.max(min, v))));

/** /carte's address plus the picture's size and language. */
export const mapPreviewQuerySchema = mapPageQuerySchema.extend({
	w: pixels('w', 200, 2000, 800),
	h: pixels('h', 150, 2000, 600),
	lang: fileLanguageSchema.shape.lang
});

/** Commune outlines are drawn from this zoom on (TerritoryLayer's COMMUNE_ZOOM, a little before). */
const COMMUNE_ZOOM = 8.5;

/** Territories with their outline, by level (a few MB of JSON for the communes: parsed once per data revision). */
type Outlined = PreviewOutline & { bbox: BBox2D | null; centroid: LonLat | null };
const outlinesKept = new WeakMap<Db, { revision: string; levels: Map<string, Outlined[]> }>();
function outlinesOf(db: Db, kind: 'departement' | 'epci' | 'commune'): Outlined[] {
	const revision = dataRevision(db);
	let kept = outlinesKept.get(db);
	if (kept?.revision !== revision) outlinesKept.set(db, (kept = { revision, levels: new Map() }));
	let rows = kept.levels.get(kind);
	if (!rows) {
		rows = listTerritories(db, { kind }).flatMap((t) =>
			t.geometry
				? [
						{
							code: t.code,
							name: t.name,
							geometry: t.geometry as AreaGeometry,
							bbox: t.bbox ?? null,
							centroid: t.centroidLon != null && t.centroidLat != null ? ([t.centroidLon, t.centroidLat] as LonLat) : null
						}
					]
				: []
		);
		kept.levels.set(kind, rows);
	}
	return rows;
}

/** Cluster indexes by revision and filters (10,000 actors: tens of milliseconds to build; a récit asks the same view often). */
const indexesKept = new WeakMap<Db, Map<string, { index: ClusterIndex; located: number }>>();
const KEPT_INDEXES = 4;
function clustered(db: Db, filters: EntityFilters): { index: ClusterIndex; located: number } {
	let kept = indexesKept.get(db);
	if (!kept) indexesKept.set(db, (kept = new Map()));
	const key = `${dataRevision(db)}\n${filterKey(filters)}`;
	let entry = kept.get(key);
	if (entry) kept.delete(key);
	else {
		const points = compactPoints(db, filters);
		entry = { index: clusterIndex(points, ENTITY_KINDS), located: points.length };
	}
	kept.set(key, entry);
	while (kept.size > KEPT_INDEXES) kept.delete(kept.keys().next().value as string);
	return entry;
}

const union = (boxes: BBox2D[]): BBox2D | null =>
	boxes.length
		? [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))]
		: null;
const intersects = (a: BBox2D, b: BBox2D) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const ringBox = (ring: LonLat[]): BBox2D => union(ring.map(([x, y]) => [x, y, x, y]))!;

/** The marks of the frame: /carte's clusters at the picture's zoom (every actor alone past CLUSTER_MAX_ZOOM). */
function marksIn(index: ClusterIndex, frame: MapFrame): PreviewMark[] {
	const zoom = Math.max(0, Math.min(CLUSTER_MAX_ZOOM + 1, Math.floor(frame.zoom)));
	// A margin of a cluster's size: a disc half out of the frame is still drawn.
	return index.getClusters(frameBounds(frame, 30), zoom).map((f) => {
		const at = f.geometry.coordinates as LonLat;
		const p = f.properties as Record<string, unknown>;
		return p.cluster
			? { type: 'cluster', at, count: Number(p.point_count), kinds: Object.fromEntries(ENTITY_KINDS.map((k) => [k, Number(p[k] ?? 0)])) }
			: { type: 'point', id: Number(p.id), at, kind: String(p.kind), approx: p.approx === 1 };
	});
}

/** What the picture of a /carte address shows, and the SVG (see mapPreviewSvg). */
export function mapPreview(db: Db, search: URLSearchParams) {
	// The commune field's text (`lieu`) becomes the territory filter, as on /carte.
	const { params } = resolveCommuneField(db, search, '/carte');
	const q = parseParams(mapPreviewQuerySchema, params, EXPLORE_ARRAY_KEYS);
	const filters = filtersOf(q);
	const words = vocabularyIn(q.lang);
	const departements = outlinesOf(db, 'departement');

	const origin = q.near ? communeOrigin(db, q.near) : null;
	if (q.near && !origin) throw new NotFoundError(m.errors_no_commune_code({ code: q.near }));
	if (origin && !('code' in origin)) throw new NotFoundError(m.errors_commune_unplaced({ name: origin.name }));
	const radius = origin && 'code' in origin ? { km: q.radius, communeName: origin.name, center: [origin.lon, origin.lat] as LonLat } : null;
	const ring = radius ? (radiusCircle(radius.center, radius.km).geometry.coordinates[0] as LonLat[]) : null;

	const focusRow = q.territory ? (listTerritories(db, { code: q.territory })[0] ?? null) : null;
	const focus: PreviewOutline | null = focusRow?.geometry ? { code: focusRow.code, name: focusRow.name, geometry: focusRow.geometry as AreaGeometry } : null;
	const { index, located } = clustered(db, filters);

	// The camera of the address; else the radius, the territory, the actors found; else the four départements.
	const everything = index.getClusters([-180, -85, 180, 85], 0).map((f) => f.geometry.coordinates as LonLat);
	const filtered = Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : v != null));
	const auvergne = union(departements.flatMap((d) => (d.bbox ? [d.bbox] : []))) ?? [2.06, 44.62, 4.49, 46.81];
	const bounds =
		(ring && ringBox(ring)) ??
		focusRow?.bbox ??
		(focusRow?.centroidLon != null && focusRow.centroidLat != null
			? ([focusRow.centroidLon - 0.05, focusRow.centroidLat - 0.04, focusRow.centroidLon + 0.05, focusRow.centroidLat + 0.04] as BBox2D)
			: null) ??
		(filtered && everything.length ? padded(ringBox(everything)) : auvergne);
	const frame = frameFor(q.w, q.h, { camera: q.at ?? null, bounds });
	const view = frameBounds(frame);

	const stats = q.stat ? mapStats(db, { ...filters, level: q.level, measure: q.stat }) : null;
	const statOutlines = stats ? new Map(outlinesOf(db, stats.level).map((o) => [o.code, o.geometry as GeoJSON.Geometry])) : new Map<string, GeoJSON.Geometry>();
	const statShapes = stats ? statsFeatures(stats.items, stats.measure, stats.breaks, stats.max, statOutlines) : null;
	const communes = frame.zoom >= COMMUNE_ZOOM || q.territory || stats ? outlinesOf(db, 'commune').filter((c) => !c.bbox || intersects(c.bbox, view)) : [];

	const marks = marksIn(index, frame);
	const actor = q.actor != null ? findEntity(db, String(q.actor)) : null;
	const kinds = ENTITY_KINDS.filter((k) => marks.some((mk) => (mk.type === 'point' ? mk.kind === k : (mk.kinds[k] ?? 0) > 0)));

	const input: MapPreviewInput = {
		frame,
		lang: q.lang,
		departements,
		communes,
		focus,
		stats:
			stats && statShapes
				? {
						measure: stats.measure,
						level: stats.level,
						breaks: stats.breaks,
						fills: statShapes.fills.features.map((f) => ({ geometry: f.geometry, color: f.properties.color })),
						circles: statShapes.circles.features.map((f) => ({ at: f.geometry.coordinates as LonLat, radius: f.properties.radius, color: f.properties.color }))
					}
				: null,
		marks,
		located,
		kinds: kinds.map((k) => ({ code: k, label: words.kind(k) })),
		selected: actor
			? { name: actor.name, at: actor.lon != null && actor.lat != null ? [actor.lon, actor.lat] : null, kindLabel: words.kind(actor.kind) }
			: null,
		radius: radius && ring ? { ...radius, ring } : null,
		attribution: OUTLINES_ATTRIBUTION,
		demo: hasDemoData(db)
	};
	return {
		svg: mapPreviewSvg(input),
		/** Located actors of the filtered set, those in the frame, and the marks drawn for them. */
		located,
		inFrame: marks.reduce((sum, mk) => sum + (mk.type === 'cluster' ? mk.count : 1), 0),
		marks: marks.length,
		frame
	};
}

/** A few actors close together still show their surroundings (a tenth of a degree around at least). */
function padded([w, s, e, n]: BBox2D): BBox2D {
	const dx = Math.max(0, 0.1 - (e - w)) / 2;
	const dy = Math.max(0, 0.07 - (n - s)) / 2;
	return [w - dx, s - dy, e + dx, n + dy];
}

/** The route's answer: the picture inline, cacheable by its bytes. */
export function mapPreviewFile(db: Db, params: URLSearchParams) {
	return { body: mapPreview(db, params).svg, contentType: 'image/svg+xml; charset=utf-8', filename: 'carte-apercu.svg', inline: true };
}
