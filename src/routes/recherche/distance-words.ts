import { formatKm, type ShownDistance } from '$lib/geo/distance-precision';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

const englishTenths = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** « 3,4 km » / « 3.4 km »: the figure is already rounded as honestly as it may be. */
const kmText = (km: number) => (getLocale() === 'en' ? `${englishTenths.format(km)} km` : formatKm(km));

/**
 * A distance in the page's language, from what the distance module decided may be said of it (« moins de
 * 30 km », « dans la même commune »…): the French words are the module's own.
 */
export function distanceWords(reach: Pick<ShownDistance, 'kind' | 'km'>): string {
	switch (reach.kind) {
		case 'same_commune':
			return m.server_search_distance_same_commune();
		case 'same_epci':
			return m.server_search_distance_same_epci();
		case 'under':
			return m.server_search_distance_under({ km: kmText(reach.km ?? 0) });
		case 'approx':
			return m.server_search_distance_approx({ km: kmText(reach.km ?? 0) });
		default:
			return kmText(reach.km ?? 0);
	}
}
