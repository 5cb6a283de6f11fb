//! The interactive path on a real terminal: `script` gives obanctl a pseudo-terminal, and the test
//! answers its prompts the way a person would (waiting for each prompt before typing).

use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{cli_database_url, TestSchema, ACTOR};

struct Terminal {
    child: Child,
    screen: Arc<Mutex<String>>,
}

impl Terminal {
    /// Runs `obanctl ARGS` in a pseudo-terminal pointed at `schema`.
    fn open(schema: &TestSchema, args: &[&str]) -> Terminal {
        let bin = assert_cmd::cargo::cargo_bin("obanctl");
        let line = std::iter::once(bin.to_string_lossy().to_string())
            .chain(
                args.iter()
                    .map(|a| format!("'{}'", a.replace('\'', "'\\''"))),
            )
            .collect::<Vec<_>>()
            .join(" ");
        let mut child = Command::new("script")
            .args(["-qfec", &line, "/dev/null"])
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", schema.dir.path())
            .env("TERM", "xterm")
            .env("NO_COLOR", "1")
            .env("DATABASE_URL", cli_database_url())
            .env("OBANCTL_PREFIX", &schema.name)
            .env("OBANCTL_POWERTOOLS_SCHEMA", &schema.name)
            .env("OBANCTL_ACTOR", ACTOR)
            .current_dir(schema.dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("`script` (util-linux) provides the pseudo-terminal");
        let screen = Arc::new(Mutex::new(String::new()));
        let mut stdout = child.stdout.take().unwrap();
        let sink = screen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Terminal { child, screen }
    }

    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if self.screen.lock().unwrap().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        // Whether the session is still running tells a hang from an early exit.
        let status = self.child.try_wait();
        panic!(
            "`{text}` never appeared on the terminal (session: {status:?}):\n{:?}",
            self.screen.lock().unwrap()
        );
    }

    /// Types after a pause: a prompt is printed a moment before it switches the terminal to raw
    /// mode and reads keys. A person never types inside that moment; a loaded test machine's
    /// writer can, and a Ctrl-C there is a signal to the whole session instead of a key.
    fn type_keys(&mut self, keys: &str) {
        std::thread::sleep(Duration::from_millis(300));
        let stdin = self.child.stdin.as_mut().unwrap();
        stdin.write_all(keys.as_bytes()).unwrap();
        stdin.flush().unwrap();
    }

    fn exit_code(mut self) -> (i32, String) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(100));
                let screen = self.screen.lock().unwrap().clone();
                return (status.code().unwrap_or(-1), screen);
            }
            assert!(Instant::now() < deadline, "obanctl did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn two_discarded_jobs(tag: &str) -> TestSchema {
    let schema = TestSchema::with_oban(tag);
    schema.sql(&format!(
        "INSERT INTO {}.oban_jobs (state, queue, worker, attempt, max_attempts, discarded_at) VALUES \
         ('discarded', 'mailers', 'W', 3, 3, now()), ('discarded', 'mailers', 'W', 3, 3, now())",
        schema.quoted()
    ));
    schema
}

fn count(schema: &TestSchema, state: &str) -> i64 {
    schema.int(&format!(
        "SELECT count(*)::bigint AS v FROM {}.oban_jobs WHERE state = '{state}'",
        schema.quoted()
    ))
}

#[test]
fn on_a_terminal_the_reason_is_asked_for_validated_and_the_change_confirmed() {
    let schema = two_discarded_jobs("tty_yes");
    let mut term = Terminal::open(&schema, &["jobs", "retry", "--state", "discarded"]);
    term.wait_for("Reason to retry jobs");
    term.type_keys("short\r");
    term.wait_for("at least 8 characters");
    term.type_keys("SMTP outage is over\r");
    term.wait_for("Retry 2 jobs?");
    term.type_keys("y");
    let (code, screen) = term.exit_code();
    assert_eq!(code, 0, "{screen}");
    assert_eq!(count(&schema, "available"), 2);
    let reasons = schema.strings(&format!(
        "SELECT DISTINCT metadata->>'reason' AS v FROM {}.oban_powertools_audit_events WHERE action = 'lifeline.repair_executed'",
        schema.quoted()
    ));
    assert_eq!(reasons, ["SMTP outage is over"]);
}

#[test]
fn on_a_terminal_declining_the_confirmation_changes_nothing() {
    let schema = two_discarded_jobs("tty_no");
    let audit_before = schema.audit_count();
    let mut term = Terminal::open(
        &schema,
        &[
            "jobs",
            "retry",
            "--state",
            "discarded",
            "--reason",
            "cleanup of old mail",
        ],
    );
    term.wait_for("Retry 2 jobs?");
    term.type_keys("n");
    let (code, screen) = term.exit_code();
    assert_eq!(code, 2, "{screen}");
    assert!(screen.contains("nothing was changed"), "{screen}");
    assert_eq!(count(&schema, "discarded"), 2);
    assert_eq!(schema.audit_count(), audit_before);
}

#[test]
fn ctrl_c_at_the_reason_prompt_exits_130_on_a_clean_line() {
    let schema = two_discarded_jobs("tty_int_reason");
    let audit_before = schema.audit_count();
    let mut term = Terminal::open(&schema, &["jobs", "retry", "--state", "discarded"]);
    term.wait_for("Reason to retry jobs");
    term.type_keys("half a reas\x03");
    term.wait_for("error: interrupted");
    let (code, screen) = term.exit_code();
    assert_eq!(code, 130, "{screen}");
    // The prompt's own thread may also restore the cursor as it sees the Ctrl-C: a line holding
    // only that escape is no text after the error.
    let last = screen
        .lines()
        .rev()
        .find(|l| !l.replace("\x1b[?25h", "").trim().is_empty())
        .unwrap_or_default();
    assert!(
        last.trim_start().starts_with("error: interrupted"),
        "{screen:?}"
    );
    assert_eq!(count(&schema, "discarded"), 2);
    assert_eq!(schema.audit_count(), audit_before);
}

#[test]
fn ctrl_c_at_the_confirmation_ends_its_line_and_exits_130() {
    let schema = two_discarded_jobs("tty_int_confirm");
    let mut term = Terminal::open(
        &schema,
        &[
            "jobs",
            "retry",
            "--state",
            "discarded",
            "--reason",
            "cleanup of old mail",
        ],
    );
    term.wait_for("Retry 2 jobs?");
    term.type_keys("\x03");
    term.wait_for("error: interrupted");
    let (code, screen) = term.exit_code();
    assert_eq!(code, 130, "{screen}");
    // The error starts a line of its own instead of continuing the question's.
    let question = screen
        .lines()
        .find(|l| l.contains("Retry 2 jobs?"))
        .unwrap();
    assert!(!question.contains("error"), "{screen:?}");
    assert!(screen.contains("error: interrupted"), "{screen:?}");
    assert_eq!(count(&schema, "discarded"), 2);
}
