/**
 * Geocoding with France's Base Adresse Nationale (api-adresse.data.gouv.fr).
 *
 * Offline-safe by design: `geocode` never throws; every problem (HTTP error, network error, timeout,
 * malformed answer) becomes `{ status: 'failed', reason }` with a French reason, and `geocodeMany`
 * stops asking after a few consecutive failures (circuit breaker) so an import without network does
 * not wait for hundreds of timeouts.
 *
 * Endpoint: `GET {baseUrl}/search/?q=<address>&limit=1[&citycode=<INSEE>|&postcode=<CP>]`, answering a
 * GeoJSON FeatureCollection whose features carry `geometry.coordinates` [lon, lat] and `properties`
 * { label, score, type, citycode, postcode, city, … }.
 */
import { z } from 'zod';

export interface GeocodeQuery {
	address: string;
	citycode?: string | null;
	postcode?: string | null;
}

export interface GeocodeHit {
	lon: number;
	lat: number;
	/** housenumber/street/locality → 'address', municipality → 'commune' */
	precision: 'address' | 'commune';
	banType: 'housenumber' | 'street' | 'locality' | 'municipality';
	score: number;
	citycode: string;
	label: string;
}

export type GeocodeOutcome = { status: 'found'; hit: GeocodeHit } | { status: 'not_found' } | { status: 'failed'; reason: string };

export interface Geocoder {
	readonly enabled: boolean;
	geocode(q: GeocodeQuery, signal?: AbortSignal): Promise<GeocodeOutcome>;
}

export interface BanGeocoderOptions {
	/** e.g. https://api-adresse.data.gouv.fr (no trailing /search). */
	baseUrl: string;
	timeoutMs: number;
	/** Results scoring below this are `not_found` (default 0.5). */
	minScore?: number;
	/** Injected for tests; defaults to Node's global fetch. */
	fetch?: typeof fetch;
}

export const DEFAULT_MIN_SCORE = 0.5;
export const DEFAULT_CONCURRENCY = 6;
/** Consecutive failures after which geocodeMany stops asking. */
export const CIRCUIT_BREAKER_THRESHOLD = 3;

export const REASON_DISABLED = 'géocodage désactivé';
export const REASON_UNAVAILABLE = 'service de géocodage indisponible';

/** BAN refuses q shorter than 3 or longer than 200 characters, or not starting with a letter or digit. */
const MIN_QUERY_LENGTH = 3;
const MAX_QUERY_LENGTH = 200;

const BAN_TYPES = ['housenumber', 'street', 'locality', 'municipality'] as const;

const featureSchema = z.object({
	geometry: z.object({
		coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], z.number())
	}),
	properties: z.object({
		label: z.string(),
		score: z.number(),
		type: z.enum(BAN_TYPES),
		citycode: z.string()
	})
});

/** Only the envelope is checked here; the first feature is checked with featureSchema. */
const collectionSchema = z.object({ features: z.array(z.unknown()) });

function normalizeSpaces(s: string): string {
	return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function cleanCode(code: string | null | undefined): string {
	return (code ?? '').trim().toUpperCase();
}

/** The text actually sent as `q`: starts with a letter or digit, at most 200 characters (cut at a word). */
function queryText(address: string): string {
	let text = normalizeSpaces(address).replace(/^[^\p{L}\p{N}]+/u, '');
	if (text.length > MAX_QUERY_LENGTH) {
		const cut = text.slice(0, MAX_QUERY_LENGTH);
		const lastSpace = cut.lastIndexOf(' ');
		text = (lastSpace > MIN_QUERY_LENGTH ? cut.slice(0, lastSpace) : cut).trim();
	}
	return text;
}

/**
 * Identity of a query as the service sees it: same key ⇒ same answer. Case and spacing of the address
 * are ignored; the postcode only counts when no citycode is given (it is not sent otherwise).
 */
export function geocodeKey(q: GeocodeQuery): string {
	const citycode = cleanCode(q.citycode);
	const postcode = citycode ? '' : cleanCode(q.postcode);
	return `${citycode}|${postcode}|${queryText(q.address ?? '').toLowerCase()}`;
}

function describeCause(error: unknown): string {
	const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
	const code = cause && typeof cause.code === 'string' ? cause.code : undefined;
	return code ? ` (${code})` : '';
}

/** A geocoder querying the BAN search endpoint. */
export function banGeocoder(options: BanGeocoderOptions): Geocoder {
	const baseUrl = options.baseUrl.trim().replace(/\/+$/, '');
	const timeoutMs = options.timeoutMs;
	const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
	const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

	async function geocode(q: GeocodeQuery, signal?: AbortSignal): Promise<GeocodeOutcome> {
		try {
			const text = queryText(typeof q?.address === 'string' ? q.address : '');
			if (text.length < MIN_QUERY_LENGTH) return { status: 'not_found' };
			if (signal?.aborted) return { status: 'failed', reason: 'géocodage annulé' };

			const citycode = cleanCode(q.citycode);
			const postcode = cleanCode(q.postcode);
			const params = new URLSearchParams({ q: text, limit: '1' });
			if (citycode) params.set('citycode', citycode);
			else if (postcode) params.set('postcode', postcode);
			const url = `${baseUrl}/search/?${params.toString()}`;

			const controller = new AbortController();
			let timedOut = false;
			const timer = setTimeout(() => {
				timedOut = true;
				controller.abort();
			}, timeoutMs);
			const onExternalAbort = () => controller.abort();
			signal?.addEventListener('abort', onExternalAbort, { once: true });

			let status: number;
			let body: string;
			try {
				const response = await doFetch(url, {
					method: 'GET',
					headers: { accept: 'application/json' },
					signal: controller.signal
				});
				status = response.status;
				body = await response.text();
			} catch (error) {
				if (timedOut) return { status: 'failed', reason: `délai dépassé (${timeoutMs} ms)` };
				if (signal?.aborted) return { status: 'failed', reason: 'géocodage annulé' };
				return { status: 'failed', reason: `service injoignable${describeCause(error)}` };
			} finally {
				clearTimeout(timer);
				signal?.removeEventListener('abort', onExternalAbort);
			}

			if (status < 200 || status >= 300) {
				return { status: 'failed', reason: status === 429 ? 'réponse HTTP 429 (trop de requêtes)' : `réponse HTTP ${status}` };
			}

			let json: unknown;
			try {
				json = JSON.parse(body);
			} catch {
				return { status: 'failed', reason: 'réponse illisible (JSON invalide)' };
			}
			const collection = collectionSchema.safeParse(json);
			if (!collection.success) return { status: 'failed', reason: 'réponse inattendue du service' };
			const first = collection.data.features[0];
			if (first === undefined) return { status: 'not_found' };
			const feature = featureSchema.safeParse(first);
			if (!feature.success) return { status: 'failed', reason: 'réponse inattendue du service' };

			const [lon, lat] = feature.data.geometry.coordinates;
			const props = feature.data.properties;
			if (props.score < minScore) return { status: 'not_found' };
			if (citycode && props.citycode.toUpperCase() !== citycode) return { status: 'not_found' };
			return {
				status: 'found',
				hit: {
					lon,
					lat,
					precision: props.type === 'municipality' ? 'commune' : 'address',
					banType: props.type,
					score: props.score,
					citycode: props.citycode,
					label: props.label
				}
			};
		} catch (error) {
			// Defensive: nothing above should throw, but a geocoder must never crash an import.
			return { status: 'failed', reason: `erreur inattendue du géocodage${describeCause(error)}` };
		}
	}

	return { enabled: true, geocode };
}

/** Used when CARTO_GEOCODER_URL=off: never asks anything. */
export const disabledGeocoder: Geocoder = {
	enabled: false,
	geocode: async () => ({ status: 'failed', reason: REASON_DISABLED })
};

export interface GeocodeManyOptions {
	/** Simultaneous requests (default 6; the public API allows ~50 requests/s per IP). */
	concurrency?: number;
	/** Called after each answer; counts queries (rows), duplicates included, so `done` ends at `total`. */
	onProgress?: (done: number, total: number) => void;
}

/**
 * Geocodes a batch. Results come in the order of `queries`; identical queries (same geocodeKey) are asked
 * once. After CIRCUIT_BREAKER_THRESHOLD consecutive failures the remaining queries are not asked and answer
 * `failed` « service de géocodage indisponible »; requests still in flight are cancelled. Never throws.
 */
export async function geocodeMany(geocoder: Geocoder, queries: GeocodeQuery[], options: GeocodeManyOptions = {}): Promise<GeocodeOutcome[]> {
	const total = queries.length;
	const results: GeocodeOutcome[] = new Array<GeocodeOutcome>(total);
	let done = 0;
	const progress = (count: number) => {
		done += count;
		if (!options.onProgress) return;
		try {
			options.onProgress(done, total);
		} catch {
			// a failing progress callback must not stop the batch
		}
	};

	if (!geocoder.enabled) {
		for (let i = 0; i < total; i++) results[i] = { status: 'failed', reason: REASON_DISABLED };
		if (total > 0) progress(total);
		return results;
	}

	// Group row indexes by key, keeping first-seen order.
	const groups = new Map<string, { query: GeocodeQuery; indexes: number[] }>();
	queries.forEach((query, index) => {
		const key = geocodeKey(query);
		const group = groups.get(key);
		if (group) group.indexes.push(index);
		else groups.set(key, { query, indexes: [index] });
	});
	const unique = [...groups.values()];

	const requested = Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY);
	const concurrency = Math.max(1, Math.min(Number.isFinite(requested) ? requested : DEFAULT_CONCURRENCY, 20));
	const breaker = new AbortController();
	let consecutiveFailures = 0;
	let next = 0;

	const settle = (group: { indexes: number[] }, outcome: GeocodeOutcome) => {
		for (const i of group.indexes) results[i] = outcome;
		progress(group.indexes.length);
	};

	async function worker(): Promise<void> {
		while (next < unique.length) {
			const group = unique[next++];
			if (!group) break;
			if (breaker.signal.aborted) {
				settle(group, { status: 'failed', reason: REASON_UNAVAILABLE });
				continue;
			}
			let outcome: GeocodeOutcome;
			try {
				outcome = await geocoder.geocode(group.query, breaker.signal);
			} catch (error) {
				outcome = { status: 'failed', reason: `erreur inattendue du géocodage${describeCause(error)}` };
			}
			if (breaker.signal.aborted) {
				// Cancelled (or answered) after the breaker tripped: report the service as unavailable.
				if (outcome.status === 'failed') outcome = { status: 'failed', reason: REASON_UNAVAILABLE };
			} else if (outcome.status === 'failed') {
				consecutiveFailures++;
				if (consecutiveFailures >= CIRCUIT_BREAKER_THRESHOLD) breaker.abort();
			} else {
				consecutiveFailures = 0;
			}
			settle(group, outcome);
		}
	}

	await Promise.all(Array.from({ length: Math.min(concurrency, unique.length) }, () => worker()));
	return results;
}
