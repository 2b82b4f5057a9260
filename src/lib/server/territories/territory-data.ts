import { z } from 'zod';
import { TERRITORY_KINDS } from '$lib/domain/vocabulary';

/** Shape of data/territories/territories.json: the embedded default territories, ready to insert. */

const position = z.array(z.number()).min(2);
const ring = z.array(position).min(4);
const areaGeometry = z.union([
	z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
	z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) })
]);

const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;

export const CENTROID_PRECISIONS = ['contour', 'geonames', 'epci_seat', 'departement', 'none'] as const;

export const territorySeedRowSchema = z.object({
	code: z.string().min(2),
	kind: z.enum(TERRITORY_KINDS),
	name: z.string().min(1),
	parentCode: z.string().nullable(),
	regionCode: z.string().nullable(),
	departementCode: z.string().nullable(),
	epciCode: z.string().nullable(),
	population: z.number().int().nonnegative().nullable(),
	postalCodes: z.array(z.string()),
	centroidLon: z.number().nullable(),
	centroidLat: z.number().nullable(),
	centroidPrecision: z.enum(CENTROID_PRECISIONS),
	bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
	geometry: areaGeometry.nullable(),
	geometrySource: z.string().nullable(),
	source: z.string().min(1),
	vintage: z.string().min(1)
});
export type TerritorySeedRow = z.infer<typeof territorySeedRowSchema>;

export const dataSourceSchema = z.object({
	name: z.string(),
	package: z.string(),
	version: z.string(),
	licence: z.string(),
	url: z.string(),
	usage: z.string()
});
export type DataSource = z.infer<typeof dataSourceSchema>;

export const territoryDataFileSchema = z.object({
	scope: z.object({ departements: z.array(z.string()), regionCode: z.string() }),
	region: z.object({ code: z.string(), name: z.string() }),
	vintage: z.string(),
	generatedBy: z.string(),
	sources: z.array(dataSourceSchema),
	stats: z.record(z.string(), z.number()),
	/**
	 * Former commune codes (communes déléguées or associées since merged into a scope commune) -> current
	 * commune code: older contour files still carry them, the importer attaches their polygons.
	 */
	formerCommunes: z.record(z.string().regex(COMMUNE_CODE), z.string().regex(COMMUNE_CODE)).default({}),
	territories: z.array(territorySeedRowSchema)
});
export type TerritoryDataFile = z.infer<typeof territoryDataFileSchema>;

export const DEFAULT_TERRITORIES_FILE = 'data/territories/territories.json';

/**
 * geometrySource prefix of outlines written by the official contours importer (never overwritten by defaults).
 * Here, with the rows' shape, because the loader, the embedded outlines and the importer all test it.
 */
export const IMPORTED_GEOMETRY_PREFIX = 'import:';
