/**
 * Imports official contours (GeoJSON) into the territories table.
 * Usage: npm run territories:import -- <dossier|fichiers…>   (base : DATABASE_URL, par défaut data/carto.db)
 */
import { openDb } from '$lib/server/db';
import { formatImportReport, importContours } from '$lib/server/territories/import-contours';

const inputs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (inputs.length === 0) {
	console.error('Usage : npm run territories:import -- <dossier|fichiers.geojson…>');
	process.exit(1);
}

try {
	const db = openDb();
	const report = importContours(db, inputs);
	console.log(formatImportReport(report));
	db.$client.close();
} catch (error) {
	console.error(`Échec de l'import des contours : ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
}
