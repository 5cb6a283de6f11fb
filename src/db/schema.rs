//! `diesel::table!` definitions for the tables obanctl reads and writes, generated from the
//! catalog of a replay of `migrations/` and checked against the live catalog by
//! `tests/schema_conformance.rs`. Column names and types match the Elixir and Python Oban migrations and the
//! Powertools library's own.
//!
//! `oban_jobs` exists in two flavours with different column types, so each has its own module.
//! Its `state` column is an enum living in the prefix schema: SQL written by hand binds text and
//! casts (`$1::text::oban_job_state`), which resolves through the transaction's `search_path`.

pub mod sql_types {
    /// The `oban_job_state` enum in the Oban prefix schema.
    #[derive(diesel::sql_types::SqlType, diesel::query_builder::QueryId, Debug, Clone, Copy)]
    #[diesel(postgres_type(name = "oban_job_state"))]
    pub struct ObanJobState;
}

/// Elixir Oban at migration version 14: `errors jsonb[]`, integer counters, `oban_peers`.
pub mod oban {
    pub use super::sql_types;

    diesel::table! {
        use diesel::sql_types::*;
        use super::sql_types::ObanJobState;

        oban_jobs (id) {
            id -> BigInt,
            state -> ObanJobState,
            queue -> Text,
            worker -> Text,
            args -> Jsonb,
            errors -> Array<Jsonb>,
            attempt -> Integer,
            max_attempts -> Integer,
            inserted_at -> Timestamp,
            scheduled_at -> Timestamp,
            attempted_at -> Nullable<Timestamp>,
            completed_at -> Nullable<Timestamp>,
            attempted_by -> Nullable<Array<Text>>,
            discarded_at -> Nullable<Timestamp>,
            priority -> Integer,
            tags -> Nullable<Array<Text>>,
            meta -> Nullable<Jsonb>,
            cancelled_at -> Nullable<Timestamp>,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_peers (name) {
            name -> Text,
            node -> Text,
            started_at -> Timestamp,
            expires_at -> Timestamp,
        }
    }
}

/// The Python port: `errors jsonb`, smallint counters, `oban_leaders` and `oban_producers`.
pub mod oban_py {
    pub use super::sql_types;

    diesel::table! {
        use diesel::sql_types::*;
        use super::sql_types::ObanJobState;

        oban_jobs (id) {
            id -> BigInt,
            state -> ObanJobState,
            queue -> Text,
            worker -> Text,
            attempt -> SmallInt,
            max_attempts -> SmallInt,
            priority -> SmallInt,
            args -> Jsonb,
            meta -> Jsonb,
            tags -> Array<Text>,
            errors -> Jsonb,
            attempted_by -> Array<Text>,
            inserted_at -> Timestamp,
            attempted_at -> Nullable<Timestamp>,
            cancelled_at -> Nullable<Timestamp>,
            completed_at -> Nullable<Timestamp>,
            discarded_at -> Nullable<Timestamp>,
            scheduled_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_leaders (name) {
            name -> Text,
            node -> Text,
            elected_at -> Timestamp,
            expires_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_producers (uuid) {
            uuid -> Uuid,
            name -> Text,
            node -> Text,
            queue -> Text,
            meta -> Jsonb,
            started_at -> Timestamp,
            updated_at -> Timestamp,
        }
    }
}

/// The 27 `oban_powertools_*` tables.
pub mod powertools {
    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_archive_runs (id) {
            id -> Uuid,
            run_type -> Varchar,
            status -> Varchar,
            retention_class -> Varchar,
            actor_id -> Nullable<Varchar>,
            reason -> Nullable<Varchar>,
            batch_size -> Integer,
            archived_count -> Integer,
            pruned_count -> Integer,
            blocked_count -> Integer,
            started_at -> Nullable<Timestamp>,
            finished_at -> Nullable<Timestamp>,
            metadata -> Jsonb,
            inserted_at -> Timestamp,
            updated_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_audit_events (id) {
            id -> BigInt,
            actor_id -> Nullable<Varchar>,
            action -> Varchar,
            command_key -> Nullable<Varchar>,
            event_type -> Nullable<Varchar>,
            resource -> Nullable<Varchar>,
            resource_type -> Nullable<Varchar>,
            resource_id -> Nullable<Varchar>,
            metadata -> Nullable<Jsonb>,
            inserted_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_batch_jobs (id) {
            id -> Uuid,
            batch_id -> Uuid,
            job_id -> BigInt,
            state -> Varchar,
            inserted_at -> Timestamp,
            updated_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_batches (id) {
            id -> Uuid,
            name -> Nullable<Varchar>,
            status -> Varchar,
            total_count -> Integer,
            success_count -> Integer,
            discard_count -> Integer,
            cancelled_count -> Integer,
            snooze_count -> Integer,
            inserted_count -> Integer,
            insert_chunk_count -> Integer,
            insert_failed_chunk -> Nullable<Integer>,
            insert_failure -> Jsonb,
            insert_failed_at -> Nullable<Timestamp>,
            completed_at -> Nullable<Timestamp>,
            inserted_at -> Timestamp,
            updated_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_blocker_snapshots (id) {
            id -> Uuid,
            job_id -> BigInt,
            worker -> Varchar,
            status -> Varchar,
            scope_kind -> Varchar,
            scope_id -> Varchar,
            blocker_codes -> Array<Varchar>,
            details -> Jsonb,
            captured_at -> Timestamp,
            inserted_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_callbacks (id) {
            id -> Uuid,
            workflow_id -> Nullable<Uuid>,
            recovery_attempt_id -> Nullable<Uuid>,
            event -> Varchar,
            dedupe_key -> Varchar,
            status -> Varchar,
            payload -> Jsonb,
            attempts -> Integer,
            available_at -> Nullable<Timestamp>,
            claimed_at -> Nullable<Timestamp>,
            claimed_by -> Nullable<Varchar>,
            lease_expires_at -> Nullable<Timestamp>,
            delivered_at -> Nullable<Timestamp>,
            last_error -> Nullable<Varchar>,
            inserted_at -> Timestamp,
            updated_at -> Timestamp,
            batch_id -> Nullable<Uuid>,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_cron_coverages (id) {
            id -> Uuid,
            entry_id -> Uuid,
            slot_at -> Timestamp,
            status -> Varchar,
            metadata -> Jsonb,
            inserted_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_cron_entries (id) {
            id -> Uuid,
            name -> Varchar,
            source -> Varchar,
            worker -> Varchar,
            queue -> Varchar,
            expression -> Varchar,
            timezone -> Varchar,
            args -> Jsonb,
            opts -> Jsonb,
            overlap_policy -> Varchar,
            catch_up_policy -> Varchar,
            max_catch_up -> Integer,
            paused_at -> Nullable<Timestamp>,
            last_run_at -> Nullable<Timestamp>,
            metadata -> Jsonb,
            inserted_at -> Timestamp,
            updated_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_cron_slots (id) {
            id -> Uuid,
            entry_id -> Uuid,
            slot_at -> Timestamp,
            state -> Varchar,
            job_id -> Nullable<BigInt>,
            claim_token -> Nullable<Uuid>,
            claimed_at -> Nullable<Timestamp>,
            finished_at -> Nullable<Timestamp>,
            attempt_count -> Integer,
            policy_snapshot -> Jsonb,
            metadata -> Jsonb,
            inserted_at -> Timestamp,
            updated_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_heartbeats (id) {
            id -> Uuid,
            executor_id -> Varchar,
            oban_name -> Varchar,
            node -> Varchar,
            queue -> Varchar,
            producer_scope -> Varchar,
            health_state -> Varchar,
            last_heartbeat_at -> Timestamp,
            warning_threshold_ms -> BigInt,
            missing_threshold_ms -> BigInt,
            metadata -> Jsonb,
            inserted_at -> Timestamp,
            updated_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_idempotency_receipts (id) {
            id -> Uuid,
            worker -> Varchar,
            fingerprint -> Varchar,
            job_id -> Nullable<BigInt>,
            state -> Varchar,
            expires_at -> Nullable<Timestamp>,
            inserted_at -> Timestamp,
            updated_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_job_records (id) {
            id -> Uuid,
            oban_job_id -> Nullable<BigInt>,
            worker -> Varchar,
            attempt -> Integer,
            status -> Varchar,
            payload -> Jsonb,
            payload_bytes -> Integer,
            retention -> Varchar,
            redacted -> Bool,
            summary -> Nullable<Varchar>,
            recorded_at -> Timestamp,
            expires_at -> Timestamp,
            inserted_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_lifeline_incidents (id) {
            id -> Uuid,
            incident_class -> Varchar,
            status -> Varchar,
            executor_id -> Nullable<Varchar>,
            workflow_id -> Nullable<Uuid>,
            workflow_step_id -> Nullable<Uuid>,
            incident_fingerprint -> Varchar,
            health_state -> Nullable<Varchar>,
            summary -> Nullable<Varchar>,
            affected_counts -> Jsonb,
            evidence -> Jsonb,
            first_detected_at -> Timestamp,
            last_detected_at -> Timestamp,
            resolved_at -> Nullable<Timestamp>,
            metadata -> Jsonb,
            inserted_at -> Timestamp,
            updated_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_limit_resources (id) {
            id -> Uuid,
            name -> Varchar,
            scope_kind -> Varchar,
            algorithm -> Varchar,
            bucket_span_ms -> BigInt,
            bucket_capacity -> Integer,
            default_weight -> Integer,
            partition_strategy -> Varchar,
            partition_config -> Jsonb,
            cooldown_enabled -> Bool,
            metadata -> Jsonb,
            inserted_at -> Timestamp,
            updated_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_limit_states (id) {
            id -> Uuid,
            resource_id -> Uuid,
            partition_key -> Varchar,
            tokens_used -> Integer,
            bucket_started_at -> Timestamp,
            last_reserved_at -> Nullable<Timestamp>,
            cooldown_until -> Nullable<Timestamp>,
            cooldown_reason -> Nullable<Varchar>,
            reservation_snapshot -> Jsonb,
            inserted_at -> Timestamp,
            updated_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_limiter_history_facts (id) {
            id -> Uuid,
            resource_name -> Varchar,
            partition_key -> Varchar,
            event_type -> Varchar,
            cause_kind -> Nullable<Varchar>,
            occurred_at -> Timestamp,
            eligible_at -> Nullable<Timestamp>,
            metadata -> Jsonb,
            inserted_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_repair_archives (id) {
            id -> Uuid,
            archive_run_id -> Nullable<Uuid>,
            audit_event_id -> Nullable<BigInt>,
            resource_type -> Varchar,
            resource_id -> Varchar,
            action -> Varchar,
            incident_class -> Nullable<Varchar>,
            incident_fingerprint -> Nullable<Varchar>,
            plan_hash -> Nullable<Varchar>,
            reason -> Nullable<Varchar>,
            actor_id -> Nullable<Varchar>,
            affected_counts -> Jsonb,
            evidence -> Jsonb,
            archived_at -> Timestamp,
            metadata -> Jsonb,
            inserted_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_repair_previews (id) {
            id -> Uuid,
            incident_id -> Nullable<Uuid>,
            incident_class -> Varchar,
            incident_fingerprint -> Varchar,
            plan_hash -> Varchar,
            preview_token -> Uuid,
            action -> Varchar,
            target_type -> Varchar,
            target_id -> Varchar,
            health_state -> Nullable<Varchar>,
            status -> Varchar,
            affected_counts -> Jsonb,
            before_snapshot -> Jsonb,
            after_snapshot -> Jsonb,
            evidence -> Jsonb,
            reason_required -> Bool,
            executed_at -> Nullable<Timestamp>,
            consumed_at -> Nullable<Timestamp>,
            expires_at -> Nullable<Timestamp>,
            metadata -> Jsonb,
            inserted_at -> Timestamp,
            updated_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_workflow_awaits (id) {
            id -> Uuid,
            workflow_id -> Uuid,
            step_id -> Uuid,
            signal_name -> Varchar,
            correlation_key -> Varchar,
            dedupe_key -> Varchar,
            status -> Varchar,
            resolution_policy -> Varchar,
            deadline_at -> Nullable<Timestamp>,
            resolved_at -> Nullable<Timestamp>,
            resolved_signal_id -> Nullable<Uuid>,
            inserted_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_workflow_command_attempts (id) {
            id -> Uuid,
            workflow_id -> Nullable<Uuid>,
            step_id -> Nullable<Uuid>,
            signal_record_id -> Nullable<Uuid>,
            scope -> Varchar,
            action -> Varchar,
            status -> Varchar,
            reason_code -> Nullable<Varchar>,
            reason_message -> Nullable<Varchar>,
            actor_id -> Nullable<Varchar>,
            source -> Varchar,
            requested_at -> Timestamp,
            completed_at -> Nullable<Timestamp>,
            before_snapshot -> Jsonb,
            after_snapshot -> Jsonb,
            metadata -> Jsonb,
            inserted_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_workflow_edges (id) {
            id -> Uuid,
            workflow_id -> Uuid,
            from_step_id -> Uuid,
            to_step_id -> Uuid,
            policy -> Varchar,
            terminal_snapshot -> Jsonb,
            inserted_at -> Timestamp,
            updated_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_workflow_recovery_attempts (id) {
            id -> Uuid,
            workflow_id -> Uuid,
            step_id -> Nullable<Uuid>,
            scope -> Varchar,
            action -> Varchar,
            status -> Varchar,
            reason -> Nullable<Varchar>,
            actor_id -> Nullable<Varchar>,
            requested_at -> Timestamp,
            completed_at -> Nullable<Timestamp>,
            before_snapshot -> Jsonb,
            after_snapshot -> Jsonb,
            metadata -> Jsonb,
            recovery_session_id -> Nullable<Uuid>,
            inserted_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_workflow_recovery_sessions (id) {
            id -> Uuid,
            workflow_id -> Uuid,
            status -> Varchar,
            trigger -> Varchar,
            reason -> Nullable<Varchar>,
            actor_id -> Nullable<Varchar>,
            requested_at -> Timestamp,
            completed_at -> Nullable<Timestamp>,
            metadata -> Jsonb,
            inserted_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_workflow_results (id) {
            id -> Uuid,
            workflow_id -> Uuid,
            step_id -> Uuid,
            attempt -> Integer,
            status -> Varchar,
            payload -> Jsonb,
            payload_bytes -> Integer,
            retention -> Varchar,
            redacted -> Bool,
            summary -> Nullable<Varchar>,
            recorded_at -> Timestamp,
            expires_at -> Nullable<Timestamp>,
            inserted_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_workflow_signals (id) {
            id -> Uuid,
            workflow_id -> Nullable<Uuid>,
            matched_step_id -> Nullable<Uuid>,
            await_id -> Nullable<Uuid>,
            signal_name -> Varchar,
            correlation_key -> Varchar,
            dedupe_key -> Varchar,
            status -> Varchar,
            payload -> Jsonb,
            received_at -> Timestamp,
            inserted_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_workflow_steps (id) {
            id -> Uuid,
            workflow_id -> Uuid,
            step_name -> Varchar,
            worker -> Varchar,
            input -> Jsonb,
            context -> Jsonb,
            state -> Varchar,
            job_id -> Nullable<BigInt>,
            queue -> Varchar,
            attempt -> Integer,
            position -> Integer,
            dependency_count -> Integer,
            dependency_snapshot -> Jsonb,
            blocker_codes -> Array<Varchar>,
            blocker_details -> Jsonb,
            terminal_cause -> Nullable<Varchar>,
            active_await_id -> Nullable<Uuid>,
            awaiting_signal_name -> Nullable<Varchar>,
            await_correlation_key -> Nullable<Varchar>,
            await_dedupe_key -> Nullable<Varchar>,
            await_deadline_at -> Nullable<Timestamp>,
            cancel_requested_at -> Nullable<Timestamp>,
            last_transition_at -> Nullable<Timestamp>,
            nested_workflow_id -> Nullable<Uuid>,
            started_at -> Nullable<Timestamp>,
            finished_at -> Nullable<Timestamp>,
            cancelled_at -> Nullable<Timestamp>,
            inserted_at -> Timestamp,
            updated_at -> Timestamp,
        }
    }

    diesel::table! {
        use diesel::sql_types::*;

        oban_powertools_workflows (id) {
            id -> Uuid,
            name -> Varchar,
            state -> Varchar,
            workflow_context -> Jsonb,
            definition_version -> Integer,
            semantics_version -> Integer,
            step_count -> Integer,
            runnable_step_count -> Integer,
            completed_step_count -> Integer,
            cancelled_step_count -> Integer,
            failed_step_count -> Integer,
            terminal_cause -> Nullable<Varchar>,
            cancel_requested_at -> Nullable<Timestamp>,
            last_transition_at -> Nullable<Timestamp>,
            started_at -> Nullable<Timestamp>,
            finished_at -> Nullable<Timestamp>,
            cancelled_at -> Nullable<Timestamp>,
            inserted_at -> Timestamp,
            updated_at -> Timestamp,
        }
    }

    diesel::allow_tables_to_appear_in_same_query!(
        oban_powertools_archive_runs,
        oban_powertools_audit_events,
        oban_powertools_batch_jobs,
        oban_powertools_batches,
        oban_powertools_blocker_snapshots,
        oban_powertools_callbacks,
        oban_powertools_cron_coverages,
        oban_powertools_cron_entries,
        oban_powertools_cron_slots,
        oban_powertools_heartbeats,
        oban_powertools_idempotency_receipts,
        oban_powertools_job_records,
        oban_powertools_lifeline_incidents,
        oban_powertools_limit_resources,
        oban_powertools_limit_states,
        oban_powertools_limiter_history_facts,
        oban_powertools_repair_archives,
        oban_powertools_repair_previews,
        oban_powertools_workflow_awaits,
        oban_powertools_workflow_command_attempts,
        oban_powertools_workflow_edges,
        oban_powertools_workflow_recovery_attempts,
        oban_powertools_workflow_recovery_sessions,
        oban_powertools_workflow_results,
        oban_powertools_workflow_signals,
        oban_powertools_workflow_steps,
        oban_powertools_workflows,
    );
}
