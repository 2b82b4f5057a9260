import { describe, expect, it } from 'vitest';
import { compactName, DuplicateFinder, findDuplicate, nearNames, type DuplicateCandidate } from './duplicates';

const place = (name: string, communeCode: string | null, website: string | null = null, siret: string | null = null): DuplicateCandidate => ({
	name,
	communeCode,
	website,
	siret
});

const MDS = [
	['Maison des solidarités de Thiers', '63430'],
	["Maison des solidarités d'Issoire", '63178'],
	["Maison des solidarités d'Ambert", '63003'],
	['Maison des solidarités de Riom', '63300'],
	['Maison des solidarités de Cournon', '63124'],
	['Maison des solidarités de Saint-Éloy-les-Mines', '63338'],
	['Maison des solidarités de Clermont-Ferrand', '63113'],
	['Maison des solidarités de Billom', '63040'],
	['Maison des solidarités de Brassac-les-Mines', '63050']
].map(([name, code]) => place(name!, code!, 'https://www.puy-de-dome.fr/'));

describe('near names', () => {
	it('drops case, accents, punctuation and little words', () => {
		expect(compactName('Fablab de la Limagne')).toBe('fablablimagne');
		expect(nearNames('Fablab de la Limagne', 'FabLab Limagne')).toBe(true);
		expect(nearNames("L'Atallier", 'Atallier')).toBe(true);
	});
	it('forgives one typing slip in a long enough name, never in numbers', () => {
		expect(nearNames('La Fabrique du Lac', 'La Fabriqe du Lac')).toBe(true);
		expect(nearNames('Coworking Thiers', 'Cowroking Thiers')).toBe(true);
		expect(nearNames('Coworking 1', 'Coworking 2')).toBe(false);
		expect(nearNames('Lab A', 'Lab B')).toBe(false);
		expect(nearNames('Maison des solidarités de Thiers', "Maison des solidarités d'Issoire")).toBe(false);
	});
});

describe('duplicate rules', () => {
	it('nine places sharing an institutional website are nine places', () => {
		const finder = new DuplicateFinder<DuplicateCandidate>([], MDS);
		for (const m of MDS) {
			expect(finder.find(m)).toBeNull();
			finder.add(m);
		}
		// …but the same one again is a duplicate: shared website and a near name.
		expect(finder.find(place('Maison des Solidarités - Thiers', '63430', 'https://puy-de-dome.fr'))?.why).toMatch(/même site web et nom proche/);
	});

	it('a shared website counts with the same commune', () => {
		const finder = new DuplicateFinder<DuplicateCandidate>(MDS);
		expect(finder.find(place('Antenne MDS', '63113', 'http://puy-de-dome.fr/'))?.of.name).toBe('Maison des solidarités de Clermont-Ferrand');
		expect(finder.find(place('Antenne MDS', '63014', 'http://puy-de-dome.fr/'))).toBeNull();
	});

	it('a page used by differently named places in several communes is shared too, even on an unknown host', () => {
		const seen = [
			place('Point numérique Aurillac', '15014', 'https://reseau-pn.org/lieux'),
			place('Point numérique Mauriac', '15120', 'https://reseau-pn.org/lieux'),
			place('Point numérique Murat', '15138', 'https://reseau-pn.org/lieux')
		];
		const finder = new DuplicateFinder<DuplicateCandidate>([seen[0]!], seen);
		expect(finder.websiteIsSpecific('https://reseau-pn.org/lieux')).toBe(false);
		expect(finder.find(seen[1]!)).toBeNull();
		// Two names on one page may be one place renamed: the page still counts.
		expect(new DuplicateFinder<DuplicateCandidate>([seen[0]!], seen.slice(0, 2)).find(seen[1]!)?.why).toMatch(/^même site web/);
	});

	it("a place's own website is enough, whatever the name", () => {
		const hit = findDuplicate(place('Bivouac – incubateur', '63113', 'https://lebivouac.com/'), [place('Le Bivouac', '63113', 'https://www.lebivouac.com')]);
		expect(hit?.why).toBe('même site web https://lebivouac.com/');
		// A page of a platform is the place's own page.
		expect(
			findDuplicate(place('Atelier X', '63113', 'https://facebook.com/atelierx'), [place('Autre nom', '63113', 'https://www.facebook.com/atelierx/')])?.why
		).toMatch(/^même site web/);
		expect(findDuplicate(place('Atelier X', '63113', 'https://facebook.com'), [place('Autre nom', '63014', 'https://www.facebook.com/')])).toBeNull();
		expect(
			findDuplicate(place('Atelier X', '63113', 'https://facebook.com/atelierx'), [place('Autre nom', '63014', 'https://www.facebook.com/atelierx/')])
		).not.toBeNull();
	});

	it('the same SIRET is a duplicate', () => {
		expect(findDuplicate(place('Autre nom', null, null, '12345678900011'), [place('Nom', '63113', null, '12345678900011')])?.why).toBe(
			'même SIRET 12345678900011'
		);
	});

	it('near names count in the same commune only', () => {
		const existing = [place('Fablab de la Limagne', '63300')];
		expect(findDuplicate(place('FabLab Limagne', '63300'), existing)?.why).toBe('nom proche de « Fablab de la Limagne » dans la même commune');
		expect(findDuplicate(place('FabLab Limagne', '63113'), existing)).toBeNull();
		expect(findDuplicate(place('Fablab de la Limagne', '63300'), existing)?.why).toBe('même nom dans la même commune');
		// A name without a commune meets only names without one.
		expect(findDuplicate(place('Fablab de la Limagne', null), existing)).toBeNull();
		expect(findDuplicate(place('Fablab Limagne', null), [place('Fablab de la Limagne', null)])?.why).toBe(
			'nom proche de « Fablab de la Limagne », sans commune'
		);
	});
});
