CREATE TABLE `entity_managers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`granted_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entity_managers_pair_unique` ON `entity_managers` (`entity_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `entity_managers_user_idx` ON `entity_managers` (`user_id`);--> statement-breakpoint
CREATE TABLE `entity_slug_redirects` (
	`old_slug` text PRIMARY KEY NOT NULL,
	`entity_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `pending_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`entity_id` integer,
	`relation_id` integer,
	`payload` text NOT NULL,
	`base_version` integer,
	`author_user_id` integer,
	`author_label` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`reviewer_user_id` integer,
	`review_comment` text DEFAULT '' NOT NULL,
	`reviewed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "pending_changes_kind_check" CHECK("pending_changes"."kind" in ('entity_update','entity_create','relation_create','relation_update','relation_delete','report')),
	CONSTRAINT "pending_changes_status_check" CHECK("pending_changes"."status" in ('pending','approved','rejected'))
);
--> statement-breakpoint
CREATE INDEX `pending_changes_status_idx` ON `pending_changes` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `pending_changes_author_idx` ON `pending_changes` (`author_user_id`);--> statement-breakpoint
ALTER TABLE `relations` ADD `declared_by_entity_id` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `moderated` integer DEFAULT true NOT NULL;