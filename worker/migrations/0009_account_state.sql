ALTER TABLE `accounts` ADD `security_version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- An e-mail-change link issued before a password change was refused by the date; from now on by the version, so it is voided here.
UPDATE `tokens` SET `used_at` = `created_at` WHERE `purpose` = 'email' AND `used_at` IS NULL AND `created_at` < (SELECT `password_changed_at` FROM `accounts` WHERE `accounts`.`id` = `tokens`.`account_id`);--> statement-breakpoint
ALTER TABLE `accounts` DROP COLUMN `password_changed_at`;--> statement-breakpoint
ALTER TABLE `login_codes` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `passkeys` ADD `provisional` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `method` text DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE `tokens` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `webauthn_challenges` ADD `version` integer;