import type { EntityInput } from '$lib/domain/entity.schema';
import { compactSiret, isValidSiret } from '$lib/domain/siret';
import { categoryKind, categoryTerms, kindLabel, type EntityKind } from '$lib/domain/vocabulary';
import { showDistance, UNCERTAINTY_KM, type PointAccuracy } from '$lib/geo/distance-precision';
import { ofTerritory } from '$lib/domain/french';
import type { ColumnMapping, ImportField } from './fields';
import { resolveCategory, resolveKind, resolveOffer, resolveSector, resolveStage } from './fields';
import { error, warning, type ImportProblem } from './problems';
import { normaliseWebsite, parseDateTime, parseDecimal, parseYear, repairInsee, splitList } from './values';
import { firstWebsite } from './website-list';

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
	/** Inside the territory this instance maps (its départements). */
	inScope(lon: number, lat: number): boolean;
}

export interface ImportDefaults {
	kind?: EntityKind | null;
	category?: string | null;
}

/** The category an importer chose for one of the file's own words (« Café-librairie » → coworking), or null. */
export type CategoryChoice = (value: string) => string | null;

export type DraftInput = Omit<EntityInput, 'slug' | 'kind'> & { slug?: string; kind: EntityKind | null };

/** A row read into the entity shape, before geocoding, slugs and duplicate checks. */
export interface RowDraft {
	row: number;
	/** Kind and category are empty when the file does not say: fine for an update, an error for a creation. */
	input: DraftInput;
	problems: ImportProblem[];
	/** Set when the row has an address and a commune but no coordinates: the geocoder may place it. */
	geocode: { address: string; citycode: string | null; postcode: string | null } | null;
	commune: ImportCommune | null;
	/** The address column, to name it if the geocoder places the row outside the territory. */
	addressColumn?: string | null;
	/** The category cell's text when no category matched it, so the report can offer to choose one. */
	unknownCategory?: string;
	/** The row's category words when they name a kind of place the directory does not list and the editor chose to skip those. */
	skippedCategory?: string;
	/** Fields the file cannot know (a public export leaves private contacts out): an update keeps them. */
	unknownFields?: string[];
}

const TRUE_WORDS = new Set(['oui', 'o', 'yes', 'y', 'vrai', 'true', '1', 'x']);
const FALSE_WORDS = new Set(['non', 'n', 'no', 'faux', 'false', '0', '']);

/** Our own exports say how precise a point is; anything else typed in a sheet is a manual point. */
const PRECISION_WORDS: Record<string, 'address' | 'commune' | 'manual'> = {
	address: 'address', adresse: 'address', commune: 'commune', manual: 'manual', manuelle: 'manual', saisie: 'manual'
};
const givenPrecision = (raw: string) => PRECISION_WORDS[raw.trim().toLowerCase()] ?? 'manual';

/** Farther than this from its commune's centre, a point is probably in the wrong place. */
const FAR_FROM_COMMUNE_KM = 25;

function kmBetween(a: [number, number], b: [number, number]): number {
	const rad = Math.PI / 180;
	const dLat = (b[1] - a[1]) * rad;
	const dLon = (b[0] - a[0]) * rad;
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const categoryHint = (kind: EntityKind | null) =>
	categoryTerms
		.filter((t) => !kind || t.kind === kind)
		.map((t) => t.label)
		.join(', ');

/**
 * Reads one row: each mapped cell becomes a field of the entity input, with a French problem naming the
 * column for anything that cannot be read. Pure: the places come from `places`.
 */
export function readRow(
	row: number,
	cells: Record<string, string>,
	mapping: ColumnMapping,
	places: PlaceLookup,
	defaults: ImportDefaults = {},
	chooseCategory: CategoryChoice = () => null
): RowDraft {
	const problems: ImportProblem[] = [];
	const columnOf = new Map<ImportField, string>();
	for (const [header, field] of Object.entries(mapping)) if (field && !columnOf.has(field)) columnOf.set(field, header);
	const cell = (field: ImportField) => {
		const header = columnOf.get(field);
		// Spreadsheets on Windows write CRLF inside multi-line cells; the stored text uses \n.
		return header === undefined ? '' : (cells[header] ?? '').replace(/\r\n?/g, '\n').trim();
	};
	const col = (field: ImportField) => columnOf.get(field) ?? null;
	const fail = (field: ImportField, code: ImportProblem['code'], message: string) => problems.push(error(row, col(field), code, message));
	const warn = (field: ImportField, code: ImportProblem['code'], message: string) => problems.push(warning(row, col(field), code, message));

	// --- name, kind, category
	const name = cell('name');
	if (!name) fail('name', 'missing_name', 'nom manquant');

	let kind: EntityKind | null = null;
	const kindCell = cell('kind');
	if (kindCell) {
		kind = resolveKind(kindCell);
		if (!kind) fail('kind', 'unknown_kind', `type d'acteur inconnu « ${kindCell} » (attendu : personne, organisation, tiers-lieu ou événement)`);
	}
	let category: string | null = null;
	const categoryCell = cell('category');
	if (categoryCell) {
		category = chooseCategory(categoryCell) ?? resolveCategory(categoryCell);
		const asKind = category ? null : resolveKind(categoryCell);
		if (!category && asKind && defaults.category && categoryKind(defaults.category) === asKind) category = defaults.category;
		if (!category && asKind) {
			fail('category', 'unknown_category', `« ${categoryCell} » est un type d'acteur, pas une catégorie : précisez-la (${categoryHint(asKind)}) ou choisissez une catégorie par défaut`);
		} else if (!category) {
			fail('category', 'unknown_category', `catégorie inconnue « ${categoryCell} » (possibles : ${categoryHint(kind)})`);
		}
	} else if (defaults.category) {
		category = defaults.category;
	}
	if (category) {
		const fromCategory = categoryKind(category) ?? null;
		if (kind && fromCategory && kind !== fromCategory) {
			fail('category', 'unknown_category', `la catégorie « ${categoryCell || category} » ne convient pas au type « ${kindLabel(kind)} »`);
		}
		kind = fromCategory;
	}
	kind ??= defaults.kind ?? null;

	// --- lists: an unknown word is dropped with a warning rather than blocking a whole row
	const list = (field: 'sectors' | 'stages' | 'offers', resolve: (v: string) => string | null, what: string) => {
		const out: string[] = [];
		for (const value of splitList(cell(field))) {
			const code = resolve(value);
			if (code) {
				if (!out.includes(code)) out.push(code);
			} else warn(field, 'unknown_value', `${what} « ${value} » inconnu, ignoré`);
		}
		return out;
	};
	const sectors = list('sectors', resolveSector, 'secteur');
	const stages = list('stages', resolveStage, 'stade');
	const offers = list('offers', resolveOffer, 'offre');

	// --- web, SIRET, dates, contact
	let website: string | null = null;
	const websiteCell = cell('website');
	if (websiteCell) {
		// A cell may list several links (fablabs.io, portals): the first usable one is the website.
		const normalised = normaliseWebsite(websiteCell) ?? firstWebsite(websiteCell);
		if (!normalised) fail('website', 'invalid', `site web invalide « ${websiteCell} » (adresse http ou https attendue)`);
		else {
			website = normalised.url;
			if (normalised.repaired) warn('website', 'website_repaired', `« ${websiteCell} » complété en ${normalised.url}`);
		}
	}
	let siret: string | null = null;
	const siretCell = cell('siret');
	if (siretCell) {
		const compact = compactSiret(siretCell.replace(/\.0$/, ''));
		if (isValidSiret(compact)) siret = compact;
		else fail('siret', 'invalid', `SIRET invalide « ${siretCell} » (14 chiffres dont une clé de contrôle)`);
	}
	let foundedYear: number | null = null;
	const yearCell = cell('foundedYear');
	if (yearCell) {
		// « sept. 2021 », « ouvert en 2019 »: one plausible year in the text is enough.
		const years = yearCell.match(/\b(1[89]\d\d|20\d\d)\b/g);
		foundedYear = parseYear(yearCell) ?? (years?.length === 1 ? Number(years[0]) : null);
		if (foundedYear === null) fail('foundedYear', 'invalid', `année de création illisible « ${yearCell} » (ex. 2019)`);
	}
	const dateTime = (field: 'startsAt' | 'endsAt', what: string) => {
		const raw = cell(field);
		if (!raw) return null;
		const value = parseDateTime(raw);
		if (value === null) fail(field, 'invalid', `${what} illisible « ${raw} » (ex. 12/03/2025 18:30)`);
		return value;
	};
	const startsAt = dateTime('startsAt', 'date de début');
	const endsAt = dateTime('endsAt', 'date de fin');
	let lastVerifiedAt: string | null = null;
	const verifiedCell = cell('lastVerifiedAt');
	if (verifiedCell) {
		lastVerifiedAt = parseDateTime(verifiedCell)?.slice(0, 10) ?? null;
		if (!lastVerifiedAt) fail('lastVerifiedAt', 'invalid', `date de vérification illisible « ${verifiedCell} »`);
	}
	let contactPublic = false;
	const publicCell = cell('contactPublic').toLowerCase();
	if (TRUE_WORDS.has(publicCell)) contactPublic = true;
	else if (!FALSE_WORDS.has(publicCell)) fail('contactPublic', 'invalid', `contact public : « oui » ou « non » attendu, pas « ${cell('contactPublic')} »`);

	// --- place: commune first (code, then name and postcode), then coordinates
	const commune = readCommune(cell('communeCode'), cell('commune'), cell('postcode'), places, {
		fail: (field, code, message) => fail(field, code, message),
		warn: (field, code, message) => warn(field, code, message)
	});
	let lon: number | null = null;
	let lat: number | null = null;
	let coordPrecision: 'address' | 'commune' | 'manual' | null = null;
	const lonCell = cell('lon');
	const latCell = cell('lat');
	if (lonCell || latCell) {
		const x = parseDecimal(lonCell);
		const y = parseDecimal(latCell);
		if (x === null || y === null) {
			const which = x === null ? 'lon' : 'lat';
			const raw = which === 'lon' ? lonCell : latCell;
			fail(which, 'bad_coordinates', raw ? `coordonnée illisible « ${raw} » (nombre décimal attendu, ex. 45,7797)` : 'longitude et latitude vont ensemble : il en manque une');
		} else if (Math.abs(x) > 1000 || Math.abs(y) > 1000) {
			fail('lon', 'bad_coordinates', `coordonnées ${lonCell} ; ${latCell} en mètres (Lambert 93 ?) : degrés WGS84 attendus (ex. longitude 3,0863 ; latitude 45,7797)`);
		} else if (Math.abs(x) > 180 || Math.abs(y) > 90) {
			fail(Math.abs(y) > 90 ? 'lat' : 'lon', 'bad_coordinates', `coordonnées impossibles ${lonCell} ; ${latCell} (latitude entre -90 et 90, longitude entre -180 et 180)`);
		} else if (places.inScope(x, y)) {
			[lon, lat, coordPrecision] = [x, y, givenPrecision(cell('coordPrecision'))];
		} else if (places.inScope(y, x)) {
			[lon, lat, coordPrecision] = [y, x, givenPrecision(cell('coordPrecision'))];
			warn('lat', 'coordinates_swapped', `latitude et longitude inversées (${latCell} ; ${lonCell}) : remises dans l'ordre`);
		} else {
			fail('lon', 'outside_scope', `coordonnées hors du territoire couvert (${lonCell} ; ${latCell})`);
		}
	}
	if (lon !== null && lat !== null && commune?.centroid) {
		// A commune placed at its intercommunality's seat may truly lie 25 km from it: only farther is suspicious.
		const accuracy = commune.centroidAccuracy ?? 'commune';
		const km = kmBetween([lon, lat], commune.centroid);
		if (km > FAR_FROM_COMMUNE_KM + UNCERTAINTY_KM[accuracy] - UNCERTAINTY_KM.commune) {
			const shown = showDistance(km, { accuracy }, { accuracy: 'exact' }).text;
			const from = accuracy === 'epci_seat' ? "du chef-lieu de l'intercommunalité" : accuracy === 'departement' ? 'du centre du département' : 'du centre';
			warn('lon', 'far_from_commune', `point à ${shown} ${from} ${ofTerritory(commune.name, 'commune')} : à vérifier`);
		}
	}
	// fablabs.io and the ANCT schema split the address over two columns; the listing keeps one line.
	const address = [cell('address'), cell('address2')].filter(Boolean).join(', ') || null;
	let geocode: RowDraft['geocode'] = null;
	const placeRefused = problems.some((p) => p.severity === 'error' && ['unknown_commune', 'ambiguous_commune', 'bad_coordinates', 'outside_scope'].includes(p.code));
	if (lon === null && !placeRefused) {
		// The geocoder may find the address even without a commune: its INSEE code then gives the commune.
		if (address) geocode = { address, citycode: commune?.code ?? null, postcode: cell('postcode') || null };
		else if (commune?.centroid) {
			[lon, lat] = commune.centroid;
			coordPrecision = 'commune';
		} else if (!commune) {
			problems.push(warning(row, col('commune'), 'no_place', "ni commune ni coordonnées : l'acteur n'apparaîtra pas sur la carte"));
		}
	}

	return {
		row,
		problems,
		geocode,
		commune,
		addressColumn: col('address'),
		...(categoryCell && !category ? { unknownCategory: categoryCell } : {}),
		input: {
			...(cell('slug') ? { slug: cell('slug') } : {}),
			kind,
			category: category ?? '',
			name,
			summary: cell('summary'),
			description: cell('description'),
			website,
			siret,
			sectors,
			stages: stages as EntityInput['stages'],
			offers: offers as EntityInput['offers'],
			address,
			communeCode: commune?.code ?? null,
			lon,
			lat,
			coordPrecision,
			foundedYear,
			startsAt,
			endsAt,
			email: cell('email') || null,
			phone: cell('phone') || null,
			contactPublic,
			lastVerifiedAt
		}
	};
}

type Report = (field: ImportField, code: ImportProblem['code'], message: string) => void;

function readCommune(codeCell: string, nameCell: string, postcode: string, places: PlaceLookup, say: { fail: Report; warn: Report }): ImportCommune | null {
	if (codeCell) {
		const repaired = repairInsee(codeCell, (code) => places.communeByCode(code) !== undefined);
		if (!repaired) {
			say.fail('communeCode', 'unknown_commune', `code INSEE « ${codeCell} » absent du territoire couvert`);
			return null;
		}
		const commune = places.communeByCode(repaired.code) ?? null;
		if (repaired.repaired) say.warn('communeCode', 'insee_repaired', `« ${codeCell} » réparé en ${repaired.code} (le tableur avait perdu le zéro initial)`);
		if (commune && nameCell && !places.communesByName(nameCell).some((c) => c.code === commune.code)) {
			say.warn('commune', 'commune_mismatch', `« ${nameCell} » ne correspond pas au code INSEE ${commune.code} (${commune.name}) : le code est retenu`);
		}
		return commune;
	}
	if (!nameCell) return null;
	let candidates = places.communesByName(nameCell);
	// A spreadsheet turns the postcode 03100 into 3100, as it does INSEE codes.
	if (/^\d{4}$/.test(postcode)) postcode = `0${postcode}`;
	if (candidates.length > 1 && postcode) {
		const byPostcode = candidates.filter((c) => c.postalCodes.includes(postcode));
		const byDepartement = candidates.filter((c) => c.departementCode === postcode.slice(0, 2));
		candidates = byPostcode.length ? byPostcode : byDepartement.length ? byDepartement : candidates;
	}
	if (candidates.length === 1) return candidates[0] ?? null;
	if (candidates.length === 0) {
		say.fail('commune', 'unknown_commune', `« ${nameCell} » : aucune commune de ce nom dans le territoire couvert (vérifiez l'orthographe ou donnez le code INSEE)`);
	} else {
		const list = candidates.map((c) => `${c.name} (${c.code})`).join(', ');
		say.fail('commune', 'ambiguous_commune', `« ${nameCell} » désigne plusieurs communes : ${list} ; ajoutez le code postal ou le code INSEE`);
	}
	return null;
}
