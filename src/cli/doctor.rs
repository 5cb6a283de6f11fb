//! `obanctl doctor` arguments.

use clap::Args;

pub const DOCTOR_HELP: &str = "\
Every check runs in its own short read-only transaction with --check-timeout as its statement
timeout and a short lock timeout, so one check that cannot run does not spoil the others, and
doctor never waits behind (or blocks) migrations and workers. No check counts oban_jobs without a
bound. A role with SELECT on the tables and catalog access is enough.

When the prefix has no oban_jobs, that is reported once (oban_version) and the checks that read
the table are skipped. The names of `mix oban_powertools.doctor` work as aliases in --only, --skip
and --explain (oban_migration_version, uniqueness_timeout_risk, expired_deadline_jobs).

Exit codes: 0 clean, 1 warnings only, 2 errors (with --fail-on warning: any finding); 64, 69, 70
as for every command. The JSON report's exit_code always equals the process exit code; its schema
is docs/doctor.schema.json.

Examples:
  obanctl doctor
  obanctl doctor --prefix jobs --format json > doctor.json
  obanctl doctor --only missing_indexes,index_validity --fail-on warning
  obanctl doctor --list-checks
  obanctl doctor --explain stuck_executing";

/// The check names (aliases hidden), for completion and man pages.
fn check_names() -> Vec<clap::builder::PossibleValue> {
    crate::doctor::CHECKS
        .iter()
        .map(|c| {
            clap::builder::PossibleValue::new(c.name)
                .help(c.title)
                .aliases(c.aliases.iter().copied())
        })
        .collect()
}

fn check_parser() -> crate::values::Choices<crate::doctor::CheckId> {
    crate::values::Choices::new(parse_check, check_names)
}

fn parse_check(text: &str) -> Result<crate::doctor::CheckId, String> {
    crate::doctor::CheckId::parse(text).ok_or_else(|| {
        format!(
            "unknown check (known: {})",
            crate::doctor::CHECKS
                .iter()
                .map(|c| c.name)
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

fn parse_ratio(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim_end_matches('%')
        .parse()
        .map_err(|_| "expected a fraction such as 0.2 or a percentage such as 20%".to_string())?;
    let value = if text.ends_with('%') {
        value / 100.0
    } else {
        value
    };
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err("must be between 0 and 1 (or 0% and 100%)".into())
    }
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Run only these checks (repeat or comma-separate)
    #[arg(long, value_name = "CHECK", value_delimiter = ',', value_parser = check_parser(), hide_possible_values = true, conflicts_with = "skip")]
    pub only: Vec<crate::doctor::CheckId>,

    /// Skip these checks (repeat or comma-separate)
    #[arg(long, value_name = "CHECK", value_delimiter = ',', value_parser = check_parser(), hide_possible_values = true)]
    pub skip: Vec<crate::doctor::CheckId>,

    /// What makes the run fail with exit 2
    #[arg(long, value_enum, value_name = "LEVEL", default_value = "error")]
    pub fail_on: crate::doctor::FailOn,

    /// Count warnings of uniqueness_backlog and expired_deadlines as errors
    #[arg(long)]
    pub strict: bool,

    /// List the checks with a one-line description, and exit
    #[arg(long, conflicts_with_all = ["explain", "only", "skip"])]
    pub list_checks: bool,

    /// Explain what a check looks at, what it reports and how to fix it, and exit
    #[arg(long, value_name = "CHECK", value_parser = check_parser(), hide_possible_values = true)]
    pub explain: Option<crate::doctor::CheckId>,

    /// Longest each check may run (its statement_timeout)
    #[arg(long, value_name = "DURATION", default_value = "5s", value_parser = crate::values::timeout)]
    pub check_timeout: std::time::Duration,

    #[command(flatten)]
    pub thresholds: DoctorThresholdArgs,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Thresholds")]
pub struct DoctorThresholdArgs {
    /// The Oban migration version the application's Oban expects
    #[arg(long, value_name = "N", default_value_t = crate::install::OBAN_CURRENT_VERSION, value_parser = clap::value_parser!(i64).range(1..))]
    pub oban_version: i64,

    /// Jobs in unique states at which uniqueness_backlog warns
    #[arg(long, value_name = "N", default_value_t = 50_000, value_parser = clap::value_parser!(i64).range(1..))]
    pub backlog_threshold: i64,

    /// Executing longer than this is stuck
    #[arg(long, value_name = "DURATION", default_value = "1h", value_parser = crate::values::age)]
    pub stuck_after: std::time::Duration,

    /// Due (available, or scheduled/retryable not staged) longer than this is overdue
    #[arg(long, value_name = "DURATION", default_value = "5m", value_parser = crate::values::age)]
    pub overdue_after: std::time::Duration,

    /// Dead-tuple share of oban_jobs that warns
    #[arg(long, value_name = "RATIO", default_value = "0.2", value_parser = parse_ratio)]
    pub dead_ratio: f64,

    /// Dead-tuple share of oban_jobs that is an error
    #[arg(long, value_name = "RATIO", default_value = "0.5", value_parser = parse_ratio)]
    pub dead_ratio_error: f64,

    /// Finished jobs older than this count toward completed_backlog
    #[arg(long, value_name = "DURATION", default_value = "1day", value_parser = crate::values::age)]
    pub completed_age: std::time::Duration,

    /// Old finished jobs per state at which completed_backlog warns
    #[arg(long, value_name = "N", default_value_t = 100_000, value_parser = clap::value_parser!(i64).range(1..))]
    pub completed_backlog: i64,

    /// Transactions open longer than this are reported
    #[arg(long, value_name = "DURATION", default_value = "5m", value_parser = crate::values::age)]
    pub long_transaction: std::time::Duration,
}
