-- Oban Powertools migration `oban_powertools_workflow_command_attempts` (installer offset +25s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_workflow_command_attempts" (
  "id" uuid,
  "workflow_id" uuid CONSTRAINT "oban_powertools_workflow_command_attempts_workflow_id_fkey" REFERENCES "oban_powertools_workflows"("id") ON DELETE CASCADE,
  "step_id" uuid CONSTRAINT "oban_powertools_workflow_command_attempts_step_id_fkey" REFERENCES "oban_powertools_workflow_steps"("id") ON DELETE SET NULL,
  "signal_record_id" uuid CONSTRAINT "oban_powertools_workflow_command_attempts_signal_record_id_fkey" REFERENCES "oban_powertools_workflow_signals"("id") ON DELETE SET NULL,
  "scope" varchar(255) DEFAULT 'workflow' NOT NULL,
  "action" varchar(255) NOT NULL,
  "status" varchar(255) DEFAULT 'completed' NOT NULL,
  "reason_code" varchar(255),
  "reason_message" varchar(255),
  "actor_id" varchar(255),
  "source" varchar(255) DEFAULT 'runtime' NOT NULL,
  "requested_at" timestamp NOT NULL,
  "completed_at" timestamp,
  "before_snapshot" jsonb DEFAULT '{}' NOT NULL,
  "after_snapshot" jsonb DEFAULT '{}' NOT NULL,
  "metadata" jsonb DEFAULT '{}' NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_command_attempts_workflow_id_index" ON "oban_powertools_workflow_command_attempts" ("workflow_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_command_attempts_step_id_index" ON "oban_powertools_workflow_command_attempts" ("step_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_command_attempts_signal_record_id_inde" ON "oban_powertools_workflow_command_attempts" ("signal_record_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_command_attempts_scope_action_index" ON "oban_powertools_workflow_command_attempts" ("scope", "action");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_command_attempts_status_index" ON "oban_powertools_workflow_command_attempts" ("status");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_command_attempts_reason_code_index" ON "oban_powertools_workflow_command_attempts" ("reason_code");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_command_attempts_requested_at_index" ON "oban_powertools_workflow_command_attempts" ("requested_at");
