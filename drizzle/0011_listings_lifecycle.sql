CREATE TABLE `email_confirmations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_sha256` text NOT NULL,
	`purpose` text NOT NULL,
	`email` text NOT NULL,
	`payload` text NOT NULL,
	`entity_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`pending_change_id` integer,
	CONSTRAINT "email_confirmations_purpose_check" CHECK("email_confirmations"."purpose" in ('listing','claim'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_confirmations_token_unique` ON `email_confirmations` (`token_sha256`);--> statement-breakpoint
CREATE INDEX `email_confirmations_email_idx` ON `email_confirmations` (`email`,`created_at`);--> statement-breakpoint
CREATE TABLE `freshness_reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`user_id` integer,
	`sent_at` text NOT NULL,
	`token_sha256` text,
	`expires_at` text,
	`used_at` text,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `freshness_reminders_entity_idx` ON `freshness_reminders` (`entity_id`,`sent_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `freshness_reminders_token_unique` ON `freshness_reminders` (`token_sha256`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`name` text PRIMARY KEY NOT NULL,
	`schedule` text NOT NULL,
	`last_started_at` text,
	`last_finished_at` text,
	`last_status` text,
	`last_message` text DEFAULT '' NOT NULL,
	`last_duration_ms` integer,
	`next_run_at` text,
	`lease_owner` text,
	`lease_until` text
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`link` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`read_at` text,
	`emailed_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `notifications_unsent_idx` ON `notifications` (`emailed_at`,`created_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_pending_changes` (
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
	`contact_email` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "pending_changes_kind_check" CHECK("__new_pending_changes"."kind" in ('entity_update','entity_create','relation_create','relation_update','relation_delete','relation_dispute','entity_claim','report')),
	CONSTRAINT "pending_changes_status_check" CHECK("__new_pending_changes"."status" in ('pending','approved','rejected'))
);
--> statement-breakpoint
INSERT INTO `__new_pending_changes`("id", "kind", "entity_id", "relation_id", "payload", "base_version", "author_user_id", "author_label", "status", "reviewer_user_id", "review_comment", "reviewed_at", "created_at") SELECT "id", "kind", "entity_id", "relation_id", "payload", "base_version", "author_user_id", "author_label", "status", "reviewer_user_id", "review_comment", "reviewed_at", "created_at" FROM `pending_changes`;--> statement-breakpoint
DROP TABLE `pending_changes`;--> statement-breakpoint
ALTER TABLE `__new_pending_changes` RENAME TO `pending_changes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `pending_changes_status_idx` ON `pending_changes` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `pending_changes_author_idx` ON `pending_changes` (`author_user_id`);--> statement-breakpoint
ALTER TABLE `entities` ADD `registration_url` text;--> statement-breakpoint
ALTER TABLE `entities` ADD `venue_id` integer;--> statement-breakpoint
ALTER TABLE `entities` ADD `image_key` text;--> statement-breakpoint
ALTER TABLE `entities` ADD `image_alt` text;--> statement-breakpoint
ALTER TABLE `entities` ADD `opening_hours` text;--> statement-breakpoint
ALTER TABLE `entities` ADD `access_transport` text;--> statement-breakpoint
ALTER TABLE `entities` ADD `accessibility` text;--> statement-breakpoint
ALTER TABLE `entities` ADD `equipment` text;--> statement-breakpoint
ALTER TABLE `users` ADD `notify_mode` text DEFAULT 'immediate' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `digest_sent_at` text;