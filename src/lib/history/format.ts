/**
 * Snapshot values as a visitor reads them: vocabulary codes become French labels, dates French dates,
 * booleans « oui »/« non ». Names that live in the database (communes, actors) come through `names`.
 */
import { categoryLabel, kindLabel, offerLabel, relationLabel, sectorLabel, stageLabel } from '$lib/domain/vocabulary';
import { formatDateTime as frenchDateTime, formatDay, formatPartialDate } from '$lib/domain/french';
import type { FieldChange } from './diff';

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

const STATUS_LABELS: Record<string, string> = { draft: 'Brouillon', published: 'Publiée', archived: 'Archivée' };
const PRECISION_LABELS: Record<string, string> = { address: "À l'adresse", commune: 'Centre de la commune', manual: 'Placée à la main' };
const CONFIRMATION_LABELS: Record<string, string> = { declared: 'Déclarée', confirmed: 'Confirmée', disputed: 'Contestée' };

/**
 * « 28 novembre 2026 à 22 h 09 », in the time of the region the map is about (French-phrasing module:
 * « 1er », « 22 h 09 »). An instant (`…Z`) is converted; an event's bare date-time is already Paris time.
 */
export function formatDateTime(iso: string): string {
	return /^\d{4}-\d{2}-\d{2}/.test(iso) ? frenchDateTime(iso) : iso;
}

const ITEM_LABELS: Record<string, (code: string) => string> = { sectors: sectorLabel, stages: stageLabel, offers: offerLabel };

function formatOne(field: string, value: unknown, names: NameLookup): string {
	if (typeof value === 'boolean') return value ? 'oui' : 'non';
	if (typeof value === 'number') {
		if (field === 'sourceId' || field === 'targetId') return names.entity?.(value) ?? `acteur n° ${value}`;
		return field === 'foundedYear' ? String(value) : value.toLocaleString('fr-FR', { maximumFractionDigits: 6 });
	}
	if (typeof value !== 'string') return JSON.stringify(value);
	switch (field) {
		case 'kind':
			return kindLabel(value);
		case 'category':
			return categoryLabel(value);
		case 'status':
			return STATUS_LABELS[value] ?? value;
		case 'coordPrecision':
			return PRECISION_LABELS[value] ?? value;
		case 'confirmation':
			return CONFIRMATION_LABELS[value] ?? value;
		case 'type':
			return relationLabel(value);
		case 'communeCode': {
			const name = names.commune?.(value);
			return name ? `${name} (${value})` : value;
		}
		case 'startsAt':
		case 'endsAt':
			return formatDateTime(value);
		case 'lastVerifiedAt':
			return /^\d{4}-\d{2}-\d{2}/.test(value) ? formatDay(value) : value;
		case 'startDate':
		case 'endDate':
			return formatPartialDate(value);
		default:
			return value;
	}
}

export function formatValue(field: string, value: unknown, names: NameLookup = {}): DisplayValue {
	if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
	if (Array.isArray(value)) {
		const label = ITEM_LABELS[field];
		return value.map((v) => (label && typeof v === 'string' ? label(v) : formatOne(field, v, names)));
	}
	return formatOne(field, value, names);
}

const LONG_FIELDS = new Set(['description']);

export function displayChange(c: FieldChange, names: NameLookup = {}): DisplayChange {
	const list = (v: unknown[] | undefined) => (formatValue(c.field, v ?? [], names) as string[] | null) ?? [];
	return {
		field: c.field,
		label: c.label,
		change: c.change,
		before: formatValue(c.field, c.before, names),
		after: formatValue(c.field, c.after, names),
		added: list(c.added),
		removed: list(c.removed),
		long: LONG_FIELDS.has(c.field)
	};
}
