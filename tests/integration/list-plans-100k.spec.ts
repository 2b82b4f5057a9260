/**
 * Issue 18 §2: every list the app shows, read at 100,000 actors, must start from an index: no full scan of a
 * large table, no temporary B-tree sorting a whole table, for the first page. Rather than restating each
 * query, the test calls the services the pages call (directory and API with their sorts and filters, agenda,
 * third places, organisations, search, an actor's relations and history, territory pages, the moderation
 * queue and the editors' lists, the partner space) and records every statement they run (better-sqlite3's
 * prepare, wrapped for the call), then asks SQLite for each one's plan with the same parameters. A new query
 * with a bad plan fails here without anyone writing a test for it.
 *
 * The database: the real migrations, the demo ecosystem (every kind of row: relations, events, revisions),
 * accounts with a proposal waiting, a notification and a manager, then 100,000 more actors written by one
 * INSERT … SELECT. Nothing runs ANALYZE: the server never does, so SQLite chooses from the schema alone, as
 * here. The count queries scan by design (cached per data revision: entity-counts.ts, and the editors'
 * figures): they are listed by name below, with the reason, so that any other scan is a failure.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/index';
import { freshDb } from './fresh-db';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { seedDemo } from '../../src/lib/server/seed/index';
import { inviteUser, listUsers, type AccountUser } from '../../src/lib/server/services/users.service';
import { grantManager, managersOverview, setPartnerModerated } from '../../src/lib/server/services/managers.service';
import { submitEntityUpdate } from '../../src/lib/server/services/contribution.service';
import { listDirectory, parseDirectoryQuery } from '../../src/lib/server/services/directory.service';
import { listEntitiesApi } from '../../src/lib/server/services/entity-api.service';
import { moderationQueue } from '../../src/lib/server/services/moderation.service';
import { dashboardListings, dashboardReminders } from '../../src/lib/server/services/dashboard.service';
import { relationsToReview } from '../../src/lib/server/services/relation-review.service';
import { importHistory } from '../../src/lib/server/services/import.service';
import { partnerSpace } from '../../src/lib/server/services/partner-space.service';
import { searchListings } from '../../src/lib/server/services/listing-picker.service';
import { myNotifications } from '../../src/lib/server/services/notifications.service';
import { getPortrait } from '../../src/lib/server/services/entity.service';
import { entityHistory } from '../../src/lib/server/services/history.service';
import { getTerritoryPage } from '../../src/lib/server/services/territory.service';
import { search, suggest } from '../../src/lib/server/services/search.service';
import { parseSearchPageQuery, searchPage } from '../../src/lib/server/services/search-page.service';
import { agendaIcs } from '../../src/lib/server/services/export.service';
import { SORT_KEYS } from '../../src/lib/domain/filters';
import { liveGraph } from '../../src/lib/server/graph/graph-cache';
import { nearby, nearbyParamsSchema } from '../../src/lib/server/services/map.service';
import { parseParams } from '../../src/lib/server/services/params';
import { territoryOptionRows } from '../../src/lib/server/repos/territory.repo';

const EXTRA_ACTORS = 100_000;

/**
 * Tables that grow with the directory and its history: a full scan of one of them, or a sort of all its rows,
 * is a bad plan. The accounts (users, their sessions, their grants) are left out: hundreds of rows, listed
 * whole on purpose by the editors' pages.
 */
const LARGE = new Set([
	'entities',
	'relations',
	'revisions',
	'pending_changes',
	'import_jobs',
	'notifications',
	'freshness_reminders',
	'entity_slug_redirects'
]);

interface Recorded {
	sql: string;
	params: unknown[];
}

let ctx: ReturnType<typeof freshDb>;
let db: Db;
let editor: AccountUser;
let partner: AccountUser;
let listing: number;
let listingSlug: string;

/**
 * Every statement `run` executes, with its parameters: Statement's own methods are wrapped for the call, so the
 * statements a repository prepared once and keeps (search.repo.ts) are seen too.
 */
async function recorded(run: () => unknown): Promise<Recorded[]> {
	const seen: Recorded[] = [];
	const proto = Object.getPrototypeOf(db.$client.prepare('select 1')) as Record<string, (...args: unknown[]) => unknown>;
	const originals = (['all', 'get', 'iterate', 'run'] as const).map((method) => [method, proto[method]!] as const);
	for (const [method, original] of originals) {
		proto[method] = function (this: { source: string }, ...params: unknown[]) {
			seen.push({ sql: this.source, params });
			return original.apply(this, params);
		};
	}
	try {
		await run();
	} finally {
		for (const [method, original] of originals) proto[method] = original;
	}
	return seen;
}

/** The plan, one line per step, children indented under their parent. */
function planOf({ sql, params }: Recorded): string[] {
	const rows = db.$client.prepare(`explain query plan ${sql}`).all(...params) as { id: number; parent: number; detail: string }[];
	const depth = new Map<number, number>([[0, -1]]);
	return rows.map((r) => {
		const d = (depth.get(r.parent) ?? -1) + 1;
		depth.set(r.id, d);
		return `${'  '.repeat(d)}${r.detail}`;
	});
}

/**
 * What is wrong with a plan: a large table read whole (`SCAN t`, no index at all), or a temporary B-tree
 * ordering the rows of a large table walked whole (`SCAN t USING INDEX` then a sort: every row is read and
 * sorted before the first page is known).
 */
function planProblems(sql: string, plan: string[]): string[] {
	const problems: string[] = [];
	let walked: string | null = null;
	const sorted = plan.some((l) => /USE TEMP B-TREE FOR ORDER BY/.test(l));
	for (const line of plan) {
		const scan = /^\s*SCAN (\w+)(?: AS \w+)?( USING (?:COVERING )?INDEX \w+)?/.exec(line);
		if (!scan || !LARGE.has(scan[1]!)) continue;
		// The table's own order (rowid) up to a LIMIT: the newest first stops after one page.
		const byRowid = new RegExp(`order by "${scan[1]}"\\."id"( asc| desc)? limit`, 'i').test(sql) && !sorted;
		if (!scan[2] && !byRowid) problems.push(`full scan of ${scan[1]}`);
		else if (scan[2]) walked ??= scan[1]!;
	}
	// « RIGHT PART OF ORDER BY » is a sort within each value of the index's first column, stopped by the LIMIT.
	if (walked && sorted) problems.push(`sort of all of ${walked}`);
	return problems;
}

/** Statements that may read a whole table, by a fragment of their SQL, and why. */
const ALLOWED: { fragment: RegExp; why: string }[] = [
	{
		fragment: /^select "kind", "category", count\(\*\) from "entities"/i,
		why: 'the directory total and facets, one scan per filter cached per data revision (entity-counts.ts)'
	}
];

/**
 * Bad plans no index can fix, known and left for later (issue 18), by the page that shows them: each must still
 * be seen (the last test), so the one fixed leaves this list.
 */
const KNOWN: Record<string, string> = {
	// The directory by commune left it (services/directory-commune-order.ts: only the communes of the page are sorted).
	// The listing picker (/espace/fiches/recherche) still matches every name in JavaScript (forgiving match), but
	// since migration 0021 it reads them from entities_category_name_idx, not from the wide table.
};
const knownSeen = new Set<string>();
/** Every plan read, for the last tests (which indexes are used). */
const allPlans: Finding[] = [];

interface Finding {
	label: string;
	sql: string;
	plan: string[];
	problems: string[];
}

async function findings(label: string, run: () => unknown): Promise<Finding[]> {
	const statements = await recorded(run);
	expect(statements.length, `${label} : aucune requête enregistrée`).toBeGreaterThan(0);
	const unique = new Map<string, Recorded>();
	for (const s of statements) if (/^\s*(select|with)\b/i.test(s.sql)) unique.set(s.sql, s);
	return [...unique.values()]
		.map((s) => ({ label, sql: s.sql, plan: planOf(s), problems: [] as string[] }))
		.map((f) => ({ ...f, problems: ALLOWED.some((a) => a.fragment.test(f.sql)) ? [] : planProblems(f.sql, f.plan) }))
		.map((f) => {
			allPlans.push(f);
			if (f.problems.length && KNOWN[label]) knownSeen.add(label);
			return KNOWN[label] ? { ...f, problems: [] } : f;
		});
}

const bad = (fs: Finding[]) => fs.filter((f) => f.problems.length).map((f) => `${f.label} — ${f.problems.join(', ')}\n${f.sql}\n${f.plan.join('\n')}`);

beforeAll(() => {
	ctx = freshDb();
	db = ctx.db;
	loadTerritories(db);
	seedDemo(db);
	const account = (email: string, displayName: string, role: AccountUser['role']): AccountUser => ({
		id: inviteUser(db, 'cli', { email, displayName, role }).userId,
		email,
		displayName,
		role
	});
	editor = account('redaction@plans.test', 'Rédaction', 'editor');
	partner = account('partenaire@plans.test', 'Partenaire', 'partner');
	const row = db.$client.prepare("select id, slug, version from entities where kind = 'organisation' and status = 'published' order by id limit 1").get() as {
		id: number;
		slug: string;
		version: number;
	};
	listing = row.id;
	listingSlug = row.slug;
	grantManager(db, editor, listing, partner.email);
	setPartnerModerated(db, editor, partner.id, true);
	// A proposal waiting in the queue: the queue's per-item queries run too.
	submitEntityUpdate(db, partner, listing, { summary: 'Proposition pour les plans' }, row.version);
	db.$client.exec(`
		create temp table plan_communes as select row_number() over (order by code) - 1 as i, code from territories where kind = 'commune';
		with recursive n(x) as (select 1 union all select x + 1 from n where x < ${EXTRA_ACTORS})
		insert into entities (slug, kind, category, name, status, commune_code, sectors)
		select 'plan-' || x,
			case x % 4 when 0 then 'person' when 1 then 'organisation' when 2 then 'third_place' else 'event' end,
			case x % 4 when 0 then 'founder' when 1 then 'startup' when 2 then 'coworking' else 'meetup' end,
			case x % 5 when 0 then 'Atelier' when 1 then 'école' when 2 then 'Zénith' when 3 then 'bureau' else 'COLLECTIF' end
				|| ' ' || ((x * 7919) % 50000),
			case when x % 50 = 0 then 'draft' else 'published' end,
			(select code from plan_communes where i = x % 500),
			'["health"]'
		from n;
		drop table plan_communes;`);
}, 300_000);
afterAll(() => {
	// PLANS_DUMP=file: every plan read, to look at them (which index each list uses).
	if (process.env.PLANS_DUMP) writeFileSync(process.env.PLANS_DUMP, allPlans.map((f) => `## ${f.label}\n${f.sql}\n${f.plan.join('\n')}\n`).join('\n'));
	ctx?.close();
});

const directory = (qs: string) => () => listDirectory(db, parseDirectoryQuery(new URLSearchParams(qs)));

describe(`plans of every list at ${EXTRA_ACTORS.toLocaleString('en')} actors (EXPLAIN QUERY PLAN)`, () => {
	it('the directory /acteurs: each sort in both directions, each filter, a later page', async () => {
		const all: Finding[] = [];
		for (const sort of SORT_KEYS)
			for (const dir of ['asc', 'desc']) all.push(...(await findings(`/acteurs?sort=${sort}&dir=${dir}`, directory(`sort=${sort}&dir=${dir}`))));
		for (const qs of [
			'page=40',
			'kind=organisation',
			'kind=third_place',
			'kind=event',
			'category=startup',
			'sector=health',
			'territory=63',
			'territory=63113',
			'q=atelier'
		])
			all.push(...(await findings(`/acteurs?${qs}`, directory(qs))));
		expect(bad(all)).toEqual([]);
	});

	it('the API list /api/v1/entities: first page, next page, filters', async () => {
		const first = listEntitiesApi(db, new URLSearchParams('limit=50'));
		const all = [
			...(await findings('/api/v1/entities', () => listEntitiesApi(db, new URLSearchParams('limit=50')))),
			...(await findings('/api/v1/entities?cursor', () => listEntitiesApi(db, new URLSearchParams({ limit: '50', cursor: first.next! })))),
			...(await findings('/api/v1/entities?kind=event', () => listEntitiesApi(db, new URLSearchParams('limit=50&kind=event')))),
			...(await findings('/api/v1/entities?territory=15', () => listEntitiesApi(db, new URLSearchParams('limit=50&territory=15'))))
		];
		expect(bad(all)).toEqual([]);
	});

	it('search (API, page, suggestions) and the agenda', async () => {
		// The facets count from the graph's index, read whole once per graph revision (in the read worker on the
		// server): built first, so what is recorded is what each search reads.
		liveGraph(db);
		const all = [
			...(await findings('search', () => search(db, 'atelier', { limit: 20 }))),
			...(await findings('/recherche', () => searchPage(db, parseSearchPageQuery(new URLSearchParams('q=atelier'))))),
			...(await findings('suggest', () => suggest(db, 'ate'))),
			...(await findings('/agenda.ics', () => agendaIcs(db, new URLSearchParams())))
		];
		expect(bad(all)).toEqual([]);
	});

	it("« autour de » a commune (/api/v1/map/nearby, a place's search): the box from entities_place_idx alone (migration 0022)", async () => {
		const around = (qs: string) => () => nearby(db, parseParams(nearbyParamsSchema, new URLSearchParams(qs)));
		const all = [
			...(await findings('nearby', around('commune=63113&radiusKm=10'))),
			...(await findings('nearby kind+category', around('commune=63113&radiusKm=30&kind=organisation&category=startup'))),
			...(await findings('/recherche?q=clermont', () => searchPage(db, parseSearchPageQuery(new URLSearchParams('q=clermont-ferrand')))))
		];
		expect(bad(all)).toEqual([]);
		const boxes = all.filter((f) => /"lat" between/i.test(f.sql));
		expect(boxes.length).toBeGreaterThanOrEqual(3);
		for (const f of boxes) expect(f.plan[0], f.sql).toMatch(/^SEARCH entities USING COVERING INDEX entities_place_idx \(lat>\? AND lat<\?\)/);
	});

	it("an actor's page (its relations), its history, a territory's page", async () => {
		const all = [
			...(await findings('/acteurs/[slug]', () => getPortrait(db, listingSlug))),
			...(await findings('/acteurs/[slug]/historique', () => entityHistory(db, listingSlug))),
			...(await findings('/territoires/63', () => getTerritoryPage(db, '63'))),
			...(await findings('/territoires/63113', () => getTerritoryPage(db, '63113')))
		];
		expect(bad(all)).toEqual([]);
	});

	it("the filter forms' territories (/acteurs, /carte, /reseau): each commune probed in the commune index, not every listing read", async () => {
		const found = await findings('territoryOptionRows', () => territoryOptionRows(db));
		expect(bad(found)).toEqual([]);
		const entityLines = found.flatMap((f) => f.plan).filter((l) => /(SEARCH|SCAN) (entities|e)\b/.test(l));
		// Before: « SEARCH entities USING COVERING INDEX entities_commune_idx (commune_code>?) », all 100,000 rows.
		expect(entityLines.length).toBeGreaterThan(0);
		expect(
			entityLines.every((l) => /\(commune_code=\?\)/.test(l)),
			entityLines.join('\n')
		).toBe(true);
	});

	it("the editors' lists: moderation queue, listings by freshness, reminders, relations to review, accounts, imports", async () => {
		const all = [
			...(await findings('/moderation', () => moderationQueue(db, editor))),
			...(await findings('/moderation (gestionnaires)', () => managersOverview(db, editor))),
			...(await findings('/moderation/fiches', () => dashboardListings(db, editor, { band: 'a-verifier' }, 1))),
			...(await findings('/moderation/fiches?sans-gestionnaire', () => dashboardListings(db, editor, { withoutManager: true, departement: '63' }, 1))),
			...(await findings('/moderation/rappels', () => dashboardReminders(db, editor, undefined, 1))),
			...(await findings('/moderation/relations', () => relationsToReview(db, editor, 'sans-source'))),
			...(await findings('/moderation/relations?non-confirmees', () => relationsToReview(db, editor, 'non-confirmees'))),
			...(await findings('/moderation/relations?contestees', () => relationsToReview(db, editor, 'contestees'))),
			...(await findings('/admin/utilisateurs', () => listUsers(db, 'cli'))),
			...(await findings('/admin/import', () => importHistory(db, editor)))
		];
		expect(bad(all)).toEqual([]);
	});

	it("the partner space's lists: their listings and proposals, the listing picker, notifications", async () => {
		const all = [
			...(await findings('/espace', () => partnerSpace(db, partner))),
			...(await findings('/espace/fiches/recherche', () => searchListings(db, partner, 'atel'))),
			...(await findings('/notifications', () => myNotifications(db, editor, 1)))
		];
		expect(bad(all)).toEqual([]);
	});

	it('the known bad plans are still there (one fixed leaves KNOWN)', () => {
		expect([...knownSeen].sort()).toEqual(Object.keys(KNOWN).sort());
	});

	it("the directory's counts without a text search read a covering index, never the wide table (migration 0021)", () => {
		const counts = allPlans.filter((f) => f.label.startsWith('/acteurs') && !f.label.includes('q=') && /count\(\*\) from "entities"/i.test(f.sql));
		// One count per kind and category for each filter of the first test once its kinds and categories are set
		// aside (none, a sector, a territory…): kind=a and kind=b share one, and so do the total and the
		// two facets (entity-counts.ts).
		expect(counts.filter((f) => /^select "kind", "category", count\(\*\)/i.test(f.sql)).length).toBeGreaterThanOrEqual(4);
		const tableReads = counts.filter(
			(f) => !/^\s*(SCAN|SEARCH) entities USING COVERING INDEX entities_(kind|commune|category_name|place)_idx/.test(f.plan[0] ?? '')
		);
		expect(tableReads.map((f) => `${f.label}\n${f.sql}\n${f.plan.join('\n')}`)).toEqual([]);
	});

	it('no list reads the old case-sensitive entities_name_idx (dropped by migration 0018)', () => {
		expect(allPlans.length).toBeGreaterThan(50);
		expect(allPlans.filter((f) => f.plan.some((l) => l.includes('entities_name_idx'))).map((f) => f.label)).toEqual([]);
	});
});
