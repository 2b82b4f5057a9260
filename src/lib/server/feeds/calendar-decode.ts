/**
 * Bytes of a downloaded calendar to text. RFC 5545 says UTF-8, but exports from older tools (town hall
 * software, Outlook 2007, hand-made files saved on Windows) are windows-1252 with no charset said anywhere.
 */
import iconv from 'iconv-lite';

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Joins folded lines on the bytes, before decoding: folding at 75 octets may cut a UTF-8 character in two, and
 * RFC 5545 (3.1) asks readers to restore the sequence; decoded first, the halves would look like bad UTF-8.
 */
export function unfoldBytes(bytes: Uint8Array): Uint8Array {
	const out = new Uint8Array(bytes.length);
	let length = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b === CR && bytes[i + 1] === LF && (bytes[i + 2] === SPACE || bytes[i + 2] === TAB)) {
			i += 2;
			continue;
		}
		if (b === LF && (bytes[i + 1] === SPACE || bytes[i + 1] === TAB)) {
			i += 1;
			continue;
		}
		out[length++] = b as number;
	}
	return out.subarray(0, length);
}

/**
 * UTF-8 when the bytes are valid UTF-8 (a byte order mark is dropped); otherwise the charset the server declared,
 * if it is not UTF-8 and the runtime knows it; otherwise windows-1252, what unlabelled non-UTF-8 exports are.
 */
export function decodeCalendarBytes(bytes: Uint8Array, declaredCharset?: string | null): string {
	// UTF-16 (rare, some Windows exports) is told by its byte order mark; its bytes must not be unfolded as octets.
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
	const unfolded = unfoldBytes(bytes);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(unfolded);
	} catch {
		// iconv-lite rather than TextDecoder: Node 20's TextDecoder reads windows-1252 as latin-1, turning « € » and
		// « – » (0x80, 0x96) into control characters.
		return iconv.decode(Buffer.from(unfolded.buffer, unfolded.byteOffset, unfolded.byteLength), fallbackCharset(declaredCharset));
	}
}

function fallbackCharset(declared: string | null | undefined): string {
	const label = declared?.trim().toLowerCase();
	if (!label || label === 'utf-8' || label === 'utf8' || !iconv.encodingExists(label)) return 'windows-1252';
	// Servers say « iso-8859-1 » for windows-1252 files, as browsers assume (WHATWG Encoding).
	return label === 'iso-8859-1' || label === 'latin1' || label === 'us-ascii' ? 'windows-1252' : label;
}

/** The `charset` parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | undefined): string | null {
	return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1] ?? null;
}
