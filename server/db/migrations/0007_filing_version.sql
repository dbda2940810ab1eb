ALTER TABLE `filings` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- SQLite adds no column with a non-constant default: existing rows take the day they were received.
ALTER TABLE `filings` ADD `updated_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `filings` SET `updated_at` = `received_on` || 'T00:00:00.000Z';
