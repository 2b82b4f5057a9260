import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { TextEncoding } from './encodings';

/**
 * Which encoding a text file was written in, as French users' files really come: UTF-8 (with or without
 * the BOM Excel adds), Windows-1252 (Excel's « CSV (séparateur : point-virgule) »), ISO-8859-15 (older
 * Unix tools, € at 0xA4) and the DOS code page 850 that Excel's « CSV (MS-DOS) » writes on a French
 * Windows (é = 0x82). UTF-8 is checked strictly first: a single-byte file with accents is almost never
 * valid UTF-8. Among the single-byte encodings the bytes are always decodable, so every candidate is
 * decoded and judged on how French the result reads; chardet's ranking only breaks ties (it does not
 * know code page 850 at all). When no candidate reads clearly better than another, the decoding is
 * « doubtful »: the importer then asks the editor to choose rather than storing « Cl‚mentel ».
 */
export { CHOOSABLE_ENCODINGS, encodingLabels, TEXT_ENCODINGS, type TextEncoding } from './encodings';

export interface EncodingCandidate {
	encoding: TextEncoding;
	/** Non-ASCII characters that read as French (accented letters inside words, « », €, ’…). */
	plausible: number;
	/** Non-ASCII characters no French text has there (box drawing, control codes, ‚ between letters…). */
	implausible: number;
	/** A few lines with accents as this encoding reads them, so the editor can see which one is right. */
	samples: string[];
}

export interface DetectedText {
	text: string;
	encoding: TextEncoding;
	bom: boolean;
	/** True when the editor should choose: no candidate reads clearly as French text. */
	doubtful: boolean;
	/** Whether the editor chose it (then never doubtful). */
	chosen: boolean;
	/** Every single-byte reading that was considered, best first (empty for UTF-8 and UTF-16 files). */
	candidates: EncodingCandidate[];
}

const SINGLE_BYTE = ['windows-1252', 'iso-8859-15', 'cp850'] as const;
/** chardet's names for the single-byte candidates (it reads ISO-8859-15 files as ISO-8859-1). */
const CHARDET_NAMES: Record<string, (typeof SINGLE_BYTE)[number]> = {
	'windows-1252': 'windows-1252',
	'ISO-8859-1': 'iso-8859-15',
	'ISO-8859-15': 'iso-8859-15'
};

const FRENCH_LOWER = 'éèêëàâäîïôöùûüÿçœæ';
const FRENCH_UPPER = 'ÉÈÊËÀÂÄÎÏÔÖÙÛÜŸÇŒÆ';
const FRENCH_LETTERS = new Set([...FRENCH_LOWER, ...FRENCH_UPPER]);
const LOWER = new Set([...FRENCH_LOWER]);
/** Punctuation and symbols French files hold: guillemets, typographic apostrophe and dashes, €, °, no-break spaces. */
const FRENCH_SIGNS = new Set([...'«»’‘“”–—…€°§²\u00a0\u202f·']);

const isAsciiLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);
const isLowerLetter = (c: string | undefined) => c !== undefined && (/[a-z]/.test(c) || LOWER.has(c));
const isLetter = (c: string | undefined) => c !== undefined && (isAsciiLetter(c) || FRENCH_LETTERS.has(c));

/** Counts how French the non-ASCII characters of a decoded text look. */
export function frenchPlausibility(text: string): { plausible: number; implausible: number } {
	let plausible = 0;
	let implausible = 0;
	// By UTF-16 unit, not by spread characters: a 20 MB file is read without a 20-million-item array. Every
	// character the single-byte code pages produce is in the BMP.
	for (let i = 0; i < text.length; i++) {
		if (text.charCodeAt(i) < 0x80) continue;
		const c = text[i]!;
		const before = text[i - 1];
		const after = text[i + 1];
		if (FRENCH_LETTERS.has(c)) {
			// « pÔte » is â read as code page 850: an accented capital right after a small letter is not French.
			const upperAfterLower = FRENCH_UPPER.includes(c) && isLowerLetter(before);
			if (upperAfterLower) implausible++;
			else plausible++;
		} else if (FRENCH_SIGNS.has(c)) plausible++;
		else if (c === '\uFEFF' && i === 0) continue;
		else {
			implausible++;
			// A stray sign between two letters (« Cl‚mentel », « C½ur ») is the mark of a wrong code page.
			if (isLetter(before) && isLetter(after)) implausible++;
		}
	}
	return { plausible, implausible };
}

function decodeWith(bytes: Uint8Array, encoding: TextEncoding): string {
	if (encoding === 'utf-8') return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
	return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

function strictUtf8(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return null;
	}
}

const MAX_SAMPLES = 3;
const SAMPLE_LENGTH = 120;

/** Line ranges (as byte offsets) of the first lines that hold non-ASCII bytes: the same lines in every candidate. */
function sampleLines(bytes: Uint8Array): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	let start = 0;
	let accented = false;
	for (let i = 0; i <= bytes.length && ranges.length < MAX_SAMPLES; i++) {
		const b = bytes[i];
		if (i === bytes.length || b === 0x0a) {
			if (accented) ranges.push([start, i]);
			start = i + 1;
			accented = false;
		} else if (b! >= 0x80) accented = true;
	}
	return ranges;
}

const sampleOf = (line: string) => {
	const clean = line.replace(/\r$/, '');
	return clean.length > SAMPLE_LENGTH ? `${clean.slice(0, SAMPLE_LENGTH)}…` : clean;
};

/** chardet reads 4 MB a second: a sample is enough for the tie it breaks. */
const CHARDET_SAMPLE = 256 * 1024;

function chardetOrder(bytes: Uint8Array): string[] {
	try {
		return chardet.analyse(bytes.subarray(0, CHARDET_SAMPLE)).flatMap((m) => (CHARDET_NAMES[m.name] ? [CHARDET_NAMES[m.name]!] : []));
	} catch {
		return [];
	}
}

/**
 * Decodes a text file. Never throws, whatever the bytes. `chosen` is the editor's choice (page or
 * `--encoding`): it is used as it is, and the candidates are still returned so the page can show them.
 */
export function detectAndDecode(bytes: Uint8Array, chosen: TextEncoding | null = null): DetectedText {
	const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
	const body = utf8Bom ? bytes.subarray(3) : utf16 ? bytes.subarray(2) : bytes;
	const result = (text: string, encoding: TextEncoding, extra: Partial<DetectedText> = {}): DetectedText => ({
		text,
		encoding,
		bom: utf8Bom || utf16 !== null,
		doubtful: false,
		chosen: chosen !== null,
		candidates: [],
		...extra
	});

	if (utf16 && (chosen === null || chosen === utf16)) return result(decodeWith(body, utf16), utf16);
	const utf8 = strictUtf8(body);
	const candidates = utf8 === null ? rankSingleByte(body) : [];
	if (chosen) return result(decodeWith(body, chosen), chosen, { candidates });
	if (utf8 !== null) return result(utf8, 'utf-8');

	const best = candidates[0]!;
	const runnerUp = candidates[1];
	// Doubtful: the best reading still has characters no French text has, or another reading is as good.
	const doubtful =
		best.implausible > 0 ||
		best.plausible === 0 ||
		(runnerUp !== undefined && runnerUp.implausible === best.implausible && runnerUp.plausible === best.plausible);
	return result(decodeWith(body, best.encoding), best.encoding, { doubtful, candidates });
}

function rankSingleByte(bytes: Uint8Array): EncodingCandidate[] {
	const hints = chardetOrder(bytes);
	const rank = (e: string) => {
		const i = hints.indexOf(e);
		return i === -1 ? hints.length + SINGLE_BYTE.indexOf(e as (typeof SINGLE_BYTE)[number]) : i;
	};
	const lines = sampleLines(bytes);
	const seen = new Set<string>();
	return SINGLE_BYTE.flatMap((encoding): EncodingCandidate[] => {
		const text = decodeWith(bytes, encoding);
		// Without any of the eight bytes where they differ, ISO-8859-15 reads exactly as Windows-1252: one
		// reading, named after Excel's encoding, which is where such files come from.
		if (seen.has(text)) return [];
		seen.add(text);
		const score = frenchPlausibility(text);
		return [{ encoding, ...score, samples: lines.map(([from, to]) => sampleOf(decodeWith(bytes.subarray(from, to), encoding))) }];
	}).sort((a, b) => a.implausible - b.implausible || b.plausible - a.plausible || rank(a.encoding) - rank(b.encoding));
}

/** Reads the editor's choice from a form or a command line: a known name, whatever its case and spelling. */
export function encodingFromName(name: string | null | undefined): TextEncoding | null {
	if (!name) return null;
	const key = name.trim().toLowerCase().replace(/[\s_]/g, '-');
	const aliases: Record<string, TextEncoding> = {
		utf8: 'utf-8',
		'utf-8': 'utf-8',
		'windows-1252': 'windows-1252',
		cp1252: 'windows-1252',
		win1252: 'windows-1252',
		'iso-8859-15': 'iso-8859-15',
		latin9: 'iso-8859-15',
		'latin-9': 'iso-8859-15',
		cp850: 'cp850',
		ibm850: 'cp850',
		'dos-850': 'cp850',
		'utf-16le': 'utf-16le',
		'utf-16be': 'utf-16be'
	};
	return aliases[key] ?? null;
}
