/**
 * `npm run db:seed [-- --scale 10000] [-- --seed 42] [-- --reset]`: fills the database with the fictional
 * demo ecosystem. Loads the default territories first if the table is empty. Refuses a database that
 * already holds actors unless --reset, which deletes every relation and then every entity.
 */
import { parseArgs } from 'node:util';
import { databasePath, openDb } from '../src/lib/server/db/index';
import { clearEcosystem, isDatabaseEmpty, seedDemo } from '../src/lib/server/seed/index';
import { loadTerritories, territoryCount } from '../src/lib/server/territories/territory-loader';

const { values } = parseArgs({
	// `npm run db:seed -- --scale 10000 -- --reset` passes a bare `--` along: ignore it.
	args: process.argv.slice(2).filter((a) => a !== '--'),
	options: {
		scale: { type: 'string' },
		seed: { type: 'string' },
		reset: { type: 'boolean', default: false }
	}
});

const toNumber = (name: string, raw: string | undefined): number | undefined => {
	if (raw === undefined) return undefined;
	const n = Number(raw);
	if (!Number.isInteger(n) || n <= 0) {
		console.error(`--${name} attend un entier positif (reçu « ${raw} »).`);
		process.exit(2);
	}
	return n;
};
const scale = toNumber('scale', values.scale);
const seed = toNumber('seed', values.seed);

const path = databasePath();
const db = openDb(path);
try {
	if (territoryCount(db) === 0) {
		const { inserted } = loadTerritories(db);
		console.log(`Territoires chargés : ${inserted}.`);
	}
	if (!isDatabaseEmpty(db)) {
		if (!values.reset) {
			console.error(`La base ${path} contient déjà des acteurs : relancez avec --reset pour les effacer et générer la démo.`);
			process.exitCode = 1;
		} else {
			const removed = clearEcosystem(db);
			console.log(`Base vidée : ${removed.entities} acteurs et ${removed.relations} relations supprimés.`);
		}
	}
	if (process.exitCode !== 1) {
		const result = seedDemo(db, { scale, seed });
		console.log(`Démo générée dans ${path} : ${result.entities} acteurs, ${result.relations} relations, en ${(result.ms / 1000).toFixed(2)} s.`);
	}
} finally {
	db.$client.close();
}
