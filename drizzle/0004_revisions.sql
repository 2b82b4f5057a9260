CREATE TABLE `revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`version` integer NOT NULL,
	`operation` text NOT NULL,
	`snapshot` text NOT NULL,
	`author_user_id` integer,
	`author_label` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "revisions_subject_kind_check" CHECK("revisions"."subject_kind" in ('entity','relation')),
	CONSTRAINT "revisions_operation_check" CHECK("revisions"."operation" in ('create','update','delete','restore','rollback','merge','import'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `revisions_subject_version_unique` ON `revisions` (`subject_kind`,`subject_id`,`version`);--> statement-breakpoint
CREATE INDEX `revisions_author_idx` ON `revisions` (`author_user_id`);