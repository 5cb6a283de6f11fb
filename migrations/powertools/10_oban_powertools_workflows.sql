-- Oban Powertools migration `oban_powertools_workflows` (installer offset +20s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_workflows" (
  "id" uuid,
  "name" varchar(255) NOT NULL,
  "state" varchar(255) DEFAULT 'pending' NOT NULL,
  "workflow_context" jsonb DEFAULT '{}' NOT NULL,
  "definition_version" integer DEFAULT 1 NOT NULL,
  "semantics_version" integer DEFAULT 2 NOT NULL,
  "step_count" integer DEFAULT 0 NOT NULL,
  "runnable_step_count" integer DEFAULT 0 NOT NULL,
  "completed_step_count" integer DEFAULT 0 NOT NULL,
  "cancelled_step_count" integer DEFAULT 0 NOT NULL,
  "failed_step_count" integer DEFAULT 0 NOT NULL,
  "terminal_cause" varchar(255),
  "cancel_requested_at" timestamp,
  "last_transition_at" timestamp,
  "started_at" timestamp,
  "finished_at" timestamp,
  "cancelled_at" timestamp,
  "inserted_at" timestamp(0) NOT NULL,
  "updated_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_workflows_name_index" ON "oban_powertools_workflows" ("name");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflows_state_index" ON "oban_powertools_workflows" ("state");
