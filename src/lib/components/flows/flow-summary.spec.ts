import { describe, expect, it } from 'vitest';
import { describeFlowFilters } from './flow-summary';

const places = { departements: [{ code: '63', name: 'Puy-de-Dôme' }], epcis: [{ code: '246300701', name: 'Clermont Auvergne Métropole' }] };

describe('describeFlowFilters', () => {
	it('says the filters in French', () => {
		expect(describeFlowFilters({ level: 'category' }, places)).toEqual(['par catégorie de structure']);
		expect(describeFlowFilters({ sector: 'health', departement: '63', from: 2018, to: 2022, level: 'structure' }, places)).toEqual([
			'secteur Santé',
			'projets du Puy-de-Dôme (63)',
			'étapes de 2018 à 2022',
			'par structure'
		]);
		expect(describeFlowFilters({ epci: '246300701', from: 2020, level: 'category' }, places).slice(0, 2)).toEqual([
			'projets de Clermont Auvergne Métropole',
			'étapes depuis 2020'
		]);
		expect(describeFlowFilters({ to: 2019, level: 'category' }, places)[0]).toBe("étapes jusqu'en 2019");
		// Places take their article (French-phrasing module).
		const more = {
			departements: [
				{ code: '03', name: 'Allier' },
				{ code: '43', name: 'Haute-Loire' }
			],
			epcis: [{ code: '200073419', name: 'CC du Haut Lignon' }]
		};
		expect(describeFlowFilters({ departement: '03', level: 'category' }, more)[0]).toBe("projets de l'Allier (03)");
		expect(describeFlowFilters({ departement: '43', level: 'category' }, more)[0]).toBe('projets de la Haute-Loire (43)');
		expect(describeFlowFilters({ epci: '200073419', level: 'category' }, more)[0]).toBe('projets de la CC du Haut Lignon');
	});
});
