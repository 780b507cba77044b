CREATE TABLE `drift_events` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`run_id` text,
	`system` text NOT NULL,
	`object` text NOT NULL,
	`entity` text,
	`mapping_version` text,
	`changes` text NOT NULL,
	`breaking` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`repair_id` text,
	`detected_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drift_events_tenant_detected_idx` ON `drift_events` (`tenant_id`,`detected_at`);--> statement-breakpoint
CREATE TABLE `mapping_repairs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`connection_id` text,
	`drift_event_id` text,
	`system` text NOT NULL,
	`object` text NOT NULL,
	`entity` text NOT NULL,
	`status` text NOT NULL,
	`changes` text NOT NULL,
	`confidence` real NOT NULL,
	`base_version` integer,
	`applied_version` integer,
	`rolled_back_version` integer,
	`decided_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`decided_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mapping_repairs_tenant_status_idx` ON `mapping_repairs` (`tenant_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `match_memory` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`system` text NOT NULL,
	`entity` text NOT NULL,
	`field_name` text NOT NULL,
	`field_label` text,
	`target` text,
	`verdict` text NOT NULL,
	`repair_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `match_memory_tenant_entity_idx` ON `match_memory` (`tenant_id`,`entity`);--> statement-breakpoint
CREATE TABLE `source_schemas` (
	`tenant_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`object` text NOT NULL,
	`fields` text NOT NULL,
	`observed_records` integer DEFAULT 0 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`tenant_id`, `connection_id`, `object`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `tenants` ADD `auto_apply_threshold` real;