-- Oban Powertools migration `oban_powertools_cron_coverages` (installer offset +16s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_cron_coverages" (
  "id" uuid,
  "entry_id" uuid CONSTRAINT "oban_powertools_cron_coverages_entry_id_fkey" REFERENCES "oban_powertools_cron_entries"("id") ON DELETE CASCADE NOT NULL,
  "slot_at" timestamp NOT NULL,
  "status" varchar(255) DEFAULT 'healthy' NOT NULL,
  "metadata" jsonb DEFAULT '{}' NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_cron_coverages_entry_id_slot_at_index" ON "oban_powertools_cron_coverages" ("entry_id", "slot_at");
CREATE INDEX IF NOT EXISTS "oban_powertools_cron_coverages_status_index" ON "oban_powertools_cron_coverages" ("status");
