-- Oban Powertools migration `oban_powertools_blocker_snapshots` (installer offset +14s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_blocker_snapshots" (
  "id" uuid,
  "job_id" bigint NOT NULL,
  "worker" varchar(255) NOT NULL,
  "status" varchar(255) DEFAULT 'blocked' NOT NULL,
  "scope_kind" varchar(255) NOT NULL,
  "scope_id" varchar(255) NOT NULL,
  "blocker_codes" varchar(255)[] DEFAULT ARRAY[]::varchar[] NOT NULL,
  "details" jsonb DEFAULT '{}' NOT NULL,
  "captured_at" timestamp NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "oban_powertools_blocker_snapshots_job_id_index" ON "oban_powertools_blocker_snapshots" ("job_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_blocker_snapshots_worker_index" ON "oban_powertools_blocker_snapshots" ("worker");
CREATE INDEX IF NOT EXISTS "oban_powertools_blocker_snapshots_scope_kind_scope_id_index" ON "oban_powertools_blocker_snapshots" ("scope_kind", "scope_id");
