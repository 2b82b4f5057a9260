-- Issue 19 (agenda): recurring events (an RFC 5545 rule read in Paris wall time, the days it skips), price, on site or
-- online. last_day is derived on every write (repos/event-days.ts); the events already there get theirs below.
ALTER TABLE `entities` ADD `recurrence` text;--> statement-breakpoint
ALTER TABLE `entities` ADD `recurrence_exceptions` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `entities` ADD `last_day` text;--> statement-breakpoint
ALTER TABLE `entities` ADD `price` text;--> statement-breakpoint
ALTER TABLE `entities` ADD `free` integer;--> statement-breakpoint
ALTER TABLE `entities` ADD `attendance` text;--> statement-breakpoint
UPDATE `entities` SET `last_day` = substr(coalesce(`ends_at`, `starts_at`), 1, 10) WHERE `kind` = 'event' AND `starts_at` IS NOT NULL;
