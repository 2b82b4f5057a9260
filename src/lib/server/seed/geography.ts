import { booleanPointInPolygon } from '@turf/turf';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { AreaGeometry } from '$lib/geo/geometry';
import type { Db } from '../db';
import { territories } from '../db/schema';
import { Rng, WeightedTable } from './random';

export interface SeedCommune {
	code: string;
	name: string;
	departementCode: string;
	epciCode: string | null;
	population: number;
	lon: number;
	lat: number;
	postalCode: string | null;
	/** The commune's outline when known: a demo actor stays inside its commune (and so inside the région). */
	outline?: AreaGeometry | null;
}

export interface Located {
	lon: number;
	lat: number;
}

/** How actors of a category spread over the territory. */
export type Spread = 'urban' | 'spread' | 'rural';

const RURAL_MAX_POPULATION = 3500;

/** Communes with a centroid, read from the territories table (the seed never reads the JSON file). */
export function loadSeedCommunes(db: Db): SeedCommune[] {
	const rows = db
		.select({
			code: territories.code,
			name: territories.name,
			departementCode: territories.departementCode,
			epciCode: territories.epciCode,
			population: territories.population,
			postalCodes: territories.postalCodes,
			lon: territories.centroidLon,
			lat: territories.centroidLat,
			outline: territories.geometry
		})
		.from(territories)
		.where(and(eq(territories.kind, 'commune'), isNotNull(territories.centroidLon), isNotNull(territories.centroidLat)))
		.orderBy(territories.code)
		.all();
	return rows.map((r) => ({
		code: r.code,
		name: r.name,
		departementCode: r.departementCode ?? r.code.slice(0, 2),
		epciCode: r.epciCode,
		population: r.population ?? 100,
		lon: r.lon as number,
		lat: r.lat as number,
		postalCode: r.postalCodes[0] ?? null,
		outline: r.outline
	}));
}

export function loadDepartementNames(db: Db): Map<string, string> {
	const rows = db.select({ code: territories.code, name: territories.name }).from(territories).where(eq(territories.kind, 'departement')).all();
	return new Map(rows.map((r) => [r.code, r.name]));
}

export function distanceKm(a: Located, b: Located): number {
	const dx = (a.lon - b.lon) * 111.32 * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
	const dy = (a.lat - b.lat) * 110.57;
	return Math.sqrt(dx * dx + dy * dy);
}

/**
 * Where actors settle: a département first (weighted by population^0.7 so that the smaller ones
 * still get their share), then a commune inside it. Urban actors follow population, and the
 * EPCI of the largest commune (Clermont Auvergne Métropole in Auvergne) gets a boost; third-places
 * spread more evenly; rural third-places only go to small communes.
 */
export class Geography {
	readonly departements: string[];
	private readonly departementTable: WeightedTable<string>;
	private readonly tables = new Map<string, WeightedTable<SeedCommune>>();

	constructor(readonly communes: SeedCommune[]) {
		if (communes.length === 0) throw new Error('aucune commune');
		const byDepartement = new Map<string, SeedCommune[]>();
		for (const c of communes) {
			const list = byDepartement.get(c.departementCode) ?? [];
			list.push(c);
			byDepartement.set(c.departementCode, list);
		}
		this.departements = [...byDepartement.keys()].sort();
		const population = (list: SeedCommune[]) => list.reduce((s, c) => s + c.population, 0);
		this.departementTable = new WeightedTable(this.departements, (d) => Math.pow(population(byDepartement.get(d) ?? []), 0.7));

		const largest = communes.reduce((a, b) => (b.population > a.population ? b : a));
		const metroEpci = largest.epciCode;
		const weights: Record<Spread, (c: SeedCommune) => number> = {
			urban: (c) => c.population * (metroEpci && c.epciCode === metroEpci ? 2 : 1),
			spread: (c) => Math.pow(c.population, 0.45),
			rural: (c) => (c.population <= RURAL_MAX_POPULATION ? Math.pow(c.population, 0.3) : 0)
		};
		for (const [dep, list] of byDepartement) {
			for (const spread of Object.keys(weights) as Spread[]) {
				const table = new WeightedTable(list, weights[spread]);
				this.tables.set(`${dep}:${spread}`, table);
			}
		}
	}

	pickDepartement(rng: Rng): string {
		return this.departementTable.draw(rng);
	}

	pickCommune(rng: Rng, spread: Spread, departement = this.pickDepartement(rng)): SeedCommune {
		const table = this.tables.get(`${departement}:${spread}`) ?? this.tables.get(`${departement}:spread`);
		if (!table) throw new Error(`département ${departement} sans commune`);
		return table.draw(rng);
	}

	/**
	 * A point a few hundred metres to ~1.5 km from the commune centroid, inside its outline when known (drawn
	 * nearer the centre, with the same random draws, when it would fall across the border).
	 */
	jitter(rng: Rng, commune: SeedCommune, radiusDeg = 0.012): Located {
		const angle = rng.next() * 2 * Math.PI;
		const r = radiusDeg * Math.sqrt(rng.next());
		for (const shrink of [1, 0.5, 0.25, 0.125]) {
			const point = { lon: round6(commune.lon + r * shrink * Math.cos(angle) * 1.4), lat: round6(commune.lat + r * shrink * Math.sin(angle)) };
			if (!commune.outline || booleanPointInPolygon([point.lon, point.lat], commune.outline)) return point;
		}
		return { lon: commune.lon, lat: commune.lat };
	}
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Picks among candidates with a weight falling with distance (e^-(d/scaleKm)²),
 * times each candidate's own weight. Large lists are sampled first so the cost stays bounded.
 */
export function pickNear<T extends Located>(
	rng: Rng,
	from: Located,
	candidates: readonly T[],
	options: { scaleKm?: number; weight?: (c: T) => number; exclude?: (c: T) => boolean; sampleSize?: number } = {}
): T | undefined {
	const { scaleKm = 25, weight, exclude, sampleSize = 160 } = options;
	let pool: readonly T[] = candidates;
	if (candidates.length > sampleSize) {
		const sampled: T[] = [];
		for (let i = 0; i < sampleSize; i++) sampled.push(candidates[Math.floor(rng.next() * candidates.length)] as T);
		pool = sampled;
	}
	const weights = pool.map((c) => {
		if (exclude?.(c)) return 0;
		const d = distanceKm(from, c) / scaleKm;
		// Gaussian kernel, so sparse areas do not draw from far away; the floor keeps a pick possible.
		return (weight ? weight(c) : 1) * (Math.exp(-d * d) + 1e-9);
	});
	if (!weights.some((w) => w > 0)) return undefined;
	return pool[rng.weightedIndex(weights)];
}
