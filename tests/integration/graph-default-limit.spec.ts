import { describe, expect, it } from 'vitest';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { createEntities, createRelations } from '../../src/lib/server/services/entity-write.service';
import { graphView } from '../../src/lib/server/services/graph.service';
import { ValidationError } from '../../src/lib/server/services/errors';
import { GRAPH_DEFAULT_LIMIT, GRAPH_MAX_LIMIT } from '../../src/lib/domain/graph-query';

let db: Db;
demoDbForFile((d) => (db = d));

describe('/api/v1/graph has a default and a maximum size (issue 18)', () => {
	it('without limit, answers the 2,000 most related actors and says it left some out', () => {
		// The demo has ~520 actors: 2,000 more, in pairs, make a graph larger than the default.
		const ids = createEntities(
			db,
			Array.from({ length: 2_000 }, (_, i) => ({
				slug: `acteur-en-plus-${i}`,
				kind: 'organisation' as const,
				category: 'company',
				name: `Acteur en plus ${i}`,
				communeCode: '63113'
			}))
		);
		createRelations(
			db,
			ids
				.filter((_, i) => i % 2 === 0)
				.map((id, i) => ({ type: 'partner_of' as const, sourceId: id, targetId: ids[2 * i + 1]!, confirmation: 'declared' as const, source: 'test' }))
		);
		const all = graphView(db, new URLSearchParams(`limit=${GRAPH_MAX_LIMIT}`));
		expect(all.total).toBeGreaterThan(GRAPH_DEFAULT_LIMIT);
		expect(all.nodes).toHaveLength(all.total);
		expect(all.truncated).toBe(false);

		const byDefault = graphView(db, new URLSearchParams());
		expect(byDefault.nodes).toHaveLength(GRAPH_DEFAULT_LIMIT);
		expect(byDefault.total).toBe(all.total);
		expect(byDefault.truncated).toBe(true);
		// The most related first: no actor left out is more related than the least related one kept.
		const kept = new Set(byDefault.nodes.map((n) => n.id));
		const leastKept = Math.min(...all.nodes.filter((n) => kept.has(n.id)).map((n) => n.degree));
		expect(Math.max(...all.nodes.filter((n) => !kept.has(n.id)).map((n) => n.degree))).toBeLessThanOrEqual(leastKept);
	});

	it('refuses more than the maximum with a French message', () => {
		expect(() => graphView(db, new URLSearchParams(`limit=${GRAPH_MAX_LIMIT + 1}`))).toThrow(ValidationError);
		try {
			graphView(db, new URLSearchParams(`limit=${GRAPH_MAX_LIMIT + 1}`));
		} catch (e) {
			expect((e as Error).message).toMatch(/limit/);
			expect((e as Error).message).toMatch(/20\s?000|20000/);
		}
	});
});
