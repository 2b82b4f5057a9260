-- The duplicate rules' keys (issue 18): a proposed listing was compared with every listing of the directory
-- (1.2 s per proposal at 10,000 actors). match_name and website_key are computed by the app (accents folded in
-- JavaScript) when a row is written; rows written before this migration get them at the next start
-- (fillMissingMatchKeys, found through the partial index below).
ALTER TABLE `entities` ADD `match_name` text;--> statement-breakpoint
ALTER TABLE `entities` ADD `website_key` text;--> statement-breakpoint
CREATE INDEX `entities_match_name_idx` ON `entities` (`commune_code`,`match_name`);--> statement-breakpoint
CREATE INDEX `entities_website_key_idx` ON `entities` (`website_key`);--> statement-breakpoint
CREATE INDEX `entities_match_missing_idx` ON `entities` (`id`) WHERE "entities"."match_name" is null;