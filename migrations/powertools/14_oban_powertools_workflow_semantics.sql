-- Oban Powertools migration `oban_powertools_workflow_semantics` (installer offset +24s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_workflow_awaits" (
  "id" uuid,
  "workflow_id" uuid CONSTRAINT "oban_powertools_workflow_awaits_workflow_id_fkey" REFERENCES "oban_powertools_workflows"("id") ON DELETE CASCADE NOT NULL,
  "step_id" uuid CONSTRAINT "oban_powertools_workflow_awaits_step_id_fkey" REFERENCES "oban_powertools_workflow_steps"("id") ON DELETE CASCADE NOT NULL,
  "signal_name" varchar(255) NOT NULL,
  "correlation_key" varchar(255) NOT NULL,
  "dedupe_key" varchar(255) NOT NULL,
  "status" varchar(255) DEFAULT 'waiting' NOT NULL,
  "resolution_policy" varchar(255) DEFAULT 'ignore_late' NOT NULL,
  "deadline_at" timestamp,
  "resolved_at" timestamp,
  "resolved_signal_id" uuid,
  "inserted_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_awaits_workflow_id_index" ON "oban_powertools_workflow_awaits" ("workflow_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_awaits_signal_name_correlation_key_ind" ON "oban_powertools_workflow_awaits" ("signal_name", "correlation_key");
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_workflow_awaits_step_id_status_index" ON "oban_powertools_workflow_awaits" ("step_id", "status");
CREATE TABLE IF NOT EXISTS "oban_powertools_workflow_signals" (
  "id" uuid,
  "workflow_id" uuid CONSTRAINT "oban_powertools_workflow_signals_workflow_id_fkey" REFERENCES "oban_powertools_workflows"("id") ON DELETE SET NULL,
  "matched_step_id" uuid CONSTRAINT "oban_powertools_workflow_signals_matched_step_id_fkey" REFERENCES "oban_powertools_workflow_steps"("id") ON DELETE SET NULL,
  "await_id" uuid CONSTRAINT "oban_powertools_workflow_signals_await_id_fkey" REFERENCES "oban_powertools_workflow_awaits"("id") ON DELETE SET NULL,
  "signal_name" varchar(255) NOT NULL,
  "correlation_key" varchar(255) NOT NULL,
  "dedupe_key" varchar(255) NOT NULL,
  "status" varchar(255) DEFAULT 'recorded' NOT NULL,
  "payload" jsonb DEFAULT '{}' NOT NULL,
  "received_at" timestamp NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_workflow_signals_dedupe_index" ON "oban_powertools_workflow_signals" ("signal_name", "correlation_key", "dedupe_key");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_signals_workflow_id_index" ON "oban_powertools_workflow_signals" ("workflow_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_signals_status_index" ON "oban_powertools_workflow_signals" ("status");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_signals_signal_name_correlation_key_in" ON "oban_powertools_workflow_signals" ("signal_name", "correlation_key");
CREATE TABLE IF NOT EXISTS "oban_powertools_workflow_recovery_sessions" (
  "id" uuid,
  "workflow_id" uuid CONSTRAINT "oban_powertools_workflow_recovery_sessions_workflow_id_fkey" REFERENCES "oban_powertools_workflows"("id") ON DELETE CASCADE NOT NULL,
  "status" varchar(255) DEFAULT 'completed' NOT NULL,
  "trigger" varchar(255) DEFAULT 'recover_step' NOT NULL,
  "reason" varchar(255),
  "actor_id" varchar(255),
  "requested_at" timestamp NOT NULL,
  "completed_at" timestamp,
  "metadata" jsonb DEFAULT '{}' NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_recovery_sessions_workflow_id_index" ON "oban_powertools_workflow_recovery_sessions" ("workflow_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_recovery_sessions_status_index" ON "oban_powertools_workflow_recovery_sessions" ("status");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_recovery_sessions_requested_at_index" ON "oban_powertools_workflow_recovery_sessions" ("requested_at");
CREATE TABLE IF NOT EXISTS "oban_powertools_workflow_recovery_attempts" (
  "id" uuid,
  "workflow_id" uuid CONSTRAINT "oban_powertools_workflow_recovery_attempts_workflow_id_fkey" REFERENCES "oban_powertools_workflows"("id") ON DELETE CASCADE NOT NULL,
  "step_id" uuid CONSTRAINT "oban_powertools_workflow_recovery_attempts_step_id_fkey" REFERENCES "oban_powertools_workflow_steps"("id") ON DELETE SET NULL,
  "scope" varchar(255) DEFAULT 'step' NOT NULL,
  "action" varchar(255) NOT NULL,
  "status" varchar(255) DEFAULT 'requested' NOT NULL,
  "reason" varchar(255),
  "actor_id" varchar(255),
  "requested_at" timestamp NOT NULL,
  "completed_at" timestamp,
  "before_snapshot" jsonb DEFAULT '{}' NOT NULL,
  "after_snapshot" jsonb DEFAULT '{}' NOT NULL,
  "metadata" jsonb DEFAULT '{}' NOT NULL,
  "recovery_session_id" uuid CONSTRAINT "oban_powertools_workflow_recovery_attempts_recovery_session_id_" REFERENCES "oban_powertools_workflow_recovery_sessions"("id") ON DELETE CASCADE,
  "inserted_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_recovery_attempts_workflow_id_index" ON "oban_powertools_workflow_recovery_attempts" ("workflow_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_recovery_attempts_step_id_index" ON "oban_powertools_workflow_recovery_attempts" ("step_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_recovery_attempts_status_index" ON "oban_powertools_workflow_recovery_attempts" ("status");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_recovery_attempts_recovery_session_id_" ON "oban_powertools_workflow_recovery_attempts" ("recovery_session_id");
