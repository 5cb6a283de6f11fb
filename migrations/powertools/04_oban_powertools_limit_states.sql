-- Oban Powertools migration `oban_powertools_limit_states` (installer offset +11s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_limit_states" (
  "id" uuid,
  "resource_id" uuid CONSTRAINT "oban_powertools_limit_states_resource_id_fkey" REFERENCES "oban_powertools_limit_resources"("id") ON DELETE CASCADE NOT NULL,
  "partition_key" varchar(255) DEFAULT '__global__' NOT NULL,
  "tokens_used" integer DEFAULT 0 NOT NULL,
  "bucket_started_at" timestamp NOT NULL,
  "last_reserved_at" timestamp,
  "cooldown_until" timestamp,
  "cooldown_reason" varchar(255),
  "reservation_snapshot" jsonb DEFAULT '{}' NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  "updated_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_limit_states_resource_id_partition_key_index" ON "oban_powertools_limit_states" ("resource_id", "partition_key");
CREATE INDEX IF NOT EXISTS "oban_powertools_limit_states_cooldown_until_index" ON "oban_powertools_limit_states" ("cooldown_until");
