import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import communesFr from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import { freshDb } from './fresh-db';
import { commitImport, previewImport } from '../../src/lib/server/services/import.service';
import type { AccountUser } from '../../src/lib/server/services/users.service';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';

/*
 * « Done when: a national open-data file (thousands of rows, several encodings of the same content) imports
 * its Auvergne rows in one strict pass with zero rows lost or garbled, and every imported point is counted
 * in its commune, EPCI and département. » The file below is what the national « lieux de médiation
 * numérique » export looks like (ANCT schema columns, typologie codes, rows from every département of
 * France and overseas), saved as data.gouv.fr publishes it (UTF-8, « , »), as Excel re-saves it on a French
 * Windows (« CSV (séparateur : point-virgule) » in Windows-1252, « CSV (MS-DOS) » in code page 850) and
 * as a workbook. The same content must give the same directory every time.
 */

const editor: AccountUser = { id: 9, email: 'redaction@example.org', displayName: 'Rédaction', role: 'editor' };
const SCOPE = ['03', '15', '43', '63'];
const HEADER = ['id', 'nom', 'commune', 'code_postal', 'code_insee', 'adresse', 'latitude', 'longitude', 'typologie', 'site_web', 'date_maj'];
// Letters code page 850 can hold (no œ, €, ’): the same text must survive every encoding.
const WORDS = ['Fabrique numérique', 'Atelier des Crêtes', 'Tiers-lieu La Forêt', 'Espace Éloïse', 'Café-atelier Garçon', 'Grange à idées', 'Pôle numérique'];

interface Commune {
	code: string;
	nom: string;
	departement: string;
	type: string;
	codesPostaux?: string[];
}
interface Local {
	code: string;
	name: string;
	postcodes: string[];
	lon: number;
	lat: number;
	epci: string | null;
}
interface Expected {
	name: string;
	code: string;
	how: 'exact' | 'coordinates' | 'name' | 'postcode';
	skipped: boolean;
}

/** The national file: every tenth row in Auvergne, the others from every other département (overseas too). */
function nationalFile(local: Local[], others: Commune[], rows: number, communesOfPostcode: Map<string, number>) {
	const lines: string[][] = [HEADER];
	const expected: Expected[] = [];
	const singlePostcode = communesOfPostcode;
	let outside = 0;
	for (let i = 0; i < rows; i++) {
		const id = `lmn-${String(i + 1).padStart(5, '0')}`;
		const word = WORDS[i % WORDS.length]!;
		if (i % 10 === 0) {
			const c = local[(i / 10) % local.length]!;
			const name = `${word} n° ${i + 1}`;
			const france = i % 70 === 0;
			const typologie = france ? 'FRANCE_SERVICES' : i % 20 === 0 ? 'FABLAB' : 'TIERS_LIEUX';
			const postcode = c.postcodes[0] ?? '';
			const way = (i / 10) % 4;
			let cells: string[];
			let how: Expected['how'] = 'exact';
			if (way === 0) cells = [c.name, postcode, c.code, String(c.lat), String(c.lon)];
			else if (way === 1) {
				// A scraper's row: only the point.
				cells = ['', '', '', String(c.lat), String(c.lon)];
				how = 'coordinates';
			} else if (way === 2) {
				// The name as people type it, with its postcode.
				cells = [
					c.name
						.toUpperCase()
						.replace(/^SAINT-/, 'ST ')
						.replace(/-/g, ' '),
					postcode,
					'',
					'',
					''
				];
				how = 'name';
			} else if (singlePostcode.get(postcode) === 1) {
				cells = ['', postcode, '', '', ''];
				how = 'postcode';
			} else cells = [c.name, postcode, '', '', ''];
			lines.push([
				id,
				name,
				cells[0]!,
				cells[1]!,
				cells[2]!,
				`${(i % 40) + 1} rue de l'Église`,
				cells[3]!,
				cells[4]!,
				typologie,
				`https://lieu-${i + 1}.example.org/`,
				'2025-11-03'
			]);
			expected.push({ name, code: c.code, how, skipped: france });
		} else {
			const c = others[(i * 7919) % others.length]!;
			outside++;
			const postcode = c.codesPostaux?.[0] ?? '';
			lines.push([
				id,
				`${word} de ${c.nom}`,
				c.nom,
				postcode,
				c.code,
				'1 place de la Mairie',
				'',
				'',
				i % 3 ? 'TIERS_LIEUX' : 'FRANCE_SERVICES',
				'',
				'2025-10-01'
			]);
		}
	}
	return { lines, expected, outside };
}

const csv = (lines: string[][], sep: string, eol: string) =>
	lines.map((cells) => cells.map((v) => (v.includes(sep) || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v)).join(sep)).join(eol) + eol;

describe('a national « lieux de médiation numérique » file, in four encodings and a workbook', () => {
	const template = freshDb();
	let file: ReturnType<typeof nationalFile>;
	let variants: { label: string; name: string; bytes: Uint8Array; encoding: string | null }[];

	beforeAll(() => {
		loadTerritories(template.db);
		// Points strictly inside each commune (its outline's point-on-surface), big and small communes alike.
		const local = template.db
			.all<{ code: string; name: string; postal_codes: string; lon: number; lat: number; epci: string | null }>(
				sql`select code, name, postal_codes, centroid_lon as lon, centroid_lat as lat, epci_code as epci from territories where kind = 'commune' and centroid_precision = 'contour' order by code`
			)
			.filter((_, i) => i % 4 === 0)
			.map((c) => ({ ...c, postcodes: JSON.parse(c.postal_codes) as string[] }));
		const others = (communesFr as Commune[]).filter((c) => c.type === 'commune-actuelle' && !SCOPE.includes(c.departement) && c.codesPostaux?.length);
		const communesOfPostcode = new Map<string, number>();
		for (const { postal_codes } of template.db.all<{ postal_codes: string }>(sql`select postal_codes from territories where kind = 'commune'`))
			for (const p of JSON.parse(postal_codes) as string[]) communesOfPostcode.set(p, (communesOfPostcode.get(p) ?? 0) + 1);
		file = nationalFile(local, others, 3000, communesOfPostcode);
		const workbook = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(file.lines), 'Lieux');
		variants = [
			{
				label: 'UTF-8, « , » (data.gouv.fr)',
				name: 'lieux-mediation-numerique.csv',
				bytes: Buffer.from(csv(file.lines, ',', '\n'), 'utf8'),
				encoding: 'utf-8'
			},
			{
				label: 'Windows-1252, « ; » (Excel)',
				name: 'lieux-excel.csv',
				bytes: iconv.encode(csv(file.lines, ';', '\r\n'), 'windows-1252'),
				encoding: 'windows-1252'
			},
			{ label: 'DOS 850 (Excel « CSV (MS-DOS) »)', name: 'lieux-ms-dos.csv', bytes: iconv.encode(csv(file.lines, ';', '\r\n'), 'cp850'), encoding: 'cp850' },
			{
				label: 'UTF-8 with BOM (Excel « CSV UTF-8 »)',
				name: 'lieux-utf8.csv',
				bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(file.lines, ';', '\r\n'), 'utf8')]),
				encoding: 'utf-8'
			},
			{ label: 'workbook (.xlsx)', name: 'lieux.xlsx', bytes: XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array, encoding: null }
		];
	});
	afterAll(() => template.close());

	it('has what a national file has: thousands of rows, a tenth of them here, places written every way', () => {
		expect(file.lines.length - 1).toBe(3000);
		expect(file.expected.length).toBe(300);
		expect(new Set(file.expected.map((e) => e.how))).toEqual(new Set(['exact', 'coordinates', 'name', 'postcode']));
		expect(file.outside).toBe(2700);
	});

	it.each([0, 1, 2, 3, 4])(
		'variant %i: its Auvergne rows in one strict pass, nothing lost or garbled, each counted in its commune, EPCI and département',
		async (index) => {
			const variant = variants[index]!;
			const t = freshDb();
			try {
				loadTerritories(t.db);
				const { plan, job } = await previewImport(
					t.db,
					editor,
					{ name: variant.name, bytes: variant.bytes },
					{ preset: 'anct-mediation-numerique', skipUnlisted: true, strict: true }
				);
				if (variant.encoding) expect(plan.encoding, variant.label).toBe(variant.encoding);
				const kept = file.expected.filter((e) => !e.skipped);
				expect(
					plan.problems.filter((p) => p.severity === 'error'),
					variant.label
				).toEqual([]);
				expect(plan.counts, variant.label).toMatchObject({
					rows: 3000,
					create: kept.length,
					error: 0,
					outside: 2700,
					skippedByCategory: file.expected.length - kept.length
				});
				expect(plan.counts.placedByCoordinates).toBe(kept.filter((e) => e.how === 'coordinates').length);
				expect(plan.counts.placedByPostcode).toBe(kept.filter((e) => e.how === 'postcode').length);

				const { changes } = await commitImport(t.db, editor, job.id);
				expect(changes.createdEntityIds).toHaveLength(kept.length);
				const stored = t.db.all<{ name: string; commune: string | null; epci: string | null; dep: string | null; lon: number | null }>(
					sql`select e.name, e.commune_code as commune, c.epci_code as epci, c.departement_code as dep, e.lon from entities e left join territories c on c.code = e.commune_code order by e.name`
				);
				// Zero lost, zero garbled: exactly the names of the file, in their commune.
				expect(new Map(stored.map((s) => [s.name, s.commune]))).toEqual(new Map(kept.map((e) => [e.name, e.code])));
				for (const s of stored) {
					expect(s.name).not.toMatch(/[\u2500-\u257f\u0080-\u009f‚½¤Ã]/);
					expect(s.lon, s.name).not.toBeNull();
					expect(SCOPE).toContain(s.dep);
				}
				// Counted at every level: each département's, EPCI's and commune's count adds up to the whole.
				const byLevel = (column: string) =>
					t.db
						.all<{ n: number }>(
							sql.raw(
								`select count(*) as n from entities e join territories c on c.code = e.commune_code join territories t on t.code = c.${column} group by t.code`
							)
						)
						.reduce((sum, r) => sum + r.n, 0);
				expect(byLevel('departement_code')).toBe(kept.length);
				expect(byLevel('epci_code')).toBe(
					kept.filter((e) => template.db.get<{ epci: string | null }>(sql`select epci_code as epci from territories where code = ${e.code}`)?.epci).length
				);
			} finally {
				t.close();
			}
		}
	);
});
