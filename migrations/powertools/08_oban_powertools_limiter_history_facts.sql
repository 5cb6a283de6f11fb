-- Oban Powertools migration `oban_powertools_limiter_history_facts` (installer offset +15s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_limiter_history_facts" (
  "id" uuid,
  "resource_name" varchar(255) NOT NULL,
  "partition_key" varchar(255) DEFAULT '__global__' NOT NULL,
  "event_type" varchar(255) NOT NULL,
  "cause_kind" varchar(255),
  "occurred_at" timestamp NOT NULL,
  "eligible_at" timestamp,
  "metadata" jsonb DEFAULT '{}' NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "oban_powertools_limiter_history_facts_resource_name_occurred_at" ON "oban_powertools_limiter_history_facts" ("resource_name", "occurred_at");
CREATE INDEX IF NOT EXISTS "oban_powertools_limiter_history_facts_event_type_index" ON "oban_powertools_limiter_history_facts" ("event_type");
