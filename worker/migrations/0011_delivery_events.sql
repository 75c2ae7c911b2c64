CREATE TABLE `mail_events` (
	`id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`outbox_id` text,
	`email` text NOT NULL,
	`type` text NOT NULL,
	`reason` text,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mail_events_email_idx` ON `mail_events` (`email`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `mail_events_outbox_idx` ON `mail_events` (`outbox_id`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `undeliverable_at` integer;--> statement-breakpoint
ALTER TABLE `accounts` ADD `undeliverable_reason` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `email_proven_at` integer;