/** XML text and attribute escaping for the GEXF and GraphML writers. */

// Characters XML 1.0 forbids even escaped (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates).
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Safe in element content and in double-quoted attributes alike. */
export function xmlEscape(value: string | number): string {
	return String(value)
		.replace(FORBIDDEN, '')
		.replace(/[&<>"']/g, (c) => ENTITIES[c] as string)
		.replace(/\r/g, '&#13;')
		.replace(/\n/g, '&#10;')
		.replace(/\t/g, '&#9;');
}
