//! What `install` creates and in which order, decided without touching the database.
//!
//! The SQL lives in `migrations/`: one file per Elixir installer migration, written in final-state
//! form with the catalog's own names (identifiers over 63 bytes already truncated), so a host later
//! migrated by the Elixir library sees no drift. Each statement is `CREATE ... IF NOT EXISTS`, so
//! the same text is safe to run twice; the planner still runs only what is missing, so it can say
//! exactly what it did.

use std::collections::{BTreeMap, BTreeSet};

use crate::db::catalog::IndexInfo;
use crate::db::ident;

pub struct Migration {
    pub name: &'static str,
    pub sql: &'static str,
}

macro_rules! migrations {
    ($($file:literal => $name:literal),* $(,)?) => {
        &[$(Migration { name: $name, sql: include_str!(concat!("../migrations/powertools/", $file)) }),*]
    };
}

/// In the Elixir installer's order (schema.md §2.0.2); foreign keys rely on it.
pub const POWERTOOLS_MIGRATIONS: &[Migration] = migrations![
    "01_oban_powertools_audit_events.sql" => "oban_powertools_audit_events",
    "02_oban_powertools_idempotency_receipts.sql" => "oban_powertools_idempotency_receipts",
    "03_oban_powertools_limit_resources.sql" => "oban_powertools_limit_resources",
    "04_oban_powertools_limit_states.sql" => "oban_powertools_limit_states",
    "05_oban_powertools_cron_entries.sql" => "oban_powertools_cron_entries",
    "06_oban_powertools_cron_slots.sql" => "oban_powertools_cron_slots",
    "07_oban_powertools_blocker_snapshots.sql" => "oban_powertools_blocker_snapshots",
    "08_oban_powertools_limiter_history_facts.sql" => "oban_powertools_limiter_history_facts",
    "09_oban_powertools_cron_coverages.sql" => "oban_powertools_cron_coverages",
    "10_oban_powertools_workflows.sql" => "oban_powertools_workflows",
    "11_oban_powertools_workflow_steps.sql" => "oban_powertools_workflow_steps",
    "12_oban_powertools_workflow_edges.sql" => "oban_powertools_workflow_edges",
    "13_oban_powertools_workflow_results.sql" => "oban_powertools_workflow_results",
    "14_oban_powertools_workflow_semantics.sql" => "oban_powertools_workflow_semantics",
    "15_oban_powertools_workflow_command_attempts.sql" => "oban_powertools_workflow_command_attempts",
    "16_oban_powertools_batches_and_callbacks.sql" => "oban_powertools_batches_and_callbacks",
    "17_oban_powertools_heartbeats.sql" => "oban_powertools_heartbeats",
    "18_oban_powertools_lifeline_incidents.sql" => "oban_powertools_lifeline_incidents",
    "19_oban_powertools_repair_previews.sql" => "oban_powertools_repair_previews",
    "20_oban_powertools_archive_runs.sql" => "oban_powertools_archive_runs",
    "21_oban_powertools_repair_archives.sql" => "oban_powertools_repair_archives",
    "22_oban_powertools_job_records.sql" => "oban_powertools_job_records",
];

/// obanctl's own tables, installed next to the Powertools tables.
pub const OBANCTL_MIGRATIONS: &[Migration] = &[
    Migration {
        name: "obanctl_audit_chain",
        sql: include_str!("../migrations/obanctl/01_audit_chain.sql"),
    },
    Migration {
        name: "obanctl_audit_state",
        sql: include_str!("../migrations/obanctl/02_audit_state.sql"),
    },
];
pub const AUDIT_CHAIN_TABLE: &str = "obanctl_audit_chain";
/// The install marker (see `migrations/obanctl/02_audit_state.sql`).
pub const AUDIT_STATE_TABLE: &str = "obanctl_audit_state";
/// obanctl's own tables, in install order.
pub const OBANCTL_TABLES: &[&str] = &[AUDIT_CHAIN_TABLE, AUDIT_STATE_TABLE];

pub const OBAN_ELIXIR_V14_SQL: &str = include_str!("../migrations/oban/elixir_v14.sql");
pub const OBAN_PYTHON_SQL: &str = include_str!("../migrations/oban/python.sql");
pub const OBAN_CURRENT_VERSION: i64 = 14;

/// Powertools 0.5.x named the callbacks outbox differently; 1.0 renames it (schema.md §2.0.1).
pub const LEGACY_OUTBOX_TABLE: &str = "oban_powertools_workflow_callback_outbox";
pub const CALLBACKS_TABLE: &str = "oban_powertools_callbacks";
/// What the Elixir `oban_powertools_batches_and_callbacks` migration does to an existing outbox.
pub const OUTBOX_UPGRADE_SQL: &str = "ALTER TABLE \"oban_powertools_workflow_callback_outbox\" RENAME TO \"oban_powertools_callbacks\";\n\
ALTER TABLE \"oban_powertools_callbacks\" ADD COLUMN IF NOT EXISTS \"batch_id\" uuid, ALTER COLUMN \"workflow_id\" DROP NOT NULL;";
const MIGRATION_CONTAINING_CALLBACKS: &str = "oban_powertools_batches_and_callbacks";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Statement {
    CreateTable {
        table: String,
        sql: String,
    },
    CreateIndex {
        name: String,
        table: String,
        unique: bool,
        /// Everything after `ON "table"`, e.g. ` ("a", "b")`.
        definition: String,
    },
    /// `ALTER TABLE "table" ADD COLUMN IF NOT EXISTS ...`: upgrades a table an earlier version
    /// created. The catalog state lists no columns, so it runs with its migration: whenever that
    /// migration creates a table in this run (it is idempotent either way).
    AddColumn {
        table: String,
        sql: String,
    },
}

impl Statement {
    /// The statement as it runs inside the install transaction (search_path = target schema).
    pub fn sql(&self) -> String {
        match self {
            Statement::CreateTable { sql, .. } | Statement::AddColumn { sql, .. } => {
                format!("{sql};")
            }
            Statement::CreateIndex { .. } => self.index_sql(false, None),
        }
    }

    /// An index statement, optionally `CONCURRENTLY` and schema-qualified (needed outside a
    /// transaction, where no `search_path` is set).
    pub fn index_sql(&self, concurrently: bool, schema: Option<&str>) -> String {
        let Statement::CreateIndex {
            name,
            table,
            unique,
            definition,
        } = self
        else {
            return self.sql();
        };
        let table = match schema {
            Some(schema) => ident::qualified(schema, table),
            None => ident::quote(table),
        };
        format!(
            "CREATE {}INDEX {}IF NOT EXISTS {} ON {table}{definition};",
            if *unique { "UNIQUE " } else { "" },
            if concurrently { "CONCURRENTLY " } else { "" },
            ident::quote(name),
        )
    }

    pub fn table(&self) -> &str {
        match self {
            Statement::CreateTable { table, .. }
            | Statement::CreateIndex { table, .. }
            | Statement::AddColumn { table, .. } => table,
        }
    }
}

/// Reads `"name"` at the start of `s`, returning the name and the rest.
fn quoted_name(s: &str) -> Option<(&str, &str)> {
    let s = s.strip_prefix('"')?;
    let end = s.find('"')?;
    Some((&s[..end], &s[end + 1..]))
}

fn parse_statement(text: &str) -> Statement {
    if let Some(rest) = text.strip_prefix("ALTER TABLE ") {
        let (table, rest) = quoted_name(rest).expect("table name is quoted");
        assert!(
            rest.starts_with(" ADD COLUMN IF NOT EXISTS "),
            "only ADD COLUMN IF NOT EXISTS upgrades are supported: {text}"
        );
        return Statement::AddColumn {
            table: table.to_string(),
            sql: text.to_string(),
        };
    }
    if let Some(rest) = text.strip_prefix("CREATE TABLE IF NOT EXISTS ") {
        let (table, _) = quoted_name(rest).expect("table name is quoted");
        return Statement::CreateTable {
            table: table.to_string(),
            sql: text.to_string(),
        };
    }
    let (unique, rest) = match text.strip_prefix("CREATE UNIQUE INDEX IF NOT EXISTS ") {
        Some(rest) => (true, rest),
        None => (
            false,
            text.strip_prefix("CREATE INDEX IF NOT EXISTS ")
                .unwrap_or_else(|| panic!("unexpected statement in migrations/: {text}")),
        ),
    };
    let (name, rest) = quoted_name(rest).expect("index name is quoted");
    let rest = rest.strip_prefix(" ON ").expect("index has ON");
    let (table, definition) = quoted_name(rest).expect("index table is quoted");
    Statement::CreateIndex {
        name: name.to_string(),
        table: table.to_string(),
        unique,
        definition: definition.to_string(),
    }
}

/// Splits a migration file into statements (comment lines dropped).
pub fn parse_sql(sql: &str) -> Vec<Statement> {
    let body: String = sql
        .lines()
        .filter(|line| !line.trim_start().starts_with("--"))
        .collect::<Vec<_>>()
        .join("\n");
    body.split(";\n")
        .map(|s| s.trim().trim_end_matches(';').trim())
        .filter(|s| !s.is_empty())
        .map(parse_statement)
        .collect()
}

/// Every Powertools statement with the migration it belongs to, in install order.
pub fn powertools_statements() -> Vec<(&'static str, Statement)> {
    POWERTOOLS_MIGRATIONS
        .iter()
        .flat_map(|m| parse_sql(m.sql).into_iter().map(move |s| (m.name, s)))
        .collect()
}

/// Everything `install` creates: the Powertools statements, then obanctl's own.
pub fn install_statements() -> Vec<(&'static str, Statement)> {
    let mut statements = powertools_statements();
    statements.extend(
        OBANCTL_MIGRATIONS
            .iter()
            .flat_map(|m| parse_sql(m.sql).into_iter().map(move |s| (m.name, s))),
    );
    statements
}

/// The 27 table names, in install order.
pub fn powertools_tables() -> Vec<String> {
    powertools_statements()
        .into_iter()
        .filter_map(|(_, s)| match s {
            Statement::CreateTable { table, .. } => Some(table),
            _ => None,
        })
        .collect()
}

/// The columns a `CREATE TABLE` statement defines: `(name, definition)`, the definition as it
/// follows `ADD COLUMN` (type, default, nullability, inline references). Table constraints
/// (`PRIMARY KEY (...)`, `CONSTRAINT ...`) are not columns.
pub fn column_definitions(create_sql: &str) -> Vec<(String, String)> {
    create_sql
        .lines()
        .map(str::trim)
        .filter(|line| line.starts_with('"'))
        .filter_map(|line| {
            let definition = line.trim_end_matches(',').trim();
            let (name, _) = quoted_name(definition)?;
            Some((name.to_string(), definition.to_string()))
        })
        .collect()
}

/// What the Powertools schema holds now.
#[derive(Debug, Clone, Default)]
pub struct CatalogState {
    pub schema_exists: bool,
    pub tables: BTreeSet<String>,
    pub indexes: BTreeMap<String, IndexInfo>,
    /// The columns of every table in the schema. A table absent here (an older caller that did
    /// not read them) gets no column upgrade.
    pub columns: BTreeMap<String, BTreeSet<String>>,
}

#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub create_schema: bool,
    /// Rename the 0.5.x outbox to `oban_powertools_callbacks` first.
    pub upgrade_outbox: bool,
    /// Tables, and indexes on tables this run creates or renames: one transaction.
    pub in_transaction: Vec<Statement>,
    /// Indexes missing on tables that already existed: built `CONCURRENTLY`, one at a time.
    pub concurrent: Vec<Statement>,
    /// Expected indexes that exist but are INVALID (a failed concurrent build).
    pub invalid_indexes: Vec<String>,
    /// Columns added to tables an older version created, `(table, column)`: in the transaction,
    /// before anything else, as the library's own later migrations add them.
    pub added_columns: Vec<(String, String)>,
    /// Missing indexes on tables that get columns in this run: built `CONCURRENTLY` after the
    /// transaction (they may index a column the transaction adds).
    pub concurrent_after: Vec<Statement>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        !self.create_schema
            && !self.upgrade_outbox
            && self.in_transaction.is_empty()
            && self.concurrent.is_empty()
            && self.concurrent_after.is_empty()
    }

    /// Created tables that belong to the Powertools set (the rest are obanctl's own).
    pub fn created_powertools_tables(&self) -> usize {
        self.created_tables()
            .iter()
            .filter(|t| !OBANCTL_TABLES.contains(t))
            .count()
    }

    pub fn created_tables(&self) -> Vec<&str> {
        self.in_transaction
            .iter()
            .filter_map(|s| match s {
                Statement::CreateTable { table, .. } => Some(table.as_str()),
                _ => None,
            })
            .collect()
    }

    pub fn created_indexes(&self) -> Vec<&str> {
        self.in_transaction
            .iter()
            .chain(&self.concurrent)
            .chain(&self.concurrent_after)
            .filter_map(|s| match s {
                Statement::CreateIndex { name, .. } => Some(name.as_str()),
                _ => None,
            })
            .collect()
    }
}

pub fn plan(state: &CatalogState) -> Plan {
    let mut plan = Plan {
        create_schema: !state.schema_exists,
        upgrade_outbox: state.tables.contains(LEGACY_OUTBOX_TABLE)
            && !state.tables.contains(CALLBACKS_TABLE),
        ..Plan::default()
    };
    // Tables that exist before this run under their final name; their missing indexes must not
    // block writers, so they are built concurrently.
    let preexisting: BTreeSet<&str> = state
        .tables
        .iter()
        .map(String::as_str)
        .filter(|t| !(plan.upgrade_outbox && *t == LEGACY_OUTBOX_TABLE))
        .collect();
    let mut present_after_run = preexisting.clone();
    if plan.upgrade_outbox {
        present_after_run.insert(CALLBACKS_TABLE);
    }
    // Migrations that create a table in this run also run their column upgrades.
    let statements = install_statements();
    let applied: BTreeSet<&str> = statements
        .iter()
        .filter_map(|(migration, s)| match s {
            Statement::CreateTable { table, .. } if !present_after_run.contains(table.as_str()) => {
                Some(*migration)
            }
            _ => None,
        })
        .collect();
    // Tables an older version created: the columns it lacked, one by one.
    let mut upgraded: BTreeSet<String> = BTreeSet::new();
    for (_, statement) in &statements {
        let Statement::CreateTable { table, sql } = statement else {
            continue;
        };
        let renamed = plan.upgrade_outbox && table == CALLBACKS_TABLE;
        if !(preexisting.contains(table.as_str()) || renamed) {
            continue;
        }
        let existing = if plan.upgrade_outbox && table == CALLBACKS_TABLE {
            // The rename adds batch_id itself (OUTBOX_UPGRADE_SQL).
            state.columns.get(LEGACY_OUTBOX_TABLE).map(|c| {
                let mut c = c.clone();
                c.insert("batch_id".to_string());
                c
            })
        } else {
            state.columns.get(table).cloned()
        };
        let Some(existing) = existing else {
            continue;
        };
        for (column, definition) in column_definitions(sql) {
            if !existing.contains(&column) {
                plan.in_transaction.push(Statement::AddColumn {
                    table: table.clone(),
                    sql: format!(
                        "ALTER TABLE {} ADD COLUMN IF NOT EXISTS {definition}",
                        ident::quote(table)
                    ),
                });
                plan.added_columns.push((table.clone(), column));
                upgraded.insert(table.clone());
            }
        }
    }
    for (migration, statement) in statements.iter().cloned() {
        match &statement {
            Statement::CreateTable { table, .. } => {
                if !present_after_run.contains(table.as_str()) {
                    plan.in_transaction.push(statement);
                }
            }
            Statement::AddColumn { .. } => {
                if applied.contains(migration) {
                    plan.in_transaction.push(statement);
                }
            }
            Statement::CreateIndex { name, table, .. } => match state.indexes.get(name) {
                Some(info) if !info.valid => plan.invalid_indexes.push(name.clone()),
                Some(_) => {}
                None if upgraded.contains(table.as_str()) => plan.concurrent_after.push(statement),
                None if preexisting.contains(table.as_str()) => plan.concurrent.push(statement),
                None => plan.in_transaction.push(statement),
            },
        }
    }
    plan
}

/// Statements that make the audit trail append-only: the operator role may read and add events
/// (and chain entries) but never change or remove them; only the retention role may delete (it
/// also adds the `audit.purged` checkpoints). Nobody else keeps write access through PUBLIC.
pub fn harden_sql(schema: &str, operator: &str, retention: &str) -> Vec<String> {
    let tables = format!(
        "{}, {}",
        ident::qualified(schema, "oban_powertools_audit_events"),
        ident::qualified(schema, AUDIT_CHAIN_TABLE)
    );
    let sequence = ident::qualified(schema, "oban_powertools_audit_events_id_seq");
    let state = ident::qualified(schema, AUDIT_STATE_TABLE);
    let (operator, retention) = (ident::quote(operator), ident::quote(retention));
    vec![
        format!("REVOKE ALL ON {tables} FROM PUBLIC"),
        format!("REVOKE UPDATE, DELETE, TRUNCATE ON {tables} FROM {operator}"),
        format!(
            "GRANT USAGE ON SCHEMA {} TO {operator}, {retention}",
            ident::quote(schema)
        ),
        format!("GRANT SELECT, INSERT ON {tables} TO {operator}"),
        format!("GRANT USAGE ON SEQUENCE {sequence} TO {operator}, {retention}"),
        format!("REVOKE UPDATE, TRUNCATE ON {tables} FROM {retention}"),
        format!("GRANT SELECT, INSERT, DELETE ON {tables} TO {retention}"),
        // Every chain append raises the install marker, so both roles update it; neither may
        // delete or truncate it.
        format!("REVOKE ALL ON {state} FROM PUBLIC"),
        format!("REVOKE DELETE, TRUNCATE ON {state} FROM {operator}, {retention}"),
        format!("GRANT SELECT, INSERT, UPDATE ON {state} TO {operator}, {retention}"),
    ]
}

/// Turns `MyApp.MixProject` (from `mix.exs`) into `MyApp.Repo`.
pub fn repo_module_from_mix_exs(mix_exs: &str) -> Option<String> {
    mix_exs.lines().find_map(|line| {
        let rest = line.trim().strip_prefix("defmodule ")?;
        let module = rest.split_whitespace().next()?;
        let app = module.strip_suffix(".MixProject")?;
        Some(format!("{app}.Repo"))
    })
}

pub fn is_elixir_module_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('.').all(|part| {
            part.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

pub const ECTO_MIGRATION_SUFFIX: &str = "_oban_powertools_install.exs";

/// One Ecto migration that executes the same SQL as `install`, for teams whose schema changes go
/// through their deploy pipeline. `schema` is set with `SET LOCAL` unless it is `public`, so by
/// default the tables land where the Elixir library would put them.
pub fn ecto_migration(repo_module: &str, schema: &str) -> String {
    let mut up = Vec::new();
    if schema != "public" {
        up.push(format!(
            "CREATE SCHEMA IF NOT EXISTS {}",
            ident::quote(schema)
        ));
        up.push(format!("SET LOCAL search_path TO {}", ident::quote(schema)));
    }
    for migration in POWERTOOLS_MIGRATIONS.iter().chain(OBANCTL_MIGRATIONS) {
        if migration.name == MIGRATION_CONTAINING_CALLBACKS {
            up.push(format!(
                "DO $$\nBEGIN\n  IF to_regclass('{LEGACY_OUTBOX_TABLE}') IS NOT NULL AND to_regclass('{CALLBACKS_TABLE}') IS NULL THEN\n    {}\n  END IF;\nEND\n$$",
                OUTBOX_UPGRADE_SQL.replace('\n', "\n    ")
            ));
        }
        up.extend(
            parse_sql(migration.sql)
                .iter()
                .map(|s| s.sql().trim_end_matches(';').to_string()),
        );
    }
    let mut down = Vec::new();
    if schema != "public" {
        down.push(format!("SET LOCAL search_path TO {}", ident::quote(schema)));
    }
    down.extend(
        powertools_tables()
            .into_iter()
            .chain(OBANCTL_TABLES.iter().map(|t| t.to_string()))
            .rev()
            .map(|t| format!("DROP TABLE IF EXISTS {}", ident::quote(&t))),
    );
    let render = |statements: &[String]| {
        statements
            .iter()
            .map(|sql| {
                format!(
                    "    execute(~S\"\"\"\n{}\n    \"\"\")\n",
                    indent(sql, "    ")
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "defmodule {repo_module}.Migrations.ObanPowertoolsInstall do\n  \
         # Generated by obanctl {version} (`obanctl install --ecto`). Creates the 27 Oban Powertools\n  \
         # tables with the same SQL as `obanctl install`; every statement is idempotent.\n  \
         use Ecto.Migration\n\n  \
         def up do\n{}  end\n\n  \
         def down do\n{}  end\nend\n",
        render(&up),
        render(&down),
        version = env!("CARGO_PKG_VERSION"),
    )
}

fn indent(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                l.to_string()
            } else {
                format!("{prefix}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn installed() -> CatalogState {
        let mut state = CatalogState {
            schema_exists: true,
            ..Default::default()
        };
        for (_, s) in install_statements() {
            match s {
                Statement::CreateTable { table, .. } => {
                    state.tables.insert(table);
                }
                Statement::CreateIndex { name, table, .. } => {
                    state.indexes.insert(name, IndexInfo { table, valid: true });
                }
                Statement::AddColumn { .. } => {}
            }
        }
        state
    }

    #[test]
    fn migrations_hold_the_27_tables_once_each() {
        let tables = powertools_tables();
        assert_eq!(tables.len(), 27);
        assert_eq!(tables.iter().collect::<BTreeSet<_>>().len(), 27);
        assert!(tables.iter().all(|t| t.starts_with("oban_powertools_")));
        assert!(tables.contains(&CALLBACKS_TABLE.to_string()));
        assert!(!tables.contains(&LEGACY_OUTBOX_TABLE.to_string()));
    }

    #[test]
    fn every_name_fits_postgres_identifier_limit() {
        for (_, s) in powertools_statements() {
            if let Statement::CreateIndex { name, .. } = &s {
                assert!(name.len() <= 63, "{name}");
            }
        }
    }

    #[test]
    fn fresh_schema_creates_everything_in_one_transaction() {
        let plan = plan(&CatalogState::default());
        assert!(plan.create_schema);
        assert_eq!(
            plan.created_tables().len(),
            29,
            "27 Powertools tables, the audit chain and its install marker"
        );
        assert!(plan.concurrent.is_empty());
        // Tables come before their indexes, and parents before children.
        let position = |t: &str| plan.created_tables().iter().position(|x| *x == t).unwrap();
        assert!(position("oban_powertools_workflows") < position("oban_powertools_workflow_steps"));
    }

    #[test]
    fn older_tables_get_their_missing_columns_first_and_their_new_indexes_after() {
        let mut state = installed();
        let batches = "oban_powertools_batches";
        let all: BTreeSet<String> = install_statements()
            .into_iter()
            .find_map(|(_, s)| match s {
                Statement::CreateTable { table, sql } if table == batches => Some(
                    column_definitions(&sql)
                        .into_iter()
                        .map(|(name, _)| name)
                        .collect(),
                ),
                _ => None,
            })
            .unwrap();
        assert!(all.contains("insert_failure") && all.len() == 16, "{all:?}");
        // The phoenix_host example's batches table: six columns and the name index missing.
        let missing = [
            "name",
            "inserted_count",
            "insert_chunk_count",
            "insert_failed_chunk",
            "insert_failure",
            "insert_failed_at",
        ];
        let mut older = all.clone();
        for column in missing {
            older.remove(column);
        }
        state.columns.insert(batches.to_string(), older);
        state.indexes.remove("oban_powertools_batches_name_index");
        let plan = plan(&state);
        let added: Vec<&str> = plan.added_columns.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(added, missing);
        assert!(plan
            .in_transaction
            .iter()
            .all(|s| matches!(s, Statement::AddColumn { .. })));
        assert!(plan.in_transaction[0]
            .sql()
            .starts_with("ALTER TABLE \"oban_powertools_batches\" ADD COLUMN IF NOT EXISTS \"name\" varchar(255)"));
        assert!(plan.concurrent.is_empty());
        assert_eq!(plan.concurrent_after.len(), 1);
        assert_eq!(plan.created_powertools_tables(), 0);
    }

    #[test]
    fn complete_install_plans_nothing() {
        let plan = plan(&installed());
        assert!(plan.is_empty(), "{plan:?}");
    }

    #[test]
    fn an_install_from_before_the_marker_gets_it_and_the_key_id_column() {
        let mut state = installed();
        state.tables.remove(AUDIT_STATE_TABLE);
        let plan = plan(&state);
        assert_eq!(plan.created_tables(), vec![AUDIT_STATE_TABLE]);
        let sql: Vec<String> = plan.in_transaction.iter().map(Statement::sql).collect();
        assert_eq!(sql.len(), 2, "{sql:?}");
        assert_eq!(
            sql[1],
            "ALTER TABLE \"obanctl_audit_chain\" ADD COLUMN IF NOT EXISTS \"key_id\" text;"
        );
        // A fresh install creates the chain, then the marker, then adds the (present) column.
        let fresh = super::plan(&CatalogState::default());
        let position = |needle: &str| {
            fresh
                .in_transaction
                .iter()
                .position(|s| s.sql().contains(needle))
                .unwrap()
        };
        assert!(
            position("CREATE TABLE IF NOT EXISTS \"obanctl_audit_chain\"") < position("ADD COLUMN")
        );
    }

    #[test]
    fn partial_install_is_completed_and_missing_indexes_on_live_tables_go_concurrent() {
        let mut state = installed();
        state.tables.remove("oban_powertools_job_records");
        state
            .indexes
            .retain(|_, info| info.table != "oban_powertools_job_records");
        state
            .indexes
            .remove("oban_powertools_audit_events_action_index");
        state
            .indexes
            .get_mut("oban_powertools_heartbeats_health_state_index")
            .unwrap()
            .valid = false;
        let plan = plan(&state);
        assert_eq!(plan.created_tables(), vec!["oban_powertools_job_records"]);
        assert!(plan
            .in_transaction
            .iter()
            .all(|s| s.table() == "oban_powertools_job_records"));
        assert_eq!(plan.concurrent.len(), 1);
        assert_eq!(
            plan.concurrent[0].index_sql(true, Some("ops")),
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"oban_powertools_audit_events_action_index\" ON \"ops\".\"oban_powertools_audit_events\" (\"action\");"
        );
        assert_eq!(
            plan.invalid_indexes,
            vec!["oban_powertools_heartbeats_health_state_index"]
        );
    }

    #[test]
    fn legacy_outbox_is_renamed_not_duplicated() {
        let mut state = installed();
        state.tables.remove(CALLBACKS_TABLE);
        state.tables.insert(LEGACY_OUTBOX_TABLE.into());
        state
            .indexes
            .remove("oban_powertools_callbacks_batch_id_index");
        let plan = plan(&state);
        assert!(plan.upgrade_outbox);
        assert!(plan.created_tables().is_empty());
        assert_eq!(
            plan.created_indexes(),
            vec!["oban_powertools_callbacks_batch_id_index"]
        );
        assert!(
            plan.concurrent.is_empty(),
            "the renamed table's new index is built in the transaction"
        );
    }

    #[test]
    fn repo_module_comes_from_mix_exs() {
        let mix = "defmodule MyShop.MixProject do\n  use Mix.Project\nend\n";
        assert_eq!(
            repo_module_from_mix_exs(mix).as_deref(),
            Some("MyShop.Repo")
        );
        assert_eq!(repo_module_from_mix_exs("defmodule Foo do"), None);
        assert!(is_elixir_module_name("MyShop.Repo"));
        assert!(!is_elixir_module_name("my_shop.Repo"));
        assert!(!is_elixir_module_name("A.B; rm"));
    }

    #[test]
    fn ecto_migration_wraps_every_statement_without_interpolation() {
        let text = ecto_migration("MyShop.Repo", "public");
        assert!(text.starts_with("defmodule MyShop.Repo.Migrations.ObanPowertoolsInstall do"));
        assert!(!text.contains("SET LOCAL"));
        assert_eq!(
            text.matches("execute(~S\"\"\"").count(),
            // every statement, the outbox upgrade block, and one DROP per table on the way down
            install_statements().len() + 1 + 29
        );
        let in_schema = ecto_migration("MyShop.Repo", "ops");
        assert!(in_schema.contains("SET LOCAL search_path TO \"ops\""));
    }
}
