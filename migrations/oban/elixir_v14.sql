-- Oban (Elixir) schema at migration version 14, final state as Oban.Migrations.up() leaves it.
-- Unqualified names: the installer runs it with search_path set to the prefix schema.
CREATE TYPE "oban_job_state" AS ENUM ('available', 'suspended', 'scheduled', 'executing', 'retryable', 'completed', 'discarded', 'cancelled');
CREATE TABLE "oban_jobs" (
  "id" bigserial,
  "state" "oban_job_state" DEFAULT 'available' NOT NULL,
  "queue" text DEFAULT 'default' NOT NULL,
  "worker" text NOT NULL,
  "args" jsonb DEFAULT '{}' NOT NULL,
  "errors" jsonb[] DEFAULT ARRAY[]::jsonb[] NOT NULL,
  "attempt" integer DEFAULT 0 NOT NULL,
  "max_attempts" integer DEFAULT 20 NOT NULL,
  "inserted_at" timestamp without time zone DEFAULT timezone('UTC', now()) NOT NULL,
  "scheduled_at" timestamp without time zone DEFAULT timezone('UTC', now()) NOT NULL,
  "attempted_at" timestamp without time zone,
  "completed_at" timestamp without time zone,
  "attempted_by" text[],
  "discarded_at" timestamp without time zone,
  "priority" integer DEFAULT 0 NOT NULL,
  "tags" text[] DEFAULT ARRAY[]::text[],
  "meta" jsonb DEFAULT '{}',
  "cancelled_at" timestamp without time zone,
  CONSTRAINT "oban_jobs_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "worker_length" CHECK (char_length(worker) > 0 AND char_length(worker) < 128),
  CONSTRAINT "queue_length" CHECK (char_length(queue) > 0 AND char_length(queue) < 128),
  CONSTRAINT "positive_max_attempts" CHECK (max_attempts > 0),
  CONSTRAINT "attempt_range" CHECK (attempt >= 0 AND attempt <= max_attempts)
);
ALTER TABLE "oban_jobs" ADD CONSTRAINT "non_negative_priority" CHECK (priority >= 0) NOT VALID;
CREATE INDEX "oban_jobs_state_queue_priority_scheduled_at_id_index" ON "oban_jobs" USING btree ("state", "queue", "priority", "scheduled_at", "id");
CREATE INDEX "oban_jobs_args_index" ON "oban_jobs" USING gin ("args");
CREATE INDEX "oban_jobs_meta_index" ON "oban_jobs" USING gin ("meta");
CREATE INDEX "oban_jobs_state_cancelled_at_index" ON "oban_jobs" USING btree ("state", "cancelled_at");
CREATE INDEX "oban_jobs_state_discarded_at_index" ON "oban_jobs" USING btree ("state", "discarded_at");
CREATE UNLOGGED TABLE "oban_peers" (
  "name" text NOT NULL,
  "node" text NOT NULL,
  "started_at" timestamp without time zone NOT NULL,
  "expires_at" timestamp without time zone NOT NULL,
  CONSTRAINT "oban_peers_pkey" PRIMARY KEY ("name")
);
-- The version comment is written by the installer (COMMENT ON needs the schema-qualified name).
