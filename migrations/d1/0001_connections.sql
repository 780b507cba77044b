CREATE TABLE `connections` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`system` text NOT NULL,
	`name` text NOT NULL,
	`config` text NOT NULL,
	`secrets_ciphertext` text,
	`status` text DEFAULT 'active' NOT NULL,
	`schedule_minutes` integer,
	`cursor` text DEFAULT '{}' NOT NULL,
	`next_sync_at` text,
	`last_sync_at` text,
	`last_sync_stats` text,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `connections_tenant_name_unique` ON `connections` (`tenant_id`,`name`);--> statement-breakpoint
CREATE INDEX `connections_due_idx` ON `connections` (`status`,`next_sync_at`);