/**
 * Field-by-field differences between two snapshots of the same subject, for the history pages and the
 * conflict message. Pure: no database, no DOM.
 */
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { ENTITY_FIELDS, RELATION_FIELDS } from './snapshot';

/** Loose on purpose: old revisions may lack a field added since, and the diff must still read them. */
export type SnapshotLike = Readonly<Record<string, unknown>>;

export interface FieldChange {
	field: string;
	/** French label for display. */
	label: string;
	before: unknown;
	after: unknown;
	/** 'set': was empty; 'cleared': is now empty; 'changed': both hold a value. */
	change: 'set' | 'cleared' | 'changed';
	/** For lists: the items that appeared and disappeared (empty when only the order changed). */
	added?: unknown[];
	removed?: unknown[];
}

/** Each field's label, a message in both languages (the services' own sentences ask for the French one). */
const FIELD_LABELS: Readonly<Record<string, (inputs?: object, options?: { locale?: Locale }) => string>> = {
	name: m.newsroom_field_name,
	slug: m.newsroom_field_slug,
	kind: m.newsroom_field_kind,
	category: m.newsroom_field_category,
	status: m.newsroom_field_status,
	summary: m.newsroom_field_summary,
	description: m.newsroom_field_description,
	website: m.newsroom_field_website,
	siret: m.newsroom_field_siret,
	sectors: m.newsroom_field_sectors,
	stages: m.newsroom_field_stages,
	offers: m.newsroom_field_offers,
	address: m.newsroom_field_address,
	communeCode: m.newsroom_field_commune,
	lon: m.newsroom_field_lon,
	lat: m.newsroom_field_lat,
	coordPrecision: m.newsroom_field_coord_precision,
	foundedYear: m.newsroom_field_founded_year,
	startsAt: m.newsroom_field_start,
	endsAt: m.newsroom_field_end,
	email: m.newsroom_field_email,
	phone: m.newsroom_field_phone,
	contactPublic: m.newsroom_field_contact_public,
	venueId: m.newsroom_field_venue,
	registrationUrl: m.newsroom_field_registration_url,
	recurrence: m.newsroom_field_recurrence,
	recurrenceExceptions: m.newsroom_field_recurrence_exceptions,
	price: m.newsroom_field_price,
	free: m.newsroom_field_free,
	attendance: m.newsroom_field_attendance,
	openingHours: m.newsroom_field_opening_hours,
	accessTransport: m.newsroom_field_access_transport,
	accessibility: m.newsroom_field_accessibility,
	equipment: m.newsroom_field_equipment,
	lastVerifiedAt: m.newsroom_field_last_verified,
	isDemo: m.newsroom_field_is_demo,
	imageKey: m.newsroom_field_image,
	imageAlt: m.newsroom_field_image_alt,
	type: m.newsroom_field_relation_type,
	sourceId: m.newsroom_field_source_actor,
	targetId: m.newsroom_field_target_actor,
	startDate: m.newsroom_field_start,
	endDate: m.newsroom_field_end,
	source: m.newsroom_field_source,
	confirmation: m.newsroom_field_confirmation
};

/** Bookkeeping, not content: the operation and the version already say what these would. */
const NOT_COMPARED = new Set(['id', 'version', 'deletedAt', 'createdAt', 'updatedAt', 'descriptionText', 'searchTerms', 'lastDay']);

const DISPLAY_ORDER: readonly string[] = [...ENTITY_FIELDS, ...RELATION_FIELDS.filter((f) => f !== 'isDemo' && f !== 'description')];

/** A field's label; French unless `locale` says otherwise, as the services' messages and the import's problems are written. */
export function fieldLabel(field: string, locale: Locale = 'fr'): string {
	return FIELD_LABELS[field]?.({}, { locale }) ?? field;
}

/** A field an older snapshot does not hold reads as null, so adding a column later is not a « change ». */
const normalise = (v: unknown) => (v === undefined ? null : v);

export function isEmptyValue(v: unknown): boolean {
	return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Equality by value: arrays item by item, objects key by key whatever their key order. */
export function sameValue(a: unknown, b: unknown): boolean {
	a = normalise(a);
	b = normalise(b);
	if (a === b) return true;
	if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
	const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
	const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
	if (ka.length !== kb.length) return false;
	return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const listDifference = (from: unknown[], minus: unknown[]) => from.filter((x) => !minus.some((y) => sameValue(x, y)));

/**
 * What changed from `before` to `after` (either may be null: creation, or a subject with no earlier
 * revision). Fields come in display order; fields neither side knows are ignored.
 */
export function diffSnapshots(before: SnapshotLike | null, after: SnapshotLike | null): FieldChange[] {
	const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})].filter((k) => !NOT_COMPARED.has(k)));
	const ordered = [...DISPLAY_ORDER.filter((k) => keys.has(k)), ...[...keys].filter((k) => !DISPLAY_ORDER.includes(k)).sort()];
	const changes: FieldChange[] = [];
	for (const field of ordered) {
		const b = normalise(before?.[field]);
		const a = normalise(after?.[field]);
		if (sameValue(b, a)) continue;
		// '' and [] and null all read « nothing » to a visitor: do not report a change between them.
		if (isEmptyValue(b) && isEmptyValue(a)) continue;
		const change: FieldChange = {
			field,
			label: fieldLabel(field),
			before: b,
			after: a,
			change: isEmptyValue(b) ? 'set' : isEmptyValue(a) ? 'cleared' : 'changed'
		};
		if (Array.isArray(b) || Array.isArray(a)) {
			const bl = Array.isArray(b) ? b : [];
			const al = Array.isArray(a) ? a : [];
			change.added = listDifference(al, bl);
			change.removed = listDifference(bl, al);
		}
		changes.push(change);
	}
	return changes;
}

/** Contact fields a person keeps private unless they agreed to publish them (contactPublic). */
export const PRIVATE_FIELDS = ['email', 'phone'] as const;

/** Organisations' contacts are public; a person's only when they said so. */
export function contactIsPublic(s: SnapshotLike): boolean {
	return s.kind !== 'person' || s.contactPublic === true;
}

/**
 * The snapshot as the public may see it: a person's e-mail and phone removed unless contactPublic.
 * Pass `current` (the subject as it is now) so that a person who withdrew consent is not exposed by
 * their older revisions: a contact shows only if it was public then and is public now.
 */
export function withoutPrivateFields<T extends SnapshotLike>(snapshot: T, current?: SnapshotLike): T {
	if (contactIsPublic(snapshot) && (!current || contactIsPublic(current))) return snapshot;
	const copy: Record<string, unknown> = { ...snapshot };
	for (const f of PRIVATE_FIELDS) delete copy[f];
	return copy as T;
}

/**
 * The diff the public may see between two revisions. Private contact fields are removed from both
 * sides when either side (or the subject as it is now) keeps them private, so a change of consent never
 * shows an address as « added » or « removed ». `privateChanged` tells the page that something it cannot
 * show did change (so an entry is never mysteriously empty).
 */
export function publicDiff(
	before: SnapshotLike | null,
	after: SnapshotLike | null,
	current?: SnapshotLike
): { changes: FieldChange[]; privateChanged: boolean } {
	const sides = [before, after, current ?? null].filter((s): s is SnapshotLike => s !== null);
	const hide = sides.some((s) => !contactIsPublic(s));
	const changes = diffSnapshots(before, after);
	if (!hide) return { changes, privateChanged: false };
	const isPrivate = (c: FieldChange) => (PRIVATE_FIELDS as readonly string[]).includes(c.field);
	return { changes: changes.filter((c) => !isPrivate(c)), privateChanged: changes.some(isPrivate) };
}
