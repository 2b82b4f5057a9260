import { describe, expect, it } from 'vitest';
import { extractPathway, hasPathway } from './extract';
import { entity, rel } from './test-fixtures';

const startup = entity(1, 'startup');
const founder = entity(2, 'entrepreneur');
const coworking = entity(3, 'coworking');
const incubator = entity(4, 'incubator');
const funder = entity(5, 'funder');
const cluster = entity(6, 'cluster');
const company = entity(7, 'company');
const all = new Map([startup, founder, coworking, incubator, funder, cluster, company].map((e) => [e.id, e]));
const byId = (id: number) => all.get(id);

describe('extractPathway', () => {
	it('orders dated steps by start, founding first on the same date, undated last without an invented date', () => {
		const relations = [
			rel('funded_by', 1, 5, '2020-02'),
			rel('incubated_by', 1, 4, '2019-06', '2020-06'),
			rel('hosted_by', 1, 3, '2019'),
			rel('founded', 2, 1, '2019'),
			rel('member_of', 1, 6, null)
		];
		const p = extractPathway(startup, relations, byId);
		expect(p.steps.map((s) => [s.order, s.type, s.structure.id, s.start])).toEqual([
			[1, 'founded', 2, '2019'],
			[2, 'hosted_by', 3, '2019'],
			[3, 'incubated_by', 4, '2019-06'],
			[4, 'funded_by', 5, '2020-02'],
			[5, 'member_of', 6, null]
		]);
		// Said of a startup: feminine, no inclusive-writing dot (« fondée par »).
		expect(p.steps[0]?.label).toBe('fondée par');
		expect(p.steps[4]?.dateKnown).toBe(false);
		expect(p.undated).toBe(1);
	});

	it('marks a step that starts while an earlier one is still running', () => {
		const relations = [rel('incubated_by', 1, 4, '2019-06', '2020-06'), rel('funded_by', 1, 5, '2020-02'), rel('hosted_by', 1, 3, '2021-01')];
		const p = extractPathway(startup, relations, byId);
		expect(p.steps.map((s) => s.overlapsPrevious)).toEqual([false, true, false]);
	});

	it('keeps only the subject’s own steps: no works_at, no membership of a non-network, no steps of others', () => {
		const relations = [rel('works_at', 2, 7, '2015'), rel('member_of', 1, 7, '2020'), rel('incubated_by', 7, 4, '2018'), rel('incubated_by', 1, 4, '2019')];
		expect(extractPathway(startup, relations, byId).steps.map((s) => s.structure.id)).toEqual([4]);
	});

	it('an entrepreneur’s pathway starts with the company founded (a fondé)', () => {
		const p = extractPathway(founder, [rel('founded', 2, 1, '2019-03'), rel('trained_by', 2, 4, '2018')], byId);
		expect(p.steps.map((s) => [s.type, s.label, s.structure.id])).toEqual([
			['trained_by', 'formation auprès de', 4],
			['founded', 'a fondé', 1]
		]);
	});

	it('only startups, companies and entrepreneurs have a pathway', () => {
		expect([startup, company, founder, incubator, coworking].map(hasPathway)).toEqual([true, true, true, false, false]);
	});
});
