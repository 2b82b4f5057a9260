import { z } from 'zod';
import { categoryLabel, kindLabel, TERRITORY_KINDS, territoryKindLabels } from '$lib/domain/vocabulary';
import { TERRITORY_CODE_RE } from '$lib/domain/filters';
import { formatIssues } from '$lib/domain/entity.schema';
import type { Db } from '../db';
import { entitiesInTerritory, kindCategoryCountsQuery } from '../repos/entity.repo';
import { childTerritories, findTerritory, listTerritories } from '../repos/territory.repo';
import { NotFoundError, ValidationError } from './errors';
import { communeOrigin } from './distance.service';
import { territoryBreadcrumb } from './entity.service';

const PER = 10_000;

/** Actors per 10,000 inhabitants, one decimal; null when the population is unknown. */
export function ratePer10k(count: number, population: number | null | undefined): number | null {
	if (!population) return null;
	return Math.round((count / population) * PER * 10) / 10;
}

export function getTerritoryPage(db: Db, code: string) {
	if (!TERRITORY_CODE_RE.test(code)) throw new NotFoundError(`Code de territoire « ${code} » invalide.`);
	const t = findTerritory(db, code);
	if (!t) throw new NotFoundError(`Aucun territoire ne porte le code « ${code} ».`);
	const counts = kindCategoryCountsQuery(db, { kind: [], category: [], sector: [], stage: [], offer: [], q: undefined, territory: code }).all();
	const byKind = new Map<string, number>();
	for (const c of counts) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + c.n);
	const total = counts.reduce((s, c) => s + c.n, 0);
	const parent = t.parentCode ? findTerritory(db, t.parentCode) : undefined;
	return {
		territory: {
			code: t.code,
			kind: t.kind,
			kindLabel: territoryKindLabels[t.kind],
			name: t.name,
			population: t.population,
			postalCodes: t.postalCodes,
			centroid: t.centroidLon != null && t.centroidLat != null ? [t.centroidLon, t.centroidLat] : null,
			hasOutline: t.geometry != null,
			bbox: t.bbox
		},
		parent: parent ? { code: parent.code, kind: parent.kind, name: parent.name } : null,
		ancestors: t.kind === 'commune' ? territoryBreadcrumb(db, t.parentCode) : [],
		children: childTerritories(db, code),
		total,
		totalPer10k: ratePer10k(total, t.population),
		byKind: [...byKind].map(([kind, n]) => ({ kind, label: kindLabel(kind), count: n, per10k: ratePer10k(n, t.population) })),
		byCategory: counts
			.map((c) => ({ kind: c.kind, category: c.category, label: categoryLabel(c.category), count: c.n, per10k: ratePer10k(c.n, t.population) }))
			.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr')),
		actors: entitiesInTerritory(db, code, 500),
		/** A commune's centre as the start of distances: what its « autour de » links measure from. */
		place: t.kind === 'commune' ? placeOf(db, code) : null
	};
}

function placeOf(db: Db, code: string) {
	const origin = communeOrigin(db, code);
	return origin && 'code' in origin ? { accuracy: origin.accuracy, uncertaintyKm: origin.uncertaintyKm, note: origin.note } : null;
}

export const territoryListQuerySchema = z.object({
	kind: z
		.enum(TERRITORY_KINDS, { error: 'type de territoire inconnu (region, departement, epci, commune)' })
		.optional()
		.meta({ description: 'Niveau de territoire ; sans lui, tous les niveaux.', examples: ['departement'] }),
	parent: z
		.string()
		.regex(TERRITORY_CODE_RE, { error: 'code de territoire parent invalide' })
		.optional()
		.meta({ description: 'Code d’un territoire englobant : ne garder que les territoires qu’il contient.', examples: ['63'] }),
	code: z
		.string()
		.regex(TERRITORY_CODE_RE, { error: 'code de territoire invalide' })
		.optional()
		.meta({ description: 'Un seul territoire, par son code (son contour pour une petite carte).', examples: ['63113'] }),
	geometry: z
		.enum(['outline', 'point'], { error: 'géométrie inconnue (outline ou point)' })
		.default('outline')
		.meta({
			description: 'outline : le contour quand il est connu, sinon le point ; point : le point seul (étiquettes, léger).',
			examples: ['point']
		})
});

/** GeoJSON FeatureCollection of territories (outline when known, else centroid point). */
export function territoriesGeoJson(db: Db, params: URLSearchParams) {
	const parsed = territoryListQuerySchema.safeParse(Object.fromEntries(params));
	if (!parsed.success) throw new ValidationError(formatIssues(parsed.error));
	const rows = listTerritories(db, parsed.data);
	return {
		type: 'FeatureCollection' as const,
		features: rows.map((t) => ({
			type: 'Feature' as const,
			id: t.code,
			geometry:
				(parsed.data.geometry === 'outline' ? t.geometry : null) ??
				(t.centroidLon != null && t.centroidLat != null ? { type: 'Point' as const, coordinates: [t.centroidLon, t.centroidLat] } : null),
			bbox: t.bbox ?? undefined,
			properties: {
				code: t.code,
				kind: t.kind,
				name: t.name,
				parentCode: t.parentCode,
				departementCode: t.departementCode,
				epciCode: t.epciCode,
				population: t.population,
				centroid: t.centroidLon != null ? [t.centroidLon, t.centroidLat] : null,
				centroidPrecision: t.centroidPrecision,
				source: t.geometrySource ?? t.source,
				vintage: t.vintage
			}
		}))
	};
}
