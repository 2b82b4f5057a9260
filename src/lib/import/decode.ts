/**
 * Spreadsheets saved by French users arrive as UTF-8 (with or without the BOM Excel adds) or as
 * Windows-1252, Excel's "CSV (séparateur: point-virgule)". UTF-8 is tried strictly first: a
 * Windows-1252 file with accents is almost never valid UTF-8, whereas the reverse guess would
 * silently turn « é » into « Ã© ».
 */
export type TextEncodingName = 'utf-8' | 'windows-1252';

export interface DecodedText {
	text: string;
	encoding: TextEncodingName;
	bom: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function decodeText(bytes: Uint8Array): DecodedText {
	const bom = UTF8_BOM.every((b, i) => bytes[i] === b);
	const body = bom ? bytes.subarray(UTF8_BOM.length) : bytes;
	try {
		// ignoreBOM keeps a second BOM as content: the first one is already stripped above.
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
		return { text, encoding: 'utf-8', bom };
	} catch {
		// A BOM announced UTF-8 but the bytes disagree: the rest is still best read as Windows-1252.
		return { text: decodeWindows1252(body), encoding: 'windows-1252', bom };
	}
}

// 0x80–0x9F per the WHATWG Encoding Standard (€, ’, œ, « … »); the rest of Windows-1252 is Latin-1.
const C1_TABLE = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
	0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
];

/**
 * Done by hand because Node 20's TextDecoder('windows-1252') is plain Latin-1: it turns the €
 * and the typographic apostrophe of a French Excel file into invisible control characters.
 */
function decodeWindows1252(bytes: Uint8Array): string {
	let text = '';
	const CHUNK = 8192;
	for (let start = 0; start < bytes.length; start += CHUNK) {
		const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => (b >= 0x80 && b < 0xa0 ? (C1_TABLE[b - 0x80] ?? b) : b));
		text += String.fromCharCode(...codes);
	}
	return text;
}

const C1_BYTES = new Map(C1_TABLE.map((code, i) => [code, 0x80 + i]));

/**
 * The reverse, as Excel writes a « CSV (séparateur : point-virgule) »: the importer never needs it, the
 * tests and the benchmark do, to build such files from the same table. Throws on a character the
 * encoding cannot hold rather than writing a wrong byte.
 */
export function encodeWindows1252(text: string): Uint8Array {
	return Uint8Array.from(text, (ch) => {
		const code = ch.codePointAt(0)!;
		const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : C1_BYTES.get(code);
		if (byte === undefined) throw new Error(`caractère absent de Windows-1252 : ${ch}`);
		return byte;
	});
}
