-- Issue 18: the editors' lists at 100,000 actors and 500,000 relations read their pages and counts from these partial
-- indexes (EXPLAIN QUERY PLAN in tests/integration/editor-pages-plans.spec.ts) instead of the whole tables.
CREATE INDEX `entities_freshness_order_idx` ON `entities` (last_verified_at is not null,`last_verified_at`,"name" collate nocase,`id`,`commune_code`) WHERE deleted_at is null and status = 'published' and (last_verified_at is null or last_verified_at is not null);--> statement-breakpoint
CREATE INDEX `entities_deleted_idx` ON `entities` (`id`) WHERE deleted_at is not null;--> statement-breakpoint
CREATE INDEX `relations_review_unsourced_idx` ON `relations` (`created_at`,`id`) WHERE deleted_at is null and (source is null or trim(source) = '');--> statement-breakpoint
CREATE INDEX `relations_review_declared_idx` ON `relations` (`created_at`,`id`) WHERE deleted_at is null and confirmation = 'declared';--> statement-breakpoint
CREATE INDEX `relations_review_disputed_idx` ON `relations` (`created_at`,`id`) WHERE deleted_at is null and confirmation = 'disputed';