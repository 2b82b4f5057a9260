/**
 * RFC 4180 CSV: comma-separated (or `;` for French spreadsheet software), CRLF, fields quoted when needed, with a UTF-8 byte-order mark so that
 * spreadsheet software opens accents correctly. Cells starting with = + - @ are prefixed with an apostrophe
 * (CSV formula injection: a name typed by a contributor must never run as a formula).
 */
export function toCsv(header: string[], rows: (string | number | null)[][], options: { separator?: ',' | ';' } = {}): string {
	const separator = options.separator ?? ',';
	const cell = (v: string | number | null) => {
		if (v == null) return '';
		let s = String(v);
		if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
		return /["\r\n]/.test(s) || s.includes(separator) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return '\ufeff' + [header, ...rows].map((r) => r.map(cell).join(separator)).join('\r\n') + '\r\n';
}
