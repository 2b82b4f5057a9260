import type { EntityInput } from '$lib/domain/entity.schema';
import { error, warning, type ImportProblem } from './problems';
import type { PlaceLookup } from './place-lookup';
import type { DraftInput, RowDraft } from './row-entity';

/*
 * The project's own JSON export read back: values are already codes and typed, so they are taken as they
 * are (no spreadsheet guessing) and the entity schema validates them later. Lists of terms come as
 * { code, label } and go back to their codes.
 */

const codes = (v: unknown): string[] =>
	Array.isArray(v) ? v.map((t) => (typeof t === 'object' && t !== null && 'code' in t ? String((t as { code: unknown }).code) : String(t))) : [];

const text = (v: unknown): string | null => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function readJsonEntity(row: number, e: Record<string, unknown>, places: PlaceLookup): RowDraft {
	const problems: ImportProblem[] = [];
	const communeCode = text(e.communeCode);
	const commune = communeCode ? (places.communeByCode(communeCode) ?? null) : null;
	if (communeCode && !commune) problems.push(error(row, 'communeCode', 'unknown_commune', `code INSEE « ${communeCode} » absent du territoire couvert`));
	const lon = num(e.lon);
	const lat = num(e.lat);
	if ((e.lon !== null && e.lon !== undefined && lon === null) || (e.lat !== null && e.lat !== undefined && lat === null)) {
		problems.push(error(row, 'lon', 'bad_coordinates', 'coordonnées : nombres attendus'));
	} else if (lon !== null && lat !== null && !places.inScope(lon, lat)) {
		problems.push(error(row, 'lon', 'outside_scope', `coordonnées hors du territoire couvert (${lon} ; ${lat})`));
	}
	// A point of ours without a commune (written before the outlines were loaded) gets the one it lies in.
	const at = !communeCode && lon !== null && lat !== null && places.inScope(lon, lat) ? places.communeAt(lon, lat) : undefined;
	if (at) problems.push(warning(row, 'communeCode', 'commune_by_point', `commune trouvée d'après les coordonnées : ${at.name} (${at.code})`));
	const email = text(e.email);
	const phone = text(e.phone);
	const input: DraftInput = {
		slug: text(e.slug) ?? '',
		kind: text(e.kind) as DraftInput['kind'],
		category: text(e.category) ?? '',
		name: text(e.name) ?? '',
		summary: text(e.summary) ?? '',
		description: text(e.description) ?? '',
		website: text(e.website),
		siret: text(e.siret),
		sectors: codes(e.sectors),
		stages: codes(e.stages) as EntityInput['stages'],
		offers: codes(e.offers) as EntityInput['offers'],
		address: text(e.address),
		communeCode: communeCode ?? at?.code ?? null,
		lon,
		lat,
		coordPrecision: text(e.coordPrecision) as EntityInput['coordPrecision'],
		foundedYear: num(e.foundedYear),
		startsAt: text(e.startsAt),
		endsAt: text(e.endsAt),
		registrationUrl: text(e.registrationUrl),
		recurrence: text(e.recurrence),
		recurrenceExceptions: codes(e.recurrenceExceptions),
		price: text(e.price),
		free: typeof e.free === 'boolean' ? e.free : null,
		attendance: text(e.attendance) as EntityInput['attendance'],
		openingHours: text(e.openingHours),
		accessTransport: text(e.accessTransport),
		accessibility: text(e.accessibility),
		equipment: text(e.equipment),
		email,
		phone,
		// A public export holds a person's contact only when they agreed to show it.
		contactPublic: e.kind === 'person' && Boolean(email || phone),
		isDemo: e.isDemo === true,
		lastVerifiedAt: text(e.lastVerifiedAt)
	};
	const hiddenContact = e.kind === 'person' && !email && !phone;
	// The logo's files stay on the server that exported them: the file gives its address, never the image itself.
	const unknownFields = [...(hiddenContact ? ['email', 'phone', 'contactPublic'] : e.kind === 'person' ? [] : ['contactPublic']), 'imageKey', 'imageAlt'];
	return { row, input, problems, geocode: null, commune: commune ?? at ?? null, placedBy: at ? 'coordinates' : null, unknownFields, venue: venueOf(e) };
}

/** The venue by the file's id (`venueId`) and its slug (`venue.slug`): whichever the file gives. */
function venueOf(e: Record<string, unknown>): RowDraft['venue'] {
	const venue = typeof e.venue === 'object' && e.venue !== null ? (e.venue as Record<string, unknown>) : null;
	const fileId = num(venue?.id) ?? num(e.venueId);
	const slug = text(venue?.slug);
	return fileId !== null || slug ? { fileId, slug } : undefined;
}
