CREATE TABLE `dcl_link_keys` (
	`tenant_id` text NOT NULL,
	`link_key` text NOT NULL,
	`record_key` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `link_key`, `record_key`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `dcl_records` (
	`tenant_id` text NOT NULL,
	`record_key` text NOT NULL,
	`system` text NOT NULL,
	`connection_id` text NOT NULL,
	`object` text NOT NULL,
	`record_id` text NOT NULL,
	`entity` text NOT NULL,
	`op` text NOT NULL,
	`order_key` text NOT NULL,
	`event_id` text NOT NULL,
	`data` text NOT NULL,
	`lineage` text NOT NULL,
	`last_seq` integer NOT NULL,
	`source_account_id` text,
	`link_keys` text NOT NULL,
	`unified_id` text,
	PRIMARY KEY(`tenant_id`, `record_key`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dcl_records_tenant_connection_record_idx` ON `dcl_records` (`tenant_id`,`connection_id`,`record_id`);--> statement-breakpoint
CREATE INDEX `dcl_records_tenant_source_account_idx` ON `dcl_records` (`tenant_id`,`connection_id`,`source_account_id`);--> statement-breakpoint
CREATE INDEX `dcl_records_tenant_unified_idx` ON `dcl_records` (`tenant_id`,`unified_id`);