-- Oban Powertools migration `oban_powertools_idempotency_receipts` (installer offset +1s), final-state DDL.
-- Names are the catalog names (identifiers over 63 bytes already truncated).
CREATE TABLE IF NOT EXISTS "oban_powertools_idempotency_receipts" (
  "id" uuid,
  "worker" varchar(255) NOT NULL,
  "fingerprint" varchar(255) NOT NULL,
  "job_id" bigint,
  "state" varchar(255) NOT NULL,
  "expires_at" timestamp(0),
  "inserted_at" timestamp(0) NOT NULL,
  "updated_at" timestamp(0) NOT NULL,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "oban_powertools_idempotency_receipts_worker_fingerprint_index" ON "oban_powertools_idempotency_receipts" ("worker", "fingerprint");
CREATE INDEX IF NOT EXISTS "oban_powertools_idempotency_receipts_job_id_index" ON "oban_powertools_idempotency_receipts" ("job_id");
