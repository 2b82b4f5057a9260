CREATE TABLE `import_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`status` text DEFAULT 'preview' NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`file_sha256` text NOT NULL,
	`file_content` blob NOT NULL,
	`settings` text NOT NULL,
	`geocodes` text DEFAULT '{}' NOT NULL,
	`counts` text DEFAULT '{}' NOT NULL,
	`report` text,
	`changes` text,
	`author_user_id` integer,
	`author_label` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`committed_at` text,
	`committed_by_label` text,
	`undone_at` text,
	`undone_by_label` text,
	CONSTRAINT "import_jobs_status_check" CHECK("import_jobs"."status" in ('preview','committed','undone')),
	CONSTRAINT "import_jobs_format_check" CHECK("import_jobs"."format" in ('csv','geojson','json'))
);
--> statement-breakpoint
CREATE INDEX `import_jobs_status_idx` ON `import_jobs` (`status`,`created_at`);--> statement-breakpoint
ALTER TABLE `entities` ADD `siret` text;--> statement-breakpoint
CREATE INDEX `entities_siret_idx` ON `entities` (`siret`);