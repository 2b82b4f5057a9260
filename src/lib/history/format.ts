/**
 * Snapshot values as a visitor reads them, in the page's language (`getLocale()`, the request's on the server):
 * vocabulary codes become labels, dates dates, booleans « oui »/« non ». Names that live in the database
 * (communes, actors) come through `names`.
 */
import { relationType, vocabularyIn } from '$lib/domain/vocabulary';
import * as english from '$lib/domain/english';
import * as french from '$lib/domain/french';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { fieldLabel, type FieldChange } from './diff';

export interface NameLookup {
	commune?: (code: string) => string | undefined;
	entity?: (id: number) => string | undefined;
}

/** One side of a change, ready to print: a text, or a list of texts for list fields. */
export type DisplayValue = string | string[] | null;

export interface DisplayChange {
	field: string;
	label: string;
	change: FieldChange['change'];
	before: DisplayValue;
	after: DisplayValue;
	added: string[];
	removed: string[];
	/** Long texts (descriptions) are better folded away than printed twice in full. */
	long: boolean;
}

type Label = (inputs?: object, options?: { locale?: Locale }) => string;
const STATUS_LABELS: Record<string, Label> = { draft: m.newsroom_status_draft, published: m.newsroom_status_published, archived: m.newsroom_status_archived };
const PRECISION_LABELS: Record<string, Label> = {
	address: m.newsroom_precision_address,
	commune: m.newsroom_precision_commune,
	manual: m.newsroom_precision_manual
};
const ATTENDANCE_LABELS: Record<string, Label> = {
	on_site: m.agenda_attendance_on_site,
	online: m.agenda_attendance_online,
	hybrid: m.agenda_attendance_hybrid
};
const CONFIRMATION_LABELS: Record<string, Label> = {
	declared: m.newsroom_confirmation_declared,
	confirmed: m.newsroom_confirmation_confirmed,
	disputed: m.newsroom_confirmation_disputed
};

/**
 * « 28 novembre 2026 à 22 h 09 » / « 28 November 2026 at 22:09 », in the time of the region the map is about
 * (French-phrasing module: « 1er », « 22 h 09 »). An instant (`…Z`) is converted; an event's bare date-time is
 * already Paris time.
 */
export function formatDateTime(iso: string, locale: Locale = getLocale()): string {
	if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
	const w = french.wallClock(iso);
	const say = locale === 'en' ? english : french;
	if (w.hour === null) return say.formatPartialDate(w.date);
	const time = locale === 'en' ? `${String(w.hour).padStart(2, '0')}:${String(w.minute ?? 0).padStart(2, '0')}` : french.formatTime(w.hour, w.minute ?? 0);
	return m.newsroom_date_time({ day: say.formatPartialDate(w.date), time }, { locale });
}

function formatOne(field: string, value: unknown, names: NameLookup, locale: Locale): string {
	const say = locale === 'en' ? english : french;
	const vocabulary = vocabularyIn(locale);
	const labelled = (labels: Record<string, Label>, code: string) => labels[code]?.({}, { locale }) ?? code;
	if (typeof value === 'boolean') return value ? m.newsroom_value_yes({}, { locale }) : m.newsroom_value_no({}, { locale });
	if (typeof value === 'number') {
		if (field === 'sourceId' || field === 'targetId' || field === 'venueId')
			return names.entity?.(value) ?? m.newsroom_value_actor_number({ id: value }, { locale });
		return field === 'foundedYear' ? String(value) : value.toLocaleString(locale === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 6 });
	}
	if (typeof value !== 'string') return JSON.stringify(value);
	switch (field) {
		case 'kind':
			return vocabulary.kind(value);
		case 'category':
			return vocabulary.category(value);
		case 'status':
			return labelled(STATUS_LABELS, value);
		case 'coordPrecision':
			return labelled(PRECISION_LABELS, value);
		case 'confirmation':
			return labelled(CONFIRMATION_LABELS, value);
		case 'attendance':
			return labelled(ATTENDANCE_LABELS, value);
		// A rule by weekday reads without its first date (« tous les troisièmes jeudis du mois »); the rule stays beside it.
		case 'recurrence':
			return /BYDAY=/.test(value) ? `${say.recurrenceWords(value, '2000-01-01')} (${value})` : value;
		case 'recurrenceExceptions':
			return /^\d{4}-\d{2}-\d{2}$/.test(value) ? say.formatDay(value) : value;
		case 'type': {
			const term = relationType(value);
			return term ? (locale === 'en' ? term.labelEn : term.label) : value;
		}
		case 'communeCode': {
			const name = names.commune?.(value);
			return name ? `${name} (${value})` : value;
		}
		case 'startsAt':
		case 'endsAt':
			return formatDateTime(value, locale);
		case 'lastVerifiedAt':
			return /^\d{4}-\d{2}-\d{2}/.test(value) ? say.formatDay(value) : value;
		case 'startDate':
		case 'endDate':
			return say.formatPartialDate(value);
		default:
			return value;
	}
}

/** The list fields whose items are vocabulary codes. */
const ITEM_VOCABULARY: Record<string, 'sector' | 'stage' | 'offer'> = { sectors: 'sector', stages: 'stage', offers: 'offer' };

export function formatValue(field: string, value: unknown, names: NameLookup = {}, locale: Locale = getLocale()): DisplayValue {
	if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
	if (Array.isArray(value)) {
		const vocabulary = ITEM_VOCABULARY[field];
		const label = vocabulary ? vocabularyIn(locale)[vocabulary] : null;
		return value.map((v) => (label && typeof v === 'string' ? label(v) : formatOne(field, v, names, locale)));
	}
	return formatOne(field, value, names, locale);
}

const LONG_FIELDS = new Set(['description']);

/** A change as a page shows it, labelled and formatted in the page's language. */
export function displayChange(c: FieldChange, names: NameLookup = {}, locale: Locale = getLocale()): DisplayChange {
	const list = (v: unknown[] | undefined) => (formatValue(c.field, v ?? [], names, locale) as string[] | null) ?? [];
	return {
		field: c.field,
		label: fieldLabel(c.field, locale),
		change: c.change,
		before: formatValue(c.field, c.before, names, locale),
		after: formatValue(c.field, c.after, names, locale),
		added: list(c.added),
		removed: list(c.removed),
		long: LONG_FIELDS.has(c.field)
	};
}
