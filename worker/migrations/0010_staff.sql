CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`staff_id` text,
	`ip` text NOT NULL,
	`action` text NOT NULL,
	`consumer_code` text,
	`account_id` text,
	`reason` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_staff_idx` ON `audit_log` (`staff_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_consumer_idx` ON `audit_log` (`consumer_code`,`at`);--> statement-breakpoint
CREATE TABLE `delivery_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` text NOT NULL,
	`email_bills` integer NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `delivery_changes_account_idx` ON `delivery_changes` (`account_id`,`at`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`security_version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`disabled_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_email_uq` ON `staff` (`email`);--> statement-breakpoint
CREATE TABLE `staff_challenges` (
	`hash` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`staff_id` text,
	`session_hash` text,
	`invitation_hash` text,
	`version` integer,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `staff_challenges_expires_idx` ON `staff_challenges` (`expires_at`);--> statement-breakpoint
CREATE TABLE `staff_invitations` (
	`hash` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`invited_by` text,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `staff_invitations_email_idx` ON `staff_invitations` (`email`);--> statement-breakpoint
CREATE INDEX `staff_invitations_expires_idx` ON `staff_invitations` (`expires_at`);--> statement-breakpoint
CREATE TABLE `staff_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`consumer_code` text NOT NULL,
	`staff_id` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `staff_notes_consumer_idx` ON `staff_notes` (`consumer_code`,`created_at`);--> statement-breakpoint
CREATE TABLE `staff_passkeys` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`public_key` text NOT NULL,
	`counter` integer DEFAULT 0 NOT NULL,
	`transports` text,
	`device_type` text NOT NULL,
	`backed_up` integer NOT NULL,
	`user_agent` text,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_passkeys_staff_idx` ON `staff_passkeys` (`staff_id`);--> statement-breakpoint
CREATE TABLE `staff_sessions` (
	`hash` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`version` integer NOT NULL,
	`user_agent` text,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_sessions_staff_idx` ON `staff_sessions` (`staff_id`);--> statement-breakpoint
CREATE INDEX `staff_sessions_expires_idx` ON `staff_sessions` (`expires_at`);--> statement-breakpoint
-- The audit log is append-only: no role, no code path and no mistake may change or remove an entry.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;--> statement-breakpoint
-- When bills went to e-mail or back to paper: at the confirmation, and at each switch of email_bills.
CREATE TRIGGER `delivery_on_confirm` AFTER UPDATE OF `confirmed_at` ON `accounts` WHEN OLD.`confirmed_at` IS NULL AND NEW.`confirmed_at` IS NOT NULL BEGIN INSERT INTO `delivery_changes` (`account_id`, `email_bills`, `at`) VALUES (NEW.`id`, NEW.`email_bills`, NEW.`confirmed_at`); END;--> statement-breakpoint
CREATE TRIGGER `delivery_on_switch` AFTER UPDATE OF `email_bills` ON `accounts` WHEN NEW.`confirmed_at` IS NOT NULL AND OLD.`email_bills` IS NOT NEW.`email_bills` BEGIN INSERT INTO `delivery_changes` (`account_id`, `email_bills`, `at`) VALUES (NEW.`id`, NEW.`email_bills`, NEW.`updated_at`); END;--> statement-breakpoint
CREATE TRIGGER `delivery_on_delete` AFTER DELETE ON `accounts` BEGIN DELETE FROM `delivery_changes` WHERE `account_id` = OLD.`id`; END;
