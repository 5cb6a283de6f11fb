//! `obanctl top` in a real terminal: tmux runs it in an 80x24 pane, the test types keys and reads
//! the screen, and asks tmux whether the alternate screen was left and the cursor shown again.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::{
    cli_database_url, connect, database_url, quote, role_url, unique_name, TestSchema, ACTOR,
};
use diesel::connection::SimpleConnection;

/// A tmux session running one command; killed when dropped.
struct Pane {
    session: String,
}

impl Pane {
    fn start(schema: &TestSchema, env: &[(&str, &str)], args: &[&str]) -> Pane {
        let session = unique_name("top");
        let bin = assert_cmd::cargo::cargo_bin("obanctl");
        let quote = |s: &str| format!("'{}'", s.replace('\'', "'\\''"));
        let mut line = String::from("env");
        let defaults = [
            ("DATABASE_URL", cli_database_url()),
            ("OBANCTL_PREFIX", schema.name.clone()),
            ("OBANCTL_POWERTOOLS_SCHEMA", schema.name.clone()),
            ("OBANCTL_ACTOR", ACTOR.to_string()),
            ("HOME", schema.dir.path().display().to_string()),
            ("NO_COLOR", "1".to_string()),
            ("TERM", "xterm-256color".to_string()),
        ];
        for (key, value) in defaults
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .chain(env.iter().copied())
        {
            line.push_str(&format!(" {key}={}", quote(value)));
        }
        line.push_str(&format!(" {}", quote(&bin.display().to_string())));
        for arg in args {
            line.push_str(&format!(" {}", quote(arg)));
        }
        // Keep the pane after obanctl exits, so the restored terminal can be inspected.
        line.push_str("; echo \"EXIT=$?\"; sleep 600");
        let status = Command::new("tmux")
            .args(["new-session", "-d", "-s", &session, "-x", "80", "-y", "24"])
            .arg(line)
            .current_dir(schema.dir.path())
            .status()
            .expect("tmux runs the dashboard in a pseudo-terminal");
        assert!(status.success());
        Pane { session }
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").args(args).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", &self.session])
    }

    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("`{text}` never appeared:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", &self.session, key]);
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    fn text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", &self.session, "-l", text]);
        std::thread::sleep(Duration::from_millis(150));
    }

    /// (alternate screen on, cursor shown), as tmux tracks them for the pane.
    fn terminal_modes(&self) -> (String, String) {
        let flags = self.tmux(&[
            "display-message",
            "-p",
            "-t",
            &self.session,
            "#{alternate_on} #{cursor_flag}",
        ]);
        let mut parts = flags.split_whitespace().map(str::to_string);
        (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        )
    }

    fn assert_restored(&self, exit: &str) -> String {
        let screen = self.wait_for(&format!("EXIT={exit}"));
        assert_eq!(
            self.terminal_modes(),
            ("0".to_string(), "1".to_string()),
            "alternate screen left and cursor shown:\n{screen}"
        );
        screen
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.session])
            .status();
    }
}

/// An Oban schema filled with the demo's data (what `obanctl demo up` creates).
fn demo_schema() -> TestSchema {
    let schema = TestSchema::with_oban("top");
    connect()
        .batch_execute(&format!(
            "SET search_path = {}; {}",
            schema.quoted(),
            obanctl::demo::SEED_SQL
        ))
        .unwrap();
    schema
}

#[test]
fn navigate_retry_a_failed_job_with_a_reason_and_quit() {
    let schema = demo_schema();
    let pane = Pane::start(&schema, &[], &["top", "--interval", "1s"]);
    let screen = pane.wait_for("Failures, last hour");
    pane.wait_for("Demo.Webhooks.Dispatch");
    assert!(screen.contains("obanctl top"), "{screen}");
    // Queues pane: filter by typing, then back.
    pane.keys(&["/"]);
    pane.text("hook");
    pane.wait_for("filter: hook");
    pane.keys(&["Enter", "Escape"]);
    // Failures pane: open the largest group, then its first job.
    pane.keys(&["Tab", "Enter"]);
    let list = pane.wait_for("failures of Demo.Webhooks.Dispatch");
    let id: i64 = list
        .lines()
        .find(|l| l.contains("retryable") && l.contains("webhooks"))
        .and_then(|l| l.trim_start_matches('│').split_whitespace().next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no job row:\n{list}"));
    pane.keys(&["Enter"]);
    pane.wait_for(&format!("job {id}"));
    // Retry it: preview, reason (a too-short one is refused in the modal), confirmation.
    pane.keys(&["r"]);
    pane.wait_for("Retry 1 job?");
    pane.keys(&["Enter"]);
    pane.wait_for("Reason to retry 1 job");
    pane.text("short");
    pane.keys(&["Enter"]);
    pane.wait_for("at least 8 characters");
    pane.text(" but sufficient: provider is back");
    pane.keys(&["Enter"]);
    pane.wait_for("[y/N]");
    pane.keys(&["y"]);
    pane.wait_for("Retried 1 job (audited");
    // The activity pane follows the new audit rows.
    pane.wait_for("cli.bulk_operation");
    pane.keys(&["q"]);
    pane.assert_restored("0");

    let state = schema.strings(&format!(
        "SELECT state::text AS v FROM {}.oban_jobs WHERE id = {id}",
        schema.quoted()
    ));
    assert_eq!(state, vec!["available"]);
    let audit = schema.strings(&format!(
        "SELECT concat_ws(' | ', action, resource_id, actor_id, metadata->>'reason', metadata->>'operation') AS v \
         FROM {}.oban_powertools_audit_events WHERE resource_type = 'job' AND resource_id = '{id}'",
        schema.quoted()
    ));
    assert_eq!(
        audit,
        vec![format!(
            "lifeline.repair_executed | {id} | {ACTOR} | short but sufficient: provider is back | job_retry"
        )],
        "one audit row, with the reason typed in the modal"
    );
}

/// The text of the modal on the screen, its wrapped rows joined again (a modal is 76 columns wide
/// in the 80-column pane, so its text is columns 3 to 76).
fn modal_text(screen: &str, title: &str) -> String {
    let head = format!("┌ {title} ");
    assert!(screen.contains(&head), "no modal `{title}`:\n{screen}");
    let inside = |line: &str| -> String {
        let text: String = line.chars().skip(3).take(74).collect();
        text.trim().to_string()
    };
    screen
        .lines()
        .skip_while(|l| !l.contains(&head))
        .skip(1)
        .take_while(|l| l.chars().nth(2) != Some('└'))
        .map(inside)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn navigate_to_a_queue_pause_it_with_a_reason_and_quit() {
    let schema = demo_schema();
    let signal = format!("{}.oban_signal", schema.name);
    // The test's own direct connection hears the signal in either lane.
    let mut listener = connect();
    listener
        .batch_execute(&format!("LISTEN {}", quote(&signal)))
        .unwrap();
    let pooled = cli_database_url() != database_url();
    let pane = Pane::start(&schema, &[], &["top", "--interval", "1s"]);
    pane.wait_for("webhooks");
    pane.wait_for("p pause  u resume");
    // Queues by name: billing, default, exports, mailers.
    pane.keys(&["j", "j", "j", "p"]);
    // The demo has no live node: who consumes the queue is unknown, and the plan says so at
    // length, with the keys still under it.
    let preview = pane.wait_for("Enter: give a reason   Esc: cancel");
    let plan = modal_text(&preview, "Pause queue mailers on every node?");
    for expected in [
        "Will pause queue: mailers on every node.",
        "mailers  unknown",
        "Nodes unknown: ",
        &format!("and no oban_producers in `{}`.", schema.name),
        &format!("Sends 1 signal on {signal}."),
        "a node restart undoes it",
    ] {
        assert!(plan.contains(expected), "{expected}\n{preview}");
    }
    pane.keys(&["Enter"]);
    pane.wait_for("Reason to pause queue mailers on every node");
    pane.text("smtp provider throttling us");
    pane.keys(&["Enter"]);
    pane.wait_for("[y/N]");
    pane.keys(&["y"]);
    // Sent, then up to 5 s of listening for a confirmation no node gives: the dashboard says
    // why it cannot confirm (through a pooler, listening itself is impossible).
    let sent = pane.wait_for("any key to close");
    let notice = modal_text(&sent, "Pause sent, not confirmed");
    let id: i64 = schema.strings(&format!(
        "SELECT id::text AS v FROM {}.oban_powertools_audit_events WHERE action = 'queue.paused'",
        schema.quoted()
    ))[0]
        .parse()
        .unwrap();
    let why = if pooled {
        "listening not possible on this connection (a transaction pooler?)"
    } else {
        "no node gossiped on"
    };
    for expected in [
        "mailers: sent; cannot confirm it was paused: ",
        why,
        &format!("Recorded as audit event {id}."),
        "Operation ",
    ] {
        assert!(notice.contains(expected), "{expected}\n{sent}");
    }
    // Closing it leaves the result line; the activity pane shows the new audit row.
    pane.keys(&["x"]);
    let after = pane.wait_for(&format!(
        "mailers: pause sent, not confirmed (audited as event {id})"
    ));
    assert!(!after.contains("any key to close"), "{after}");
    pane.wait_for("queue.paused queue:mailers \"smtp provider throttling us\"");
    pane.keys(&["q"]);
    pane.assert_restored("0");

    let audit = schema.strings(&format!(
        "SELECT concat_ws(' | ', action, resource_type, resource_id, actor_id, metadata->>'reason', \
         metadata->>'summary', metadata->'after'->'wanted'->>'kind', metadata->'signal'->>'channel') AS v \
         FROM {}.oban_powertools_audit_events WHERE resource_type = 'queue'",
        schema.quoted()
    ));
    assert_eq!(
        audit,
        vec![format!(
            "queue.paused | queue | mailers | {ACTOR} | smtp provider throttling us | \
             Pause queue mailers on every node. | paused | {signal}"
        )],
        "one audit row, with the reason typed in the modal"
    );
    // The signal reached PostgreSQL, and it is the one the audit row names.
    let payloads = schema.strings(&format!(
        "SELECT jsonb_array_elements_text(metadata->'signal'->'payloads') AS v \
         FROM {}.oban_powertools_audit_events WHERE id = {id}",
        schema.quoted()
    ));
    let heard: Vec<String> = listener
        .notifications_iter()
        .filter_map(Result::ok)
        .filter(|n| n.channel == signal)
        .map(|n| n.payload)
        .collect();
    assert_eq!(heard, payloads, "the audited signal was sent, once");
    assert!(heard[0].contains("\"pause\""), "{heard:?}");
}

#[test]
fn read_only_refuses_actions_and_a_panic_still_restores_the_terminal() {
    let schema = demo_schema();
    let pane = Pane::start(&schema, &[], &["top", "--read-only"]);
    pane.wait_for("Demo.Webhooks.Dispatch");
    pane.keys(&["Tab", "r"]);
    pane.wait_for("read-only: actions are disabled");
    pane.keys(&["C-c"]);
    pane.assert_restored("0");
    let before = schema.audit_count();
    assert_eq!(before, schema.audit_count());
    drop(pane);

    let pane = Pane::start(&schema, &[("OBANCTL_TOP_TEST_PANIC", "3")], &["top"]);
    let screen = pane.assert_restored("70");
    assert!(screen.contains("internal error"), "{screen}");
}

#[test]
fn a_lost_connection_is_shown_and_quitting_still_restores_the_terminal() {
    let schema = demo_schema();
    let role = unique_name("top_role");
    schema.sql(&format!(
        "CREATE ROLE {role} LOGIN; GRANT USAGE ON SCHEMA {0} TO {role}; \
         GRANT SELECT ON ALL TABLES IN SCHEMA {0} TO {role}",
        schema.quoted()
    ));
    let url = role_url(&role);
    let pane = Pane::start(
        &schema,
        &[("DATABASE_URL", &url)],
        &["top", "--interval", "500ms"],
    );
    pane.wait_for("Demo.Webhooks.Dispatch");
    // Only this test's role: nobody else's sessions are touched.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = false;
    while Instant::now() < deadline && !seen {
        schema.sql(&format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'"
        ));
        std::thread::sleep(Duration::from_millis(100));
        seen = pane.screen().contains("refresh failed");
    }
    assert!(seen, "a failed refresh is shown:\n{}", pane.screen());
    pane.keys(&["q"]);
    pane.assert_restored("0");
    drop(pane);
    schema.sql(&format!("DROP OWNED BY {role}; DROP ROLE {role}"));
}

#[test]
fn top_refuses_without_a_terminal_and_metrics_prints_the_exposition() {
    let schema = demo_schema();
    let out = schema
        .cmd()
        .arg("top")
        .assert()
        .failure()
        .get_output()
        .clone();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a terminal"));
    schema
        .cmd()
        .args(["top", "--interval", "100ms"])
        .assert()
        .code(64);

    let text = String::from_utf8(
        schema
            .cmd()
            .arg("metrics")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    for expected in [
        "obanctl_up 1",
        "obanctl_queue_jobs{queue=\"reports\",state=\"available\"} 300",
        "obanctl_queue_jobs_capped{queue=\"default\",state=\"completed\"} 1",
        "obanctl_worker_failures_last_hour{worker=\"Demo.Webhooks.Dispatch\"}",
        "obanctl_nodes{liveness=\"missing\"} 1",
        "obanctl_doctor_check{check=\"overdue_available\",status=\"warning\"} 1",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    let out = schema.dir.path().join("textfile/obanctl.prom");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    schema
        .cmd()
        .args(["metrics", "--output"])
        .arg(&out)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("obanctl_up 1"));
    schema.cmd().args(["metrics", "--watch"]).assert().code(64);
    schema
        .cmd()
        .args(["--format", "json", "metrics"])
        .assert()
        .code(64);
}
