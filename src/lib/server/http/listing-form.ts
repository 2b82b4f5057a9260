/**
 * The listing form (/espace/fiches/[id]) as a patch: only the fields the account may edit on this kind and
 * the form actually rendered, each read the way its input sends it. Values equal to what the form showed
 * are left as they were stored (list order, a date-time's seconds, CRLF line breaks), so an untouched field
 * is never a « change ». Place and venue need the database: they come back as what was typed, and
 * listing-placement.service turns them into a commune, a point and a venue.
 */
import { parisDateTimeLocal } from '$lib/domain/french';
import { ENTITY_FIELDS } from '$lib/history/snapshot';
import { REPEAT_PATTERNS, ruleForPattern, type RepeatPattern } from '$lib/domain/recurrence-rule';
import { ValidationError } from '../services/errors';
import type { ListingFormRead, ShownValues } from '../services/listing-placement.service';
import { m } from '$lib/paraglide/messages';

export type { ListingFormRead, ShownValues };

const SINGLE_LINE = [
	'name',
	'website',
	'address',
	'email',
	'phone',
	'registrationUrl',
	'price',
	'siret',
	'openingHours',
	'category',
	'status',
	'lastVerifiedAt'
];
const MULTILINE = ['summary', 'description', 'accessTransport', 'accessibility', 'equipment'];
const LISTS = ['sectors', 'stages', 'offers'];
const DATETIMES = ['startsAt', 'endsAt'];
/** Text fields stored as '' rather than null when empty. */
const NOT_NULL = new Set(['name', 'summary', 'description', 'category', 'status']);

const one = (form: FormData, name: string) => String(form.get(name) ?? '');
/** Browsers send a textarea's line breaks as CRLF: untouched Markdown must not read as a change. */
const lines = (v: string) => v.replace(/\r\n?/g, '\n');
const asList = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);

function number(form: FormData, name: string, what: string, problems: string[]): number | null {
	const v = one(form, name).trim();
	if (!v) return null;
	const n = Number(v.replace(',', '.'));
	if (!Number.isFinite(n)) problems.push(m.errors_number_expected({ what, value: v.slice(0, 20) }));
	return n;
}

export function readListingForm(form: FormData, shown: ShownValues, editable: readonly string[]): ListingFormRead {
	const may = (f: string) => editable.includes(f) && form.has(f);
	const patch: Record<string, unknown> = {};
	const problems: string[] = [];
	for (const f of SINGLE_LINE.filter(may)) {
		const v = one(form, f).trim();
		patch[f] = v || (NOT_NULL.has(f) ? '' : null);
	}
	for (const f of MULTILINE.filter(may)) {
		const v = lines(one(form, f));
		// The description is Markdown: its spaces and blank lines are the author's; the others are trimmed.
		const kept = f === 'description' ? v : v.trim();
		patch[f] = kept || (NOT_NULL.has(f) ? '' : null);
	}
	for (const f of LISTS.filter(may)) {
		// Each list sends an empty hidden value, so « nothing ticked » reaches the server as a choice.
		const ticked = form.getAll(f).map(String).filter(Boolean);
		const before = asList(shown[f]);
		patch[f] = [...before.filter((s) => ticked.includes(s)), ...ticked.filter((s) => !before.includes(s))];
	}
	for (const f of DATETIMES.filter(may)) {
		const v = one(form, f).trim();
		const was = shown[f] as string | null | undefined;
		if (!v) patch[f] = null;
		else if (v === parisDateTimeLocal(was)) patch[f] = was;
		else patch[f] = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? `${v}:00` : v;
	}
	if (may('foundedYear')) {
		const n = number(form, 'foundedYear', m.errors_founded_year_label(), problems);
		if (n !== null && !Number.isInteger(n)) problems.push(m.errors_founded_year_whole());
		patch.foundedYear = n;
	}
	if (may('contactPublic')) patch.contactPublic = form.getAll('contactPublic').map(String).includes('1');
	if (may('free')) patch.free = { yes: true, no: false }[one(form, 'free')] ?? null;
	if (may('attendance')) patch.attendance = one(form, 'attendance') || null;
	if (editable.includes('recurrence') && form.has('repeat')) readRepeat(form, shown, patch, problems);

	let pin: ListingFormRead['pin'] = null;
	if (editable.includes('lon') && one(form, 'pinMoved') === '1') {
		const lon = number(form, 'lon', 'longitude', problems);
		const lat = number(form, 'lat', 'latitude', problems);
		if (lon === null || lat === null) problems.push(m.errors_pin_incomplete());
		else pin = { lon, lat };
	}
	const commune =
		editable.includes('communeCode') && form.has('communeText')
			? { text: one(form, 'communeText').trim().slice(0, 100), code: one(form, 'communeCode').trim() || null }
			: null;
	const venue = !editable.includes('venueId')
		? 'keep'
		: form.get('venueClear') === '1'
			? 'clear'
			: one(form, 'venueId') || one(form, 'venueIdQuery').trim()
				? 'pick'
				: 'keep';
	if (problems.length) throw new ValidationError(problems);
	return { patch, commune, pin, venue };
}

/**
 * « Se répète » as a rule: the pattern picked, written from the event's (new or shown) first day, until the day
 * given; « keep » leaves a rule the patterns cannot say (one from a calendar feed) as it was. The days skipped
 * are typed as a list (« 07/01/2027, 2027-02-04 »).
 */
function readRepeat(form: FormData, shown: ShownValues, patch: Record<string, unknown>, problems: string[]): void {
	const pattern = one(form, 'repeat');
	const start = ((patch.startsAt ?? shown.startsAt) as string | null | undefined)?.slice(0, 10) ?? null;
	const until = one(form, 'repeatUntil').trim();
	if (until && !/^\d{4}-\d{2}-\d{2}$/.test(until)) problems.push(m.errors_repeat_until_invalid());
	if (pattern === 'keep') patch.recurrence = shown.recurrence ?? null;
	else if (!pattern) patch.recurrence = null;
	else if (!(REPEAT_PATTERNS as readonly string[]).includes(pattern)) problems.push(m.errors_recurrence_invalid());
	else if (!start) problems.push(m.errors_recurrence_needs_start());
	else {
		const rule = ruleForPattern(pattern as RepeatPattern, start, until || null);
		patch.recurrence = rule === shown.recurrence ? shown.recurrence : rule;
	}
	const days: string[] = [];
	for (const token of one(form, 'recurrenceExceptions')
		.split(/[\s,;]+/)
		.filter(Boolean)) {
		const iso = /^\d{4}-\d{2}-\d{2}$/.exec(token)?.[0];
		const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(token);
		const day = iso ?? (fr ? `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` : null);
		if (day) days.push(day);
		else problems.push(m.errors_recurrence_exception_token({ value: token.slice(0, 20) }));
	}
	const before = asList(shown.recurrenceExceptions);
	const sorted = [...new Set(days)].sort();
	patch.recurrenceExceptions = sorted.join() === [...before].sort().join() ? before : sorted;
}

/** The patch's fields in the history's display order, so a proposal reads « résumé, site web » as the form shows them. */
export function inFieldOrder<T extends Record<string, unknown>>(patch: T): T {
	const order = ENTITY_FIELDS as readonly string[];
	const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
	return Object.fromEntries(Object.entries(patch).sort(([a], [b]) => rank(a) - rank(b))) as T;
}
