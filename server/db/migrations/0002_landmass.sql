ALTER TABLE `facilities` ADD `landmass` text;--> statement-breakpoint
ALTER TABLE `institutions` ADD `landmass` text;