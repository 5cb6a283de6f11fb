//! `obanctl metrics`: the dashboard's numbers in the Prometheus text exposition format. Pure.
//!
//! Label values are the names as obanctl displays them (control characters and bidi marks shown
//! as escapes such as `\x1b`), then escaped as the format requires (`\\`, `\"`, `\n`), so the
//! output is valid for any name and safe to print on a terminal. Values that are not known here
//! produce no series, only a comment saying why.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::output::sanitize;
use crate::tui::snapshot::{Known, Snapshot, QUEUE_STATES};

/// A label value, escaped for the exposition format.
pub fn label_value(text: &str) -> String {
    let shown = sanitize::inline(text);
    let mut out = String::with_capacity(shown.len());
    for c in shown.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// A comment line's text: one line, nothing a terminal would act on.
fn comment(text: &str) -> String {
    sanitize::inline(text).into_owned()
}

/// One metric family: its HELP and TYPE lines, then its samples.
struct Family<'a> {
    out: &'a mut String,
}

impl Family<'_> {
    fn sample(&mut self, name: &str, labels: &[(&str, &str)], value: f64) {
        self.out.push_str(name);
        if !labels.is_empty() {
            self.out.push('{');
            for (i, (key, v)) in labels.iter().enumerate() {
                if i > 0 {
                    self.out.push(',');
                }
                let _ = write!(self.out, "{key}=\"{}\"", label_value(v));
            }
            self.out.push('}');
        }
        let _ = writeln!(self.out, " {}", number(value));
    }
}

fn number(value: f64) -> String {
    if value.is_nan() {
        "NaN".into()
    } else if value.is_infinite() {
        if value > 0.0 { "+Inf" } else { "-Inf" }.into()
    } else if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

fn family<'a>(out: &'a mut String, name: &str, kind: &str, help: &str) -> Family<'a> {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
    Family { out }
}

fn unknown(out: &mut String, what: &str, why: &str) {
    let _ = writeln!(out, "# obanctl: {what} unknown: {}", comment(why));
}

/// The whole exposition for one snapshot.
pub fn exposition(snapshot: &Snapshot) -> String {
    let mut out = String::new();
    family(
        &mut out,
        "obanctl_up",
        "gauge",
        "1 when the last refresh read the database, 0 when it failed.",
    )
    .sample(
        "obanctl_up",
        &[],
        f64::from(u8::from(snapshot.error.is_none())),
    );
    if let Some(error) = &snapshot.error {
        unknown(&mut out, "refresh", error);
    }
    family(
        &mut out,
        "obanctl_gather_duration_seconds",
        "gauge",
        "How long gathering these numbers took.",
    )
    .sample(
        "obanctl_gather_duration_seconds",
        &[],
        snapshot.gather_ms as f64 / 1000.0,
    );

    match &snapshot.queues {
        Known::Unknown(why) => unknown(&mut out, "queues", why),
        Known::Value(rows) => {
            let mut f = family(
                &mut out,
                "obanctl_queue_jobs",
                "gauge",
                "Jobs per queue and state; a floor where obanctl_queue_jobs_capped is 1.",
            );
            for row in rows {
                for state in QUEUE_STATES {
                    let count = row.count(state);
                    f.sample(
                        "obanctl_queue_jobs",
                        &[("queue", &row.name), ("state", state)],
                        count.n as f64,
                    );
                }
            }
            let mut f = family(
                &mut out,
                "obanctl_queue_jobs_capped",
                "gauge",
                "1 where counting stopped at its bound (the count is at least that many).",
            );
            for row in rows {
                for state in QUEUE_STATES {
                    if row.count(state).at_least {
                        f.sample(
                            "obanctl_queue_jobs_capped",
                            &[("queue", &row.name), ("state", state)],
                            1.0,
                        );
                    }
                }
            }
            let mut f = family(
                &mut out,
                "obanctl_queue_executing",
                "gauge",
                "Jobs executing now per queue.",
            );
            for row in rows {
                f.sample(
                    "obanctl_queue_executing",
                    &[("queue", &row.name)],
                    row.count("executing").n as f64,
                );
            }
            let mut f = family(
                &mut out,
                "obanctl_queue_latency_seconds",
                "gauge",
                "How long the oldest available job has waited (0 when none is available).",
            );
            for row in rows {
                f.sample(
                    "obanctl_queue_latency_seconds",
                    &[("queue", &row.name)],
                    row.latency_secs.unwrap_or(0.0),
                );
            }
            let mut f = family(
                &mut out,
                "obanctl_queue_completed_per_minute",
                "gauge",
                "Jobs completed in the last full minute, from the newest jobs.",
            );
            for row in rows {
                if let Some(n) = row.per_minute() {
                    f.sample(
                        "obanctl_queue_completed_per_minute",
                        &[("queue", &row.name)],
                        n as f64,
                    );
                }
            }
        }
    }

    match &snapshot.failures {
        Known::Unknown(why) => unknown(&mut out, "failures", why),
        Known::Value(groups) => {
            let mut by_worker: BTreeMap<&str, i64> = BTreeMap::new();
            for group in groups {
                *by_worker.entry(&group.worker).or_default() += group.count.n;
            }
            let mut f = family(
                &mut out,
                "obanctl_worker_failures_last_hour",
                "gauge",
                "Jobs of each worker that failed (retryable or discarded) in the last hour.",
            );
            for (worker, n) in by_worker {
                f.sample(
                    "obanctl_worker_failures_last_hour",
                    &[("worker", worker)],
                    n as f64,
                );
            }
        }
    }

    match &snapshot.header.nodes {
        Known::Unknown(why) => unknown(&mut out, "nodes", why),
        Known::Value(nodes) => {
            let mut f = family(
                &mut out,
                "obanctl_nodes",
                "gauge",
                "Nodes by liveness (alive, late, missing) from their heartbeats.",
            );
            for (liveness, n) in [
                ("alive", nodes.alive),
                ("late", nodes.late),
                ("missing", nodes.missing),
            ] {
                f.sample("obanctl_nodes", &[("liveness", liveness)], n as f64);
            }
        }
    }

    match &snapshot.header.doctor {
        Known::Unknown(why) => unknown(&mut out, "doctor", why),
        Known::Value(doctor) => {
            let mut f = family(
                &mut out,
                "obanctl_doctor_check",
                "gauge",
                "1 for each doctor check's current status (ok, warning, error, skipped, cannot_run).",
            );
            for check in &doctor.checks {
                f.sample(
                    "obanctl_doctor_check",
                    &[("check", &check.check), ("status", &check.status)],
                    1.0,
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::snapshot::{
        CheckStatus, Count, DoctorStatus, FailureGroup, Header, NodeCounts, QueueRow,
    };

    fn snapshot() -> Snapshot {
        let mut counts = BTreeMap::new();
        counts.insert("available".to_string(), Count::exact(12));
        counts.insert(
            "completed".to_string(),
            Count {
                n: 1000,
                at_least: true,
            },
        );
        counts.insert("executing".to_string(), Count::exact(3));
        let hostile = "ma\"il\\ers\n\x1b[2J\u{202e}";
        Snapshot {
            header: Header {
                database: Known::Value("postgres".into()),
                prefix: "public".into(),
                flavour: Known::Value("oban-py".into()),
                leader: Known::Value(None),
                nodes: Known::Value(NodeCounts {
                    alive: 2,
                    late: 1,
                    missing: 0,
                }),
                doctor: Known::Value(DoctorStatus {
                    errors: 0,
                    warnings: 1,
                    checks: vec![CheckStatus {
                        check: "leadership".into(),
                        status: "warning".into(),
                    }],
                    first_problem: None,
                    age_secs: 0,
                }),
            },
            queues: Known::Value(vec![QueueRow {
                name: hostile.into(),
                counts,
                latency_secs: Some(1.5),
                throughput: Known::Value(vec![0, 4, 7]),
                nodes: Known::unknown("no gossip"),
            }]),
            failures: Known::Value(vec![FailureGroup {
                worker: "App.\"Worker\"".into(),
                signature: "boom".into(),
                example: "boom".into(),
                count: Count::exact(5),
                by_state: BTreeMap::new(),
                last_at: None,
                job_ids: vec![1],
            }]),
            activity: Known::unknown("no audit table"),
            taken_at: None,
            gather_ms: 42,
            error: None,
        }
    }

    #[test]
    fn label_values_are_escaped_as_the_format_requires_and_safe_on_a_terminal() {
        assert_eq!(label_value("a\"b\\c"), "a\\\"b\\\\c");
        // A newline is displayed as the two characters `\n`, whose backslash is then escaped.
        assert_eq!(label_value("a\nb"), "a\\\\nb");
        assert_eq!(label_value("x\x1b[2J"), "x\\\\x1b[2J");
        assert_eq!(label_value("\u{202e}"), "\\\\u{202e}");
    }

    #[test]
    fn the_exposition_has_every_family_and_valid_lines() {
        let text = exposition(&snapshot());
        assert!(
            !text.chars().any(|c| c != '\n' && sanitize::is_unsafe(c)),
            "{text:?}"
        );
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            // name{labels} value: the value parses, and quotes balance outside escapes.
            let (series, value) = line.rsplit_once(' ').unwrap();
            assert!(value.parse::<f64>().is_ok(), "{line}");
            let unescaped_quotes = series
                .replace("\\\\", "")
                .replace("\\\"", "")
                .matches('"')
                .count();
            assert_eq!(unescaped_quotes % 2, 0, "{line}");
        }
        let q = r#"queue="ma\"il\\ers\\n\\x1b[2J\\u{202e}""#;
        for expected in [
            "obanctl_up 1".to_string(),
            format!("obanctl_queue_jobs{{{q},state=\"available\"}} 12"),
            format!("obanctl_queue_jobs{{{q},state=\"completed\"}} 1000"),
            format!("obanctl_queue_jobs_capped{{{q},state=\"completed\"}} 1"),
            format!("obanctl_queue_jobs{{{q},state=\"discarded\"}} 0"),
            format!("obanctl_queue_executing{{{q}}} 3"),
            format!("obanctl_queue_latency_seconds{{{q}}} 1.5"),
            format!("obanctl_queue_completed_per_minute{{{q}}} 4"),
            r#"obanctl_worker_failures_last_hour{worker="App.\"Worker\""} 5"#.to_string(),
            r#"obanctl_nodes{liveness="late"} 1"#.to_string(),
            r#"obanctl_doctor_check{check="leadership",status="warning"} 1"#.to_string(),
            "obanctl_gather_duration_seconds 0.042".to_string(),
        ] {
            assert!(
                text.lines().any(|l| l == expected),
                "missing {expected}\n{text}"
            );
        }
        assert_eq!(text.matches("# TYPE obanctl_queue_jobs gauge").count(), 1);
    }

    #[test]
    fn unknown_values_are_comments_not_series() {
        let mut s = snapshot();
        s.header.nodes = Known::unknown("no heartbeats\ntable");
        s.error = Some("refresh failed: gone".into());
        let text = exposition(&s);
        assert!(text.contains("# obanctl: nodes unknown: no heartbeats\\ntable\n"));
        assert!(!text.contains("obanctl_nodes{"));
        assert!(text.contains("obanctl_up 0\n"));
    }
}
