/**
 * Regenerates data/territories/outlines.topo.json (the embedded official outlines) and the generated part
 * of data/territories/README.md, from the IGN ADMIN EXPRESS COG files of CARTO_OFFICIAL_CONTOURS_DIR
 * (or the folder given as argument). No network. Usage: npm run territories:outlines [-- <dossier>]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countOf, formatNumber } from '$lib/domain/french/typography';
import { EMBEDDED_OUTLINES_FILE } from '$lib/server/territories/embedded-outlines';
import { generateOutlines, outlinesReadmeSection, withOutlinesSection } from '$lib/server/territories/outlines-generate';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? process.env.CARTO_OFFICIAL_CONTOURS_DIR;
if (!dir) {
	console.error('Usage : npm run territories:outlines -- <dossier des contours IGN> (ou CARTO_OFFICIAL_CONTOURS_DIR)');
	process.exit(2);
}

try {
	const g = generateOutlines(dir);
	writeFileSync(EMBEDDED_OUTLINES_FILE, g.text);
	const bytes = Buffer.byteLength(g.text);
	const readmePath = join('data/territories', 'README.md');
	writeFileSync(readmePath, withOutlinesSection(readFileSync(readmePath, 'utf8'), outlinesReadmeSection(g, bytes)));
	console.log(
		`Contours écrits dans ${EMBEDDED_OUTLINES_FILE} (${formatNumber(Math.round(bytes / 1000))} ko) : ${countOf(g.counts.communes, 'commune')}, ` +
			`${countOf(g.counts.epci, 'EPCI', 'EPCI')}, ${countOf(g.counts.departements, 'département')} ; sans contour : ${g.topology.missing.map((c) => `${c.code} ${c.name}`).join(', ') || 'aucune'}.`
	);
} catch (error) {
	console.error(`Échec de la génération des contours : ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
}
