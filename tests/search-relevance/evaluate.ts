/**
 * Runs the relevance set against one search strategy and measures it: for each query the rank of the first
 * expected actor in the first 10 results, then success@1 (share of queries whose first result is expected),
 * success@5 (an expected actor among the first 5) and MRR (mean of 1 / rank, 0 when none is in the first 10).
 * Shared by `npm run eval:search` (before / after figures) and the relevance test (floors).
 */
import type { Db } from '../../src/lib/server/db/index';
import { search, type SearchStrategy } from '../../src/lib/server/services/search.service';
import { relevanceSet, type RelevanceQuery } from './queries';

/** How many results are looked at: the first page a visitor reads. */
export const DEPTH = 10;

export interface QueryOutcome {
	q: string;
	why: string;
	/** 1-based rank of the first expected actor, null when none is in the first DEPTH results. */
	rank: number | null;
	/** Slugs returned, in order (at most DEPTH). */
	returned: string[];
}

export interface Evaluation {
	strategy: SearchStrategy;
	queries: number;
	successAt1: number;
	successAt5: number;
	mrr: number;
	outcomes: QueryOutcome[];
	/** Queries whose first result is not expected (rank > 1 or not found), worst first. */
	failing: QueryOutcome[];
}

/** The figures a relevance floor is made of (floor.json). */
export type Figures = Pick<Evaluation, 'successAt1' | 'successAt5' | 'mrr'>;

export function evaluateQuery(db: Db, query: RelevanceQuery, strategy: SearchStrategy): QueryOutcome {
	const returned = search(db, query.q, { limit: DEPTH, strategy }).hits.map((h) => h.slug);
	const expected = new Set(query.expect);
	const index = returned.findIndex((slug) => expected.has(slug));
	return { q: query.q, why: query.why, rank: index < 0 ? null : index + 1, returned };
}

export function evaluate(db: Db, strategy: SearchStrategy, set: readonly RelevanceQuery[] = relevanceSet): Evaluation {
	const outcomes = set.map((query) => evaluateQuery(db, query, strategy));
	const n = outcomes.length || 1;
	const share = (test: (o: QueryOutcome) => boolean) => outcomes.filter(test).length / n;
	const failing = outcomes.filter((o) => o.rank !== 1).sort((a, b) => (b.rank ?? DEPTH + 1) - (a.rank ?? DEPTH + 1));
	return {
		strategy,
		queries: outcomes.length,
		successAt1: share((o) => o.rank === 1),
		successAt5: share((o) => o.rank !== null && o.rank <= 5),
		mrr: outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n,
		outcomes,
		failing
	};
}

/** The figures that fell below their floor (empty when none did). */
export function belowFloor(figures: Figures, floor: Figures): (keyof Figures)[] {
	const keys: (keyof Figures)[] = ['successAt1', 'successAt5', 'mrr'];
	// A hair of tolerance: the floors are written rounded down, the figures are exact ratios.
	return keys.filter((k) => figures[k] < floor[k] - 1e-9);
}
