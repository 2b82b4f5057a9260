import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { buildTerritoryData, matchGeoNames, type GenerateInputs } from './generate';

const square: Polygon = {
	type: 'Polygon',
	coordinates: [
		[
			[3, 45],
			[3.2, 45],
			[3.2, 45.2],
			[3, 45.2],
			[3, 45]
		]
	]
};
const commune = (code: string, nom: string, departement: string, population: number) => ({
	code,
	nom,
	departement,
	region: departement === '71' ? '27' : '84',
	type: 'commune-actuelle',
	population,
	codesPostaux: [`${code.slice(0, 2)}000`]
});

const inputs: GenerateInputs = {
	communes: [
		commune('63001', 'Saint-Flour-l’Étang', '63', 300),
		commune('63002', 'Bourg', '63', 1000),
		commune('63003', 'Hameau', '63', 50),
		commune('63004', 'Isolée', '63', 10),
		commune('71001', 'Voisine', '71', 5000),
		commune('71002', 'Autre', '71', 4000),
		{ code: '63999', nom: 'Ancienne', type: 'commune-deleguee', departement: '63' },
		{ code: '63998', nom: 'Fusionnée', type: 'commune-deleguee', departement: '63', chefLieu: '63002' },
		{ code: '63997', nom: 'Associée', type: 'commune-associee', departement: '63', chefLieu: '63002' },
		{ code: '63002', nom: 'Bourg', type: 'commune-deleguee', departement: '63', chefLieu: '63002' },
		{ code: '71999', nom: 'Hors périmètre', type: 'commune-deleguee', departement: '71', chefLieu: '71001' }
	],
	epci: [
		{
			code: '200000001',
			nom: 'CC Test',
			populationMunicipale: 1350,
			membres: [
				{ code: '63001', nom: 'a', populationMunicipale: 300 },
				{ code: '63002', nom: 'b', populationMunicipale: 1000 },
				{ code: '63003', nom: 'c', populationMunicipale: 50 }
			]
		},
		{
			code: '200000002',
			nom: 'CC Débordante',
			populationMunicipale: 9010,
			membres: [
				{ code: '63004', nom: 'd', populationMunicipale: 10 },
				{ code: '71001', nom: 'e', populationMunicipale: 5000 },
				{ code: '71002', nom: 'f', populationMunicipale: 4000 }
			]
		},
		{ code: '200000003', nom: 'CC Ailleurs', membres: [{ code: '71001', nom: 'e' }] }
	],
	departements: [
		{ code: '63', nom: 'Puy-de-Dôme', region: '84' },
		{ code: '71', nom: 'Saône-et-Loire', region: '27' }
	],
	regions: [{ code: '84', nom: 'Auvergne-Rhône-Alpes' }],
	outlines: { '63': square },
	cities: [
		{ name: 'St Flour l Etang', lat: '45.01', lng: '3.01', country: 'FR', admin1: '84', admin2: '63' },
		{ name: 'Bourg', lat: '45.1', lng: '3.1', country: 'FR', admin1: '84', admin2: '63' },
		{ name: 'Bourg', lat: '45.1', lng: '3.1', country: 'BE', admin1: '', admin2: '63' }
	],
	versions: { decoupage: '6.0.0', geojsonPlaces: '1.0.8', citiesJson: '1.1.64' }
};

describe('buildTerritoryData', () => {
	const data = buildTerritoryData(inputs, { departements: ['63'], regionCode: '84' });
	const row = (code: string) => data.territories.find((t) => t.code === code)!;

	it('keeps current communes of the scope and the EPCI touching them', () => {
		expect(data.territories.filter((t) => t.kind === 'commune').map((t) => t.code)).toEqual(['63001', '63002', '63003', '63004']);
		expect(data.territories.filter((t) => t.kind === 'epci').map((t) => t.code)).toEqual(['200000001', '200000002']);
		expect(data.vintage).toBe('COG 2026');
	});

	it('attaches a straddling EPCI to the département of most of its members', () => {
		expect(row('200000002')).toMatchObject({ parentCode: '71', departementCode: '71', regionCode: '27' });
		expect(row('63004')).toMatchObject({ parentCode: '200000002', epciCode: '200000002' });
	});

	it('locates communes by GeoNames, then EPCI seat, then département', () => {
		expect(row('63001')).toMatchObject({ centroidPrecision: 'geonames', centroidLon: 3.01 });
		expect(row('63003')).toMatchObject({ centroidPrecision: 'epci_seat', centroidLon: 3.1 }); // Bourg, most populous
		expect(row('63004')).toMatchObject({ centroidPrecision: 'departement', centroidLon: 3.1, centroidLat: 45.1 });
		expect(row('63')).toMatchObject({ centroidPrecision: 'contour', population: 1360 });
	});

	it('maps former communes (déléguées, associées) of the scope to their current commune', () => {
		expect(data.formerCommunes).toEqual({ '63997': '63002', '63998': '63002' });
		expect(data.stats.formerCommunes).toBe(2);
	});

	it('refuses a département outside the region', () => {
		expect(() => buildTerritoryData(inputs, { departements: ['71'], regionCode: '84' })).toThrow(/n'appartient pas/);
	});
});

describe('matchGeoNames', () => {
	it('leaves ambiguous names unmatched', () => {
		const points = matchGeoNames(inputs.communes.slice(0, 2), [
			...inputs.cities,
			{ name: 'Bourg', lat: '45.2', lng: '3.2', country: 'FR', admin1: '84', admin2: '63' }
		]);
		expect([...points.keys()]).toEqual(['63001']);
	});
});
