/**
 * Distances, their notes and the commune search's answers in the page's language. The API says them in
 * French only (one language for every client); it also gives what they were made from (the kind of distance,
 * the figure, the accuracy of the start), which the English page says again with the same rules
 * ($lib/geo/distance-precision, $lib/geo/commune-match).
 */
import { placeNames } from './commune-words';
import { formatKm, pointNote, POINT_ACCURACIES, UNCERTAINTY_KM, type PointAccuracy, type ShownDistance } from '$lib/geo/distance-precision';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

const english = () => getLocale() === 'en';
const tenths = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** « 3,4 km » (with a no-break space) on a French page, « 3.4 km » in English. */
export const kmText = (km: number): string => (english() ? `${tenths.format(km)}\u00a0km` : formatKm(km));

export { matchText, placeNames } from './commune-words';

/** « 3,4 km », « ≈ 12 km », « moins de 30 km », « dans la même commune »… */
export function distanceText(d: Pick<ShownDistance, 'kind' | 'km' | 'text'>): string {
	switch (d.kind) {
		case 'same_commune':
			return m.map_distance_same_commune();
		case 'same_epci':
			return m.map_distance_same_epci();
		case 'under':
			return d.km == null ? d.text : m.map_distance_under({ km: kmText(d.km) });
		case 'approx':
			return d.km == null ? d.text : m.map_distance_approx({ km: kmText(d.km) });
		default:
			return d.km == null ? d.text : kmText(d.km);
	}
}

/** Why an actor's point is approximate; the API's note names the accuracy it was written for. */
export function pointNoteText(note: string | null): string | null {
	const accuracy = POINT_ACCURACIES.find((a) => a !== 'exact' && pointNote(a) === note);
	if (accuracy === 'commune') return m.map_point_commune();
	if (accuracy === 'epci_seat') return m.map_point_epci_seat();
	if (accuracy === 'departement') return m.map_point_departement();
	return note;
}

/**
 * What a commune's distances are measured from. French: the API's note, which also names the seat or the
 * département standing for the commune; English: said from the accuracy.
 */
export function originNoteText(origin: { name: string; accuracy: PointAccuracy; note: string | null }): string | null {
	if (!english() || !origin.note) return origin.note;
	const words = { ...placeNames(origin.name), km: kmText(UNCERTAINTY_KM[origin.accuracy]) };
	if (origin.accuracy === 'epci_seat') return m.map_origin_epci_seat(words);
	if (origin.accuracy === 'departement') return m.map_origin_departement(words);
	return m.map_origin_commune(words);
}
