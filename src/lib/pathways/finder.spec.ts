import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { historyCounts, rankStep, REACH_KM, ROUTE_TEMPLATE, routeFrom, scoreOption, type Candidate } from './finder';
import { extractPathway, type PathwayEntity } from './extract';
import { prepareFlows, type ProjectPathway } from './flows';
import { entity, rel } from './test-fixtures';

/** Langeac placed by an address-precise point, so that figures are measured ones unless a test says otherwise. */
const origin = { code: '43112', name: 'Langeac', lon: 3.49, lat: 45.1, accuracy: 'exact' as const, epciCode: '200073005' };
const incubationStep = ROUTE_TEMPLATE[1]!;
const query = { sectors: ['agrifood'], needs: [] };
const incubator = (id: number, over: Partial<PathwayEntity>) =>
	entity(id, 'incubator', { stages: ['creation'], offers: ['mentoring', 'hosting', 'training'], sectors: ['agrifood'], ...over });
const at = (
	structure: PathwayEntity,
	distanceKm: number | null,
	end: Candidate['end'] = { accuracy: 'exact', communeCode: structure.communeCode, epciCode: structure.epciCode }
): Candidate => ({ structure, distanceKm, end });

describe('finder scoring', () => {
	it('a structure that does not serve the stage never ranks first, however near and well matched', () => {
		const wrongStage = incubator(1, { stages: ['growth'] });
		const far = incubator(2, { sectors: ['health'], offers: ['training'] });
		const step = rankStep(1, incubationStep, [at(wrongStage, 1), at(far, 55)], query, origin, new Map([[1, 10]]), null);
		expect(step.options.map((o) => o.structure.id)).toEqual([2]);
		expect(scoreOption(at(wrongStage, 1), incubationStep, query, origin, { count: 0, max: 0, previous: null }).serves).toBe(false);
	});

	it('of two equal structures the nearer ranks higher', () => {
		const a = incubator(1, {});
		const b = incubator(2, {});
		const step = rankStep(1, incubationStep, [at(a, 40), at(b, 12)], query, origin, new Map(), null);
		expect(step.options.map((o) => [o.structure.id, o.distanceKm])).toEqual([
			[2, 12],
			[1, 40]
		]);
		expect(step.options[0]!.score).toBeGreaterThan(step.options[1]!.score);
	});

	it('scores out of 100 with five explained parts, and explains the strongest reasons', () => {
		const { score, parts } = scoreOption(at(incubator(1, { communeCode: '43112' }), 0), incubationStep, query, origin, { count: 3, max: 3, previous: null });
		expect(score).toBe(100);
		expect(parts.map((p) => p.key)).toEqual(['stage', 'sector', 'offer', 'distance', 'history']);
		expect(parts.find((p) => p.key === 'distance')?.text).toBe('dans votre commune (Langeac)');
		// Close but in the next commune: said as such, not « dans votre commune ».
		expect(
			scoreOption(at(incubator(2, { communeCode: '43002' }), 0.5), incubationStep, query, origin, { count: 0, max: 0, previous: null }).parts[3]?.text
		).toBe('à 0,5\u00a0km de Langeac');
		const step = rankStep(1, incubationStep, [at(incubator(1, {}), 23.4)], query, origin, new Map(), null);
		// « » and « ; » take non-breaking spaces (French-phrasing module): \s matches them.
		expect(step.options[0]!.why).toMatch(/^Accompagne les projets au stade «\sCréation\s»\s; travaille dans votre secteur \(Agroalimentaire\)/);
	});

	it('does not reward a closeness nobody measured: from a commune placed at its intercommunality’s seat', () => {
		// Saint-Geneys-près-Saint-Paulien sits at Le Puy's point: a Le Puy structure measures 0.2 km.
		const saintGeneys = {
			code: '43187',
			name: 'Saint-Geneys-près-Saint-Paulien',
			lon: 3.885,
			lat: 45.044,
			accuracy: 'epci_seat' as const,
			epciCode: '200073419'
		};
		const lePuy = incubator(1, { communeCode: '43157', epciCode: '200073419' });
		const { parts } = scoreOption(at(lePuy, 0.2), incubationStep, query, saintGeneys, { count: 0, max: 0, previous: null });
		const distance = parts.find((p) => p.key === 'distance')!;
		expect(distance.text).toBe('dans la même intercommunalité que Saint-Geneys-près-Saint-Paulien (distance exacte inconnue)');
		// Counted at half the uncertainty (12.5 km), not at the door.
		expect(distance.points).toBe(Math.round((30 * 20) / (20 + 12.5)));
		const option = rankStep(1, incubationStep, [at(lePuy, 0.2)], query, saintGeneys, new Map(), null).options[0]!;
		expect(option.distance).toMatchObject({ kind: 'same_epci', approx: true, text: 'dans la même intercommunalité' });
		expect(option.why).not.toMatch(/0,2/);
		// Further away, the figure is rounded and says what was measured.
		const brioude = incubator(2, { communeCode: '43040', epciCode: '200073302' });
		const far = scoreOption(at(brioude, 51.3, { accuracy: 'commune', communeCode: '43040', epciCode: '200073302' }), incubationStep, query, saintGeneys, {
			count: 0,
			max: 0,
			previous: null
		});
		expect(far.parts[3]?.text).toBe("à ≈\u00a050\u00a0km de Saint-Geneys-près-Saint-Paulien, mesurée depuis le chef-lieu de l'intercommunalité");
	});

	it('lists the kept options in score order, those beyond the radius included', () => {
		// Two near structures that match little, and a further one that matches everything.
		const weak = (id: number) => incubator(id, { sectors: ['health'], offers: [] });
		const strong = incubator(3, {});
		const step = rankStep(1, incubationStep, [at(weak(1), 10), at(weak(2), 20), at(strong, 70)], query, origin, new Map(), null);
		expect(step.options.map((o) => o.structure.id)).toEqual([3, 1, 2]);
		const scores = step.options.map((o) => o.score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(step.options[0]).toMatchObject({ withinReach: false, distance: { text: '70\u00a0km' } });
	});

	it('keeps 3 to 5 options within reach', () => {
		const many = Array.from({ length: 8 }, (_, i) => at(incubator(i + 1, {}), 5 + i));
		expect(rankStep(1, incubationStep, many, query, origin, new Map(), null).options).toHaveLength(5);
	});

	it('when nothing fits within reach, says so and offers the nearest ones further away', () => {
		const step = rankStep(
			1,
			incubationStep,
			[at(incubator(1, {}), 140), at(incubator(2, {}), 95), at(incubator(3, {}), 210), at(incubator(4, {}), 400)],
			query,
			origin,
			new Map(),
			null
		);
		expect(step.nothingNear).toBe(true);
		expect(step.options.map((o) => [o.structure.id, o.withinReach])).toEqual([
			[2, false],
			[1, false],
			[3, false]
		]);
		expect(REACH_KM).toBeLessThan(95);
	});

	it('starts the route at the entrepreneur’s stage', () => {
		expect(routeFrom('development').map((s) => s.stage)).toEqual(['development', 'growth']);
		expect(routeFrom('emergence')).toHaveLength(ROUTE_TEMPLATE.length);
	});

	it('counts how often projects of the sector went to a structure next', () => {
		const third = entity(20, 'rural_third_place');
		const inc = incubator(21, {});
		const projects = [
			entity(1, 'startup', { sectors: ['agrifood'] }),
			entity(2, 'startup', { sectors: ['agrifood'] }),
			entity(3, 'startup', { sectors: ['health'] })
		];
		const rels = [
			rel('hosted_by', 1, 20, '2019'),
			rel('incubated_by', 1, 21, '2020'),
			rel('hosted_by', 2, 20, '2019'),
			rel('incubated_by', 2, 21, '2021'),
			rel('incubated_by', 3, 21, '2020')
		];
		const all = new Map([third, inc, ...projects].map((e) => [e.id, e]));
		const pathways: ProjectPathway[] = projects.map((p) => ({ project: p, steps: extractPathway(p, rels, (id) => all.get(id)).steps }));
		expect(historyCounts(prepareFlows(pathways), ['agrifood'], ROUTE_TEMPLATE[0]!).get(21)).toBe(2);
		expect(historyCounts(prepareFlows(pathways), ['health'], null).get(21)).toBe(1);
	});
});

describe('finder in English (pages under /en)', () => {
	const french = getLocale;
	beforeEach(() => overwriteGetLocale(() => 'en'));
	afterEach(() => overwriteGetLocale(french));

	it('titles the steps and gives the reasons in English, with British figures', () => {
		const history = { count: 2, max: 2, previous: ROUTE_TEMPLATE[0]! };
		const { parts } = scoreOption(at(incubator(1, { communeCode: '43002' }), 12.3), incubationStep, query, origin, history);
		expect(parts.map((p) => p.text)).toEqual([
			'supports projects at the “Launch” stage',
			'works in your sector (Agrifood)',
			'offers support / mentoring, hosting, training',
			'12\u00a0km from Langeac',
			'2 projects from your sector went there after a step at a rural third place or a coworking space'
		]);
		const step = rankStep(1, incubationStep, [at(incubator(2, {}), 0.5)], query, origin, new Map(), null);
		expect(step.title).toBe('Get support to launch');
		expect(step.options[0]!.why).toMatch(/^Supports projects at the “Launch” stage; works in your sector/);
		expect(step.options[0]!.distance?.text).toBe('0.5\u00a0km');
	});
});
