/**
 * The one CSV writer of the site: every file it offers opens as is in a French spreadsheet (Excel in a
 * French locale, LibreOffice): `;` between cells (the comma is the decimal mark there), a UTF-8 byte-order
 * mark (without it Excel reads the accents as Windows-1252), CRLF, RFC 4180 quoting, and decimal commas
 * (« 45,78 » is a number there, « 45.78 » text). A text cell starting with = + - @ (or a tab or CR) gets an
 * apostrophe in front: a name typed by a contributor must never run as a formula. Our importer reads these
 * files back (decimal commas included).
 */
export type CsvCell = string | number | null | undefined;

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

const SEPARATOR = ';';

export function csvCell(v: CsvCell): string {
	if (v == null) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v).replace('.', ',') : '';
	const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
	return /["\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
	return '\ufeff' + [header, ...rows].map((r) => r.map(csvCell).join(SEPARATOR)).join('\r\n') + '\r\n';
}

/** A CSV answer for `apiFile`: body, content type and file name. */
export function csvFile(header: string[], rows: CsvCell[][], filename: string) {
	return { body: toCsv(header, rows), contentType: CSV_CONTENT_TYPE, filename };
}
