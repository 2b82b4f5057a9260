import type { z } from 'zod';
import type { communesResponse, mapPointsResponse, mapStatsResponse, nearbyResponse } from '$lib/domain/api/responses';

/**
 * Shapes of the map endpoints (see src/routes/api/v1/map/*): compact on purpose, 10k points travel as arrays.
 * The answers' types are those of the schemas the OpenAPI document publishes and the API test parses every
 * real answer with; only the territories' GeoJSON keeps a hand-written type (GeoJSON's own).
 */
export type Lon = number;
export type Lat = number;

/** [id, lon, lat, kindIndex, approx (1 = commune-level position)] */
export type CompactPoint = [number, Lon, Lat, number, 0 | 1];

export type MapPointsResponse = z.output<typeof mapPointsResponse>;
/** The first 50 names; `next` is the entities API cursor of the following ones (null: all here). */
export type MapList = MapPointsResponse['list'];
export type MapListItem = MapList['items'][number];

export type MapStatsResponse = z.output<typeof mapStatsResponse>;
export type StatItem = MapStatsResponse['items'][number];
export type StatLevel = MapStatsResponse['level'];
export type StatMeasure = MapStatsResponse['measure'];

/** How the typed text matched: name, postcode or INSEE code (see $lib/geo/commune-match). */
export type CommuneSuggestion = z.output<typeof communesResponse>['items'][number];

export type NearbyResponse = z.output<typeof nearbyResponse>;
/** `distanceKm` is measured between the points, to the tenth (for sorting); what to show is `distance.text`. */
export type NearbyItem = NearbyResponse['items'][number];

export interface TerritoryProps {
	code: string;
	kind: string;
	name: string;
	population: number | null;
	centroid: [Lon, Lat] | null;
	/** contour, geonames (the town's own point), epci_seat, departement (borrowed points), none. */
	centroidPrecision?: string;
	departementCode: string | null;
	epciCode: string | null;
}

export type TerritoryCollection = GeoJSON.FeatureCollection<GeoJSON.Geometry | null, TerritoryProps>;
