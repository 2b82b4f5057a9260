import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonArrayTable, recordList } from './json-array-table';
import { parseJsonWithLines } from './json-lines';

function table(text: string) {
	const parsed = parseJsonWithLines(text);
	if (!parsed.ok) throw new Error('invalid');
	return jsonArrayTable(parsed.value, parsed.lineOf);
}

describe('jsonArrayTable', () => {
	it('flattens nested objects with dotted names and joins lists with « ; », rows at the line each object starts', () => {
		const text = `[
  {
    "nom": "Atelier Clémentel",
    "adresse": { "commune": "Clermont-Ferrand", "code_postal": "63000" },
    "links": ["https://a.example.org", "https://b.example.org"],
    "horaires": [{ "jour": "lundi", "ouverture": "9h" }, { "jour": "mardi", "ouverture": "10h" }],
    "actif": true, "capacite": 12, "vide": null, "tags": []
  },
  { "nom": "Cœur", "adresse": { "commune": "Mercœur" }, "extra": "x" }
]`;
		const t = table(text)!;
		expect(t.headers).toEqual([
			'nom',
			'adresse.commune',
			'adresse.code_postal',
			'links',
			'horaires.jour',
			'horaires.ouverture',
			'actif',
			'capacite',
			'vide',
			'tags',
			'extra'
		]);
		expect(t.rows[0]).toEqual({
			row: 2,
			cells: {
				nom: 'Atelier Clémentel',
				'adresse.commune': 'Clermont-Ferrand',
				'adresse.code_postal': '63000',
				links: 'https://a.example.org ; https://b.example.org',
				'horaires.jour': 'lundi ; mardi',
				'horaires.ouverture': '9h ; 10h',
				actif: 'true',
				capacite: '12',
				vide: '',
				tags: '',
				extra: ''
			}
		});
		expect(t.rows[1]).toMatchObject({ row: 9, cells: { nom: 'Cœur', 'adresse.code_postal': '', extra: 'x' } });
		expect(t.listKey).toBe('');
	});

	it('finds the one list of records a portal wraps (« results »), and names items that are not objects', () => {
		const t = table('{"total_count": 2, "results": [{"nom": "A"}, {"nom": "B"}]}')!;
		expect(t.listKey).toBe('results');
		expect(t.rows.map((r) => r.cells.nom)).toEqual(['A', 'B']);
		const mixed = table('[\n{"nom": "A"},\n3\n]')!;
		expect(mixed.problems).toEqual([{ row: 3, message: 'élément n° 2 (ligne 3) : un objet { … } est attendu, il est ignoré' }]);
		expect(table('[]')!.problems[0]!.message).toBe('la liste ne contient aucun objet à importer');
		expect(recordList({ a: [{ x: 1 }], b: [{ y: 2 }] })).toBeNull();
		expect(recordList(42)).toBeNull();
	});

	it('never throws on any JSON value, and every row has every header', () => {
		fc.assert(
			fc.property(fc.array(fc.jsonValue({ maxDepth: 6 }), { maxLength: 8 }), (list) => {
				const t = jsonArrayTable(list, () => 1)!;
				for (const r of t.rows) expect(Object.keys(r.cells).sort()).toEqual([...t.headers].sort());
			}),
			{ numRuns: 300 }
		);
	});
});
