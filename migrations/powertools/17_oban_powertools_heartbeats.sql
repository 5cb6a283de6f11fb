-- Oban Powertools migration `oban_powertools_heartbeats` (installer offset +30s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_heartbeats" (
  "id" uuid,
  "executor_id" varchar(255) NOT NULL,
  "oban_name" varchar(255) DEFAULT 'Oban' NOT NULL,
  "node" varchar(255) NOT NULL,
  "queue" varchar(255) DEFAULT 'default' NOT NULL,
  "producer_scope" varchar(255) NOT NULL,
  "health_state" varchar(255) DEFAULT 'healthy' NOT NULL,
  "last_heartbeat_at" timestamp NOT NULL,
  "warning_threshold_ms" bigint DEFAULT 45000 NOT NULL,
  "missing_threshold_ms" bigint DEFAULT 120000 NOT NULL,
  "metadata" jsonb DEFAULT '{}' NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  "updated_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_heartbeats_executor_id_index" ON "oban_powertools_heartbeats" ("executor_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_heartbeats_health_state_index" ON "oban_powertools_heartbeats" ("health_state");
CREATE INDEX IF NOT EXISTS "oban_powertools_heartbeats_last_heartbeat_at_index" ON "oban_powertools_heartbeats" ("last_heartbeat_at");
