import type { EntityInput } from '$lib/domain/entity.schema';
import type { Db } from '../db';
import type { Geocoder } from '../geocode';
import { communePlaceRow } from '../repos/place.repo';
import { ValidationError } from './errors';
import { resolveCommuneText } from './map.service';
import { m } from '$lib/paraglide/messages';

/*
 * Where a listing created one at a time (a partner's proposal, a newcomer's) goes on the map. Without a
 * point a listing is in the directory but never on /carte: a commune is enough to place it at the
 * commune's centre, flagged « commune » so the map draws it as approximate.
 */

export interface ListingPlace {
	lon: number;
	lat: number;
	coordPrecision: 'address' | 'commune';
}

/** The commune's centre, or null when the commune is unknown or has no centre. */
export function communeCentre(db: Db, communeCode: string | null | undefined): ListingPlace | null {
	if (!communeCode) return null;
	const c = communePlaceRow(db, communeCode);
	return c && c.lon != null && c.lat != null ? { lon: c.lon, lat: c.lat, coordPrecision: 'commune' } : null;
}

/** The listing as given when it already has a point, else placed at its commune's centre (when it has one). */
export function withCommuneCentre<T extends Pick<EntityInput, 'lon' | 'lat' | 'communeCode' | 'coordPrecision'>>(db: Db, input: T): T {
	if (input.lon != null && input.lat != null) return input;
	const place = communeCentre(db, input.communeCode);
	return place ? { ...input, ...place } : input;
}

/**
 * With an address, the Base Adresse Nationale's point inside the commune (precision « address » for a
 * street or a number); offline, not found or without an address, the commune's centre.
 */
export async function placeOf(db: Db, geocoder: Geocoder, communeCode: string | null, address: string | null): Promise<ListingPlace | null> {
	if (address && communeCode && geocoder.enabled) {
		const outcome = await geocoder.geocode({ address, citycode: communeCode });
		if (outcome.status === 'found' && outcome.hit.citycode === communeCode) {
			return { lon: outcome.hit.lon, lat: outcome.hit.lat, coordPrecision: outcome.hit.precision };
		}
	}
	return communeCentre(db, communeCode);
}

/**
 * The commune of a form: the code picked in the suggestions, or else the typed text when it names exactly
 * one commune (the form works without JavaScript). Throws the reason otherwise; null when both are
 * empty and the commune is optional.
 */
export function communeOfForm(db: Db, picked: string, typed: string, required: boolean): { code: string; name: string } | null {
	const code = picked.trim().toUpperCase();
	if (code) {
		const row = communePlaceRow(db, code);
		if (row) return { code: row.code, name: row.name };
	}
	if (!typed.trim()) {
		if (required) throw new ValidationError([m.errors_commune_required()]);
		return null;
	}
	const { resolution, message } = resolveCommuneText(db, typed);
	if (resolution.status === 'one') return { code: resolution.commune.code, name: resolution.commune.name };
	throw new ValidationError([message ?? m.errors_no_commune_for({ typed: typed.trim() })]);
}
