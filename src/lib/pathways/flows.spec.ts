import { describe, expect, it } from 'vitest';
import { extractPathway, type PathwayEntity } from './extract';
import { aggregateFlows, figureProjects, prepareFlows, type ProjectPathway } from './flows';
import { entity, rel } from './test-fixtures';

// Four projects, hand-counted (see the expectations):
// P1 digital, 63: coworking 2018-01 -> incubator 2018-07 -> funder (in 43) 2019-07
// P2 digital, 15: coworking 2019-01 -> incubator 2019-03 -> funder 2020-03
// P3 agrifood, 15: incubator 2017-01, nothing after
// P4 agrifood, 63: incubator 2016 -> accelerator 2018 (years only: no month count)
const C = entity(10, 'coworking', { departementCode: '63' });
const I = entity(11, 'incubator', { departementCode: '63' });
const F = entity(12, 'funder', { departementCode: '43' });
const A = entity(13, 'accelerator', { departementCode: '63' });
const P1 = entity(1, 'startup', { sectors: ['digital'], departementCode: '63' });
const P2 = entity(2, 'startup', { sectors: ['digital'], departementCode: '15' });
const P3 = entity(3, 'startup', { sectors: ['agrifood'], departementCode: '15' });
const P4 = entity(4, 'company', { sectors: ['agrifood'], departementCode: '63' });
const relations = [
	rel('hosted_by', 1, 10, '2018-01'),
	rel('incubated_by', 1, 11, '2018-07'),
	rel('funded_by', 1, 12, '2019-07'),
	rel('hosted_by', 2, 10, '2019-01'),
	rel('incubated_by', 2, 11, '2019-03'),
	rel('funded_by', 2, 12, '2020-03'),
	rel('incubated_by', 3, 11, '2017-01'),
	rel('incubated_by', 4, 11, '2016'),
	rel('accelerated_by', 4, 13, '2018')
];
const all = new Map<number, PathwayEntity>([C, I, F, A, P1, P2, P3, P4].map((e) => [e.id, e]));
const pathways = prepareFlows([P1, P2, P3, P4].map((p): ProjectPathway => ({ project: p, steps: extractPathway(p, relations, (id) => all.get(id)).steps })));
const names = (code: string) => ({ '63': 'Puy-de-Dôme', '15': 'Cantal' })[code] ?? code;

describe('aggregateFlows (categories)', () => {
	const flows = aggregateFlows(pathways, { level: 'category' }, names, 2026);

	it('counts transitions between consecutive steps, with the median months where both are dated to the month', () => {
		expect(flows.projects).toBe(4);
		expect(flows.transitions.map((t) => [t.from, t.to, t.count, t.medianMonths])).toEqual([
			['coworking', 'incubator', 2, 4],
			['incubator', 'funder', 2, 12],
			['incubator', 'accelerator', 1, null]
		]);
		expect(flows.transitions[0]?.fromLabel).toBe('Espace de coworking');
	});

	it('builds the diagram’s columns by step rank', () => {
		expect(flows.nodes.map((n) => [n.id, n.count])).toEqual([
			['1:coworking', 2],
			['1:incubator', 2],
			['2:incubator', 2],
			['2:accelerator', 1],
			['3:funder', 2]
		]);
		expect(flows.links).toEqual([
			{ source: '1:coworking', target: '2:incubator', count: 2 },
			{ source: '2:incubator', target: '3:funder', count: 2 },
			{ source: '1:incubator', target: '2:accelerator', count: 1 }
		]);
	});

	it('lists first steps, bottlenecks and the territories whose projects leave their département', () => {
		expect(flows.firstSteps.map((f) => [f.key, f.count])).toEqual([
			['coworking', 2],
			['incubator', 2]
		]);
		// Only the incubator has three arrivals or more: 4 arrived, 3 moved on.
		expect(flows.bottlenecks).toEqual([{ key: 's11', label: 'Acteur 11', slug: 'e-11', arrivals: 4, movedOn: 3, stuckShare: 0.25 }]);
		expect(flows.leaving).toEqual([
			{ code: '15', name: 'Cantal', projects: 2, leaving: 2, share: 1 },
			{ code: '63', name: 'Puy-de-Dôme', projects: 2, leaving: 1, share: 0.5 }
		]);
	});
});

describe('aggregateFlows filters and figures', () => {
	it('filters by sector, territory of origin and period', () => {
		expect(aggregateFlows(pathways, { level: 'category', sector: 'digital' }, names, 2026).transitions.map((t) => t.count)).toEqual([2, 2]);
		expect(aggregateFlows(pathways, { level: 'category', departement: '15' }, names, 2026).projects).toBe(2);
		const period = aggregateFlows(pathways, { level: 'category', from: 2019 }, names, 2026);
		// From 2019 on, P1 keeps only its funding step and P2 its whole route.
		expect(period.transitions.map((t) => [t.from, t.to, t.count])).toEqual([
			['coworking', 'incubator', 1],
			['incubator', 'funder', 1]
		]);
	});

	it('at the structure level, keys are structures', () => {
		const flows = aggregateFlows(pathways, { level: 'structure' }, names, 2026);
		expect(flows.transitions[0]).toMatchObject({ from: 's10', to: 's11', fromLabel: 'Acteur 10', count: 2 });
	});

	it('gives the projects behind each figure', () => {
		const f = { level: 'category' as const };
		expect(figureProjects(pathways, f, { figure: 'transition', from: 'coworking', to: 'incubator' }, 2026).ids).toEqual([1, 2]);
		expect(figureProjects(pathways, f, { figure: 'first', key: 'incubator' }, 2026).ids).toEqual([3, 4]);
		expect(figureProjects(pathways, f, { figure: 'stuck', key: 's11' }, 2026).ids).toEqual([3]);
		expect(figureProjects(pathways, f, { figure: 'leaving', code: '15' }, 2026).ids.sort()).toEqual([2, 3]);
	});
});
