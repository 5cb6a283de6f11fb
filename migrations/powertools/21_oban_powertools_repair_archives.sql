-- Oban Powertools migration `oban_powertools_repair_archives` (installer offset +34s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_repair_archives" (
  "id" uuid,
  "archive_run_id" uuid CONSTRAINT "oban_powertools_repair_archives_archive_run_id_fkey" REFERENCES "oban_powertools_archive_runs"("id") ON DELETE SET NULL,
  "audit_event_id" bigint CONSTRAINT "oban_powertools_repair_archives_audit_event_id_fkey" REFERENCES "oban_powertools_audit_events"("id") ON DELETE SET NULL,
  "resource_type" varchar(255) NOT NULL,
  "resource_id" varchar(255) NOT NULL,
  "action" varchar(255) NOT NULL,
  "incident_class" varchar(255),
  "incident_fingerprint" varchar(255),
  "plan_hash" varchar(255),
  "reason" varchar(255),
  "actor_id" varchar(255),
  "affected_counts" jsonb DEFAULT '{}' NOT NULL,
  "evidence" jsonb DEFAULT '{}' NOT NULL,
  "archived_at" timestamp NOT NULL,
  "metadata" jsonb DEFAULT '{}' NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "oban_powertools_repair_archives_archive_run_id_index" ON "oban_powertools_repair_archives" ("archive_run_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_repair_archives_audit_event_id_index" ON "oban_powertools_repair_archives" ("audit_event_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_repair_archives_resource_type_resource_id_index" ON "oban_powertools_repair_archives" ("resource_type", "resource_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_repair_archives_incident_class_index" ON "oban_powertools_repair_archives" ("incident_class");
CREATE INDEX IF NOT EXISTS "oban_powertools_repair_archives_archived_at_index" ON "oban_powertools_repair_archives" ("archived_at");
