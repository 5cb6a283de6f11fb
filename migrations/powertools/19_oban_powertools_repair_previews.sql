-- Oban Powertools migration `oban_powertools_repair_previews` (installer offset +32s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_repair_previews" (
  "id" uuid,
  "incident_id" uuid,
  "incident_class" varchar(255) NOT NULL,
  "incident_fingerprint" varchar(255) NOT NULL,
  "plan_hash" varchar(255) NOT NULL,
  "preview_token" uuid NOT NULL,
  "action" varchar(255) NOT NULL,
  "target_type" varchar(255) NOT NULL,
  "target_id" varchar(255) NOT NULL,
  "health_state" varchar(255),
  "status" varchar(255) DEFAULT 'pending' NOT NULL,
  "affected_counts" jsonb DEFAULT '{}' NOT NULL,
  "before_snapshot" jsonb DEFAULT '{}' NOT NULL,
  "after_snapshot" jsonb DEFAULT '{}' NOT NULL,
  "evidence" jsonb DEFAULT '{}' NOT NULL,
  "reason_required" boolean DEFAULT true NOT NULL,
  "executed_at" timestamp,
  "consumed_at" timestamp,
  "expires_at" timestamp,
  "metadata" jsonb DEFAULT '{}' NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  "updated_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_repair_previews_preview_token_index" ON "oban_powertools_repair_previews" ("preview_token");
CREATE INDEX IF NOT EXISTS "oban_powertools_repair_previews_incident_class_index" ON "oban_powertools_repair_previews" ("incident_class");
CREATE INDEX IF NOT EXISTS "oban_powertools_repair_previews_status_index" ON "oban_powertools_repair_previews" ("status");
CREATE INDEX IF NOT EXISTS "oban_powertools_repair_previews_incident_fingerprint_index" ON "oban_powertools_repair_previews" ("incident_fingerprint");
CREATE INDEX IF NOT EXISTS "oban_powertools_repair_previews_plan_hash_index" ON "oban_powertools_repair_previews" ("plan_hash");
