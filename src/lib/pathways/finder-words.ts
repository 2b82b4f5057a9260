/**
 * The finder's distances in the page's language. French keeps the shared French-phrasing of
 * $lib/geo/distance-precision (« à ≈ 40 km de Brioude », « du Puy-en-Velay »); English says the same
 * facts from the distance's kind and figure, which the API's French text is built from too.
 */
import { vocabularyIn } from '$lib/domain/vocabulary';
import { distanceFrom, originNote, pointNote, UNCERTAINTY_KM, type Origin, type PointAccuracy, type ShownDistance } from '$lib/geo/distance-precision';
import type { Locale } from '$lib/paraglide/runtime';

const tenths = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const round1 = (x: number) => Math.round(x * 10) / 10;

/** « 3.4 km », « 27 km »: the French rule (a tenth only under 10 km), British figures. */
function kmEn(km: number): string {
	return `${tenths.format(km < 10 ? round1(km) : Math.round(km))}\u00a0km`;
}

function pointNoteEn(accuracy: PointAccuracy): string | null {
	switch (accuracy) {
		case 'exact':
			return null;
		case 'commune':
			return 'approximate position: centre of its municipality';
		case 'epci_seat':
			return 'approximate position: seat of its intercommunality';
		case 'departement':
			return 'approximate position: centre of its département';
	}
}

function shownTextEn(shown: ShownDistance): string {
	switch (shown.kind) {
		case 'same_commune':
			return 'in the same municipality';
		case 'same_epci':
			return 'in the same intercommunality';
		case 'under':
			return `less than ${kmEn(shown.km as number)}`;
		case 'approx':
			return `≈\u00a0${kmEn(shown.km as number)}`;
		case 'measured':
			return kmEn(shown.km as number);
	}
}

/** Why a point is approximate, in a few words; null when it is exact. */
export function pointNoteIn(accuracy: PointAccuracy, locale: Locale): string | null {
	return locale === 'en' ? pointNoteEn(accuracy) : pointNote(accuracy);
}

/** A shown distance whose text and note are in `locale` (`to`: how the far end was placed). */
export function shownIn(shown: ShownDistance, to: PointAccuracy, locale: Locale): ShownDistance {
	return locale === 'en' ? { ...shown, text: shownTextEn(shown), note: pointNoteEn(to) } : shown;
}

/** The distance in a sentence about the entrepreneur's commune: « à 3,4 km de Brioude » / « 3.4 km from Brioude ». */
export function distanceFromIn(shown: ShownDistance, origin: Origin, locale: Locale): string {
	if (locale !== 'en') return distanceFrom(shown, origin);
	const from =
		origin.accuracy === 'epci_seat'
			? ", measured from the intercommunality's seat"
			: origin.accuracy === 'departement'
				? ", measured from the département's centre"
				: '';
	switch (shown.kind) {
		case 'same_commune':
			return `in the same municipality as ${origin.name}`;
		case 'same_epci':
			return `in the same intercommunality as ${origin.name} (exact distance unknown)`;
		case 'under':
			return `less than ${kmEn(shown.km as number)} from ${origin.name}${from}`;
		default:
			return `${shownTextEn(shown)} from ${origin.name}${from}`;
	}
}

/**
 * What a commune's distances are measured from, said once near the figures. French: the note the server
 * wrote (it names the seat or the département); English from the accuracy alone. Null for an exact point.
 */
export function originNoteIn(origin: Origin & { note?: string | null }, locale: Locale): string | null {
	if (locale !== 'en') return origin.note ?? originNote(origin);
	const within = `within ${kmEn(UNCERTAINTY_KM[origin.accuracy])}`;
	switch (origin.accuracy) {
		case 'exact':
			return null;
		case 'commune':
			return `Distances measured from the centre of ${origin.name}, ${within}.`;
		case 'epci_seat':
			return `Distances measured from the seat of the intercommunality: the position of ${origin.name} is not known more precisely yet (${within}).`;
		case 'departement':
			return `Distances measured from the centre of the département: the position of ${origin.name} is not known more precisely yet (${within}).`;
	}
}

/** « a rural third place or an incubator »: the previous step's kinds of structures, with their article. */
export function someCategoriesEn(codes: string[]): string {
	const named = codes.map((code) => {
		const label = vocabularyIn('en').category(code).toLowerCase();
		return `${/^(?:[aeio]|u(?!ni))/.test(label) ? 'an' : 'a'} ${label}`;
	});
	return named.length <= 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} or ${named.at(-1)}`;
}
