-- An account can be disabled (issue 20): it cannot sign in, and disabling it ends its sessions.
-- Accounts are not data: no data_version trigger.
ALTER TABLE `users` ADD `disabled_at` text;
