/**
 * The reads every request makes are compiled once per connection (src/lib/server/db/prepared.ts). A statement kept
 * across requests must still read the current rows, and never another database's: two real files side by side.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, insertSmallTerritories } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import type { Actor } from '../../src/lib/history/revision';
import { preparedFor } from '../../src/lib/server/db/prepared';
import { createEntities, createRelations, deleteEntity, updateEntity } from '../../src/lib/server/services/entity-write.service';
import { findEntityById, findEntityBySlug, filterRevisions, hasDemoEntities } from '../../src/lib/server/repos/entity.repo';
import { entityRow } from '../../src/lib/server/repos/entity-write.repo';
import { relationsOf } from '../../src/lib/server/repos/relation.repo';
import { findTerritorySummaries } from '../../src/lib/server/repos/territory.repo';
import { graphRevision } from '../../src/lib/server/repos/graph.repo';

const editor: Actor = { userId: null, label: 'Éditrice' };
let a: ReturnType<typeof freshDb>;
let b: ReturnType<typeof freshDb>;

function fill(db: Db, name: string): [number, number] {
	insertSmallTerritories(db);
	const [org, person] = createEntities(
		db,
		[
			{ slug: 'lieu', kind: 'third_place', category: 'coworking', name, status: 'published' },
			{ slug: 'camille', kind: 'person', category: 'entrepreneur', name: 'Camille', status: 'published' }
		],
		{ actor: editor, reason: 'test' }
	) as [number, number];
	createRelations(db, [{ type: 'member_of', sourceId: person, targetId: org, startDate: '2021' }], { actor: editor, reason: 'test' });
	return [org, person];
}

beforeEach(() => {
	a = freshDb();
	b = freshDb();
});
afterEach(() => {
	a.close();
	b.close();
});

describe('statements compiled once per connection', () => {
	it('builds a statement once per connection and name, and each connection gets its own', () => {
		let builds = 0;
		const build = (db: Db) => {
			builds++;
			return db.$client.prepare('select 1 as one');
		};
		const first = preparedFor(a.db, 'test.one', build);
		expect(preparedFor(a.db, 'test.one', build)).toBe(first);
		const other = preparedFor(b.db, 'test.one', build);
		expect(other).not.toBe(first);
		expect(builds).toBe(2);
		expect(other.get()).toEqual({ one: 1 });
	});

	it('reads each database’s own rows under the same slug', () => {
		fill(a.db, 'La Fabrique A');
		fill(b.db, 'La Forge B');
		expect(findEntityBySlug(a.db, 'lieu')?.name).toBe('La Fabrique A');
		expect(findEntityBySlug(b.db, 'lieu')?.name).toBe('La Forge B');
		expect(findEntityBySlug(a.db, 'absent')).toBeUndefined();
	});

	it('a kept statement sees the writes made after it was compiled', () => {
		const [org, person] = fill(a.db, 'La Fabrique');
		expect(findEntityById(a.db, org)?.name).toBe('La Fabrique');
		expect(relationsOf(a.db, person).map((r) => [r.otherName, r.direction])).toEqual([['La Fabrique', 'out']]);
		expect(relationsOf(a.db, org).map((r) => [r.otherName, r.direction])).toEqual([['Camille', 'in']]);
		const graphBefore = graphRevision(a.db);
		const revisionsBefore = filterRevisions(a.db);

		updateEntity(a.db, org, { name: 'La Fabrique du Puy' }, { expectedVersion: 1, actor: editor, reason: 'Nouveau nom' });
		expect(findEntityBySlug(a.db, 'lieu')?.name).toBe('La Fabrique du Puy');
		expect(entityRow(a.db, org)?.version).toBe(2);
		expect(relationsOf(a.db, person)[0]?.otherName).toBe('La Fabrique du Puy');
		expect(graphRevision(a.db)).toBeGreaterThan(graphBefore);
		expect(filterRevisions(a.db).search).toBeGreaterThan(revisionsBefore.search);

		deleteEntity(a.db, org, { actor: editor, reason: 'Fermé' });
		expect(findEntityBySlug(a.db, 'lieu')).toBeUndefined();
		expect(findEntityById(a.db, org)).toBeUndefined();
		expect(entityRow(a.db, org)?.deletedAt).not.toBeNull();
		expect(relationsOf(a.db, person)).toEqual([]);
	});

	it('the demo banner follows the demo rows', () => {
		fill(a.db, 'La Fabrique');
		expect(hasDemoEntities(a.db)).toBe(false);
		createEntities(a.db, [{ slug: 'demo', kind: 'organisation', category: 'company', name: 'Démo', isDemo: true }], { actor: editor });
		expect(hasDemoEntities(a.db)).toBe(true);
	});

	it('territory summaries: one statement for any number of codes', () => {
		insertSmallTerritories(a.db);
		expect(findTerritorySummaries(a.db, [])).toEqual([]);
		expect(findTerritorySummaries(a.db, ['63']).map((t) => t.name)).toEqual(['Puy-de-Dôme']);
		expect(
			findTerritorySummaries(a.db, ['15', '63', '99'])
				.map((t) => t.name)
				.sort()
		).toEqual(['Cantal', 'Puy-de-Dôme']);
	});
});
