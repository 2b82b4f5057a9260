import { countOf, ofTerritory } from '$lib/domain/french';
import { closestCommune, departementOfInsee, departementsOfPostcode } from '$lib/geo/commune-match';
import { showDistance, UNCERTAINTY_KM } from '$lib/geo/distance-precision';
import { placeNameCore } from '$lib/geo/place-name';
import type { ImportField } from './fields';
import type { ProblemCode } from './problems';
import type { GeocodeRequest, ImportCommune, PlaceLookup } from './place-lookup';
import { parseDecimal, repairInsee } from './values';

/*
 * Where a row is: its commune (INSEE code, then name within its postcode, then the postcode alone, then the
 * outline its point falls in), its point, and whether it belongs to the territory at all. A row that says
 * only « elsewhere » (a point, a postcode, an INSEE code outside the configured départements) is not an
 * error: a national file is imported as it is, its other rows ignored as « hors du territoire ».
 */

/** How a row's commune was found when the file did not name it exactly; the report counts each way. */
export type PlacedBy = 'coordinates' | 'postcode' | 'name';
/** The same, or `outside` the territory: what the report counts and filters on. */
export type RowPlacement = PlacedBy | 'outside';

/** Row numbers of each way. */
export interface Placement {
	coordinates: number[];
	postcode: number[];
	name: number[];
	outside: number[];
}

export interface PlaceCells {
	code: string;
	name: string;
	postcode: string;
	lon: string;
	lat: string;
	precision: string;
	address: string;
}

export interface RowPlace {
	commune: ImportCommune | null;
	lon: number | null;
	lat: number | null;
	coordPrecision: 'address' | 'commune' | 'manual' | null;
	geocode: GeocodeRequest | null;
	placedBy: PlacedBy | null;
	/** Why the row lies outside the territory (« code postal 69001 »); null when it belongs here. */
	outside: string | null;
}

type Say = (field: ImportField, code: ProblemCode, message: string) => void;

/** Our own exports say how precise a point is; anything else typed in a sheet is a manual point. */
const PRECISION_WORDS: Record<string, 'address' | 'commune' | 'manual'> = {
	address: 'address',
	adresse: 'address',
	commune: 'commune',
	manual: 'manual',
	manuelle: 'manual',
	saisie: 'manual'
};
const givenPrecision = (raw: string) => PRECISION_WORDS[raw.trim().toLowerCase()] ?? 'manual';

/** Farther than this from its commune's centre, a point is probably in the wrong place. */
const FAR_FROM_COMMUNE_KM = 25;

/** A commune list in a message: « Ardes (63009), Apchat (63007) ». */
const listed = (communes: ImportCommune[]) => communes.map((c) => `${c.name} (${c.code})`).join(', ');
const named = (c: ImportCommune) => `${c.name} (${c.code})`;

function kmBetween(a: [number, number], b: [number, number]): number {
	const rad = Math.PI / 180;
	const dLat = (b[1] - a[1]) * rad;
	const dLon = (b[0] - a[0]) * rad;
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.sqrt(h));
}

interface Failure {
	field: ImportField;
	code: ProblemCode;
	message: string;
}

interface CommuneFound {
	commune: ImportCommune | null;
	placedBy: PlacedBy | null;
	/** Said when the commune is kept (an INSEE code repaired, a name matched loosely). */
	notes: Failure[];
	/** Why no commune was found, when the file named one; coordinates inside may still place the row. */
	failure: Failure | null;
	outside: string | null;
	outsideField?: ImportField;
}

const nothing = (): CommuneFound => ({ commune: null, placedBy: null, notes: [], failure: null, outside: null });

function communeFromCode(codeCell: string, nameCell: string, places: PlaceLookup): CommuneFound {
	const found = nothing();
	const repaired = repairInsee(codeCell, (code) => places.communeByCode(code) !== undefined);
	if (!repaired) {
		const code = codeCell.trim().toUpperCase();
		const departement = /^\d[0-9AB]\d{3}$/.test(code) ? departementOfInsee(code) : null;
		if (departement && !places.departementInScope(departement)) {
			found.outside = `code INSEE ${code}`;
			found.outsideField = 'communeCode';
		} else found.failure = { field: 'communeCode', code: 'unknown_commune', message: `code INSEE « ${codeCell} » absent du territoire couvert` };
		return found;
	}
	const commune = places.communeByCode(repaired.code) ?? null;
	found.commune = commune;
	if (repaired.repaired)
		found.notes.push({
			field: 'communeCode',
			code: 'insee_repaired',
			message: `« ${codeCell} » réparé en ${repaired.code} (le tableur avait perdu le zéro initial)`
		});
	if (commune && nameCell && !places.communesByName(nameCell).some((c) => c.code === commune.code) && placeNameCore(nameCell) !== placeNameCore(commune.name)) {
		found.notes.push({
			field: 'commune',
			code: 'commune_mismatch',
			message: `« ${nameCell} » ne correspond pas au code INSEE ${commune.code} (${commune.name}) : le code est retenu`
		});
	}
	return found;
}

/**
 * A name, a postcode, or both. The exact name first (case, accents, hyphens and « St » aside); then the
 * name without its article; then, within the postcode, the closest name; then the postcode alone.
 */
function communeFromNameAndPostcode(nameCell: string, postcodeCell: string, places: PlaceLookup): CommuneFound {
	const found = nothing();
	// A spreadsheet turns the postcode 03100 into 3100, as it does INSEE codes.
	const postcode = /^\d{4}$/.test(postcodeCell) ? `0${postcodeCell}` : postcodeCell.replace(/\s+/g, '');
	const ofPostcode = postcode ? places.communesByPostcode(postcode) : [];
	const postcodeOutside =
		postcode !== '' &&
		ofPostcode.length === 0 &&
		departementsOfPostcode(postcode).length > 0 &&
		!departementsOfPostcode(postcode).some((d) => places.departementInScope(d));
	if (postcodeOutside) {
		found.outside = `code postal ${postcode}`;
		found.outsideField = 'postcode';
		return found;
	}
	const choose = (commune: ImportCommune, placedBy: PlacedBy | null, note?: Failure) => {
		found.commune = commune;
		found.placedBy = placedBy;
		if (note) found.notes.push(note);
		return found;
	};

	if (nameCell) {
		let candidates = places.communesByName(nameCell);
		if (candidates.length > 1 && postcode) {
			const byPostcode = candidates.filter((c) => c.postalCodes.includes(postcode));
			const byDepartement = candidates.filter((c) => c.departementCode === postcode.slice(0, 2));
			candidates = byPostcode.length ? byPostcode : byDepartement.length ? byDepartement : candidates;
		}
		if (candidates.length === 1) return choose(candidates[0]!, null);
		if (candidates.length > 1) {
			found.failure = {
				field: 'commune',
				code: 'ambiguous_commune',
				message: `« ${nameCell} » désigne plusieurs communes : ${listed(candidates)} ; ajoutez le code postal ou le code INSEE`
			};
			return found;
		}
		// Within the postcode: « Le Mont-Dore » 63240 is Mont-Dore, « Ardes sur Couze » 63420 is Ardes.
		if (ofPostcode.length > 0) {
			const closest = closestCommune(nameCell, ofPostcode);
			if (closest.status === 'one') {
				return choose(closest.commune, 'name', {
					field: 'commune',
					code: 'commune_by_name',
					message: `« ${nameCell} » lu comme ${named(closest.commune)}, la commune du code postal ${postcode} au nom le plus proche`
				});
			}
			const choices = closest.status === 'several' ? closest.choices : ofPostcode;
			found.failure = {
				field: 'commune',
				code: closest.status === 'several' ? 'ambiguous_commune' : 'unknown_commune',
				message:
					closest.status === 'several'
						? `« ${nameCell} » peut désigner plusieurs communes du code postal ${postcode} : ${listed(choices)} ; précisez le nom ou donnez le code INSEE`
						: `« ${nameCell} » ne ressemble à aucune commune du code postal ${postcode} (${listed(choices)}) : corrigez le nom ou le code postal`
			};
			return found;
		}
		// Without a postcode, the article alone may differ: « Le Mont-Dore » is Mont-Dore.
		const core = placeNameCore(nameCell);
		const byCore = core ? places.communesByCore(core) : [];
		if (byCore.length === 1) {
			return choose(byCore[0]!, 'name', { field: 'commune', code: 'commune_by_name', message: `« ${nameCell} » lu comme ${named(byCore[0]!)}` });
		}
		found.failure =
			byCore.length > 1
				? {
						field: 'commune',
						code: 'ambiguous_commune',
						message: `« ${nameCell} » désigne plusieurs communes : ${listed(byCore)} ; ajoutez le code postal ou le code INSEE`
					}
				: {
						field: 'commune',
						code: 'unknown_commune',
						message: `« ${nameCell} » : aucune commune de ce nom dans le territoire couvert (vérifiez l'orthographe ou donnez le code postal ou le code INSEE)`
					};
		return found;
	}

	if (!postcode) return found;
	if (ofPostcode.length === 1) {
		return choose(ofPostcode[0]!, 'postcode', {
			field: 'postcode',
			code: 'commune_by_postcode',
			message: `commune déduite du code postal ${postcode} : ${named(ofPostcode[0]!)}`
		});
	}
	found.failure =
		ofPostcode.length > 1
			? {
					field: 'postcode',
					code: 'ambiguous_commune',
					message: `le code postal ${postcode} couvre ${countOf(ofPostcode.length, 'commune')} : ${listed(ofPostcode)} ; ajoutez une colonne « commune » ou le code INSEE`
				}
			: { field: 'postcode', code: 'unknown_commune', message: `code postal « ${postcodeCell} » : aucune commune du territoire couvert ne l'a` };
	return found;
}

type Point = { status: 'none' } | { status: 'bad'; failure: Failure } | { status: 'in'; lon: number; lat: number; swapped: boolean } | { status: 'out' };

function pointFromCells(lonCell: string, latCell: string, places: PlaceLookup): Point {
	if (!lonCell && !latCell) return { status: 'none' };
	const x = parseDecimal(lonCell);
	const y = parseDecimal(latCell);
	if (x === null || y === null) {
		const which = x === null ? 'lon' : 'lat';
		const raw = which === 'lon' ? lonCell : latCell;
		return {
			status: 'bad',
			failure: {
				field: which,
				code: 'bad_coordinates',
				message: raw ? `coordonnée illisible « ${raw} » (nombre décimal attendu, ex. 45,7797)` : 'longitude et latitude vont ensemble : il en manque une'
			}
		};
	}
	if (Math.abs(x) > 1000 || Math.abs(y) > 1000) {
		return {
			status: 'bad',
			failure: {
				field: 'lon',
				code: 'bad_coordinates',
				message: `coordonnées ${lonCell} ; ${latCell} en mètres (Lambert 93 ?) : degrés WGS84 attendus (ex. longitude 3,0863 ; latitude 45,7797)`
			}
		};
	}
	if (Math.abs(x) > 180 || Math.abs(y) > 90) {
		return {
			status: 'bad',
			failure: {
				field: Math.abs(y) > 90 ? 'lat' : 'lon',
				code: 'bad_coordinates',
				message: `coordonnées impossibles ${lonCell} ; ${latCell} (latitude entre -90 et 90, longitude entre -180 et 180)`
			}
		};
	}
	if (places.inScope(x, y)) return { status: 'in', lon: x, lat: y, swapped: false };
	if (places.inScope(y, x)) return { status: 'in', lon: y, lat: x, swapped: true };
	return { status: 'out' };
}

/**
 * Reads the place cells of one row. Problems go through `fail` and `warn`, naming the column; the row is
 * `outside` when everything it says about its place lies outside the territory.
 */
export function readPlace(cells: PlaceCells, places: PlaceLookup, fail: Say, warn: Say): RowPlace {
	const place: RowPlace = { commune: null, lon: null, lat: null, coordPrecision: null, geocode: null, placedBy: null, outside: null };
	const found = cells.code ? communeFromCode(cells.code, cells.name, places) : communeFromNameAndPostcode(cells.name, cells.postcode, places);
	const point = pointFromCells(cells.lon, cells.lat, places);

	if (point.status === 'out' && !found.commune) {
		place.outside = `coordonnées ${cells.lat} ; ${cells.lon}`;
		return place;
	}
	if (point.status === 'none' && found.outside) {
		place.outside = found.outside;
		return place;
	}
	for (const n of found.notes) warn(n.field, n.code, n.message);
	place.commune = found.commune;
	place.placedBy = found.placedBy;

	if (point.status === 'bad') {
		fail(point.failure.field, point.failure.code, point.failure.message);
		if (found.failure) fail(found.failure.field, found.failure.code, found.failure.message);
		return place;
	}
	if (point.status === 'out') {
		fail(
			'lon',
			'outside_scope',
			`coordonnées hors du territoire couvert (${cells.lon} ; ${cells.lat}) pour une fiche ${ofTerritory(found.commune!.name, 'commune')} : corrigez-les ou videz-les`
		);
		return place;
	}
	if (point.status === 'in') {
		[place.lon, place.lat, place.coordPrecision] = [point.lon, point.lat, givenPrecision(cells.precision)];
		if (point.swapped) warn('lat', 'coordinates_swapped', `latitude et longitude inversées (${cells.lat} ; ${cells.lon}) : remises dans l'ordre`);
		if (!place.commune) {
			const at = places.communeAt(point.lon, point.lat);
			if (at) {
				place.commune = at;
				place.placedBy = 'coordinates';
				const instead = found.failure
					? found.failure.code === 'ambiguous_commune'
						? ', parmi les communes possibles'
						: ` ; ${found.failure.message}`
					: found.outside
						? ` ; le ${found.outside} est hors du territoire`
						: '';
				warn('lon', 'commune_by_point', `commune trouvée d'après les coordonnées : ${named(at)}${instead}`);
			} else if (found.failure) {
				fail(found.failure.field, found.failure.code, found.failure.message);
			} else if (found.outside) {
				fail(
					found.outsideField ?? 'lon',
					'outside_scope',
					`${found.outside} hors du territoire couvert, mais les coordonnées y sont : corrigez l'un ou l'autre`
				);
			} else {
				warn(
					'lon',
					'commune_by_point',
					'aucun contour de commune ne contient ce point : la fiche ne comptera dans aucune commune (chargez les contours officiels : npm run territories:import)'
				);
			}
		}
		farFromCommune(place, warn);
		return place;
	}

	// No point: the commune's centre, or the geocoder for an address.
	if (found.failure) {
		fail(found.failure.field, found.failure.code, found.failure.message);
		return place;
	}
	if (cells.address) place.geocode = { address: cells.address, citycode: place.commune?.code ?? null, postcode: cells.postcode || null };
	else if (place.commune?.centroid) {
		[place.lon, place.lat] = place.commune.centroid;
		place.coordPrecision = 'commune';
	}
	return place;
}

/** A commune placed at its intercommunality's seat may truly lie 25 km from it: only farther is suspicious. */
function farFromCommune(place: RowPlace, warn: Say) {
	const commune = place.commune;
	if (place.lon === null || place.lat === null || !commune?.centroid || place.placedBy === 'coordinates') return;
	const accuracy = commune.centroidAccuracy ?? 'commune';
	const km = kmBetween([place.lon, place.lat], commune.centroid);
	if (km > FAR_FROM_COMMUNE_KM + UNCERTAINTY_KM[accuracy] - UNCERTAINTY_KM.commune) {
		const shown = showDistance(km, { accuracy }, { accuracy: 'exact' }).text;
		const from = accuracy === 'epci_seat' ? "du chef-lieu de l'intercommunalité" : accuracy === 'departement' ? 'du centre du département' : 'du centre';
		warn('lon', 'far_from_commune', `point à ${shown} ${from} ${ofTerritory(commune.name, 'commune')} : à vérifier`);
	}
}
