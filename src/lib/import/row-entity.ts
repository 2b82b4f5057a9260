import type { EntityInput } from '$lib/domain/entity.schema';
import { compactSiret, isValidSiret } from '$lib/domain/siret';
import { categoryKind, categoryTerms, kindLabel, type EntityKind } from '$lib/domain/vocabulary';
import type { ColumnMapping, ImportField } from './fields';
import { resolveCategory, resolveKind, resolveOffer, resolveSector, resolveStage } from './fields';
import { error, warning, type ImportProblem } from './problems';
import type { GeocodeRequest, ImportCommune, PlaceLookup } from './place-lookup';
import { readPlace, type PlacedBy } from './row-place';
import { normaliseWebsite, parseDateTime, parseYear, splitList } from './values';
import { firstWebsite } from './website-list';
import { readEventCells } from './event-cells';
import { readPracticalCells } from './practical-cells';

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
	geocode: GeocodeRequest | null;
	commune: ImportCommune | null;
	/** The address column, to name it if the geocoder places the row outside the territory. */
	addressColumn?: string | null;
	/** The category cell's text when no category matched it, so the report can offer to choose one. */
	unknownCategory?: string;
	/** The row's category words when they name a kind of place the directory does not list and the editor chose to skip those. */
	skippedCategory?: string;
	/** Fields the file cannot know (a public export leaves private contacts out): an update keeps them. */
	unknownFields?: string[];
	/** How the commune was found when the file did not name it exactly (report: « placées par… »). */
	placedBy?: PlacedBy | null;
	/** Why the row lies outside the territory (« code postal 69001 »): ignored, not an error. */
	outside?: string | null;
	/** Why an address did not give the row a place (the geocoder failed or found nothing). */
	unplaced?: string;
	/** An event's venue as our JSON export names it (its id in the file, its slug): resolved once every row is read. */
	venue?: { fileId: number | null; slug: string | null; column?: string | null };
}

const TRUE_WORDS = new Set(['oui', 'o', 'yes', 'y', 'vrai', 'true', '1', 'x']);
const FALSE_WORDS = new Set(['non', 'n', 'no', 'faux', 'false', '0', '']);

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
			fail(
				'category',
				'unknown_category',
				`« ${categoryCell} » est un type d'acteur, pas une catégorie : précisez-la (${categoryHint(asKind)}) ou choisissez une catégorie par défaut`
			);
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

	const practical = readPracticalCells(kind, cell, warn);
	const agenda = readEventCells(kind, cell, warn);

	// fablabs.io and the ANCT schema split the address over two columns; the listing keeps one line.
	const address = [cell('address'), cell('address2')].filter(Boolean).join(', ') || null;
	// --- place: commune (code, name within its postcode, postcode, outline of the point), point, scope
	const place = readPlace(
		{
			code: cell('communeCode'),
			name: cell('commune'),
			postcode: cell('postcode'),
			lon: cell('lon'),
			lat: cell('lat'),
			precision: cell('coordPrecision'),
			address: address ?? ''
		},
		places,
		fail,
		warn
	);
	const { commune, lon, lat, coordPrecision, geocode } = place;
	// A row of another territory is ignored as a whole: what else is wrong with it does not matter here.
	if (place.outside) problems.length = 0;

	return {
		row,
		problems,
		geocode,
		commune,
		addressColumn: col('address'),
		placedBy: place.placedBy,
		outside: place.outside,
		...(categoryCell && !category && !place.outside ? { unknownCategory: categoryCell } : {}),
		...(practical.venueSlug ? { venue: { fileId: null, slug: practical.venueSlug, column: col('venue') } } : {}),
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
			lastVerifiedAt,
			registrationUrl: practical.registrationUrl,
			recurrence: agenda.recurrence,
			recurrenceExceptions: agenda.recurrenceExceptions,
			price: agenda.price,
			free: agenda.free,
			attendance: agenda.attendance,
			openingHours: practical.openingHours,
			accessTransport: practical.accessTransport,
			accessibility: practical.accessibility,
			equipment: practical.equipment
		}
	};
}
