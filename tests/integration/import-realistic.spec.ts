import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDb } from './fresh-db';
import { commitImport, previewImport } from '../../src/lib/server/services/import.service';
import type { AccountUser } from '../../src/lib/server/services/users.service';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { encodeWindows1252 } from '../../src/lib/import/decode';

/*
 * « Done when: a partner network's spreadsheet of 500 tiers-lieux, filled in the way people really fill
 * them, goes in with a readable report. » The sheet below is what such a network sends: its own column
 * names, types written five ways, communes in capitals or « Puy-en-Velay (Le) », postcodes and INSEE codes
 * that lost their zero, websites without scheme, decimal commas, some coordinates swapped, remarks on
 * several lines, a row typed twice, empty rows Excel left at the end, and a few real mistakes.
 */

const editor: AccountUser = { id: 5, email: 'reseau@example.org', displayName: 'Réseau des tiers-lieux', role: 'editor' };

interface Place {
	name: string;
	written: string;
	code: string;
	postcode: string;
	lon: number;
	lat: number;
}

const TYPES = ['Coworking', 'coworking ', 'FabLab', 'Fab Lab', 'Espace de coworking', 'Atelier partagé', 'Tiers lieu rural', 'Pépinière', 'Living Lab'];
const THEMES = ['Numérique', 'numérique, ESS', 'Agriculture / alimentation', 'Culture', 'Tourisme ; Culture', '', 'Industrie'];

function sheet(places: Place[]) {
	const header = [
		'Nom du tiers-lieu',
		'Type de lieu',
		'Adresse',
		'CP',
		'Ville',
		'Code commune',
		'Site internet',
		'Thématiques',
		'Contact (mail)',
		'Téléphone',
		"Année d'ouverture",
		'Latitude',
		'Longitude',
		'Remarques'
	];
	const lines = [header.join(';')];
	const expectedErrors = new Map<number, string>();
	for (let i = 0; i < 500; i++) {
		const p = places[i % places.length]!;
		const row = i + 2;
		const coords = i % 4 === 0 ? ['', ''] : [p.lat.toFixed(4).replace('.', ','), p.lon.toFixed(4).replace('.', ',')];
		if (i % 37 === 5) coords.reverse();
		const cells = [
			`${['Le', 'La', "L'"][i % 3]} ${['Hangar', 'Ruche', 'Atelier', 'Fabrique', 'Grange'][i % 5]} n°${i + 1}`,
			TYPES[i % TYPES.length]!,
			'',
			i % 2 ? p.postcode.replace(/^0/, '') : p.postcode,
			i % 5 === 0 ? p.written.toUpperCase() : p.written,
			i % 3 === 0 ? p.code.replace(/^0/, '') : '',
			i % 2 ? `www.lieu-${i + 1}.example.org` : i % 3 ? `lieu-${i + 1}.example.org` : '',
			THEMES[i % THEMES.length]!,
			i % 6 === 0 ? ` contact@lieu-${i + 1}.example.org ` : '',
			i % 4 === 0 ? '04 73 00 00 00' : '',
			i % 7 === 0 ? '2019' : i % 7 === 1 ? 'sept. 2021' : '',
			...coords,
			i % 11 === 0 ? 'Ouvert le mardi et le jeudi ;\n« Café » associatif le vendredi' : ''
		];
		// The real mistakes, one per row.
		if (i === 40) {
			cells[4] = 'Clermont-Fd';
			cells[5] = '';
		}
		if (i === 41) cells[11] = '45.77.97';
		if (i === 42) cells[1] = 'Café-librairie';
		if (i === 43) cells[8] = 'contact[at]lieu.fr';
		if (i === 40) expectedErrors.set(row, 'Ville');
		if (i === 41) expectedErrors.set(row, 'Latitude');
		if (i === 42) expectedErrors.set(row, 'Type de lieu');
		if (i === 43) expectedErrors.set(row, 'Contact (mail)');
		lines.push(cells.map((v) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(';'));
	}
	lines.push(lines[100]!); // typed twice
	lines.push(';;;;;;;;;;;;;', ';;;;;;;;;;;;;');
	return { text: lines.join('\r\n') + '\r\n', expectedErrors, duplicateRow: 502, copiedRow: 101 };
}

describe("a partner network's spreadsheet of 500 tiers-lieux", () => {
	const t = freshDb();
	let places: Place[];
	beforeAll(() => {
		loadTerritories(t.db);
		places = t.db
			.all<Omit<Place, 'written' | 'postcode'> & { postal_codes: string }>(
				sql`select name, code, postal_codes, centroid_lon as lon, centroid_lat as lat from territories where kind = 'commune' and centroid_lon is not null and population > 2000 order by population desc limit 60`
			)
			.map((c) => {
				const article = /^(Le|La|Les) (.+)$/.exec(c.name);
				return { ...c, postcode: (JSON.parse(c.postal_codes) as string[])[0] ?? '', written: article ? `${article[2]} (${article[1]})` : c.name };
			});
	});
	afterAll(() => t.close());

	it('goes in with a readable report: four real mistakes named by row, column and French words, the rest created', async () => {
		const { text, expectedErrors, duplicateRow, copiedRow } = sheet(places);
		const bytes = encodeWindows1252(text);
		const { plan, job } = await previewImport(t.db, editor, { name: 'tiers-lieux-reseau.xlsx.csv', bytes }, {});
		expect(plan.encoding).toBe('windows-1252');
		expect(plan.mapping).toMatchObject({
			'Nom du tiers-lieu': 'name',
			'Type de lieu': 'category',
			CP: 'postcode',
			Ville: 'commune',
			'Code commune': 'communeCode',
			'Site internet': 'website',
			Thématiques: 'sectors',
			'Contact (mail)': 'email',
			"Année d'ouverture": 'foundedYear',
			Remarques: null
		});

		const errors = plan.problems.filter((p) => p.severity === 'error');
		expect(new Map(errors.map((p) => [p.row, p.column]))).toEqual(expectedErrors);
		for (const p of plan.problems) {
			expect(p.row).toBeGreaterThanOrEqual(2);
			expect(p.message.length).toBeGreaterThan(10);
		}
		expect(errors.find((p) => p.row === 42)!.message).toContain('Clermont-Fd');
		expect(errors.find((p) => p.row === 44)!.message).toContain('Café-librairie');
		expect(plan.problems.find((p) => p.code === 'duplicate_in_file')).toMatchObject({ row: duplicateRow });
		expect(plan.problems.find((p) => p.code === 'duplicate_in_file')!.message).toContain(`ligne ${copiedRow}`);
		expect(plan.problems.filter((p) => p.code === 'coordinates_swapped').length).toBeGreaterThan(5);
		expect(plan.problems.filter((p) => p.code === 'insee_repaired').length).toBeGreaterThan(5);
		expect(plan.counts).toMatchObject({ rows: 501, create: 496, skip: 1, error: 4 });

		await expect(commitImport(t.db, editor, job.id)).rejects.toThrow(/4 lignes en erreur/);
		const lenient = await previewImport(t.db, editor, { name: 'tiers-lieux-reseau.csv', bytes }, { strict: false });
		const { changes } = await commitImport(t.db, editor, lenient.job.id);
		expect(changes.createdEntityIds).toHaveLength(496);
		const placed = t.db.get<{ n: number; communes: number }>(
			sql`select count(*) as n, count(distinct commune_code) as communes from entities where lon is not null and commune_code is not null`
		);
		expect(placed).toEqual({ n: 496, communes: places.length });
	});
});
