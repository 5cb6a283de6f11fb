//! `obanctl install`: create the Powertools tables (and optionally an Oban schema), or write them
//! as an Ecto migration. The planning is in [`crate::install`]; this module reads the catalog,
//! runs the plan and reports.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::sql_types::Text;
use diesel::RunQueryDsl;
use serde_json::json;

use crate::audit::{self, AuditEvent, RunContext};
use crate::cli::{InstallArgs, ObanFlavourArg};
use crate::db::{catalog, ident, Database};
use crate::error::{CliError, CliResult, ExitStatus};
use crate::install::{self, CatalogState, Plan};
use crate::output::Style;
use crate::printer::Printer;
use crate::report::install::{EctoMigration, InstallPlan, InstallResult, ObanSchemaReport};
use crate::settings::Settings;

pub fn run(settings: &Settings, printer: &Printer, args: InstallArgs) -> CliResult<ExitStatus> {
    if let Some(dir) = &args.ecto {
        return write_ecto_migration(settings, printer, dir, args.ecto_repo.as_deref());
    }
    if args.harden {
        return harden(settings, printer, &args);
    }
    let db = Database::connect(settings, printer)?;
    let schema = db.powertools_schema().to_string();

    let (state, existing_oban) = db.read(|conn| {
        let schema_exists = catalog::schema_exists(conn, &schema)?;
        let state = CatalogState {
            schema_exists,
            tables: catalog::table_names(conn, &schema)?,
            indexes: catalog::indexes(conn, &schema)?,
            columns: catalog::table_columns(conn, &schema)?,
        };
        Ok((state, catalog::oban_schema(conn, db.prefix())?))
    })?;

    if args.with_oban.is_some() {
        if let Some(existing) = &existing_oban {
            return Err(CliError::refused_with_hint(
                format!(
                    "schema `{}` already has an Oban schema ({:?} flavour); --with-oban creates one only where none exists",
                    db.prefix(),
                    existing.flavour
                ),
                "drop --with-oban to install only the Powertools tables",
            ));
        }
    }

    let mut plan = install::plan(&state);
    // Installing the Oban schema into the same, missing schema creates it; do not create it twice.
    if args.with_oban.is_some() && db.prefix() == schema {
        plan.create_schema = false;
    }
    let oban_sql = args
        .with_oban
        .map(|flavour| oban_install_sql(flavour, db.prefix()));

    if plan.is_empty() && oban_sql.is_none() {
        return report_nothing_to_do(printer, &schema, &plan);
    }
    if args.dry_run {
        return print_dry_run(printer, &schema, &plan, oban_sql.as_deref(), db.prefix());
    }

    // Indexes on live tables first, one at a time and without a transaction (PostgreSQL's rule for
    // CONCURRENTLY), so that a failure here leaves nothing else half-installed.
    for statement in &plan.concurrent {
        let sql = statement.index_sql(true, Some(&schema));
        printer.status(format!("building index concurrently: {sql}"));
        db.autocommit(&sql)?;
    }

    let ctx = RunContext::new(settings.actor.value.clone(), settings.actor.source.clone());
    let audit_id = db.write(|conn| {
        if let Some(sql) = &oban_sql {
            run_in_schema(conn, db.prefix(), sql)?;
        }
        if plan.create_schema {
            conn.batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {}", ident::quote(&schema)))?;
        }
        let mut script = String::new();
        if plan.upgrade_outbox {
            script.push_str(install::OUTBOX_UPGRADE_SQL);
            script.push('\n');
        }
        for statement in &plan.in_transaction {
            script.push_str(&statement.sql());
            script.push('\n');
        }
        run_in_schema(conn, &schema, &script)?;
        let mut metadata = serde_json::Map::new();
        metadata.insert(
            "added_columns".into(),
            json!(plan
                .added_columns
                .iter()
                .map(|(t, c)| format!("{t}.{c}"))
                .collect::<Vec<_>>()),
        );
        metadata.insert("schema".into(), json!(schema));
        metadata.insert("created_schema".into(), json!(plan.create_schema));
        metadata.insert("created_tables".into(), json!(plan.created_tables()));
        metadata.insert("created_indexes".into(), json!(plan.created_indexes()));
        metadata.insert("upgraded_outbox".into(), json!(plan.upgrade_outbox));
        if let Some(flavour) = args.with_oban {
            metadata.insert(
                "oban_schema".into(),
                json!({ "prefix": db.prefix(), "flavour": flavour_name(flavour), "version": install::OBAN_CURRENT_VERSION }),
            );
        }
        audit::record(
            conn,
            &schema,
            &ctx,
            AuditEvent {
                action: "powertools.installed".into(),
                resource_type: "schema".into(),
                resource_id: schema.clone(),
                metadata,
            },
        )
    })?;

    // Indexes on tables this run upgraded may cover the columns it added: only now can they be
    // built (concurrently, one at a time, as above).
    for statement in &plan.concurrent_after {
        let sql = statement.index_sql(true, Some(&schema));
        printer.status(format!("building index concurrently: {sql}"));
        db.autocommit(&sql)?;
    }

    report_done(
        printer,
        &schema,
        &plan,
        args.with_oban,
        db.prefix(),
        audit_id,
    )
}

/// `table.column` for each column the plan adds.
fn added_columns(plan: &Plan) -> Vec<String> {
    plan.added_columns
        .iter()
        .map(|(t, c)| format!("{t}.{c}"))
        .collect()
}

fn owned(names: Vec<&str>) -> Vec<String> {
    names.into_iter().map(str::to_string).collect()
}

fn flavour_name(flavour: ObanFlavourArg) -> &'static str {
    match flavour {
        ObanFlavourArg::Elixir => "elixir",
        ObanFlavourArg::Python => "python",
    }
}

/// The Oban DDL for `prefix`, including the schema and, for Elixir, the version comment.
fn oban_install_sql(flavour: ObanFlavourArg, prefix: &str) -> String {
    let mut sql = format!("CREATE SCHEMA IF NOT EXISTS {};\n", ident::quote(prefix));
    match flavour {
        ObanFlavourArg::Elixir => {
            sql.push_str(install::OBAN_ELIXIR_V14_SQL);
            sql.push_str(&format!(
                "\nCOMMENT ON TABLE {} IS {};\n",
                ident::qualified(prefix, "oban_jobs"),
                ident::literal(&install::OBAN_CURRENT_VERSION.to_string())
            ));
        }
        ObanFlavourArg::Python => sql.push_str(install::OBAN_PYTHON_SQL),
    }
    sql
}

/// Fills a new `schema` with an Oban v14 schema, every Powertools table and obanctl's audit chain,
/// in the caller's transaction (the demo is built this way).
pub fn create_complete_schema(conn: &mut PgConnection, schema: &str) -> CliResult<()> {
    run_in_schema(
        conn,
        schema,
        &oban_install_sql(ObanFlavourArg::Elixir, schema),
    )?;
    let plan = install::plan(&CatalogState {
        schema_exists: true,
        ..Default::default()
    });
    let script: String = plan
        .in_transaction
        .iter()
        .map(|statement| statement.sql() + "\n")
        .collect();
    run_in_schema(conn, schema, &script)
}

/// Runs DDL whose names are unqualified with `search_path` narrowed, for this transaction only,
/// to the one schema the objects belong in.
pub fn run_in_schema(conn: &mut PgConnection, schema: &str, sql: &str) -> CliResult<()> {
    if sql.trim().is_empty() {
        return Ok(());
    }
    // CREATE SCHEMA first: set_config accepts a missing schema, but DDL would then land nowhere.
    conn.batch_execute(&format!(
        "CREATE SCHEMA IF NOT EXISTS {}",
        ident::quote(schema)
    ))?;
    diesel::sql_query("SELECT set_config('search_path', $1, true)")
        .bind::<Text, _>(ident::quote(schema))
        .execute(conn)?;
    conn.batch_execute(sql)?;
    Ok(())
}

fn report_nothing_to_do(printer: &Printer, schema: &str, plan: &Plan) -> CliResult<ExitStatus> {
    let status = report_invalid_indexes(printer, schema, plan);
    let tables = install::powertools_tables().len();
    if printer.is_json() {
        printer.json(&InstallResult {
            schema: schema.to_string(),
            changed: false,
            tables,
            created_schema: false,
            created_tables: Vec::new(),
            created_indexes: Vec::new(),
            upgraded_outbox: false,
            added_columns: Vec::new(),
            invalid_indexes: plan.invalid_indexes.clone(),
            oban_schema: None,
            audit_id: None,
        })?;
    } else {
        printer.line(format!(
            "Oban Powertools is already installed in schema `{schema}` (all {tables} Powertools tables, and obanctl's audit tables); nothing to do."
        ))?;
    }
    Ok(status)
}

fn report_invalid_indexes(printer: &Printer, schema: &str, plan: &Plan) -> ExitStatus {
    for name in &plan.invalid_indexes {
        printer.warning(format!(
            "index {} is INVALID (a failed concurrent build); fix with: REINDEX INDEX CONCURRENTLY {};",
            name,
            ident::qualified(schema, name)
        ));
    }
    if plan.invalid_indexes.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Attention
    }
}

fn print_dry_run(
    printer: &Printer,
    schema: &str,
    plan: &Plan,
    oban_sql: Option<&str>,
    prefix: &str,
) -> CliResult<ExitStatus> {
    let concurrent: Vec<String> = plan
        .concurrent
        .iter()
        .map(|s| s.index_sql(true, Some(schema)))
        .collect();
    let concurrent_after: Vec<String> = plan
        .concurrent_after
        .iter()
        .map(|s| s.index_sql(true, Some(schema)))
        .collect();
    let mut transaction = Vec::new();
    if plan.create_schema {
        transaction.push(format!(
            "CREATE SCHEMA IF NOT EXISTS {};",
            ident::quote(schema)
        ));
    }
    if plan.upgrade_outbox {
        transaction.push(install::OUTBOX_UPGRADE_SQL.to_string());
    }
    transaction.extend(plan.in_transaction.iter().map(|s| s.sql()));
    if printer.is_json() {
        printer.json(&InstallPlan {
            schema: schema.to_string(),
            dry_run: true,
            oban_sql: oban_sql.map(str::to_string),
            concurrent,
            transaction,
            concurrent_after,
            added_columns: added_columns(plan),
            created_tables: owned(plan.created_tables()),
            created_indexes: owned(plan.created_indexes()),
        })?;
    } else {
        let mut out = String::from("-- obanctl install --dry-run: nothing has been changed.\n");
        if !concurrent.is_empty() {
            out.push_str("-- First, outside any transaction, on tables that already exist:\n");
            for sql in &concurrent {
                out.push_str(sql);
                out.push('\n');
            }
        }
        out.push_str("BEGIN;\n");
        if let Some(sql) = oban_sql {
            out.push_str(&format!(
                "SET LOCAL search_path TO {};\n",
                ident::quote(prefix)
            ));
            out.push_str(sql.trim_end());
            out.push('\n');
        }
        out.push_str(&format!(
            "SET LOCAL search_path TO {};\n",
            ident::quote(schema)
        ));
        for sql in &transaction {
            out.push_str(sql);
            out.push('\n');
        }
        out.push_str("-- plus one audit row (action powertools.installed)\nCOMMIT;");
        if !concurrent_after.is_empty() {
            out.push_str(
                "\n-- Then, outside any transaction, on the tables that got new columns:\n",
            );
            out.push_str(&concurrent_after.join("\n"));
        }
        printer.text_block(&out)?;
    }
    Ok(ExitStatus::Success)
}

fn report_done(
    printer: &Printer,
    schema: &str,
    plan: &Plan,
    with_oban: Option<ObanFlavourArg>,
    prefix: &str,
    audit_id: i64,
) -> CliResult<ExitStatus> {
    let status = report_invalid_indexes(printer, schema, plan);
    if printer.is_json() {
        printer.json(&InstallResult {
            schema: schema.to_string(),
            changed: true,
            tables: install::powertools_tables().len(),
            created_schema: plan.create_schema,
            created_tables: owned(plan.created_tables()),
            created_indexes: owned(plan.created_indexes()),
            upgraded_outbox: plan.upgrade_outbox,
            added_columns: added_columns(plan),
            invalid_indexes: plan.invalid_indexes.clone(),
            oban_schema: with_oban.map(|f| ObanSchemaReport {
                prefix: prefix.to_string(),
                flavour: flavour_name(f),
                version: install::OBAN_CURRENT_VERSION,
            }),
            audit_id: Some(audit_id),
        })?;
        return Ok(status);
    }
    if let Some(flavour) = with_oban {
        printer.line(format!(
            "Created an Oban v{} schema ({} flavour) in `{prefix}`.",
            install::OBAN_CURRENT_VERSION,
            flavour_name(flavour)
        ))?;
    }
    if plan.upgrade_outbox {
        printer.line(format!(
            "Renamed {} to {} (Powertools 0.5.x upgrade).",
            install::LEGACY_OUTBOX_TABLE,
            install::CALLBACKS_TABLE
        ))?;
    }
    if !plan.added_columns.is_empty() {
        let tables: BTreeSet<&str> = plan.added_columns.iter().map(|(t, _)| t.as_str()).collect();
        printer.line(format!(
            "Upgraded {} older table(s): added {} column(s) ({}).",
            tables.len(),
            plan.added_columns.len(),
            plan.added_columns
                .iter()
                .map(|(t, c)| format!("{t}.{c}"))
                .collect::<Vec<_>>()
                .join(", ")
        ))?;
    }
    // Counted as the docs count them: the 27 Powertools tables, obanctl's own apart.
    let powertools = plan.created_powertools_tables();
    let own = plan.created_tables().len() - powertools;
    let total = install::powertools_tables().len();
    let powertools = match powertools {
        n if n == total => format!("the {total} Powertools tables"),
        1 => format!("1 of the {total} Powertools tables"),
        n => format!("{n} of the {total} Powertools tables"),
    };
    printer.line(format!(
        "{} {powertools}{} and {} indexes in schema `{schema}`{}.",
        printer.paint_out("Created", Style::Good),
        match own {
            0 => String::new(),
            1 => ", obanctl's audit table".to_string(),
            n => format!(", obanctl's {n} audit tables"),
        },
        plan.created_indexes().len(),
        if plan.create_schema {
            " (schema created)"
        } else {
            ""
        },
    ))?;
    for table in plan.created_tables() {
        printer.verbose(format!("created table {table}"));
    }
    for index in plan.created_indexes() {
        printer.verbose(format!("created index {index}"));
    }
    printer.status(format!(
        "Recorded in the audit log as event {audit_id} (powertools.installed)."
    ));
    Ok(status)
}

/// Finds the Phoenix app's `mix.exs` at or above `dir`.
fn find_mix_exs(dir: &Path) -> Option<PathBuf> {
    let start = dir.canonicalize().ok()?;
    start
        .ancestors()
        .map(|d| d.join("mix.exs"))
        .find(|p| p.is_file())
}

fn write_ecto_migration(
    settings: &Settings,
    printer: &Printer,
    dir: &Path,
    repo: Option<&str>,
) -> CliResult<ExitStatus> {
    if !dir.is_dir() {
        return Err(CliError::usage(format!(
            "--ecto directory {} does not exist (expected something like priv/repo/migrations)",
            dir.display()
        )));
    }
    let repo = match repo {
        Some(repo) => repo.to_string(),
        None => find_mix_exs(dir)
            .and_then(|path| std::fs::read_to_string(path).ok())
            .and_then(|text| install::repo_module_from_mix_exs(&text))
            .ok_or_else(|| CliError::usage("cannot find the app's mix.exs above the --ecto directory; pass --ecto-repo MyApp.Repo"))?,
    };
    if !install::is_elixir_module_name(&repo) {
        return Err(CliError::usage(format!(
            "`{repo}` is not an Elixir module name (e.g. MyApp.Repo)"
        )));
    }
    let existing = std::fs::read_dir(dir)
        .map_err(|e| CliError::usage(format!("cannot read {}: {e}", dir.display())))?
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .find(|name| name.ends_with(install::ECTO_MIGRATION_SUFFIX));
    if let Some(existing) = existing {
        return Err(CliError::refused_with_hint(
            format!("{} already holds an obanctl install migration: {existing}", dir.display()),
            "a second copy would fail at `mix ecto.migrate`; delete the old file first if you mean to regenerate it",
        ));
    }
    let timestamp = chrono::Utc::now().format("%Y%m%d%H%M%S");
    let path = dir.join(format!("{timestamp}{}", install::ECTO_MIGRATION_SUFFIX));
    let contents = install::ecto_migration(&repo, &settings.powertools_schema.value);
    std::fs::write(&path, contents)
        .map_err(|e| CliError::internal(anyhow::anyhow!("cannot write {}: {e}", path.display())))?;
    if printer.is_json() {
        printer.json(&EctoMigration {
            ecto_migration: path.display().to_string(),
            repo: repo.clone(),
            schema: settings.powertools_schema.value.clone(),
        })?;
    } else {
        printer.line(path.display().to_string())?;
        printer.status(format!(
            "Wrote an Ecto migration for {repo}; the database was not touched. Run `mix ecto.migrate` to apply it."
        ));
    }
    Ok(ExitStatus::Success)
}

fn harden(settings: &Settings, printer: &Printer, args: &InstallArgs) -> CliResult<ExitStatus> {
    for role in [&args.operator_role, &args.retention_role] {
        crate::settings::validate_identifier("role", role)?;
    }
    let schema = &settings.powertools_schema.value;
    let statements = install::harden_sql(schema, &args.operator_role, &args.retention_role);
    if !args.apply {
        for sql in &statements {
            printer.line(format!("{sql};"))?;
        }
        printer.status("Not applied; run again with --apply (as the tables' owner) to apply.");
        return Ok(ExitStatus::Success);
    }
    let db = Database::connect(settings, printer)?;
    let ctx = RunContext::new(settings.actor.value.clone(), settings.actor.source.clone());
    let audit_id = db.write(|conn| {
        crate::audit::require_chain(conn, schema)?;
        for role in [&args.operator_role, &args.retention_role] {
            if !catalog::role_exists(conn, role)? {
                return Err(CliError::refused_with_hint(
                    format!("role `{role}` does not exist"),
                    format!(
                        "create it first, e.g. CREATE ROLE {} LOGIN",
                        ident::quote(role)
                    ),
                ));
            }
        }
        for sql in &statements {
            conn.batch_execute(sql)?;
        }
        let mut metadata = serde_json::Map::new();
        metadata.insert("operator_role".into(), json!(args.operator_role));
        metadata.insert("retention_role".into(), json!(args.retention_role));
        metadata.insert("statements".into(), json!(statements));
        audit::record(
            conn,
            schema,
            &ctx,
            AuditEvent {
                action: "powertools.hardened".into(),
                resource_type: "schema".into(),
                resource_id: schema.clone(),
                metadata,
            },
        )
    })?;
    printer.line(format!(
        "Audit tables in `{schema}` hardened: {} may read and append, {} may also delete.",
        args.operator_role, args.retention_role
    ))?;
    printer.status(format!(
        "Recorded in the audit log as event {audit_id} (powertools.hardened)."
    ));
    Ok(ExitStatus::Success)
}
