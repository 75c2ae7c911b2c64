CREATE TABLE `bill_mails` (
	`bill_id` text NOT NULL,
	`account_id` text NOT NULL,
	`outbox_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`bill_id`, `account_id`),
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `headers` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `attachments` text;