/**
 * What a revision stores: the subject's editable fields after the write, plus its id, version and
 * deletion mark. Derived columns (description_text, search_terms) and timestamps are left out: the first
 * are recomputed from the rest on every write, the second are the revision's own `created_at`.
 * Field order here is the display order of the history.
 */

export interface EntityFields {
	slug: string;
	kind: string;
	category: string;
	name: string;
	summary: string;
	description: string;
	website: string | null;
	siret?: string | null;
	sectors: string[];
	stages: string[];
	offers: string[];
	address: string | null;
	communeCode: string | null;
	lon: number | null;
	lat: number | null;
	coordPrecision: string | null;
	foundedYear: number | null;
	startsAt: string | null;
	endsAt: string | null;
	email: string | null;
	phone: string | null;
	contactPublic: boolean;
	registrationUrl: string | null;
	venueId: number | null;
	recurrence?: string | null;
	recurrenceExceptions?: string[];
	price?: string | null;
	free?: boolean | null;
	attendance?: string | null;
	imageKey: string | null;
	imageAlt: string | null;
	openingHours: string | null;
	accessTransport: string | null;
	accessibility: string | null;
	equipment: string | null;
	status: string;
	isDemo: boolean;
	lastVerifiedAt: string | null;
}

export interface RelationFields {
	type: string;
	sourceId: number;
	targetId: number;
	startDate: string | null;
	endDate: string | null;
	description: string;
	source: string | null;
	confirmation: string;
	isDemo: boolean;
}

interface SubjectMeta {
	id: number;
	version: number;
	deletedAt: string | null;
}

export type EntitySnapshot = EntityFields & SubjectMeta;
export type RelationSnapshot = RelationFields & SubjectMeta;
export type Snapshot = EntitySnapshot | RelationSnapshot;

export const ENTITY_FIELDS = [
	'name',
	'slug',
	'kind',
	'category',
	'status',
	'summary',
	'description',
	'website',
	'siret',
	'sectors',
	'stages',
	'offers',
	'address',
	'communeCode',
	'lon',
	'lat',
	'coordPrecision',
	'foundedYear',
	'startsAt',
	'endsAt',
	'recurrence',
	'recurrenceExceptions',
	'venueId',
	'attendance',
	'registrationUrl',
	'price',
	'free',
	'openingHours',
	'accessTransport',
	'accessibility',
	'equipment',
	'email',
	'phone',
	'contactPublic',
	'imageKey',
	'imageAlt',
	'lastVerifiedAt',
	'isDemo'
] as const satisfies readonly (keyof EntityFields)[];

export const RELATION_FIELDS = [
	'type',
	'sourceId',
	'targetId',
	'startDate',
	'endDate',
	'description',
	'source',
	'confirmation',
	'isDemo'
] as const satisfies readonly (keyof RelationFields)[];

// Compile-time guard: a field added to EntityFields/RelationFields but not to the lists above fails here.
type Missing<T, L extends readonly unknown[]> = Exclude<keyof T, L[number]>;
const entityFieldsComplete: [Missing<EntityFields, typeof ENTITY_FIELDS>] extends [never] ? true : never = true;
const relationFieldsComplete: [Missing<RelationFields, typeof RELATION_FIELDS>] extends [never] ? true : never = true;
void entityFieldsComplete;
void relationFieldsComplete;

function pick<T, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
	const out = {} as Pick<T, K>;
	for (const k of keys) out[k] = source[k];
	return out;
}

export function entityFields(row: EntityFields): EntityFields {
	return pick(row, ENTITY_FIELDS);
}

export function relationFields(row: RelationFields): RelationFields {
	return pick(row, RELATION_FIELDS);
}

export function entitySnapshot(row: EntityFields & SubjectMeta): EntitySnapshot {
	return { id: row.id, ...entityFields(row), version: row.version, deletedAt: row.deletedAt };
}

export function relationSnapshot(row: RelationFields & SubjectMeta): RelationSnapshot {
	return { id: row.id, ...relationFields(row), version: row.version, deletedAt: row.deletedAt };
}
