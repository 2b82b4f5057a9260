/**
 * The import pages' words in the page's language, shared by the history and the report. The importer's own
 * French tables (field and problem labels, encodings, placement sentences) stay as they are for the
 * command-line import and the generated docs; these say the same in French and in English.
 */
import type { ImportField } from '$lib/import/fields';
import type { TextEncoding } from '$lib/import/encodings';
import type { ProblemCode } from '$lib/import/problems';
import type { RowPlacement } from '$lib/import/row-place';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

type Say = () => string;
const said = <K extends string>(labels: Record<K, Say>, key: string): string => labels[key as K]?.() ?? key;
const numbers = () => new Intl.NumberFormat(getLocale() === 'en' ? 'en-GB' : 'fr-FR');

const STATUS: Record<'preview' | 'committed' | 'undone', Say> = {
	preview: m.newsroom_import_status_preview,
	committed: m.newsroom_import_status_committed,
	undone: m.newsroom_import_status_undone
};
export const statusLabel = (status: string): string => said(STATUS, status);

const ACTIONS: Record<'create' | 'update' | 'skip' | 'error', Say> = {
	create: m.newsroom_import_action_create,
	update: m.newsroom_import_action_update,
	skip: m.newsroom_import_action_skip,
	error: m.newsroom_import_action_error
};
export const actionLabel = (action: string): string => said(ACTIONS, action);

interface Counts {
	create?: number;
	update?: number;
	skip?: number;
	error?: number;
	warnings?: number;
}

/** « 487 fiches à créer, 3 à mettre à jour, 10 ignorées, 0 en erreur · 12 avertissements » */
export function countsSentence(c: Counts, committed = false): string {
	const create = c.create ?? 0;
	const update = c.update ?? 0;
	return m.newsroom_import_counts({
		created: committed ? m.newsroom_import_created({ count: create }) : m.newsroom_import_to_create({ count: create }),
		updated: committed ? m.newsroom_import_updated({ count: update }) : m.newsroom_import_to_update({ count: numbers().format(update) }),
		skipped: m.newsroom_import_skipped({ count: c.skip ?? 0 }),
		errors: m.newsroom_import_errors({ count: numbers().format(c.error ?? 0) }),
		warnings: m.newsroom_import_warnings({ count: c.warnings ?? 0 })
	});
}

const FIELDS: Record<ImportField, Say> = {
	slug: m.newsroom_import_field_slug,
	name: m.newsroom_import_field_name,
	kind: m.newsroom_import_field_kind,
	category: m.newsroom_import_field_category,
	summary: m.newsroom_import_field_summary,
	description: m.newsroom_import_field_description,
	website: m.newsroom_import_field_website,
	siret: m.newsroom_import_field_siret,
	sectors: m.newsroom_import_field_sectors,
	stages: m.newsroom_import_field_stages,
	offers: m.newsroom_import_field_offers,
	address: m.newsroom_import_field_address,
	address2: m.newsroom_import_field_address2,
	postcode: m.newsroom_import_field_postcode,
	commune: m.newsroom_import_field_commune,
	communeCode: m.newsroom_import_field_commune_code,
	lon: m.newsroom_import_field_lon,
	lat: m.newsroom_import_field_lat,
	coordPrecision: m.newsroom_import_field_coord_precision,
	foundedYear: m.newsroom_import_field_founded_year,
	startsAt: m.newsroom_import_field_starts_at,
	endsAt: m.newsroom_import_field_ends_at,
	email: m.newsroom_import_field_email,
	phone: m.newsroom_import_field_phone,
	contactPublic: m.newsroom_import_field_contact_public,
	lastVerifiedAt: m.newsroom_import_field_last_verified_at,
	registrationUrl: m.newsroom_import_field_registration_url,
	recurrence: m.newsroom_import_field_recurrence,
	recurrenceExceptions: m.newsroom_import_field_recurrence_exceptions,
	price: m.newsroom_import_field_price,
	free: m.newsroom_import_field_free,
	attendance: m.newsroom_import_field_attendance,
	venue: m.newsroom_import_field_venue,
	openingHours: m.newsroom_import_field_opening_hours,
	accessTransport: m.newsroom_import_field_access_transport,
	accessibility: m.newsroom_import_field_accessibility,
	equipment: m.newsroom_import_field_equipment
};
export const importFieldLabel = (field: ImportField): string => FIELDS[field]();

const ENCODINGS: Record<TextEncoding, Say> = {
	'utf-8': m.newsroom_encoding_utf_8,
	'windows-1252': m.newsroom_encoding_windows_1252,
	'iso-8859-15': m.newsroom_encoding_iso_8859_15,
	cp850: m.newsroom_encoding_cp850,
	'utf-16le': m.newsroom_encoding_utf_16le,
	'utf-16be': m.newsroom_encoding_utf_16be
};
/** An encoding's name; an unknown one is shown as it is. */
export const encodingLabel = (encoding: string): string => said(ENCODINGS, encoding);

const PROBLEMS: Record<ProblemCode, Say> = {
	file: m.newsroom_problem_file,
	encoding: m.newsroom_problem_encoding,
	invalid: m.newsroom_problem_invalid,
	missing_name: m.newsroom_problem_missing_name,
	unknown_kind: m.newsroom_problem_unknown_kind,
	unknown_category: m.newsroom_problem_unknown_category,
	unknown_value: m.newsroom_problem_unknown_value,
	unknown_commune: m.newsroom_problem_unknown_commune,
	ambiguous_commune: m.newsroom_problem_ambiguous_commune,
	commune_mismatch: m.newsroom_problem_commune_mismatch,
	insee_repaired: m.newsroom_problem_insee_repaired,
	bad_coordinates: m.newsroom_problem_bad_coordinates,
	outside_scope: m.newsroom_problem_outside_scope,
	coordinates_swapped: m.newsroom_problem_coordinates_swapped,
	far_from_commune: m.newsroom_problem_far_from_commune,
	website_repaired: m.newsroom_problem_website_repaired,
	duplicate: m.newsroom_problem_duplicate,
	duplicate_in_file: m.newsroom_problem_duplicate_in_file,
	geocoded: m.newsroom_problem_geocoded,
	geocode_fallback: m.newsroom_problem_geocode_fallback,
	no_place: m.newsroom_problem_no_place,
	commune_by_point: m.newsroom_problem_commune_by_point,
	commune_by_postcode: m.newsroom_problem_commune_by_postcode,
	commune_by_name: m.newsroom_problem_commune_by_name,
	unknown_relation_end: m.newsroom_problem_unknown_relation_end,
	unknown_venue: m.newsroom_problem_unknown_venue
};
export const problemCodeLabel = (code: string): string => said(PROBLEMS, code);

const PLACED: Record<RowPlacement, (inputs: { count: number }) => string> = {
	coordinates: m.newsroom_place_coordinates,
	postcode: m.newsroom_place_postcode,
	name: m.newsroom_place_name,
	outside: m.newsroom_place_outside
};
/** « 2 lignes placées dans une commune d’après leurs coordonnées », « 5 lignes ignorées (hors du territoire) »… */
export const placementSentence = (place: RowPlacement, n: number): string => PLACED[place]({ count: n });

const FILTERS: Record<RowPlacement, Say> = {
	coordinates: m.newsroom_place_filter_coordinates,
	postcode: m.newsroom_place_filter_postcode,
	name: m.newsroom_place_filter_name,
	outside: m.newsroom_place_filter_outside
};
/** The rows table's filter when a « voir » link is followed: « placées d’après leur code postal ». */
export const placementFilterLabel = (place: RowPlacement): string => FILTERS[place]();

/** « lignes 12, 13 et 14 », « ligne 12 »; long lists cut after `max` numbers. */
export function rowNumbers(rows: number[], max = 30): string {
	const shown = rows.slice(0, max).map(String);
	if (rows.length > max) return m.newsroom_place_rows_cut({ list: shown.join(', '), others: m.newsroom_place_others({ count: rows.length - max }) });
	const list = new Intl.ListFormat(getLocale() === 'en' ? 'en-GB' : 'fr-FR', { type: 'conjunction' }).format(shown);
	return m.newsroom_place_rows({ count: rows.length, list });
}
