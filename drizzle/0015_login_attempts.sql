CREATE TABLE `login_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`address_sha256` text NOT NULL,
	`pair_sha256` text NOT NULL,
	`failed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_attempts_address_idx` ON `login_attempts` (`address_sha256`,`failed_at`);--> statement-breakpoint
CREATE INDEX `login_attempts_pair_idx` ON `login_attempts` (`pair_sha256`,`failed_at`);--> statement-breakpoint
CREATE INDEX `login_attempts_failed_at_idx` ON `login_attempts` (`failed_at`);