CREATE TABLE `agreement_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`proposed_by` text NOT NULL,
	`proposer` text NOT NULL,
	`changes` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`reason` text,
	`proposed_on` text NOT NULL,
	`decided_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proposals_agreement` ON `agreement_proposals` (`agreement_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `proposals_one_pending` ON `agreement_proposals` (`agreement_id`) WHERE status = 'pending';--> statement-breakpoint
ALTER TABLE `agreements` ADD `end_reason` text;