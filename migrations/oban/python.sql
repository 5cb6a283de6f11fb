-- Oban schema as the Python port (oban-py, oban/queries/install.sql) creates it: no version comment,
-- errors as a jsonb array, smallint counters, oban_leaders and oban_producers instead of oban_peers.
-- Unqualified names: the installer runs it with search_path set to the prefix schema.
CREATE TYPE "oban_job_state" AS ENUM ('available', 'scheduled', 'suspended', 'executing', 'retryable', 'completed', 'discarded', 'cancelled');
CREATE TABLE "oban_jobs" (
  "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "state" "oban_job_state" NOT NULL DEFAULT 'available',
  "queue" text NOT NULL DEFAULT 'default',
  "worker" text NOT NULL,
  "attempt" smallint NOT NULL DEFAULT 0,
  "max_attempts" smallint NOT NULL DEFAULT 20,
  "priority" smallint NOT NULL DEFAULT 0,
  "args" jsonb NOT NULL DEFAULT '{}',
  "meta" jsonb NOT NULL DEFAULT '{}',
  "tags" text[] NOT NULL DEFAULT ARRAY[]::text[],
  "errors" jsonb NOT NULL DEFAULT '[]',
  "attempted_by" text[] NOT NULL DEFAULT ARRAY[]::text[],
  "inserted_at" timestamp NOT NULL DEFAULT timezone('UTC', now()),
  "attempted_at" timestamp,
  "cancelled_at" timestamp,
  "completed_at" timestamp,
  "discarded_at" timestamp,
  "scheduled_at" timestamp NOT NULL DEFAULT timezone('UTC', now()),
  CONSTRAINT "attempt_range" CHECK (attempt >= 0 AND attempt <= max_attempts),
  CONSTRAINT "positive_max_attempts" CHECK (max_attempts > 0),
  CONSTRAINT "queue_length" CHECK (char_length(queue) > 0),
  CONSTRAINT "worker_length" CHECK (char_length(worker) > 0),
  CONSTRAINT "non_negative_priority" CHECK (priority >= 0)
);
CREATE INDEX "oban_jobs_state_queue_priority_scheduled_at_id_index" ON "oban_jobs" ("state", "queue", "priority", "scheduled_at", "id") WITH (fillfactor = 90);
CREATE INDEX "oban_jobs_staging_index" ON "oban_jobs" ("scheduled_at", "id") INCLUDE ("queue") WHERE state IN ('scheduled', 'retryable');
CREATE INDEX "oban_jobs_completed_at_index" ON "oban_jobs" ("completed_at") WHERE state = 'completed';
CREATE INDEX "oban_jobs_cancelled_at_index" ON "oban_jobs" ("cancelled_at") WHERE state = 'cancelled';
CREATE INDEX "oban_jobs_discarded_at_index" ON "oban_jobs" ("discarded_at") WHERE state = 'discarded';
ALTER TABLE "oban_jobs" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 50, autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 100, autovacuum_vacuum_cost_limit = 2000, autovacuum_vacuum_cost_delay = 1, autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_vacuum_insert_threshold = 1000, fillfactor = 85);
CREATE UNLOGGED TABLE "oban_leaders" (
  "name" text PRIMARY KEY DEFAULT 'oban',
  "node" text NOT NULL,
  "elected_at" timestamp NOT NULL,
  "expires_at" timestamp NOT NULL
);
CREATE UNLOGGED TABLE "oban_producers" (
  "uuid" uuid PRIMARY KEY,
  "name" text NOT NULL DEFAULT 'oban',
  "node" text NOT NULL,
  "queue" text NOT NULL,
  "meta" jsonb NOT NULL DEFAULT '{}',
  "started_at" timestamp NOT NULL DEFAULT timezone('UTC', now()),
  "updated_at" timestamp NOT NULL DEFAULT timezone('UTC', now())
);
