-- Oban Powertools migration `oban_powertools_audit_events` (installer offset +0s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_audit_events" (
  "id" bigserial,
  "actor_id" varchar(255),
  "action" varchar(255) NOT NULL,
  "command_key" varchar(255),
  "event_type" varchar(255),
  "resource" varchar(255),
  "resource_type" varchar(255),
  "resource_id" varchar(255),
  "metadata" jsonb DEFAULT '{}',
  "inserted_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "oban_powertools_audit_events_actor_id_index" ON "oban_powertools_audit_events" ("actor_id");
CREATE INDEX IF NOT EXISTS "oban_powertools_audit_events_action_index" ON "oban_powertools_audit_events" ("action");
CREATE INDEX IF NOT EXISTS "oban_powertools_audit_events_event_type_index" ON "oban_powertools_audit_events" ("event_type");
CREATE INDEX IF NOT EXISTS "oban_powertools_audit_events_resource_type_resource_id_index" ON "oban_powertools_audit_events" ("resource_type", "resource_id");
