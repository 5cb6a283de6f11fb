//! From facts to findings: what each check concludes from what the database reported. The facts
//! are plain data (filled by `db::doctor`), so every rule here is unit-tested without a database.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDateTime;
use serde_json::json;

use super::indexes::{self, ExpectedIndex};
use super::{CheckId, Finding, Severity, Verdict};
use crate::db::catalog::{MigrationVersion, ObanFlavour, ObanSchema};
use crate::db::ident;

fn time(t: &NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// `3h 5m`, `42s`: ages rounded to what a person reads.
pub fn age(secs: f64) -> String {
    let secs = secs.max(0.0).round() as u64;
    let rounded = if secs >= 3600 { secs - secs % 60 } else { secs };
    humantime::format_duration(std::time::Duration::from_secs(rounded)).to_string()
}

fn ids(list: &[i64]) -> String {
    list.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

// ---------------------------------------------------------------------------------------------
// oban_version

#[derive(Debug, Clone, Default)]
pub struct VersionFacts {
    pub schema_exists: bool,
    pub oban: Option<ObanSchema>,
    /// Other schemas holding an `oban_jobs`, offered when the prefix has none.
    pub schemas_with_oban_jobs: Vec<String>,
}

pub fn oban_version(prefix: &str, facts: &VersionFacts, expected: i64) -> Verdict {
    let check = CheckId::ObanVersion;
    let elsewhere = if facts.schemas_with_oban_jobs.is_empty() {
        "no schema of this database has one".to_string()
    } else {
        format!(
            "oban_jobs exists in: {}",
            facts.schemas_with_oban_jobs.join(", ")
        )
    };
    let Some(oban) = &facts.oban else {
        let (code, message) = if facts.schema_exists {
            (
                "OBAN_JOBS_MISSING",
                format!("no oban_jobs table in schema `{prefix}`"),
            )
        } else {
            (
                "PREFIX_MISSING",
                format!("schema `{prefix}` does not exist"),
            )
        };
        return Verdict::with(
            message.clone(),
            vec![Finding::new(check, Severity::Error, code, message)
                .subject(prefix)
                .hint(format!(
                    "pass --prefix with the schema Oban uses ({elsewhere}), or run the application's Oban migrations"
                ))
                .data(json!({ "schemas_with_oban_jobs": facts.schemas_with_oban_jobs }))],
        );
    };
    let flavour = match oban.flavour {
        ObanFlavour::Elixir => "Elixir Oban",
        ObanFlavour::Python => "oban-py",
    };
    let data = |db: serde_json::Value| json!({ "flavour": oban.flavour, "db_version": db, "expected_version": expected });
    match (&oban.version, oban.flavour) {
        (MigrationVersion::Number(n), _) if *n == expected => {
            Verdict::ok(format!("v{n}, as expected ({flavour})"))
        }
        (MigrationVersion::Number(n), _) if *n < expected => Verdict::with(
            format!("v{n}, behind v{expected}"),
            vec![Finding::new(
                check,
                Severity::Error,
                "VERSION_BEHIND",
                format!("Oban migrations at v{n}, expected v{expected}: migration drift"),
            )
            .subject("oban_jobs")
            .hint(format!(
                "run the application's Oban migrations (mix ecto.migrate); if the application deliberately runs an Oban that expects v{n}, pass --oban-version {n}"
            ))
            .data(data(json!(n)))],
        ),
        (MigrationVersion::Number(n), _) => Verdict::with(
            format!("v{n}, ahead of v{expected}"),
            vec![Finding::new(
                check,
                Severity::Warning,
                "VERSION_AHEAD",
                format!("Oban migrations at v{n}, but the application's Oban expects v{expected}: the database was migrated by a newer Oban"),
            )
            .subject("oban_jobs")
            .hint(format!("upgrade the application's oban dependency, or pass --oban-version {n} if the skew is intended"))
            .data(data(json!(n)))],
        ),
        (MigrationVersion::Infinity, _) => {
            Verdict::ok("∞: managed by Oban Pro's DynamicPartitioner".to_string())
        }
        (MigrationVersion::Missing, ObanFlavour::Python) => {
            Verdict::ok("oban-py schema (it records no migration version)".to_string())
        }
        (MigrationVersion::Missing, ObanFlavour::Elixir) => Verdict::with(
            "no version comment",
            vec![Finding::new(
                check,
                Severity::Warning,
                "VERSION_COMMENT_MISSING",
                "oban_jobs has no version comment (a restore with --no-comments drops it); Oban's migrator would re-run every migration and fail".to_string(),
            )
            .subject("oban_jobs")
            .hint("if missing_indexes finds the schema complete, restore the comment Oban writes")
            .sql(format!(
                "COMMENT ON TABLE {} IS '{expected}';",
                ident::qualified(prefix, "oban_jobs")
            ))
            .data(data(serde_json::Value::Null))],
        ),
        (MigrationVersion::Unparsable(text), _) => Verdict::with(
            format!("unreadable version comment `{text}`"),
            vec![Finding::new(
                check,
                Severity::Warning,
                "VERSION_UNPARSABLE",
                format!("the comment on oban_jobs is `{text}`, not a migration version"),
            )
            .subject("oban_jobs")
            .hint("Oban writes the migration version as the table comment; something else overwrote it")
            .data(data(json!(text)))],
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// index_validity

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexFact {
    pub schema: String,
    pub table: String,
    pub name: String,
    pub unique: bool,
    pub valid: bool,
    pub ready: bool,
    /// `pg_get_indexdef`.
    pub definition: String,
    /// A `CREATE INDEX`/`REINDEX` is building it right now.
    pub building: bool,
}

pub fn index_validity(indexes: &[IndexFact]) -> Verdict {
    let check = CheckId::IndexValidity;
    let mut findings = Vec::new();
    let mut building = 0;
    for index in indexes.iter().filter(|i| !(i.valid && i.ready)) {
        let subject = format!("{}.{}", index.schema, index.name);
        let data = json!({
            "schema": index.schema, "table": index.table, "index": index.name,
            "valid": index.valid, "ready": index.ready, "unique": index.unique,
            "build_in_progress": index.building,
        });
        if index.building {
            building += 1;
            findings.push(
                Finding::new(
                    check,
                    Severity::Warning,
                    "INDEX_BUILD_IN_PROGRESS",
                    format!(
                        "index {} on {} is being built right now",
                        ident::qualified(&index.schema, &index.name),
                        index.table
                    ),
                )
                .subject(subject)
                .hint("not a failure yet: run doctor again when the build has finished")
                .data(data),
            );
            continue;
        }
        let kind = indexes::classify_invalid(&index.name, index.unique);
        let (hint, sql) =
            indexes::invalid_fix(&index.schema, &index.name, index.unique, &index.definition);
        findings.push(
            Finding::new(
                check,
                Severity::Error,
                kind.code(),
                format!(
                    "INVALID index {} on {}: writes maintain it, queries cannot use it",
                    ident::qualified(&index.schema, &index.name),
                    index.table
                ),
            )
            .subject(subject)
            .hint(hint)
            .sql(sql)
            .data(data),
        );
    }
    let invalid = findings.len() - building;
    let summary = match (invalid, building) {
        (0, 0) => format!("{} indexes, all valid", indexes.len()),
        (0, b) => format!("{b} index build(s) in progress"),
        (i, 0) => format!("{i} invalid of {} indexes", indexes.len()),
        (i, b) => format!("{i} invalid, {b} build(s) in progress"),
    };
    Verdict::with(summary, findings)
}

// ---------------------------------------------------------------------------------------------
// missing_indexes

#[derive(Debug, Clone)]
pub struct MissingIndexFacts {
    pub prefix: String,
    pub oban: ObanSchema,
    /// Indexes on `oban_jobs`.
    pub indexes: Vec<IndexFact>,
    pub notify_trigger: bool,
    pub notify_function: bool,
}

pub fn missing_indexes(facts: &MissingIndexFacts) -> Verdict {
    let check = CheckId::MissingIndexes;
    let prefix = &facts.prefix;
    let expected = indexes::expected(facts.oban.flavour, &facts.oban.version);
    let actual: BTreeMap<&str, String> = facts
        .indexes
        .iter()
        .map(|i| {
            (
                i.name.as_str(),
                indexes::normalize_definition(&i.definition),
            )
        })
        .collect();
    let mut findings = Vec::new();
    let mut missing: Vec<ExpectedIndex> = Vec::new();
    let mut equivalents = Vec::new();
    for want in &expected {
        match actual.get(want.name) {
            Some(definition) if definition == want.definition => {}
            Some(definition) => findings.push(
                Finding::new(
                    check,
                    Severity::Warning,
                    "INDEX_DEFINITION_DIFFERS",
                    format!(
                        "index {} exists but is `{definition}`, expected `{}`",
                        want.name, want.definition
                    ),
                )
                .subject(want.name)
                .hint("rebuild it with the expected definition (create the new one first, then drop the old)")
                .sql(format!(
                    "DROP INDEX CONCURRENTLY IF EXISTS {};\n{}",
                    ident::qualified(prefix, want.name),
                    indexes::create_sql(prefix, want)
                ))
                .data(json!({ "index": want.name, "actual": definition, "expected": want.definition })),
            ),
            None => {
                if let Some((other, _)) = actual.iter().find(|(_, d)| *d == want.definition) {
                    equivalents.push(format!("{} as {other}", want.name));
                } else {
                    missing.push(*want);
                }
            }
        }
    }
    let damaged = facts.oban.flavour == ObanFlavour::Elixir
        && facts.oban.version == MigrationVersion::Number(14)
        && indexes::STATE_INDEXES
            .iter()
            .all(|name| missing.iter().any(|m| m.name == *name));
    if damaged {
        let (state, rest): (Vec<_>, Vec<_>) = missing
            .into_iter()
            .partition(|m| indexes::STATE_INDEXES.contains(&m.name));
        missing = rest;
        findings.push(
            Finding::new(
                check,
                Severity::Error,
                "OBAN_2_21_0_DAMAGE",
                "oban_jobs records version 14 but every index on `state` is gone: the schema was migrated by Oban 2.21.0, whose type swap dropped them; `mix ecto.migrate` sees version 14 and will not recreate them".to_string(),
            )
            .subject("oban_jobs")
            .hint("create them without blocking writers (each statement on its own, outside a transaction)")
            .sql(
                state
                    .iter()
                    .map(|m| indexes::create_sql(prefix, m))
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
            .data(json!({ "missing": state.iter().map(|m| m.name).collect::<Vec<_>>() })),
        );
    }
    for want in &missing {
        findings.push(
            Finding::new(
                check,
                Severity::Error,
                "INDEX_MISSING",
                format!(
                    "expected index {} is missing from {}.oban_jobs",
                    want.name,
                    ident::quote(prefix)
                ),
            )
            .subject(want.name)
            .hint("create it without blocking writers (outside a transaction)")
            .sql(indexes::create_sql(prefix, want))
            .data(json!({ "index": want.name, "definition": want.definition })),
        );
    }
    for legacy in indexes::LEGACY {
        if actual.contains_key(legacy) {
            findings.push(
                Finding::new(
                    check,
                    Severity::Warning,
                    "INDEX_LEGACY",
                    format!("index {legacy} was dropped by a later Oban migration; it still costs every write"),
                )
                .subject(*legacy)
                .hint("drop it")
                .sql(format!("DROP INDEX CONCURRENTLY IF EXISTS {};", ident::qualified(prefix, legacy)))
                .data(json!({ "index": legacy })),
            );
        }
    }
    if facts.notify_trigger || facts.notify_function {
        findings.push(
            Finding::new(
                check,
                Severity::Warning,
                "NOTIFY_TRIGGER_LEFTOVER",
                "the oban_notify trigger or oban_jobs_notify() function from Oban's V01-V11 migrations is still installed: every insert pays an extra pg_notify".to_string(),
            )
            .subject("oban_notify")
            .hint("drop them (Oban since migration V12 notifies from the application)")
            .sql(format!(
                "DROP TRIGGER IF EXISTS oban_notify ON {};\nDROP FUNCTION IF EXISTS {}();",
                ident::qualified(prefix, "oban_jobs"),
                ident::qualified(prefix, "oban_jobs_notify")
            ))
            .data(json!({ "trigger": facts.notify_trigger, "function": facts.notify_function })),
        );
    }
    let mut summary = if findings.is_empty() {
        format!("{} expected indexes present", expected.len())
    } else {
        let missing_count: usize = findings
            .iter()
            .map(|f| match f.code {
                "INDEX_MISSING" => 1,
                "OBAN_2_21_0_DAMAGE" => indexes::STATE_INDEXES.len(),
                _ => 0,
            })
            .sum();
        format!(
            "{missing_count} of {} expected indexes missing",
            expected.len()
        )
    };
    if !equivalents.is_empty() {
        summary.push_str(&format!(
            "; equivalent under another name: {}",
            equivalents.join(", ")
        ));
    }
    Verdict::with(summary, findings)
}

// ---------------------------------------------------------------------------------------------
// powertools_tables

/// The 27 Powertools tables by the feature area that needs them (the Elixir doctor's grouping).
pub const POWERTOOLS_GROUPS: &[(&str, &[&str])] = &[
    (
        "foundation",
        &[
            "oban_powertools_audit_events",
            "oban_powertools_idempotency_receipts",
            "oban_powertools_batches",
            "oban_powertools_batch_jobs",
        ],
    ),
    (
        "smart-engine",
        &[
            "oban_powertools_limit_resources",
            "oban_powertools_limit_states",
            "oban_powertools_cron_entries",
            "oban_powertools_cron_slots",
            "oban_powertools_blocker_snapshots",
            "oban_powertools_limiter_history_facts",
            "oban_powertools_cron_coverages",
        ],
    ),
    (
        "workflow",
        &[
            "oban_powertools_workflows",
            "oban_powertools_workflow_steps",
            "oban_powertools_workflow_edges",
            "oban_powertools_workflow_results",
            "oban_powertools_workflow_awaits",
            "oban_powertools_workflow_signals",
            "oban_powertools_workflow_recovery_sessions",
            "oban_powertools_workflow_recovery_attempts",
            "oban_powertools_callbacks",
            "oban_powertools_workflow_command_attempts",
        ],
    ),
    (
        "heartbeat-lifeline",
        &[
            "oban_powertools_heartbeats",
            "oban_powertools_lifeline_incidents",
            "oban_powertools_repair_previews",
            "oban_powertools_archive_runs",
            "oban_powertools_repair_archives",
        ],
    ),
    ("output-recording", &["oban_powertools_job_records"]),
];

#[derive(Debug, Clone, Default)]
pub struct PowertoolsFacts {
    pub schema: String,
    pub tables: BTreeSet<String>,
    /// The columns of each table in the schema (empty when not read).
    pub columns: std::collections::BTreeMap<String, BTreeSet<String>>,
}

/// Per existing Powertools (and obanctl) table, the columns the installer's final-state DDL
/// defines that the table lacks: `(table, missing columns)`.
pub fn missing_columns(facts: &PowertoolsFacts) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for (_, statement) in crate::install::install_statements() {
        let crate::install::Statement::CreateTable { table, sql } = statement else {
            continue;
        };
        let Some(existing) = facts.columns.get(&table) else {
            continue;
        };
        let missing: Vec<String> = crate::install::column_definitions(&sql)
            .into_iter()
            .map(|(name, _)| name)
            .filter(|name| !existing.contains(name))
            .collect();
        if !missing.is_empty() {
            out.push((table, missing));
        }
    }
    out
}

pub fn powertools_tables(facts: &PowertoolsFacts) -> Verdict {
    let check = CheckId::PowertoolsTables;
    let schema = &facts.schema;
    let install = format!("obanctl install --powertools-schema {schema}");
    let legacy_outbox = facts.tables.contains(crate::install::LEGACY_OUTBOX_TABLE);
    let has = |table: &str| {
        facts.tables.contains(table) || (table == crate::install::CALLBACKS_TABLE && legacy_outbox)
    };
    let total: usize = POWERTOOLS_GROUPS.iter().map(|(_, t)| t.len()).sum();
    let present = POWERTOOLS_GROUPS
        .iter()
        .flat_map(|(_, tables)| tables.iter())
        .filter(|t| has(t))
        .count();
    if present == 0 {
        return Verdict::with(
            format!("none of the {total} tables in `{schema}`"),
            vec![Finding::new(
                check,
                Severity::Warning,
                "POWERTOOLS_NOT_INSTALLED",
                format!("no Powertools tables in schema `{schema}`: job mutations (which write audit rows), cron, limiter, workflow and audit commands need them"),
            )
            .subject(schema.clone())
            .hint(format!("pass --powertools-schema if they live elsewhere, or create them: {install}"))],
        );
    }
    let mut findings = Vec::new();
    for (group, tables) in POWERTOOLS_GROUPS {
        let missing: Vec<&str> = tables.iter().copied().filter(|t| !has(t)).collect();
        if !missing.is_empty() {
            findings.push(
                Finding::new(
                    check,
                    Severity::Error,
                    "POWERTOOLS_TABLES_MISSING",
                    format!(
                        "Powertools set `{group}` is missing {} table(s) in `{schema}`: {}",
                        missing.len(),
                        missing.join(", ")
                    ),
                )
                .subject(*group)
                .hint(format!("complete the install (idempotent): {install}"))
                .data(json!({ "group": group, "missing": missing })),
            );
        }
    }
    for (table, missing) in missing_columns(facts) {
        findings.push(
            Finding::new(
                check,
                Severity::Error,
                "POWERTOOLS_COLUMNS_MISSING",
                format!(
                    "`{table}` in `{schema}` lacks {} column(s) the library reads: {} (created by an older migration)",
                    missing.len(),
                    missing.join(", ")
                ),
            )
            .subject(table.clone())
            .hint(format!(
                "add them column by column in one transaction (idempotent): {install}"
            ))
            .data(json!({ "table": table, "missing_columns": missing })),
        );
    }
    if legacy_outbox && !facts.tables.contains(crate::install::CALLBACKS_TABLE) {
        findings.push(
            Finding::new(
                check,
                Severity::Warning,
                "POWERTOOLS_OUTBOX_NOT_RENAMED",
                format!(
                    "`{}` still has its Powertools 0.5.x name",
                    crate::install::LEGACY_OUTBOX_TABLE
                ),
            )
            .subject(crate::install::LEGACY_OUTBOX_TABLE)
            .hint(format!(
                "the 1.0 migration renames it to {}; so does {install}",
                crate::install::CALLBACKS_TABLE
            )),
        );
    }
    if !facts.tables.contains(crate::install::AUDIT_CHAIN_TABLE) {
        findings.push(
            Finding::new(
                check,
                Severity::Warning,
                "AUDIT_CHAIN_MISSING",
                format!("no {} table in `{schema}`: audit rows written by obanctl are not tamper-evident", crate::install::AUDIT_CHAIN_TABLE),
            )
            .subject(crate::install::AUDIT_CHAIN_TABLE)
            .hint(format!("create it: {install}")),
        );
    }
    Verdict::with(
        format!("{present} of {total} tables in `{schema}`"),
        findings,
    )
}

// ---------------------------------------------------------------------------------------------
// uniqueness_backlog

#[derive(Debug, Clone, Default)]
pub struct BacklogFacts {
    /// Per unique state, counted up to `cap` rows.
    pub by_state: Vec<(String, i64)>,
    pub cap: i64,
    /// Whether the GIN indexes unique checks use are there (Elixir only; `None` for oban-py).
    pub gin_missing: Vec<String>,
}

pub fn uniqueness_backlog(facts: &BacklogFacts, threshold: i64) -> Verdict {
    let total: i64 = facts.by_state.iter().map(|(_, n)| n).sum();
    let capped = facts.by_state.iter().any(|(_, n)| *n >= facts.cap);
    let shown = if capped {
        format!("at least {}", thousands(total))
    } else {
        thousands(total)
    };
    let breakdown = facts
        .by_state
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| {
            format!(
                "{s} {}{}",
                if *n >= facts.cap { "≥" } else { "" },
                thousands(*n)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let mut summary = format!(
        "{shown} jobs in unique states (threshold {})",
        thousands(threshold)
    );
    if !facts.gin_missing.is_empty() {
        summary.push_str(&format!(
            "; unique checks also lack {} (see missing_indexes)",
            facts.gin_missing.join(", ")
        ));
    }
    if total < threshold {
        return Verdict::ok(summary);
    }
    Verdict::with(
        summary,
        vec![Finding::new(
            CheckId::UniquenessBacklog,
            Severity::Warning,
            "UNIQUE_BACKLOG",
            format!(
                "{shown} jobs are in the states Oban's unique checks scan, at or above the threshold of {}: unique inserts get slow ({breakdown})",
                thousands(threshold)
            ),
        )
        .subject("oban_jobs")
        .hint("drain or prune the backlog (completed jobs count too: check the Pruner), or narrow the workers' unique states and period")
        .data(json!({
            "total": total,
            "capped": capped,
            "threshold": threshold,
            "by_state": facts.by_state.iter().map(|(s, n)| (s.clone(), json!(n))).collect::<serde_json::Map<_, _>>(),
        }))],
    )
}

// ---------------------------------------------------------------------------------------------
// expired_deadlines

#[derive(Debug, Clone, Default)]
pub struct DeadlineFacts {
    pub expired: i64,
    pub oldest: Option<String>,
    pub sample_ids: Vec<i64>,
    pub malformed: i64,
    pub malformed_sample_ids: Vec<i64>,
}

pub fn expired_deadlines(facts: &DeadlineFacts) -> Verdict {
    let check = CheckId::ExpiredDeadlines;
    let mut findings = Vec::new();
    if facts.expired > 0 {
        findings.push(
            Finding::new(
                check,
                Severity::Warning,
                "DEADLINE_EXPIRED",
                format!(
                    "{} retryable job(s) are past their __deadline_at__ (oldest {}; e.g. ids {})",
                    thousands(facts.expired),
                    facts.oldest.as_deref().unwrap_or("?"),
                    ids(&facts.sample_ids)
                ),
            )
            .subject("__deadline_at__")
            .hint(format!(
                "inspect them (obanctl jobs show {}), then cancel or discard what should no longer run, or retry what still should",
                facts.sample_ids.first().copied().unwrap_or_default()
            ))
            .data(json!({ "count": facts.expired, "oldest": facts.oldest, "sample_ids": facts.sample_ids })),
        );
    }
    if facts.malformed > 0 {
        findings.push(
            Finding::new(
                check,
                Severity::Warning,
                "DEADLINE_MALFORMED",
                format!(
                    "{} retryable job(s) have a null or unreadable __deadline_at__ (e.g. ids {}): the library cannot parse it, so their deadline is never enforced",
                    thousands(facts.malformed),
                    ids(&facts.malformed_sample_ids)
                ),
            )
            .subject("__deadline_at__ (malformed)")
            .hint("deadlines must be ISO 8601 with a UTC offset, e.g. 2026-06-12T12:00:00Z; fix the code that enqueues them")
            .data(json!({ "count": facts.malformed, "sample_ids": facts.malformed_sample_ids })),
        );
    }
    let summary = match (facts.expired, facts.malformed) {
        (0, 0) => "no retryable job past its deadline".to_string(),
        (e, 0) => format!("{} past deadline", thousands(e)),
        (e, m) => format!("{} past deadline, {} malformed", thousands(e), thousands(m)),
    };
    Verdict::with(summary, findings)
}

// ---------------------------------------------------------------------------------------------
// stuck_executing

#[derive(Debug, Clone, Default)]
pub struct StuckFacts {
    pub long_running: i64,
    pub long_oldest: Option<NaiveDateTime>,
    pub long_sample_ids: Vec<i64>,
    pub long_nodes: Vec<String>,
    /// Liveness sources that list every node and had rows (e.g. `oban_producers`).
    pub liveness_sources: Vec<String>,
    pub gone: i64,
    pub gone_nodes: Vec<String>,
    pub gone_sample_ids: Vec<i64>,
}

pub fn stuck_executing(facts: &StuckFacts, stuck_after_secs: u64) -> Verdict {
    let check = CheckId::StuckExecuting;
    let mut findings = Vec::new();
    let threshold = age(stuck_after_secs as f64);
    if facts.gone > 0 {
        findings.push(
            Finding::new(
                check,
                Severity::Warning,
                "EXECUTING_ON_GONE_NODE",
                format!(
                    "{} job(s) are executing on node(s) {} that no longer report in {} (e.g. ids {})",
                    thousands(facts.gone),
                    facts.gone_nodes.join(", "),
                    facts.liveness_sources.join(" or "),
                    ids(&facts.gone_sample_ids)
                ),
            )
            .subject("gone nodes")
            .hint(format!(
                "Oban's Lifeline plugin rescues orphans after its rescue_after; to rescue them now (back to available, attempt kept): obanctl jobs rescue --id {} --reason 'worker node is gone' (--dry-run first)",
                facts.gone_sample_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
            ))
            .data(json!({ "count": facts.gone, "nodes": facts.gone_nodes, "sample_ids": facts.gone_sample_ids, "liveness_sources": facts.liveness_sources })),
        );
    }
    if facts.long_running > 0 {
        findings.push(
            Finding::new(
                check,
                Severity::Warning,
                "EXECUTING_TOO_LONG",
                format!(
                    "{} job(s) have been executing for more than {threshold} (since {} at the oldest, on {}; e.g. ids {})",
                    thousands(facts.long_running),
                    facts.long_oldest.as_ref().map(time).unwrap_or_else(|| "?".into()),
                    facts.long_nodes.join(", "),
                    ids(&facts.long_sample_ids)
                ),
            )
            .subject("long running")
            .hint("check the nodes and the workers' timeouts; cancel jobs that hang (obanctl jobs cancel sends pkill), or raise --stuck-after if such runs are normal")
            .data(json!({
                "count": facts.long_running,
                "oldest_attempted_at": facts.long_oldest.as_ref().map(time),
                "nodes": facts.long_nodes,
                "sample_ids": facts.long_sample_ids,
            })),
        );
    }
    let evidence = if facts.liveness_sources.is_empty() {
        "by age only: no liveness source lists every node".to_string()
    } else {
        format!(
            "nodes checked against {}",
            facts.liveness_sources.join(", ")
        )
    };
    let summary = if findings.is_empty() {
        format!("none over {threshold} ({evidence})")
    } else {
        format!(
            "{} over {threshold}, {} on gone nodes ({evidence})",
            thousands(facts.long_running),
            thousands(facts.gone)
        )
    };
    Verdict::with(summary, findings)
}

// ---------------------------------------------------------------------------------------------
// overdue_available

#[derive(Debug, Clone, PartialEq)]
pub struct QueueOverdue {
    pub queue: String,
    pub count: i64,
    pub oldest: NaiveDateTime,
}

#[derive(Debug, Clone, Default)]
pub struct OverdueFacts {
    pub queues: Vec<QueueOverdue>,
    /// The row count stopped at the cap.
    pub capped: bool,
    pub staging: i64,
    pub staging_oldest: Option<NaiveDateTime>,
    /// `None` when the schema has no leadership table.
    pub leader_live: Option<bool>,
    /// Queues a producer reports as paused (oban-py, Oban Pro).
    pub paused_queues: Vec<String>,
    /// Queues some producer consumes, when producers are recorded.
    pub producer_queues: Option<Vec<String>>,
    /// Available jobs with no attempt left (`attempt >= max_attempts`): Oban's fetch skips them,
    /// so they never run, whatever the nodes do. Counted up to the cap.
    pub stranded: i64,
    pub stranded_sample_ids: Vec<i64>,
}

pub fn overdue_available(facts: &OverdueFacts, overdue_after_secs: u64) -> Verdict {
    let check = CheckId::OverdueAvailable;
    let threshold = age(overdue_after_secs as f64);
    let at_least = if facts.capped { "at least " } else { "" };
    let mut findings = Vec::new();
    for queue in &facts.queues {
        let cause = if facts.paused_queues.contains(&queue.queue) {
            "the queue is paused"
        } else if facts
            .producer_queues
            .as_ref()
            .is_some_and(|q| !q.contains(&queue.queue))
        {
            "no producer consumes this queue"
        } else {
            "no running node consumes this queue, it is paused, or its workers are saturated"
        };
        findings.push(
            Finding::new(
                check,
                Severity::Warning,
                "AVAILABLE_OVERDUE",
                format!(
                    "queue `{}`: {at_least}{} available job(s) due for more than {threshold} (oldest due {}): {cause}",
                    queue.queue,
                    thousands(queue.count),
                    time(&queue.oldest)
                ),
            )
            .subject(queue.queue.clone())
            .hint("make sure the queue is configured and running on some node (and not paused), or scale its concurrency")
            .data(json!({ "queue": queue.queue, "count": queue.count, "oldest_scheduled_at": time(&queue.oldest), "capped": facts.capped })),
        );
    }
    if facts.stranded > 0 {
        let sample = facts
            .stranded_sample_ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        findings.push(
            Finding::new(
                check,
                Severity::Warning,
                "AVAILABLE_ATTEMPTS_EXHAUSTED",
                format!(
                    "{at_least}{} available job(s) have no attempt left (attempt >= max_attempts, e.g. ids {}): Oban only fetches jobs with attempt < max_attempts, so these never run, whatever the nodes do",
                    thousands(facts.stranded),
                    ids(&facts.stranded_sample_ids)
                ),
            )
            .subject("attempts exhausted")
            .hint(format!(
                "something set them available without raising max_attempts (the Powertools library's job_retry does this); retry them, which grants one more attempt: obanctl jobs retry --id {sample} --reason 'stranded: no attempt left'"
            ))
            .data(json!({ "count": facts.stranded, "sample_ids": facts.stranded_sample_ids, "capped": facts.capped })),
        );
    }
    if facts.staging > 0 {
        let cause = match facts.leader_live {
            Some(false) => "there is no live leader to stage them (see leadership)",
            _ => "the leader's stager is not keeping up",
        };
        findings.push(
            Finding::new(
                check,
                Severity::Warning,
                "STAGING_OVERDUE",
                format!(
                    "{at_least}{} scheduled/retryable job(s) are due for more than {threshold} but not staged (oldest due {}): {cause}",
                    thousands(facts.staging),
                    facts.staging_oldest.as_ref().map(time).unwrap_or_else(|| "?".into())
                ),
            )
            .subject("scheduled/retryable")
            .hint("run at least one Oban node with peers enabled (it elects a leader that stages due jobs)")
            .data(json!({ "count": facts.staging, "oldest_scheduled_at": facts.staging_oldest.as_ref().map(time), "leader_live": facts.leader_live })),
        );
    }
    let summary = if findings.is_empty() {
        format!("nothing due for more than {threshold}")
    } else {
        let queued: i64 = facts.queues.iter().map(|q| q.count).sum();
        let stranded = if facts.stranded > 0 {
            format!(
                ", {} stranded with no attempt left",
                thousands(facts.stranded)
            )
        } else {
            String::new()
        };
        format!(
            "{at_least}{} available in {} queue(s) and {} to stage overdue by {threshold}{stranded}",
            thousands(queued),
            facts.queues.len(),
            thousands(facts.staging)
        )
    };
    Verdict::with(summary, findings)
}

// ---------------------------------------------------------------------------------------------
// table_bloat

#[derive(Debug, Clone, Default)]
pub struct BloatFacts {
    pub live: i64,
    pub dead: i64,
    pub since_vacuum_secs: Option<f64>,
    pub table_autovacuum_enabled: bool,
    pub server_autovacuum_enabled: bool,
    pub reloptions: Vec<String>,
    pub total_bytes: i64,
}

/// Below this many tuples a ratio says nothing.
pub const BLOAT_MIN_TUPLES: i64 = 10_000;

/// Per-table settings for a queue table updated on every state change (what oban-py sets).
pub const AUTOVACUUM_ADVICE: &str = "autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 50, autovacuum_analyze_scale_factor = 0.02, autovacuum_vacuum_cost_limit = 2000";

pub fn table_bloat(prefix: &str, facts: &BloatFacts, warn_ratio: f64, error_ratio: f64) -> Verdict {
    let check = CheckId::TableBloat;
    let table = ident::qualified(prefix, "oban_jobs");
    let tuples = facts.live + facts.dead;
    let ratio = if tuples > 0 {
        facts.dead as f64 / tuples as f64
    } else {
        0.0
    };
    let vacuumed = facts
        .since_vacuum_secs
        .map(|s| format!("vacuumed {} ago", age(s)))
        .unwrap_or_else(|| "never vacuumed since statistics were reset".to_string());
    let size = format!("{:.1} MiB", facts.total_bytes as f64 / 1_048_576.0);
    let summary = format!(
        "{:.0}% dead of {} tuples, {size}, {vacuumed}",
        ratio * 100.0,
        thousands(tuples)
    );
    let data = json!({
        "live_tuples": facts.live, "dead_tuples": facts.dead, "dead_ratio": ratio,
        "seconds_since_vacuum": facts.since_vacuum_secs, "total_bytes": facts.total_bytes,
        "reloptions": facts.reloptions,
    });
    let tuned = facts
        .reloptions
        .iter()
        .any(|o| o.starts_with("autovacuum_vacuum_scale_factor="));
    let mut findings = Vec::new();
    let mut summary = summary;
    if !facts.server_autovacuum_enabled {
        summary.push_str("; autovacuum is off server-wide");
    }
    // A table this small has nothing for vacuum to do yet; judging it would only add noise.
    let judged = tuples >= BLOAT_MIN_TUPLES;
    if judged && (!facts.table_autovacuum_enabled || !facts.server_autovacuum_enabled) {
        let (message, sql) = if facts.server_autovacuum_enabled {
            (
                "autovacuum is disabled for oban_jobs (autovacuum_enabled = false)".to_string(),
                format!("ALTER TABLE {table} RESET (autovacuum_enabled);"),
            )
        } else {
            (
                "autovacuum is off for the whole server".to_string(),
                "ALTER SYSTEM SET autovacuum = on;\nSELECT pg_reload_conf();".to_string(),
            )
        };
        findings.push(
            Finding::new(check, Severity::Warning, "AUTOVACUUM_DISABLED", message)
                .subject("oban_jobs")
                .hint("oban_jobs churns on every state change; without autovacuum it bloats without bound")
                .sql(sql)
                .data(data.clone()),
        );
    }
    if judged && ratio >= warn_ratio {
        let severity = if ratio >= error_ratio {
            Severity::Error
        } else {
            Severity::Warning
        };
        let mut sql = format!("VACUUM (VERBOSE, ANALYZE) {table};");
        if !tuned {
            sql.push_str(&format!("\nALTER TABLE {table} SET ({AUTOVACUUM_ADVICE});"));
        }
        findings.push(
            Finding::new(
                check,
                severity,
                "TABLE_BLOAT",
                format!(
                    "{:.0}% of oban_jobs tuples are dead ({} of {}), {vacuumed}",
                    ratio * 100.0,
                    thousands(facts.dead),
                    thousands(tuples)
                ),
            )
            .subject("oban_jobs")
            .hint(if tuned {
                "vacuum now, and look for what holds vacuum back (see long_transactions)"
            } else {
                "vacuum now, and give oban_jobs more aggressive autovacuum settings than the server defaults; look for what holds vacuum back (see long_transactions)"
            })
            .sql(sql)
            .data(data),
        );
    }
    Verdict::with(summary, findings)
}

// ---------------------------------------------------------------------------------------------
// completed_backlog

#[derive(Debug, Clone, Default)]
pub struct CompletedFacts {
    /// Finished jobs older than the age threshold per state, counted up to the backlog threshold.
    pub by_state: Vec<(String, i64)>,
    pub total_bytes: i64,
    /// Set when the counts are estimates scaled up from a sample of this many percent of pages.
    pub sample_percent: Option<f64>,
}

/// A duration as `jobs prune --older-than` takes it: `7d`, `36h`, `90s`.
fn duration_arg(secs: u64) -> String {
    match secs {
        0 => "1s".to_string(),
        s if s % 86_400 == 0 => format!("{}d", s / 86_400),
        s if s % 3600 == 0 => format!("{}h", s / 3600),
        s if s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}

pub fn completed_backlog(facts: &CompletedFacts, age_secs: u64, threshold: i64) -> Verdict {
    let check = CheckId::CompletedBacklog;
    let older = age(age_secs as f64);
    let size = format!("{:.1} MiB", facts.total_bytes as f64 / 1_048_576.0);
    let (quantity, method) = match facts.sample_percent {
        Some(p) => ("about", format!(" (estimated from a {p:.1}% sample)")),
        None => ("at least", String::new()),
    };
    let mut findings = Vec::new();
    for (state, count) in &facts.by_state {
        if *count >= threshold {
            findings.push(
                Finding::new(
                    check,
                    Severity::Warning,
                    "PRUNER_LAGGING",
                    format!(
                        "{quantity} {} {state} jobs finished more than {older} ago{method}: the Pruner is not running or keeps them too long (oban_jobs is {size})",
                        thousands(*count)
                    ),
                )
                .subject(state.clone())
                .hint(format!(
                    "enable Oban's Pruner plugin (or lower its max_age); to clear the backlog now, in batches with an archive: `obanctl jobs prune --state {state} --older-than {} --archive {state}-jobs.jsonl.gz --dry-run`",
                    duration_arg(age_secs)
                ))
                .data(json!({ "state": state, "count": count, "estimated": facts.sample_percent.is_some(), "older_than_secs": age_secs, "total_bytes": facts.total_bytes })),
            );
        }
    }
    let counts = facts
        .by_state
        .iter()
        .map(|(s, n)| {
            let mark = match facts.sample_percent {
                Some(_) => "~",
                None if *n >= threshold => "≥",
                None => "",
            };
            format!("{s} {mark}{}", thousands(*n))
        })
        .collect::<Vec<_>>()
        .join(", ");
    Verdict::with(
        format!("older than {older}: {counts}{method}; table {size}"),
        findings,
    )
}

// ---------------------------------------------------------------------------------------------
// long_transactions

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub pid: i32,
    pub user: Option<String>,
    pub application: Option<String>,
    pub state: Option<String>,
    pub xact_age_secs: f64,
    pub holds_xmin: bool,
}

#[derive(Debug, Clone, Default)]
pub struct LongTxFacts {
    /// Sessions whose transaction is older than the threshold.
    pub sessions: Vec<Session>,
    /// The role can see every session's details (superuser or pg_read_all_stats).
    pub sees_all: bool,
}

pub fn long_transactions(facts: &LongTxFacts, threshold_secs: u64) -> Verdict {
    let check = CheckId::LongTransactions;
    let threshold = age(threshold_secs as f64);
    let findings: Vec<Finding> = facts
        .sessions
        .iter()
        .filter(|s| {
            s.holds_xmin
                || s.state
                    .as_deref()
                    .is_some_and(|st| st.starts_with("idle in transaction"))
        })
        .map(|s| {
            let state = s.state.as_deref().unwrap_or("?");
            Finding::new(
                check,
                Severity::Warning,
                if state.starts_with("idle in transaction") {
                    "IDLE_IN_TRANSACTION"
                } else {
                    "LONG_TRANSACTION"
                },
                format!(
                    "pid {} ({}, application `{}`) has been in a transaction for {} ({state}){}",
                    s.pid,
                    s.user.as_deref().unwrap_or("?"),
                    s.application.as_deref().unwrap_or(""),
                    age(s.xact_age_secs),
                    if s.holds_xmin {
                        ", holding back vacuum"
                    } else {
                        ""
                    }
                ),
            )
            .subject(format!("pid {}", s.pid))
            .hint("find its owner and end the transaction; as a last resort terminate the session")
            .sql(format!("SELECT pg_terminate_backend({});", s.pid))
            .data(json!({
                "pid": s.pid, "user": s.user, "application": s.application, "state": s.state,
                "transaction_age_secs": s.xact_age_secs.round(), "holds_xmin": s.holds_xmin,
            }))
        })
        .collect();
    let mut summary = if findings.is_empty() {
        format!("no transaction older than {threshold}")
    } else {
        format!(
            "{} session(s) in transactions older than {threshold}",
            findings.len()
        )
    };
    if !facts.sees_all {
        summary.push_str(
            "; only this role's sessions are visible (grant pg_read_all_stats to see all)",
        );
    }
    Verdict::with(summary, findings)
}

// ---------------------------------------------------------------------------------------------
// blocked_locks

#[derive(Debug, Clone, PartialEq)]
pub struct Waiter {
    pub pid: i32,
    pub mode: String,
    pub locktype: String,
    pub blocked_by: Vec<i32>,
    pub wait_secs: Option<f64>,
    pub application: Option<String>,
}

pub fn blocked_locks(waiters: &[Waiter]) -> Verdict {
    let check = CheckId::BlockedLocks;
    let findings: Vec<Finding> = waiters
        .iter()
        .map(|w| {
            let blockers = w
                .blocked_by
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            Finding::new(
                check,
                Severity::Warning,
                "LOCK_WAIT",
                format!(
                    "pid {} (application `{}`) has waited {} for a {} {} lock on oban_jobs, blocked by pid {}",
                    w.pid,
                    w.application.as_deref().unwrap_or(""),
                    w.wait_secs.map(age).unwrap_or_else(|| "?".into()),
                    w.mode,
                    w.locktype,
                    if blockers.is_empty() { "?".into() } else { blockers.clone() }
                ),
            )
            .subject(format!("pid {}", w.pid))
            .hint("look at what the blocking sessions run (pg_stat_activity); a waiting DDL statement also queues every worker behind it")
            .data(json!({
                "pid": w.pid, "mode": w.mode, "locktype": w.locktype, "blocked_by": w.blocked_by,
                "wait_secs": w.wait_secs.map(f64::round), "application": w.application,
            }))
        })
        .collect();
    let summary = if findings.is_empty() {
        "no session waits for a lock on oban_jobs".to_string()
    } else {
        format!("{} session(s) waiting", findings.len())
    };
    Verdict::with(summary, findings)
}

// ---------------------------------------------------------------------------------------------
// leadership

#[derive(Debug, Clone, PartialEq)]
pub struct Leader {
    pub name: String,
    pub node: String,
    /// Negative when expired.
    pub expires_in_secs: f64,
}

#[derive(Debug, Clone, Default)]
pub struct LeaderFacts {
    /// `oban_peers` or `oban_leaders`; `None` when the schema has neither.
    pub table: Option<String>,
    pub rows: Vec<Leader>,
}

pub fn leadership(facts: &LeaderFacts) -> Verdict {
    let check = CheckId::Leadership;
    let Some(table) = &facts.table else {
        return Verdict::not_applicable(
            "no oban_peers or oban_leaders table (Oban migration version below 11)",
        );
    };
    let live: Vec<&Leader> = facts
        .rows
        .iter()
        .filter(|l| l.expires_in_secs > 0.0)
        .collect();
    if !live.is_empty() {
        return Verdict::ok(
            live.iter()
                .map(|l| {
                    format!(
                        "{} led by {} (lease {} left)",
                        l.name,
                        l.node,
                        age(l.expires_in_secs)
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
        );
    }
    let finding = if facts.rows.is_empty() {
        Finding::new(
            check,
            Severity::Warning,
            "NO_LEADER",
            format!("no leader in {table}: no Oban node with peers is running, so nothing stages scheduled jobs, fires cron or prunes"),
        )
        .hint("start the application's Oban (with peers enabled), or ignore this on a database no Oban runs against")
    } else {
        let expired = &facts.rows[0];
        Finding::new(
            check,
            Severity::Warning,
            "LEADER_EXPIRED",
            format!(
                "the leadership of {} by {} expired {} ago and nothing took over: cron, pruning and staging have stopped",
                expired.name,
                expired.node,
                age(-expired.expires_in_secs)
            ),
        )
        .hint("check the Oban nodes; a running node takes over an expired leadership within seconds")
        .data(json!({ "name": expired.name, "node": expired.node, "expired_secs_ago": (-expired.expires_in_secs).round() }))
    };
    Verdict::with(
        if facts.rows.is_empty() {
            "no leader".to_string()
        } else {
            "leadership expired".to_string()
        },
        vec![finding.subject(table.clone())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_completed_backlog_hint_is_a_prune_command_that_parses() {
        for (secs, text) in [
            (7 * 86_400, "7d"),
            (36 * 3600, "36h"),
            (90, "90s"),
            (120, "2m"),
        ] {
            assert_eq!(duration_arg(secs), text);
            assert!(crate::values::age(text).is_ok());
        }
        let facts = CompletedFacts {
            by_state: vec![("completed".into(), 10)],
            total_bytes: 0,
            sample_percent: None,
        };
        let text = format!("{:?}", completed_backlog(&facts, 86_400, 5));
        assert!(
            text.contains("obanctl jobs prune --state completed --older-than 1d"),
            "{text}"
        );
    }

    fn elixir(version: MigrationVersion) -> ObanSchema {
        ObanSchema {
            flavour: ObanFlavour::Elixir,
            version,
            errors_jsonb_array: true,
        }
    }

    fn index(name: &str, def: &str) -> IndexFact {
        IndexFact {
            schema: "p".into(),
            table: "oban_jobs".into(),
            name: name.into(),
            unique: false,
            valid: true,
            ready: true,
            definition: format!("CREATE INDEX {name} ON p.oban_jobs USING {def}"),
            building: false,
        }
    }

    fn full_v14() -> Vec<IndexFact> {
        indexes::expected(ObanFlavour::Elixir, &MigrationVersion::Number(14))
            .iter()
            .map(|i| index(i.name, i.definition))
            .collect()
    }

    fn codes(v: &Verdict) -> Vec<&str> {
        v.findings.iter().map(|f| f.code).collect()
    }

    #[test]
    fn version_cases() {
        let facts = |oban| VersionFacts {
            schema_exists: true,
            oban,
            schemas_with_oban_jobs: vec![],
        };
        assert!(
            oban_version("p", &facts(Some(elixir(MigrationVersion::Number(14)))), 14)
                .findings
                .is_empty()
        );
        assert_eq!(
            codes(&oban_version(
                "p",
                &facts(Some(elixir(MigrationVersion::Number(12)))),
                14
            )),
            ["VERSION_BEHIND"]
        );
        assert_eq!(
            oban_version("p", &facts(Some(elixir(MigrationVersion::Number(12)))), 12)
                .findings
                .len(),
            0
        );
        let ahead = oban_version("p", &facts(Some(elixir(MigrationVersion::Number(15)))), 14);
        assert_eq!(ahead.findings[0].severity, Severity::Warning);
        assert!(
            oban_version("p", &facts(Some(elixir(MigrationVersion::Infinity))), 14)
                .findings
                .is_empty()
        );
        let python = ObanSchema {
            flavour: ObanFlavour::Python,
            version: MigrationVersion::Missing,
            errors_jsonb_array: false,
        };
        assert!(oban_version("p", &facts(Some(python)), 14)
            .findings
            .is_empty());
        assert_eq!(
            codes(&oban_version(
                "p",
                &facts(Some(elixir(MigrationVersion::Missing))),
                14
            )),
            ["VERSION_COMMENT_MISSING"]
        );
        assert_eq!(
            codes(&oban_version("p", &facts(None), 14)),
            ["OBAN_JOBS_MISSING"]
        );
        let missing = VersionFacts {
            schema_exists: false,
            oban: None,
            schemas_with_oban_jobs: vec!["public".into()],
        };
        let verdict = oban_version("nope", &missing, 14);
        assert_eq!(codes(&verdict), ["PREFIX_MISSING"]);
        assert!(verdict.findings[0]
            .remediation
            .as_deref()
            .unwrap()
            .contains("public"));
    }

    #[test]
    fn complete_v14_and_v12_sets_pass() {
        let facts = MissingIndexFacts {
            prefix: "p".into(),
            oban: elixir(MigrationVersion::Number(14)),
            indexes: full_v14(),
            notify_trigger: false,
            notify_function: false,
        };
        assert!(missing_indexes(&facts).findings.is_empty());
        let v12 = MissingIndexFacts {
            oban: elixir(MigrationVersion::Number(12)),
            indexes: full_v14().into_iter().take(3).collect(),
            ..facts
        };
        assert!(
            missing_indexes(&v12).findings.is_empty(),
            "v12 hosts are not asked for v13 indexes"
        );
    }

    #[test]
    fn the_2_21_0_damage_is_one_finding_with_the_statements() {
        let facts = MissingIndexFacts {
            prefix: "p".into(),
            oban: elixir(MigrationVersion::Number(14)),
            indexes: full_v14()
                .into_iter()
                .filter(|i| !i.name.contains("state"))
                .collect(),
            notify_trigger: false,
            notify_function: false,
        };
        let verdict = missing_indexes(&facts);
        assert_eq!(codes(&verdict), ["OBAN_2_21_0_DAMAGE"]);
        let sql = verdict.findings[0].remediation_sql.as_deref().unwrap();
        assert_eq!(sql.lines().count(), 3);
        assert!(sql.contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"oban_jobs_state_cancelled_at_index\" ON \"p\".\"oban_jobs\" USING btree (state, cancelled_at);"));
    }

    #[test]
    fn equivalents_legacy_and_wrong_definitions() {
        let mut indexes = full_v14();
        indexes[1].name = "my_args_gin".into();
        indexes[3].definition = "CREATE INDEX oban_jobs_state_cancelled_at_index ON p.oban_jobs USING btree (cancelled_at)".into();
        indexes.push(index("oban_jobs_args_vector", "gist (args)"));
        let facts = MissingIndexFacts {
            prefix: "p".into(),
            oban: elixir(MigrationVersion::Number(14)),
            indexes,
            notify_trigger: true,
            notify_function: false,
        };
        let verdict = missing_indexes(&facts);
        assert_eq!(
            codes(&verdict),
            [
                "INDEX_DEFINITION_DIFFERS",
                "INDEX_LEGACY",
                "NOTIFY_TRIGGER_LEFTOVER"
            ]
        );
        assert!(verdict
            .summary
            .contains("oban_jobs_args_index as my_args_gin"));
    }

    #[test]
    fn invalid_and_building_indexes() {
        let mut building = index("a", "btree (x)");
        building.valid = false;
        building.building = true;
        let mut failed = index("u", "btree (x)");
        failed.valid = false;
        failed.ready = false;
        failed.unique = true;
        let verdict = index_validity(&[index("ok", "btree (y)"), building, failed]);
        assert_eq!(
            codes(&verdict),
            ["INDEX_BUILD_IN_PROGRESS", "INDEX_INVALID_UNIQUE"]
        );
        assert_eq!(verdict.findings[0].severity, Severity::Warning);
        assert_eq!(verdict.findings[1].severity, Severity::Error);
    }

    #[test]
    fn powertools_partial_none_and_legacy() {
        let all: BTreeSet<String> = POWERTOOLS_GROUPS
            .iter()
            .flat_map(|(_, t)| t.iter().map(|s| s.to_string()))
            .chain([crate::install::AUDIT_CHAIN_TABLE.to_string()])
            .collect();
        assert_eq!(all.len(), 28);
        let facts = |tables: BTreeSet<String>| PowertoolsFacts {
            schema: "s".into(),
            tables,
            columns: Default::default(),
        };
        assert!(powertools_tables(&facts(all.clone())).findings.is_empty());
        // Columns are compared too: an older batches table lacking `name` is an error.
        let mut older = facts(all.clone());
        older.columns.insert(
            "oban_powertools_batches".into(),
            ["id", "status", "total_count"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        );
        let verdict = powertools_tables(&older);
        assert_eq!(codes(&verdict), ["POWERTOOLS_COLUMNS_MISSING"]);
        assert!(
            verdict.findings[0].message.contains("name, "),
            "{:?}",
            verdict.findings
        );
        assert_eq!(
            codes(&powertools_tables(&facts(BTreeSet::new()))),
            ["POWERTOOLS_NOT_INSTALLED"]
        );
        let mut partial = all.clone();
        partial.remove("oban_powertools_job_records");
        let verdict = powertools_tables(&facts(partial));
        assert_eq!(codes(&verdict), ["POWERTOOLS_TABLES_MISSING"]);
        assert_eq!(
            verdict.findings[0].subject.as_deref(),
            Some("output-recording")
        );
        let mut legacy = all;
        legacy.remove("oban_powertools_callbacks");
        legacy.insert(crate::install::LEGACY_OUTBOX_TABLE.into());
        assert_eq!(
            codes(&powertools_tables(&facts(legacy))),
            ["POWERTOOLS_OUTBOX_NOT_RENAMED"]
        );
    }

    #[test]
    fn backlog_boundary_is_at_or_above_the_threshold() {
        let facts = |n| BacklogFacts {
            by_state: vec![("available".into(), n)],
            cap: 100,
            gin_missing: vec![],
        };
        assert!(uniqueness_backlog(&facts(99), 100).findings.is_empty());
        assert_eq!(uniqueness_backlog(&facts(100), 100).findings.len(), 1);
        let split = BacklogFacts {
            by_state: vec![("available".into(), 60), ("completed".into(), 40)],
            cap: 100,
            gin_missing: vec![],
        };
        let verdict = uniqueness_backlog(&split, 100);
        assert_eq!(verdict.findings[0].data["total"], 100);
        assert_eq!(verdict.findings[0].data["capped"], false);
    }

    #[test]
    fn deadlines_aggregate() {
        let verdict = expired_deadlines(&DeadlineFacts {
            expired: 3,
            oldest: Some("2026-01-01T00:00:00Z".into()),
            sample_ids: vec![1, 2, 3],
            malformed: 2,
            malformed_sample_ids: vec![7, 8],
        });
        assert_eq!(codes(&verdict), ["DEADLINE_EXPIRED", "DEADLINE_MALFORMED"]);
        assert!(verdict.findings[0].message.contains("1, 2, 3"));
    }

    #[test]
    fn bloat_needs_enough_tuples_and_grades_by_ratio() {
        let facts = |live, dead| BloatFacts {
            live,
            dead,
            since_vacuum_secs: None,
            table_autovacuum_enabled: true,
            server_autovacuum_enabled: true,
            reloptions: vec![],
            total_bytes: 0,
        };
        assert!(table_bloat("p", &facts(10, 90), 0.2, 0.5)
            .findings
            .is_empty());
        assert_eq!(
            table_bloat("p", &facts(7_000, 3_000), 0.2, 0.5).findings[0].severity,
            Severity::Warning
        );
        assert_eq!(
            table_bloat("p", &facts(4_000, 6_000), 0.2, 0.5).findings[0].severity,
            Severity::Error
        );
        let mut off = facts(20_000, 0);
        off.table_autovacuum_enabled = false;
        assert_eq!(
            codes(&table_bloat("p", &off, 0.2, 0.5)),
            ["AUTOVACUUM_DISABLED"]
        );
        off.live = 100;
        assert!(table_bloat("p", &off, 0.2, 0.5).findings.is_empty());
    }

    #[test]
    fn sampled_counts_are_called_estimates() {
        let facts = CompletedFacts {
            by_state: vec![("completed".into(), 150_000), ("cancelled".into(), 0)],
            total_bytes: 0,
            sample_percent: Some(1.0),
        };
        let verdict = completed_backlog(&facts, 86_400, 100_000);
        assert!(verdict.findings[0]
            .message
            .starts_with("about 150 000 completed jobs"));
        assert!(verdict.findings[0]
            .message
            .contains("estimated from a 1.0% sample"));
        assert_eq!(verdict.findings[0].data["estimated"], true);
        assert!(verdict.summary.contains("completed ~150 000"));
    }

    #[test]
    fn leadership_cases() {
        assert!(leadership(&LeaderFacts {
            table: None,
            rows: vec![]
        })
        .findings
        .is_empty());
        let table = Some("oban_peers".to_string());
        assert_eq!(
            codes(&leadership(&LeaderFacts {
                table: table.clone(),
                rows: vec![]
            })),
            ["NO_LEADER"]
        );
        let row = |s| Leader {
            name: "Oban".into(),
            node: "web-1".into(),
            expires_in_secs: s,
        };
        assert_eq!(
            codes(&leadership(&LeaderFacts {
                table: table.clone(),
                rows: vec![row(-90.0)]
            })),
            ["LEADER_EXPIRED"]
        );
        assert!(leadership(&LeaderFacts {
            table,
            rows: vec![row(20.0)]
        })
        .findings
        .is_empty());
    }

    #[test]
    fn ages_read_naturally() {
        assert_eq!(age(42.4), "42s");
        assert_eq!(age(3_725.0), "1h 2m");
        assert_eq!(thousands(1_234_567), "1 234 567");
        assert_eq!(thousands(12), "12");
    }
}
