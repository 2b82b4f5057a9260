import { createHash } from 'node:crypto';
import { z } from 'zod';
import { categoryKind, ENTITY_KINDS } from '$lib/domain/vocabulary';
import { IMPORT_FIELDS, type ColumnMapping } from '$lib/import/fields';
import { CHOOSABLE_ENCODINGS } from '$lib/import/detect-encoding';
import type { ImportProblem } from '$lib/import/problems';
import type { Actor } from '$lib/history/revision';
import type { Db } from '../db';
import type { ImportJobRow } from '../db/schema';
import { disabledGeocoder, type GeocodeOutcome, type Geocoder } from '../geocode/ban';
import { analyseImport, type ImportPlan, type ImportProgress, type ImportSettings } from '../import/plan';
import { presetChoices } from '../import/presets';
import { planSteps } from '../import/write-plan';
import { undoImportInChunks, writeStepsInChunks } from '../import/chunked-write';
import type { Pace } from '../import/chunks';
import { importJobById, insertImportJob, listImportJobs, updateImportJob } from '../repos/import.repo';
import { nowIso } from '../repos/entity-write.repo';
import { ForbiddenError, NotFoundError, ValidationError } from './errors';
import { mayImport } from '../auth/policy';
import { writeTransaction } from './revision-write';
import type { AccountUser } from './users.service';
import { m } from '$lib/paraglide/messages';

/*
 * Imports, from the dry run to the undo. Editors and admins only (checked here, for the page, the stream
 * endpoints and the command line alike). Each uploaded file becomes an import job: the dry run stores the
 * file, its settings and its report; the commit replays the same analysis inside one transaction and
 * writes through the single write path; the undo reverts exactly what the commit recorded.
 */

/** Who imports: a signed-in editor, or the command line run by whoever holds the server. */
export type ImportActor = AccountUser | { cli: string };

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const REPORT_ROWS = 20_000;

const settingsSchema = z.object({
	mapping: z.record(z.string(), z.enum(IMPORT_FIELDS).nullable()).nullable().default(null),
	defaults: z
		.object({
			kind: z.enum(ENTITY_KINDS, { error: () => m.errors_import_default_kind() }).nullish(),
			category: z
				.string()
				.refine((c) => categoryKind(c) !== undefined, { error: () => m.errors_import_default_category() })
				.nullish()
		})
		.default({}),
	values: z
		.object({
			category: z
				.record(
					z.string().trim().min(1).max(200),
					z.string().refine((c) => categoryKind(c) !== undefined, { error: () => m.errors_import_chosen_category() })
				)
				.default({})
		})
		.default({ category: {} }),
	strict: z.boolean().default(true),
	preset: z
		.string()
		.nullish()
		.transform((v) => v || null)
		.refine((id) => id === null || presetChoices().some((p) => p.id === id), { error: () => m.errors_import_preset() }),
	skipUnlisted: z.boolean().default(false),
	/** Chosen by the editor when the detected encoding is doubtful or wrong; a workbook's sheet by name. */
	encoding: z.enum(CHOOSABLE_ENCODINGS, { error: () => m.errors_import_encoding() }).nullish(),
	sheet: z.string().trim().max(200).nullish(),
	placeless: z.boolean().default(false)
});
export type ImportSettingsInput = z.input<typeof settingsSchema>;

function parseSettings(input: unknown): ImportSettings {
	const parsed = settingsSchema.safeParse(input ?? {});
	if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => m.errors_import_settings({ message: i.message })));
	return parsed.data as ImportSettings;
}

function assertCanImport(actor: ImportActor): Actor {
	if ('cli' in actor) return { userId: null, label: actor.cli };
	if (!mayImport(actor)) throw new ForbiddenError(m.errors_import_editors_only());
	return { userId: actor.id, label: actor.displayName || actor.email };
}

/** What a page or the command line shows of a job: never the file's bytes. */
export interface ImportJobView {
	id: number;
	status: ImportJobRow['status'];
	fileName: string;
	format: ImportJobRow['format'];
	strict: boolean;
	settings: ImportSettings;
	counts: ImportPlan['counts'];
	report: ImportReport | null;
	authorLabel: string;
	createdAt: string;
	committedAt: string | null;
	committedByLabel: string | null;
	undoneAt: string | null;
	undoneByLabel: string | null;
}

/** The stored form of a dry run: everything the report page shows, without the entities' full data. */
export interface ImportReport {
	encoding: string;
	delimiter: string | null;
	headers: string[];
	mapping: ColumnMapping;
	preview: ImportPlan['preview'];
	problems: ImportProblem[];
	rows: Array<{ row: number; action: string; name: string; slug: string | null; note: string | null; place?: ImportPlan['rows'][number]['place'] }>;
	relations: Array<{ row: number; action: string; note: string | null }>;
	unknownValues: ImportPlan['unknownValues'];
	/** How the file was read: encoding (and whether it is doubtful, with the other readings), workbook sheets. */
	reading?: ImportPlan['reading'];
	/** Absent from reports stored before rows were placed by coordinates, postcode or name. */
	placement?: ImportPlan['placement'];
	truncated: boolean;
}

function reportOf(plan: ImportPlan): ImportReport {
	return {
		encoding: plan.encoding,
		delimiter: plan.delimiter,
		headers: plan.headers,
		mapping: plan.mapping,
		preview: plan.preview,
		problems: plan.problems.slice(0, REPORT_ROWS),
		rows: plan.rows.slice(0, REPORT_ROWS).map((r) => ({ row: r.row, action: r.action, name: r.name, slug: r.slug, note: r.note, place: r.place ?? null })),
		relations: plan.relations.slice(0, REPORT_ROWS).map((r) => ({ row: r.row, action: r.action, note: r.note })),
		unknownValues: plan.unknownValues,
		reading: plan.reading,
		placement: plan.placement,
		truncated: plan.rows.length > REPORT_ROWS || plan.problems.length > REPORT_ROWS
	};
}

function viewOf(job: ImportJobRow): ImportJobView {
	const settings = job.settings as unknown as ImportSettings;
	return {
		id: job.id,
		status: job.status,
		fileName: job.fileName,
		format: job.format,
		strict: settings.strict,
		settings,
		counts: job.counts as unknown as ImportPlan['counts'],
		report: (job.report as unknown as ImportReport | null) ?? null,
		authorLabel: job.authorLabel,
		createdAt: job.createdAt,
		committedAt: job.committedAt,
		committedByLabel: job.committedByLabel,
		undoneAt: job.undoneAt,
		undoneByLabel: job.undoneByLabel
	};
}

const cleanFileName = (name: string) =>
	name
		.replace(/[\\/]/g, '_')
		.replace(/[\u0000-\u001f]/g, '')
		.trim()
		.slice(0, 200) || 'fichier';

export interface RunOptions {
	geocoder?: Geocoder;
	onProgress?: (p: ImportProgress) => void;
	/** How the commit shares the database (the command line leaves the lock to the server between chunks). */
	pace?: Pace;
}

/** The dry run: analyses the file, stores it as a job in « preview », returns the job and the full plan. */
export async function previewImport(
	db: Db,
	actor: ImportActor,
	file: { name: string; bytes: Uint8Array },
	settingsInput: unknown,
	options: RunOptions = {}
): Promise<{ job: ImportJobView; plan: ImportPlan }> {
	const author = assertCanImport(actor);
	if (file.bytes.byteLength === 0) throw new ValidationError(['fichier vide : choisissez un fichier CSV, classeur (.xlsx, .ods), GeoJSON ou JSON']);
	if (file.bytes.byteLength > MAX_IMPORT_BYTES) throw new ValidationError([`fichier trop gros : ${MAX_IMPORT_BYTES / 1024 / 1024} Mo au maximum`]);
	const settings = parseSettings(settingsInput);
	const plan = await analyseImport(db, file.bytes, settings, { geocoder: options.geocoder ?? disabledGeocoder, onProgress: options.onProgress });
	const id = insertImportJob(db, {
		fileName: cleanFileName(file.name),
		format: plan.format,
		fileSha256: createHash('sha256').update(file.bytes).digest('hex'),
		fileContent: Buffer.from(file.bytes),
		settings: settings as unknown as Record<string, unknown>,
		geocodes: plan.geocodes,
		counts: plan.counts as unknown as Record<string, number>,
		report: reportOf(plan) as unknown as Record<string, unknown>,
		authorUserId: author.userId,
		authorLabel: author.label
	});
	return { job: viewOf(importJobById(db, id)!), plan };
}

/** Analyses a previewed file again with other settings (a corrected mapping, a default category). */
export async function reanalyseImport(db: Db, actor: ImportActor, jobId: number, settingsInput: unknown, options: RunOptions = {}) {
	assertCanImport(actor);
	const job = loadJob(db, jobId);
	if (job.status !== 'preview') throw new ValidationError([m.errors_import_already_committed_retry()]);
	// The remap form does not repeat the preset and the skip choice: they stay as the upload set them.
	const previous = job.settings as unknown as ImportSettings;
	const given = (settingsInput ?? {}) as Record<string, unknown>;
	const settings = parseSettings({
		...given,
		preset: given.preset ?? previous.preset ?? null,
		skipUnlisted: given.skipUnlisted ?? previous.skipUnlisted ?? false
	});
	const known = job.geocodes as Record<string, GeocodeOutcome>;
	const plan = await analyseImport(db, new Uint8Array(job.fileContent), settings, {
		geocoder: options.geocoder ?? disabledGeocoder,
		knownGeocodes: { ...known },
		onProgress: options.onProgress
	});
	updateImportJob(db, jobId, 'preview', {
		settings: settings as unknown as Record<string, unknown>,
		geocodes: plan.geocodes,
		counts: plan.counts as unknown as Record<string, number>,
		report: reportOf(plan) as unknown as Record<string, unknown>
	});
	return { job: viewOf(importJobById(db, jobId)!), plan };
}

function loadJob(db: Db, jobId: number): ImportJobRow {
	const job = importJobById(db, jobId);
	if (!job) throw new NotFoundError(m.errors_no_import_id({ id: jobId }));
	return job;
}

const COMPARED_COUNTS = ['create', 'update', 'skip', 'error', 'relationsCreate'] as const;

const importReason = (job: ImportJobRow) => `Import n° ${job.id} (${job.fileName})`;

/**
 * The commit: the same analysis again (against the database as it is now, with the dry run's geocoder
 * answers), then the rows and relations chunk by chunk (each chunk a short transaction, so other requests and
 * saves go on meanwhile), then the job's new state. Whole or absent: an error takes back what the earlier
 * chunks wrote, a crash is taken back at the next start. In strict mode a single error writes nothing.
 */
export async function commitImport(db: Db, actor: ImportActor, jobId: number, options: RunOptions = {}) {
	const author = assertCanImport(actor);
	const job = loadJob(db, jobId);
	if (job.status !== 'preview') throw new ValidationError([job.status === 'committed' ? m.errors_import_committed() : m.errors_import_cancelled()]);
	const settings = job.settings as unknown as ImportSettings;
	const plan = await analyseImport(db, new Uint8Array(job.fileContent), settings, {
		geocoder: options.geocoder ?? disabledGeocoder,
		knownGeocodes: { ...(job.geocodes as Record<string, GeocodeOutcome>) },
		onProgress: options.onProgress
	});
	// The commit writes what the editor saw: if the database moved since (a listing created that now makes a
	// row a duplicate, one edited…), the report is refreshed and the editor looks again.
	if (COMPARED_COUNTS.some((k) => plan.counts[k] !== (job.counts as Record<string, number>)[k])) {
		updateImportJob(db, jobId, 'preview', {
			counts: plan.counts as unknown as Record<string, number>,
			report: reportOf(plan) as unknown as Record<string, unknown>
		});
		const was = job.counts as Record<string, number>;
		throw new ValidationError([
			m.errors_import_changed({
				createWas: was.create ?? 0,
				create: plan.counts.create,
				updateWas: was.update ?? 0,
				update: plan.counts.update,
				skipWas: was.skip ?? 0,
				skip: plan.counts.skip,
				errorWas: was.error ?? 0,
				error: plan.counts.error
			})
		]);
	}
	// Even in lenient mode: rows decoded with a doubtful encoding would store « Cl‚mentel ».
	if (plan.reading.encodingDoubtful) throw new ValidationError([m.errors_import_encoding_doubtful()]);
	if (settings.strict && plan.counts.error > 0) {
		const first = plan.problems
			.filter((p) => p.severity === 'error')
			.slice(0, 5)
			.map((p) =>
				p.column ? m.errors_import_line_column({ row: p.row, column: p.column, message: p.message }) : m.errors_import_line({ row: p.row, message: p.message })
			);
		throw new ValidationError([m.errors_import_strict_refused({ count: plan.counts.error }), ...first]);
	}
	const total = plan.counts.create + plan.counts.update + plan.counts.relationsCreate;
	options.onProgress?.({
		phase: 'ecriture',
		done: 0,
		total,
		message: total === 1 ? m.errors_import_writing_one() : m.errors_import_writing({ count: total })
	});
	const steps = planSteps(plan);
	const writing = total === 1 ? m.errors_import_writing_one() : m.errors_import_writing({ count: total });
	const progress = (done: number) =>
		options.onProgress?.({ phase: 'ecriture', done: Math.round((done / Math.max(steps.length, 1)) * total), total, message: writing });
	const changes = await writeStepsInChunks(db, jobId, steps, { actor: author, reason: importReason(job) }, { pace: options.pace, progress });
	const counts = {
		...plan.counts,
		create: changes.createdEntityIds.length,
		update: changes.updatedEntities.length,
		relationsCreate: changes.createdRelationIds.length
	};
	writeTransaction(db, (tx) => {
		updateImportJob(tx, jobId, 'preview', {
			status: 'committed',
			counts: counts as unknown as Record<string, number>,
			report: reportOf(plan) as unknown as Record<string, unknown>,
			changes,
			committedAt: nowIso(),
			committedByLabel: author.label
		});
	});
	options.onProgress?.({ phase: 'termine', done: total, total, message: m.errors_import_done() });
	return { job: viewOf(importJobById(db, jobId)!), changes };
}

/** Undoes a committed import as a whole: checked at once, then written chunk by chunk like the commit. */
export async function undoImport(db: Db, actor: ImportActor, jobId: number, reason = '', pace?: Pace) {
	const author = assertCanImport(actor);
	const job = loadJob(db, jobId);
	if (job.status !== 'committed' || !job.changes)
		throw new ValidationError([job.status === 'undone' ? m.errors_import_already_undone() : m.errors_import_not_committed()]);
	if (job.changes.writing) throw new ValidationError([m.errors_import_being_written()]);
	const why = `Annulation de l'import n° ${job.id} (${job.fileName})${reason.trim() ? ` : ${reason.trim()}` : ''}`;
	const result = await undoImportInChunks(db, job, { actor: author, reason: why }, pace);
	return { job: viewOf(importJobById(db, jobId)!), deleted: job.changes.createdEntityIds.length, restored: result.restored };
}

export function importJobView(db: Db, actor: ImportActor, jobId: number): ImportJobView {
	assertCanImport(actor);
	return viewOf(loadJob(db, jobId));
}

/** The known open-data shapes the upload form offers (data/import-presets/). */
export const importPresets = () => presetChoices();

export function importHistory(db: Db, actor: ImportActor) {
	assertCanImport(actor);
	return listImportJobs(db);
}
