CREATE TABLE `normalized_batches` (
	`tenant_id` text NOT NULL,
	`run_id` text NOT NULL,
	`batch_id` text NOT NULL,
	`after_seq` integer NOT NULL,
	`through_seq` integer,
	`valid` integer NOT NULL,
	`quarantined` integer NOT NULL,
	`counted_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`run_id`, `batch_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
