CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`actor` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `filing_deadlines` (
	`authority_code` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`due_on` text NOT NULL,
	PRIMARY KEY(`authority_code`, `fiscal_year`)
);
--> statement-breakpoint
CREATE TABLE `filings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`care_office_number` text NOT NULL,
	`service_code` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`authority_code` text NOT NULL,
	`filed_on` text NOT NULL,
	`received_on` text NOT NULL,
	`file_name` text,
	`content` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `filings_facility_year` ON `filings` (`care_office_number`,`service_code`,`fiscal_year`);--> statement-breakpoint
CREATE INDEX `filings_authority_year` ON `filings` (`authority_code`,`fiscal_year`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`care_office_number` text NOT NULL,
	`service_code` text NOT NULL,
	`institution_code` text NOT NULL,
	`held_on` text NOT NULL,
	`electronic_sharing` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`institution_code`) REFERENCES `institutions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`care_office_number`,`service_code`) REFERENCES `facilities`(`care_office_number`,`service_code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_facility` ON `meetings` (`care_office_number`,`service_code`,`held_on`);--> statement-breakpoint
CREATE TABLE `partnership_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`care_office_number` text NOT NULL,
	`service_code` text NOT NULL,
	`institution_code` text NOT NULL,
	`asks_consult` integer NOT NULL,
	`asks_examine` integer NOT NULL,
	`asks_admit` integer NOT NULL,
	`message` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`reason` text,
	`sent_on` text NOT NULL,
	`decided_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`institution_code`) REFERENCES `institutions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`care_office_number`,`service_code`) REFERENCES `facilities`(`care_office_number`,`service_code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `requests_facility` ON `partnership_requests` (`care_office_number`,`service_code`);--> statement-breakpoint
CREATE INDEX `requests_institution` ON `partnership_requests` (`institution_code`);--> statement-breakpoint
ALTER TABLE `agreements` ADD `infection_agreement` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `agreements` ADD `request_id` integer;--> statement-breakpoint
ALTER TABLE `facilities` ADD `seeking` text;