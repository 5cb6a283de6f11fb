-- Oban Powertools migration `oban_powertools_cron_slots` (installer offset +13s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_cron_slots" (
  "id" uuid,
  "entry_id" uuid CONSTRAINT "oban_powertools_cron_slots_entry_id_fkey" REFERENCES "oban_powertools_cron_entries"("id") ON DELETE CASCADE NOT NULL,
  "slot_at" timestamp NOT NULL,
  "state" varchar(255) DEFAULT 'pending' NOT NULL,
  "job_id" bigint,
  "claim_token" uuid,
  "claimed_at" timestamp,
  "finished_at" timestamp,
  "attempt_count" integer DEFAULT 0 NOT NULL,
  "policy_snapshot" jsonb DEFAULT '{}' NOT NULL,
  "metadata" jsonb DEFAULT '{}' NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  "updated_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_cron_slots_entry_id_slot_at_index" ON "oban_powertools_cron_slots" ("entry_id", "slot_at");
CREATE INDEX IF NOT EXISTS "oban_powertools_cron_slots_state_index" ON "oban_powertools_cron_slots" ("state");
CREATE INDEX IF NOT EXISTS "oban_powertools_cron_slots_job_id_index" ON "oban_powertools_cron_slots" ("job_id");
