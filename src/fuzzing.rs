//! Fuzz targets for the parsers that read untrusted text: job filters, durations and time bounds,
//! the config file, and connection strings. Each takes arbitrary bytes and checks a contract
//! (no panic, values never reach SQL text, passwords never reach printable text).
//!
//! `fuzz/` drives them with cargo-fuzz (libFuzzer) where a nightly toolchain exists; the tests
//! below drive them with proptest on any toolchain, so `cargo test` (and CI) always runs them.
#![doc(hidden)]

use std::path::Path;

use crate::jobs::filter::{parse_containment, JobFilter, Sql, TimeBound};
use crate::jobs::JobState;

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Job filters: parsing never panics, and no value, however hostile, changes the SQL text
/// (values are bind parameters only).
pub fn filter(data: &[u8]) {
    let input = text(data);
    let mut lines = input.splitn(3, '\n');
    let (first, second, rest) = (
        lines.next().unwrap_or(""),
        lines.next().unwrap_or(""),
        lines.next().unwrap_or(""),
    );
    let _ = first.parse::<JobState>();
    let mut args = serde_json::Map::new();
    let _ = parse_containment(first, &mut args);
    let since = TimeBound::parse(second).ok();
    if let Some(bound) = &since {
        // Any bound, however far in the past or future, freezes against any clock.
        for now in [
            chrono::NaiveDateTime::MIN,
            chrono::NaiveDateTime::MAX,
            chrono::DateTime::UNIX_EPOCH.naive_utc(),
        ] {
            let _ = bound.freeze(now);
        }
    }
    let hostile = JobFilter {
        queues: vec![rest.to_string()],
        workers: vec![first.to_string(), rest.to_string()],
        tags: vec![second.to_string()],
        args: args.clone(),
        error_contains: Some(rest.to_string()),
        since: since.clone(),
        ..JobFilter::default()
    };
    let placeholder = JobFilter {
        queues: vec!["q".into()],
        workers: vec!["w".into(), "w".into()],
        tags: vec!["t".into()],
        args: if args.is_empty() {
            serde_json::Map::new()
        } else {
            serde_json::Map::from_iter([("k".to_string(), serde_json::Value::Null)])
        },
        error_contains: Some("e".into()),
        since: since.map(|_| TimeBound::At(chrono::DateTime::UNIX_EPOCH.naive_utc())),
        ..JobFilter::default()
    };
    let state_type = "\"p\".\"oban_job_state\"";
    let (mut a, mut b) = (Sql::default(), Sql::default());
    assert_eq!(
        hostile.conditions(&mut a, state_type),
        placeholder.conditions(&mut b, state_type),
        "filter values must only ever be bind parameters"
    );
    assert_eq!(a.binds.len(), b.binds.len());
}

/// Durations (timeouts, `--older-than`, doctor thresholds): never panic; accepted means positive.
pub fn duration(data: &[u8]) {
    let input = text(data);
    if let Ok(d) = crate::settings::parse_timeout("duration", &input) {
        assert!(!d.is_zero());
    }
    if let Ok(bound) = TimeBound::parse(&input) {
        let _ = bound.freeze(chrono::Utc::now().naive_utc());
    }
}

/// The config file: any text parses or is refused with a usage error, never a panic; what parses
/// resolves into settings or a usage error.
pub fn config(data: &[u8]) {
    let input = text(data);
    let Ok(file) = crate::settings::ConfigFile::parse(Path::new("fuzz.toml"), &input) else {
        return;
    };
    let profiles: Vec<String> = file.profiles.keys().cloned().collect();
    for profile in std::iter::once(None).chain(profiles.into_iter().map(Some)) {
        let global = crate::cli::GlobalArgs {
            profile,
            ..Default::default()
        };
        let env = |_: &str| None;
        if let Err(err) = crate::settings::Settings::resolve(&global, &env, Some(&file)) {
            assert_eq!(
                err.exit_code_number(),
                64,
                "config problems are usage errors: {err}"
            );
        }
    }
}

/// Connection strings: building one never panics, and a password never shows in the printable
/// form, whatever surrounds it.
pub fn conninfo(data: &[u8]) {
    let input = text(data);
    let _ = crate::db::conninfo::ConnInfo::build(Some(&input), None);
    let (around, secret) = input.split_once('\n').unwrap_or((&input, ""));
    let secret: String = secret
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    if secret.len() < 6 {
        return;
    }
    // A marker keeps the secret from matching the fixed text around it (`assword` in `password`).
    let secret = format!("Zq9{secret}");
    let host: String = around
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
        .take(20)
        .collect::<String>()
        + "h";
    for url in [
        format!("postgres://user:{secret}@{host}/db"),
        format!("postgresql://user@{host}/db?password={secret}&sslmode=disable"),
        format!("host={host} password={secret} dbname=db"),
        format!("host='{host}' password='{secret}'"),
    ] {
        let info = crate::db::conninfo::ConnInfo::build(Some(&url), None);
        assert!(
            !info.display.contains(&secret) || host.contains(&secret),
            "password shown in {}",
            info.display
        );
        let message = format!("could not connect: password {secret} rejected");
        assert!(!info.scrub(&message).contains(&secret));
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// Inputs shaped like what an attacker or a typo produces: SQL fragments, quotes, unicode,
    /// control characters, huge numbers.
    fn hostile_text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[a-z_.]{1,12}=.{0,40}",
            "([0-9]{1,20}(ns|us|ms|s|m|h|d|w|y|min|sec)? ?){1,4}",
            ".{0,20}(';|\"; DROP TABLE oban_jobs; --|[$]1|%|_|[\\\\]).{0,20}",
            "([a-z_]{1,20} = (\"[a-z ;']{0,20}\"|[0-9]{1,25}|true|\\[\\]))\n{0,5}",
            "\\[profiles[.][a-z]{1,8}\\]\nprefix = \"[a-z;' ]{0,70}\"\nstatement_timeout = \"[0-9a-z]{0,8}\"",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn filter_target(a in hostile_text(), b in hostile_text(), c in hostile_text()) {
            super::filter(format!("{a}\n{b}\n{c}").as_bytes());
        }

        #[test]
        fn duration_target(a in hostile_text()) {
            super::duration(a.as_bytes());
        }

        #[test]
        fn config_target(a in hostile_text()) {
            super::config(a.as_bytes());
        }

        #[test]
        fn conninfo_target(a in hostile_text(), secret in "[A-Za-z0-9]{6,20}") {
            super::conninfo(format!("{a}\n{secret}").as_bytes());
        }

        #[test]
        fn raw_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            super::filter(&bytes);
            super::duration(&bytes);
            super::config(&bytes);
            super::conninfo(&bytes);
        }
    }

    #[test]
    fn far_away_time_bounds_do_not_overflow() {
        super::duration(b"9999999999y");
        super::filter(b"a=1\n9999999999y\nq");
        super::filter(b"a=1\n262143-12-31T23:59:59Z\nq");
    }
}
