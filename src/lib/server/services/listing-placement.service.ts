/**
 * Where a listing is, after its form was saved: the commune named by the field (chosen in the
 * autocomplete, or typed without JavaScript), the event's venue chosen in the picker, and the point. A
 * pin dragged by hand wins (precision « manual »); otherwise a changed address or commune is geocoded
 * with the Base Adresse Nationale (precision « address »), and when it cannot be (offline, not found,
 * another commune) the listing goes to its commune's centre (precision « commune »), as the importer does.
 * The sentence returned tells the partner which one happened.
 */
import { ofTerritory } from '$lib/domain/french';
import { sameValue } from '$lib/history/diff';
import type { Db } from '../db';
import type { Geocoder } from '../geocode';
import { entityRow } from '../repos/entity-write.repo';
import { findTerritory } from '../repos/territory.repo';
import { ValidationError } from './errors';
import { resolveListing, type ListingPick } from './listing-picker.service';
import { findCommunes, resolveCommuneText } from './map.service';
import type { AccountUser } from './users.service';
import { m } from '$lib/paraglide/messages';

/** What the form showed: the stored values with the account's waiting proposal over them. */
export type ShownValues = Record<string, unknown>;

/** The listing form, read (see http/listing-form.ts). */
export interface ListingFormRead {
	patch: Record<string, unknown>;
	/** The commune field's text and the code the autocomplete chose (null without JavaScript). */
	commune: { text: string; code: string | null } | null;
	/** The pin was dragged: its point, to be stored as placed by hand. */
	pin: { lon: number; lat: number } | null;
	/** The event's venue: unchanged, cleared, or what the picker sent. */
	venue: 'clear' | 'keep' | 'pick';
}

export type PlacementHow = 'manual' | 'address' | 'commune' | 'venue' | 'cleared' | 'kept';
export interface Placement {
	how: PlacementHow;
	/** For the confirmation message (French). */
	sentence: string | null;
}

function communeOf(db: Db, field: NonNullable<ListingFormRead['commune']>): string | null {
	if (!field.text) return null;
	// The autocomplete's choice holds while the text is still what it filled in.
	if (field.code && findCommunes(db, field.text, 50).some((c) => c.code === field.code)) return field.code;
	const { resolution, message } = resolveCommuneText(db, field.text);
	if (resolution.status === 'one') return resolution.commune.code;
	throw new ValidationError([m.errors_commune_field({ message: message ?? m.errors_commune_unknown() })]);
}

const centreOf = (db: Db, code: string) => {
	const t = findTerritory(db, code);
	return t && t.centroidLon != null && t.centroidLat != null ? { lon: t.centroidLon, lat: t.centroidLat, name: t.name } : null;
};

/**
 * Completes the form's patch with communeCode, venueId, lon, lat and coordPrecision. Async because of the
 * geocoder, whose own timeout (CARTO_GEOCODER_TIMEOUT_MS) bounds the wait; nothing else waits on it.
 */
export async function placeListing(
	db: Db,
	user: AccountUser,
	geocoder: Geocoder,
	shown: ShownValues,
	read: ListingFormRead,
	venuePick: ListingPick | null
): Promise<{ patch: Record<string, unknown>; placement: Placement }> {
	const patch = { ...read.patch };
	if (read.commune) patch.communeCode = communeOf(db, read.commune);
	let venueName: string | null = null;
	if (read.venue === 'clear') patch.venueId = null;
	else if (read.venue === 'pick' && venuePick) {
		const id = resolveListing(db, user, venuePick, { scope: 'live', exclude: Number(shown.id) || null });
		patch.venueId = id;
		venueName = entityRow(db, id)?.name ?? null;
	}

	if (read.pin) {
		Object.assign(patch, { lon: read.pin.lon, lat: read.pin.lat, coordPrecision: 'manual' });
		return { patch, placement: { how: 'manual', sentence: 'Position enregistrée où vous avez placé le repère sur la carte.' } };
	}
	const changed = (f: string) => f in patch && !sameValue(patch[f] ?? null, shown[f] ?? null);
	const address = (f: string) => (f in patch ? patch[f] : shown[f]) as string | null;
	// A new venue and no address of its own: the event is where its venue is.
	if (changed('venueId') && patch.venueId && !address('address')) {
		const venue = entityRow(db, patch.venueId as number);
		if (venue && venue.lon != null && venue.lat != null) {
			Object.assign(patch, { communeCode: venue.communeCode, lon: venue.lon, lat: venue.lat, coordPrecision: venue.coordPrecision ?? 'commune' });
			return { patch, placement: { how: 'venue', sentence: `Position : celle du lieu « ${venueName ?? venue.name} ».` } };
		}
	}
	if (!changed('address') && !changed('communeCode')) return { patch, placement: { how: 'kept', sentence: null } };

	const communeCode = address('communeCode');
	const street = address('address');
	let why = '';
	if (street && street.length >= 3) {
		const outcome = await geocoder.geocode({ address: street, citycode: communeCode });
		if (outcome.status === 'found' && outcome.hit.precision === 'address' && (!communeCode || outcome.hit.citycode === communeCode)) {
			Object.assign(patch, { lon: outcome.hit.lon, lat: outcome.hit.lat, coordPrecision: 'address' });
			if (!communeCode) patch.communeCode = outcome.hit.citycode;
			return {
				patch,
				placement: { how: 'address', sentence: `Adresse trouvée dans la Base Adresse Nationale : la fiche est placée à « ${outcome.hit.label} ».` }
			};
		}
		why = outcome.status === 'failed' ? `adresse non vérifiée (${outcome.reason})` : 'adresse introuvable dans la Base Adresse Nationale';
	}
	const centre = communeCode ? centreOf(db, communeCode) : null;
	if (centre) {
		Object.assign(patch, { lon: centre.lon, lat: centre.lat, coordPrecision: 'commune' });
		const lead = why ? `${why.charAt(0).toUpperCase()}${why.slice(1)} : la fiche` : 'La fiche';
		return {
			patch,
			placement: {
				how: 'commune',
				sentence: `${lead} est placée au centre ${ofTerritory(centre.name, 'commune')} ; déplacez le repère sur la carte pour la situer précisément.`
			}
		};
	}
	Object.assign(patch, { lon: null, lat: null, coordPrecision: null });
	return { patch, placement: { how: 'cleared', sentence: 'Sans commune ni adresse trouvée, la fiche n’apparaît plus sur la carte.' } };
}

/** What the form shows about the place besides the stored codes: the commune's name, the venue's name. */
export function listingPlaceFacts(db: Db, shown: ShownValues) {
	const code = typeof shown.communeCode === 'string' ? shown.communeCode : null;
	const commune = code ? findTerritory(db, code) : undefined;
	const venueRow = typeof shown.venueId === 'number' ? entityRow(db, shown.venueId) : undefined;
	return {
		commune: commune ? { code: commune.code, name: commune.name } : null,
		venue: venueRow && !venueRow.deletedAt ? { id: venueRow.id, name: venueRow.name, slug: venueRow.slug } : null
	};
}
