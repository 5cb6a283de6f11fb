-- Oban Powertools migration `oban_powertools_archive_runs` (installer offset +33s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_archive_runs" (
  "id" uuid,
  "run_type" varchar(255) NOT NULL,
  "status" varchar(255) DEFAULT 'pending' NOT NULL,
  "retention_class" varchar(255) NOT NULL,
  "actor_id" varchar(255),
  "reason" varchar(255),
  "batch_size" integer DEFAULT 100 NOT NULL,
  "archived_count" integer DEFAULT 0 NOT NULL,
  "pruned_count" integer DEFAULT 0 NOT NULL,
  "blocked_count" integer DEFAULT 0 NOT NULL,
  "started_at" timestamp,
  "finished_at" timestamp,
  "metadata" jsonb DEFAULT '{}' NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  "updated_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "oban_powertools_archive_runs_run_type_index" ON "oban_powertools_archive_runs" ("run_type");
CREATE INDEX IF NOT EXISTS "oban_powertools_archive_runs_status_index" ON "oban_powertools_archive_runs" ("status");
CREATE INDEX IF NOT EXISTS "oban_powertools_archive_runs_retention_class_index" ON "oban_powertools_archive_runs" ("retention_class");
CREATE INDEX IF NOT EXISTS "oban_powertools_archive_runs_started_at_index" ON "oban_powertools_archive_runs" ("started_at");
