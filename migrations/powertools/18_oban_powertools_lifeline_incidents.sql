-- Oban Powertools migration `oban_powertools_lifeline_incidents` (installer offset +31s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_lifeline_incidents" (
  "id" uuid,
  "incident_class" varchar(255) NOT NULL,
  "status" varchar(255) DEFAULT 'active' NOT NULL,
  "executor_id" varchar(255),
  "workflow_id" uuid,
  "workflow_step_id" uuid,
  "incident_fingerprint" varchar(255) NOT NULL,
  "health_state" varchar(255),
  "summary" varchar(255),
  "affected_counts" jsonb DEFAULT '{}' NOT NULL,
  "evidence" jsonb DEFAULT '{}' NOT NULL,
  "first_detected_at" timestamp NOT NULL,
  "last_detected_at" timestamp NOT NULL,
  "resolved_at" timestamp,
  "metadata" jsonb DEFAULT '{}' NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  "updated_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_lifeline_incidents_incident_fingerprint_index" ON "oban_powertools_lifeline_incidents" ("incident_fingerprint");
CREATE INDEX IF NOT EXISTS "oban_powertools_lifeline_incidents_incident_class_index" ON "oban_powertools_lifeline_incidents" ("incident_class");
CREATE INDEX IF NOT EXISTS "oban_powertools_lifeline_incidents_status_index" ON "oban_powertools_lifeline_incidents" ("status");
CREATE INDEX IF NOT EXISTS "oban_powertools_lifeline_incidents_health_state_index" ON "oban_powertools_lifeline_incidents" ("health_state");
