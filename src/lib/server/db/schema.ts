import { sql } from 'drizzle-orm';
import { blob, check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ConfirmationState, CoordPrecision, EntityKind, EntityStatus, EventAttendance, RelationType, TerritoryKind } from '$lib/domain/vocabulary';
import type { RevisionOperation, RevisionSubjectKind } from '$lib/history/revision';

const timestamps = {
	createdAt: text('created_at')
		.notNull()
		.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
	updatedAt: text('updated_at')
		.notNull()
		.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
};

/** Where a territory's centroid comes from, best first. */
export type CentroidPrecision = 'contour' | 'geonames' | 'epci_seat' | 'departement' | 'none';

export const territories = sqliteTable(
	'territories',
	{
		/** INSEE code (commune, département, région) or SIREN (EPCI), always text: '03185' keeps its zero. */
		code: text('code').primaryKey(),
		kind: text('kind').$type<TerritoryKind>().notNull(),
		name: text('name').notNull(),
		/** Direct parent: commune -> EPCI (or département), EPCI -> département, département -> région. */
		parentCode: text('parent_code'),
		regionCode: text('region_code'),
		departementCode: text('departement_code'),
		epciCode: text('epci_code'),
		population: integer('population'),
		postalCodes: text('postal_codes', { mode: 'json' }).$type<string[]>().notNull().default([]),
		centroidLon: real('centroid_lon'),
		centroidLat: real('centroid_lat'),
		centroidPrecision: text('centroid_precision').$type<CentroidPrecision>().notNull().default('none'),
		/** [minLon, minLat, maxLon, maxLat] */
		bbox: text('bbox', { mode: 'json' }).$type<[number, number, number, number]>(),
		/** Simplified GeoJSON geometry (Polygon or MultiPolygon), WGS84. */
		geometry: text('geometry', { mode: 'json' }).$type<GeoJSON.Polygon | GeoJSON.MultiPolygon>(),
		geometrySource: text('geometry_source'),
		source: text('source').notNull(),
		vintage: text('vintage').notNull(),
		...timestamps
	},
	(t) => [
		index('territories_kind_idx').on(t.kind),
		index('territories_parent_idx').on(t.parentCode),
		index('territories_departement_idx').on(t.departementCode),
		index('territories_epci_idx').on(t.epciCode),
		check('territories_kind_check', sql`${t.kind} in ('region','departement','epci','commune')`)
	]
);

export const entities = sqliteTable(
	'entities',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		slug: text('slug').notNull(),
		kind: text('kind').$type<EntityKind>().notNull(),
		category: text('category').notNull(),
		name: text('name').notNull(),
		summary: text('summary').notNull().default(''),
		/** Markdown; rendered and sanitised on display. */
		description: text('description').notNull().default(''),
		/** The description as plain text (Markdown removed), for the full-text index and its snippets. */
		descriptionText: text('description_text').notNull().default(''),
		website: text('website'),
		/** French company register number (14 digits), organisations and third places only. */
		siret: text('siret'),
		/**
		 * The duplicate rules' keys, kept beside what they come from (src/lib/server/repos/match-keys.ts): a new
		 * listing is compared with the few listings sharing one, not with the whole directory (issue 18).
		 * `match_name`: the name without accents, case, punctuation and little words; `website_key`: host and path.
		 */
		matchName: text('match_name'),
		websiteKey: text('website_key'),
		sectors: text('sectors', { mode: 'json' }).$type<string[]>().notNull().default([]),
		stages: text('stages', { mode: 'json' }).$type<string[]>().notNull().default([]),
		offers: text('offers', { mode: 'json' }).$type<string[]>().notNull().default([]),
		address: text('address'),
		communeCode: text('commune_code').references(() => territories.code),
		lon: real('lon'),
		lat: real('lat'),
		coordPrecision: text('coord_precision').$type<CoordPrecision>(),
		foundedYear: integer('founded_year'),
		/** Events: ISO date-times. */
		startsAt: text('starts_at'),
		endsAt: text('ends_at'),
		email: text('email'),
		phone: text('phone'),
		/** Personal contact details are shown only when this is true (the person agreed). */
		contactPublic: integer('contact_public', { mode: 'boolean' }).notNull().default(false),
		/**
		 * Events: an RFC 5545 recurrence rule without its « RRULE: » (« FREQ=MONTHLY;BYDAY=1TH »), read in Paris wall
		 * time from starts_at; the days it skips (AAAA-MM-JJ) beside it. Null: the event happens once.
		 */
		recurrence: text('recurrence'),
		recurrenceExceptions: text('recurrence_exceptions', { mode: 'json' }).$type<string[]>().notNull().default([]),
		/**
		 * Events: the Paris day the last occurrence ends (« 9999-12-31 » for a rule without end), derived on every write
		 * (repos/event-days.ts) so the agenda's window reads one indexed column, recurring or not.
		 */
		lastDay: text('last_day'),
		/** Events: what it costs, in words (« 10 €, 5 € pour les étudiants »); `free` says whether it is free at all. */
		price: text('price'),
		free: integer('free', { mode: 'boolean' }),
		/** Events: on site (null, the default), online, or both. */
		attendance: text('attendance').$type<EventAttendance>(),
		/** Events: where to register (a URL). */
		registrationUrl: text('registration_url'),
		/** Events: the third-place of the directory where it happens (the address fields say where otherwise). */
		venueId: integer('venue_id'),
		/** Logo or photo: the stored file's key (see $lib/server/uploads), its sizes are derived from it. */
		imageKey: text('image_key'),
		imageAlt: text('image_alt'),
		/** Third-places: OpenStreetMap `opening_hours` syntax, e.g. « Mo-Fr 09:00-18:00; Sa 10:00-13:00 ». */
		openingHours: text('opening_hours'),
		/** Third-places: how to get there, accessibility, equipment (plain text, a few lines each). */
		accessTransport: text('access_transport'),
		accessibility: text('accessibility'),
		equipment: text('equipment'),
		status: text('status').$type<EntityStatus>().notNull().default('published'),
		isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
		/** French words the full-text index needs but the row does not hold (labels, place names). */
		searchTerms: text('search_terms').notNull().default(''),
		/**
		 * The French (and English) stems of the row's words and labels, so « incubateurs » finds « incubateur »
		 * (computed in TypeScript: SQLite's tokenizers do not stem French). Derived, like search_terms.
		 */
		searchStems: text('search_stems').notNull().default(''),
		lastVerifiedAt: text('last_verified_at'),
		version: integer('version').notNull().default(1),
		deletedAt: text('deleted_at'),
		...timestamps
	},
	(t) => [
		uniqueIndex('entities_slug_unique').on(t.slug),
		// The directory's counts (its total and per kind and category, for any filter but the text) read one of these two
		// indexes alone instead of the wide table: 0.35-0.47 s -> 0.01-0.03 s at 100,000 actors (issue 18, npm run
		// bench:load). Led by kind for a kind filter, by commune for a territory (and by category below); each carries
		// every filtered column.
		index('entities_kind_idx').on(t.kind, t.category, t.communeCode, t.status, t.deletedAt, t.sectors, t.stages, t.offers),
		index('entities_commune_idx').on(t.communeCode, t.kind, t.category, t.status, t.deletedAt, t.sectors, t.stages, t.offers),
		// « Autour de » (nearby, a place's search): the actors in a box read from this index alone, then only the 200
		// listed read from the table. 11,000 actors around Clermont-Ferrand at 100,000: 190 ms -> 15 ms (issue 18).
		index('entities_place_idx').on(t.lat, t.lon, t.kind, t.category, t.status, t.deletedAt),
		// The directory's and the API's order (name as NOCASE compares it, then id): the first page and the next
		// (keyset) are read from this index instead of sorting every actor per request (issue 18).
		index('entities_name_nocase_idx').on(sql`${t.name} collate nocase`, t.id),
		// The editors' listings (/moderation/fiches), oldest verification first: their pages are read in this order
		// from the published, live listings only (dashboard.repo.ts listListings repeats the condition and the order).
		// The commune last: their counts, by département too, read this index alone (0.2 s -> 0.05 s at 100,000).
		// The always-true last term is written only by dashboard.repo.ts: without it, the directory's own queries
		// (the same live, published condition) chose this index and sorted every actor (list-plans-100k.spec.ts).
		index('entities_freshness_order_idx')
			.on(sql`last_verified_at is not null`, t.lastVerifiedAt, sql`${t.name} collate nocase`, t.id, t.communeCode)
			.where(sql`deleted_at is null and status = 'published' and (last_verified_at is null or last_verified_at is not null)`),
		// The few deleted listings, to take their relations out of the editors' counts (relation-dispute.repo.ts).
		index('entities_deleted_idx')
			.on(t.id)
			.where(sql`deleted_at is not null`),
		// The directory's other orders (issue 18, tests/integration/list-plans-100k.spec.ts): by kind or category then
		// name, and by founding year (missing years last, whichever the direction: one expression each way, as
		// entity.repo.ts orders), so the first page is read from an index, not sorted from the whole table.
		index('entities_kind_name_idx').on(t.kind, sql`${t.name} collate nocase`, t.id),
		// Carries the filtered columns too (0021): SQLite reads the category facet and a category's counts from it.
		index('entities_category_name_idx').on(
			t.category,
			sql`${t.name} collate nocase`,
			t.id,
			t.kind,
			t.communeCode,
			t.status,
			t.deletedAt,
			t.sectors,
			t.stages,
			t.offers
		),
		index('entities_founded_asc_idx').on(sql`coalesce(${t.foundedYear}, 99999)`, sql`${t.name} collate nocase`),
		index('entities_founded_desc_idx').on(sql`coalesce(${t.foundedYear}, -1)`, sql`${t.name} collate nocase`),
		index('entities_siret_idx').on(t.siret),
		index('entities_match_name_idx').on(t.communeCode, t.matchName),
		index('entities_website_key_idx').on(t.websiteKey),
		// Rows whose keys are still to compute (written before 0018, or by a hand-made INSERT): found without a scan.
		index('entities_match_missing_idx')
			.on(t.id)
			.where(sql`${t.matchName} is null`),
		check('entities_kind_check', sql`${t.kind} in ('person','organisation','third_place','event')`),
		check('entities_status_check', sql`${t.status} in ('draft','published','archived')`),
		check('entities_precision_check', sql`${t.coordPrecision} is null or ${t.coordPrecision} in ('address','commune','manual')`)
	]
);

export const relations = sqliteTable(
	'relations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		type: text('type').$type<RelationType>().notNull(),
		sourceId: integer('source_id')
			.notNull()
			.references(() => entities.id),
		targetId: integer('target_id')
			.notNull()
			.references(() => entities.id),
		/** Partial dates: '2019', '2019-03' or '2019-03-14'. */
		startDate: text('start_date'),
		endDate: text('end_date'),
		description: text('description').notNull().default(''),
		/** Who says so: a URL or a citation. */
		source: text('source'),
		confirmation: text('confirmation').$type<ConfirmationState>().notNull().default('declared'),
		/**
		 * Which end declared the relation when a partner did (the other end's managers confirm it);
		 * null for relations entered by the editorial team or imported.
		 */
		declaredByEntityId: integer('declared_by_entity_id'),
		isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
		version: integer('version').notNull().default(1),
		deletedAt: text('deleted_at'),
		...timestamps
	},
	(t) => [
		index('relations_source_idx').on(t.sourceId, t.type),
		index('relations_target_idx').on(t.targetId, t.type),
		// /moderation/relations' three lists, the latest entered first, and their counts (relation-dispute.repo.ts
		// repeats these conditions word for word: SQLite uses a partial index only then). Issue 18: 4 s at 500,000 relations.
		index('relations_review_unsourced_idx')
			.on(t.createdAt, t.id)
			.where(sql`deleted_at is null and (source is null or trim(source) = '')`),
		index('relations_review_declared_idx')
			.on(t.createdAt, t.id)
			.where(sql`deleted_at is null and confirmation = 'declared'`),
		index('relations_review_disputed_idx')
			.on(t.createdAt, t.id)
			.where(sql`deleted_at is null and confirmation = 'disputed'`),
		check('relations_no_self_check', sql`${t.sourceId} <> ${t.targetId}`),
		check(
			'relations_date_check',
			sql`(${t.startDate} is null or ${t.startDate} glob '[0-9][0-9][0-9][0-9]*') and (${t.endDate} is null or ${t.endDate} glob '[0-9][0-9][0-9][0-9]*')`
		),
		check('relations_confirmation_check', sql`${t.confirmation} in ('declared','confirmed','disputed')`)
	]
);

export type TerritoryRow = typeof territories.$inferSelect;
export type NewTerritory = typeof territories.$inferInsert;
export type EntityRow = typeof entities.$inferSelect;
export type NewEntity = typeof entities.$inferInsert;
export type RelationRow = typeof relations.$inferSelect;
export type NewRelation = typeof relations.$inferInsert;

/**
 * Small counters shared by every process that opens the file. `graph_revision` is bumped by SQL triggers
 * on every write that changes the graph (drizzle/0003), so each server can tell its cached graph is stale
 * with one tiny read, even when another process (seed, import) wrote.
 */
export const meta = sqliteTable('meta', {
	key: text('key').primaryKey(),
	value: integer('value').notNull().default(0)
});

/**
 * The search's synonyms, editable by editors: each row is a group of words or phrases that mean the same
 * (« financeur, financement, investisseur »); `related` groups (« tiers-lieu ~ coworking ») only widen a
 * search that found little, and rank after what the typed words found.
 */
export const searchSynonyms = sqliteTable('search_synonyms', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	terms: text('terms').notNull(),
	related: integer('related', { mode: 'boolean' }).notNull().default(false),
	...timestamps
});

/**
 * Append-only history of every write to entities and relations (one row per write, in the same transaction).
 * SQL triggers (drizzle/0005) refuse UPDATE and DELETE unless meta.revisions_unlocked = 1, which only the
 * erasure path sets inside its own transaction (repos/revision.repo.ts, withRevisionsUnlocked).
 * No foreign keys: the history must outlive what it describes, and users do not exist yet.
 */
export const revisions = sqliteTable(
	'revisions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		subjectKind: text('subject_kind').$type<RevisionSubjectKind>().notNull(),
		subjectId: integer('subject_id').notNull(),
		/** The subject's `version` after this write. */
		version: integer('version').notNull(),
		operation: text('operation').$type<RevisionOperation>().notNull(),
		/** The whole subject after the write, without derived columns (see $lib/history/snapshot.ts). */
		snapshot: text('snapshot').notNull(),
		authorUserId: integer('author_user_id'),
		authorLabel: text('author_label').notNull(),
		reason: text('reason').notNull().default(''),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
	},
	(t) => [
		uniqueIndex('revisions_subject_version_unique').on(t.subjectKind, t.subjectId, t.version),
		index('revisions_author_idx').on(t.authorUserId),
		check('revisions_subject_kind_check', sql`${t.subjectKind} in ('entity','relation')`),
		check('revisions_operation_check', sql`${t.operation} in ('create','update','delete','restore','rollback','merge','import')`)
	]
);
export type RevisionRow = typeof revisions.$inferSelect;
export type NewRevision = typeof revisions.$inferInsert;

export type UserRole = 'admin' | 'editor' | 'partner';
/** How a user wants to hear of their notifications by e-mail (the bell shows them all anyway). */
export type NotifyMode = 'immediate' | 'weekly' | 'none';
export type AccountTokenPurpose = 'invite' | 'reset';

/**
 * People who can sign in. The e-mail is stored lower-cased so the unique index means « one account per
 * address » whatever the capitals typed. No password until the invitation is accepted.
 */
export const users = sqliteTable(
	'users',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		email: text('email').notNull(),
		displayName: text('display_name').notNull(),
		role: text('role').$type<UserRole>().notNull(),
		/** Self-describing scrypt string (see $lib/server/auth/password.ts), null until the invitation is accepted. */
		passwordHash: text('password_hash'),
		disabledAt: text('disabled_at'),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
		passwordChangedAt: text('password_changed_at'),
		/** Partners only: their changes wait in the moderation queue until an editor turns this off. */
		moderated: integer('moderated', { mode: 'boolean' }).notNull().default(true),
		/** Checked by the service (zod): a CHECK here would mean rebuilding `users`, which cascades to sessions. */
		notifyMode: text('notify_mode').$type<NotifyMode>().notNull().default('immediate'),
		/** When the last weekly (or, for editors, daily) digest went out. */
		digestSentAt: text('digest_sent_at'),
		/** The language the person last signed in with ('fr' | 'en'): the jobs' mails go out in it; null (never said) is French. */
		locale: text('locale').$type<'fr' | 'en'>()
	},
	(t) => [
		uniqueIndex('users_email_unique').on(t.email),
		check('users_role_check', sql`${t.role} in ('admin','editor','partner')`),
		check('users_email_lower_check', sql`${t.email} = lower(${t.email})`)
	]
);
export type UserRow = typeof users.$inferSelect;

/** Only the SHA-256 of the cookie's token is kept: a leaked database does not let anyone sign in. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tokenSha256: text('token_sha256').notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: text('created_at').notNull(),
		lastSeenAt: text('last_seen_at').notNull(),
		expiresAt: text('expires_at').notNull()
	},
	(t) => [uniqueIndex('sessions_token_unique').on(t.tokenSha256), index('sessions_user_idx').on(t.userId)]
);
export type SessionRow = typeof sessions.$inferSelect;

/** Single-use links (invitation, password reset): only the SHA-256 of the token sent in the link is stored. */
export const accountTokens = sqliteTable(
	'account_tokens',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tokenSha256: text('token_sha256').notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		purpose: text('purpose').$type<AccountTokenPurpose>().notNull(),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
		expiresAt: text('expires_at').notNull(),
		usedAt: text('used_at')
	},
	(t) => [
		uniqueIndex('account_tokens_token_unique').on(t.tokenSha256),
		index('account_tokens_user_idx').on(t.userId),
		check('account_tokens_purpose_check', sql`${t.purpose} in ('invite','reset')`)
	]
);
export type AccountTokenRow = typeof accountTokens.$inferSelect;

/** Who manages which listing (a listing can have several managers); granted by an editor or admin. */
export const entityManagers = sqliteTable(
	'entity_managers',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		entityId: integer('entity_id')
			.notNull()
			.references(() => entities.id),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		grantedBy: integer('granted_by'),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
	},
	(t) => [uniqueIndex('entity_managers_pair_unique').on(t.entityId, t.userId), index('entity_managers_user_idx').on(t.userId)]
);
export type EntityManagerRow = typeof entityManagers.$inferSelect;

/**
 * `relation_dispute`: one side contests a relation (payload.comments holds both sides' words);
 * `entity_claim`: someone with a confirmed e-mail says « c'est ma structure » (author is null, contact_email says who).
 */
export type PendingChangeKind =
	'entity_update' | 'entity_create' | 'relation_create' | 'relation_update' | 'relation_delete' | 'relation_dispute' | 'entity_claim' | 'report';
export type PendingChangeStatus = 'pending' | 'approved' | 'rejected';

/**
 * Contributions waiting for an editor: partners' changes when they are moderated, and public error reports.
 * The payload is what the change would write (a patch, a new entity or relation); `base_version` is the
 * subject's version the contributor saw, so an approval after someone else's save is refused, not merged.
 */
export const pendingChanges = sqliteTable(
	'pending_changes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind').$type<PendingChangeKind>().notNull(),
		entityId: integer('entity_id'),
		relationId: integer('relation_id'),
		payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
		baseVersion: integer('base_version'),
		/** Null for public reports (no account). */
		authorUserId: integer('author_user_id'),
		authorLabel: text('author_label').notNull(),
		status: text('status').$type<PendingChangeStatus>().notNull().default('pending'),
		reviewerUserId: integer('reviewer_user_id'),
		reviewComment: text('review_comment').notNull().default(''),
		reviewedAt: text('reviewed_at'),
		/**
		 * The e-mail of a contributor without an account (newcomer's listing, claim, report): told the
		 * outcome, shown to editors only, never public.
		 */
		contactEmail: text('contact_email'),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
	},
	(t) => [
		index('pending_changes_status_idx').on(t.status, t.createdAt),
		index('pending_changes_author_idx').on(t.authorUserId),
		check(
			'pending_changes_kind_check',
			sql`${t.kind} in ('entity_update','entity_create','relation_create','relation_update','relation_delete','relation_dispute','entity_claim','report')`
		),
		check('pending_changes_status_check', sql`${t.status} in ('pending','approved','rejected')`)
	]
);
export type PendingChangeRow = typeof pendingChanges.$inferSelect;

/** Slugs of entities merged into another one: old links keep working through a permanent redirect. */
export const entitySlugRedirects = sqliteTable('entity_slug_redirects', {
	oldSlug: text('old_slug').primaryKey(),
	entityId: integer('entity_id')
		.notNull()
		.references(() => entities.id),
	createdAt: text('created_at')
		.notNull()
		.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
});

export type ImportJobStatus = 'preview' | 'committed' | 'undone';
export type ImportFormat = 'csv' | 'geojson' | 'json' | 'xlsx' | 'ods' | 'xls';

/** What an import changed, so that undoing it touches exactly those rows. */
export interface ImportChanges {
	createdEntityIds: number[];
	createdRelationIds: number[];
	/** Entities the import updated: the version it wrote and the revision before it (undo restores that one). */
	updatedEntities: Array<{ id: number; versionAfter: number; revisionBefore: number }>;
	/**
	 * Set while a commit or an undo is written chunk by chunk: which process writes, and how many undo steps are
	 * done. A job left with it after a crash is taken back (or its undo finished) when the app starts again.
	 */
	writing?: ImportWriting;
}

export interface ImportWriting {
	pid: number;
	since: string;
	/** `rollback`: taking back a commit cut short (the job becomes a preview again). */
	direction: 'commit' | 'undo' | 'rollback';
	undone: number;
}

/**
 * One uploaded file, from its dry run to its commit (and its undo). The file itself is kept so that the
 * commit replays exactly what was previewed, and so that the history can say which file did what.
 */
export const importJobs = sqliteTable(
	'import_jobs',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		status: text('status').$type<ImportJobStatus>().notNull().default('preview'),
		fileName: text('file_name').notNull(),
		format: text('format').$type<ImportFormat>().notNull(),
		fileSha256: text('file_sha256').notNull(),
		fileContent: blob('file_content', { mode: 'buffer' }).notNull(),
		/** Column mapping, defaults and strictness chosen for this file. */
		settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
		/** Geocoder answers from the dry run, replayed at commit time. */
		geocodes: text('geocodes', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
		counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull().default({}),
		/** The dry run's report (problems and what each row does), shown again until the job is committed. */
		report: text('report', { mode: 'json' }).$type<Record<string, unknown>>(),
		changes: text('changes', { mode: 'json' }).$type<ImportChanges>(),
		authorUserId: integer('author_user_id'),
		authorLabel: text('author_label').notNull(),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
		committedAt: text('committed_at'),
		committedByLabel: text('committed_by_label'),
		undoneAt: text('undone_at'),
		undoneByLabel: text('undone_by_label')
	},
	(t) => [
		index('import_jobs_status_idx').on(t.status, t.createdAt),
		check('import_jobs_status_check', sql`${t.status} in ('preview','committed','undone')`),
		check('import_jobs_format_check', sql`${t.format} in ('csv','geojson','json','xlsx','ods','xls')`)
	]
);
export type ImportJobRow = typeof importJobs.$inferSelect;

export type EmailConfirmationPurpose = 'listing' | 'claim';

/**
 * A newcomer's submission waiting for its e-mail to be confirmed (« Référencer ma structure », « C'est ma
 * structure »): nothing reaches the editors before the link is opened once. Only the token's SHA-256 is kept.
 */
export const emailConfirmations = sqliteTable(
	'email_confirmations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tokenSha256: text('token_sha256').notNull(),
		purpose: text('purpose').$type<EmailConfirmationPurpose>().notNull(),
		email: text('email').notNull(),
		payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
		entityId: integer('entity_id'),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
		expiresAt: text('expires_at').notNull(),
		usedAt: text('used_at'),
		pendingChangeId: integer('pending_change_id')
	},
	(t) => [
		uniqueIndex('email_confirmations_token_unique').on(t.tokenSha256),
		index('email_confirmations_email_idx').on(t.email, t.createdAt),
		check('email_confirmations_purpose_check', sql`${t.purpose} in ('listing','claim')`)
	]
);
export type EmailConfirmationRow = typeof emailConfirmations.$inferSelect;

/** What the bell shows; e-mailed later by the notifications job according to the user's notify_mode. */
export const notifications = sqliteTable(
	'notifications',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** What happened, e.g. relation_to_confirm, proposal_approved, proposal_rejected, report, claim_approved. */
		kind: text('kind').notNull(),
		/** One French sentence. */
		title: text('title').notNull(),
		body: text('body').notNull().default(''),
		/** A path on the site (« /espace/fiches/12 »). */
		link: text('link').notNull().default(''),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
		readAt: text('read_at'),
		/** When it went out by e-mail (alone or in a digest); null while it waits or when the user wants none. */
		emailedAt: text('emailed_at')
	},
	(t) => [index('notifications_user_idx').on(t.userId, t.readAt), index('notifications_unsent_idx').on(t.emailedAt, t.createdAt)]
);
export type NotificationRow = typeof notifications.$inferSelect;

/**
 * Freshness reminders sent about a stale listing, one row per message (to a manager, or to the editors
 * when the listing has none): who has been reminded and when, and the single-use « toujours à jour » link.
 */
export const freshnessReminders = sqliteTable(
	'freshness_reminders',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		entityId: integer('entity_id')
			.notNull()
			.references(() => entities.id),
		/** Null: no manager, the listing went to the editors' list. */
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		sentAt: text('sent_at').notNull(),
		tokenSha256: text('token_sha256'),
		expiresAt: text('expires_at'),
		usedAt: text('used_at')
	},
	(t) => [index('freshness_reminders_entity_idx').on(t.entityId, t.sentAt), uniqueIndex('freshness_reminders_token_unique').on(t.tokenSha256)]
);
export type FreshnessReminderRow = typeof freshnessReminders.$inferSelect;

/**
 * The scheduler's jobs: when each ran and runs next, and a lease so that two server processes on the same
 * file never run one job twice at once.
 */
export const jobs = sqliteTable('jobs', {
	name: text('name').primaryKey(),
	/** Cron expression, read in Europe/Paris. */
	schedule: text('schedule').notNull(),
	lastStartedAt: text('last_started_at'),
	lastFinishedAt: text('last_finished_at'),
	lastStatus: text('last_status'),
	lastMessage: text('last_message').notNull().default(''),
	lastDurationMs: integer('last_duration_ms'),
	nextRunAt: text('next_run_at'),
	leaseOwner: text('lease_owner'),
	leaseUntil: text('lease_until')
});
export type JobRow = typeof jobs.$inferSelect;

/**
 * Failed logins of the last quarter-hour, so that login throttling survives a restart. Only digests: the
 * client address and « e-mail + address » (what was typed as an e-mail can be a password). Rows older than
 * the window are deleted whenever a failure is written.
 */
export const loginAttempts = sqliteTable(
	'login_attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** SHA-256 of the client address as decided by clientKey(). */
		addressSha256: text('address_sha256').notNull(),
		/** SHA-256 of the e-mail typed and the client address. */
		pairSha256: text('pair_sha256').notNull(),
		/** Milliseconds since the epoch. */
		failedAt: integer('failed_at').notNull()
	},
	(t) => [
		index('login_attempts_address_idx').on(t.addressSha256, t.failedAt),
		index('login_attempts_pair_idx').on(t.pairSha256, t.failedAt),
		index('login_attempts_failed_at_idx').on(t.failedAt)
	]
);
export type LoginAttemptRow = typeof loginAttempts.$inferSelect;

export type EventFeedStatus = 'ok' | 'not_modified' | 'error';

/** What the last poll of a feed did, by UID (see feeds/feed-diff.ts). */
export interface EventFeedCounts {
	created: number;
	updated: number;
	cancelled: number;
	unchanged: number;
}

/**
 * A partner's published calendar (.ics address) polled by the `feeds` job (issue 19): its events become the
 * owner's events, written through the one write path. `moderated`: new events wait for an editor as drafts.
 * ETag and Last-Modified make the usual poll a 304; the last poll's outcome is kept for the feed's page.
 */
export const eventFeeds = sqliteTable(
	'event_feeds',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** The organiser the feed belongs to: it « organises » every event the feed brings. */
		entityId: integer('entity_id')
			.notNull()
			.references(() => entities.id),
		url: text('url').notNull(),
		moderated: integer('moderated', { mode: 'boolean' }).notNull().default(false),
		etag: text('etag'),
		lastModified: text('last_modified'),
		lastFetchedAt: text('last_fetched_at'),
		lastStatus: text('last_status').$type<EventFeedStatus>(),
		/** French, shown to the feed's owner as is. */
		lastError: text('last_error'),
		lastCounts: text('last_counts', { mode: 'json' }).$type<EventFeedCounts>(),
		/** The reader's remarks on the last file read (events skipped or guessed), French. */
		lastProblems: text('last_problems', { mode: 'json' }).$type<string[]>().notNull().default([]),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
		active: integer('active', { mode: 'boolean' }).notNull().default(true)
	},
	(t) => [
		index('event_feeds_entity_idx').on(t.entityId),
		index('event_feeds_due_idx').on(t.active, t.lastFetchedAt),
		check('event_feeds_status_check', sql`${t.lastStatus} is null or ${t.lastStatus} in ('ok','not_modified','error')`)
	]
);
export type EventFeedRow = typeof eventFeeds.$inferSelect;

/** Which event each UID of a feed became, and the fingerprint of the version last written (feed-diff.ts). */
export const eventFeedItems = sqliteTable(
	'event_feed_items',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		feedId: integer('feed_id')
			.notNull()
			.references(() => eventFeeds.id, { onDelete: 'cascade' }),
		uid: text('uid').notNull(),
		entityId: integer('entity_id')
			.notNull()
			.references(() => entities.id),
		fingerprint: text('fingerprint').notNull(),
		cancelled: integer('cancelled', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [uniqueIndex('event_feed_items_feed_uid_unique').on(t.feedId, t.uid), index('event_feed_items_entity_idx').on(t.entityId)]
);
export type EventFeedItemRow = typeof eventFeedItems.$inferSelect;

export type ArticleLanguage = 'fr' | 'en';
export type MentionStatus = 'proposed' | 'confirmed' | 'rejected';

/**
 * Press coverage (issue 20): articles of Le Connecteur and other outlets, tied to the actors they cover. Not a
 * listing: editors keep them, so they carry no revision history; what they say about an actor is the mention,
 * which an editor confirms. `body_text` is the article's text as read when it was added, kept only to propose
 * mentions again when the directory grows.
 */
export const articles = sqliteTable(
	'articles',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		url: text('url').notNull(),
		title: text('title').notNull(),
		/** 'YYYY-MM-DD', or null when the page did not say. */
		publishedAt: text('published_at'),
		outlet: text('outlet').notNull().default('Le Connecteur'),
		author: text('author'),
		excerpt: text('excerpt').notNull().default(''),
		imageUrl: text('image_url'),
		language: text('language').$type<ArticleLanguage>().notNull().default('fr'),
		bodyText: text('body_text').notNull().default(''),
		isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		...timestamps
	},
	(t) => [
		uniqueIndex('articles_url_unique').on(t.url),
		index('articles_published_idx').on(t.publishedAt, t.id),
		check('articles_language_check', sql`${t.language} in ('fr','en')`),
		check('articles_date_check', sql`${t.publishedAt} is null or ${t.publishedAt} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`)
	]
);
export type ArticleRow = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;

/**
 * Which actors an article covers. Found names are `proposed` with the phrase matched and a confidence; an editor
 * confirms or rejects each one. Only confirmed mentions are public (actor pages, graph coverage, exports).
 */
export const articleMentions = sqliteTable(
	'article_mentions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		articleId: integer('article_id')
			.notNull()
			.references(() => articles.id, { onDelete: 'cascade' }),
		entityId: integer('entity_id')
			.notNull()
			.references(() => entities.id, { onDelete: 'cascade' }),
		status: text('status').$type<MentionStatus>().notNull().default('proposed'),
		/** 0..1, from mention detection; 1 for a mention an editor added by hand. */
		confidence: real('confidence').notNull().default(1),
		phrase: text('phrase').notNull().default(''),
		decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decidedAt: text('decided_at')
	},
	(t) => [
		uniqueIndex('article_mentions_pair_unique').on(t.articleId, t.entityId),
		index('article_mentions_entity_idx').on(t.entityId, t.status),
		check('article_mentions_status_check', sql`${t.status} in ('proposed','confirmed','rejected')`)
	]
);
export type ArticleMentionRow = typeof articleMentions.$inferSelect;

/** The relations an article is the source of (« d'après … »). */
export const articleRelations = sqliteTable(
	'article_relations',
	{
		articleId: integer('article_id')
			.notNull()
			.references(() => articles.id, { onDelete: 'cascade' }),
		relationId: integer('relation_id')
			.notNull()
			.references(() => relations.id, { onDelete: 'cascade' })
	},
	(t) => [uniqueIndex('article_relations_pair_unique').on(t.articleId, t.relationId), index('article_relations_relation_idx').on(t.relationId)]
);

export type StoryStatus = 'draft' | 'reviewed' | 'published';

/**
 * Récits (issue 20): the newsroom's stories told with the map, the network and the pathways. Each step is a text
 * and a view: the address of a page's state (`/carte?sector=agrifood&territory=15&at=…`), so it stays valid and
 * can be opened and edited like any page. A frozen récit (`frozen_at`) shows its views' data as they were on that
 * day: each step keeps the answers its view was drawn from (`story_steps.frozen_data`).
 */
export const stories = sqliteTable(
	'stories',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		subtitle: text('subtitle').notNull().default(''),
		author: text('author').notNull().default(''),
		coverUrl: text('cover_url'),
		/** Markdown; rendered and sanitised on display. */
		intro: text('intro').notNull().default(''),
		status: text('status').$type<StoryStatus>().notNull().default('draft'),
		/** When the data was frozen (ISO instant), null: the views show today's data. */
		frozenAt: text('frozen_at'),
		/** meta.graph_revision when it was frozen: what the views were made on. */
		frozenRevision: integer('frozen_revision'),
		publishedAt: text('published_at'),
		isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
		version: integer('version').notNull().default(1),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		deletedAt: text('deleted_at'),
		...timestamps
	},
	(t) => [
		uniqueIndex('stories_slug_unique').on(t.slug),
		index('stories_published_idx').on(t.status, t.publishedAt),
		check('stories_status_check', sql`${t.status} in ('draft','reviewed','published')`)
	]
);
export type StoryRow = typeof stories.$inferSelect;

export const storySteps = sqliteTable(
	'story_steps',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		storyId: integer('story_id')
			.notNull()
			.references(() => stories.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		/** Markdown; rendered and sanitised on display. */
		text: text('text').notNull().default(''),
		/** The view: a page's path and query (`/reseau?from=12&to=40`). */
		view: text('view').notNull(),
		/** The answers the view was drawn from when the récit was frozen ({ url: body }), JSON. */
		frozenData: text('frozen_data')
	},
	(t) => [index('story_steps_story_idx').on(t.storyId, t.position)]
);
export type StoryStepRow = typeof storySteps.$inferSelect;

/** The actors a récit features (from its views and its texts' links): their pages list it. */
export const storyActors = sqliteTable(
	'story_actors',
	{
		storyId: integer('story_id')
			.notNull()
			.references(() => stories.id, { onDelete: 'cascade' }),
		entityId: integer('entity_id')
			.notNull()
			.references(() => entities.id, { onDelete: 'cascade' })
	},
	(t) => [uniqueIndex('story_actors_pair_unique').on(t.storyId, t.entityId), index('story_actors_entity_idx').on(t.entityId)]
);

/**
 * Every saved state of a récit (its fields and steps), like a listing's history: append-only (drizzle/0029's
 * triggers), kept when the récit is deleted.
 */
export const storyRevisions = sqliteTable(
	'story_revisions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		storyId: integer('story_id').notNull(),
		version: integer('version').notNull(),
		snapshot: text('snapshot').notNull(),
		authorUserId: integer('author_user_id'),
		authorLabel: text('author_label').notNull(),
		reason: text('reason').notNull().default(''),
		createdAt: text('created_at')
			.notNull()
			.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
	},
	(t) => [uniqueIndex('story_revisions_version_unique').on(t.storyId, t.version)]
);
export type StoryRevisionRow = typeof storyRevisions.$inferSelect;
export type NewStoryRevision = typeof storyRevisions.$inferInsert;
