CREATE TABLE `article_mentions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`entity_id` integer NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`confidence` real DEFAULT 1 NOT NULL,
	`phrase` text DEFAULT '' NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "article_mentions_status_check" CHECK("article_mentions"."status" in ('proposed','confirmed','rejected'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `article_mentions_pair_unique` ON `article_mentions` (`article_id`,`entity_id`);--> statement-breakpoint
CREATE INDEX `article_mentions_entity_idx` ON `article_mentions` (`entity_id`,`status`);--> statement-breakpoint
CREATE TABLE `article_relations` (
	`article_id` integer NOT NULL,
	`relation_id` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `article_relations_pair_unique` ON `article_relations` (`article_id`,`relation_id`);--> statement-breakpoint
CREATE INDEX `article_relations_relation_idx` ON `article_relations` (`relation_id`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`title` text NOT NULL,
	`published_at` text,
	`outlet` text DEFAULT 'Le Connecteur' NOT NULL,
	`author` text,
	`excerpt` text DEFAULT '' NOT NULL,
	`image_url` text,
	`language` text DEFAULT 'fr' NOT NULL,
	`body_text` text DEFAULT '' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "articles_language_check" CHECK("articles"."language" in ('fr','en')),
	CONSTRAINT "articles_date_check" CHECK("articles"."published_at" is null or "articles"."published_at" glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_url_unique` ON `articles` (`url`);--> statement-breakpoint
CREATE INDEX `articles_published_idx` ON `articles` (`published_at`,`id`);