-- Issue 18: the directory's orders other than by name read their first page from an index (EXPLAIN QUERY PLAN in
-- tests/integration/list-plans-100k.spec.ts) instead of sorting every actor. The founding-year expressions are
-- exactly those entity.repo.ts orders by (missing years last in both directions). entities_name_idx (binary
-- order, 0000) served no query since entities_name_nocase_idx (0016): dropped, one index less per write.
DROP INDEX `entities_name_idx`;--> statement-breakpoint
CREATE INDEX `entities_kind_name_idx` ON `entities` (`kind`,"name" collate nocase,`id`);--> statement-breakpoint
CREATE INDEX `entities_category_name_idx` ON `entities` (`category`,"name" collate nocase,`id`);--> statement-breakpoint
CREATE INDEX `entities_founded_asc_idx` ON `entities` (coalesce("founded_year", 99999),"name" collate nocase);--> statement-breakpoint
CREATE INDEX `entities_founded_desc_idx` ON `entities` (coalesce("founded_year", -1),"name" collate nocase);
