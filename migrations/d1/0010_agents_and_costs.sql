CREATE TABLE `materialized_costs` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`source_id` text NOT NULL,
	`extras` text NOT NULL,
	`sources` text NOT NULL,
	`lineage` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`last_seq` integer NOT NULL,
	`billed_cost` real NOT NULL,
	`effective_cost` real,
	`list_cost` real,
	`billing_currency` text NOT NULL,
	`charge_period_start` text NOT NULL,
	`charge_period_end` text NOT NULL,
	`billing_period_start` text,
	`billing_period_end` text,
	`charge_category` text,
	`charge_description` text,
	`provider_name` text,
	`publisher_name` text,
	`service_name` text,
	`service_category` text,
	`billing_account_id` text,
	`sub_account_id` text,
	`sub_account_name` text,
	`resource_id` text,
	`resource_name` text,
	`region_id` text,
	`sku_id` text,
	`consumed_quantity` real,
	`consumed_unit` text,
	`tags` text,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `materialized_costs_tenant_charge_period_idx` ON `materialized_costs` (`tenant_id`,`charge_period_start`);--> statement-breakpoint
CREATE INDEX `materialized_costs_tenant_service_idx` ON `materialized_costs` (`tenant_id`,`service_name`);--> statement-breakpoint
CREATE TABLE `aoa_action_policies` (
	`tenant_id` text NOT NULL,
	`action_type` text NOT NULL,
	`mode` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`tenant_id`, `action_type`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `aoa_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`type` text NOT NULL,
	`target` text,
	`params` text NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`policy` text NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`request_hash` text NOT NULL,
	`plan` text NOT NULL,
	`result` text,
	`error` text,
	`decided_by` text,
	`decision_reason` text,
	`decided_at` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`finding_id` text,
	`trace_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `aoa_actions_tenant_key_unique` ON `aoa_actions` (`tenant_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `aoa_actions_tenant_created_idx` ON `aoa_actions` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `aoa_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`action_id` text NOT NULL,
	`severity` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`recipient` text,
	`target_entity` text,
	`target_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `aoa_alerts_action_unique` ON `aoa_alerts` (`action_id`);--> statement-breakpoint
CREATE INDEX `aoa_alerts_tenant_created_idx` ON `aoa_alerts` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `aoa_sub_account_tags` (
	`tenant_id` text NOT NULL,
	`provider_name` text NOT NULL,
	`sub_account_id` text NOT NULL,
	`tags` text NOT NULL,
	`action_id` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`tenant_id`, `provider_name`, `sub_account_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `aoa_agent_settings` (
	`tenant_id` text NOT NULL,
	`agent` text NOT NULL,
	`enabled` integer NOT NULL,
	`interval_minutes` integer NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`tenant_id`, `agent`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `aoa_findings` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`agent` text NOT NULL,
	`run_id` text NOT NULL,
	`kind` text NOT NULL,
	`severity` text NOT NULL,
	`subject` text,
	`title` text NOT NULL,
	`explanation` text NOT NULL,
	`metrics` text NOT NULL,
	`fingerprint` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `aoa_findings_tenant_created_idx` ON `aoa_findings` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `aoa_findings_current_idx` ON `aoa_findings` (`tenant_id`,`agent`,`fingerprint`) WHERE status <> 'resolved';--> statement-breakpoint
CREATE TABLE `aoa_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`agent` text NOT NULL,
	`trigger` text NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`actor` text NOT NULL,
	`findings` integer DEFAULT 0 NOT NULL,
	`findings_new` integer DEFAULT 0 NOT NULL,
	`findings_resolved` integer DEFAULT 0 NOT NULL,
	`actions` integer DEFAULT 0 NOT NULL,
	`actions_failed` integer DEFAULT 0 NOT NULL,
	`action_ids` text DEFAULT '[]' NOT NULL,
	`action_errors` text DEFAULT '[]' NOT NULL,
	`outputs` text,
	`summary` text,
	`summary_source` text,
	`error` text,
	`trace_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `aoa_runs_tenant_agent_idx` ON `aoa_runs` (`tenant_id`,`agent`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `aoa_runs_one_running_idx` ON `aoa_runs` (`tenant_id`,`agent`) WHERE status = 'running';