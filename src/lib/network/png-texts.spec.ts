import { describe, expect, it } from 'vitest';
import { NETWORK_TITLE, pngTexts, type PngFacts } from './png-texts';

const base: PngFacts = { path: null, focus: null, actors: 120, relations: 340, year: null, types: [], confirmed: false, demo: false, today: '2026-03-01' };
const couveuse = { name: 'Couveuse des Puys', kind: 'organisation', category: 'incubator' };
const cowork = { name: 'Le Cowork des Dômes', kind: 'third_place', category: 'coworking' };
const arverflow = { name: 'Arverflow', kind: 'organisation', category: 'startup' };
const camille = { name: 'Camille Martin', kind: 'person', category: 'entrepreneur' };

describe('the PNG export’s words', () => {
	it('names the path’s ends and the focused actor with their articles, elided and contracted', () => {
		expect(pngTexts({ ...base, path: { from: couveuse, to: cowork, index: 1, count: 3 } }).title).toBe('De la Couveuse des Puys au Cowork des Dômes');
		expect(pngTexts({ ...base, path: { from: arverflow, to: camille, index: 0, count: 1 } }).title).toBe("D'Arverflow à Camille Martin");
		expect(pngTexts({ ...base, path: { from: cowork, to: arverflow, index: 0, count: 1 } }).title).toBe('Du Cowork des Dômes à Arverflow');
		expect(pngTexts({ ...base, focus: arverflow }).title).toBe("Le voisinage d'Arverflow");
		expect(pngTexts({ ...base, focus: cowork }).title).toBe('Le voisinage du Cowork des Dômes');
		// An actor whose name has not arrived yet (the page's stand-in).
		expect(pngTexts({ ...base, focus: { name: 'fiche n° 12', kind: 'document' } }).title).toBe('Le voisinage de la fiche n° 12');
		// A path wins over the focus; nothing: the whole network.
		expect(pngTexts({ ...base, focus: arverflow, path: { from: couveuse, to: cowork, index: 0, count: 2 } }).title).toBe(
			'De la Couveuse des Puys au Cowork des Dômes'
		);
		expect(pngTexts(base).title).toBe(NETWORK_TITLE);
	});

	it('agrees every count with its number and says the filters', () => {
		expect(pngTexts(base).subtitle).toBe('120 acteurs, 340 relations');
		expect(pngTexts({ ...base, actors: 1, relations: 0 }).subtitle).toBe('1 acteur, 0 relation');
		expect(pngTexts({ ...base, actors: 2, relations: 1, year: 2019 }).subtitle).toBe('2 acteurs, 1 relation active en 2019');
		expect(pngTexts({ ...base, year: 2019 }).subtitle).toBe('120 acteurs, 340 relations actives en 2019');
		expect(
			pngTexts({ ...base, actors: 1234, types: ['incubated_by', 'founded'], confirmed: true, path: { from: couveuse, to: cowork, index: 1, count: 3 } })
				.subtitle
		).toBe('1\u202f234 acteurs, 340 relations · relations\u00a0: incubé·e par, a fondé · relations confirmées seulement · chemin 2 sur 3');
	});

	it('dates the image as France writes it, and credits the data', () => {
		expect(pngTexts(base).date).toBe('Exporté le 1er mars 2026');
		expect(pngTexts({ ...base, today: '2026-11-18' }).date).toBe('Exporté le 18 novembre 2026');
		expect(pngTexts(base)).toMatchObject({
			credit: 'Connecteur Carto — données\u00a0: Le Connecteur et les acteurs (chaque relation cite sa source)',
			demoNotice: null
		});
		const demo = pngTexts({ ...base, demo: true });
		expect(demo.credit).toBe('Connecteur Carto — données de démonstration, fictives');
		expect(demo.demoNotice).toBe('Données de démonstration\u00a0: les acteurs, personnes et relations de cette image sont fictifs.');
	});

	it('says the same in English on an English page, names without articles', () => {
		const en = (f: PngFacts) => pngTexts(f, 'en');
		expect(en({ ...base, path: { from: couveuse, to: cowork, index: 1, count: 3 } }).title).toBe('From Couveuse des Puys to Le Cowork des Dômes');
		expect(en({ ...base, focus: arverflow }).title).toBe('The neighbourhood of Arverflow');
		expect(en(base).title).toBe('The innovation network in Auvergne');
		expect(en({ ...base, actors: 1, relations: 0 }).subtitle).toBe('1 actor, 0 relations');
		expect(
			en({ ...base, actors: 1234, year: 2019, types: ['incubated_by'], confirmed: true, path: { from: couveuse, to: cowork, index: 1, count: 3 } }).subtitle
		).toBe('1,234 actors, 340 active relations in 2019 · relations: incubated by · confirmed relations only · path 2 of 3');
		expect(en(base).date).toBe('Exported on 1 March 2026');
		expect(en({ ...base, demo: true })).toMatchObject({
			credit: 'Connecteur Carto — demonstration data, fictitious',
			demoNotice: 'Demonstration data: the actors, people and relations in this image are fictitious.'
		});
	});
});
