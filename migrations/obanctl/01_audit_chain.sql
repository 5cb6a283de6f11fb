-- obanctl's own sidecar to oban_powertools_audit_events: a hash chain that makes edits, deletions
-- and insertions of audit events detectable (`obanctl audit verify`). One row per event obanctl
-- writes, appended in the same transaction as the event. No foreign key: `audit purge` removes
-- old events and their chain rows together and leaves a checkpoint event behind.
CREATE TABLE IF NOT EXISTS "obanctl_audit_chain" (
  "seq" bigint NOT NULL,
  "event_id" bigint NOT NULL,
  "prev_hash" bytea NOT NULL,
  "row_hash" bytea NOT NULL,
  "chained_at" timestamp NOT NULL DEFAULT timezone('UTC', now()),
  CONSTRAINT "obanctl_audit_chain_pkey" PRIMARY KEY ("seq")
);
CREATE UNIQUE INDEX IF NOT EXISTS "obanctl_audit_chain_event_id_index" ON "obanctl_audit_chain" ("event_id");
