//! `obanctl demo up|tour|down`: a ready-made database to try every command on, either as the
//! schema `obanctl_demo` on a server that is already running or in a private throwaway cluster.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use diesel::sql_types::Text;
use diesel::{QueryableByName, RunQueryDsl};
use serde_json::json;

use crate::audit::{self, AuditEvent, RunContext};
use crate::cli::{DemoCommand, DemoUpArgs};
use crate::db::{catalog, ident, Database};
use crate::demo::{self, DemoState, SCHEMA};
use crate::error::{CliError, CliResult, ErrorKind, ExitStatus};
use crate::output::Style;
use crate::printer::Printer;
use crate::settings::{Setting, Settings, Source};

const STATE_FILE: &str = "demo.json";
const CLUSTER_DIR: &str = "cluster";

pub fn run(settings: &Settings, printer: &Printer, command: DemoCommand) -> CliResult<ExitStatus> {
    match command {
        DemoCommand::Up(args) => up(settings, printer, args),
        DemoCommand::Tour => tour(printer),
        DemoCommand::Down => down(settings, printer),
    }
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn demo_home() -> CliResult<PathBuf> {
    demo::home(
        std::env::var_os("OBANCTL_DEMO_DIR")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from),
        is_root(),
        dirs::data_dir(),
    )
    .ok_or_else(|| CliError::usage("no data directory for this user; set OBANCTL_DEMO_DIR"))
}

fn io_error(what: &str, path: &Path, err: std::io::Error) -> CliError {
    CliError::internal(anyhow::anyhow!("{what} {}: {err}", path.display()))
}

fn read_state(home: &Path) -> CliResult<Option<DemoState>> {
    let path = home.join(STATE_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text).map(Some).map_err(|e| {
            CliError::internal(anyhow::anyhow!(
                "unreadable demo state {}: {e}",
                path.display()
            ))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error("cannot read", &path, e)),
    }
}

/// The config file the demo profile goes into: the one in effect, else the user's.
fn config_path(settings: &Settings) -> CliResult<PathBuf> {
    settings
        .config_path
        .clone()
        .or_else(|| dirs::config_dir().map(|d| d.join("obanctl").join("obanctl.toml")))
        .ok_or_else(|| CliError::usage("no config directory for this user; pass --config"))
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
    let home = demo_home()?;
    let state = match read_state(&home)? {
        Some(state @ DemoState::Private { .. }) => {
            printer.status("reusing the private demo cluster");
            ensure_running(&state, printer)?;
            state
        }
        Some(DemoState::Server { .. }) | None => {
            if args.private {
                start_private_cluster(&home, printer)?
            } else {
                match Database::connect(settings, printer) {
                    Ok(_) => DemoState::Server {
                        database_url: settings.database_url.value.clone(),
                    },
                    Err(err) if err.is(ErrorKind::Unreachable) => {
                        printer.status(err.message().to_string());
                        printer.status(
                            "no server reachable: starting a private throwaway PostgreSQL instead",
                        );
                        start_private_cluster(&home, printer)?
                    }
                    Err(other) => return Err(other),
                }
            }
        }
    };
    write_state(&home, &state)?;
    let demo = demo_settings(settings, state.database_url());
    let db = Database::connect(&demo, printer)?;
    seed(&db, &demo, printer)?;

    let config = config_path(settings)?;
    edit_config(&config, |text| {
        demo::with_profile(text, state.database_url().as_deref())
    })?;
    if let (DemoState::Private { .. }, Source::Env(name)) = (&state, &settings.database_url.source)
    {
        printer.warning(format!(
            "{name} is set and outranks the demo profile's database URL: run the export lines printed on stdout (OBANCTL_DATABASE_URL outranks DATABASE_URL), or unset {name}"
        ));
    }
    let url = state.database_url();
    let where_ = match &state {
        DemoState::Server { .. } => format!("schema `{SCHEMA}` on the server you pointed at"),
        DemoState::Private { data_dir, .. } => format!(
            "schema `{SCHEMA}` in a private PostgreSQL cluster in {}",
            data_dir.display()
        ),
    };
    printer.status(format!(
        "{} {where_}, with about 20 000 jobs, cron entries, a limiter, a workflow and audit history.\n\
         Profile `{}` written to {}. Next: obanctl demo tour",
        "Demo ready:",
        demo::PROFILE,
        config.display()
    ));
    // stdout: lines a shell can evaluate, `eval "$(obanctl demo up)"`.
    if printer.is_json() {
        printer.legacy_json(&json!({
            "state": state,
            "schema": SCHEMA,
            "profile": demo::PROFILE,
            "config_file": config,
        }))?;
    } else {
        let mut lines = vec![format!("export OBANCTL_PROFILE={}", demo::PROFILE)];
        match url {
            Some(url) if !has_password(&url) => {
                lines.push(format!("export OBANCTL_DATABASE_URL='{url}'"))
            }
            Some(_) => lines.push(
                "# the database URL has a password: it is in the profile, not printed here".into(),
            ),
            None => {}
        }
        lines.push(format!(
            "export OBANCTL_PREFIX={SCHEMA} OBANCTL_POWERTOOLS_SCHEMA={SCHEMA}"
        ));
        printer.lines(&lines)?;
    }
    Ok(ExitStatus::Success)
}

fn has_password(url: &str) -> bool {
    crate::db::conninfo::ConnInfo::build(Some(url), None).has_password()
}

fn write_state(home: &Path, state: &DemoState) -> CliResult<()> {
    std::fs::create_dir_all(home).map_err(|e| io_error("cannot create", home, e))?;
    let path = home.join(STATE_FILE);
    let text = serde_json::to_string_pretty(state).map_err(CliError::internal)?;
    std::fs::write(&path, text).map_err(|e| io_error("cannot write", &path, e))
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

fn seed(db: &Database, settings: &Settings, printer: &Printer) -> CliResult<()> {
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
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The private cluster

struct SystemUser {
    name: String,
    uid: u32,
    gid: u32,
}

/// The unprivileged user a root-run cluster belongs to: `postgres` if it exists, else `nobody`.
fn service_user() -> CliResult<SystemUser> {
    let passwd = std::fs::read_to_string("/etc/passwd")
        .map_err(|e| io_error("cannot read", Path::new("/etc/passwd"), e))?;
    for wanted in ["postgres", "nobody"] {
        for line in passwd.lines() {
            let fields: Vec<&str> = line.split(':').collect();
            if fields.len() >= 4 && fields[0] == wanted {
                if let (Ok(uid), Ok(gid)) = (fields[2].parse(), fields[3].parse()) {
                    return Ok(SystemUser {
                        name: wanted.to_string(),
                        uid,
                        gid,
                    });
                }
            }
        }
    }
    Err(CliError::refused(
        "running as root, and there is no `postgres` or `nobody` user to run the demo server as",
    ))
}

fn user_named(name: &str) -> CliResult<SystemUser> {
    let user = service_user()?;
    if user.name == name {
        return Ok(user);
    }
    Err(CliError::refused(format!(
        "the demo cluster's user `{name}` no longer exists"
    )))
}

fn find_bin_dir() -> CliResult<PathBuf> {
    let override_dir = std::env::var_os("OBANCTL_PG_BIN")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let candidates = demo::bin_dir_candidates(override_dir, std::env::var_os("PATH").as_deref());
    candidates
        .into_iter()
        .find(|dir| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file())
        .ok_or_else(|| {
            CliError::unreachable(format!(
                "no PostgreSQL server is reachable and no initdb/pg_ctl to start a private one: {}",
                demo::INSTALL_HINT
            ))
        })
}

fn tool(bin_dir: &Path, name: &str, run_as: Option<&SystemUser>) -> Command {
    let mut cmd = Command::new(bin_dir.join(name));
    // The child must not inherit libpq settings meant for some other server.
    for var in [
        "PGDATA",
        "PGHOST",
        "PGPORT",
        "PGUSER",
        "PGDATABASE",
        "PGPASSWORD",
    ] {
        cmd.env_remove(var);
    }
    if let Some(user) = run_as {
        cmd.uid(user.uid).gid(user.gid);
    }
    cmd
}

fn run_tool(mut cmd: Command, what: &str, log: Option<&Path>) -> CliResult<()> {
    let output = cmd
        .output()
        .map_err(|e| CliError::internal(anyhow::anyhow!("cannot run {what}: {e}")))?;
    if output.status.success() {
        return Ok(());
    }
    let mut detail = String::from_utf8_lossy(&output.stderr).trim().to_string();
    if let Some(log) = log {
        if let Ok(text) = std::fs::read_to_string(log) {
            let tail: Vec<&str> = text.lines().rev().take(8).collect();
            detail.push_str("\nserver log:\n");
            detail.push_str(&tail.into_iter().rev().collect::<Vec<_>>().join("\n"));
        }
    }
    Err(CliError::internal(anyhow::anyhow!(
        "{what} failed: {detail}"
    )))
}

fn free_port() -> CliResult<u16> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| CliError::internal(anyhow::anyhow!("cannot find a free port: {e}")))
}

fn start_private_cluster(home: &Path, printer: &Printer) -> CliResult<DemoState> {
    let bin_dir = find_bin_dir()?;
    let run_as = if is_root() {
        Some(service_user()?)
    } else {
        None
    };
    let data_dir = home.join(CLUSTER_DIR);
    std::fs::create_dir_all(home).map_err(|e| io_error("cannot create", home, e))?;
    if run_as.is_some() {
        // The server user must be able to reach its data directory.
        std::fs::set_permissions(home, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| io_error("cannot set permissions on", home, e))?;
    }
    if data_dir.exists() {
        std::fs::remove_dir_all(&data_dir).map_err(|e| io_error("cannot remove", &data_dir, e))?;
    }
    std::fs::create_dir(&data_dir).map_err(|e| io_error("cannot create", &data_dir, e))?;
    std::fs::set_permissions(&data_dir, std::fs::Permissions::from_mode(0o700))
        .map_err(|e| io_error("cannot set permissions on", &data_dir, e))?;
    if let Some(user) = &run_as {
        std::os::unix::fs::chown(&data_dir, Some(user.uid), Some(user.gid))
            .map_err(|e| io_error("cannot hand over", &data_dir, e))?;
    }
    printer.status(format!(
        "initializing a throwaway cluster in {} (binaries from {}{})",
        data_dir.display(),
        bin_dir.display(),
        run_as
            .as_ref()
            .map(|u| format!(", server runs as `{}`", u.name))
            .unwrap_or_default()
    ));
    let mut initdb = tool(&bin_dir, "initdb", run_as.as_ref());
    initdb.arg("-D").arg(&data_dir).args([
        "-U",
        demo::CLUSTER_USER,
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--no-locale",
        "--no-sync",
    ]);
    run_tool(initdb, "initdb", None)?;
    let port = free_port()?;
    let socket_dir = demo::socket_dir(&data_dir, port);
    // Unix socket only, readable by this user alone; durability does not matter for a demo.
    let conf = format!(
        "\n# obanctl demo\nlisten_addresses = ''\nport = {port}\nunix_socket_directories = '{}'\n\
         unix_socket_permissions = 0700\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n",
        socket_dir.display().to_string().replace('\'', "''")
    );
    let conf_path = data_dir.join("postgresql.conf");
    let mut text =
        std::fs::read_to_string(&conf_path).map_err(|e| io_error("cannot read", &conf_path, e))?;
    text.push_str(&conf);
    std::fs::write(&conf_path, text).map_err(|e| io_error("cannot write", &conf_path, e))?;
    let state = DemoState::Private {
        data_dir,
        bin_dir,
        socket_dir,
        port,
        run_as: run_as.map(|u| u.name),
    };
    pg_ctl_start(&state)?;
    Ok(state)
}

fn pg_ctl(state: &DemoState) -> CliResult<Option<(Command, PathBuf)>> {
    let DemoState::Private {
        data_dir,
        bin_dir,
        run_as,
        ..
    } = state
    else {
        return Ok(None);
    };
    let user = run_as.as_deref().map(user_named).transpose()?;
    let mut cmd = tool(bin_dir, "pg_ctl", user.as_ref());
    cmd.arg("-D").arg(data_dir);
    Ok(Some((cmd, data_dir.clone())))
}

fn pg_ctl_start(state: &DemoState) -> CliResult<()> {
    if let Some((mut cmd, data_dir)) = pg_ctl(state)? {
        let log = data_dir.join("server.log");
        cmd.arg("-l").arg(&log).args(["-w", "-t", "60", "start"]);
        run_tool(cmd, "starting the demo server", Some(&log))?;
    }
    Ok(())
}

fn ensure_running(state: &DemoState, printer: &Printer) -> CliResult<()> {
    if let Some((mut status, _)) = pg_ctl(state)? {
        status.arg("status");
        let running = status.output().map(|o| o.status.success()).unwrap_or(false);
        if !running {
            printer.status("starting the stopped demo server");
            pg_ctl_start(state)?;
        }
    }
    Ok(())
}

fn down(settings: &Settings, printer: &Printer) -> CliResult<ExitStatus> {
    let home = demo_home()?;
    let state = read_state(&home)?;
    match &state {
        Some(DemoState::Private { data_dir, .. }) => {
            if let Some((mut stop, _)) = pg_ctl(state.as_ref().unwrap())? {
                stop.args(["-m", "fast", "-w", "stop"]);
                // A server that is already stopped is fine; anything else is reported.
                let output = stop.output();
                if let Ok(output) = output {
                    let stderr = String::from_utf8_lossy(&output.stderr);
                    if !output.status.success()
                        && !stderr.contains("not running")
                        && data_dir.exists()
                    {
                        printer.warning(format!("pg_ctl stop: {}", stderr.trim()));
                    }
                }
            }
            if data_dir.exists() {
                std::fs::remove_dir_all(data_dir)
                    .map_err(|e| io_error("cannot remove", data_dir, e))?;
            }
            printer.status(format!(
                "stopped the demo server and deleted {}",
                data_dir.display()
            ));
        }
        Some(DemoState::Server { database_url }) => {
            let db = Database::connect(&demo_settings(settings, database_url.clone()), printer)?;
            if drop_demo_schema(&db)? {
                printer.status(format!("dropped schema `{SCHEMA}`"));
            } else {
                printer.status(format!("schema `{SCHEMA}` was already gone"));
            }
        }
        None => {
            // No record of a demo: clean up a demo schema on the configured server, if any.
            match Database::connect(
                &demo_settings(settings, settings.database_url.value.clone()),
                printer,
            ) {
                Ok(db) => {
                    if drop_demo_schema(&db)? {
                        printer.status(format!("dropped schema `{SCHEMA}`"));
                    } else {
                        printer.status("no demo found: nothing to remove");
                    }
                }
                Err(err) if err.is(ErrorKind::Unreachable) => {
                    printer.status("no demo found: nothing to remove")
                }
                Err(other) => return Err(other),
            }
        }
    }
    let state_file = home.join(STATE_FILE);
    if state_file.exists() {
        std::fs::remove_file(&state_file).map_err(|e| io_error("cannot remove", &state_file, e))?;
    }
    // Remove the demo's directory if nothing else is in it.
    let _ = std::fs::remove_dir(&home);
    let config = config_path(settings)?;
    if config.exists() {
        edit_config(&config, demo::without_profile)?;
        if std::fs::read_to_string(&config).is_ok_and(|t| t.trim().is_empty()) {
            let _ = std::fs::remove_file(&config);
        }
    }
    Ok(ExitStatus::Success)
}

fn tour(printer: &Printer) -> CliResult<ExitStatus> {
    if printer.is_json() {
        for step in demo::TOUR {
            printer.legacy_json(&json!({
                "what": step.what,
                "command": step.command_line(),
                "argv": step.argv(),
                "exit_code": step.exit_code,
            }))?;
        }
        return Ok(ExitStatus::Success);
    }
    let mut out = vec![
        "# A tour of obanctl on the demo (run `obanctl demo up` first). Each command runs as printed."
            .to_string(),
    ];
    for (n, step) in demo::TOUR.iter().enumerate() {
        out.push(String::new());
        out.push(printer.paint_out(&format!("# {}. {}", n + 1, step.what), Style::Dim));
        out.push(step.command_line());
    }
    out.push(String::new());
    out.push(printer.paint_out(
        "# When you are done: obanctl demo down (removes the schema or the private cluster)",
        Style::Dim,
    ));
    printer.lines(&out)?;
    Ok(ExitStatus::Success)
}
