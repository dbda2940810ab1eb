-- The data version is the version of what the read model reads (engine-store.ts: facilities,
-- institutions, their notifications, agreements, municipalities; the import's datasets, ナビイ rows
-- and town points). Meetings, filings, deadlines and requests are read from the database where they
-- are shown, never cached per version: a change to them must not throw away the read model, the
-- tiles and the search index (50 meetings logged a second held reads at a 3.7 s p99: npm run load).
DROP TRIGGER IF EXISTS `data_version_meetings_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `data_version_meetings_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `data_version_meetings_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `data_version_filings_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `data_version_filings_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `data_version_filings_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `data_version_filing_deadlines_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `data_version_filing_deadlines_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `data_version_filing_deadlines_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `data_version_partnership_requests_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `data_version_partnership_requests_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `data_version_partnership_requests_delete`;
