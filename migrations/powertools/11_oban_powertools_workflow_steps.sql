-- Oban Powertools migration `oban_powertools_workflow_steps` (installer offset +21s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_workflow_steps" (
  "id" uuid,
  "workflow_id" uuid CONSTRAINT "oban_powertools_workflow_steps_workflow_id_fkey" REFERENCES "oban_powertools_workflows"("id") ON DELETE CASCADE NOT NULL,
  "step_name" varchar(255) NOT NULL,
  "worker" varchar(255) NOT NULL,
  "input" jsonb DEFAULT '{}' NOT NULL,
  "context" jsonb DEFAULT '{}' NOT NULL,
  "state" varchar(255) DEFAULT 'pending' NOT NULL,
  "job_id" bigint,
  "queue" varchar(255) DEFAULT 'default' NOT NULL,
  "attempt" integer DEFAULT 0 NOT NULL,
  "position" integer DEFAULT 0 NOT NULL,
  "dependency_count" integer DEFAULT 0 NOT NULL,
  "dependency_snapshot" jsonb DEFAULT '{}' NOT NULL,
  "blocker_codes" varchar(255)[] DEFAULT ARRAY[]::varchar[] NOT NULL,
  "blocker_details" jsonb DEFAULT '{}' NOT NULL,
  "terminal_cause" varchar(255),
  "active_await_id" uuid,
  "awaiting_signal_name" varchar(255),
  "await_correlation_key" varchar(255),
  "await_dedupe_key" varchar(255),
  "await_deadline_at" timestamp,
  "cancel_requested_at" timestamp,
  "last_transition_at" timestamp,
  "nested_workflow_id" uuid CONSTRAINT "oban_powertools_workflow_steps_nested_workflow_id_fkey" REFERENCES "oban_powertools_workflows"("id") ON DELETE SET NULL,
  "started_at" timestamp,
  "finished_at" timestamp,
  "cancelled_at" timestamp,
  "inserted_at" timestamp(0) NOT NULL,
  "updated_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_workflow_steps_workflow_id_step_name_index" ON "oban_powertools_workflow_steps" ("workflow_id", "step_name");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_steps_state_index" ON "oban_powertools_workflow_steps" ("state");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_steps_job_id_index" ON "oban_powertools_workflow_steps" ("job_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_steps_nested_workflow_id_index" ON "oban_powertools_workflow_steps" ("nested_workflow_id");
