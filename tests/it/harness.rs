//! The test harness itself: with `DATABASE_URL` unreachable the tests run on a private throwaway
//! cluster that is gone once they end; with no server binaries either, one line says what to
//! install. Each case runs this test binary again, filtered to [`probe`], as a child.

use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crate::common::{processes_mentioning, TestSchema};

/// Set in the child, so the cases below never start themselves again.
const CHILD: &str = "OBANCTL_TEST_HARNESS_CHILD";
const CLOSED_PORT: &str = "postgres://postgres@127.0.0.1:1/postgres";

fn run_probe(env: &[(&str, &std::path::Path)]) -> Output {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args(["harness::probe", "--exact", "--test-threads", "1"])
        .env("DATABASE_URL", CLOSED_PORT)
        .env_remove("OBANCTL_TEST_CLI_URL")
        .env(CHILD, "1");
    for (name, value) in env {
        cmd.env(name, value);
    }
    cmd.output().unwrap()
}

/// What the children run (on its own, one more small test): a schema, an install, a command.
#[test]
fn probe() {
    let schema = TestSchema::with_oban("probe");
    schema.cmd().args(["jobs", "count"]).assert().success();
}

#[test]
fn an_unreachable_database_gets_a_private_cluster_that_is_gone_when_the_tests_end() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    let base = tempfile::tempdir().unwrap();
    // Like /tmp: a root-run cluster's server user must reach and delete its own directory.
    std::fs::set_permissions(base.path(), std::fs::Permissions::from_mode(0o1777)).unwrap();
    let output = run_probe(&[("OBANCTL_TEST_CLUSTER_DIR", base.path())]);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "{stdout}\n{stderr}"
    );
    assert!(
        stderr.contains("is unreachable") && stderr.contains("using a private PostgreSQL"),
        "{stderr}"
    );
    // The watchdog stops the server and deletes its directory once the child has exited.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let running = processes_mentioning(base.path());
        let left: Vec<_> = std::fs::read_dir(base.path()).unwrap().flatten().collect();
        if running.is_empty() && left.is_empty() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "still there after the tests ended: {running:?} {left:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn with_no_server_binaries_either_one_line_says_what_to_install() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    let empty = tempfile::tempdir().unwrap();
    let output = run_probe(&[("OBANCTL_PG_BIN", empty.path())]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("tests need PostgreSQL") && stderr.contains("apt install postgresql"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}
