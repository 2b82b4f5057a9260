import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import { communeCentreAccuracy } from '$lib/geo/distance-precision';
import { normalizePlaceName, placeNameCore } from '$lib/geo/place-name';
import type { ImportCommune, PlaceLookup } from '$lib/import/place-lookup';
import type { Db } from '../db';
import { territoryScope } from '../config';
import { communesForImport, departementShapes } from '../repos/import.repo';
import { filterRevisions } from '../repos/entity.repo';
import { communeLocator, type CommuneLocator } from './commune-outlines';

/** Without outlines, a point counts as inside when it is this close to some commune's centre. */
const NEAR_A_COMMUNE_KM = 20;
/** How far outside a simplified département outline a point still counts as inside (simplification error). */
const BORDER_TOLERANCE_KM = 0.5;

const kept = new WeakMap<Db, { key: string; lookup: PlaceLookup }>();

/**
 * The territories loaded once, answering the row reader's questions in memory; kept per connection until a
 * territory changes (`territory_revision`, moved by every write to the table, migration 0023). Rebuilt for every
 * file, it held the server's thread 50–130 ms per import analysis at 10,000 actors under bench:load (issue 18), and
 * the communes' outlines, read for the first point without a commune, were parsed again each time. A connection in
 * a transaction builds its own: what it wrote may be rolled back.
 */
export function placeLookup(db: Db): PlaceLookup {
	if (db.$client.inTransaction) return buildPlaceLookup(db);
	const key = `${filterRevisions(db).territory} ${territoryScope().departements.join(',')}`;
	const hit = kept.get(db);
	if (hit?.key === key) return hit.lookup;
	const lookup = buildPlaceLookup(db);
	kept.set(db, { key, lookup });
	return lookup;
}

function buildPlaceLookup(db: Db): PlaceLookup {
	const communes: ImportCommune[] = communesForImport(db).map((c) => ({
		code: c.code,
		name: c.name,
		departementCode: c.departementCode,
		postalCodes: c.postalCodes,
		centroid: c.centroidLon !== null && c.centroidLat !== null ? [c.centroidLon, c.centroidLat] : null,
		centroidAccuracy: communeCentreAccuracy(c.centroidPrecision)
	}));
	const byCode = new Map(communes.map((c) => [c.code, c]));
	const byName = new Map<string, ImportCommune[]>();
	for (const c of communes) {
		const key = normalizePlaceName(c.name);
		byName.set(key, [...(byName.get(key) ?? []), c]);
	}
	const named = (name: string) => byName.get(normalizePlaceName(name)) ?? [];
	const byCore = groupBy(communes, (c) => [placeNameCore(c.name)]);
	const byPostcode = groupBy(communes, (c) => c.postalCodes);
	const scope = new Set(territoryScope().departements);
	// The outlines are read only when a row needs them (a point without a commune).
	let locator: CommuneLocator | null = null;
	return {
		communeByCode: (code) => byCode.get(code),
		// Lists sorted by name write « Puy-en-Velay (Le) » for « Le Puy-en-Velay ».
		communesByName: (name) => {
			const found = named(name);
			const article = /^(.+?)\s*\((le|la|les|l['’])\)\s*$/i.exec(name.trim());
			return found.length || !article ? found : named(`${article[2]} ${article[1]}`);
		},
		communesByCore: (core) => byCore.get(core) ?? [],
		communesByPostcode: (postcode) => byPostcode.get(postcode) ?? [],
		communeAt: (lon, lat) => {
			locator ??= communeLocator(db);
			const code = locator.communeCodeAt(lon, lat);
			return code === undefined ? undefined : byCode.get(code);
		},
		outlineCount: () => (locator ??= communeLocator(db)).size,
		departementInScope: (code) => scope.has(code.toUpperCase()),
		inScope: scopeTest(db, communes)
	};
}

function groupBy<T>(items: T[], keys: (item: T) => string[]): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const item of items)
		for (const key of keys(item)) {
			const list = map.get(key);
			if (list) list.push(item);
			else map.set(key, [item]);
		}
	return map;
}

function scopeTest(db: Db, communes: ImportCommune[]): PlaceLookup['inScope'] {
	const shapes = departementShapes(db).filter((d) => d.geometry);
	if (shapes.length > 0) {
		const inBox = (d: (typeof shapes)[number], lon: number, lat: number, margin = 0) => {
			const [minLon, minLat, maxLon, maxLat] = d.bbox ?? [-180, -90, 180, 90];
			return lon >= minLon - margin && lon <= maxLon + margin && lat >= minLat - margin && lat <= maxLat + margin;
		};
		return (lon, lat) =>
			shapes.some((d) => inBox(d, lon, lat) && booleanPointInPolygon([lon, lat], d.geometry!)) ||
			// Simplified separately, two départements' borders leave thin gaps between them (a point of Leyvaux,
			// on the Cantal–Haute-Loire line, fell in one): a point within a few hundred metres of an outline is in.
			shapes.some((d) => inBox(d, lon, lat, 0.01) && pointToPolygonDistance([lon, lat], d.geometry!, { units: 'kilometers' }) <= BORDER_TOLERANCE_KM);
	}
	const centres = communes.flatMap((c) => (c.centroid ? [c.centroid] : []));
	if (centres.length === 0) return () => true;
	// One degree of latitude is 111 km; longitude degrees shrink with the cosine of the latitude.
	const dLat = NEAR_A_COMMUNE_KM / 111;
	return (lon, lat) => {
		const dLon = dLat / Math.max(0.2, Math.cos((lat * Math.PI) / 180));
		return centres.some(([x, y]) => Math.abs(x - lon) <= dLon && Math.abs(y - lat) <= dLat && ((x - lon) / dLon) ** 2 + ((y - lat) / dLat) ** 2 <= 1);
	};
}
