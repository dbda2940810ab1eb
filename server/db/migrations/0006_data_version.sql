-- The data version: one counter that every change to the data bumps, whichever connection makes it
-- (an import in another process too). Sessions, sign-ins, accounts and the audit log are not data:
-- they never bump it, so a sign-in does not rebuild the read model or change tile URLs.
-- Kept out of schema.ts on purpose: it is maintained by these triggers only (read in engine-store.ts).
CREATE TABLE `data_version` (`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1), `n` integer NOT NULL);
--> statement-breakpoint
INSERT INTO `data_version` (`id`, `n`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `data_version_agreements_insert` AFTER INSERT ON `agreements` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_agreements_update` AFTER UPDATE ON `agreements` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_agreements_delete` AFTER DELETE ON `agreements` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_datasets_insert` AFTER INSERT ON `datasets` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_datasets_update` AFTER UPDATE ON `datasets` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_datasets_delete` AFTER DELETE ON `datasets` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_facilities_insert` AFTER INSERT ON `facilities` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_facilities_update` AFTER UPDATE ON `facilities` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_facilities_delete` AFTER DELETE ON `facilities` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_filing_deadlines_insert` AFTER INSERT ON `filing_deadlines` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_filing_deadlines_update` AFTER UPDATE ON `filing_deadlines` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_filing_deadlines_delete` AFTER DELETE ON `filing_deadlines` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_filings_insert` AFTER INSERT ON `filings` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_filings_update` AFTER UPDATE ON `filings` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_filings_delete` AFTER DELETE ON `filings` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_institution_notifications_insert` AFTER INSERT ON `institution_notifications` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_institution_notifications_update` AFTER UPDATE ON `institution_notifications` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_institution_notifications_delete` AFTER DELETE ON `institution_notifications` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_institutions_insert` AFTER INSERT ON `institutions` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_institutions_update` AFTER UPDATE ON `institutions` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_institutions_delete` AFTER DELETE ON `institutions` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_meetings_insert` AFTER INSERT ON `meetings` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_meetings_update` AFTER UPDATE ON `meetings` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_meetings_delete` AFTER DELETE ON `meetings` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_municipalities_insert` AFTER INSERT ON `municipalities` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_municipalities_update` AFTER UPDATE ON `municipalities` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_municipalities_delete` AFTER DELETE ON `municipalities` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_navii_facilities_insert` AFTER INSERT ON `navii_facilities` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_navii_facilities_update` AFTER UPDATE ON `navii_facilities` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_navii_facilities_delete` AFTER DELETE ON `navii_facilities` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_partnership_requests_insert` AFTER INSERT ON `partnership_requests` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_partnership_requests_update` AFTER UPDATE ON `partnership_requests` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_partnership_requests_delete` AFTER DELETE ON `partnership_requests` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_town_points_insert` AFTER INSERT ON `town_points` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_town_points_update` AFTER UPDATE ON `town_points` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_town_points_delete` AFTER DELETE ON `town_points` BEGIN UPDATE `data_version` SET `n` = `n` + 1; END;
