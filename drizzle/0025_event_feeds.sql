CREATE TABLE `event_feed_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`feed_id` integer NOT NULL,
	`uid` text NOT NULL,
	`entity_id` integer NOT NULL,
	`fingerprint` text NOT NULL,
	`cancelled` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`feed_id`) REFERENCES `event_feeds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_feed_items_feed_uid_unique` ON `event_feed_items` (`feed_id`,`uid`);--> statement-breakpoint
CREATE INDEX `event_feed_items_entity_idx` ON `event_feed_items` (`entity_id`);--> statement-breakpoint
CREATE TABLE `event_feeds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`url` text NOT NULL,
	`moderated` integer DEFAULT false NOT NULL,
	`etag` text,
	`last_modified` text,
	`last_fetched_at` text,
	`last_status` text,
	`last_error` text,
	`last_counts` text,
	`last_problems` text DEFAULT '[]' NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "event_feeds_status_check" CHECK("event_feeds"."last_status" is null or "event_feeds"."last_status" in ('ok','not_modified','error'))
);
--> statement-breakpoint
CREATE INDEX `event_feeds_entity_idx` ON `event_feeds` (`entity_id`);--> statement-breakpoint
CREATE INDEX `event_feeds_due_idx` ON `event_feeds` (`active`,`last_fetched_at`);