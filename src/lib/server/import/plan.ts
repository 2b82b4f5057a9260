import { entityInputSchema, type EntityData, type EntityInput } from '$lib/domain/entity.schema';
import { fieldLabel, sameValue } from '$lib/history/diff';
import { entityFields } from '$lib/history/snapshot';
import { guessMapping, IMPORT_FIELDS, type ColumnMapping, type ImportField } from '$lib/import/fields';
import { readJsonEntity } from '$lib/import/json-entity';
import { error, warning, type ImportProblem } from '$lib/import/problems';
import type { PlaceLookup } from '$lib/import/place-lookup';
import { readRow, type RowDraft } from '$lib/import/row-entity';
import type { Placement, RowPlacement } from '$lib/import/row-place';
export type { Placement, RowPlacement };
import { normalizePlaceName } from '$lib/geo/place-name';
import type { Db } from '../db';
import type { EntityRow } from '../db/schema';
import { entityRowsByIds } from '../repos/import.repo';
import { listingsToCompare, slugBook } from './existing-listings';
import { turnTaker } from './chunks';
import { slugify } from '$lib/domain/slug';
import { geocodeDrafts } from './geocode-rows';
import { addToIndex, matchIndex, probableDuplicate, uniqueSlug, type Existing } from './matching';
import { placeLookup } from './places';
import { categoryRules, chosenPreset, presetDefaultCategory, presetMapping } from './preset-settings';
import { type ImportSource, type JsonSource } from './read-file';
import { readImportFileOffThread } from './read-file-thread';
import { encodingDoubtProblem } from './encoding-doubt';
import { planRelations } from './relations-plan';
import type { RelationPlan } from './plan-types';
import { linkPlannedVenues, resolveStoredVenues } from './venues-plan';

import type { AnalyseOptions, ImportCounts, ImportPlan, ImportProgress, ImportSettings, RowAction, RowPlan, UnknownValue } from './plan-types';
export type { ImportSettings, RowAction, RowPlan, ImportProgress, ImportPlan, UnknownValue, ImportCounts, AnalyseOptions } from './plan-types';

const PREVIEW_ROWS = 5;
const YIELD_EVERY = 500;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The dry run: reads the file, maps its columns, places every row (commune, coordinates, geocoder), checks
 * it against the schema and against what the database already holds, and says for each row what a commit
 * would do. Nothing is written; the commit replays this same analysis inside its transaction.
 */
export async function analyseImport(db: Db, bytes: Uint8Array, settings: ImportSettings, options: AnalyseOptions): Promise<ImportPlan> {
	const say = options.onProgress ?? (() => {});
	say({ phase: 'lecture', done: 0, total: 1, message: 'Lecture du fichier' });
	const source = await readImportFileOffThread(bytes, { encoding: settings.encoding ?? null, sheet: settings.sheet ?? null });
	const places = placeLookup(db);
	const { drafts, mapping, headers, preview } = await draftsOf(source, settings, places, say);
	await geocodeDrafts(drafts, places, options, say);
	const geocodes = options.knownGeocodes ?? {};

	say({ phase: 'verification', done: 0, total: drafts.length, message: 'Comparaison avec la base' });
	const pendingVenues = resolveStoredVenues(db, source, drafts);
	const existing = await listingsToCompare(db, drafts);
	const rows = await planRows(db, existing, drafts, source.format === 'json' ? null : mapping, settings.placeless ?? false);
	linkPlannedVenues(rows, drafts, pendingVenues);
	const relations = source.format === 'json' ? planRelations(db, source as JsonSource, rows) : [];
	const problems = [
		...encodingDoubtProblem(source.reading),
		...source.problems,
		...drafts.flatMap((d) => d.problems),
		...relations.flatMap((r) => r.problems)
	].sort((a, b) => a.row - b.row);
	const placement = placementOf(rows);
	const counts = { ...countPlan(rows, relations, problems, drafts), ...placementCounts(placement) };
	const unknownValues = unknownCategories(drafts);
	say({ phase: 'verification', done: drafts.length, total: drafts.length, message: 'Analyse terminée' });
	return {
		format: source.format === 'json-list' ? 'json' : source.format,
		encoding: source.encoding,
		delimiter: source.format === 'json' ? null : source.delimiter,
		headers,
		mapping,
		preview,
		rows,
		relations,
		problems,
		counts,
		geocodes,
		unknownValues,
		reading: source.reading,
		placement
	};
}

async function draftsOf(source: ImportSource, settings: ImportSettings, places: PlaceLookup, say: (p: ImportProgress) => void) {
	const drafts: RowDraft[] = [];
	if (source.format === 'json') {
		for (const [i, e] of source.entities.entries()) {
			drafts.push(readJsonEntity(e.row, e.value, places));
			if (i % YIELD_EVERY === YIELD_EVERY - 1) {
				say({ phase: 'lignes', done: i + 1, total: source.entities.length, message: 'Lecture des fiches' });
				await pause();
			}
		}
		return { drafts, mapping: {}, headers: [], preview: [] };
	}
	const preset = chosenPreset(settings);
	const mapping = completeMapping(source.headers, presetMapping(source.headers, settings.mapping, preset));
	const categories = categoryRules({ ...settings, values: { category: settings.values?.category ?? {} } }, preset);
	const defaults = { ...settings.defaults, category: presetDefaultCategory(settings, preset) };
	for (const [i, r] of source.rows.entries()) {
		const draft = readRow(r.row, r.cells, mapping, places, defaults, categories.choose);
		categories.review(draft, r.cells, mapping);
		drafts.push(draft);
		if (i % YIELD_EVERY === YIELD_EVERY - 1) {
			say({ phase: 'lignes', done: i + 1, total: source.rows.length, message: 'Lecture des lignes' });
			await pause();
		}
	}
	const preview = source.rows.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.row, cells: source.headers.map((h) => r.cells[h] ?? '') }));
	return { drafts, mapping, headers: source.headers, preview };
}

const wordKey = (s: string) => normalizePlaceName(s);

function unknownCategories(drafts: RowDraft[]): UnknownValue[] {
	const byWord = new Map<string, UnknownValue>();
	for (const d of drafts) {
		if (!d.unknownCategory) continue;
		const key = wordKey(d.unknownCategory);
		const entry = byWord.get(key) ?? { field: 'category' as const, value: d.unknownCategory, count: 0, rows: [] };
		entry.count++;
		if (entry.rows.length < 5) entry.rows.push(d.row);
		byWord.set(key, entry);
	}
	return [...byWord.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'fr'));
}

/**
 * Columns flattened from nested JSON (`adresse.commune`, `geolocalisation.lat`) are recognised by their last
 * part when their whole name says nothing, and never take a field another column already feeds.
 */
function guessDottedMapping(headers: string[]): ColumnMapping {
	const guessed = guessMapping(headers);
	const used = new Set(Object.values(guessed).filter(Boolean));
	for (const h of headers) {
		if (guessed[h] || !h.includes('.')) continue;
		const last = h.slice(h.lastIndexOf('.') + 1);
		const field = guessMapping([last])[last];
		if (field && !used.has(field)) {
			guessed[h] = field;
			used.add(field);
		}
	}
	return guessed;
}

/** The chosen mapping wins; columns it does not mention are recognised by their names. */
function completeMapping(headers: string[], chosen: ColumnMapping | null): ColumnMapping {
	const guessed = guessDottedMapping(headers);
	if (!chosen) return guessed;
	const mapping: ColumnMapping = {};
	for (const h of headers) {
		const picked = chosen[h];
		mapping[h] = picked === undefined ? (guessed[h] ?? null) : picked && (IMPORT_FIELDS as readonly string[]).includes(picked) ? picked : null;
	}
	// A field chosen explicitly for one column is not also fed by a guessed one.
	const explicit = new Set(
		Object.entries(chosen)
			.filter(([h, f]) => f && headers.includes(h))
			.map(([, f]) => f)
	);
	for (const h of headers) if (chosen[h] === undefined && mapping[h] && explicit.has(mapping[h])) mapping[h] = null;
	return mapping;
}

// ---------------------------------------------------------------------------------------------------

/** Fields of the schema an imported column can change; the others (status, verification…) stay. */
function patchedFields(mapping: ColumnMapping | null): Set<string> | null {
	if (!mapping) return null;
	const fields = new Set<ImportField | 'coordPrecision' | 'venueId'>(Object.values(mapping).filter((f): f is ImportField => f !== null));
	if (fields.has('commune') || fields.has('postcode')) fields.add('communeCode');
	if (fields.has('category')) fields.add('kind');
	if (fields.has('venue')) fields.add('venueId');
	if (fields.has('address2')) fields.add('address');
	if (fields.has('lon') || fields.has('lat') || fields.has('address')) fields.add('coordPrecision').add('lon').add('lat');
	return fields as Set<string>;
}

/** The file's column for a field: its own key in our JSON format, none when no column of a table feeds it. */
function columnFor(mapping: ColumnMapping | null, field: string): string | null {
	if (!mapping) return field;
	const entry = Object.entries(mapping).find(([, f]) => f === field || (field === 'communeCode' && (f === 'commune' || f === 'communeCode')));
	return entry?.[0] ?? null;
}

/**
 * `existing`: the listings the rows could match (./existing-listings.ts), not the whole directory. The rows are
 * planned on the server's thread a slice at a time: 10,000 rows take seconds.
 */
async function planRows(db: Db, existing: Existing[], drafts: RowDraft[], mapping: ColumnMapping | null, placeless: boolean): Promise<RowPlan[]> {
	// Every row of the file counts when judging whether a website is one place's own or shared by several.
	const seen = drafts.map(({ input: i }) => ({ name: i.name, communeCode: i.communeCode ?? null, website: i.website ?? null, siret: i.siret ?? null }));
	const index = matchIndex(existing, seen);
	// Identifiers the file gives itself are reserved first, so a generated one never takes them.
	const taken = slugBook(
		db,
		drafts.flatMap((d) => (d.input.slug ? [d.input.slug] : []))
	);
	const inFile = matchIndex([], seen);
	const firstRow = new Map<Existing, number>();
	const rowOfSlug = new Map<string, number>();
	const patchable = patchedFields(mapping);
	const matchedIds = drafts.flatMap((d) => {
		const e = d.input.slug ? index.bySlug.get(d.input.slug) : undefined;
		return e && !e.deletedAt ? [e.id] : [];
	});
	const rowsById = new Map<number, EntityRow>(entityRowsByIds(db, matchedIds).map((r) => [r.id, r]));

	const turn = turnTaker();
	const rows: RowPlan[] = [];
	for (const d of drafts) {
		rows.push(planRow(d));
		await turn();
	}
	return rows;

	function planRow(d: RowDraft): RowPlan {
		const base = { row: d.row, name: d.input.name, existingId: null, note: null, data: null, expectedVersion: null, place: d.placedBy ?? null };
		if (d.outside) return { ...base, action: 'skip', slug: null, note: `hors du territoire (${d.outside})`, place: 'outside' };
		const blocked = (): RowPlan => ({ ...base, action: 'error', slug: d.input.slug ?? null });
		// Left aside by its category: not written, so not counted among the rows placed.
		if (d.skippedCategory) return { ...base, action: 'skip', slug: null, note: `catégorie ignorée : ${d.skippedCategory}`, place: null };
		if (d.problems.some((p) => p.severity === 'error')) return blocked();

		// One listing, one row: a second row with the same identifier would write over the first one.
		if (d.input.slug) {
			const earlier = rowOfSlug.get(d.input.slug);
			if (earlier !== undefined) {
				d.problems.push(error(d.row, columnFor(mapping, 'slug'), 'invalid', `identifiant « ${d.input.slug} » déjà utilisé à la ligne ${earlier}`));
				return blocked();
			}
			rowOfSlug.set(d.input.slug, d.row);
		}
		const target = d.input.slug ? index.bySlug.get(d.input.slug) : undefined;
		if (target?.deletedAt) {
			d.problems.push(
				error(
					d.row,
					columnFor(mapping, 'slug'),
					'invalid',
					`la fiche « ${target.slug} » est supprimée : restaurez-la depuis son historique avant de la réimporter`
				)
			);
			return blocked();
		}
		const current = target ? rowsById.get(target.id) : undefined;
		if (current) return planUpdate(d, current, patchable, mapping, base);
		const unplaced = mapping ? unplacedProblem(d, placeless, columnFor(mapping, 'commune') ?? columnFor(mapping, 'postcode')) : null;
		if (unplaced) {
			d.problems.push(unplaced);
			if (unplaced.severity === 'error') return blocked();
		}

		if (!d.input.kind || !d.input.category) {
			d.problems.push(
				error(
					d.row,
					columnFor(mapping, 'category'),
					'unknown_category',
					'catégorie manquante : ajoutez une colonne « catégorie » ou choisissez une catégorie par défaut'
				)
			);
			return blocked();
		}
		const slug = d.input.slug ?? uniqueSlug(slugify(d.input.name), taken);
		const parsed = entityInputSchema.safeParse({ ...d.input, slug });
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = String(issue.path[0] ?? '');
				d.problems.push(
					error(d.row, field ? columnFor(mapping, field) : null, 'invalid', `${field ? fieldLabel(field).toLowerCase() + ' : ' : ''}${issue.message}`)
				);
			}
			return blocked();
		}
		const data = parsed.data;
		const duplicate = probableDuplicate(index, data);
		if (duplicate) {
			d.problems.push({
				...warning(d.row, null, 'duplicate', `doublon probable de « ${duplicate.of.name} » (${duplicate.why}) : ligne ignorée`),
				link: { href: `/acteurs/${duplicate.of.slug}`, label: duplicate.of.name }
			});
			return { ...base, action: 'skip', slug: duplicate.of.slug, existingId: duplicate.of.id, note: `doublon probable (${duplicate.why})` };
		}
		const twin = probableDuplicate(inFile, data);
		if (twin) {
			const first = firstRow.get(twin.of) ?? 0;
			d.problems.push(warning(d.row, null, 'duplicate_in_file', `même fiche que la ligne ${first} (${twin.why}) : ligne ignorée`));
			return { ...base, action: 'skip', slug: null, note: `doublon de la ligne ${first}` };
		}
		const self: Existing = {
			id: 0,
			slug,
			name: data.name,
			kind: data.kind,
			communeCode: data.communeCode,
			website: data.website,
			siret: data.siret,
			deletedAt: null
		};
		firstRow.set(self, d.row);
		addToIndex(inFile, self);
		return { ...base, action: 'create', slug, data };
	}
}

function planUpdate(
	d: RowDraft,
	current: EntityRow,
	patchable: Set<string> | null,
	mapping: ColumnMapping | null,
	base: Omit<RowPlan, 'action' | 'slug'>
): RowPlan {
	const stored = entityFields(current);
	const patch: Partial<EntityInput> = {};
	for (const [key, value] of Object.entries(d.input) as Array<[keyof EntityInput, unknown]>) {
		if ((patchable && !patchable.has(key)) || d.unknownFields?.includes(key)) continue;
		// In a spreadsheet an empty cell means « not given », never « erase ».
		if (patchable && (value === null || value === '' || (Array.isArray(value) && value.length === 0))) continue;
		(patch as Record<string, unknown>)[key] = value;
	}
	// A commune centre never replaces a more precise point already stored.
	if (patch.coordPrecision === 'commune' && stored.lon !== null && stored.coordPrecision !== 'commune') {
		delete patch.lon;
		delete patch.lat;
		delete patch.coordPrecision;
	}
	const parsed = entityInputSchema.safeParse({ ...stored, ...patch, slug: current.slug });
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const field = String(issue.path[0] ?? '');
			d.problems.push(
				error(d.row, field ? columnFor(mapping, field) : null, 'invalid', `${field ? fieldLabel(field).toLowerCase() + ' : ' : ''}${issue.message}`)
			);
		}
		return { ...base, action: 'error', slug: current.slug };
	}
	const changed = (Object.keys(parsed.data) as Array<keyof EntityData>).filter((k) => !sameValue(stored[k as keyof typeof stored], parsed.data[k]));
	if (changed.length === 0) return { ...base, action: 'skip', slug: current.slug, existingId: current.id, note: 'déjà à jour' };
	return {
		...base,
		action: 'update',
		slug: current.slug,
		existingId: current.id,
		expectedVersion: current.version,
		data: parsed.data,
		note: `modifie : ${changed.map((k) => fieldLabel(k).toLowerCase()).join(', ')}`
	};
}

function countPlan(
	rows: RowPlan[],
	relations: RelationPlan[],
	problems: ImportProblem[],
	drafts: RowDraft[]
): Omit<ImportCounts, keyof ReturnType<typeof placementCounts>> {
	const count = (a: RowAction) => rows.filter((r) => r.action === a).length;
	return {
		rows: rows.length,
		create: count('create'),
		update: count('update'),
		skip: count('skip'),
		error: count('error'),
		errors: problems.filter((p) => p.severity === 'error').length,
		warnings: problems.filter((p) => p.severity === 'warning').length,
		geocoded: drafts.filter((d) => d.geocode && d.input.coordPrecision === 'address').length,
		relationsCreate: relations.filter((r) => r.action === 'create').length,
		relationsSkip: relations.filter((r) => r.action === 'skip').length,
		skippedByCategory: drafts.filter((d) => d.skippedCategory).length
	};
}

/** A new listing from a table with no commune and no point: an error, unless the editor chose « sans lieu ». */
function unplacedProblem(d: RowDraft, placeless: boolean, column: string | null): ImportProblem | null {
	if (d.input.communeCode || d.input.lon !== null) return null;
	const why = d.unplaced ? `${d.unplaced} et ni commune ni coordonnées` : 'ni commune, ni code postal, ni coordonnées';
	return placeless
		? warning(d.row, column, 'no_place', `${why} : fiche créée sans lieu (elle n'apparaîtra ni sur la carte ni dans les territoires)`)
		: error(d.row, column, 'no_place', `${why} : indiquez une commune, un code postal ou des coordonnées, ou choisissez « sans lieu »`);
}

function placementOf(rows: RowPlan[]): Placement {
	const placement: Placement = { coordinates: [], postcode: [], name: [], outside: [] };
	for (const r of rows) if (r.place) placement[r.place].push(r.row);
	return placement;
}

const placementCounts = (p: Placement) => ({
	placedByCoordinates: p.coordinates.length,
	placedByPostcode: p.postcode.length,
	placedByName: p.name.length,
	outside: p.outside.length
});
