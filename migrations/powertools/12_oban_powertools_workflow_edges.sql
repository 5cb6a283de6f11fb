-- Oban Powertools migration `oban_powertools_workflow_edges` (installer offset +22s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_workflow_edges" (
  "id" uuid,
  "workflow_id" uuid CONSTRAINT "oban_powertools_workflow_edges_workflow_id_fkey" REFERENCES "oban_powertools_workflows"("id") ON DELETE CASCADE NOT NULL,
  "from_step_id" uuid CONSTRAINT "oban_powertools_workflow_edges_from_step_id_fkey" REFERENCES "oban_powertools_workflow_steps"("id") ON DELETE CASCADE NOT NULL,
  "to_step_id" uuid CONSTRAINT "oban_powertools_workflow_edges_to_step_id_fkey" REFERENCES "oban_powertools_workflow_steps"("id") ON DELETE CASCADE NOT NULL,
  "policy" varchar(255) DEFAULT 'cancel' NOT NULL,
  "terminal_snapshot" jsonb DEFAULT '{}' NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  "updated_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_workflow_edges_workflow_id_from_step_id_to_step" ON "oban_powertools_workflow_edges" ("workflow_id", "from_step_id", "to_step_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_edges_to_step_id_index" ON "oban_powertools_workflow_edges" ("to_step_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_edges_from_step_id_index" ON "oban_powertools_workflow_edges" ("from_step_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_workflow_edges_policy_index" ON "oban_powertools_workflow_edges" ("policy");
