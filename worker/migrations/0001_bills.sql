CREATE TABLE `bills` (
	`id` text PRIMARY KEY NOT NULL,
	`consumer_code` text NOT NULL,
	`period` text NOT NULL,
	`issue_date` text NOT NULL,
	`due_date` text NOT NULL,
	`amount` integer NOT NULL,
	`balance` integer NOT NULL,
	`payee_account` text NOT NULL,
	`reference` text NOT NULL,
	`items` text DEFAULT '[]' NOT NULL,
	`paid_at` text,
	`pdf_key` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`consumer_code`) REFERENCES `consumers`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bills_consumer_period_uq` ON `bills` (`consumer_code`,`period`);--> statement-breakpoint
CREATE INDEX `bills_consumer_idx` ON `bills` (`consumer_code`,`period`);