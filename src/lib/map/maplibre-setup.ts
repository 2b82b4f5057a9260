import type { Map as MapLibreMap } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import libraryUrl from 'maplibre-gl/dist/maplibre-gl.mjs?url';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { MapLibreModule } from './map-context.svelte';

/**
 * What every MapLibre owner (the map, the pathway map, the finder's route map) needs before its first
 * `new Map`: the library and its CSS, loaded in the browser only and once, with the worker URL Vite
 * serves (STACK.md: MapLibre cannot find its worker under Vite otherwise).
 */
let loading: Promise<MapLibreModule> | null = null;
export function loadMapLibre(): Promise<MapLibreModule> {
	loading ??= Promise.all([import(/* @vite-ignore */ libraryUrl) as Promise<MapLibreModule>, import('maplibre-gl/dist/maplibre-gl.css')]).then(([maplibre]) => {
		maplibre.setWorkerUrl(workerUrl);
		return maplibre;
	});
	return loading;
}

/**
 * MapLibre's address, for a page that draws a map at once to name in its head (`<link rel="modulepreload">`,
 * /carte, its embed, /explorer): issue 18, the library (1.1 MB) was only asked for once hydration ran the page's
 * code, a second after navigation. Its distribution file is one module with no imports, so it is served as an
 * asset at a hashed address the server knows too (like the worker), and `loadMapLibre` imports that very file.
 */
export const MAPLIBRE_URL: string = libraryUrl;

/**
 * MapLibre's own words (control titles and aria-labels, read aloud by screen readers), in French.
 * Every map passes `mapLibreLocale` as its `locale` option.
 */
const FRENCH_LOCALE: Record<string, string> = {
	'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources',
	'AttributionControl.MapFeedback': 'Signaler une erreur sur le fond de carte',
	'FullscreenControl.Enter': 'Afficher en plein écran',
	'FullscreenControl.Exit': 'Quitter le plein écran',
	'GeolocateControl.FindMyLocation': 'Me localiser',
	'GeolocateControl.LocationNotAvailable': 'Position indisponible',
	'LogoControl.Title': 'Logo MapLibre',
	'Map.Title': 'Carte',
	'Marker.Title': 'Repère sur la carte',
	'NavigationControl.ResetBearing': 'Remettre le nord en haut',
	'NavigationControl.ZoomIn': 'Zoom avant',
	'NavigationControl.ZoomOut': 'Zoom arrière',
	'Popup.Close': 'Fermer',
	'ScaleControl.Feet': 'pi',
	'ScaleControl.Meters': 'm',
	'ScaleControl.Kilometers': 'km',
	'ScaleControl.Miles': 'mi',
	'ScaleControl.NauticalMiles': 'nq',
	'GlobeControl.Enable': 'Afficher le globe',
	'GlobeControl.Disable': 'Afficher la carte à plat',
	'TerrainControl.Enable': 'Afficher le relief',
	'TerrainControl.Disable': 'Masquer le relief',
	'CooperativeGesturesHandler.WindowsHelpText': 'Ctrl + molette pour zoomer la carte',
	'CooperativeGesturesHandler.MacHelpText': '⌘ + molette pour zoomer la carte',
	'CooperativeGesturesHandler.MobileHelpText': 'Deux doigts pour déplacer la carte'
};

/** MapLibre's words in the page's language: ours in French, MapLibre's own (English) under /en. */
export const mapLibreLocale = (locale: Locale): Record<string, string> | undefined => (locale === 'fr' ? FRENCH_LOCALE : undefined);

/** Our maps are flat paper: north stays up, whatever the gesture. */
export function lockRotation(map: MapLibreMap): void {
	map.touchZoomRotate.disableRotation();
	map.keyboard.disableRotation();
}

/** The message shown in place of a map that could not start. */
export function mapFailureMessage(e: unknown): string {
	return e instanceof Error && /webgl/i.test(e.message) ? m.map_failure_webgl() : m.map_failure();
}
