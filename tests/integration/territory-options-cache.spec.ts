/**
 * Issue 18: the directory's territory choices are kept per connection until an actor's commune or visibility
 * moves (graph_revision) or the territories do (territory_revision). Kept while nothing moved, right after a
 * write that changes them, and never served to or from a transaction (its writes may be rolled back).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, insertSmallTerritories } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { SYSTEM_ACTOR } from '../../src/lib/history/revision';
import { createEntities, deleteEntity, updateEntity } from '../../src/lib/server/services/entity-write.service';
import { territoryOptions } from '../../src/lib/server/services/directory-options.service';

let ctx: ReturnType<typeof freshDb>;
const edit = { actor: SYSTEM_ACTOR, reason: '' };
const communes = () => territoryOptions(ctx.db).communes.map((c) => c.code);
let ids: number[];

beforeEach(() => {
	ctx = freshDb();
	insertSmallTerritories(ctx.db);
	ids = createEntities(ctx.db, [
		{ slug: 'a', kind: 'organisation', category: 'incubator', name: 'Alpha', communeCode: '63113' },
		{ slug: 'b', kind: 'organisation', category: 'startup', name: 'Beta', communeCode: '63113' }
	]);
});
afterEach(() => ctx.close());

describe('territory choices kept per revision', () => {
	it('the same lists while nothing moved (the cache answers), the départements in code order', () => {
		const first = territoryOptions(ctx.db);
		expect(first.departements.map((d) => d.code)).toEqual(['15', '63']);
		expect(first.epcis.length).toBe(2);
		expect(first.communes.map((c) => c.code)).toEqual(['63113']);
		expect(territoryOptions(ctx.db)).toBe(first);
	});

	it('an actor moved to another commune, then deleted: the communes offered follow at once', () => {
		expect(communes()).toEqual(['63113']);
		updateEntity(ctx.db, ids[1]!, { communeCode: '15014' }, { ...edit, expectedVersion: 1 });
		expect(communes().sort()).toEqual(['15014', '63113']);
		deleteEntity(ctx.db, ids[1]!, { ...edit, expectedVersion: 2 });
		expect(communes()).toEqual(['63113']);
	});

	it('a renamed commune (territory_revision) is offered under its new name', () => {
		expect(territoryOptions(ctx.db).communes[0]!.name).toBe('Clermont-Ferrand');
		ctx.db.$client.prepare("update territories set name = 'Clermont' where code = '63113'").run();
		expect(territoryOptions(ctx.db).communes[0]!.name).toBe('Clermont');
	});

	it('inside a transaction: computed afresh, and nothing kept from it', () => {
		const before = territoryOptions(ctx.db);
		const rolledBack = new Error('rolled back');
		expect(() =>
			ctx.db.transaction((tx) => {
				createEntities(tx as unknown as Db, [{ slug: 'c', kind: 'third_place', category: 'coworking', name: 'Gamma', communeCode: '15014' }]);
				expect(
					territoryOptions(ctx.db)
						.communes.map((c) => c.code)
						.sort()
				).toEqual(['15014', '63113']);
				throw rolledBack;
			})
		).toThrow(rolledBack);
		expect(communes()).toEqual(['63113']);
		expect(territoryOptions(ctx.db)).toBe(before);
	});
});
