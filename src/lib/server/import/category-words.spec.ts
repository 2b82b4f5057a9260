import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { categoryReader, readCategoryWords, wordMap } from './category-words';
import { readPresets } from './presets';

const table = wordMap({ TIERS_LIEUX: 'rural_third_place', Fablab: 'fablab', BIB: null, FRANCE_SERVICES: null, Médiathèque: null });

describe('category words', () => {
	it('reads codes and words whatever their case, accents, hyphens or underscores', () => {
		const read = categoryReader([table]);
		expect(read('tiers-lieux')).toEqual({ code: 'rural_third_place' });
		expect(read('MEDIATHEQUE')).toEqual({ notListed: 'MEDIATHEQUE' });
		// The vocabulary still answers for the directory's own words.
		expect(read('Espace de coworking')).toEqual({ code: 'coworking' });
		expect(read('Café-librairie')).toBeNull();
	});
	it('a list takes the first word we list; it is « not listed » only when every word is', () => {
		const read = categoryReader([table]);
		expect(read('FRANCE_SERVICES;TIERS_LIEUX')).toEqual({ code: 'rural_third_place' });
		expect(read('BIB|FRANCE_SERVICES')).toEqual({ notListed: 'BIB, FRANCE_SERVICES' });
		expect(read('BIB;Café-librairie')).toBeNull();
	});
	it("the editor's choice wins over the preset, which wins over the table", () => {
		const read = categoryReader([wordMap({ BIB: 'association' }), wordMap({ Fablab: 'makerspace' }), table]);
		expect(read('BIB')).toEqual({ code: 'association' });
		expect(read('fablab')).toEqual({ code: 'makerspace' });
	});
	it('refuses a table or a preset naming a category the directory does not have, with the file and the reason', () => {
		const dir = mkdtempSync(join(tmpdir(), 'presets-'));
		writeFileSync(join(dir, 'words.json'), JSON.stringify({ words: { Fablab: 'fab_lab' } }));
		expect(() => readCategoryWords(join(dir, 'words.json'))).toThrow(/Table des catégories invalide .*words\.Fablab : catégorie inconnue « fab_lab »/);
		writeFileSync(join(dir, 'mon-format.json'), JSON.stringify({ id: 'mon-format', label: 'Mon format', columns: { Nom: 'nom' } }));
		expect(() => readPresets(dir)).toThrow(/Préréglage d'import invalide \(mon-format\.json\) : columns\.Nom : champ inconnu « nom »/);
		writeFileSync(join(dir, 'mon-format.json'), JSON.stringify({ id: 'autre', label: 'Mon format', columns: { Nom: 'name' } }));
		expect(() => readPresets(dir)).toThrow(/son identifiant « autre » doit être le nom du fichier/);
	});
	it('the committed table and presets are valid', () => {
		expect(readCategoryWords().size).toBeGreaterThan(20);
		expect(readPresets().length).toBe(4);
	});
});
