import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { entities } from '../../src/lib/server/db/schema';
import { revisionsOf } from '../../src/lib/server/repos/revision.repo';
import { entitySnapshot } from '../../src/lib/history/snapshot';
import { createEntities, updateEntities, updateEntity } from '../../src/lib/server/services/entity-write.service';
import { ConflictError, ValidationError } from '../../src/lib/server/services/errors';

const actor = { userId: null, label: 'Test lot' };

/** updateEntities must leave the same rows and revisions as updateEntity on each edit. */
describe('updateEntities, the batch edit of the write path', () => {
	let t: ReturnType<typeof freshDb>;
	let ids: number[];
	beforeEach(() => {
		t = freshDb();
		insertSmallTerritories(t.db);
		ids = createEntities(t.db, [
			{ slug: 'a', kind: 'third_place', category: 'coworking', name: 'A', communeCode: '15014' },
			{ slug: 'b', kind: 'third_place', category: 'fablab', name: 'B', communeCode: '63113' },
			{ slug: 'c', kind: 'third_place', category: 'coworking', name: 'C' }
		]);
	});
	afterEach(() => t.close());

	const row = (id: number) => t.db.select().from(entities).where(eq(entities.id, id)).get()!;

	it('writes what updateEntity writes: new fields, derived search terms, version, one revision; nothing for an identical edit', () => {
		const [a, b, c] = ids as [number, number, number];
		const results = updateEntities(
			t.db,
			[
				{ id: a, expectedVersion: 1, patch: { summary: 'Nouveau', communeCode: '63113' } },
				{ id: b, expectedVersion: 1, patch: { name: 'B' } }
			],
			{ actor, reason: 'lot', operation: 'import' }
		);
		updateEntity(t.db, c, { summary: 'Nouveau', communeCode: '63113' }, { actor, reason: 'un par un', expectedVersion: 1 });
		expect(results.map((r) => [r.version, r.revisionId === null])).toEqual([
			[2, false],
			[1, true]
		]);
		const batched = row(a);
		const single = row(c);
		expect(batched).toMatchObject({ summary: 'Nouveau', communeCode: '63113', version: 2, searchTerms: single.searchTerms });
		expect(batched.searchTerms).toContain('Clermont-Ferrand');
		const revision = revisionsOf(t.db, 'entity', a).find((r) => r.version === 2)!;
		expect(revision).toMatchObject({ operation: 'import', reason: 'lot', authorLabel: 'Test lot', id: results[0]!.revisionId });
		expect(revision.snapshot).toEqual(entitySnapshot(batched));
		expect(revisionsOf(t.db, 'entity', b)).toHaveLength(1);
	});

	it('refuses a stale version, an unknown commune or a repeated listing, and writes nothing', () => {
		const [a, b] = ids as [number, number];
		const before = [row(a), row(b)];
		expect(() =>
			updateEntities(
				t.db,
				[
					{ id: a, expectedVersion: 1, patch: { summary: 'x' } },
					{ id: b, expectedVersion: 7, patch: { summary: 'y' } }
				],
				{ actor, reason: '' }
			)
		).toThrow(ConflictError);
		expect(() => updateEntities(t.db, [{ id: a, expectedVersion: 1, patch: { communeCode: '99999' } }], { actor, reason: '' })).toThrow(/99999 inconnue/);
		expect(() =>
			updateEntities(
				t.db,
				[
					{ id: a, expectedVersion: 1, patch: {} },
					{ id: a, expectedVersion: 1, patch: {} }
				],
				{ actor, reason: '' }
			)
		).toThrow(ValidationError);
		expect([row(a), row(b)]).toEqual(before);
		expect(revisionsOf(t.db, 'entity', a)).toHaveLength(1);
	});
});
