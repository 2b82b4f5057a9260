/*
 * The importer's shared shapes (settings, the plan of each row and relation, progress, counts): their own
 * module, so the planners (plan, geocode-rows, relations-plan, venues-plan) import them without importing
 * each other in a loop.
 */
import type { EntityData, RelationData } from '$lib/domain/entity.schema';
import type { ColumnMapping } from '$lib/import/fields';
import type { ImportProblem } from '$lib/import/problems';
import type { ImportDefaults } from '$lib/import/row-entity';
import type { Placement, RowPlacement } from '$lib/import/row-place';
import type { TextEncoding } from '$lib/import/detect-encoding';
import type { ImportFormat } from '../db/schema';
import type { GeocodeOutcome, Geocoder } from '../geocode/ban';
import type { ReadingInfo } from './read-file';

export interface ImportSettings {
	/** Column → field; null lets the importer recognise the usual column names. */
	mapping: ColumnMapping | null;
	defaults: ImportDefaults;
	/** The file's own words mapped to categories by the importer: { « Café-librairie »: 'coworking' }. */
	values: { category: Record<string, string> };
	/** Strict (the default): one error anywhere and nothing is written. Otherwise rows in error are skipped. */
	strict: boolean;
	/** A known open-data shape (data/import-presets/<id>.json): its columns, category words and default category. */
	preset?: string | null;
	/** « Ignorer ces catégories »: rows whose category the directory does not list are skipped and counted apart. */
	skipUnlisted?: boolean;
	/** The text encoding the editor chose (null: detected), and the workbook sheet to read (null: the first). */
	encoding?: TextEncoding | null;
	sheet?: string | null;
	/** « Sans lieu »: a row with no place at all is created without one (a warning) instead of being an error. */
	placeless?: boolean;
}

export type RowAction = 'create' | 'update' | 'skip' | 'error';

export interface RowPlan {
	row: number;
	action: RowAction;
	name: string;
	/** The slug it will get (create) or has (update, skip on a match). */
	slug: string | null;
	existingId: number | null;
	/** For the report: why it is skipped, or which fields an update changes. */
	note: string | null;
	/** Create: the whole entity; update: the whole entity after the patch. */
	data: EntityData | null;
	expectedVersion: number | null;
	/** How its commune was found when the file did not name it exactly, or `outside` the territory. */
	place?: RowPlacement | null;
	/** An event whose venue this import creates: its venueId is that row's new id (see venues-plan). */
	venueSlug?: string | null;
}

export interface ImportProgress {
	phase: 'lecture' | 'lignes' | 'geocodage' | 'verification' | 'ecriture' | 'termine';
	done: number;
	total: number;
	message: string;
}

export interface ImportPlan {
	format: ImportFormat;
	encoding: string;
	delimiter: string | null;
	headers: string[];
	mapping: ColumnMapping;
	preview: Array<{ row: number; cells: string[] }>;
	rows: RowPlan[];
	relations: RelationPlan[];
	problems: ImportProblem[];
	counts: ImportCounts;
	geocodes: Record<string, GeocodeOutcome>;
	/** Category words no category matched, with how many rows use them: the report offers to map them. */
	unknownValues: UnknownValue[];
	/** How the file was read (encoding and its certainty, workbook sheets). */
	reading: ReadingInfo;
	/** Row numbers placed by coordinates, by postcode, by a name read loosely, and ignored as outside the territory. */
	placement: Placement;
}

export interface UnknownValue {
	field: 'category';
	value: string;
	count: number;
	/** The first rows where it appears. */
	rows: number[];
}

export interface ImportCounts {
	rows: number;
	create: number;
	update: number;
	skip: number;
	error: number;
	errors: number;
	warnings: number;
	geocoded: number;
	relationsCreate: number;
	relationsSkip: number;
	/** Rows skipped because their category is a kind of place the directory does not list. */
	skippedByCategory: number;
	placedByCoordinates: number;
	placedByPostcode: number;
	placedByName: number;
	outside: number;
}

export interface AnalyseOptions {
	geocoder: Geocoder;
	/** Answers kept from the dry run: the commit places rows exactly where the preview showed them. */
	knownGeocodes?: Record<string, GeocodeOutcome>;
	onProgress?: (p: ImportProgress) => void;
}

/** One end of an imported relation: an entity already stored, or one the same import creates (by slug). */
export interface RelationEnd {
	slug: string;
	id: number | null;
}

export interface RelationPlan {
	row: number;
	action: 'create' | 'skip' | 'error';
	source: RelationEnd | null;
	target: RelationEnd | null;
	/** Everything but the two ids, which are known only once the ends exist. */
	data: Omit<RelationData, 'sourceId' | 'targetId'> | null;
	note: string | null;
	problems: ImportProblem[];
}
