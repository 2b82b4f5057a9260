import { z } from 'zod';
import { entityFiltersSchema, type EntityFilters } from '$lib/domain/filters';
import { categoryLabel, ENTITY_KINDS, kindLabel } from '$lib/domain/vocabulary';
import { jenksBreaks } from '$lib/geo/class-breaks';
import { radiusCircle, withinRadius } from '$lib/geo/distance';
import { normalizePlaceName } from '$lib/geo/place-name';
import type { Db } from '../db';
import { encodeCursor } from '../http/cursor';
import { countsByTerritory, entitiesInBox, listEntities, mapPointRows } from '../repos/entity.repo';
import { findTerritory, territorySummariesOfKind } from '../repos/territory.repo';
import { NotFoundError } from './errors';
import { parseParams } from './params';
import { ratePer10k } from './territory.service';

/** [id, lon, lat, kindIndex, approx]: compact, because the map may receive 10,000 of them. */
export type CompactPoint = [number, number, number, number, 0 | 1];

/** The list beside the map starts with this many names; « voir les suivants » pages on through /api/v1/entities with `next`. */
const LIST_SIZE = 50;

export function mapPoints(db: Db, filters: EntityFilters) {
	const kindIndex = new Map<string, number>(ENTITY_KINDS.map((k, i) => [k, i]));
	const points: CompactPoint[] = mapPointRows(db, filters).map((r) => [
		r.id,
		r.lon,
		r.lat,
		kindIndex.get(r.kind) ?? 0,
		r.coordPrecision === 'address' || r.coordPrecision === 'manual' ? 0 : 1
	]);
	const { items, total } = listEntities(db, { ...filters, sort: 'name', dir: 'asc', page: 1, perPage: LIST_SIZE }, 0);
	return {
		total,
		kinds: [...ENTITY_KINDS],
		points,
		list: {
			total,
			next: items.length < total ? encodeCursor(items.length) : null,
			items: items.map((e) => ({
				id: e.id,
				slug: e.slug,
				name: e.name,
				kind: e.kind,
				kindLabel: kindLabel(e.kind),
				categoryLabel: categoryLabel(e.category),
				communeName: e.communeName
			}))
		}
	};
}

export const statsParamsSchema = entityFiltersSchema.extend({
	level: z.enum(['departement', 'epci'], { error: 'niveau inconnu (departement ou epci)' }).default('departement').meta({ description: 'Maille : départements ou EPCI.' }),
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

/** Structures (everything but persons, unless asked) within a radius of a commune, nearest first. */
export function nearby(db: Db, params: NearbyParams) {
	const commune = findTerritory(db, params.commune);
	if (!commune || commune.kind !== 'commune') throw new NotFoundError(`Aucune commune ne porte le code « ${params.commune} ».`);
	if (commune.centroidLon == null || commune.centroidLat == null) throw new NotFoundError(`La commune ${commune.name} n'a pas de position connue.`);
	const center: [number, number] = [commune.centroidLon, commune.centroidLat];
	const filters: EntityFilters = params.kind.length ? params : { ...params, kind: ENTITY_KINDS.filter((k) => k !== 'person') };
	const dLat = params.radiusKm / KM_PER_DEGREE_LAT;
	const dLon = dLat / Math.cos((center[1] * Math.PI) / 180);
	const candidates = entitiesInBox(db, filters, [center[0] - dLon, center[1] - dLat, center[0] + dLon, center[1] + dLat]);
	const items = withinRadius(candidates, center, params.radiusKm).map((e) => ({
		id: e.id,
		slug: e.slug,
		name: e.name,
		kind: e.kind,
		kindLabel: kindLabel(e.kind),
		categoryLabel: categoryLabel(e.category),
		communeName: e.communeName,
		lon: e.lon,
		lat: e.lat,
		distanceKm: e.distanceKm
	}));
	return {
		commune: { code: commune.code, name: commune.name, centroid: center },
		radiusKm: params.radiusKm,
		circle: radiusCircle(center, params.radiusKm),
		total: items.length,
		items: items.slice(0, 200)
	};
}

export const communeSearchSchema = z.object({
	q: z
		.string({ error: 'paramètre q obligatoire' })
		.trim()
		.min(1, { error: 'paramètre q obligatoire' })
		.max(100, { error: 'recherche trop longue' })
		.meta({ description: 'Début du nom de la commune, ou son code INSEE.', examples: ['clermont'] }),
	limit: z.coerce.number({ error: 'limit doit être un nombre' }).int().min(1).max(50, { error: 'limit : 50 au maximum' }).default(10).meta({ description: 'Nombre de communes rendues.' })
});

/**
 * Commune autocomplete over every commune of the scope: accent-, case- and hyphen-insensitive,
 * names starting with the text first, then names with a word starting with it; bigger towns first.
 */
export function searchCommunes(db: Db, params: URLSearchParams) {
	const { q, limit } = parseParams(communeSearchSchema, params);
	const needle = normalizePlaceName(q);
	if (!needle) return { items: [] };
	const scored = territorySummariesOfKind(db, 'commune').flatMap((c) => {
		const name = normalizePlaceName(c.name);
		const score = c.code === q ? 0 : name.startsWith(needle) ? 1 : name.includes(` ${needle}`) ? 2 : -1;
		return score < 0 ? [] : [{ c, score }];
	});
	scored.sort((a, b) => a.score - b.score || (b.c.population ?? 0) - (a.c.population ?? 0));
	return {
		items: scored.slice(0, limit).map(({ c }) => ({
			code: c.code,
			name: c.name,
			departementCode: c.departementCode,
			population: c.population,
			centroid: c.centroidLon != null && c.centroidLat != null ? [c.centroidLon, c.centroidLat] : null
		}))
	};
}
