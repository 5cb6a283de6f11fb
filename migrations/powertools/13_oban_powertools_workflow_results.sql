-- Oban Powertools migration `oban_powertools_workflow_results` (installer offset +23s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_workflow_results" (
  "id" uuid,
  "workflow_id" uuid CONSTRAINT "oban_powertools_workflow_results_workflow_id_fkey" REFERENCES "oban_powertools_workflows"("id") ON DELETE CASCADE NOT NULL,
  "step_id" uuid CONSTRAINT "oban_powertools_workflow_results_step_id_fkey" REFERENCES "oban_powertools_workflow_steps"("id") ON DELETE CASCADE NOT NULL,
  "attempt" integer DEFAULT 1 NOT NULL,
  "status" varchar(255) DEFAULT 'ok' NOT NULL,
  "payload" jsonb DEFAULT '{}' NOT NULL,
  "payload_bytes" integer DEFAULT 0 NOT NULL,
  "retention" varchar(255) DEFAULT 'standard' NOT NULL,
  "redacted" boolean DEFAULT false NOT NULL,
  "summary" varchar(255),
  "recorded_at" timestamp NOT NULL,
  "expires_at" timestamp,
  "inserted_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_workflow_results_step_id_attempt_index" ON "oban_powertools_workflow_results" ("step_id", "attempt");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_results_workflow_id_index" ON "oban_powertools_workflow_results" ("workflow_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_results_status_index" ON "oban_powertools_workflow_results" ("status");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_results_expires_at_index" ON "oban_powertools_workflow_results" ("expires_at");
