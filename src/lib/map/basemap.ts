import type { StyleSpecification } from 'maplibre-gl';
import { OUTLINES_ATTRIBUTION } from '$lib/geo/attribution';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';

export type Basemap = 'none' | 'ign' | 'osm';

export const PAPER = '#f4efe8';

export const IGN_STYLE_URL = 'https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json';
export const IGN_ATTRIBUTION = '© IGN – Plan IGN';
export const OSM_ATTRIBUTION = "© les contributeurs d'OpenStreetMap";
export const osmAttribution = (locale: Locale = getLocale()) => (locale === 'fr' ? OSM_ATTRIBUTION : '© OpenStreetMap contributors');

/**
 * The starting style. `none` makes no request at all: a plain paper background on which our own
 * territories are drawn. `ign` and `osm` are for online deployments (the CSP is widened server-side).
 */
export function baseStyle(basemap: Basemap): StyleSpecification | string {
	if (basemap === 'ign') return IGN_STYLE_URL;
	if (basemap === 'osm') {
		return {
			version: 8,
			sources: {
				osm: {
					type: 'raster',
					tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
					tileSize: 256,
					maxzoom: 19,
					attribution: osmAttribution()
				}
			},
			layers: [{ id: 'osm', type: 'raster', source: 'osm', paint: { 'raster-saturation': -0.35, 'raster-opacity': 0.9 } }]
		};
	}
	return { version: 8, sources: {}, layers: [{ id: 'paper', type: 'background', paint: { 'background-color': PAPER } }] };
}

/** The territories' credit, in the page's language (« Territoires : INSEE (COG) via Etalab ; contours : … »). */
export const territoryAttribution = (locale: Locale = getLocale()) => m.map_attribution_territories({ outlines: OUTLINES_ATTRIBUTION }, { locale });
export const TERRITORY_ATTRIBUTION = territoryAttribution('fr');

/** Attributions for the map corner: our territories always, the basemap's when there is one (OSM's comes with its source). */
export function attributions(basemap: Basemap, locale: Locale = getLocale()): string[] {
	return basemap === 'ign' ? [IGN_ATTRIBUTION, territoryAttribution(locale)] : [territoryAttribution(locale)];
}

/** Whether our territory fills should be opaque (no basemap underneath) or light washes over one. */
export const drawsOwnLand = (basemap: Basemap): boolean => basemap === 'none';
