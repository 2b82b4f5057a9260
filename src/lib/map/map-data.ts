import { m } from '$lib/paraglide/messages';
import type { CompactPoint, MapList, MapListItem, TerritoryCollection } from './api-types';
import { kindsToShow, narrowByKind } from './narrow-points';
import { columnsToPoints, decodePoints } from './points-binary';

/**
 * A frozen récit's answers (issue 20): what the API said, by address, the day the récit was frozen. While a step
 * of such a récit is shown, its map and graph draw from them instead of asking (a published investigation does
 * not change under its reader). Null: ask the server, as everywhere else.
 */
let answerBook: Map<string, string> | null = null;
/** Binary answers (the points) are kept in base64 behind this mark (story-freeze.service.ts). */
const BASE64 = 'b64:';

export function useAnswerBook(answers: Record<string, string> | null): void {
	answerBook = answers ? new Map(Object.entries(answers)) : null;
}

/**
 * Answers asked ahead (a récit's next step, while the reader reads this one): each is used once, by the request
 * that would otherwise have waited for it. Today's data, kept a minute at most.
 */
const asked = new Map<string, { at: number; body: Promise<string | null> }>();
const AHEAD_MS = 60_000;

/** Asks these addresses now, so the step that needs them finds them here (failures are simply asked again later). */
export function askAhead(urls: string[]): void {
	const now = Date.now();
	for (const [url, a] of asked) if (now - a.at > AHEAD_MS) asked.delete(url);
	for (const url of urls) {
		if (asked.has(url) || answerBook?.has(url)) continue;
		const binary = url.startsWith('/api/v1/map/points.bin');
		const body = fetch(url, { headers: { accept: binary ? '*/*' : 'application/json' } }).then(
			async (res) => (res.ok ? (binary ? BASE64 + bytesToBase64(new Uint8Array(await res.arrayBuffer())) : await res.text()) : null),
			() => null
		);
		asked.set(url, { at: now, body });
	}
}

function bytesToBase64(bytes: Uint8Array): string {
	let text = '';
	for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(text);
}

/** An answer asked ahead, taken (once); undefined when none is waiting or it failed. */
async function takeAhead(url: string): Promise<string | undefined> {
	const a = asked.get(url);
	if (!a) return undefined;
	asked.delete(url);
	return (await a.body) ?? undefined;
}

const booked = (url: string): string | undefined => answerBook?.get(url);

/** Fetch JSON from our API; a message for the visitor when it fails (the API answers with {message}, in French). */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
	const kept = booked(url) ?? (await takeAhead(url));
	if (kept !== undefined) return JSON.parse(kept) as T;
	const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
	if (!res.ok) {
		const body = (await res.json().catch(() => null)) as { message?: string; issues?: string[] } | null;
		throw new Error(body?.issues?.length ? body.issues.join(' ; ') : (body?.message ?? m.map_error_status({ status: res.status })));
	}
	return (await res.json()) as T;
}

const withoutEmptyGeometry = (fc: TerritoryCollection): TerritoryCollection => ({ ...fc, features: fc.features.filter((f) => f.geometry) });

const territoryCache = new Map<string, Promise<TerritoryCollection>>();

/**
 * Territories of a kind, fetched once per page life: outlines where known (else their point), or only their
 * points (`'point'`: town labels and dots, a few tens of KB where the 1,283 commune outlines weigh 3 MB).
 */
export function territories(kind: 'departement' | 'epci' | 'commune', shape: 'outline' | 'point' = 'outline'): Promise<TerritoryCollection> {
	const key = `${kind}:${shape}`;
	let p = territoryCache.get(key);
	if (!p) {
		p = fetchJson<TerritoryCollection>(`/api/v1/territories?kind=${kind}${shape === 'point' ? '&geometry=point' : ''}`).then(withoutEmptyGeometry);
		p.catch(() => territoryCache.delete(key));
		territoryCache.set(key, p);
	}
	return p;
}

/** The address of a filtered set's points, in bytes (the pages preload the same address). */
export const pointsUrl = (filterKey: string) => `/api/v1/map/points.bin${filterKey ? `?${filterKey}` : ''}`;

/** The points of a filtered set: every located actor, the kinds their kind indices point into. */
export interface MapPointsData {
	kinds: string[];
	points: CompactPoint[];
}

/**
 * The points in bytes (issue 18: the JSON of 100,000 points weighs 3.1 MB and takes the browser long to parse;
 * these are 13 bytes a point, read as typed arrays). The count and the names come from the entities API.
 */
async function fetchPoints(filterKey: string): Promise<MapPointsData> {
	const kept = booked(pointsUrl(filterKey)) ?? (await takeAhead(pointsUrl(filterKey)));
	if (kept?.startsWith(BASE64)) {
		const columns = decodePoints(Uint8Array.from(atob(kept.slice(BASE64.length)), (c) => c.charCodeAt(0)).buffer);
		return { kinds: columns.kinds, points: columnsToPoints(columns) };
	}
	const res = await fetch(pointsUrl(filterKey));
	if (!res.ok) {
		const body = (await res.json().catch(() => null)) as { message?: string; issues?: string[] } | null;
		throw new Error(body?.issues?.length ? body.issues.join(' ; ') : (body?.message ?? m.map_error_status({ status: res.status })));
	}
	const columns = decodePoints(await res.arrayBuffer());
	return { kinds: columns.kinds, points: columnsToPoints(columns) };
}

/**
 * Points by filter key. The filter form starts the request before the URL changes, and the page's
 * effect picks up the same promise once the navigation lands: the two round trips overlap.
 */
const pointsCache = new Map<string, Promise<MapPointsData>>();
const answered = new Map<string, MapPointsData>();
export function mapPoints(filterKey: string): Promise<MapPointsData> {
	// A frozen answer is not today's: never kept beside them.
	if (booked(pointsUrl(filterKey)) !== undefined) return fetchPoints(filterKey);
	if (asked.has(pointsUrl(filterKey))) pointsCache.delete(filterKey);
	let p = pointsCache.get(filterKey);
	if (!p) {
		p = fetchPoints(filterKey);
		p.then(
			(body) => {
				answered.set(filterKey, body);
				if (answered.size > 6) answered.delete(answered.keys().next().value as string);
			},
			() => pointsCache.delete(filterKey)
		);
		pointsCache.set(filterKey, p);
		// Keep a few recent answers (back and forth between two filters is common), not all of them.
		if (pointsCache.size > 6) pointsCache.delete(pointsCache.keys().next().value as string);
	}
	return p;
}

/**
 * A kind change drawn from an answer already here: that answer's points (every kind), the kinds to show
 * and how many points that leaves; null when the filter needs new data. See kindsToShow.
 */
export function derivedPoints(filterKey: string): { source: string; points: CompactPoint[]; kinds: string[]; show: string[]; shown: number } | null {
	for (const [key, body] of [...answered].reverse()) {
		const show = kindsToShow(key, filterKey);
		if (show === null) continue;
		const shown = narrowByKind({ key, points: body.points, kinds: body.kinds }, filterKey)?.length ?? body.points.length;
		return { source: key, points: body.points, kinds: body.kinds, show, shown };
	}
	return null;
}

/** The address of a page of names (the map page preloads the first one). */
export function listUrl(filterKey: string, cursor?: string): string {
	const params = new URLSearchParams(filterKey);
	params.set('limit', '50');
	if (cursor) params.set('cursor', cursor);
	return `/api/v1/entities?${params}`;
}

/** A page of names of a filtered set, by name, from the entities API (`cursor`: where the last page stopped). */
export async function listPage(filterKey: string, cursor?: string): Promise<MapList> {
	const body = await fetchJson<{ items: MapListItem[]; total: number; next: string | null }>(listUrl(filterKey, cursor));
	const items = body.items.map(({ id, slug, name, kind, kindLabel, categoryLabel, communeName }) => ({
		id,
		slug,
		name,
		kind,
		kindLabel,
		categoryLabel,
		communeName
	}));
	return { items, total: body.total, next: body.next };
}

/** The count and the first 50 names of a filtered set, without its points. */
export async function listSummary(filterKey: string): Promise<{ key: string; total: number; list: MapList }> {
	const list = await listPage(filterKey);
	return { key: filterKey, total: list.total, list };
}
