import type { PointAccuracy } from '$lib/geo/distance-precision';

// What the row readers (row-entity, row-place, json-entity) ask of the territories, in a file of its own so
// that the readers import it and not each other.

/** A commune as the importer needs it. */
export interface ImportCommune {
	code: string;
	name: string;
	departementCode: string | null;
	postalCodes: string[];
	centroid: [number, number] | null;
	/** How that centre was placed (most communes still sit at their intercommunality's seat); a commune's own centre when unknown. */
	centroidAccuracy?: PointAccuracy | null;
}

/** What the row reader asks of the territories; the server answers from the database. */
export interface PlaceLookup {
	communeByCode(code: string): ImportCommune | undefined;
	communesByName(name: string): ImportCommune[];
	/** Communes whose name without its article is this (placeNameCore): « mont dore » → Mont-Dore. */
	communesByCore(core: string): ImportCommune[];
	/** The communes of a postcode (five digits). */
	communesByPostcode(postcode: string): ImportCommune[];
	/** The commune whose outline holds the point; undefined without commune outlines or outside them. */
	communeAt(lon: number, lat: number): ImportCommune | undefined;
	/** How many communes have an outline (0: points cannot be located in a commune). */
	outlineCount(): number;
	/** Whether a département (« 63 », « 2A », « 974 ») is one this instance maps. */
	departementInScope(code: string): boolean;
	/** Inside the territory this instance maps (its départements). */
	inScope(lon: number, lat: number): boolean;
}

/** An address the geocoder may place, with what the row already says of its commune. */
export interface GeocodeRequest {
	address: string;
	citycode: string | null;
	postcode: string | null;
}
