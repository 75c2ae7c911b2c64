ALTER TABLE `outbox` ADD `ref` text;--> statement-breakpoint
CREATE INDEX `outbox_bodies_idx` ON `outbox` (`sent_at`) WHERE "outbox"."text_body" <> '';--> statement-breakpoint
-- Bill mails written by an import before this version and not yet queued: into the outbox, rendered when sent.
INSERT INTO `outbox` (`id`, `kind`, `to_address`, `subject`, `text_body`, `html_body`, `ref`, `status`, `attempts`, `next_attempt_at`, `lease_until`, `created_at`)
  SELECT 'bill:' || m.`bill_id` || ':' || m.`account_id`, 'bill', a.`email`, '', '', '', json_object('bill', m.`bill_id`, 'account', m.`account_id`), 'pending', 0, m.`created_at`, 0, m.`created_at`
  FROM `bill_mails` m JOIN `accounts` a ON a.`id` = m.`account_id`
  WHERE m.`outbox_id` = 'pending'
  ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE `bill_mails` SET `outbox_id` = 'bill:' || `bill_id` || ':' || `account_id` WHERE `outbox_id` = 'pending';
