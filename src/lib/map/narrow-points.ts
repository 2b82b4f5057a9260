import type { CompactPoint } from './api-types';

/** The key without its kind parameters, and those kinds. */
function splitKind(key: string): { rest: string; kinds: string[] } {
	const params = new URLSearchParams(key);
	const kinds = params.getAll('kind');
	params.delete('kind');
	return { rest: params.toString(), kinds };
}

/**
 * Points for `wanted` derived from an answer already received for `known`, when the two filters differ
 * only by kind and `known` had no kind filter: the browser can then redraw at once, with exactly the
 * set the server would send (kind is in every compact point), while the request for the count and the
 * list is still on its way. Null when the answer cannot be derived.
 */
export function narrowByKind(known: { key: string; points: CompactPoint[]; kinds: string[] }, wanted: string): CompactPoint[] | null {
	const show = kindsToShow(known.key, wanted);
	if (show === null) return null;
	if (show.length === 0) return known.points;
	const keep = new Set(show.map((k) => known.kinds.indexOf(k)));
	return known.points.filter((p) => keep.has(p[3]));
}

/**
 * When `wanted` differs from `known` only by kind (and `known` had no kind filter), the kinds to show
 * ([] = every kind): the map then keeps its clusters and only restyles them, no new data at all.
 * Null when `wanted` needs other data.
 */
export function kindsToShow(knownKey: string, wanted: string): string[] | null {
	const from = splitKind(knownKey);
	const to = splitKind(wanted);
	if (from.kinds.length > 0 || from.rest !== to.rest) return null;
	return to.kinds;
}
