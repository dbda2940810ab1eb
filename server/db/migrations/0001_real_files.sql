CREATE TABLE `navii_facilities` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`pref_code` text,
	`municipality_code` text,
	`address` text NOT NULL,
	`lat` real,
	`lng` real,
	`beds` integer,
	`institution_code` text
);
--> statement-breakpoint
CREATE INDEX `navii_institution` ON `navii_facilities` (`institution_code`);--> statement-breakpoint
CREATE TABLE `town_points` (
	`pref_name` text NOT NULL,
	`municipality_name` text NOT NULL,
	`town` text NOT NULL,
	`koaza` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	PRIMARY KEY(`pref_name`, `municipality_name`, `town`, `koaza`)
);
--> statement-breakpoint
ALTER TABLE `facilities` ADD `source_lat` real;--> statement-breakpoint
ALTER TABLE `facilities` ADD `source_lng` real;--> statement-breakpoint
ALTER TABLE `facilities` ADD `geocode_precision` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `facilities` ADD `position_flag` text;--> statement-breakpoint
ALTER TABLE `facilities` ADD `withdrawn_on` text;--> statement-breakpoint
ALTER TABLE `institutions` ADD `withdrawn_on` text;--> statement-breakpoint
UPDATE `facilities` SET `source_lat` = `lat`, `source_lng` = `lng`, `geocode_precision` = 'source' WHERE `lat` IS NOT NULL;
