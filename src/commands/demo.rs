//! `obanctl demo up|tour|down`: a ready-made database to try every command on, either as the
//! schema `obanctl_demo` on a server that is already running or in a private throwaway cluster
//! ([`crate::cluster`]). Every demo made is recorded in a state file, so `demo down` removes all
//! of them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use diesel::sql_types::Text;
use diesel::{QueryableByName, RunQueryDsl};
use serde_json::json;

use crate::audit::{self, AuditEvent, RunContext};
use crate::cli::{DemoCommand, DemoUpArgs};
use crate::cluster::{self, Cluster};
use crate::db::conninfo::ConnInfo;
use crate::db::{catalog, ident, Database};
use crate::demo::{self, Demo, DemoState, Target, SCHEMA};
use crate::error::{CliError, CliResult, ErrorKind, ExitStatus};
use crate::output::Summary;
use crate::printer::Printer;
use crate::report::demo::{
    DemoReady, DemoRemoved, EnvVar, RemovalOutcome, RemovedDemo, TourStepRecord, TourView,
};
use crate::settings::{Setting, Settings, Source, CONFIG_FILE_NAME};

const STATE_FILE: &str = "demo.json";

pub fn run(settings: &Settings, printer: &Printer, command: DemoCommand) -> CliResult<ExitStatus> {
    match command {
        DemoCommand::Up(args) => up(settings, printer, args),
        DemoCommand::Tour => tour(printer),
        DemoCommand::Down => down(settings, printer),
    }
}

/// The obanctl the user ran, as they ran it, for commands to paste.
fn program() -> String {
    demo::program_name(std::env::args_os().next().as_deref())
}

fn demo_home() -> CliResult<PathBuf> {
    demo::home(
        std::env::var_os("OBANCTL_DEMO_DIR")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from),
        cluster::is_root(),
        dirs::data_dir(),
    )
    .ok_or_else(|| CliError::usage("no data directory for this user; set OBANCTL_DEMO_DIR"))
}

fn io_error(what: &str, path: &Path, err: std::io::Error) -> CliError {
    CliError::internal(anyhow::anyhow!("{what} {}: {err}", path.display()))
}

fn read_state(home: &Path) -> CliResult<DemoState> {
    let path = home.join(STATE_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| {
            CliError::internal(anyhow::anyhow!(
                "unreadable demo state {}: {e}",
                path.display()
            ))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(DemoState::default()),
        Err(e) => Err(io_error("cannot read", &path, e)),
    }
}

/// Writes the state, or removes the file (and the demo's directory, if nothing else is in it)
/// when no demo is left.
fn write_state(home: &Path, state: &DemoState) -> CliResult<()> {
    let path = home.join(STATE_FILE);
    if state.demos.is_empty() {
        if path.exists() {
            std::fs::remove_file(&path).map_err(|e| io_error("cannot remove", &path, e))?;
        }
        let _ = std::fs::remove_dir(home);
        return Ok(());
    }
    std::fs::create_dir_all(home).map_err(|e| io_error("cannot create", home, e))?;
    let text = serde_json::to_string_pretty(state).map_err(CliError::internal)?;
    std::fs::write(&path, text).map_err(|e| io_error("cannot write", &path, e))
}

/// The config file the demo profile goes into: the one named with `--config`/`OBANCTL_CONFIG`
/// or found in the user config directory, never a project's `./obanctl.toml` (it may be
/// committed; a profile it lacks is looked up in the user's file).
fn config_path(settings: &Settings) -> CliResult<PathBuf> {
    let project_local = std::env::current_dir()
        .ok()
        .map(|cwd| cwd.join(CONFIG_FILE_NAME));
    match &settings.config_path {
        Some(path) if Some(path) != project_local.as_ref() => Ok(path.clone()),
        _ => dirs::config_dir()
            .map(|d| d.join("obanctl").join(CONFIG_FILE_NAME))
            .ok_or_else(|| CliError::usage("no config directory for this user; pass --config")),
    }
}

fn edit_config(path: &Path, edit: impl Fn(&str) -> Result<String, String>) -> CliResult<()> {
    let current = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(io_error("cannot read", path, e)),
    };
    let updated = edit(&current)
        .map_err(|e| CliError::usage(format!("cannot update {}: {e}", path.display())))?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io_error("cannot create", parent, e))?;
    }
    std::fs::write(path, updated).map_err(|e| io_error("cannot write", path, e))
}

/// Settings pointing at the demo schema over `database_url`.
fn demo_settings(settings: &Settings, database_url: Option<String>) -> Settings {
    let mut s = settings.clone();
    s.database_url = Setting {
        value: database_url,
        source: Source::Flag,
    };
    for setting in [&mut s.prefix, &mut s.powertools_schema] {
        *setting = Setting {
            value: SCHEMA.to_string(),
            source: Source::Flag,
        };
    }
    s
}

fn has_password(url: &str) -> bool {
    ConnInfo::build(Some(url), None).has_password()
}

/// The recorded private cluster (started if it was stopped), else a new one.
fn private_demo(state: &DemoState, home: &Path, printer: &Printer) -> CliResult<Demo> {
    match state.private() {
        Some(cluster) => reuse(cluster, printer),
        None => Cluster::create(home, &|m| printer.status(m))
            .map(Demo::Private)
            .map_err(|err| {
                if err.is(ErrorKind::Unreachable) {
                    err.hint("or point obanctl at a running server with --database-url URL")
                } else {
                    err
                }
            }),
    }
}

fn reuse(cluster: &Cluster, printer: &Printer) -> CliResult<Demo> {
    printer.status("reusing the private demo cluster");
    if cluster.ensure_running()? {
        printer.status("started the stopped demo server");
    }
    Ok(Demo::Private(cluster.clone()))
}

fn up(settings: &Settings, printer: &Printer, args: DemoUpArgs) -> CliResult<ExitStatus> {
    for (flag, setting) in [
        ("--prefix", &settings.prefix),
        ("--powertools-schema", &settings.powertools_schema),
    ] {
        if setting.source != Source::Default && setting.value != SCHEMA {
            return Err(CliError::usage(format!(
                "the demo lives in schema `{SCHEMA}` only and touches no other; drop {flag} `{}`",
                setting.value
            )));
        }
    }
    let program = program();
    let home = demo_home()?;
    let mut state = read_state(&home)?;
    // A URL from the demo's own profile names the current demo, not a new place.
    let given_url = match &settings.database_url.source {
        Source::Libpq => None,
        Source::Profile(name) if name == demo::PROFILE => None,
        _ => settings.database_url.value.as_deref(),
    };
    let target = demo::choose_target(
        &state,
        args.private,
        given_url,
        settings.database_url.source == Source::Flag,
    );
    let demo = match target {
        Target::ReusePrivate(cluster) => reuse(&cluster, printer)?,
        Target::NewPrivate => private_demo(&state, &home, printer)?,
        Target::Server {
            database_url,
            fallback,
        } => match Database::connect(&demo_settings(settings, database_url.clone()), printer) {
            Ok(_) => Demo::Server { database_url },
            Err(err) if fallback && err.is(ErrorKind::Unreachable) => {
                printer.status(err.message().to_string());
                printer.status(format!(
                    "cannot use that server: starting a private throwaway PostgreSQL instead \
                     (`{} demo up --database-url URL` builds the demo on a server you choose)",
                    demo::shell_quote(&program)
                ));
                private_demo(&state, &home, printer)?
            }
            Err(err) if err.is(ErrorKind::Unreachable) => {
                return Err(err.hint(format!(
                    "`{} demo up --private` starts a private throwaway PostgreSQL instead",
                    demo::shell_quote(&program)
                )))
            }
            Err(err) => return Err(err),
        },
    };
    // Recorded before seeding, so that a demo which fails half-way is still removable.
    state.record(demo.clone());
    write_state(&home, &state)?;
    let url = demo.database_url();
    let demo_settings = demo_settings(settings, url.clone());
    let db = Database::connect(&demo_settings, printer)?;
    let operation_id = seed(&db, &demo_settings, printer)?;

    let config = config_path(settings)?;
    edit_config(&config, |text| demo::with_profile(text, url.as_deref()))?;
    if let Source::Env(name) = &settings.database_url.source {
        if settings.database_url.value != url {
            printer.warning(format!(
                "{name} is set and outranks the demo profile's database URL: run the export lines printed on stdout (OBANCTL_DATABASE_URL outranks DATABASE_URL), or unset {name}"
            ));
        }
    }
    let where_ = match &demo {
        Demo::Server { .. } => format!("schema `{SCHEMA}` on the server you pointed at"),
        Demo::Private(cluster) => format!(
            "schema `{SCHEMA}` in a private PostgreSQL cluster in {}",
            cluster.data_dir.display()
        ),
    };
    printer.status(format!(
        "Demo ready: {where_}, with about 20 000 jobs, cron entries, a limiter, a workflow and audit history."
    ));
    printer.status(format!(
        "Profile `{}` written to {}. Next: {} demo tour",
        demo::PROFILE,
        config.display(),
        demo::shell_quote(&program)
    ));
    let withheld = url.as_deref().is_some_and(has_password);
    let ready = DemoReady {
        mode: mode(&demo),
        schema: SCHEMA.to_string(),
        profile: demo::PROFILE.to_string(),
        config_file: config.display().to_string(),
        database_url: url.clone().filter(|_| !withheld),
        data_dir: data_dir(&demo),
        exports: demo::exports(url.as_deref(), withheld)
            .into_iter()
            .map(|(name, value)| EnvVar { name, value })
            .collect(),
        url_withheld: withheld,
    };
    // stdout: lines a shell can evaluate, `eval "$(obanctl demo up)"`.
    printer.emit(&ready)?;
    printer.json(&Summary {
        operation: "demo_up".into(),
        matched: 1,
        changed: 1,
        operation_id: Some(operation_id),
        ..Summary::default()
    })?;
    Ok(ExitStatus::Success)
}

fn mode(demo: &Demo) -> &'static str {
    match demo {
        Demo::Server { .. } => "server",
        Demo::Private(_) => "private",
    }
}

fn data_dir(demo: &Demo) -> Option<String> {
    match demo {
        Demo::Server { .. } => None,
        Demo::Private(cluster) => Some(cluster.data_dir.display().to_string()),
    }
}

/// A server's connection string as safe to print.
fn printable_url(url: &Option<String>) -> Option<String> {
    url.as_ref().map(|u| {
        if has_password(u) {
            ConnInfo::build(Some(u), None).display
        } else {
            u.clone()
        }
    })
}

/// Removes one demo. Unreachable servers are not an error: the demo stays recorded.
fn remove(demo: &Demo, settings: &Settings, printer: &Printer) -> CliResult<RemovalOutcome> {
    match demo {
        Demo::Private(cluster) => {
            if !cluster.data_dir.exists() {
                return Ok(RemovalOutcome::AlreadyGone);
            }
            if let Some(complaint) = cluster.remove()? {
                printer.warning(format!("pg_ctl stop: {complaint}"));
            }
            printer.status(format!(
                "stopped the demo server and deleted {}",
                cluster.data_dir.display()
            ));
            Ok(RemovalOutcome::Deleted)
        }
        Demo::Server { database_url } => {
            match Database::connect(&demo_settings(settings, database_url.clone()), printer) {
                Ok(db) => {
                    if drop_demo_schema(&db)? {
                        printer.status(format!("dropped schema `{SCHEMA}`"));
                        Ok(RemovalOutcome::Dropped)
                    } else {
                        printer.status(format!("schema `{SCHEMA}` was already gone"));
                        Ok(RemovalOutcome::AlreadyGone)
                    }
                }
                Err(err) if err.is(ErrorKind::Unreachable) => {
                    printer.warning(format!(
                        "{}: the demo schema there stays recorded; run `{} demo down` again once the server is reachable",
                        err.message(),
                        demo::shell_quote(&program())
                    ));
                    Ok(RemovalOutcome::Unreachable)
                }
                Err(err) => Err(err),
            }
        }
    }
}

fn down(settings: &Settings, printer: &Printer) -> CliResult<ExitStatus> {
    let home = demo_home()?;
    let state = read_state(&home)?;
    // What `demo up`'s export lines set for the current demo (all of them when none is known).
    let unset: Vec<String> = match state.current() {
        Some(current) => {
            let url = current.database_url();
            let withheld = url.as_deref().is_some_and(has_password);
            demo::exports(url.as_deref(), withheld)
        }
        None => demo::exports(Some(""), false),
    }
    .into_iter()
    .map(|(name, _)| name)
    .collect();
    let mut removed = Vec::new();
    let mut kept = DemoState::default();
    if state.demos.is_empty() {
        // No record of a demo: clean up a demo schema on the configured server, if any.
        match Database::connect(
            &demo_settings(settings, settings.database_url.value.clone()),
            printer,
        ) {
            Ok(db) if drop_demo_schema(&db)? => {
                printer.status(format!("dropped schema `{SCHEMA}`"));
                removed.push(RemovedDemo {
                    mode: "server",
                    database_url: printable_url(&settings.database_url.value),
                    data_dir: None,
                    outcome: RemovalOutcome::Dropped,
                });
            }
            Ok(_) => printer.status("no demo found: nothing to remove"),
            Err(err) if err.is(ErrorKind::Unreachable) => {
                printer.status("no demo found: nothing to remove")
            }
            Err(other) => return Err(other),
        }
    }
    for (i, demo) in state.demos.iter().enumerate() {
        let outcome = match remove(demo, settings, printer) {
            Ok(outcome) => outcome,
            Err(err) => {
                // Keep what is still there recorded, so that the next `demo down` finds it.
                kept.demos.extend(state.demos[i..].iter().cloned());
                write_state(&home, &kept)?;
                return Err(err);
            }
        };
        if outcome == RemovalOutcome::Unreachable {
            kept.demos.push(demo.clone());
        }
        removed.push(RemovedDemo {
            mode: mode(demo),
            database_url: match demo {
                Demo::Server { database_url } => printable_url(database_url),
                Demo::Private(_) => None,
            },
            data_dir: data_dir(demo),
            outcome,
        });
    }
    write_state(&home, &kept)?;
    let config = config_path(settings)?;
    let mut profile_removed = false;
    if config.exists() {
        let before = std::fs::read_to_string(&config).unwrap_or_default();
        edit_config(&config, demo::without_profile)?;
        let after = std::fs::read_to_string(&config).unwrap_or_default();
        profile_removed = before != after;
        if after.trim().is_empty() {
            let _ = std::fs::remove_file(&config);
        }
    }
    let mut skipped = BTreeMap::new();
    for r in &removed {
        if matches!(
            r.outcome,
            RemovalOutcome::AlreadyGone | RemovalOutcome::Unreachable
        ) {
            *skipped.entry(r.outcome.as_str().to_string()).or_insert(0) += 1;
        }
    }
    let status = if kept.demos.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Attention
    };
    let changed = removed
        .iter()
        .filter(|r| matches!(r.outcome, RemovalOutcome::Dropped | RemovalOutcome::Deleted))
        .count() as i64;
    let report = DemoRemoved {
        demos: removed,
        profile_removed,
        config_file: config.display().to_string(),
        unset,
    };
    // stdout: the line that undoes `demo up`'s exports, `eval "$(obanctl demo down)"`.
    printer.emit(&report)?;
    printer.json(&Summary {
        operation: "demo_down".into(),
        matched: report.demos.len() as i64,
        changed,
        skipped,
        exit: status.code(),
        ..Summary::default()
    })?;
    Ok(status)
}

fn tour(printer: &Printer) -> CliResult<ExitStatus> {
    let program = program();
    let steps: Vec<TourStepRecord> = demo::TOUR
        .iter()
        .enumerate()
        .map(|(i, step)| TourStepRecord::new(i + 1, step, &program))
        .collect();
    printer.emit_list(
        &steps,
        &TourView {
            steps: &steps,
            program: &program,
        },
    )?;
    Ok(ExitStatus::Success)
}

#[derive(QueryableByName)]
struct Comment {
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    comment: Option<String>,
}

fn schema_comment(db: &Database) -> CliResult<Option<Option<String>>> {
    db.read(|conn| {
        if !catalog::schema_exists(conn, SCHEMA)? {
            return Ok(None);
        }
        let row: Comment = diesel::sql_query(
            "SELECT obj_description(oid, 'pg_namespace') AS comment FROM pg_namespace WHERE nspname = $1",
        )
        .bind::<Text, _>(SCHEMA)
        .get_result(conn)?;
        Ok(Some(row.comment))
    })
}

/// Drops the demo schema if it is there and is ours. Refuses to touch a schema someone else made.
fn drop_demo_schema(db: &Database) -> CliResult<bool> {
    match schema_comment(db)? {
        None => Ok(false),
        Some(Some(comment)) if comment == demo::SCHEMA_MARKER => {
            db.autocommit(&format!("DROP SCHEMA {} CASCADE", ident::quote(SCHEMA)))?;
            Ok(true)
        }
        Some(_) => Err(CliError::refused_with_hint(
            format!("schema `{SCHEMA}` exists but was not created by `obanctl demo up`; leaving it alone"),
            format!("drop or rename it yourself if it is not needed (DROP SCHEMA {SCHEMA} CASCADE)"),
        )),
    }
}

/// Builds the demo schema fresh; returns the operation id of its audit row.
fn seed(db: &Database, settings: &Settings, printer: &Printer) -> CliResult<String> {
    if drop_demo_schema(db)? {
        printer.status(format!("replaced the previous demo schema `{SCHEMA}`"));
    }
    let ctx = RunContext::new(settings.actor.value.clone(), settings.actor.source.clone());
    db.write(|conn| {
        super::install::create_complete_schema(conn, SCHEMA)?;
        diesel::sql_query(format!(
            "COMMENT ON SCHEMA {} IS {}",
            ident::quote(SCHEMA),
            ident::literal(demo::SCHEMA_MARKER)
        ))
        .execute(conn)?;
        super::install::run_in_schema(conn, SCHEMA, demo::SEED_SQL)?;
        let mut metadata = serde_json::Map::new();
        metadata.insert("schema".into(), json!(SCHEMA));
        metadata.insert("reason".into(), json!("obanctl demo up"));
        audit::record(
            conn,
            SCHEMA,
            &ctx,
            AuditEvent {
                action: "demo.created".into(),
                resource_type: "schema".into(),
                resource_id: SCHEMA.into(),
                metadata,
            },
        )?;
        Ok(())
    })?;
    // Expected to fail: that failure is the planted INVALID index.
    if db.autocommit(&demo::failed_unique_build_sql()).is_ok() {
        printer.warning("the planted failed index build unexpectedly succeeded");
    }
    Ok(ctx.operation_id.to_string())
}
