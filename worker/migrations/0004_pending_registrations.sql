ALTER TABLE `accounts` ADD `pending_consumer_code` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `password_changed_at` integer;--> statement-breakpoint
-- Registrations not yet confirmed give their consumer code back: it is linked at confirmation.
UPDATE `accounts` SET `pending_consumer_code` = (SELECT `consumer_code` FROM `account_consumers` WHERE `account_id` = `accounts`.`id` LIMIT 1) WHERE `confirmed_at` IS NULL;--> statement-breakpoint
DELETE FROM `account_consumers` WHERE `account_id` IN (SELECT `id` FROM `accounts` WHERE `confirmed_at` IS NULL);
