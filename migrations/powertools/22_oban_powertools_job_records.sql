-- Oban Powertools migration `oban_powertools_job_records` (installer offset +40s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_job_records" (
  "id" uuid,
  "oban_job_id" bigint,
  "worker" varchar(255) NOT NULL,
  "attempt" integer DEFAULT 1 NOT NULL,
  "status" varchar(255) DEFAULT 'ok' NOT NULL,
  "payload" jsonb DEFAULT '{}' NOT NULL,
  "payload_bytes" integer DEFAULT 0 NOT NULL,
  "retention" varchar(255) DEFAULT 'standard' NOT NULL,
  "redacted" boolean DEFAULT false NOT NULL,
  "summary" varchar(255),
  "recorded_at" timestamp NOT NULL,
  "expires_at" timestamp NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_job_records_oban_job_id_attempt_index" ON "oban_powertools_job_records" ("oban_job_id", "attempt");
CREATE INDEX IF NOT EXISTS "oban_powertools_job_records_worker_index" ON "oban_powertools_job_records" ("worker");
CREATE INDEX IF NOT EXISTS "oban_powertools_job_records_status_index" ON "oban_powertools_job_records" ("status");
CREATE INDEX IF NOT EXISTS "oban_powertools_job_records_expires_at_index" ON "oban_powertools_job_records" ("expires_at");
