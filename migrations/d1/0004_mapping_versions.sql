CREATE TABLE `mapping_versions` (
	`tenant_id` text NOT NULL,
	`system` text NOT NULL,
	`object` text NOT NULL,
	`version` integer NOT NULL,
	`entity` text NOT NULL,
	`source` text NOT NULL,
	`content_hash` text NOT NULL,
	`mapping_version` text NOT NULL,
	`author` text NOT NULL,
	`comment` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`tenant_id`, `system`, `object`, `version`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
