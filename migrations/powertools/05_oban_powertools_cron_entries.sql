-- Oban Powertools migration `oban_powertools_cron_entries` (installer offset +12s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_cron_entries" (
  "id" uuid,
  "name" varchar(255) NOT NULL,
  "source" varchar(255) NOT NULL,
  "worker" varchar(255) NOT NULL,
  "queue" varchar(255) DEFAULT 'default' NOT NULL,
  "expression" varchar(255) NOT NULL,
  "timezone" varchar(255) DEFAULT 'Etc/UTC' NOT NULL,
  "args" jsonb DEFAULT '{}' NOT NULL,
  "opts" jsonb DEFAULT '{}' NOT NULL,
  "overlap_policy" varchar(255) DEFAULT 'queue_one' NOT NULL,
  "catch_up_policy" varchar(255) DEFAULT 'latest' NOT NULL,
  "max_catch_up" integer DEFAULT 1 NOT NULL,
  "paused_at" timestamp,
  "last_run_at" timestamp,
  "metadata" jsonb DEFAULT '{}' NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  "updated_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_cron_entries_name_index" ON "oban_powertools_cron_entries" ("name");
CREATE INDEX IF NOT EXISTS "oban_powertools_cron_entries_source_index" ON "oban_powertools_cron_entries" ("source");
CREATE INDEX IF NOT EXISTS "oban_powertools_cron_entries_paused_at_index" ON "oban_powertools_cron_entries" ("paused_at");
