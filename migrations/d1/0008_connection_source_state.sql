ALTER TABLE `connections` ADD `source_state` text;--> statement-breakpoint
ALTER TABLE `connections` ADD `source_state_at` text;