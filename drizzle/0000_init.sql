CREATE TABLE `entities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`category` text NOT NULL,
	`name` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`description_text` text DEFAULT '' NOT NULL,
	`website` text,
	`sectors` text DEFAULT '[]' NOT NULL,
	`stages` text DEFAULT '[]' NOT NULL,
	`offers` text DEFAULT '[]' NOT NULL,
	`address` text,
	`commune_code` text,
	`lon` real,
	`lat` real,
	`coord_precision` text,
	`founded_year` integer,
	`starts_at` text,
	`ends_at` text,
	`email` text,
	`phone` text,
	`contact_public` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'published' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`search_terms` text DEFAULT '' NOT NULL,
	`last_verified_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`commune_code`) REFERENCES `territories`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "entities_kind_check" CHECK("entities"."kind" in ('person','organisation','third_place','event')),
	CONSTRAINT "entities_status_check" CHECK("entities"."status" in ('draft','published','archived')),
	CONSTRAINT "entities_precision_check" CHECK("entities"."coord_precision" is null or "entities"."coord_precision" in ('address','commune','manual'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entities_slug_unique` ON `entities` (`slug`);--> statement-breakpoint
CREATE INDEX `entities_kind_idx` ON `entities` (`kind`,`category`);--> statement-breakpoint
CREATE INDEX `entities_commune_idx` ON `entities` (`commune_code`);--> statement-breakpoint
CREATE INDEX `entities_name_idx` ON `entities` (`name`);--> statement-breakpoint
CREATE TABLE `relations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`source_id` integer NOT NULL,
	`target_id` integer NOT NULL,
	`start_date` text,
	`end_date` text,
	`description` text DEFAULT '' NOT NULL,
	`source` text,
	`confirmation` text DEFAULT 'declared' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "relations_no_self_check" CHECK("relations"."source_id" <> "relations"."target_id"),
	CONSTRAINT "relations_date_check" CHECK(("relations"."start_date" is null or "relations"."start_date" glob '[0-9][0-9][0-9][0-9]*') and ("relations"."end_date" is null or "relations"."end_date" glob '[0-9][0-9][0-9][0-9]*')),
	CONSTRAINT "relations_confirmation_check" CHECK("relations"."confirmation" in ('declared','confirmed','disputed'))
);
--> statement-breakpoint
CREATE INDEX `relations_source_idx` ON `relations` (`source_id`,`type`);--> statement-breakpoint
CREATE INDEX `relations_target_idx` ON `relations` (`target_id`,`type`);--> statement-breakpoint
CREATE TABLE `territories` (
	`code` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`parent_code` text,
	`region_code` text,
	`departement_code` text,
	`epci_code` text,
	`population` integer,
	`postal_codes` text DEFAULT '[]' NOT NULL,
	`centroid_lon` real,
	`centroid_lat` real,
	`centroid_precision` text DEFAULT 'none' NOT NULL,
	`bbox` text,
	`geometry` text,
	`geometry_source` text,
	`source` text NOT NULL,
	`vintage` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "territories_kind_check" CHECK("territories"."kind" in ('region','departement','epci','commune'))
);
--> statement-breakpoint
CREATE INDEX `territories_kind_idx` ON `territories` (`kind`);--> statement-breakpoint
CREATE INDEX `territories_parent_idx` ON `territories` (`parent_code`);--> statement-breakpoint
CREATE INDEX `territories_departement_idx` ON `territories` (`departement_code`);--> statement-breakpoint
CREATE INDEX `territories_epci_idx` ON `territories` (`epci_code`);