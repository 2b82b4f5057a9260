PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_import_jobs` (
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
	CONSTRAINT "import_jobs_status_check" CHECK("__new_import_jobs"."status" in ('preview','committed','undone')),
	CONSTRAINT "import_jobs_format_check" CHECK("__new_import_jobs"."format" in ('csv','geojson','json','xlsx','ods','xls'))
);
--> statement-breakpoint
INSERT INTO `__new_import_jobs`("id", "status", "file_name", "format", "file_sha256", "file_content", "settings", "geocodes", "counts", "report", "changes", "author_user_id", "author_label", "created_at", "committed_at", "committed_by_label", "undone_at", "undone_by_label") SELECT "id", "status", "file_name", "format", "file_sha256", "file_content", "settings", "geocodes", "counts", "report", "changes", "author_user_id", "author_label", "created_at", "committed_at", "committed_by_label", "undone_at", "undone_by_label" FROM `import_jobs`;--> statement-breakpoint
DROP TABLE `import_jobs`;--> statement-breakpoint
ALTER TABLE `__new_import_jobs` RENAME TO `import_jobs`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `import_jobs_status_idx` ON `import_jobs` (`status`,`created_at`);