/**
 * Search relevance must not drop: the default (forgiving) search, run over the relevance set on the demo, keeps
 * success@1, success@5 and MRR at or above the floors of tests/search-relevance/floor.json (raise them when search
 * gets better; `npm run eval:search` prints the figures and the queries still missed). The set itself stays
 * meaningful: enough queries, none twice, and every expected actor present in the demo.
 */
import { describe, expect, it } from 'vitest';
import { demoDbForFile } from './fresh-db';
import type { Db } from '../../src/lib/server/db/index';
import { relevanceSet } from '../search-relevance/queries';
import { belowFloor, evaluate } from '../search-relevance/evaluate';
import floor from '../search-relevance/floor.json';

let db: Db;
demoDbForFile((d) => (db = d));

describe('the relevance set', () => {
	it('holds at least 60 queries, each with a trait and expected actors', () => {
		expect(relevanceSet.length).toBeGreaterThanOrEqual(60);
		for (const query of relevanceSet) {
			expect(query.q.trim(), JSON.stringify(query)).not.toBe('');
			expect(query.why.trim(), query.q).not.toBe('');
			expect(query.expect.length, query.q).toBeGreaterThan(0);
		}
	});

	it('asks no query twice (ignoring case and surrounding spaces)', () => {
		const seen = new Map<string, number>();
		for (const { q } of relevanceSet) {
			const key = q.normalize('NFC').trim().toLocaleLowerCase('fr');
			seen.set(key, (seen.get(key) ?? 0) + 1);
		}
		expect([...seen].filter(([, n]) => n > 1).map(([q]) => q)).toEqual([]);
	});

	it('expects only actors the demo publishes', () => {
		const published = new Set(
			(db.$client.prepare(`select slug from entities where status = 'published' and deleted_at is null`).all() as { slug: string }[]).map((r) => r.slug)
		);
		const missing = relevanceSet.flatMap(({ q, expect: slugs }) => slugs.filter((s) => !published.has(s)).map((s) => `${q} → ${s}`));
		expect(missing).toEqual([]);
	});
});

describe('search relevance (forgiving strategy)', () => {
	it('stays at or above the floors of floor.json', () => {
		const result = evaluate(db, 'forgiving');
		const figures = { successAt1: result.successAt1, successAt5: result.successAt5, mrr: result.mrr };
		expect(belowFloor(figures, floor), `figures ${JSON.stringify(figures)} against floors ${JSON.stringify(floor)}`).toEqual([]);
	});
});
