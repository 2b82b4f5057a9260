import type { CommuneMatch } from '$lib/geo/commune-match';
import type { PointAccuracy, ShownDistance } from '$lib/geo/distance-precision';

/** Shapes of the map endpoints (see src/routes/api/v1/map/*): compact on purpose, 10k points travel as arrays. */
export type Lon = number;
export type Lat = number;

/** [id, lon, lat, kindIndex, approx (1 = commune-level position)] */
export type CompactPoint = [number, Lon, Lat, number, 0 | 1];

export interface MapListItem {
	id: number;
	slug: string;
	name: string;
	kind: string;
	kindLabel: string;
	categoryLabel: string;
	communeName: string | null;
}

export interface MapPointsResponse {
	total: number;
	kinds: string[];
	points: CompactPoint[];
	/** The first 50 names; `next` is the entities API cursor of the following ones (null: all here). */
	list: MapList;
}

export interface MapList {
	items: MapListItem[];
	total: number;
	next: string | null;
}

export type StatLevel = 'departement' | 'epci';
export type StatMeasure = 'count' | 'rate';

export interface StatItem {
	code: string;
	name: string;
	count: number;
	population: number | null;
	per10k: number | null;
	centroid: [Lon, Lat] | null;
	hasOutline: boolean;
}

export interface MapStatsResponse {
	level: StatLevel;
	measure: StatMeasure;
	items: StatItem[];
	breaks: number[];
	max: number;
}

export interface CommuneSuggestion {
	code: string;
	name: string;
	departementCode: string | null;
	population: number | null;
	postalCodes: string[];
	centroid: [Lon, Lat] | null;
	/** How the typed text matched: name, postcode or INSEE code (see $lib/geo/commune-match). */
	match: CommuneMatch;
	matchedCode: string | null;
	/** « code postal 43200 », « code INSEE 43200 »; null for a name. */
	matchLabel: string | null;
}

export interface NearbyItem {
	id: number;
	slug: string;
	name: string;
	kindLabel: string;
	categoryLabel: string;
	communeName: string | null;
	/** Measured between the points, to the tenth (for sorting); what to show is `distance.text`. */
	distanceKm: number;
	distance: ShownDistance;
}

export interface NearbyResponse {
	commune: { code: string; name: string; centroid: [Lon, Lat]; accuracy: PointAccuracy; uncertaintyKm: number; note: string | null };
	radiusKm: number;
	circle: GeoJSON.Feature<GeoJSON.Polygon>;
	items: NearbyItem[];
}

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
