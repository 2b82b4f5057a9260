/**
 * A spreadsheet of fictional tiers-lieux written the way people fill them in (French headers, `;`,
 * decimal commas, a multi-line description now and then, INSEE codes that lost their leading zero), with
 * chosen rows made bad in exactly one way each. Used by the import tests and `npm run bench:import`.
 */
export interface SheetCommune {
	code: string;
	name: string;
	lon: number;
	lat: number;
}

export interface Sheet {
	text: string;
	/** Spreadsheet row numbers (header = 1) of the rows made bad, one error each. */
	badRows: number[];
}

const CATEGORIES = ['Coworking', 'Fablab', 'Atelier partagé', 'Tiers-lieu rural', 'Living lab', 'Pépinière'];
const DEFECTS = [
	(cells: string[]) => {
		cells[2] = 'Commune-Qui-N-Existe-Pas';
		cells[3] = '99999';
		// Without its point: a point inside the territory would now give the row its commune (a warning, not an error).
		cells[5] = '';
		cells[6] = '';
	},
	(cells: string[]) => (cells[5] = '45,7x'),
	(cells: string[]) => (cells[1] = 'Café associatif'),
	(cells: string[]) => {
		cells[5] = '48,8566';
		cells[6] = '2,3522';
	},
	(cells: string[]) => (cells[8] = '123 456 789 00000')
];

const quote = (v: string) => (/[;"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const decimal = (n: number) => n.toFixed(5).replace('.', ',');

export function tiersLieuxSheet(communes: SheetCommune[], rows: number, badEvery = 0): Sheet {
	const header = ['Nom', 'Catégorie', 'Commune', 'Code INSEE', 'Site web', 'Latitude', 'Longitude', 'Description', 'SIRET'];
	const lines = [header.join(';')];
	const badRows: number[] = [];
	for (let i = 0; i < rows; i++) {
		const c = communes[i % communes.length]!;
		const row = i + 2;
		const cells = [
			`Tiers-lieu ${i + 1} de ${c.name}`,
			CATEGORIES[i % CATEGORIES.length]!,
			c.name,
			c.code.replace(/^0/, ''),
			i % 3 === 0 ? `www.tiers-lieu-${i + 1}.example.org` : '',
			decimal(c.lat + ((i % 7) - 3) * 0.001),
			decimal(c.lon + ((i % 5) - 2) * 0.001),
			i % 10 === 0 ? `Espace partagé.\nOuvert du lundi au vendredi ; café « offert ».` : 'Lieu fictif (données de démonstration)',
			''
		];
		if (badEvery > 0 && i % badEvery === badEvery - 1) {
			DEFECTS[badRows.length % DEFECTS.length]!(cells);
			badRows.push(row);
		}
		lines.push(cells.map(quote).join(';'));
	}
	return { text: lines.join('\r\n') + '\r\n', badRows };
}
