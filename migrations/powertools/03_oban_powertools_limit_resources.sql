-- Oban Powertools migration `oban_powertools_limit_resources` (installer offset +10s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_limit_resources" (
  "id" uuid,
  "name" varchar(255) NOT NULL,
  "scope_kind" varchar(255) NOT NULL,
  "algorithm" varchar(255) NOT NULL,
  "bucket_span_ms" bigint NOT NULL,
  "bucket_capacity" integer NOT NULL,
  "default_weight" integer DEFAULT 1 NOT NULL,
  "partition_strategy" varchar(255) DEFAULT 'global' NOT NULL,
  "partition_config" jsonb DEFAULT '{}' NOT NULL,
  "cooldown_enabled" boolean DEFAULT true NOT NULL,
  "metadata" jsonb DEFAULT '{}' NOT NULL,
  "inserted_at" timestamp(0) NOT NULL,
  "updated_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_limit_resources_name_index" ON "oban_powertools_limit_resources" ("name");
CREATE INDEX IF NOT EXISTS "oban_powertools_limit_resources_scope_kind_index" ON "oban_powertools_limit_resources" ("scope_kind");
CREATE INDEX IF NOT EXISTS "oban_powertools_limit_resources_algorithm_index" ON "oban_powertools_limit_resources" ("algorithm");
