import type { CompactPoint } from './api-types';

/**
 * The map's points as bytes (issue 18: at 100,000 actors the JSON answer weighs 3.1 MB and the browser spends
 * its time parsing it): columns of integers the browser reads as typed arrays, without parsing. 13 bytes a
 * point. Layout, little-endian:
 *
 *   'CPB1' | uint32 h | h bytes of UTF-8 JSON {"count","scale","kinds"}, padded with spaces to a multiple of 4
 *   | int32 id[count] | int32 lon[count] | int32 lat[count] | uint8 code[count]
 *
 * lon and lat are degrees × scale, rounded (scale 1e6: 0.11 m at most, far below what a map shows);
 * code is the kind's index in `kinds`, plus 128 when the position is only the commune's centre.
 */
export const POINTS_MAGIC = 'CPB1';
export const POINTS_SCALE = 1_000_000;
export const APPROX_BIT = 0x80;
export const POINTS_CONTENT_TYPE = 'application/vnd.connecteur-carto.points';

export interface PointColumns {
	count: number;
	scale: number;
	kinds: string[];
	ids: Int32Array;
	lon: Int32Array;
	lat: Int32Array;
	codes: Uint8Array;
}

// Typed arrays use the machine's byte order; every machine this runs on (x86, ARM) is little-endian.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function header(count: number, kinds: string[]): Uint8Array {
	const json = JSON.stringify({ count, scale: POINTS_SCALE, kinds });
	const text = json + ' '.repeat((4 - (new TextEncoder().encode(json).length % 4)) % 4);
	return new TextEncoder().encode(text);
}

/** Rows (id, position, kind index, approximate) as bytes. */
export function encodePoints(points: readonly CompactPoint[], kinds: readonly string[]): Uint8Array {
	if (!LITTLE_ENDIAN) throw new Error('points-binary: big-endian machines are not supported');
	const n = points.length;
	const head = header(n, [...kinds]);
	const start = 8 + head.length;
	const bytes = new Uint8Array(start + n * 13);
	bytes.set(new TextEncoder().encode(POINTS_MAGIC), 0);
	new DataView(bytes.buffer).setUint32(4, head.length, true);
	bytes.set(head, 8);
	const ids = new Int32Array(bytes.buffer, start, n);
	const lon = new Int32Array(bytes.buffer, start + 4 * n, n);
	const lat = new Int32Array(bytes.buffer, start + 8 * n, n);
	const codes = new Uint8Array(bytes.buffer, start + 12 * n, n);
	for (let i = 0; i < n; i++) {
		const [id, x, y, kind, approx] = points[i]!;
		ids[i] = id;
		lon[i] = Math.round(x * POINTS_SCALE);
		lat[i] = Math.round(y * POINTS_SCALE);
		codes[i] = (kind & 0x7f) | (approx ? APPROX_BIT : 0);
	}
	return bytes;
}

/** The columns of an answer, as views on its bytes (nothing copied). */
export function decodePoints(buffer: ArrayBuffer): PointColumns {
	if (!LITTLE_ENDIAN) throw new Error('points-binary: big-endian machines are not supported');
	const bytes = new Uint8Array(buffer);
	if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== POINTS_MAGIC) throw new Error('points-binary: not a points answer');
	const h = new DataView(buffer).getUint32(4, true);
	const { count, scale, kinds } = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + h))) as { count: number; scale: number; kinds: string[] };
	const start = 8 + h;
	if (bytes.length !== start + count * 13) throw new Error('points-binary: truncated answer');
	return {
		count,
		scale,
		kinds,
		ids: new Int32Array(buffer, start, count),
		lon: new Int32Array(buffer, start + 4 * count, count),
		lat: new Int32Array(buffer, start + 8 * count, count),
		codes: new Uint8Array(buffer, start + 12 * count, count)
	};
}

/** The columns as the compact tuples the map layers take (the JSON answer's `points`). */
export function columnsToPoints(c: PointColumns): CompactPoint[] {
	const points: CompactPoint[] = new Array(c.count);
	for (let i = 0; i < c.count; i++) {
		const code = c.codes[i]!;
		points[i] = [c.ids[i]!, c.lon[i]! / c.scale, c.lat[i]! / c.scale, code & 0x7f, code & APPROX_BIT ? 1 : 0];
	}
	return points;
}
