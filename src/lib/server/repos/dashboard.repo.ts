import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';

/*
 * The editors' dashboard and its lists: SQL aggregates over published, live listings, by département (from
 * the listing's commune; '' when it has none). The same conditions build a figure and the list it links
 * to, so the two always agree.
 */

/** Freshness bands: verified within 6 months, 6 months to the period, older, never. */
export type FreshnessBand = 'recente' | 'moyenne' | 'ancienne' | 'jamais';
export const FRESHNESS_BANDS: FreshnessBand[] = ['recente', 'moyenne', 'ancienne', 'jamais'];

export interface BandLimits {
	/** Verified on or after this day: less than 6 months. */
	sixMonths: string;
	/** Verified before this day: beyond the freshness period (« à vérifier »). */
	period: string;
}

export function bandCondition(band: FreshnessBand, l: BandLimits, column: SQL = sql`e.last_verified_at`): SQL {
	switch (band) {
		case 'recente':
			return sql`${column} >= ${l.sixMonths}`;
		case 'moyenne':
			return sql`${column} < ${l.sixMonths} and ${column} >= ${l.period}`;
		case 'ancienne':
			return sql`${column} < ${l.period}`;
		case 'jamais':
			return sql`${column} is null`;
	}
}

/**
 * Published, live listings. The last term, always true, is entities_freshness_order_idx's own (schema.ts): only
 * the queries that write it may use that index, so the directory's sorts keep theirs.
 */
const live = sql`e.deleted_at is null and e.status = 'published' and (e.last_verified_at is null or e.last_verified_at is not null)`;
const dep = sql`coalesce(t.departement_code, '')`;

export interface BandCounts {
	departement: string;
	recente: number;
	moyenne: number;
	ancienne: number;
	jamais: number;
	total: number;
}

export function freshnessByDepartement(db: Db, l: BandLimits): BandCounts[] {
	return db.all<BandCounts>(sql`select ${dep} as departement,
		sum(case when ${bandCondition('recente', l)} then 1 else 0 end) as recente,
		sum(case when ${bandCondition('moyenne', l)} then 1 else 0 end) as moyenne,
		sum(case when ${bandCondition('ancienne', l)} then 1 else 0 end) as ancienne,
		sum(case when e.last_verified_at is null then 1 else 0 end) as jamais,
		count(*) as total
		from entities e left join territories t on t.code = e.commune_code where ${live} group by 1 order by 1`);
}

/**
 * The same bands as they stood at `at`, read from the history: each listing's last revision written by
 * then (its snapshot holds status, commune and verification date), limits computed for that day.
 */
export function freshnessByDepartementAt(db: Db, at: string, l: BandLimits): BandCounts[] {
	const lv = sql`s.lv`;
	return db.all<BandCounts>(sql`with last as (
			select r.subject_id as id, max(r.version) as version from revisions r
			where r.subject_kind = 'entity' and r.created_at <= ${at} group by r.subject_id
		), s as (
			select r.operation as op, json_extract(r.snapshot, '$.status') as status, json_extract(r.snapshot, '$.lastVerifiedAt') as lv,
				json_extract(r.snapshot, '$.communeCode') as commune
			from last join revisions r on r.subject_kind = 'entity' and r.subject_id = last.id and r.version = last.version
		)
		select coalesce(t.departement_code, '') as departement,
			sum(case when ${bandCondition('recente', l, lv)} then 1 else 0 end) as recente,
			sum(case when ${bandCondition('moyenne', l, lv)} then 1 else 0 end) as moyenne,
			sum(case when ${bandCondition('ancienne', l, lv)} then 1 else 0 end) as ancienne,
			sum(case when s.lv is null then 1 else 0 end) as jamais,
			count(*) as total
		from s left join territories t on t.code = s.commune
		where s.op <> 'delete' and s.status = 'published' group by 1 order by 1`);
}

export interface ListingFilter {
	band?: FreshnessBand | 'a-verifier';
	limits: BandLimits;
	departement?: string;
	/** Listings no active account manages. */
	withoutManager?: boolean;
	/** Listings sent to the editors' list (reminded with no manager) since this instant. */
	remindedToEditorsSince?: string;
}

function listingWhere(f: ListingFilter, walkOrder = false): SQL {
	const parts: SQL[] = [live];
	if (f.band === 'a-verifier') parts.push(sql`(e.last_verified_at is null or e.last_verified_at < ${f.limits.period})`);
	else if (f.band) parts.push(bandCondition(f.band, f.limits));
	if (f.departement !== undefined) parts.push(inDepartement(f.departement, walkOrder));
	if (f.withoutManager) parts.push(noManager);
	if (f.remindedToEditorsSince) {
		parts.push(sql`exists (select 1 from freshness_reminders r where r.entity_id = e.id and r.user_id is null and r.sent_at >= ${f.remindedToEditorsSince})`);
	}
	return sql.join(parts, sql` and `);
}

/**
 * The same as `${dep} = code` without the join: the listing's commune among the département's, or for '' no
 * commune or one without a département; a count then reads no territory per listing. `walkOrder`: tested on each
 * listing of the freshness index (counts; a large département's page), else searched by commune (a small one's page).
 */
const inDepartement = (code: string, walkOrder: boolean): SQL =>
	code === ''
		? sql`(e.commune_code is null or not exists (select 1 from territories d where d.code = e.commune_code and d.departement_code is not null))`
		: walkOrder
			? // Unary + : the commune is tested on each entry of entities_freshness_order_idx (which holds it), not searched.
				sql`+e.commune_code in (select d.code from territories d where d.departement_code = ${code})`
			: sql`e.commune_code in (select d.code from territories d where d.departement_code = ${code})`;

const noManager = sql`not exists (select 1 from entity_managers m join users u on u.id = m.user_id where m.entity_id = e.id and u.disabled_at is null)`;

export interface ListingLine {
	id: number;
	slug: string;
	name: string;
	kind: string;
	communeName: string | null;
	departement: string;
	lastVerifiedAt: string | null;
	lastReminderAt: string | null;
	managers: number;
}

/** Read from entities_freshness_order_idx alone (its condition is `live`'s, it holds the commune): no row, no territory per listing. */
export function countListings(db: Db, f: ListingFilter): number {
	return db.get<{ n: number }>(sql`select count(*) as n from entities e where ${listingWhere(f, true)}`)?.n ?? 0;
}

/**
 * Oldest verification first (never verified before all), then name: entities_freshness_order_idx's order.
 * `walkOrder` (a département holding many listings): its page is found walking that index, testing each
 * listing's commune; otherwise (a small one) its listings are read from their communes and sorted.
 */
export function listListings(db: Db, f: ListingFilter, limit: number, offset: number, walkOrder = false): ListingLine[] {
	return db.all<ListingLine>(sql`select e.id, e.slug, e.name, e.kind, t.name as communeName, ${dep} as departement, e.last_verified_at as lastVerifiedAt,
		(select max(r.sent_at) from freshness_reminders r where r.entity_id = e.id) as lastReminderAt,
		(select count(*) from entity_managers m join users u on u.id = m.user_id where m.entity_id = e.id and u.disabled_at is null) as managers
		from entities e left join territories t on t.code = e.commune_code where ${listingWhere(f, walkOrder)}
		order by e.last_verified_at is not null, e.last_verified_at, e.name collate nocase, e.id limit ${limit} offset ${offset}`);
}

export function withoutManagerByDepartement(db: Db): { departement: string; n: number }[] {
	return db.all(sql`select ${dep} as departement, count(*) as n from entities e left join territories t on t.code = e.commune_code
		where ${live} and ${noManager} group by 1 order by 1`);
}

export interface PendingLine {
	kind: string;
	createdAt: string;
}

export function pendingChangeDates(db: Db): PendingLine[] {
	return db.all<PendingLine>(sql`select kind, created_at as createdAt from pending_changes where status = 'pending' order by created_at`);
}

/** Counted from the relations' partial indexes (their conditions repeated: see relation-dispute.repo.ts). */
export function relationCounts(db: Db): { unconfirmed: number; unsourced: number } {
	return (
		db.get<{ unconfirmed: number; unsourced: number }>(sql`select
			(select count(*) from relations where deleted_at is null and confirmation = 'declared') as unconfirmed,
			(select count(*) from relations where deleted_at is null and (source is null or trim(source) = '')) as unsourced`) ?? {
			unconfirmed: 0,
			unsourced: 0
		}
	);
}

export interface ReminderLine {
	entityId: number;
	slug: string;
	name: string;
	departement: string;
	/** Null: the editors' list (no manager). */
	userName: string | null;
	userEmail: string | null;
	sentAt: string;
	usedAt: string | null;
}

const reminderWhere = (since: string, departement?: string) =>
	sql`r.sent_at >= ${since} ${departement !== undefined ? sql`and ${dep} = ${departement}` : sql``}`;

/** Reminders sent since `since`, by département: to managers, to the editors' list. */
export function remindersByDepartement(db: Db, since: string): { departement: string; managers: number; editors: number }[] {
	return db.all(sql`select ${dep} as departement, sum(case when r.user_id is not null then 1 else 0 end) as managers,
		sum(case when r.user_id is null then 1 else 0 end) as editors
		from freshness_reminders r join entities e on e.id = r.entity_id left join territories t on t.code = e.commune_code
		where r.sent_at >= ${since} group by 1 order by 1`);
}

export function countReminders(db: Db, since: string, departement?: string): number {
	return (
		db.get<{ n: number }>(sql`select count(*) as n from freshness_reminders r join entities e on e.id = r.entity_id
		left join territories t on t.code = e.commune_code where ${reminderWhere(since, departement)}`)?.n ?? 0
	);
}

export function listReminders(db: Db, since: string, departement: string | undefined, limit: number, offset: number): ReminderLine[] {
	return db.all<ReminderLine>(sql`select e.id as entityId, e.slug, e.name, ${dep} as departement, u.display_name as userName, u.email as userEmail,
		r.sent_at as sentAt, r.used_at as usedAt
		from freshness_reminders r join entities e on e.id = r.entity_id left join territories t on t.code = e.commune_code
		left join users u on u.id = r.user_id where ${reminderWhere(since, departement)}
		order by r.sent_at desc, r.id desc limit ${limit} offset ${offset}`);
}

export function departementNames(db: Db): Map<string, string> {
	return new Map(db.all<{ code: string; name: string }>(sql`select code, name from territories where kind = 'departement'`).map((r) => [r.code, r.name]));
}
