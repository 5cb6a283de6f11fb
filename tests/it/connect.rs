//! Connecting with no database URL: the server's socket is looked for in the usual directories
//! (the bundled libpq alone only knows `/tmp`), `PGHOST`/`PGPORT` are honoured, and a failure
//! says how to pass a URL.

use std::path::PathBuf;

use predicates::prelude::PredicateBooleanExt;

use obanctl::db::socket::{is_socket, SOCKET_DIRS};

use crate::common::base_cmd;

/// The directory of this machine's server socket for port 5432, if it has one in a usual place.
fn standard_socket_dir() -> Option<PathBuf> {
    SOCKET_DIRS
        .iter()
        .map(PathBuf::from)
        .find(|dir| is_socket(&dir.join(".s.PGSQL.5432")))
}

#[test]
fn without_a_url_the_server_socket_in_the_distribution_directory_is_used() {
    let Some(dir) = standard_socket_dir() else {
        eprintln!("skipped: no PostgreSQL socket for port 5432 in {SOCKET_DIRS:?}");
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let output = base_cmd(home.path())
        .env("PGUSER", "postgres")
        .env("PGDATABASE", "postgres")
        .args(["-v", "doctor", "--only", "long_transactions"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("host='{}'", dir.display())),
        "{stderr}"
    );
    // Connected, or at least reached the server (a role may need a password or peer auth).
    assert!(
        matches!(output.status.code(), Some(0..=2))
            || stderr.contains(&format!("{}/.s.PGSQL.5432", dir.display())),
        "{stderr}"
    );
    assert!(!stderr.contains("No such file or directory"), "{stderr}");
}

#[test]
fn pghost_and_pgport_are_honoured_and_a_failure_without_a_url_says_how_to_pass_one() {
    let home = tempfile::tempdir().unwrap();
    // No server has a socket for port 1 anywhere: libpq's own default is tried, and fails.
    base_cmd(home.path())
        .env("PGPORT", "1")
        .args(["doctor"])
        .assert()
        .code(69)
        .stderr(
            predicates::str::contains(".s.PGSQL.1")
                .and(predicates::str::contains("hint: no database URL was given"))
                .and(predicates::str::contains("--database-url 'postgres://")),
        );
    base_cmd(home.path())
        .env("PGHOST", "/nonexistent-socket-dir")
        .args(["doctor"])
        .assert()
        .code(69)
        .stderr(
            predicates::str::contains("/nonexistent-socket-dir/.s.PGSQL.5432")
                .and(predicates::str::contains("PG* variables")),
        );
    // A URL was given: the problem is the URL, not how to pass one.
    base_cmd(home.path())
        .args([
            "--database-url",
            "postgres://u@127.0.0.1:1/x?connect_timeout=2",
            "doctor",
        ])
        .assert()
        .code(69)
        .stderr(predicates::str::contains("no database URL was given").not());
}

#[test]
fn unparsable_urls_are_usage_errors_and_no_password_piece_is_ever_printed() {
    let home = tempfile::tempdir().unwrap();
    for (url, secret, piece) in [
        // Unencoded `/`: libpq reads `Sx1cr` as the port and quotes it.
        (
            "postgres://ops:Sx1cr/et9@127.0.0.1:5432/app",
            "Sx1cr/et9",
            "Sx1cr",
        ),
        // Unencoded `@`, `#` and `?`.
        (
            "postgres://ops:Pw@d#Hx?Zq9@127.0.0.1:5432/app",
            "Pw@d#Hx?Zq9",
            "Zq9",
        ),
        // A bad port with a password alongside, in keyword form, plus sslpassword.
        (
            "host=127.0.0.1 port=nine password=Kw9secret sslpassword=Sslsecret9",
            "Kw9secret",
            "Sslsecret9",
        ),
    ] {
        for args in [
            vec!["-v", "doctor"],
            vec!["-v", "--format", "json", "jobs", "list"],
            vec!["-v", "config", "show"],
        ] {
            let out = base_cmd(home.path())
                .args(["--database-url", url])
                .args(&args)
                .output()
                .unwrap();
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                !text.contains(secret) && !text.contains(piece),
                "{url} {args:?} printed a secret:\n{text}"
            );
            if args.contains(&"config") {
                assert_eq!(out.status.code(), Some(0), "{text}");
                assert!(text.contains("********"), "{text}");
            } else {
                assert_eq!(out.status.code(), Some(64), "{url} {args:?}:\n{text}");
                assert!(text.contains("invalid database URL"), "{text}");
            }
        }
    }
}

#[test]
fn verbose_shows_each_query_and_transaction_with_timings_but_no_bind_values() {
    let schema = crate::common::TestSchema::with_oban("verbose_steps");
    let out = schema
        .cmd()
        .args(["-v", "jobs", "list", "--args", "password=hunter2x"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("debug: connecting to "), "{stderr}");
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("debug: query (") && l.contains("oban_jobs")),
        "{stderr}"
    );
    assert!(
        stderr.contains("debug: transaction committed ("),
        "{stderr}"
    );
    assert!(!stderr.contains("hunter2x"), "{stderr}");
    // Without -v, none of it.
    let out = schema.cmd().args(["jobs", "list"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("debug:"));
}
