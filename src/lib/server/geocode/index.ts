import { geocoderSettings } from '../config';
import { banGeocoder, disabledGeocoder, type Geocoder } from './ban';

export * from './ban';

/**
 * The geocoder configured by CARTO_GEOCODER_URL / CARTO_GEOCODER_TIMEOUT_MS (BAN by default,
 * `off` or `none` → disabledGeocoder). Throws a French error when the configuration is malformed.
 */
export function geocoderFromEnv(env: Record<string, string | undefined> = process.env): Geocoder {
	const settings = geocoderSettings(env);
	if (!settings.enabled) return disabledGeocoder;
	return banGeocoder({ baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs });
}
