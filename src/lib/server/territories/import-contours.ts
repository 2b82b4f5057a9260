import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { eq } from 'drizzle-orm';
import { dissolvePolygons } from '$lib/geo/dissolve';
import { bboxOf, centroidOf, simplifyGeometry, type AreaGeometry } from '$lib/geo/geometry';
import { repairGeometry } from '$lib/geo/repair';
import type { Db } from '$lib/server/db';
import { territories, type TerritoryRow } from '$lib/server/db/schema';
import { countOf, de, formatNumber } from '$lib/domain/french/typography';
import { DEFAULT_TERRITORIES_FILE, IMPORTED_GEOMETRY_PREFIX } from './territory-data';
import { ensureTerritories, readTerritoryData } from './territory-loader';

/**
 * Official contours importer: reads GeoJSON (IGN ADMIN EXPRESS, geo.api.gouv.fr, etalab
 * contours-administratifs, france-geojson…), matches codes to the territories table, stores simplified
 * outlines with their centroid and bbox, then dissolves member communes into EPCI outlines (and into
 * département outlines when no département file was given). Bad features are reported, never fatal.
 * A feature carrying the code of a former commune (merged since into a « commune nouvelle », mapping
 * `formerCommunes` of the territories data file) is attached: its polygon is merged into the current commune's.
 */

export interface ImportIssue {
	code: string | null;
	name: string | null;
	file: string;
	reason: string;
}

export interface ContoursImportReport {
	files: string[];
	features: number;
	matched: { communes: number; departements: number };
	unmatched: ImportIssue[];
	/** Features of former communes whose polygon was merged into the current commune's outline. */
	attached: AttachedCommune[];
	repaired: ImportIssue[];
	skipped: ImportIssue[];
	epci: {
		built: number;
		/** EPCI with no outline after the import (no member commune has a contour). */
		missing: { code: string; name: string }[];
		/** EPCI built from only part of their members. */
		partial: { code: string; name: string; missingMembers: string[] }[];
	};
	departements: { fromFiles: number; dissolved: number };
	/** Communes of the table that still have no official contour. */
	communesWithoutContour: { code: string; name: string }[];
	durationMs: number;
}

export interface AttachedCommune {
	/** Former commune code and name, as in the file. */
	code: string;
	name: string | null;
	file: string;
	currentCode: string;
	currentName: string;
}

export interface ImportContoursOptions {
	/**
	 * Former commune code -> current commune code. Default: `formerCommunes` of the territories data file
	 * (`territoriesFile`, default data/territories/territories.json).
	 */
	formerCommunes?: Record<string, string>;
	territoriesFile?: string;
	/** Douglas-Peucker tolerance in degrees for commune outlines (default 0.0005, about 40-55 m). */
	communeTolerance?: number;
	/** Tolerance for EPCI and département outlines (default 0.001, about 80-110 m). */
	aggregateTolerance?: number;
}

const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;
const DEPARTEMENT_CODE = /^(\d{2}|2[AB]|97\d)$/;
const DISSOLVED = `${IMPORTED_GEOMETRY_PREFIX}dissolution`;
const DEPARTEMENT_COVERAGE = 0.95;

/** Expands directories into their .geojson/.json files (sorted); throws in French on a missing path. */
export function listContourFiles(inputs: string[]): string[] {
	const files: string[] = [];
	for (const input of inputs) {
		if (!existsSync(input)) throw new Error(`Chemin introuvable : ${input}`);
		if (statSync(input).isDirectory()) {
			files.push(
				...readdirSync(input)
					.filter((f) => /\.(geo)?json$/i.test(f))
					.sort()
					.map((f) => join(input, f))
			);
		} else files.push(input);
	}
	if (files.length === 0) throw new Error(`Aucun fichier GeoJSON trouvé dans : ${inputs.join(', ')}`);
	return files;
}

interface Candidate {
	code: string;
	name: string | null;
	file: string;
	geometry: AreaGeometry;
	simplified: AreaGeometry;
}

export function importContours(db: Db, inputs: string[], options: ImportContoursOptions = {}): ContoursImportReport {
	const started = performance.now();
	const communeTolerance = options.communeTolerance ?? 0.0005;
	const aggregateTolerance = options.aggregateTolerance ?? 0.001;
	const files = listContourFiles(inputs);
	const territoriesFile = options.territoriesFile ?? DEFAULT_TERRITORIES_FILE;
	ensureTerritories(db, territoriesFile);
	const formerCommunes = options.formerCommunes ?? readTerritoryData(territoriesFile).formerCommunes;

	const rows = db.select().from(territories).all();
	const byCode = new Map(rows.map((r) => [r.code, r]));
	const report: ContoursImportReport = {
		files: files.map((f) => basename(f)),
		features: 0,
		matched: { communes: 0, departements: 0 },
		unmatched: [],
		attached: [],
		repaired: [],
		skipped: [],
		epci: { built: 0, missing: [], partial: [] },
		departements: { fromFiles: 0, dissolved: 0 },
		communesWithoutContour: [],
		durationMs: 0
	};

	const candidates = new Map<string, Candidate>();
	/** Polygons of former communes, by current commune code. */
	const formerParts = new Map<string, Candidate[]>();
	const seenFormer = new Set<string>();
	for (const path of files) {
		const file = basename(path);
		const features = readFeatures(path, file, report);
		for (const f of features) {
			report.features++;
			const { code, name } = identify(f);
			if (!code) {
				report.skipped.push({ code: null, name, file, reason: 'code absent des propriétés' });
				continue;
			}
			const kind = COMMUNE_CODE.test(code) ? 'commune' : DEPARTEMENT_CODE.test(code) ? 'departement' : null;
			const row = byCode.get(code);
			const currentCode = kind === 'commune' && !row ? formerCommunes[code] : undefined;
			const current = currentCode ? byCode.get(currentCode) : undefined;
			if (current && current.kind === 'commune') {
				if (seenFormer.has(code)) {
					report.skipped.push({ code, name, file, reason: 'doublon : le premier contour est conservé' });
					continue;
				}
				const checked = checkGeometry(f.geometry, code, name, file, report);
				if (!checked) continue;
				seenFormer.add(code);
				formerParts.set(current.code, [...(formerParts.get(current.code) ?? []), { code, name, file, geometry: checked, simplified: checked }]);
				report.attached.push({ code, name, file, currentCode: current.code, currentName: current.name });
				continue;
			}
			if (!kind || !row || row.kind !== kind) {
				const reason = !kind
					? 'format de code non reconnu (ni commune ni département)'
					: 'code absent du référentiel (commune fusionnée, millésime différent ou hors périmètre)';
				report.unmatched.push({ code, name, file, reason });
				continue;
			}
			if (candidates.has(code)) {
				report.skipped.push({ code, name, file, reason: 'doublon : le premier contour est conservé' });
				continue;
			}
			const checked = checkGeometry(f.geometry, code, name, file, report);
			if (!checked) continue;
			// Simplified once: stored as is and reused by the dissolves (fewer vertices, faster unions).
			const tolerance = kind === 'commune' ? communeTolerance : aggregateTolerance;
			candidates.set(code, { code, name, file, geometry: checked, simplified: simplifyGeometry(checked, tolerance) });
		}
	}

	// Former communes: their polygons are merged (union) with the current commune's own one, if any.
	for (const [currentCode, parts] of formerParts) {
		const own = candidates.get(currentCode);
		const merged = dissolvePolygons([...(own ? [own.geometry] : []), ...parts.map((p) => p.geometry)]);
		if (!merged) continue;
		const formerCodes = parts.map((p) => p.code).join(', ');
		candidates.set(currentCode, {
			code: currentCode,
			name: own?.name ?? byCode.get(currentCode)!.name,
			file: `${own?.file ?? parts[0]!.file} (avec ${formerCodes})`,
			geometry: merged,
			simplified: simplifyGeometry(merged, communeTolerance)
		});
	}
	report.attached.sort((a, b) => a.code.localeCompare(b.code));

	db.transaction((tx) => {
		const write = (code: string, geometry: AreaGeometry, simplified: AreaGeometry, source: string) => {
			const centroid = centroidOf(geometry);
			tx.update(territories)
				.set({
					geometry: simplified,
					geometrySource: source,
					centroidLon: centroid[0],
					centroidLat: centroid[1],
					centroidPrecision: 'contour',
					bbox: bboxOf(geometry)
				})
				.where(eq(territories.code, code))
				.run();
		};

		for (const c of candidates.values()) {
			const kind = byCode.get(c.code)!.kind;
			write(c.code, c.geometry, c.simplified, `${IMPORTED_GEOMETRY_PREFIX}${c.file}`);
			if (kind === 'commune') report.matched.communes++;
			else {
				report.matched.departements++;
				report.departements.fromFiles++;
			}
		}

		// Outlines of communes imported earlier still count: importing one file per département works.
		const communeGeometry = (row: TerritoryRow): AreaGeometry | null =>
			candidates.get(row.code)?.simplified ?? (row.geometry && row.geometrySource?.startsWith(IMPORTED_GEOMETRY_PREFIX) ? row.geometry : null);
		const communes = rows.filter((r) => r.kind === 'commune');
		const touched = (members: TerritoryRow[]) => members.some((m) => candidates.has(m.code));

		for (const epci of rows.filter((r) => r.kind === 'epci')) {
			const members = communes.filter((c) => c.epciCode === epci.code);
			if (!touched(members)) continue;
			const located = members.filter((m) => communeGeometry(m));
			const outline = dissolvePolygons(located.map((m) => communeGeometry(m)!));
			if (!outline) continue;
			write(epci.code, outline, simplifyGeometry(outline, aggregateTolerance), `${DISSOLVED} ${de(countOf(located.length, 'commune'))}`);
			report.epci.built++;
			if (located.length < members.length) {
				report.epci.partial.push({
					code: epci.code,
					name: epci.name,
					missingMembers: members.filter((m) => !communeGeometry(m)).map((m) => m.code)
				});
			}
		}

		for (const dep of rows.filter((r) => r.kind === 'departement')) {
			if (candidates.has(dep.code)) continue;
			const officialOutline = dep.geometrySource?.startsWith(IMPORTED_GEOMETRY_PREFIX) && !dep.geometrySource.startsWith(DISSOLVED);
			const members = communes.filter((c) => c.departementCode === dep.code);
			if (officialOutline || !touched(members)) continue;
			const located = members.map(communeGeometry).filter((g): g is AreaGeometry => g !== null);
			// A few communes do not make a département: keep the previous outline until nearly all are known.
			if (located.length < members.length * DEPARTEMENT_COVERAGE) continue;
			const outline = dissolvePolygons(located);
			if (!outline) continue;
			write(dep.code, outline, simplifyGeometry(outline, aggregateTolerance), `${DISSOLVED} ${de(countOf(located.length, 'commune'))}`);
			report.departements.dissolved++;
		}
	});

	const after = db.select().from(territories).all();
	const hasOutline = (r: TerritoryRow) => r.geometry !== null && (r.geometrySource?.startsWith(IMPORTED_GEOMETRY_PREFIX) ?? false);
	report.epci.missing = after.filter((r) => r.kind === 'epci' && !hasOutline(r)).map((r) => ({ code: r.code, name: r.name }));
	report.communesWithoutContour = after.filter((r) => r.kind === 'commune' && !hasOutline(r)).map((r) => ({ code: r.code, name: r.name }));
	report.durationMs = Math.round(performance.now() - started);
	return report;
}

/** Repaired geometry, or null (reported as skipped) when it cannot be used. */
function checkGeometry(geometry: unknown, code: string, name: string | null, file: string, report: ContoursImportReport): AreaGeometry | null {
	const checked = repairGeometry(geometry);
	if (checked.status === 'invalid') {
		report.skipped.push({ code, name, file, reason: `géométrie invalide : ${checked.reasons.join(', ')}` });
		return null;
	}
	if (checked.status === 'repaired') report.repaired.push({ code, name, file, reason: checked.reasons.join(', ') });
	return checked.geometry;
}

interface LooseFeature {
	properties: Record<string, unknown>;
	geometry: unknown;
}

function readFeatures(path: string, file: string, report: ContoursImportReport): LooseFeature[] {
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		report.skipped.push({ code: null, name: null, file, reason: 'fichier illisible ou JSON invalide' });
		return [];
	}
	const obj = json as { type?: unknown; features?: unknown; properties?: unknown; geometry?: unknown };
	const list = obj?.type === 'FeatureCollection' && Array.isArray(obj.features) ? obj.features : obj?.type === 'Feature' ? [obj] : null;
	if (!list) {
		report.skipped.push({ code: null, name: null, file, reason: 'ni FeatureCollection ni Feature GeoJSON' });
		return [];
	}
	return list.map((f: unknown) => {
		const feature = (f ?? {}) as { properties?: unknown; geometry?: unknown };
		const properties = typeof feature.properties === 'object' && feature.properties !== null ? feature.properties : {};
		return { properties: properties as Record<string, unknown>, geometry: feature.geometry };
	});
}

const CODE_KEYS = ['code', 'CODE', 'code_insee', 'INSEE_COM', 'insee_com', 'INSEE_DEP', 'insee_dep'];
const NAME_KEYS = ['nom', 'name', 'NOM', 'NOM_COM', 'nom_com', 'NOM_DEP', 'nom_dep', 'libelle'];

function identify(f: LooseFeature): { code: string | null; name: string | null } {
	const pick = (keys: string[]) => {
		for (const k of keys) {
			const v = f.properties[k];
			if (typeof v === 'string' && v.trim() !== '') return v.trim();
			if (typeof v === 'number') return String(v);
		}
		return null;
	};
	return { code: pick(CODE_KEYS)?.toUpperCase() ?? null, name: pick(NAME_KEYS) };
}

const fr = (n: number) => n.toLocaleString('fr-FR');

/** The report as French text, for the CLI. */
export function formatImportReport(r: ContoursImportReport, detailLimit = 20): string {
	const lines: string[] = [];
	const issues = (title: string, list: ImportIssue[]) => {
		lines.push(`${title} : ${fr(list.length)}`);
		for (const i of list.slice(0, detailLimit)) {
			lines.push(`  - ${i.code ?? '(sans code)'} ${i.name ?? ''} [${i.file}] : ${i.reason}`);
		}
		if (list.length > detailLimit) lines.push(`  … et ${fr(list.length - detailLimit)} autres`);
	};
	lines.push(
		`Import des contours officiels : ${countOf(r.files.length, 'fichier')}, ${countOf(r.features, 'objet lu', 'objets lus')} en ${formatNumber(r.durationMs / 1000, 1)} s`
	);
	lines.push(`Communes appariées : ${fr(r.matched.communes)}`);
	lines.push(`Départements appariés : ${fr(r.matched.departements)} (contours reconstitués par fusion des communes : ${fr(r.departements.dissolved)})`);
	lines.push(`Anciennes communes rattachées à leur commune actuelle : ${fr(r.attached.length)}`);
	for (const a of r.attached.slice(0, detailLimit)) {
		lines.push(`  - ${a.code} ${a.name ?? ''} [${a.file}] → ${a.currentCode} ${a.currentName}`);
	}
	if (r.attached.length > detailLimit) lines.push(`  … et ${fr(r.attached.length - detailLimit)} autres`);
	issues('Codes non appariés', r.unmatched);
	issues('Géométries réparées', r.repaired);
	issues('Objets ignorés', r.skipped);
	lines.push(`Contours d'EPCI construits : ${fr(r.epci.built)} ; sans contour : ${fr(r.epci.missing.length)}`);
	for (const e of r.epci.missing) lines.push(`  - ${e.code} ${e.name}`);
	for (const e of r.epci.partial) {
		lines.push(`  - ${e.code} ${e.name} : contour partiel, communes membres sans contour : ${e.missingMembers.join(', ')}`);
	}
	const without = r.communesWithoutContour;
	lines.push(
		`Communes du référentiel sans contour officiel : ${fr(without.length)}` +
			(without.length > 0
				? ` (${without
						.slice(0, detailLimit)
						.map((c) => `${c.code} ${c.name}`)
						.join(', ')}${without.length > detailLimit ? ', …' : ''})`
				: '')
	);
	return lines.join('\n');
}
