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
	departementCode: string;
	population: number | null;
	centroid: [Lon, Lat];
}

export interface NearbyItem {
	id: number;
	slug: string;
	name: string;
	kindLabel: string;
	categoryLabel: string;
	communeName: string | null;
	distanceKm: number;
}

export interface NearbyResponse {
	commune: { code: string; name: string; centroid: [Lon, Lat] };
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
