import { z } from 'zod';
import { entityFiltersSchema, type EntityFilters } from '$lib/domain/filters';
import { ENTITY_KINDS } from '$lib/domain/vocabulary';
import { jenksBreaks } from '$lib/geo/class-breaks';
import { idsWithinRadius, radiusCircle } from '$lib/geo/distance';
import { matchLabel, resolutionMessage, resolveTypedCommune, searchCommuneList, type CommuneResolution } from '$lib/geo/commune-match';
import { showDistance } from '$lib/geo/distance-precision';
import type { Db } from '../db';
import { entityCount } from './entity-counts';
import { countsByTerritory, listedByIds, placesInBox } from '../repos/entity.repo';
import { readTask } from '../worker/read-worker';
import { listedActor, mapPointBytes, mapPointsJsonBytes } from './map-points.service';
export { mapPoints } from './map-points.service';
import { communeSearchRows } from '../repos/place.repo';
import { territorySummariesOfKind } from '../repos/territory.repo';
import { actorEnds, communeOrigin, originEnd, UNKNOWN_END } from './distance.service';
import { NotFoundError } from './errors';
import { parseParams } from './params';
import { ratePer10k } from './territory.service';
import { m } from '$lib/paraglide/messages';

/**
 * Up to this many actors, the points' bytes are read in the request (~7 ms, 7 µs a point in JSON on an idle
 * machine); beyond, in the read worker, so that the unfiltered map at 100,000 actors (0.3 s of reading) never
 * holds the other requests. It was 5,000: at 10,000 actors a map of the people (4,808) held the event loop
 * 36 ms idle and up to 0.2 s under bench:load, the longest turns of the server at that scale.
 */
const POINTS_READ_INLINE = 1_000;

/** The map's points of a filtered set as bytes (see $lib/map/points-binary), read off the event loop when many. */
export function mapPointsBinary(db: Db, filters: EntityFilters): Promise<Uint8Array> | Uint8Array {
	if (entityCount(db, filters) <= POINTS_READ_INLINE) return mapPointBytes(db, filters);
	return readTask(db, 'mapPoints', filters);
}

/**
 * The points in JSON (the public answer since the start) as the bytes sent: built in the read worker beyond
 * POINTS_READ_INLINE actors (issue 18: ~1 s of the event loop at 100,000), kept per revision there and by the route.
 */
export function mapPointsJson(db: Db, filters: EntityFilters): Promise<Uint8Array> | Uint8Array {
	if (entityCount(db, filters) <= POINTS_READ_INLINE) return mapPointsJsonBytes(db, filters);
	return readTask(db, 'mapPointsJson', filters);
}

export const statsParamsSchema = entityFiltersSchema.extend({
	level: z
		.enum(['departement', 'epci'], { error: 'niveau inconnu (departement ou epci)' })
		.default('departement')
		.meta({ description: 'Maille : départements ou EPCI.' }),
	measure: z
		.enum(['count', 'rate'], { error: 'mesure inconnue (count ou rate)' })
		.default('count')
		.meta({ description: 'Mesure des classes : nombre d’acteurs (count) ou taux pour 10 000 habitants (rate).' })
});
export type StatsParams = z.output<typeof statsParamsSchema>;

/** Figures per territory of a level for the filtered set, with Jenks class breaks on the chosen measure. */
export function mapStats(db: Db, params: StatsParams) {
	const counts = countsByTerritory(db, params, params.level);
	const items = territorySummariesOfKind(db, params.level).map((t) => {
		const count = counts.get(t.code) ?? 0;
		return {
			code: t.code,
			name: t.name,
			count,
			population: t.population,
			per10k: ratePer10k(count, t.population),
			centroid: t.centroidLon != null && t.centroidLat != null ? ([t.centroidLon, t.centroidLat] as [number, number]) : null,
			hasOutline: Boolean(t.hasOutline)
		};
	});
	const values = items.map((i) => (params.measure === 'rate' ? (i.per10k ?? NaN) : i.count));
	return {
		level: params.level,
		measure: params.measure,
		items,
		breaks: jenksBreaks(values, 5),
		max: Math.max(0, ...values.filter(Number.isFinite))
	};
}

export const nearbyParamsSchema = entityFiltersSchema.extend({
	commune: z
		.string({ error: 'paramètre commune obligatoire (code INSEE)' })
		.regex(/^\d[0-9AB]\d{3}$/, { error: 'code commune INSEE invalide' })
		.meta({ description: 'Code INSEE de la commune au centre du cercle.', examples: ['63113'] }),
	radiusKm: z.coerce
		.number({ error: 'rayon invalide' })
		.min(1, { error: 'rayon : 1 km au minimum' })
		.max(100, { error: 'rayon : 100 km au maximum' })
		.default(20)
		.meta({ description: 'Rayon du cercle, en kilomètres.' })
});
export type NearbyParams = z.output<typeof nearbyParamsSchema>;

const KM_PER_DEGREE_LAT = 111.32;

/**
 * Structures (everything but persons, unless asked) within a radius of a commune's centre, nearest first.
 * Each distance says what may honestly be said of it (see $lib/geo/distance-precision), and the commune
 * says once what its distances are measured from.
 */
export function nearby(db: Db, params: NearbyParams) {
	const commune = communeOrigin(db, params.commune);
	if (!commune) throw new NotFoundError(m.errors_no_commune_code({ code: params.commune }));
	if (!('code' in commune)) throw new NotFoundError(m.errors_commune_unplaced({ name: commune.name }));
	const center: [number, number] = [commune.lon, commune.lat];
	const filters: EntityFilters = params.kind.length ? params : { ...params, kind: ENTITY_KINDS.filter((k) => k !== 'person') };
	const dLat = params.radiusKm / KM_PER_DEGREE_LAT;
	const dLon = dLat / Math.cos((center[1] * Math.PI) / 180);
	const places = placesInBox(db, filters, [center[0] - dLon, center[1] - dLat, center[0] + dLon, center[1] + dLat]);
	const within = idsWithinRadius(places, center, params.radiusKm);
	// Only the listed ones are read whole: around a city there are thousands in the box.
	const distances = new Map(within.slice(0, NEARBY_LISTED).map((p) => [p.id, p.distanceKm]));
	const kept = listedByIds(db, [...distances.keys()]).map((e) => ({ ...e, distanceKm: distances.get(e.id)! }));
	const ends = actorEnds(
		db,
		kept.map((e) => e.id)
	);
	const from = originEnd(commune);
	return {
		commune: { code: commune.code, name: commune.name, centroid: center, accuracy: commune.accuracy, uncertaintyKm: commune.uncertaintyKm, note: commune.note },
		radiusKm: params.radiusKm,
		circle: radiusCircle(center, params.radiusKm),
		total: within.length,
		items: kept.map((e) => ({
			...listedActor(e),
			lon: e.lon,
			lat: e.lat,
			distanceKm: e.distanceKm,
			distance: showDistance(e.distanceKm, from, ends.get(e.id) ?? UNKNOWN_END)
		}))
	};
}

/** The list keeps the nearest ones; the total counts them all. */
const NEARBY_LISTED = 200;

export const communeSearchSchema = z.object({
	q: z
		.string({ error: 'paramètre q obligatoire' })
		.trim()
		.min(1, { error: 'paramètre q obligatoire' })
		.max(100, { error: 'recherche trop longue' })
		.meta({ description: 'Nom de la commune (ou son début), code postal ou code INSEE (ou leur début).', examples: ['clermont', '43200'] }),
	limit: z.coerce
		.number({ error: 'limit doit être un nombre' })
		.int()
		.min(1)
		.max(50, { error: 'limit : 50 au maximum' })
		.default(10)
		.meta({ description: 'Nombre de communes rendues (un code postal complet rend toujours toutes ses communes).' })
});

/** One commune found for a text, with how it matched (`match`, `matchedCode`, and the label to show). */
export type CommuneHit = ReturnType<typeof findCommunes>[number];

/** Communes for a typed text, best first (the rule: $lib/geo/commune-match). */
export function findCommunes(db: Db, text: string, limit: number) {
	return searchCommuneList(communeSearchRows(db), text, limit).map((c) => ({
		code: c.code,
		name: c.name,
		departementCode: c.departementCode,
		population: c.population,
		postalCodes: c.postalCodes,
		centroid: c.centroidLon != null && c.centroidLat != null ? ([c.centroidLon, c.centroidLat] as [number, number]) : null,
		match: c.match,
		matchedCode: c.matchedCode,
		matchLabel: matchLabel(c.match, c.matchedCode)
	}));
}

/**
 * Commune autocomplete over every commune of the scope, by name (accent-, case- and hyphen-insensitive),
 * postcode or INSEE code; each item says how it matched.
 */
export function searchCommunes(db: Db, params: URLSearchParams) {
	const { q, limit } = parseParams(communeSearchSchema, params);
	return { items: findCommunes(db, q, limit) };
}

/**
 * What a text typed in a commune field names, for the forms that work without JavaScript: one commune,
 * several to choose from (with the French message), or none.
 */
export function resolveCommuneText(db: Db, text: string): { resolution: CommuneResolution<CommuneHit>; message: string | null } {
	const trimmed = text.trim().slice(0, 100);
	const resolution = resolveTypedCommune(trimmed, trimmed ? findCommunes(db, trimmed, 50) : []);
	return { resolution, message: resolutionMessage(trimmed, resolution) };
}
