//! `obanctl doctor`: runs each check in its own bounded read-only transaction, then prints one
//! report (people or JSON) whose exit code CI can gate on.

use std::time::{Duration, Instant};

use diesel::pg::PgConnection;
use serde::Serialize;
use serde_json::json;

use crate::cli::DoctorArgs;
use crate::db::catalog::{MigrationVersion, ObanSchema};
use crate::db::doctor::{self as facts, ServerInfo};
use crate::db::Database;
use crate::doctor::judge;
use crate::doctor::{
    apply_strict, exit_code, sort_findings, status_of, CheckId, FailOn, Finding, Severity, Status,
    Thresholds, Verdict, CHECKS, JSON_SCHEMA_VERSION,
};
use crate::error::{CliError, CliResult, ErrorKind, ExitStatus};
use crate::output::{Doc, Line, Style, Table};
use crate::printer::Printer;
use crate::settings::{Settings, Source};

/// A check waits at most this long for a lock unless --lock-timeout says otherwise: doctor must
/// never queue behind a migration (and make workers queue behind itself).
const CHECK_LOCK_TIMEOUT: Duration = Duration::from_millis(500);

#[derive(Debug, Serialize)]
struct CheckReport {
    id: CheckId,
    status: Status,
    duration_ms: u64,
    summary: String,
    findings: usize,
}

/// A doctor run that could not start (no connection, no permission), as its own document.
#[derive(Serialize)]
#[serde(transparent)]
struct FatalReport(serde_json::Value);

impl crate::output::Record for FatalReport {
    const KIND: &'static str = "doctor_report";
}

impl crate::output::Record for Report {
    const KIND: &'static str = "doctor_report";
}

#[derive(Debug, Serialize)]
struct Report {
    schema_version: u32,
    tool_version: &'static str,
    prefix: String,
    prefix_source: String,
    powertools_schema: String,
    oban_flavour: Option<crate::db::catalog::ObanFlavour>,
    oban_db_version: Option<i64>,
    oban_expected_version: i64,
    /// The same two values under the Elixir doctor's key names.
    oban_version_db: Option<i64>,
    oban_version_installed: i64,
    exit_code: u8,
    database: Option<ServerInfo>,
    fail_on: FailOn,
    strict: bool,
    thresholds: Thresholds,
    duration_ms: u64,
    checks: Vec<CheckReport>,
    findings: Vec<Finding>,
}

pub fn run(settings: &Settings, printer: &Printer, args: DoctorArgs) -> CliResult<ExitStatus> {
    if args.list_checks {
        return list_checks(printer);
    }
    if let Some(check) = args.explain {
        return explain(printer, check);
    }
    match diagnose(settings, printer, &args) {
        Ok(status) => Ok(status),
        Err(err) => {
            if printer.is_json() {
                // CI parses stdout: a fatal error is a JSON document too, with the process's code.
                let code = err.exit_code_number();
                printer.json(&FatalReport(json!({
                    "schema_version": JSON_SCHEMA_VERSION,
                    "tool_version": env!("CARGO_PKG_VERSION"),
                    "prefix": settings.prefix.value,
                    "exit_code": code,
                    "error": { "kind": err.machine_code(), "message": err.message(), "hint": err.hints().first() },
                    "findings": [],
                })))?;
            }
            Err(err)
        }
    }
}

/// One check of the catalogue (`--list-checks`, `--explain`).
#[derive(Debug, Serialize)]
struct CheckRecord {
    id: &'static str,
    aliases: &'static [&'static str],
    /// What the check looks for, as a condition (not a verdict: nothing was checked).
    title: &'static str,
    needs_oban_jobs: bool,
    /// What it reads, what each severity means and how to fix it.
    explain: &'static str,
}

impl crate::output::Record for CheckRecord {
    const KIND: &'static str = "check";
}

impl CheckRecord {
    fn of(info: &crate::doctor::CheckInfo) -> CheckRecord {
        CheckRecord {
            id: info.name,
            aliases: info.aliases,
            title: info.title,
            needs_oban_jobs: info.needs_oban_jobs,
            explain: info.explain,
        }
    }
}

fn list_checks(printer: &Printer) -> CliResult<ExitStatus> {
    let records: Vec<CheckRecord> = CHECKS.iter().map(CheckRecord::of).collect();
    let mut table = Table::with_headers(&["check", "looks for"]);
    for check in &records {
        table.text_row([check.id, check.title]);
    }
    printer.emit_list(&records, &Doc::new().table(table))?;
    Ok(ExitStatus::Success)
}

fn explain(printer: &Printer, check: CheckId) -> CliResult<ExitStatus> {
    let record = CheckRecord::of(check.info());
    let aliases = if record.aliases.is_empty() {
        String::new()
    } else {
        format!(" (also: {})", record.aliases.join(", "))
    };
    // Opens with what the check looks at, never with a sentence that could pass for a result:
    // nothing was run.
    let mut doc = Doc::new()
        .line(
            Line::new()
                .styled(record.id, Style::Bold)
                .push(format!("{aliases}: what it checks")),
        )
        .line(format!("Looks for: {}.", record.title))
        .blank();
    for line in record.explain.lines() {
        doc = doc.line(line.to_string());
    }
    doc = doc
        .blank()
        .line(format!("Run it: obanctl doctor --only {}", record.id));
    printer.emit_with(&record, &doc)?;
    Ok(ExitStatus::Success)
}

fn thresholds(args: &DoctorArgs) -> Thresholds {
    let t = &args.thresholds;
    Thresholds {
        oban_version: t.oban_version,
        backlog: t.backlog_threshold,
        stuck_after_secs: t.stuck_after.as_secs(),
        overdue_after_secs: t.overdue_after.as_secs(),
        dead_ratio: t.dead_ratio,
        dead_ratio_error: t.dead_ratio_error,
        completed_age_secs: t.completed_age.as_secs(),
        completed_backlog: t.completed_backlog,
        long_transaction_secs: t.long_transaction.as_secs(),
    }
}

struct Outcome {
    id: CheckId,
    status: Status,
    duration: Duration,
    summary: String,
    findings: Vec<Finding>,
}

/// Runs checks, each in its own transaction, so one that cannot run spoils nothing else.
struct Runner<'a> {
    db: &'a Database,
    statement_timeout: Duration,
    lock_timeout: Duration,
}

impl Runner<'_> {
    fn run(
        &self,
        id: CheckId,
        check: impl FnOnce(&mut PgConnection) -> CliResult<Verdict>,
    ) -> Outcome {
        let started = Instant::now();
        let result = self
            .db
            .read_bounded(self.statement_timeout, self.lock_timeout, check);
        let duration = started.elapsed();
        match result {
            Ok(verdict) => concluded(id, duration, verdict),
            Err(err) => cannot_run(id, duration, &err),
        }
    }
}

/// A check that ran to the end: its status follows its findings, unless it does not apply here.
fn concluded(id: CheckId, duration: Duration, verdict: Verdict) -> Outcome {
    Outcome {
        id,
        status: if verdict.not_applicable {
            Status::Skipped
        } else {
            status_of(&verdict.findings)
        },
        duration,
        summary: verdict.summary,
        findings: verdict.findings,
    }
}

fn cannot_run(id: CheckId, duration: Duration, err: &CliError) -> Outcome {
    let hint = match (err.kind(), err.machine_code()) {
        (ErrorKind::PermissionDenied, _) => {
            "grant the role SELECT on the Oban and Powertools tables (doctor needs nothing else)"
        }
        (_, "lock_timeout") => {
            "another session holds a conflicting lock on the table (see blocked_locks); run doctor again, or raise --lock-timeout"
        }
        (ErrorKind::Refused, _) => {
            "the check ran longer than --check-timeout; raise it, or run doctor off-peak"
        }
        _ => "check the database connection and the role's privileges",
    };
    let message = format!("{} could not run: {err}", id.name());
    Outcome {
        id,
        status: Status::CannotRun,
        duration,
        summary: message.clone(),
        findings: vec![Finding::new(id, Severity::Error, "CHECK_CANNOT_RUN", message).hint(hint)],
    }
}

fn skipped(id: CheckId, reason: &str) -> Outcome {
    Outcome {
        id,
        status: Status::Skipped,
        duration: Duration::ZERO,
        summary: reason.to_string(),
        findings: Vec::new(),
    }
}

fn diagnose(settings: &Settings, printer: &Printer, args: &DoctorArgs) -> CliResult<ExitStatus> {
    let started = Instant::now();
    let db = Database::connect(settings, printer)?;
    let prefix = db.prefix().to_string();
    let powertools_schema = db.powertools_schema().to_string();
    let thresholds = thresholds(args);
    let lock_timeout = if settings.lock_timeout.source == Source::Default {
        CHECK_LOCK_TIMEOUT
    } else {
        settings.lock_timeout.value
    };
    let runner = Runner {
        db: &db,
        statement_timeout: args.check_timeout,
        lock_timeout,
    };
    let selected =
        |id: CheckId| (args.only.is_empty() || args.only.contains(&id)) && !args.skip.contains(&id);

    // The facts every check depends on, read once: who we talk to and what the prefix holds.
    let (server, version_facts) =
        runner
            .db
            .read_bounded(args.check_timeout, lock_timeout, |conn| {
                Ok((facts::server_info(conn)?, facts::version(conn, &prefix)?))
            })?;
    let oban: Option<ObanSchema> = version_facts.oban.clone();
    let no_oban_jobs = format!("no oban_jobs in schema `{prefix}` (see oban_version)");

    let mut outcomes = Vec::new();
    for id in CheckId::all().filter(|id| selected(*id)) {
        if id.info().needs_oban_jobs && oban.is_none() {
            outcomes.push(skipped(id, &no_oban_jobs));
            continue;
        }
        printer.verbose(format!("running {}", id.name()));
        let flavour = oban
            .as_ref()
            .map(|o| o.flavour)
            .unwrap_or(crate::db::catalog::ObanFlavour::Elixir);
        let (prefix, pt, t, server) = (&prefix, &powertools_schema, &thresholds, &server);
        let outcome = match id {
            // Judged from the facts read up front: nothing more to query.
            CheckId::ObanVersion => concluded(
                id,
                Duration::ZERO,
                judge::oban_version(prefix, &version_facts, t.oban_version),
            ),
            CheckId::IndexValidity => runner.run(id, |c| {
                Ok(judge::index_validity(&facts::indexes(
                    c, prefix, pt, false,
                )?))
            }),
            CheckId::MissingIndexes => runner.run(id, |c| {
                Ok(match facts::missing_indexes(c, prefix, pt)? {
                    Some(f) => judge::missing_indexes(&f),
                    None => Verdict::not_applicable(no_oban_jobs.clone()),
                })
            }),
            CheckId::PowertoolsTables => runner.run(id, |c| {
                Ok(judge::powertools_tables(&facts::powertools(c, pt)?))
            }),
            CheckId::UniquenessBacklog => runner.run(id, |c| {
                Ok(judge::uniqueness_backlog(
                    &facts::backlog(c, prefix, t.backlog, flavour)?,
                    t.backlog,
                ))
            }),
            CheckId::ExpiredDeadlines => runner.run(id, |c| {
                Ok(judge::expired_deadlines(&facts::deadlines(
                    c,
                    prefix,
                    server.server_version_num,
                )?))
            }),
            CheckId::StuckExecuting => runner.run(id, |c| {
                Ok(judge::stuck_executing(
                    &facts::stuck(c, prefix, pt, t.stuck_after_secs)?,
                    t.stuck_after_secs,
                ))
            }),
            CheckId::OverdueAvailable => runner.run(id, |c| {
                Ok(judge::overdue_available(
                    &facts::overdue(c, prefix, t.overdue_after_secs, flavour)?,
                    t.overdue_after_secs,
                ))
            }),
            CheckId::TableBloat => runner.run(id, |c| {
                Ok(judge::table_bloat(
                    prefix,
                    &facts::bloat(c, prefix)?,
                    t.dead_ratio,
                    t.dead_ratio_error,
                ))
            }),
            CheckId::CompletedBacklog => runner.run(id, |c| {
                Ok(judge::completed_backlog(
                    &facts::completed(c, prefix, t.completed_age_secs, t.completed_backlog)?,
                    t.completed_age_secs,
                    t.completed_backlog,
                ))
            }),
            CheckId::LongTransactions => runner.run(id, |c| {
                Ok(judge::long_transactions(
                    &facts::long_transactions(c, t.long_transaction_secs)?,
                    t.long_transaction_secs,
                ))
            }),
            CheckId::BlockedLocks => runner.run(id, |c| {
                Ok(judge::blocked_locks(&facts::blocked(c, prefix)?))
            }),
            CheckId::Leadership => runner.run(id, |c| {
                Ok(judge::leadership(&facts::leadership(c, prefix, flavour)?))
            }),
        };
        outcomes.push(outcome);
    }

    if args.strict {
        for outcome in &mut outcomes {
            apply_strict(&mut outcome.findings);
            if outcome.status == Status::Warning {
                outcome.status = status_of(&outcome.findings);
            }
        }
    }
    let mut findings: Vec<Finding> = outcomes
        .iter()
        .flat_map(|o| o.findings.iter().cloned())
        .collect();
    let context = pasteable_context(settings);
    for finding in &mut findings {
        if let Some(hint) = &finding.remediation {
            finding.remediation = Some(pasteable(hint, &context));
        }
    }
    sort_findings(&mut findings);
    let code = exit_code(&findings, args.fail_on);
    let db_version = oban.as_ref().and_then(|o| match o.version {
        MigrationVersion::Number(n) => Some(n),
        _ => None,
    });
    let report = Report {
        schema_version: JSON_SCHEMA_VERSION,
        tool_version: env!("CARGO_PKG_VERSION"),
        prefix: prefix.clone(),
        prefix_source: settings.prefix.source.to_string(),
        powertools_schema: powertools_schema.clone(),
        oban_flavour: oban.as_ref().map(|o| o.flavour),
        oban_db_version: db_version,
        oban_expected_version: thresholds.oban_version,
        oban_version_db: db_version,
        oban_version_installed: thresholds.oban_version,
        exit_code: code,
        database: Some(server),
        fail_on: args.fail_on,
        strict: args.strict,
        thresholds,
        duration_ms: started.elapsed().as_millis() as u64,
        checks: outcomes
            .iter()
            .map(|o| CheckReport {
                id: o.id,
                status: o.status,
                duration_ms: o.duration.as_millis() as u64,
                summary: o.summary.clone(),
                findings: o.findings.len(),
            })
            .collect(),
        findings,
    };
    if printer.is_json() {
        printer.json(&report)?;
    } else {
        print_human(printer, settings, &report)?;
    }
    Ok(match code {
        0 => ExitStatus::Success,
        1 => ExitStatus::Attention,
        _ => ExitStatus::Failed,
    })
}

/// The global options a pasted `obanctl ...` hint needs to act on the same database objects as
/// this run: the profile in use, and a prefix or Powertools schema given as a flag (from the
/// environment or a profile they apply again by themselves). Never the database URL: it may
/// carry a password.
fn pasteable_context(settings: &Settings) -> String {
    let mut flags = Vec::new();
    if let Some(profile) = &settings.profile {
        flags.push(format!("--profile {}", shell_word(profile)));
    }
    if settings.prefix.source == Source::Flag {
        flags.push(format!("--prefix {}", shell_word(&settings.prefix.value)));
    }
    if settings.powertools_schema.source == Source::Flag {
        flags.push(format!(
            "--powertools-schema {}",
            shell_word(&settings.powertools_schema.value)
        ));
    }
    flags.join(" ")
}

/// A word as a POSIX shell reads it back (quoted unless plainly safe).
fn shell_word(text: &str) -> String {
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:@".contains(c))
    {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// `hint` with `context` inserted after every `obanctl ` that starts a command line in it, and
/// without duplicating a flag the hint already carries (`--powertools-schema`).
fn pasteable(hint: &str, context: &str) -> String {
    if context.is_empty() {
        return hint.to_string();
    }
    let mut out = String::with_capacity(hint.len() + context.len());
    let mut rest = hint;
    while let Some(at) = rest.find("obanctl ") {
        let starts_word = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        out.push_str(&rest[..at + "obanctl ".len()]);
        rest = &rest[at + "obanctl ".len()..];
        if starts_word {
            let command_end = rest.find(['\'', ')', ';']).unwrap_or(rest.len());
            let command = &rest[..command_end];
            let flags: Vec<&str> = context
                .split(" --")
                .map(|f| f.trim_start_matches("--"))
                .filter(|f| {
                    let name = f.split(' ').next().unwrap_or_default();
                    !command.contains(&format!("--{name} "))
                })
                .collect();
            if !flags.is_empty() {
                out.push_str(&format!("--{} ", flags.join(" --")));
            }
        }
    }
    out.push_str(rest);
    out
}

fn status_style(status: Status) -> Style {
    match status {
        Status::Ok => Style::Good,
        Status::Warning => Style::Warn,
        Status::Error | Status::CannotRun => Style::Bad,
        Status::Skipped => Style::Dim,
    }
}

fn print_human(printer: &Printer, settings: &Settings, report: &Report) -> CliResult<()> {
    let mut out = Vec::new();
    out.push(printer.paint_out(
        &format!("Oban Powertools Doctor (obanctl {})", report.tool_version),
        Style::Bold,
    ));
    if let Some(db) = &report.database {
        out.push(format!(
            "PostgreSQL {}{}, database {} as {}; prefix {} ({}), Powertools schema {} ({})",
            db.server_version,
            if db.in_recovery {
                " (replica: statistics may lag)"
            } else {
                ""
            },
            db.name,
            db.user,
            report.prefix,
            report.prefix_source,
            report.powertools_schema,
            settings.powertools_schema.source,
        ));
    }
    let t = &report.thresholds;
    let secs = |s: u64| judge::age(s as f64);
    out.push(format!(
        "Thresholds: Oban v{}, backlog {}, stuck after {}, overdue after {}, dead tuples {:.0}%/{:.0}%, completed older than {} ≥ {}, transactions over {}",
        t.oban_version,
        t.backlog,
        secs(t.stuck_after_secs),
        secs(t.overdue_after_secs),
        t.dead_ratio * 100.0,
        t.dead_ratio_error * 100.0,
        secs(t.completed_age_secs),
        t.completed_backlog,
        secs(t.long_transaction_secs),
    ));
    out.push(String::new());
    let width = report
        .checks
        .iter()
        .map(|c| c.id.name().len())
        .max()
        .unwrap_or(0);
    for check in &report.checks {
        let label = format!("{:<10}", check.status.label());
        let time = if check.status == Status::Skipped {
            String::new()
        } else {
            format!(" ({} ms)", check.duration_ms)
        };
        out.push(format!(
            "  {} {:<width$}  {}{}",
            printer.paint_out(&label, status_style(check.status)),
            check.id.name(),
            check.summary,
            printer.paint_out(&time, Style::Dim),
        ));
    }
    out.push(String::new());
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = report.findings.len() - errors;
    let status = match (errors, warnings) {
        (0, 0) => printer.paint_out("Status: OK — no issues found", Style::Good),
        (0, w) => printer.paint_out(&format!("Status: {w} warning(s)"), Style::Warn),
        (e, w) => printer.paint_out(&format!("Status: {e} error(s), {w} warning(s)"), Style::Bad),
    };
    out.push(status);
    for (severity, heading, label, style) in [
        (Severity::Error, "ERRORS", "[ERROR]", Style::Bad),
        (Severity::Warning, "WARNINGS", "[WARNING]", Style::Warn),
    ] {
        let section: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .collect();
        if section.is_empty() {
            continue;
        }
        out.push(String::new());
        out.push(printer.paint_out(heading, style));
        for finding in section {
            out.push(format!(
                "  {} {}: {}",
                printer.paint_out(label, style),
                finding.check.name(),
                finding.message
            ));
            if let Some(hint) = &finding.remediation {
                out.push(format!("    Hint: {hint}"));
            }
            if let Some(sql) = &finding.remediation_sql {
                out.push("    Fix:".to_string());
                out.extend(sql.lines().map(|l| format!("      {l}")));
            }
        }
    }
    printer.lines(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_get_the_profile_and_flags_in_use() {
        let context = "--profile prod --powertools-schema pt";
        assert_eq!(
            pasteable(
                "to stop them now: obanctl jobs cancel --id 1,2 --reason 'worker node is gone'",
                context
            ),
            "to stop them now: obanctl --profile prod --powertools-schema pt jobs cancel --id 1,2 --reason 'worker node is gone'"
        );
        // A flag the command already has is not repeated; `obanctl_audit_chain` is no command.
        assert_eq!(
            pasteable(
                "create it: obanctl install --powertools-schema pt (see obanctl_audit_chain)",
                context
            ),
            "create it: obanctl --profile prod install --powertools-schema pt (see obanctl_audit_chain)"
        );
        assert_eq!(pasteable("drop it", context), "drop it");
        assert_eq!(pasteable("obanctl doctor", ""), "obanctl doctor");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
    }
}
