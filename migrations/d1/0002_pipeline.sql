CREATE TABLE `canonical_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`run_id` text,
	`system` text NOT NULL,
	`object` text NOT NULL,
	`record_id` text NOT NULL,
	`entity` text NOT NULL,
	`op` text NOT NULL,
	`mapping_version` text NOT NULL,
	`trace_id` text NOT NULL,
	`emitted_at` text NOT NULL,
	`event` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `canonical_events_event_id_unique` ON `canonical_events` (`event_id`);--> statement-breakpoint
CREATE INDEX `canonical_events_tenant_seq_idx` ON `canonical_events` (`tenant_id`,`seq`);--> statement-breakpoint
CREATE INDEX `canonical_events_tenant_entity_seq_idx` ON `canonical_events` (`tenant_id`,`entity`,`seq`);--> statement-breakpoint
CREATE TABLE `quarantine` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`run_id` text,
	`system` text NOT NULL,
	`object` text NOT NULL,
	`entity` text,
	`record_id` text,
	`line` integer,
	`raw` text NOT NULL,
	`reason` text NOT NULL,
	`errors` text DEFAULT '[]' NOT NULL,
	`mapping_version` text,
	`status` text DEFAULT 'open' NOT NULL,
	`replayed_event_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quarantine_tenant_status_idx` ON `quarantine` (`tenant_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`kind` text NOT NULL,
	`object` text,
	`status` text DEFAULT 'queued' NOT NULL,
	`read` integer DEFAULT 0 NOT NULL,
	`emitted` integer DEFAULT 0 NOT NULL,
	`quarantined` integer DEFAULT 0 NOT NULL,
	`duplicates` integer DEFAULT 0 NOT NULL,
	`batches_enqueued` integer DEFAULT 0 NOT NULL,
	`batches_done` integer DEFAULT 0 NOT NULL,
	`reading_done` integer DEFAULT false NOT NULL,
	`progress_done` integer,
	`progress_total` integer,
	`progress_unit` text,
	`error` text,
	`trace_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`started_at` text,
	`finished_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sync_runs_tenant_connection_idx` ON `sync_runs` (`tenant_id`,`connection_id`,`created_at`);