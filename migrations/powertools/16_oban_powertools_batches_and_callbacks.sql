-- Oban Powertools migration `oban_powertools_batches_and_callbacks` (installer offset +26s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
-- `oban_powertools_callbacks` is created directly in the shape the Elixir library leaves after renaming
-- `oban_powertools_workflow_callback_outbox`: its PK, FKs and older indexes keep the outbox names.
CREATE TABLE IF NOT EXISTS "oban_powertools_callbacks" (
  "id" uuid,
  "workflow_id" uuid CONSTRAINT "oban_powertools_workflow_callback_outbox_workflow_id_fkey" REFERENCES "oban_powertools_workflows"("id") ON DELETE CASCADE,
  "recovery_attempt_id" uuid CONSTRAINT "oban_powertools_workflow_callback_outbox_recovery_attempt_id_fk" REFERENCES "oban_powertools_workflow_recovery_attempts"("id") ON DELETE SET NULL,
  "event" varchar(255) NOT NULL,
  "dedupe_key" varchar(255) NOT NULL,
  "status" varchar(255) DEFAULT 'pending' NOT NULL,
  "payload" jsonb DEFAULT '{}' NOT NULL,
  "attempts" integer DEFAULT 0 NOT NULL,
  "available_at" timestamp,
  "claimed_at" timestamp,
  "claimed_by" varchar(255),
  "lease_expires_at" timestamp,
  "delivered_at" timestamp,
  "last_error" varchar(255),
  "inserted_at" timestamp(0) NOT NULL,
  "updated_at" timestamp(0) NOT NULL,
  "batch_id" uuid,
  CONSTRAINT "oban_powertools_workflow_callback_outbox_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_workflow_callback_outbox_dedupe_key_index" ON "oban_powertools_callbacks" ("dedupe_key");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_callback_outbox_workflow_id_index" ON "oban_powertools_callbacks" ("workflow_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_callback_outbox_status_available_at_in" ON "oban_powertools_callbacks" ("status", "available_at");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_callback_outbox_status_lease_expires_a" ON "oban_powertools_callbacks" ("status", "lease_expires_at");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_callback_outbox_claimed_by_index" ON "oban_powertools_callbacks" ("claimed_by");
CREATE INDEX IF NOT EXISTS "oban_powertools_callbacks_batch_id_index" ON "oban_powertools_callbacks" ("batch_id");
CREATE TABLE IF NOT EXISTS "oban_powertools_batches" (
  "id" uuid,
  "name" varchar(255),
  "status" varchar(255) DEFAULT 'executing' NOT NULL,
  "total_count" integer DEFAULT 0 NOT NULL,
  "success_count" integer DEFAULT 0 NOT NULL,
  "discard_count" integer DEFAULT 0 NOT NULL,
  "cancelled_count" integer DEFAULT 0 NOT NULL,
  "snooze_count" integer DEFAULT 0 NOT NULL,
  "inserted_count" integer DEFAULT 0 NOT NULL,
  "insert_chunk_count" integer DEFAULT 0 NOT NULL,
  "insert_failed_chunk" integer,
  "insert_failure" jsonb DEFAULT '{}' NOT NULL,
  "insert_failed_at" timestamp,
  "completed_at" timestamp,
  "inserted_at" timestamp(0) NOT NULL,
  "updated_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "oban_powertools_batches_status_index" ON "oban_powertools_batches" ("status");
CREATE INDEX IF NOT EXISTS "oban_powertools_batches_name_index" ON "oban_powertools_batches" ("name");
CREATE TABLE IF NOT EXISTS "oban_powertools_batch_jobs" (
  "id" uuid,
  "batch_id" uuid CONSTRAINT "oban_powertools_batch_jobs_batch_id_fkey" REFERENCES "oban_powertools_batches"("id") ON DELETE CASCADE NOT NULL,
  "job_id" bigint NOT NULL,
  "state" varchar(255) DEFAULT 'available' NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  "updated_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_batch_jobs_batch_id_job_id_index" ON "oban_powertools_batch_jobs" ("batch_id", "job_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_batch_jobs_job_id_index" ON "oban_powertools_batch_jobs" ("job_id");
