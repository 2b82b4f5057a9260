/**
 * Erasure of a person from stored import jobs (issue 17): the dry-run report keeps, for each row, its name,
 * slug, note, raw cells (`preview`) and problems, and the job keeps the uploaded file. A person listed by an
 * import is in all of them, in forms no global search finds (the slug, a summary cell quoting their surname
 * and phone as written). Their rows are found by what identifies them, then blanked whole.
 */
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { detectDelimiter } from '$lib/import/csv-table';
import { detectAndDecode } from '$lib/import/detect-encoding';
import type { ImportJobRow } from '../db/schema';
import { importFileText } from '../import/file-text';

/** What a scrubbed import job becomes, and what the erasure did to it. */
export interface ScrubbedImportJob {
	fileContent: Buffer;
	fileSha256: string;
	report: Record<string, unknown> | null;
	geocodes: Record<string, unknown>;
	/** The stored file, untouched, rewritten without the person's rows, or emptied. */
	file: 'kept' | 'rewritten' | 'purged';
}

type Scrub = (value: unknown) => unknown;
type ReportRow = { row?: unknown; name?: unknown; slug?: unknown; note?: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Raw records of a text CSV (row n of a spreadsheet = record n-1), or null when it cannot be rewritten safely. */
function csvRecords(bytes: Buffer): { records: string[][]; delimiter: string } | null {
	const decoded = detectAndDecode(new Uint8Array(bytes));
	if (decoded.doubtful) return null;
	const text = decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text;
	const delimiter = detectDelimiter(text);
	try {
		const records = parse(text, {
			delimiter,
			record_delimiter: ['\r\n', '\n', '\r'],
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: false
		}) as string[][];
		return { records, delimiter };
	} catch {
		return null;
	}
}

function csvText(records: string[][], delimiter: string): string {
	const cell = (c: string) => (/["\r\n]/.test(c) || c.includes(delimiter) ? `"${c.replace(/"/g, '""')}"` : c);
	return records.map((r) => r.map(cell).join(delimiter)).join('\r\n') + '\r\n';
}

/**
 * Scrubs one job. `identifies` says whether a text names the person (name, e-mail, phone in any writing,
 * slug); `scrub` replaces those in any JSON value. The person's rows (by slug, name or any cell that
 * identifies them) are blanked in the report — every cell, name, slug, note and problem of the row, the
 * row itself and the counts stay — and in a CSV file they become empty lines, so row numbers do not move.
 * A file that cannot be rewritten cell by cell (workbook, JSON, doubtful encoding) loses its bytes.
 */
export function scrubImportJob(
	job: ImportJobRow,
	person: { slugs: string[] },
	identifies: (text: string) => boolean,
	scrub: Scrub,
	erased: string
): ScrubbedImportJob | null {
	const report = isRecord(job.report) ? job.report : null;
	const rowsOfPerson = new Set<number>();
	const reportRows = Array.isArray(report?.rows) ? (report.rows as ReportRow[]) : [];
	for (const r of reportRows) {
		const named = typeof r.name === 'string' && identifies(r.name);
		const slugged = typeof r.slug === 'string' && person.slugs.includes(r.slug);
		if ((named || slugged) && typeof r.row === 'number') rowsOfPerson.add(r.row);
	}
	const preview = Array.isArray(report?.preview) ? (report.preview as { row: number; cells: string[] }[]) : [];
	for (const p of preview) if (p.cells.some((c) => identifies(c))) rowsOfPerson.add(p.row);

	let file: ScrubbedImportJob['file'] = 'kept';
	let fileContent = job.fileContent;
	if (job.fileContent.length > 0) {
		const csv = job.format === 'csv' ? csvRecords(job.fileContent) : null;
		if (csv) {
			csv.records.forEach((cells, i) => {
				if (i > 0 && cells.some((c) => identifies(c))) rowsOfPerson.add(i + 1);
			});
			if (csv.records.some((cells, i) => i > 0 && rowsOfPerson.has(i + 1))) {
				const kept = csv.records.map((cells, i) => (i > 0 && rowsOfPerson.has(i + 1) ? [] : cells));
				fileContent = Buffer.from(csvText(kept, csv.delimiter), 'utf8');
				file = 'rewritten';
			}
			// A name in the header or somewhere no row explains: the file goes.
			if (identifies(fileContent.toString('utf8'))) file = 'purged';
		} else if (rowsOfPerson.size > 0 || identifies(importFileText(new Uint8Array(job.fileContent)))) file = 'purged';
	}
	if (file === 'purged') fileContent = Buffer.alloc(0);

	const inReport = identifies(JSON.stringify(job.report ?? {})) || identifies(JSON.stringify(job.geocodes)) || rowsOfPerson.size > 0;
	if (file === 'kept' && !inReport) return null;

	let nextReport: Record<string, unknown> | null = report;
	if (report) {
		const blank = <T extends { row?: unknown }>(list: unknown, edit: (item: T) => T): unknown =>
			Array.isArray(list) ? (list as T[]).map((item) => (typeof item.row === 'number' && rowsOfPerson.has(item.row) ? edit(item) : item)) : list;
		nextReport = {
			...report,
			rows: blank<ReportRow>(report.rows, (r) => ({
				...r,
				name: erased,
				...(typeof r.slug === 'string' ? { slug: erased } : {}),
				...(r.note ? { note: erased } : {})
			})),
			preview: blank<{ row: number; cells: string[] }>(report.preview, (p) => ({ ...p, cells: p.cells.map((c) => (c ? erased : c)) })),
			problems: blank<{ row: number; message?: string; link?: unknown }>(report.problems, ({ link: _link, ...p }) => ({ ...p, message: erased })),
			relations: blank<{ row: number; note?: unknown }>(report.relations, (r) => ({ ...r, ...(r.note ? { note: erased } : {}) }))
		};
		nextReport = scrub(nextReport) as Record<string, unknown>;
		if (file !== 'kept')
			nextReport.gdprFile =
				file === 'purged' ? 'Fichier importé supprimé (effacement RGPD)' : 'Fichier importé expurgé des lignes de la personne (effacement RGPD)';
	}
	const fileSha256 = file === 'kept' ? job.fileSha256 : file === 'purged' ? '' : createHash('sha256').update(fileContent).digest('hex');
	return { fileContent, fileSha256, report: nextReport, geocodes: scrub(job.geocodes) as Record<string, unknown>, file };
}
