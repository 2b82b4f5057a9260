/**
 * Issue 18 §1: the editors' lists at 100,000 actors and 500,000 relations (/moderation/relations 4.2 s,
 * /moderation/fiches 0.7 s before migration 0020). Each list and each count behind those pages must be read from
 * its partial index (drizzle/0020_editor_pages_indexes.sql), which SQLite uses only while the query repeats the
 * index's condition word for word: a query reworded, an index dropped or a join added fails here. The services are
 * called as the pages call them, every statement they run is recorded and its plan asked of SQLite with the same
 * parameters (as list-plans-100k.spec.ts does for every list); the lists are then checked to name the expected
 * index, never to read a large table whole nor to sort it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/index';
import { freshDb, insertSmallTerritories } from './fresh-db';
import { inviteUser, type AccountUser } from '../../src/lib/server/services/users.service';
import { relationsToReview } from '../../src/lib/server/services/relation-review.service';
import { bandLimits, dashboardListings } from '../../src/lib/server/services/dashboard.service';
import { countListings, relationCounts } from '../../src/lib/server/repos/dashboard.repo';

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let editor: AccountUser;

interface Plan {
	sql: string;
	plan: string[];
}

/** Every SELECT `run` executes, with its plan for the same parameters. */
function plansOf(run: () => unknown): Plan[] {
	const seen: { sql: string; params: unknown[] }[] = [];
	const proto = Object.getPrototypeOf(db.$client.prepare('select 1')) as Record<string, (...args: unknown[]) => unknown>;
	const originals = (['all', 'get', 'iterate', 'run'] as const).map((method) => [method, proto[method]!] as const);
	for (const [method, original] of originals)
		proto[method] = function (this: { source: string }, ...params: unknown[]) {
			seen.push({ sql: this.source, params });
			return original.apply(this, params);
		};
	try {
		run();
	} finally {
		for (const [method, original] of originals) proto[method] = original;
	}
	return seen
		.filter((s) => /^\s*select\b/i.test(s.sql))
		.map((s) => ({
			sql: s.sql,
			plan: (db.$client.prepare(`explain query plan ${s.sql}`).all(...s.params) as { detail: string }[]).map((r) => r.detail)
		}));
}

/** A large table read without an index, or its rows sorted after an index walk. */
const wholeReads = (p: Plan) =>
	p.plan.filter((l) => /^SCAN (entities|relations)\b(?! AS \w+ USING| USING)|^SCAN \w+$/.test(l) && !/^SCAN CONSTANT ROW/.test(l));
const sortsList = (p: Plan) => /order by/i.test(p.sql) && /\blimit\b/i.test(p.sql) && p.plan.some((l) => /USE TEMP B-TREE FOR ORDER BY/.test(l));

beforeAll(() => {
	ctx = freshDb();
	db = ctx.db;
	insertSmallTerritories(db);
	editor = {
		id: inviteUser(db, 'cli', { email: 'redaction@plans.test', displayName: 'Rédaction', role: 'editor' }).userId,
		email: 'redaction@plans.test',
		displayName: 'Rédaction',
		role: 'editor'
	};
	// Enough rows to have pages (the plans themselves come from the schema: nothing runs ANALYZE, as on the server).
	db.$client.exec(`
		with recursive n(x) as (select 1 union all select x + 1 from n where x < 2000)
		insert into entities (slug, kind, category, name, status, commune_code, last_verified_at, deleted_at)
		select 'plan-' || x, 'organisation', 'startup', 'Acteur ' || x, case when x % 50 = 0 then 'draft' else 'published' end,
			case x % 3 when 0 then '63113' when 1 then '15014' else null end,
			case when x % 4 = 0 then null else '2025-0' || (1 + x % 9) || '-01' end,
			case when x % 200 = 0 then '2026-01-01' else null end
		from n;
		with recursive n(x) as (select 1 union all select x + 1 from n where x < 8000)
		insert into relations (type, source_id, target_id, source, confirmation, created_at)
		select 'partner_of', 1 + x % 2000, 1 + (x * 7 + 1) % 2000, case when x % 3 = 0 then null else 'https://exemple.fr' end,
			case x % 5 when 0 then 'confirmed' when 1 then 'disputed' else 'declared' end, '2026-0' || (1 + x % 9) || '-01T00:00:00.000Z'
		from n where 1 + x % 2000 <> 1 + (x * 7 + 1) % 2000;`);
});
afterAll(() => ctx?.close());

describe('the editors’ lists read their partial indexes (migration 0020)', () => {
	it('/moderation/relations: each list, its next and previous pages by key, and the counts of the tabs', () => {
		const index = {
			'sans-source': 'relations_review_unsourced_idx',
			'non-confirmees': 'relations_review_declared_idx',
			contestees: 'relations_review_disputed_idx'
		};
		for (const [filter, name] of Object.entries(index)) {
			const first = relationsToReview(db, editor, filter, null);
			expect(first.relations.length, filter).toBe(100);
			const plans = [
				...plansOf(() => relationsToReview(db, editor, filter, null)),
				...plansOf(() => relationsToReview(db, editor, filter, '2', { after: first.olderKey })),
				// (page 1 itself is read from the top: « plus récentes » from page 3 is the case read before a key.)
				...plansOf(() => relationsToReview(db, editor, filter, '2', { before: first.newerKey }))
			];
			const lists = plans.filter((p) => /from relations r\s+join entities s/i.test(p.sql));
			expect(lists.length, filter).toBe(3);
			for (const p of lists) {
				expect(p.plan[0], `${filter}\n${p.plan.join('\n')}`).toMatch(new RegExp(`^SEARCH r USING INDEX ${name} \\(|^SCAN r USING INDEX ${name}$`));
				expect(sortsList(p), `${filter}\n${p.plan.join('\n')}`).toBe(false);
			}
			// The pages after and before a key start from it in the index, not from the top.
			expect(lists[1]!.plan[0]).toMatch(/^SEARCH r USING INDEX \w+ \(created_at<\?\)|^SEARCH r USING INDEX \w+ \(\(created_at,id\)<\(\?,\?\)\)/);
			expect(lists[2]!.plan[0]).toMatch(/^SEARCH r USING INDEX \w+ \(created_at>\?\)|^SEARCH r USING INDEX \w+ \(\(created_at,id\)>\(\?,\?\)\)/);
		}
		// The counts (kept per data revision): a write first, so they are read again here.
		db.$client.prepare("update relations set description = 'x' where id = 1").run();
		const counts = plansOf(() => relationsToReview(db, editor, 'sans-source', null)).filter((p) => /count\(\*\)/i.test(p.sql));
		expect(counts.length).toBe(3);
		for (const p of counts) {
			expect(p.plan.join('\n')).toMatch(/SCAN r USING INDEX relations_review_\w+_idx/);
			expect(p.plan.join('\n')).toMatch(/SCAN e USING INDEX entities_deleted_idx/);
			expect(wholeReads(p), p.plan.join('\n')).toEqual([]);
			expect(p.plan.join('\n')).not.toMatch(/SCAN d\b/);
		}
	});

	it("/moderation/fiches: the lists by freshness (all, « à vérifier », a département, without manager) and their counts; the dashboard's relation figures", () => {
		const limits = bandLimits(new Date());
		const plans = [
			...plansOf(() => dashboardListings(db, editor, {}, 1)),
			...plansOf(() => dashboardListings(db, editor, { band: 'a-verifier' }, 1)),
			...plansOf(() => dashboardListings(db, editor, { departement: '63' }, 1)),
			...plansOf(() => dashboardListings(db, editor, { departement: '', withoutManager: true }, 1)),
			...plansOf(() => countListings(db, { band: 'a-verifier', limits, withoutManager: true })),
			...plansOf(() => relationCounts(db))
		];
		const lists = plans.filter((p) => /from entities e/i.test(p.sql) && /\blimit\b/i.test(p.sql));
		expect(lists.length).toBe(4);
		for (const p of lists.slice(0, 2)) {
			expect(p.plan[0], p.plan.join('\n')).toBe('SCAN e USING INDEX entities_freshness_order_idx');
			expect(sortsList(p), p.plan.join('\n')).toBe(false);
		}
		// A département's listings are found from its communes (one département's rows sorted, not the directory's),
		// through either index led by the commune (SQLite takes the narrower, entities_match_name_idx, since 0021).
		expect(lists[2]!.plan[0], lists[2]!.plan.join('\n')).toMatch(/^SEARCH e USING INDEX entities_(commune|match_name)_idx \(commune_code=\?\)$/);
		expect(wholeReads(lists[3]!), lists[3]!.plan.join('\n')).toEqual([]);
		const counts = plans.filter((p) => /^select count\(\*\) as n from entities e/i.test(p.sql.trim()));
		expect(counts.length).toBe(5);
		for (const p of counts) {
			// The listings' partial index, or for a département a search of its communes' listings.
			expect(p.plan[0], p.plan.join('\n')).toMatch(
				/^SCAN e USING (COVERING )?INDEX entities_freshness_order_idx$|^SEARCH e USING (COVERING )?INDEX \w+ \(commune_code=\?\)$/
			);
			expect(wholeReads(p), p.plan.join('\n')).toEqual([]);
			// No territory read per listing: a département is a search of its communes.
			expect(p.plan.join('\n'), p.plan.join('\n')).not.toMatch(/SEARCH t USING/);
		}
		const figures = plans.find((p) => /as unconfirmed/.test(p.sql))!;
		expect(figures.plan.join('\n')).toMatch(/relations_review_declared_idx[\s\S]*relations_review_unsourced_idx/);
		expect(wholeReads(figures)).toEqual([]);
	});
});
