-- obanctl's install marker for the audit chain: one row, kept by every chain append in the same
-- transaction, recording the highest chain seq ever written and the first keyed one. `audit
-- verify` reports a chain that ends before the high-water seq as truncated (or wiped, when it is
-- empty), and an unkeyed link at or after the first keyed seq as a downgrade. It is only as safe as
-- the table's privileges: checkpoints kept outside the database (`audit checkpoint`) are the proof.
CREATE TABLE IF NOT EXISTS "obanctl_audit_state" (
  "id" boolean NOT NULL DEFAULT true,
  "chain_high_water_seq" bigint NOT NULL,
  "first_keyed_seq" bigint,
  "updated_at" timestamp NOT NULL DEFAULT timezone('UTC', now()),
  CONSTRAINT "obanctl_audit_state_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "obanctl_audit_state_single_row" CHECK ("id")
);
-- Which key signed each link (the first 8 bytes, in hex, of SHA-256 over a domain tag and the
-- key); NULL for unkeyed SHA-256 links. Added to chains created by earlier versions.
ALTER TABLE "obanctl_audit_chain" ADD COLUMN IF NOT EXISTS "key_id" text;
