import { KIND_ONLY_FIELDS } from '$lib/domain/entity.schema';
import { openingHoursProblem } from '$lib/domain/opening-hours';
import type { EntityKind } from '$lib/domain/vocabulary';
import type { ImportField } from './fields';
import type { ImportProblem } from './problems';
import { normaliseWebsite } from './values';

/*
 * The practical cells of a row: an event's registration link and venue, a third-place's opening hours and
 * access notes. A value the row's kind cannot carry, or hours the OpenStreetMap parser cannot read, is left
 * out with a warning that says so: one odd cell never blocks a whole file (national open-data files are full
 * of hand-written hours).
 */

export type PracticalField = 'registrationUrl' | 'venue' | 'openingHours' | 'accessTransport' | 'accessibility' | 'equipment';

export interface PracticalCells {
	registrationUrl: string | null;
	openingHours: string | null;
	accessTransport: string | null;
	accessibility: string | null;
	equipment: string | null;
	/** The venue's slug, resolved against the directory and the file once every row is read. */
	venueSlug: string | null;
}

/** Each field with « ignoré » agreed with it. */
const LEFT_OUT: Record<PracticalField, string> = {
	registrationUrl: "lien d'inscription ignoré",
	venue: 'lieu ignoré',
	openingHours: "horaires d'ouverture ignorés",
	accessTransport: 'accès en transports ignoré',
	accessibility: 'accessibilité ignorée',
	equipment: 'équipements ignorés'
};
const FOR: Record<string, string> = { event: 'aux événements', third_place: 'aux tiers-lieux' };

type Warn = (field: ImportField, code: ImportProblem['code'], message: string) => void;

export function readPracticalCells(kind: EntityKind | null, cell: (field: PracticalField) => string, warn: Warn): PracticalCells {
	const allowed = (field: PracticalField): string | null => {
		const value = cell(field);
		if (!value) return null;
		const kinds: readonly string[] = KIND_ONLY_FIELDS[field === 'venue' ? 'venueId' : field];
		if (kind && !kinds.includes(kind)) {
			warn(field, 'invalid', `${LEFT_OUT[field]} : champ réservé ${FOR[kinds[0]!] ?? ''}`.trim());
			return null;
		}
		return value;
	};
	let registrationUrl = allowed('registrationUrl');
	if (registrationUrl) {
		const normalised = normaliseWebsite(registrationUrl);
		if (!normalised) warn('registrationUrl', 'invalid', `lien d'inscription invalide « ${registrationUrl} » (adresse http ou https attendue), ignoré`);
		registrationUrl = normalised?.url ?? null;
	}
	let openingHours = allowed('openingHours');
	const hoursProblem = openingHours ? openingHoursProblem(openingHours) : null;
	if (hoursProblem) {
		warn('openingHours', 'invalid', `${hoursProblem} ; « ${openingHours} » ignoré`);
		openingHours = null;
	}
	return {
		registrationUrl,
		openingHours,
		accessTransport: allowed('accessTransport'),
		accessibility: allowed('accessibility'),
		equipment: allowed('equipment'),
		venueSlug: allowed('venue')
	};
}
