//! The exit-code contract and the help texts.

use clap::CommandFactory;
use predicates::prelude::*;

use crate::common::{base_cmd, database_url, TestSchema};

#[test]
fn unknown_flags_are_usage_errors_and_run_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // The URL points nowhere: a usage error must be reported before any connection attempt.
    base_cmd(dir.path())
        .args([
            "--database-url",
            "postgres://u:pw@127.0.0.1:1/x",
            "install",
            "--bogus",
        ])
        .assert()
        .code(64)
        .stderr(predicate::str::contains("--bogus").and(predicate::str::contains("connect").not()));
    base_cmd(dir.path()).assert().code(64);
    base_cmd(dir.path())
        .args(["install", "--ecto-repo", "A.Repo"])
        .assert()
        .code(64);
}

#[test]
fn bad_settings_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    base_cmd(dir.path())
        .args(["--statement-timeout", "soon", "install"])
        .assert()
        .code(64)
        .stderr(predicate::str::contains(
            "invalid statement timeout: `soon` is not a duration",
        ));
    base_cmd(dir.path())
        .args(["--prefix", &"x".repeat(64), "install"])
        .assert()
        .code(64)
        .stderr(predicate::str::contains("63-byte"));
    base_cmd(dir.path())
        .args(["--profile", "prod", "config", "show"])
        .assert()
        .code(64)
        .stderr(predicate::str::contains("no obanctl.toml"));
}

#[test]
fn help_and_version_succeed_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    base_cmd(dir.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Exit codes:")
                .and(predicate::str::contains("77   permission denied")),
        );
    base_cmd(dir.path())
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("obanctl "));
}

#[test]
fn unreachable_database_exits_69_and_never_prints_the_password() {
    let dir = tempfile::tempdir().unwrap();
    base_cmd(dir.path())
        .args([
            "--database-url",
            "postgres://ops:hunter2secret@127.0.0.1:1/app",
            "install",
        ])
        .assert()
        .code(69)
        .stdout("")
        .stderr(
            predicate::str::contains("cannot connect to the database")
                .and(predicate::str::contains("hunter2secret").not()),
        );
}

#[test]
fn failed_authentication_exits_69_without_the_password() {
    let dir = tempfile::tempdir().unwrap();
    let url = database_url();
    let host_part = url.split('@').nth(1).unwrap();
    let bad = format!("postgres://no_such_role_obanctl:pw-s3cret-9@{host_part}");
    base_cmd(dir.path())
        .args(["--database-url", &bad, "-v", "install"])
        .assert()
        .code(69)
        .stderr(
            predicate::str::contains("no_such_role_obanctl")
                .and(predicate::str::contains("pw-s3cret-9").not()),
        );
}

#[test]
fn a_closed_stdout_ends_the_run_quietly() {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("obanctl"))
        .args(["completions", "bash"])
        .env("HOME", dir.path())
        .current_dir(dir.path())
        .stdout(writer)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn permission_denied_exits_77_and_writes_nothing() {
    let schema = TestSchema::new("perm");
    let role = crate::common::unique_name("role");
    schema.sql(&format!("CREATE ROLE {role} LOGIN"));
    let role_url = crate::common::role_url(&role);
    let result = schema
        .cmd()
        .env("DATABASE_URL", &role_url)
        .arg("install")
        .assert();
    schema.sql(&format!("DROP ROLE {role}"));
    result
        .code(77)
        .stderr(predicate::str::contains("permission denied"));
    assert!(schema.tables().is_empty());
}

/// All help texts in one reviewed snapshot, so any change to the CLI surface shows up in review.
#[test]
fn help_texts() {
    fn collect(cmd: &clap::Command, path: &str, out: &mut String) {
        let mut cmd = cmd.clone().term_width(100);
        out.push_str(&format!(
            "===== {path} --help\n{}\n",
            cmd.render_long_help()
        ));
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            collect(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }
    let mut root = obanctl::cli::Cli::command();
    root.build();
    let mut out = String::new();
    collect(&root, "obanctl", &mut out);
    insta::assert_snapshot!("help_texts", out);
}

#[test]
fn bulk_limits_out_of_range_are_usage_errors_naming_the_range() {
    let dir = tempfile::tempdir().unwrap();
    for (flag, value, range) in [
        ("--max", "9223372036854775807", "1..=100000000"),
        ("--max", "0", "1..=100000000"),
        ("--sleep-ms", "18446744073709551615", "0..=60000"),
    ] {
        let out = crate::common::base_cmd(dir.path())
            .args([
                "jobs",
                "retry",
                "--state",
                "discarded",
                "--dry-run",
                flag,
                value,
            ])
            .assert()
            .code(64);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(stderr.contains(range) && stderr.contains(flag), "{stderr}");
    }
}
