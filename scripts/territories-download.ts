/**
 * Downloads official commune contours for the configured départements (CARTO_DEPARTEMENTS) from
 * geo.api.gouv.fr (or CARTO_GEO_API_URL).
 * Usage: npm run territories:download [-- --out <dossier>] [--import]
 *   --out     destination folder (default data/contours, not committed)
 *   --import  then imports them into DATABASE_URL (default data/carto.db)
 */
import { openDb } from '$lib/server/db';
import { territoryScope } from '$lib/server/config';
import { downloadContours, geoApiBaseUrl } from '$lib/server/territories/download-contours';
import { formatImportReport, importContours } from '$lib/server/territories/import-contours';

function argValue(flag: string): string | undefined {
	const i = process.argv.indexOf(flag);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
	const { departements } = territoryScope();
	const outDir = argValue('--out') ?? 'data/contours';
	const baseUrl = geoApiBaseUrl();
	console.log(`Téléchargement des contours communaux (${departements.join(', ')}) depuis ${baseUrl}…`);
	const files = await downloadContours({ departements, outDir, baseUrl });
	for (const f of files) console.log(`  ${f.path} : ${f.features} communes`);
	if (process.argv.includes('--import')) {
		const db = openDb();
		console.log(
			formatImportReport(
				importContours(
					db,
					files.map((f) => f.path)
				)
			)
		);
		db.$client.close();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
});
