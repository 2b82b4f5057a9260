import { freshnessLimitDay } from '$lib/domain/freshness';
import type { QueueFigures } from '$lib/domain/french';
import { freshnessSettings, territoryScope } from '../config';
import type { Db } from '../db';
import {
	countListings,
	countReminders,
	departementNames,
	freshnessByDepartement,
	freshnessByDepartementAt,
	listListings,
	listReminders,
	pendingChangeDates,
	relationCounts,
	remindersByDepartement,
	withoutManagerByDepartement,
	type BandCounts,
	type BandLimits,
	type ListingFilter
} from '../repos/dashboard.repo';
import { readTask, readTaskNow } from '../worker/read-worker';
import { dataRevision, RevisionCache } from '../cache/revision-cache';
import { assertEditor, isEditor } from './managers.service';
import { KIND_LABELS } from './proposal-words';
import type { AccountUser } from './users.service';

/*
 * The editors' dashboard (/moderation/tableau): what is stale and who has been reminded, the queue and its
 * age, relations to check, listings nobody manages, probable duplicates; by département. Every figure has
 * a list behind it built from the same conditions (dashboard.repo.ts).
 */

export const TREND_DAYS = 30;
export const REMINDERS_WINDOW_DAYS = 30;
export const PAGE_SIZE = 50;

const DAY_MS = 86_400_000;

export function bandLimits(now: Date, months = freshnessSettings().months): BandLimits {
	return { sixMonths: freshnessLimitDay(now, 6), period: freshnessLimitDay(now, months) };
}

const ageDays = (iso: string, now: Date) => Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / DAY_MS));

/** The queue as the editors' digest and the dashboard tell it. */
export function queueFigures(db: Db, now: Date): QueueFigures & { total: number; medianDays: number | null } {
	const pending = pendingChangeDates(db);
	const counts = new Map<string, number>();
	for (const p of pending) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
	const ages = pending.map((p) => ageDays(p.createdAt, now)).sort((a, b) => b - a);
	return {
		total: pending.length,
		byKind: [...counts].map(([kind, count]) => ({ kind, label: KIND_LABELS[kind as keyof typeof KIND_LABELS] ?? kind, count })),
		oldestDays: ages.length ? (ages[0] as number) : null,
		medianDays: ages.length ? (ages[Math.floor((ages.length - 1) / 2)] as number) : null,
		reports: counts.get('report') ?? 0,
		claims: counts.get('entity_claim') ?? 0,
		staleUnmanaged: countListings(db, { band: 'a-verifier', limits: bandLimits(now), withoutManager: true })
	};
}

export interface DepartementColumn {
	code: string;
	name: string;
}

function sumRows(rows: BandCounts[]): BandCounts {
	const total: BandCounts = { departement: 'tous', recente: 0, moyenne: 0, ancienne: 0, jamais: 0, total: 0 };
	for (const r of rows) for (const k of ['recente', 'moyenne', 'ancienne', 'jamais', 'total'] as const) total[k] += r[k];
	return total;
}

export interface FreshnessFiguresArgs {
	limits: BandLimits;
	/** The trend's date (to the minute: the answer is kept for the revision and that minute). */
	then: string;
	thenLimits: BandLimits;
}

/**
 * The dashboard's aggregates over every listing and its history (1.1 s at 100,000 actors): a read task
 * (worker/read-tasks.ts), computed in a thread of its own and kept per data revision.
 */
export function freshnessFigures(db: Db, a: FreshnessFiguresArgs) {
	return {
		current: freshnessByDepartement(db, a.limits),
		before: freshnessByDepartementAt(db, a.then, a.thenLimits),
		noManager: withoutManagerByDepartement(db)
	};
}

export async function editorsDashboard(db: Db, editor: AccountUser, now = new Date()) {
	assertEditor(editor);
	const { months } = freshnessSettings();
	const names = departementNames(db);
	const scope = territoryScope().departements;
	const then = new Date(Math.floor((now.getTime() - TREND_DAYS * DAY_MS) / 60_000) * 60_000);
	// Started first: the duplicates' thread and the figures' run side by side.
	const duplicates = readTaskNow(db, 'duplicatePairs');
	const args = { limits: bandLimits(now, months), then: then.toISOString(), thenLimits: bandLimits(then, months) };
	const soon = await readTaskNow(db, 'freshnessFigures', { args });
	// The very first figures (server just started) are waited for, in their thread; later ones are the previous
	// revision's while the new ones are computed (`figuresUpdating`).
	const figures = soon.value ?? (await readTask(db, 'freshnessFigures', args));
	const { current, before, noManager } = figures;
	const codes = [...new Set([...scope, ...current.map((r) => r.departement)])].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
	const departements: DepartementColumn[] = codes.map((code) => ({ code, name: code === '' ? 'Sans commune' : (names.get(code) ?? code) }));
	const byDep = (rows: BandCounts[], code: string) =>
		rows.find((r) => r.departement === code) ?? { departement: code, recente: 0, moyenne: 0, ancienne: 0, jamais: 0, total: 0 };
	const remindersSince = new Date(now.getTime() - REMINDERS_WINDOW_DAYS * DAY_MS).toISOString();
	const reminded = remindersByDepartement(db, remindersSince);
	return {
		months,
		/** The freshness figures shown are the previous revision's: the current ones are being computed. */
		figuresUpdating: !soon.current && soon.value !== null,
		trendDays: TREND_DAYS,
		remindersDays: REMINDERS_WINDOW_DAYS,
		departements,
		freshness: {
			all: { now: sumRows(current), before: sumRows(before) },
			byDepartement: departements.map((d) => ({ code: d.code, now: byDep(current, d.code), before: byDep(before, d.code) })),
			/** The history had no listing at that date: no trend to show. */
			hasHistory: before.length > 0
		},
		queue: queueFigures(db, now),
		relations: relationCounts(db),
		withoutManager: {
			all: noManager.reduce((s, r) => s + r.n, 0),
			byDepartement: departements.map((d) => ({ code: d.code, n: noManager.find((r) => r.departement === d.code)?.n ?? 0 }))
		},
		/** Null while the pairs are first computed (« calcul en cours »). */
		duplicates: await duplicates.then((d) => (d.current && d.value ? d.value.length : null)),
		reminders: {
			all: reminded.reduce((s, r) => ({ managers: s.managers + r.managers, editors: s.editors + r.editors }), { managers: 0, editors: 0 }),
			/** Listings the editors' list received (no manager) in the window: what « rappel-equipe » lists. */
			toEditorsListings: countListings(db, { limits: bandLimits(now, months), remindedToEditorsSince: remindersSince }),
			byDepartement: departements.map((d) => ({ code: d.code, ...(reminded.find((r) => r.departement === d.code) ?? { managers: 0, editors: 0 }) })),
			latest: listReminders(db, remindersSince, undefined, 8, 0)
		}
	};
}
export type EditorsDashboard = Awaited<ReturnType<typeof editorsDashboard>>;

/**
 * From this many listings in a filtered list, its page is found walking the listings in order (a few hundred
 * rows to find 50) rather than sorting them all (dashboard.repo.ts listListings).
 */
const WALK_ORDER_FROM = 2000;

/** The lists' totals, kept until the next write (a département's: 0.2 s at 100,000 listings). */
const countsKept = new WeakMap<Db, RevisionCache<number>>();
function keptCount(db: Db, f: ListingFilter): number {
	let cache = countsKept.get(db);
	if (!cache) countsKept.set(db, (cache = new RevisionCache({ entries: 200, bytes: Number.MAX_SAFE_INTEGER })));
	const key = JSON.stringify(f);
	const revision = dataRevision(db);
	const kept = cache.get(key, revision);
	if (kept !== null) return kept;
	const n = countListings(db, f);
	cache.set(key, revision, n, 0);
	return n;
}

/** A list behind a figure: one page of listings and how many there are. */
export function dashboardListings(
	db: Db,
	editor: AccountUser,
	filter: Omit<ListingFilter, 'limits' | 'remindedToEditorsSince'> & { remindedToEditors?: boolean },
	page: number,
	now = new Date()
) {
	assertEditor(editor);
	const { remindedToEditors, ...rest } = filter;
	const since = new Date(now.getTime() - REMINDERS_WINDOW_DAYS * DAY_MS).toISOString();
	const f: ListingFilter = { ...rest, limits: bandLimits(now), remindedToEditorsSince: remindedToEditors ? since : undefined };
	const total = keptCount(db, f);
	return { total, page, pageSize: PAGE_SIZE, rows: listListings(db, f, PAGE_SIZE, (page - 1) * PAGE_SIZE, total >= WALK_ORDER_FROM) };
}

export function dashboardReminders(db: Db, editor: AccountUser, departement: string | undefined, page: number, now = new Date()) {
	assertEditor(editor);
	const since = new Date(now.getTime() - REMINDERS_WINDOW_DAYS * DAY_MS).toISOString();
	return {
		total: countReminders(db, since, departement),
		page,
		pageSize: PAGE_SIZE,
		rows: listReminders(db, since, departement, PAGE_SIZE, (page - 1) * PAGE_SIZE)
	};
}

/** Computed in a worker thread (1 s at 10,000 listings, 10 s at 100,000), kept until the next write. */
export async function dashboardDuplicates(db: Db, editor: AccountUser) {
	assertEditor(editor);
	return readTask(db, 'duplicatePairs');
}

/**
 * Starts the pairs in their worker while an editor reads the queue (/moderation): the dashboard and
 * /moderation/doublons then find them computed. Nothing when this revision's are already in or under way.
 */
export function startDuplicatePairs(db: Db, user: AccountUser): void {
	if (isEditor(user)) void readTaskNow(db, 'duplicatePairs', { graceMs: 0 });
}

/**
 * One page of the pairs (thousands at 100,000 listings: the page never sends them all). The request does not
 * wait for the whole directory to be compared: while it is (`computing`), the pairs found before the last
 * write are shown, or none the very first time, and the page says « calcul en cours ».
 */
export async function dashboardDuplicatesPage(db: Db, editor: AccountUser, page: number) {
	assertEditor(editor);
	const now = await readTaskNow(db, 'duplicatePairs');
	const pairs = now.value ?? [];
	const last = Math.max(1, Math.ceil(pairs.length / PAGE_SIZE));
	const shown = Math.min(Math.max(1, page), last);
	return {
		computing: !now.current,
		total: pairs.length,
		page: shown,
		pageSize: PAGE_SIZE,
		rows: pairs.slice((shown - 1) * PAGE_SIZE, shown * PAGE_SIZE)
	};
}
