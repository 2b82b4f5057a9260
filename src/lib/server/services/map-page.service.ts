import { z } from 'zod';
import { directoryQuerySchema } from '$lib/domain/filters';
import { basemapSetting, type Basemap } from '../config';
import { parseParams } from './params';

/** /carte's URL: the shared filters plus the map's own view state. */
export const mapPageQuerySchema = directoryQuerySchema.extend({
	stat: z.enum(['count', 'rate'], { error: 'statistique inconnue (count ou rate)' }).optional(),
	level: z.enum(['departement', 'epci'], { error: 'niveau inconnu (departement ou epci)' }).default('departement'),
	near: z.string().regex(/^\d[0-9AB]\d{3}$/, { error: 'code commune INSEE invalide' }).optional(),
	radius: z.coerce.number({ error: 'rayon invalide' }).min(1, { error: 'rayon : 1 km au minimum' }).max(100, { error: 'rayon : 100 km au maximum' }).default(20),
	actor: z.coerce.number({ error: 'acteur invalide' }).int().positive({ error: 'acteur invalide' }).optional()
});

export function loadMapPage(params: URLSearchParams): {
	query: z.output<typeof directoryQuerySchema>;
	basemap: Basemap;
	stat: { measure: 'count' | 'rate'; level: 'departement' | 'epci' } | null;
	near: { commune: string; radiusKm: number } | null;
	actor: number | null;
} {
	const { stat, level, near, radius, actor, ...query } = parseParams(mapPageQuerySchema, params);
	return {
		query,
		basemap: basemapSetting(),
		stat: stat ? { measure: stat, level } : null,
		near: near ? { commune: near, radiusKm: radius } : null,
		actor: actor ?? null
	};
}
