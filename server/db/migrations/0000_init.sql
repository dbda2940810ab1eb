CREATE TABLE `agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`care_office_number` text NOT NULL,
	`service_code` text NOT NULL,
	`institution_code` text NOT NULL,
	`covers_consult` integer NOT NULL,
	`covers_examine` integer NOT NULL,
	`covers_admit` integer NOT NULL,
	`agreed_on` text,
	`confirmed_on` text,
	`ended_on` text,
	`status` text DEFAULT 'active' NOT NULL,
	`special_relationship` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`institution_code`) REFERENCES `institutions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`care_office_number`,`service_code`) REFERENCES `facilities`(`care_office_number`,`service_code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agreements_facility` ON `agreements` (`care_office_number`,`service_code`);--> statement-breakpoint
CREATE INDEX `agreements_institution` ON `agreements` (`institution_code`);--> statement-breakpoint
CREATE TABLE `datasets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`file_name` text NOT NULL,
	`as_of` text,
	`attribution` text NOT NULL,
	`fictional` integer DEFAULT false NOT NULL,
	`rows` integer NOT NULL,
	`imported_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `facilities` (
	`care_office_number` text NOT NULL,
	`service_code` text NOT NULL,
	`name` text NOT NULL,
	`kana` text,
	`address` text,
	`municipality_code` text,
	`lat` real,
	`lng` real,
	`capacity` integer,
	`operator_name` text,
	`operator_number` text,
	`phone` text,
	`partners_reported_on` text,
	`source` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`care_office_number`, `service_code`),
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `facilities_municipality` ON `facilities` (`municipality_code`);--> statement-breakpoint
CREATE INDEX `facilities_lat_lng` ON `facilities` (`lat`,`lng`);--> statement-breakpoint
CREATE TABLE `institution_notifications` (
	`institution_code` text NOT NULL,
	`symbol` text NOT NULL,
	`accepted_number` text NOT NULL,
	`name` text,
	`start_date` text,
	PRIMARY KEY(`institution_code`, `symbol`, `accepted_number`),
	FOREIGN KEY (`institution_code`) REFERENCES `institutions`(`code`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `institutions` (
	`code` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`postal_code` text,
	`address` text,
	`phone` text,
	`municipality_code` text,
	`lat` real,
	`lng` real,
	`geocode_precision` text NOT NULL,
	`beds` integer,
	`beds_detail` text,
	`navii_id` text,
	`declared_offers` text,
	`willingness` text,
	`max_partners` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `institutions_lat_lng` ON `institutions` (`lat`,`lng`);--> statement-breakpoint
CREATE INDEX `institutions_municipality` ON `institutions` (`municipality_code`);--> statement-breakpoint
CREATE TABLE `municipalities` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`pref_code` text NOT NULL,
	`pref_name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_code` text,
	`boundary` text,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `municipalities_pref` ON `municipalities` (`pref_code`);--> statement-breakpoint
CREATE INDEX `municipalities_parent` ON `municipalities` (`parent_code`);