import { describe, expect, it } from 'vitest';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { graphGroups } from '../../src/lib/server/services/graph-groups.service';
import { graphView } from '../../src/lib/server/services/graph.service';
import { findPaths } from '../../src/lib/server/services/path.service';
import { ValidationError } from '../../src/lib/server/services/errors';

let db: Db;
demoDbForFile((d) => (db = d));
const qs = (s: string) => new URLSearchParams(s);

describe('/api/v1/graph/groups on the demo database', () => {
	it('gathers every filtered actor in one group, and the lines count every relation between groups', async () => {
		const whole = graphView(db, qs('limit=20000'));
		for (const by of ['community', 'epci', 'departement', 'category']) {
			const r = await graphGroups(db, qs(`by=${by}`));
			expect(r.actors).toBe(whole.nodes.length);
			expect(r.relations).toBe(whole.edges.length);
			expect(r.groups.reduce((a, g) => a + g.size, 0)).toBe(r.actors);
			// Nothing opened: every relation is inside a group or on a line between two.
			expect(r.groups.reduce((a, g) => a + g.inner, 0) + r.links.reduce((a, l) => a + l[2], 0)).toBe(r.relations);
			expect(r.members).toEqual([]);
			for (const l of r.links) expect(Object.values(l[3]).reduce((a, b) => a + b, 0)).toBe(l[2]);
		}
	});

	it('names groups in French: a community after its most related actor, a territory, a category', async () => {
		const community = await graphGroups(db, qs('by=community'));
		expect(community.groups[0]!.label).toBe(`autour de ${community.groups[0]!.hub!.label}`);
		expect((await graphGroups(db, qs('by=departement'))).groups.map((g) => g.label)).toContain('Puy-de-Dôme (63)');
		expect((await graphGroups(db, qs('by=category'))).groups.map((g) => g.label)).toContain('Startup');
	});

	it('opens a group in place: its members around it, the other groups where they were', async () => {
		const closed = await graphGroups(db, qs('by=community'));
		const second = closed.groups[1]!;
		const opened = await graphGroups(db, qs(`by=community&open=${second.key}`));
		expect(opened.groups.map((g) => [g.key, g.x, g.y])).toEqual(closed.groups.map((g) => [g.key, g.x, g.y]));
		expect(opened.groups[1]!.open).toBe(true);
		expect(opened.members).toHaveLength(Math.min(second.size, 200));
		for (const [, , , g, x, y] of opened.members) {
			expect(g).toBe(1);
			expect(Math.hypot(x - second.x, y - second.y)).toBeLessThanOrEqual(second.r + 1);
		}
		// The members' relations among themselves are drawn one by one.
		const ids = new Set(opened.members.map((m) => m[0]));
		for (const [, s, t] of opened.edges) expect(ids.has(s) && ids.has(t)).toBe(true);
		expect(opened.edges.length).toBeGreaterThan(0);
	});

	it('draws a path’s steps one by one (reveal), their groups closed around them, and its relations', async () => {
		const closed = await graphGroups(db, qs('by=community'));
		const [a, b] = [closed.groups[0]!.hub!.id, closed.groups[1]!.hub!.id];
		const path = findPaths(db, qs(`from=${a}&to=${b}`)).paths[0]!;
		const r = await graphGroups(db, qs(`by=community${path.nodes.map((id) => `&reveal=${id}`).join('')}`));
		const shown = new Set(r.members.map((m) => m[0]));
		for (const id of path.nodes) expect(shown.has(id)).toBe(true);
		const drawn = new Set(r.edges.map((e) => e[0]));
		for (const e of path.edges) expect(drawn.has(e.id)).toBe(true);
		expect(r.groups.every((g) => !g.open)).toBe(true);
		expect(r.members).toHaveLength(path.nodes.length);
	});

	it('follows the filters and refuses an unknown grouping in French', async () => {
		const startups = await graphGroups(db, qs('by=category&category=startup'));
		expect(startups.groups.map((g) => g.key)).toEqual(['startup']);
		const typed = await graphGroups(db, qs('by=community&type=incubated_by'));
		expect(typed.relations).toBe(graphView(db, qs('limit=20000&type=incubated_by')).edges.length);
		await expect(graphGroups(db, qs('by=couleur'))).rejects.toThrow(ValidationError);
	});
});
