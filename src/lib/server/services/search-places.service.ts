import { sql } from 'drizzle-orm';
import { foldAccents } from '$lib/domain/fold';
import { categoryTerms, territoryKindLabels, type TerritoryKind } from '$lib/domain/vocabulary';
import type { ShownDistance } from '$lib/geo/distance-precision';
import type { Db } from '../db';
import { wordsOf } from '../search/stems';
import { nearby, nearbyParamsSchema } from './map.service';
import { NotFoundError } from './errors';
import { RevisionCache } from '../cache/revision-cache';
import { filterRevisions } from '../repos/entity.repo';

/** What a search for a place shows: the territory, its actors, and (a commune) the nearest within 10 km. */
export interface PlaceHit {
	code: string;
	kind: TerritoryKind;
	kindLabel: string;
	name: string;
	departementName: string | null;
	/** Public actors located in the territory. */
	inside: number;
	near: { radiusKm: number; total: number; items: NearItem[] } | null;
	/** The query's other words when it names the place among them (« coworking » for « coworking thiers »). */
	rest: string | null;
}

/**
 * An actor found near a place. The page re-says the category and the distance in its own language from
 * `category` and `reach` (the French `categoryLabel` and `distance` are what the map's service wrote).
 */
export interface NearItem {
	slug: string;
	name: string;
	category: string;
	categoryLabel: string;
	distance: string;
	reach: Pick<ShownDistance, 'kind' | 'km'>;
}

/** The nearby listings carry the category's French label only: its code, to name it in English. */
const categoryByLabel = new Map(categoryTerms.map((t) => [t.label, t.code]));

function nearItem(i: { slug: string; name: string; categoryLabel: string; distance: ShownDistance }): NearItem {
	return {
		slug: i.slug,
		name: i.name,
		category: categoryByLabel.get(i.categoryLabel) ?? i.categoryLabel,
		categoryLabel: i.categoryLabel,
		distance: i.distance.text,
		reach: { kind: i.distance.kind, km: i.distance.km }
	};
}

export const NEAR_KM = 10;
const PLACES_SHOWN = 3;

interface Place {
	code: string;
	kind: TerritoryKind;
	name: string;
	words: string[];
	departementCode: string | null;
	population: number;
}

const placesByDb = new WeakMap<Db, { count: number; places: Place[] }>();

function placesOf(db: Db): Place[] {
	const count = db.get<{ n: number }>(sql`select count(*) as n from territories`)?.n ?? 0;
	const cached = placesByDb.get(db);
	if (cached?.count === count) return cached.places;
	const rows = db.all<Omit<Place, 'words'>>(sql`
		select code, kind, name, departement_code as departementCode, coalesce(population, 0) as population
		from territories where kind in ('commune', 'epci', 'departement')`);
	const places = rows.map((r) => ({ ...r, words: wordsOf(foldAccents(r.name)) }));
	placesByDb.set(db, { count, places });
	return places;
}

const contains = (haystack: string[], needle: string[]) => needle.length > 0 && haystack.some((_, i) => needle.every((w, j) => haystack[i + j] === w));

/**
 * How well a territory's name answers the query's words: 3 the whole query, 2 the name inside the query
 * (« coworking thiers »), 1 the query starting the name (« clermont » for Clermont-Ferrand); 0 otherwise.
 */
export function placeScore(placeWords: string[], queryWords: string[]): number {
	if (placeWords.join(' ') === queryWords.join(' ')) return 3;
	if (contains(queryWords, placeWords) && placeWords.join('').length >= 4) return 2;
	const joined = queryWords.join(' ');
	if (joined.length >= 5 && placeWords.join(' ').startsWith(`${joined} `)) return 1;
	return 0;
}

const KIND_ORDER: Record<string, number> = { commune: 0, epci: 1, departement: 2 };

/** The territories a query names (at most three), best first, with their actors. */
export function searchPlaces(db: Db, q: string): PlaceHit[] {
	const words = wordsOf(foldAccents(q));
	if (words.length === 0) return [];
	const places = placesOf(db);
	const departements = new Map(places.filter((p) => p.kind === 'departement').map((p) => [p.code, p.name]));
	return places
		.map((place) => ({ place, score: placeScore(place.words, words) }))
		.filter((p) => p.score > 0)
		.sort((a, b) => b.score - a.score || KIND_ORDER[a.place.kind]! - KIND_ORDER[b.place.kind]! || b.place.population - a.place.population)
		.slice(0, PLACES_SHOWN)
		.map(({ place, score }) => ({
			code: place.code,
			kind: place.kind,
			kindLabel: territoryKindLabels[place.kind],
			name: place.name,
			departementName: place.kind === 'departement' ? null : (departements.get(place.departementCode ?? '') ?? null),
			...figuresOf(db, place),
			rest: score === 2 ? restOf(words, place.words) : null
		}));
}

/** The query's words without the place's (the first time they appear in a row). */
function restOf(queryWords: string[], placeWords: string[]): string | null {
	const at = queryWords.findIndex((_, i) => placeWords.every((w, j) => queryWords[i + j] === w));
	const rest = [...queryWords.slice(0, at), ...queryWords.slice(at + placeWords.length)];
	return rest.length ? rest.join(' ') : null;
}

/**
 * What the rest of the query finds around a commune the query names, nearest first (« coworking thiers »
 * when Thiers itself has no coworking space): `found` are the ids the rest of the query finds.
 */
export function foundAround(db: Db, commune: string, found: Set<number>, exclude: Set<number>, radiusKm = AROUND_KM) {
	try {
		const around = nearby(db, nearbyParamsSchema.parse({ commune, radiusKm }));
		const items = around.items.filter((i) => found.has(i.id) && !exclude.has(i.id));
		return {
			radiusKm,
			items: items.slice(0, 10).map((i) => ({ ...nearItem(i), communeName: i.communeName }))
		};
	} catch (e) {
		if (e instanceof NotFoundError) return null;
		throw e;
	}
}

export const AROUND_KM = 30;

type PlaceFigures = Pick<PlaceHit, 'inside' | 'near'>;

const figuresByDb = new WeakMap<Db, RevisionCache<PlaceFigures>>();

/**
 * A place's actors and nearest ones, kept per place until an actor's visibility, place or name moves
 * (graph_revision) or a territory changes (territory_revision). Counted for every search that names the place,
 * they held the server's thread 45–75 ms per /recherche at 10,000 actors under bench:load (issue 18). A
 * connection in a transaction counts its own: what it wrote may be rolled back.
 */
function figuresOf(db: Db, place: Place): PlaceFigures {
	const compute = () => ({ inside: actorsInside(db, place.code), near: place.kind === 'commune' ? nearest(db, place.code) : null });
	if (db.$client.inTransaction) return compute();
	let cache = figuresByDb.get(db);
	if (!cache) figuresByDb.set(db, (cache = new RevisionCache<PlaceFigures>({ entries: 2_000, bytes: Number.MAX_SAFE_INTEGER })));
	// Read before counting: a write in between leaves newer figures under the older revision, never the reverse.
	const r = filterRevisions(db);
	const revision = `${r.graph}.${r.territory}`;
	const hit = cache.get(place.code, revision);
	if (hit) return hit;
	const figures = compute();
	cache.set(place.code, revision, figures, 0);
	return figures;
}

function actorsInside(db: Db, code: string): number {
	return (
		db.get<{ n: number }>(sql`
			select count(*) as n from entities e join territories t on t.code = e.commune_code
			where e.deleted_at is null and e.status = 'published'
				and (t.code = ${code} or t.epci_code = ${code} or t.departement_code = ${code})`)?.n ?? 0
	);
}

function nearest(db: Db, commune: string): PlaceHit['near'] {
	try {
		const found = nearby(db, nearbyParamsSchema.parse({ commune, radiusKm: NEAR_KM }));
		return {
			radiusKm: NEAR_KM,
			total: found.total,
			items: found.items.slice(0, 5).map(nearItem)
		};
	} catch (e) {
		// A commune with no known position: its actors are still counted, there is no circle to draw.
		if (e instanceof NotFoundError) return null;
		throw e;
	}
}
