import { describe, expect, it } from 'vitest';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { livePathways } from '../../src/lib/server/pathways/pathway-cache';
import { projectWithSteps } from './project-with-steps';
import { entityPathway, findRoute, flowsCsv, pathwayApi, pathwayFlows, pathwayProjects } from '../../src/lib/server/services/pathway.service';
import { createRelations } from '../../src/lib/server/services/entity-write.service';
import { NotFoundError, ValidationError } from '../../src/lib/server/services/errors';
import { REACH_KM } from '../../src/lib/pathways/finder';

let db: Db;
demoDbForFile((d) => (db = d));

const qs = (s: string) => new URLSearchParams(s);

describe('pathways on the demo database', () => {
	it('gives a startup its dated, sourced timeline, and none to a support structure', () => {
		const live = livePathways(db);
		const rich = projectWithSteps(db, live, (n) => n >= 4);
		expect(rich, 'a demo startup with four steps or more').toBeDefined();
		const pathway = pathwayApi(db, qs(`entity=${rich!.slug}`));
		expect(pathway.subject.slug).toBe(rich!.slug);
		expect(pathway.steps).toHaveLength(live.stepCounts.get(rich!.id)!);
		const dated = pathway.steps.filter((s) => s.dateKnown).map((s) => s.start as string);
		expect(dated).toEqual([...dated].sort());
		expect(pathway.steps.every((s) => s.structure.name.length > 0)).toBe(true);
		const incubator = live.structures.find((s) => s.category === 'incubator')!;
		expect(entityPathway(db, incubator.slug)).toBeNull();
		expect(() => pathwayApi(db, qs(`entity=${incubator.slug}`))).toThrow(NotFoundError);
		expect(() => pathwayApi(db, qs('entity=personne-inconnue'))).toThrow(NotFoundError);
		expect(() => pathwayApi(db, qs(''))).toThrow(ValidationError);
	});

	it('aggregates flows whose figures agree with the projects behind them', () => {
		const flows = pathwayFlows(db, qs(''));
		expect(flows.projects).toBeGreaterThan(50);
		expect(flows.transitions.length).toBeGreaterThan(5);
		const top = flows.transitions[0]!;
		const behind = pathwayProjects(db, qs(`figure=transition&from_key=${top.from}&to_key=${top.to}`));
		expect(behind.projects).toHaveLength(top.count);
		const first = flows.firstSteps[0]!;
		expect(pathwayProjects(db, qs(`figure=first&key=${first.key}`)).projects).toHaveLength(first.count);
		expect(flows.leaving.map((l) => l.code).sort()).toEqual(['03', '15', '43', '63']);
		const cantal = pathwayFlows(db, qs('departement=15'));
		expect(cantal.projects).toBeLessThan(flows.projects);
		expect(cantal.leaving.every((l) => l.code.length === 9)).toBe(true);
		const period = pathwayFlows(db, qs('from=2020&to=2022'));
		expect(period.transitions.reduce((t, x) => t + x.count, 0)).toBeLessThan(flows.transitions.reduce((t, x) => t + x.count, 0));
	});

	it('every block and band of the diagram lists as many projects as it counts, « Autres structures » included', () => {
		for (const level of ['category', 'structure']) {
			const flows = pathwayFlows(db, qs(`level=${level}`));
			if (level === 'structure') expect(flows.nodes.some((n) => n.key === 'other')).toBe(true);
			for (const node of flows.nodes) {
				expect(pathwayProjects(db, qs(`level=${level}&figure=reached&rank=${node.rank}&key=${node.key}`)).projects, node.id).toHaveLength(node.count);
				if (level === 'structure' && node.key !== 'other') expect(node.category, node.id).toBeTruthy();
			}
			for (const link of flows.links) {
				const [rank, from] = [Number(link.source.split(':')[0]), link.source.split(':')[1]];
				const to = link.target.split(':')[1];
				expect(
					pathwayProjects(db, qs(`level=${level}&figure=transition&from_key=${from}&to_key=${to}&rank=${rank}`)).projects,
					`${link.source}>${link.target}`
				).toHaveLength(link.count);
			}
		}
		const b = pathwayFlows(db, qs('')).bottlenecks[0]!;
		expect(pathwayProjects(db, qs(`figure=arrived&key=${b.key}`)).projects).toHaveLength(b.arrivals);
		expect(pathwayProjects(db, qs(`figure=stuck&key=${b.key}`)).projects).toHaveLength(b.arrivals - b.movedOn);
	});

	it('refuses bad filters with French messages', () => {
		for (const bad of ['sector=nucleaire', 'departement=9', 'from=2022&to=2019', 'level=tout', 'from=deux-mille']) {
			try {
				pathwayFlows(db, qs(bad));
				expect.unreachable(bad);
			} catch (e) {
				expect(e, bad).toBeInstanceOf(ValidationError);
				expect((e as ValidationError).issues.join(' ')).toMatch(/[a-zé]/);
			}
		}
		expect(() => pathwayProjects(db, qs('figure=inconnue'))).toThrow(ValidationError);
	});

	it('writes the transitions as CSV, one row each, with a header', () => {
		const csv = flowsCsv(db, qs('level=structure')).body;
		expect(csv.startsWith('\ufeff'), 'BOM: spreadsheets read the accents as UTF-8').toBe(true);
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe('de;vers;de_code;vers_code;projets;mois_median_entre_etapes');
		expect(lines.length - 1).toBe(pathwayFlows(db, qs('level=structure')).transitionCount);
	});

	it('proposes a route from a small commune of Haute-Loire, each step with 3 to 5 structures within reach or said otherwise', () => {
		// Langeac (43112).
		const route = findRoute(db, qs('stage=creation&sector=agrifood&commune=43112&need=funding'));
		expect(route.origin.name).toBe('Langeac');
		expect(route.steps.map((s) => s.stage)).toEqual(['creation', 'creation', 'development', 'growth']);
		for (const step of route.steps) {
			expect(step.options.length).toBeGreaterThanOrEqual(3);
			expect(step.options.length).toBeLessThanOrEqual(5);
			// Listed in score order (issue 12): one beyond the radius may come first, marked « hors rayon ».
			if (!step.nothingNear) expect(step.options.some((o) => o.distanceKm! <= REACH_KM && o.withinReach)).toBe(true);
			expect(step.options.map((o) => o.score)).toEqual(step.options.map((o) => o.score).sort((a, b) => b - a));
			for (const o of step.options) {
				expect(o.why.length).toBeGreaterThan(10);
				expect(o.parts.reduce((t, p) => t + p.points, 0)).toBe(o.score);
			}
		}
		expect(route.steps[1]!.options[0]!.structure.offers).toContain('funding');
		// Same answers, same route: the URL can be shared.
		expect(findRoute(db, qs('stage=creation&sector=agrifood&commune=43112&need=funding'))).toEqual(route);
	});

	it('explains what is wrong with the finder’s answers', () => {
		expect(() => findRoute(db, qs('sector=digital&commune=43112'))).toThrow(/stade/);
		expect(() => findRoute(db, qs('stage=creation'))).toThrow(/commune/);
		expect(() => findRoute(db, qs('stage=creation&commune=75056'))).toThrow(/inconnue/);
		expect(() => findRoute(db, qs('stage=creation&commune=43112&need=argent'))).toThrow(ValidationError);
	});

	it("one actor's pathway, read from the database, has the steps the whole build counted for every project", () => {
		const live = livePathways(db);
		expect(live.stepCounts.size).toBeGreaterThan(10);
		for (const [id, steps] of live.stepCounts) expect(entityPathway(db, String(id))!.steps, `projet ${id}`).toHaveLength(steps);
	});

	it('sees a new step at once (the cache follows the graph revision)', () => {
		const live = livePathways(db);
		const project = { project: projectWithSteps(db, live, (n) => n === 0) };
		const structure = live.structures.find((s) => s.category === 'accelerator')!;
		const before = entityPathway(db, project.project.slug)!.steps.length;
		createRelations(db, [
			{ type: 'accelerated_by', sourceId: project.project.id, targetId: structure.id, startDate: '2025-04', source: 'https://exemple.fr/communique' }
		]);
		const after = entityPathway(db, project.project.slug)!;
		expect(after.steps).toHaveLength(before + 1);
		expect(after.steps.some((s) => s.structure.id === structure.id && s.start === '2025-04')).toBe(true);
	});
});
