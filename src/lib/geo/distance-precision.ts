/**
 * Honest distances. Most communes have no point of their own yet: 1,034 of the 1,287 embedded ones sit at
 * their intercommunality's seat, 20 at their département's centre. A distance between two such points says
 * little below the error of its ends, so every distance shown anywhere goes through this module: each end
 * gets an uncertainty from how its point was placed, and a measured distance becomes what may be said of it
 * (« 3,4 km », « ≈ 12 km », « moins de 30 km », « dans la même intercommunalité »), with a note saying what
 * was measured. The API carries the result, so clients need no rule of their own. The grammar around the
 * place names (« d'Aurillac », « du Puy-en-Velay », « qu'Yssingeaux ») is the French-phrasing module's.
 */
import { ofTerritory, thanTerritory } from '$lib/domain/french/places';
import { frenchSpacing } from '$lib/domain/french/typography';

const ofCommune = (name: string) => ofTerritory(name, 'commune');
const thanCommune = (name: string) => thanTerritory(name, 'commune');

/** How a point was placed, best first. */
export const POINT_ACCURACIES = ['exact', 'commune', 'epci_seat', 'departement'] as const;
export type PointAccuracy = (typeof POINT_ACCURACIES)[number];

/**
 * How far (km) the true place may lie from its stored point, for 9 points out of 10. Measured on the embedded
 * territories against the official IGN outlines (ADMIN EXPRESS 2018, 1,283 communes): a GeoNames point lies
 * within 1.9 km of its commune's centroid, and a commune is about 2.4 km in radius (median), hence 2 km for
 * « centre of the commune » (GeoNames or an imported outline); a commune placed at its intercommunality's
 * seat lies within 26 km of it (median 13 km); one placed at its département's centre within 38 km.
 * An address (or a point placed by hand) is good to a hundred metres.
 */
export const UNCERTAINTY_KM: Record<PointAccuracy, number> = { exact: 0.1, commune: 2, epci_seat: 25, departement: 40 };

/** Below this combined uncertainty (km) the figure is shown as measured, to the tenth under 10 km. */
const MEASURED_BELOW_KM = 0.5;

/** The accuracy of a commune's centre, from the territories' `centroidPrecision`; null when it has none. */
export function communeCentreAccuracy(centroidPrecision: string | null | undefined): PointAccuracy | null {
	switch (centroidPrecision) {
		case 'contour':
		case 'geonames':
			return 'commune';
		case 'epci_seat':
			return 'epci_seat';
		case 'departement':
			return 'departement';
		default:
			return null;
	}
}

/**
 * The accuracy of an actor's point: an address or a hand-placed point is exact; otherwise the point is its
 * commune's centre (`coordPrecision` = commune, or unknown), as good as that centre.
 */
export function actorPointAccuracy(coordPrecision: string | null | undefined, communeCentroidPrecision: string | null | undefined): PointAccuracy {
	if (coordPrecision === 'address' || coordPrecision === 'manual') return 'exact';
	return communeCentreAccuracy(communeCentroidPrecision) ?? 'commune';
}

/** One end of a distance: how its point was placed, and where it is (to say « same commune » honestly). */
export interface DistanceEnd {
	accuracy: PointAccuracy;
	communeCode?: string | null;
	epciCode?: string | null;
}

/** Both ends' errors are independent: they add up as a root sum of squares. */
export function combinedUncertaintyKm(a: PointAccuracy, b: PointAccuracy): number {
	return Math.hypot(UNCERTAINTY_KM[a], UNCERTAINTY_KM[b]);
}

/**
 * - measured: both points are exact, the figure is the measure;
 * - approx: rounded to the uncertainty, with « ≈ »;
 * - under: the measure is below the uncertainty, only an upper bound can be said (« moins de 30 km »);
 * - same_commune / same_epci: below the uncertainty, and both ends are known to share the territory.
 */
export const DISTANCE_KINDS = ['measured', 'approx', 'under', 'same_commune', 'same_epci'] as const;
export type DistanceKind = (typeof DISTANCE_KINDS)[number];

export interface ShownDistance {
	kind: DistanceKind;
	/** True unless the figure is the measure between two exact points. */
	approx: boolean;
	/** What to display: « 3,4 km », « ≈ 12 km », « moins de 30 km », « dans la même intercommunalité ». */
	text: string;
	/** The figure shown (for `under`, the bound); null when only a shared territory is said. */
	km: number | null;
	/** Combined uncertainty of both ends, km (one decimal). */
	uncertaintyKm: number;
	/** Why the far end is approximate (« position approchée : centre de sa commune »); null when exact. The start's note is said once, apart (originNote). */
	note: string | null;
}

const tenths = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const round1 = (x: number) => Math.round(x * 10) / 10;

/** « 3,4 km », « 27 km », with a non-breaking space: a tenth of a kilometre only matters close by. */
export function formatKm(km: number): string {
	return `${tenths.format(km < 10 ? round1(km) : Math.round(km))}\u00a0km`;
}

/** The step an approximate figure is rounded to: never finer than its uncertainty allows. */
export function roundingStepKm(uncertaintyKm: number): number {
	return uncertaintyKm < 3 ? 1 : uncertaintyKm < 15 ? 5 : 10;
}

/** The round figure at or above `km` that a person would say: 1 km steps to 10, 5 km to 50, then 10 km. */
export function niceCeilKm(km: number): number {
	if (km <= 10) return Math.max(1, Math.ceil(km));
	if (km <= 50) return Math.ceil(km / 5) * 5;
	return Math.ceil(km / 10) * 10;
}

/** What may be said of `measuredKm` between two points placed as `from` and `to`. */
export function showDistance(measuredKm: number, from: DistanceEnd, to: DistanceEnd): ShownDistance {
	const u = combinedUncertaintyKm(from.accuracy, to.accuracy);
	const base = { uncertaintyKm: round1(u), note: pointNote(to.accuracy) };
	if (u < MEASURED_BELOW_KM) {
		const km = measuredKm < 10 ? round1(measuredKm) : Math.round(measuredKm);
		return { ...base, kind: 'measured', approx: false, text: formatKm(km), km };
	}
	if (measuredKm < u) {
		if (from.communeCode && from.communeCode === to.communeCode) return { ...base, kind: 'same_commune', approx: true, text: 'dans la même commune', km: null };
		const atSeat = from.accuracy === 'epci_seat' || to.accuracy === 'epci_seat';
		if (atSeat && from.epciCode && from.epciCode === to.epciCode)
			return { ...base, kind: 'same_epci', approx: true, text: 'dans la même intercommunalité', km: null };
		const bound = niceCeilKm(measuredKm + u);
		return { ...base, kind: 'under', approx: true, text: `moins de ${formatKm(bound)}`, km: bound };
	}
	const step = roundingStepKm(u);
	const km = Math.max(step, Math.round(measuredKm / step) * step);
	return { ...base, kind: 'approx', approx: true, text: `≈\u00a0${formatKm(km)}`, km };
}

/**
 * The distance a ranking may count: never nearer than half the uncertainty. Two points at one seat are not
 * next door to each other, and a score must not reward a closeness nobody measured.
 */
export function scoringKm(measuredKm: number, from: DistanceEnd, to: DistanceEnd): number {
	return Math.max(measuredKm, combinedUncertaintyKm(from.accuracy, to.accuracy) / 2);
}

/** Why an actor's point is approximate, in a few words; null when it is exact. */
export function pointNote(accuracy: PointAccuracy): string | null {
	switch (accuracy) {
		case 'exact':
			return null;
		case 'commune':
			return 'position approchée\u00a0: centre de sa commune';
		case 'epci_seat':
			return 'position approchée\u00a0: chef-lieu de son intercommunalité';
		case 'departement':
			return 'position approchée\u00a0: centre de son département';
	}
}

/** Where a commune's distances start from, as the start of the sentences that name it. */
export interface Origin {
	name: string;
	accuracy: PointAccuracy;
	/** The commune whose point stands for the intercommunality (epci_seat), when known. */
	seatName?: string | null;
	departementName?: string | null;
}

/**
 * Said once near the figures: what a commune's distances are measured from, and how far off they may be.
 * Null for an exact point.
 */
export function originNote(origin: Origin): string | null {
	const note = originWords(origin);
	return note && frenchSpacing(note);
}

function originWords(origin: Origin): string | null {
	const within = `à ${formatKm(UNCERTAINTY_KM[origin.accuracy])} près`;
	switch (origin.accuracy) {
		case 'exact':
			return null;
		case 'commune':
			return `Distances mesurées depuis le centre ${ofCommune(origin.name)}, ${within}.`;
		case 'epci_seat':
			return `Distances mesurées depuis le chef-lieu de l'intercommunalité${origin.seatName ? ` (${origin.seatName})` : ''}\u00a0: la position ${ofCommune(origin.name)} n'est pas encore connue plus précisément (${within}).`;
		case 'departement':
			return `Distances mesurées depuis le centre du département${origin.departementName ? ` (${origin.departementName})` : ''}\u00a0: la position ${ofCommune(origin.name)} n'est pas encore connue plus précisément (${within}).`;
	}
}

/** What was measured, after a figure: nothing for a commune's own centre, the seat or the département otherwise. */
export function measuredFrom(accuracy: PointAccuracy): string {
	if (accuracy === 'epci_seat') return ", mesurée depuis le chef-lieu de l'intercommunalité";
	if (accuracy === 'departement') return ', mesurée depuis le centre du département';
	return '';
}

/**
 * The distance in a sentence about a place: « à 3,4 km de Brioude », « à ≈ 40 km de Saint-Geneys-près-Saint-Paulien,
 * mesurée depuis le chef-lieu de l'intercommunalité », « dans la même intercommunalité que Saint-Geneys… ».
 */
export function distanceFrom(shown: ShownDistance, origin: Origin): string {
	return frenchSpacing(distanceWords(shown, origin));
}

function distanceWords(shown: ShownDistance, origin: Origin): string {
	const from = measuredFrom(origin.accuracy);
	switch (shown.kind) {
		case 'same_commune':
			return `dans la même commune ${thanCommune(origin.name)}`;
		case 'same_epci':
			return `dans la même intercommunalité ${thanCommune(origin.name)} (distance exacte inconnue)`;
		case 'under':
			return `à moins de ${formatKm(shown.km as number)} ${ofCommune(origin.name)}${from}`;
		default:
			return `à ${shown.text} ${ofCommune(origin.name)}${from}`;
	}
}

/** « hors rayon (74 km) », « hors rayon (≈ 70 km) ». */
export function beyondRadius(shown: ShownDistance): string {
	return `hors rayon (${shown.text})`;
}
