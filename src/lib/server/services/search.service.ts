import { categoryLabel, kindLabel } from '$lib/domain/vocabulary';
import type { Db } from '../db';
import { countMatches, matchIds, plainRows, rankedIds, rankedPage, type PlainRow, type SearchRow } from '../repos/search.repo';
import { asTyped } from '../search/query-plan';
import { Highlighter, type Marks } from '../search/highlight';
import { FacetTable } from '../search/facet-table';
import type { GraphIndex } from '$lib/graph/graph-index';
import { liveGraph } from '../graph/graph-cache';
import { territoryLookups } from './territory-lookups';
import { marksOf, planSearch, type SearchOptions } from './search-plan';

export { planSearch, type SearchOptions, type SearchPlan, type SearchStrategy } from './search-plan';

export interface SnippetSegment {
	text: string;
	hit: boolean;
}

export interface SearchHit {
	id: number;
	slug: string;
	name: string;
	kind: string;
	kindLabel: string;
	category: string;
	categoryLabel: string;
	communeName: string | null;
	snippet: SnippetSegment[];
}

/** Splits FTS5's marked snippet into plain segments so pages render highlights without raw HTML. */
export function snippetSegments(marked: string): SnippetSegment[] {
	const segments: SnippetSegment[] = [];
	let hit = false;
	let text = '';
	for (const ch of marked) {
		if (ch === '\u0002' || ch === '\u0003') {
			if (text) segments.push({ text, hit });
			text = '';
			hit = ch === '\u0002';
		} else text += ch;
	}
	if (text) segments.push({ text, hit });
	return segments;
}

/** The most readable excerpt that shows a hit: summary, then description, then labels and places. */
export function bestSnippet(row: Pick<SearchRow, 'summarySnippet' | 'descriptionSnippet' | 'termsSnippet'>): SnippetSegment[] {
	const withHit = [row.summarySnippet, row.descriptionSnippet, row.termsSnippet].find((s) => s.includes('\u0002'));
	return snippetSegments(withHit ?? row.summarySnippet);
}

export interface SearchFacet {
	code: string;
	label: string;
	count: number;
}

export interface SearchResult {
	hits: SearchHit[];
	total: number;
	/** How many were found of each kind, category and département, before the facet filters. */
	facets: { kind: SearchFacet[]; category: SearchFacet[]; departement: SearchFacet[] };
	/** « Vouliez-vous dire : … » : offered when the corrected query finds more as typed than this one did. */
	suggestion: string | null;
}

/**
 * Each public entity's kind, category and département, taken from the graph's index (the same published
 * actors, already in memory) and each commune's département: kept per index served and territories'
 * revision. Reading them from the database again on each graph revision took 65 ms at 10,000 actors and
 * 0.3 to 0.6 s at 100,000, on the event loop, after every change (issue 18). While the next revision's index
 * is built in its worker, an actor created meanwhile is found but not counted in the facets yet.
 */
const facetsByIndex = new WeakMap<GraphIndex, { departements: Map<string, string | null>; table: FacetTable }>();

function facetTableFor(db: Db): FacetTable {
	const { index } = liveGraph(db);
	const departements = territoryLookups(db).departementOf;
	const cached = facetsByIndex.get(index);
	if (cached && cached.departements === departements) return cached.table;
	const table = new FacetTable(
		index.nodes.map((n) => ({
			id: n.id,
			kind: n.kind,
			category: n.category,
			departementCode: n.communeCode ? (departements.get(n.communeCode) ?? null) : null
		}))
	);
	facetsByIndex.set(index, { departements, table });
	return table;
}

/** Counts per code, most first, then by label. */
function facet(counts: Map<string, number>, label: (code: string) => string): SearchFacet[] {
	return [...counts].map(([code, count]) => ({ code, label: label(code), count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr'));
}

const DEPARTEMENTS: Record<string, string> = { '03': 'Allier', '15': 'Cantal', '43': 'Haute-Loire', '63': 'Puy-de-Dôme' };

/** A wider tier runs while fewer than this were found: a page of results, as typed or nearly, is enough. */
const ENOUGH = 20;

/**
 * What each tier adds (ids no narrower tier found), tier after tier, stopping once `enough` were found: a
 * wider tier only runs when the narrower ones found little (« financement » as typed finds hundreds: its
 * synonyms are not needed; « incubateurs » finds none as typed).
 */
function findByTier(db: Db, tiers: string[], enough: number): number[][] {
	const seen = new Set<number>();
	const byTier: number[][] = [];
	for (const match of tiers) {
		const added = matchIds(db, match).filter((id) => !seen.has(id));
		for (const id of added) seen.add(id);
		byTier.push(added);
		if (seen.size >= enough) break;
	}
	return byTier;
}

/**
 * The first `need` ids in result order: tier after tier, each tier's rows by their bm25 rank under the widest
 * tier used (it finds every row of the narrower ones). One ranking pass: bm25 weighs each phrase across the
 * whole index, and ranking each tier under its own expression cost a millisecond or more per tier.
 */
function ordered(db: Db, tiers: string[], byTier: number[][], need: number, keep?: (id: number) => boolean): number[] {
	const rank = new Map<number, number>();
	for (const r of rankedIds(db, tiers[byTier.length - 1]!)) rank.set(r.id, r.rank);
	const out: number[] = [];
	for (const ids of byTier) {
		if (out.length >= need) break;
		const kept = keep ? ids.filter(keep) : [...ids];
		kept.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0) || a - b);
		out.push(...kept);
	}
	return out.slice(0, need);
}

/** Rows found by the wider tiers, their excerpts marked by our highlighter: summary, then description, then labels. */
function excerpted(rows: PlainRow[], marks: Marks): (SearchRow & { excerpt: SnippetSegment[] })[] {
	const highlighter = new Highlighter(marks);
	return rows.map((r) => {
		const excerpt = highlighter.excerpt(r.summary) ?? highlighter.excerpt(r.descriptionText) ?? highlighter.excerpt(r.searchTerms);
		return { ...r, summarySnippet: '', descriptionSnippet: '', termsSnippet: '', excerpt: excerpt ?? [{ text: r.summary, hit: false }] };
	});
}

const toHit = (r: SearchRow & { excerpt?: SnippetSegment[] }): SearchHit => ({
	id: r.id,
	slug: r.slug,
	name: r.name,
	kind: r.kind,
	kindLabel: kindLabel(r.kind),
	category: r.category,
	categoryLabel: categoryLabel(r.category),
	communeName: r.communeName,
	snippet: r.excerpt ?? bestSnippet(r)
});

export function search(db: Db, q: string, options: SearchOptions = {}): SearchResult {
	const plan = planSearch(db, q, options);
	if (!plan.highlight) return { hits: [], total: 0, facets: { kind: [], category: [], departement: [] }, suggestion: null };
	const limit = options.limit ?? 20;
	const offset = options.offset ?? 0;
	const byTier = findByTier(db, plan.tiers, Math.max(limit, ENOUGH));
	const table = facetTableFor(db);
	const filter = { kind: options.kind, category: options.category, departement: options.departement };
	const filtered = Boolean(options.kind || options.category || options.departement);
	// The facets count everything found; the total counts what the facet filters let through.
	const counts = table.count(byTier.flat(), filter);
	// The common case, the words as typed found enough and no facet is chosen: FTS5 pages and snips in one pass.
	const rows =
		byTier.length === 1 && !filtered
			? rankedPage(db, plan.tiers[0]!, limit, offset)
			: excerpted(
					plainRows(db, ordered(db, plan.tiers, byTier, offset + limit, filtered ? (id) => table.keeps(id, filter) : undefined).slice(offset)),
					marksOf(plan.alternatives)
				);
	return {
		hits: rows.map(toHit),
		total: counts.total,
		facets: {
			kind: facet(counts.kind, kindLabel),
			category: facet(counts.category, categoryLabel),
			departement: facet(counts.departement, (code) => DEPARTEMENTS[code] ?? code)
		},
		suggestion: plan.corrected && findsMore(db, plan.corrected, byTier[0]?.length ?? 0) ? plan.corrected : null
	};
}

/** Whether the corrected query, taken as typed, finds more than the typed one did as typed. */
function findsMore(db: Db, corrected: string, foundAsTyped: number): boolean {
	const exact = asTyped(corrected);
	return exact ? countMatches(db, exact) > foundAsTyped : false;
}

/** Every public entity a query finds (the tiers as far as a search goes), for the results page's « around a place ». */
export function foundIds(db: Db, q: string): Set<number> {
	const plan = planSearch(db, q);
	return new Set(plan.highlight ? findByTier(db, plan.tiers, ENOUGH).flat() : []);
}

/** Search-as-you-type suggestions: few, fast, forgiving too. */
export function suggest(db: Db, q: string, limit = 8) {
	const plan = planSearch(db, q);
	if (!plan.highlight) return [];
	const byTier = findByTier(db, plan.tiers, limit);
	const rows = byTier.length === 1 ? rankedPage(db, plan.tiers[0]!, limit, 0) : plainRows(db, ordered(db, plan.tiers, byTier, limit));
	return rows.map((r: { slug: string; name: string; kind: string; category: string; communeName: string | null }) => ({
		slug: r.slug,
		name: r.name,
		kindLabel: kindLabel(r.kind),
		categoryLabel: categoryLabel(r.category),
		communeName: r.communeName
	}));
}
