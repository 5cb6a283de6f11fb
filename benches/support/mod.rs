//! What the benchmarks share: the database, running obanctl, and timing a run.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_obanctl");

pub fn database_url() -> String {
    std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A connection for the benchmark's own fixtures and measurements.
pub fn connect() -> diesel::PgConnection {
    use diesel::Connection;
    diesel::PgConnection::establish(&database_url())
        .expect("benchmarks need PostgreSQL at DATABASE_URL")
}

/// Creates the Powertools tables in `schema` with obanctl itself, and an Oban v14 schema there too
/// when `with_oban`.
pub fn install(schema: &str, with_oban: bool) {
    let mut cmd = obanctl(schema);
    cmd.args(["install", "-q"]);
    if with_oban {
        cmd.arg("--with-oban");
    }
    assert!(cmd.status().unwrap().success(), "obanctl install failed");
}

/// obanctl pointed at `schema` (as prefix and Powertools schema), with a statement timeout that
/// fits benchmark sizes.
pub fn obanctl(schema: &str) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env("DATABASE_URL", database_url())
        .env("OBANCTL_PREFIX", schema)
        .env("OBANCTL_POWERTOOLS_SCHEMA", schema)
        .env("OBANCTL_ACTOR", "bench")
        .env("OBANCTL_STATEMENT_TIMEOUT", "10m")
        .env("NO_COLOR", "1");
    cmd
}

/// Runs the command, returning its wall time and peak resident memory in kB (VmHWM, polled from
/// /proc while it runs). Panics with obanctl's stderr if it fails.
#[allow(dead_code)] // the top benchmark times the gatherer in process, not a command
pub fn timed(mut cmd: Command) -> (Duration, u64) {
    let started = Instant::now();
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status_path) {
            if let Some(kb) = text
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
            {
                peak_kb = peak_kb.max(kb);
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            let elapsed = started.elapsed();
            if !status.success() {
                let mut err = String::new();
                child
                    .stderr
                    .take()
                    .unwrap()
                    .read_to_string(&mut err)
                    .unwrap();
                panic!("obanctl failed ({status}): {err}");
            }
            return (elapsed, peak_kb);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Median and worst of a set of timings, in milliseconds.
#[allow(dead_code)] // each benchmark compiles this module; not all of them report medians
pub fn median_ms(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    (
        times[times.len() / 2].as_secs_f64() * 1000.0,
        times.last().unwrap().as_secs_f64() * 1000.0,
    )
}
