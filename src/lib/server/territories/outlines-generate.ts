import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { like } from 'drizzle-orm';
import { topology } from 'topojson-server';
import { openDb } from '$lib/server/db';
import { territories } from '$lib/server/db/schema';
import { countOf, formatNumber } from '$lib/domain/french/typography';
import { OUTLINES_ATTRIBUTION } from '$lib/geo/attribution';
import { OUTLINE_LEVELS, decodeGeometry, pointOnSurface, type OutlineLevel, type OutlineProperties, type OutlinesTopology } from './embedded-outlines';
import { foldAccents } from '$lib/domain/fold';
import { importContours, listContourFiles, type ContoursImportReport } from './import-contours';
import { DEFAULT_TERRITORIES_FILE, IMPORTED_GEOMETRY_PREFIX } from './territory-data';
import { loadTerritories } from './territory-loader';

/**
 * Builds the embedded outlines from the official contour files with the project's own importer: the
 * defaults go into a scratch database, `importContours` matches, repairs, simplifies (communes ~50 m,
 * EPCI and départements ~100 m), attaches former communes and dissolves EPCI from their current members;
 * what it stored is then encoded as TopoJSON (shared borders stored once) quantised to about 3 m.
 * Deterministic: the same inputs give the same bytes.
 */

/** 10⁵ steps over the scope's extent (about 4° × 3°): about 3 m, finer than the 50 m simplification. */
const QUANTIZATION = 1e5;
const LEVEL_OF_KIND = { commune: 'communes', epci: 'epci', departement: 'departements' } as const;

export interface GeneratedOutlines {
	topology: OutlinesTopology;
	/** The file's bytes. */
	text: string;
	report: ContoursImportReport;
	counts: Record<OutlineLevel, number>;
}

export function generateOutlines(contoursDir: string, territoriesFile = DEFAULT_TERRITORIES_FILE): GeneratedOutlines {
	const dir = mkdtempSync(join(tmpdir(), 'carto-outlines-'));
	const db = openDb(join(dir, 'outlines.db'));
	try {
		loadTerritories(db, territoriesFile, { outlines: false });
		const report = importContours(db, [contoursDir], { territoriesFile });
		const rows = db
			.select({ code: territories.code, kind: territories.kind, geometry: territories.geometry })
			.from(territories)
			.where(like(territories.geometrySource, `${IMPORTED_GEOMETRY_PREFIX}%`))
			.all()
			.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
		const collections = Object.fromEntries(
			OUTLINE_LEVELS.map((level) => [level, { type: 'FeatureCollection' as const, features: [] as GeoJSON.Feature[] }])
		) as Record<OutlineLevel, GeoJSON.FeatureCollection>;
		for (const r of rows) {
			const level = LEVEL_OF_KIND[r.kind as keyof typeof LEVEL_OF_KIND];
			if (!level || !r.geometry) continue;
			collections[level].features.push({ type: 'Feature', id: r.code, properties: {}, geometry: r.geometry });
		}
		const topo = topology(collections, QUANTIZATION) as unknown as OutlinesTopology;
		// The point is computed on the outline as decoded from the file: it is inside what the app stores.
		for (const level of OUTLINE_LEVELS) {
			for (const g of topo.objects[level].geometries) {
				const decoded = decodeGeometry(topo, g);
				if (!decoded) throw new Error(`Contour ${String(g.id)} vide après encodage`);
				(g as { properties?: OutlineProperties }).properties = { p: pointOnSurface(decoded) };
			}
		}
		const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
		const file: OutlinesTopology = {
			...topo,
			attribution: OUTLINES_ATTRIBUTION,
			missing: report.communesWithoutContour.map(({ code, name }) => ({ code, name })).sort(byCode),
			merged: report.attached.map(({ code, name, currentCode, currentName }) => ({ code, name, currentCode, currentName })).sort(byCode),
			unmatched: report.unmatched.map(({ code, name }) => ({ code: code ?? '', name })).sort(byCode),
			renamed: []
		};
		const currentName = new Map(
			db
				.select({ code: territories.code, name: territories.name })
				.from(territories)
				.all()
				.map((r) => [r.code, r.name])
		);
		const mergedInto = new Set(report.attached.map((a) => a.currentCode));
		file.renamed = namesIn2018(contoursDir)
			.filter((f) => currentName.has(f.code) && !mergedInto.has(f.code) && !sameCommune(f.name, currentName.get(f.code)!))
			.map((f) => ({ code: f.code, name2018: f.name, name: currentName.get(f.code)! }))
			.sort(byCode);
		const counts = Object.fromEntries(OUTLINE_LEVELS.map((l) => [l, file.objects[l].geometries.length])) as Record<OutlineLevel, number>;
		return { topology: file, text: `${JSON.stringify(file)}\n`, report, counts };
	} finally {
		db.$client.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Names compared as words, without the article the 2018 files drop (« Bourboule »), a suffix added since counting as the same. */
const nameWords = (name: string) =>
	foldAccents(name)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.replace(/^(le|la|les|l) /, '');
const sameCommune = (name2018: string, name: string) => {
	const [a, b] = [nameWords(name2018), nameWords(name)];
	return a === b || b.startsWith(`${a} `);
};

/** Code and name of every feature of the official files (to say which 2018 outline carried another name). */
function namesIn2018(contoursDir: string): { code: string; name: string }[] {
	const out: { code: string; name: string }[] = [];
	for (const path of listContourFiles([contoursDir])) {
		const json = JSON.parse(readFileSync(path, 'utf8')) as { features?: { properties?: { code?: unknown; nom?: unknown } }[] };
		for (const f of json.features ?? []) {
			const { code, nom } = f.properties ?? {};
			if (typeof code === 'string' && typeof nom === 'string') out.push({ code, name: nom });
		}
	}
	return out;
}

export const README_START = '<!-- contours-embarques:debut (généré par npm run territories:outlines) -->';
export const README_END = '<!-- contours-embarques:fin -->';

/** The generated part of data/territories/README.md: what the file holds and which communes it lacks. */
export function outlinesReadmeSection(g: Pick<GeneratedOutlines, 'topology' | 'counts'>, bytes: number): string {
	const t = g.topology;
	const lines = [
		README_START,
		'',
		`\`outlines.topo.json\` (${formatNumber(Math.round(bytes / 1000))} ko) : ${countOf(g.counts.communes, 'commune')}, ` +
			`${countOf(g.counts.epci, 'EPCI', 'EPCI')} (fusion des communes membres actuelles) et ${countOf(g.counts.departements, 'département')}.`,
		'',
		`Source : ${t.attribution}.`,
		'',
		`Communes actuelles sans contour 2018 (${formatNumber(t.missing.length)}) : elles gardent leur point approché.`,
		'',
		...t.missing.map((c) => `- ${c.code} ${c.name}`),
		'',
		`Communes de 2018 fusionnées depuis (${formatNumber(t.merged.length)}) : leur contour est réuni à celui de la commune actuelle.`,
		'',
		...t.merged.map((m) => `- ${m.code} ${m.name ?? ''} → ${m.currentCode} ${m.currentName}`),
		'',
		`Communes dont le contour 2018 portait un autre nom (${formatNumber(t.renamed.length)}) : orthographe ou découpage différents, à vérifier.`,
		'',
		...t.renamed.map((r) => `- ${r.code} ${r.name} : contour 2018 de « ${r.name2018} »`),
		'',
		`Codes de 2018 sans commune actuelle connue (${formatNumber(t.unmatched.length)}) : ignorés.`,
		'',
		...t.unmatched.map((u) => `- ${u.code} ${u.name ?? ''}`),
		'',
		README_END
	];
	return lines.join('\n');
}

/** Replaces (or appends) the generated part of the README. */
export function withOutlinesSection(readme: string, section: string): string {
	const start = readme.indexOf(README_START);
	const end = readme.indexOf(README_END);
	if (start >= 0 && end > start) return readme.slice(0, start) + section + readme.slice(end + README_END.length);
	return `${readme.trimEnd()}\n\n${section}\n`;
}
