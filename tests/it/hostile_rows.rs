//! The hostile-row corpus (`tests/fixtures/hostile_corpus.sql`): control sequences, bidi
//! overrides, JSON deeper than serde_json reads, NULL array elements, infinities, timestamps past
//! chrono's range, odd `errors` shapes and 1 MB values in every table obanctl reads. Every read
//! command, in JSON and for people (piped and on a real pseudo-terminal, with and without
//! colour), must exit normally, print no raw control character, and still show the ordinary rows;
//! bulk changes over the corpus must work.

use std::process::{Command, Stdio};

use crate::common::{cli_database_url, json_lines, TestSchema, ACTOR};

const CORPUS: &str = include_str!("../fixtures/hostile_corpus.sql");

fn corpus(tag: &str) -> TestSchema {
    let schema = TestSchema::with_oban(tag);
    schema.sql(&CORPUS.replace(":schema", &schema.quoted()));
    schema
}

/// Characters a terminal would act on; `\n` and (after it, from a pty) `\r` are layout.
fn raw_controls(text: &str, colour: bool) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\x1b' && colour {
            // Our own colour is SGR only: ESC [ digits/semicolons m.
            let mut j = i + 1;
            if chars.get(j) == Some(&'[') {
                j += 1;
                while chars
                    .get(j)
                    .is_some_and(|c| c.is_ascii_digit() || *c == ';')
                {
                    j += 1;
                }
                if chars.get(j) == Some(&'m') {
                    i = j + 1;
                    continue;
                }
            }
        }
        let layout = c == '\n' || (c == '\r' && chars.get(i + 1) == Some(&'\n'));
        if !layout && obanctl::output::sanitize::is_unsafe(c) {
            let context: String = chars[i.saturating_sub(20)..(i + 20).min(chars.len())]
                .iter()
                .collect();
            found.push(format!("U+{:04X} near {context:?}", c as u32));
            if found.len() >= 3 {
                break;
            }
        }
        i += 1;
    }
    found
}

/// The read commands, each with the exit codes it may end with on this data.
fn read_commands() -> Vec<(Vec<&'static str>, &'static [i32])> {
    vec![
        (vec!["jobs", "list"], &[0]),
        (vec!["jobs", "list", "--state", "discarded"], &[0]),
        (vec!["jobs", "list", "--error-contains", "boom"], &[0]),
        (vec!["jobs", "show", "1"], &[0]),
        (vec!["jobs", "show", "2"], &[0]),
        (vec!["jobs", "show", "3"], &[0]),
        (vec!["jobs", "show", "4"], &[0]),
        (vec!["jobs", "show", "5"], &[0]),
        (vec!["jobs", "count"], &[0]),
        (vec!["jobs", "count", "--exact"], &[0]),
        (vec!["audit", "tail"], &[0]),
        (vec!["audit", "export"], &[0]),
        (vec!["audit", "export", "--as", "csv"], &[0]),
        (vec!["audit", "verify"], &[0]),
        (vec!["doctor"], &[0, 1, 2]),
        (vec!["config", "show"], &[0]),
        (vec!["metrics"], &[0]),
        (vec!["cron", "list"], &[0]),
        (vec!["cron", "show", "nightly"], &[0]),
        (vec!["cron", "show", "hostile_tz"], &[0]),
        (vec!["limiter", "list"], &[1]),
        (vec!["limiter", "explain", "stripe_api"], &[0]),
        (vec!["limiter", "explain", "absurd_max"], &[1]),
        (vec!["limiter", "explain", "absurd_min"], &[1]),
        (vec!["workflow", "list"], &[0]),
        (vec!["workflow", "inspect", "ordinary_flow"], &[0]),
    ]
}

#[test]
fn every_read_command_survives_the_corpus_in_json() {
    let schema = corpus("hostile_json");
    // `metrics` writes the Prometheus text format only (it refuses --format json).
    for (args, codes) in read_commands()
        .into_iter()
        .filter(|(a, _)| a[0] != "metrics")
    {
        let out = schema
            .cmd()
            .args(["--format", "json"])
            .args(&args)
            .output()
            .unwrap();
        let code = out.status.code().unwrap_or(-1);
        assert!(
            codes.contains(&code),
            "{args:?} exited {code}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        for stream in [&out.stdout, &out.stderr] {
            let text = String::from_utf8_lossy(stream);
            let raw = raw_controls(&text, false);
            assert!(raw.is_empty(), "{args:?}: {raw:?}");
        }
        if !args.contains(&"export") && !args.contains(&"metrics") {
            json_lines(&out.stdout);
        }
    }
    let out = schema
        .cmd()
        .args(["--format", "json", "jobs", "list"])
        .output()
        .unwrap();
    let jobs = json_lines(&out.stdout);
    assert!(jobs.len() >= 10, "every row is listed: {}", jobs.len());
    assert!(jobs.iter().any(|j| j["worker"] == "MyApp.Mailer"));
    let hostile = &jobs[0];
    assert_eq!(
        hostile["tags"][1],
        serde_json::Value::Null,
        "a NULL tag is null"
    );
    assert_eq!(hostile["inserted_at"], "infinity");
    assert!(hostile["meta"]
        .as_str()
        .unwrap()
        .starts_with("<json too deep"));
    assert_eq!(hostile["args"]["password"], "[REDACTED]");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("s3cr3t-pw"));
    let cron = schema
        .cmd()
        .args(["--format", "json", "cron", "list"])
        .output()
        .unwrap();
    let cron = json_lines(&cron.stdout);
    assert_eq!(cron.len(), 3, "every entry is listed");
    let hostile = cron.iter().find(|e| e["paused_at"] == "infinity").unwrap();
    assert_eq!(hostile["last_run_at"], "-infinity");
    assert_eq!(hostile["last_claim"]["slot_at"], "infinity");
    assert!(hostile["schedule_error"].is_string());
    let far = cron.iter().find(|e| e["name"] == "hostile_tz").unwrap();
    assert!(far["last_run_at"]
        .as_str()
        .unwrap()
        .starts_with("out of range"));
    assert_eq!(
        cron.iter().find(|e| e["name"] == "nightly").unwrap()["next_fires"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let limiters = schema
        .cmd()
        .args(["--format", "json", "limiter", "list"])
        .output()
        .unwrap();
    let limiters = json_lines(&limiters.stdout);
    assert_eq!(limiters.len(), 4, "every limiter is listed");
    let absurd = schema
        .cmd()
        .args(["--format", "json", "limiter", "explain", "absurd_max"])
        .output()
        .unwrap();
    let absurd = json_lines(&absurd.stdout);
    assert_eq!(absurd[0]["status"], "invalid_settings");
    assert_eq!(
        absurd[0]["partitions"][0]["stored_window_started_at"],
        "infinity"
    );
    let workflows = schema
        .cmd()
        .args(["--format", "json", "workflow", "list"])
        .output()
        .unwrap();
    let workflows = json_lines(&workflows.stdout);
    assert_eq!(workflows.len(), 2);
    assert!(workflows.iter().any(|w| w["inserted_at"] == "infinity"));
    // The hostile rows by their own (hostile) names and ids, for people and in JSON.
    let hostile_limiter = limiters
        .iter()
        .find(|l| l["name"].as_str().unwrap().starts_with("evil"))
        .unwrap()["name"]
        .as_str()
        .unwrap()
        .to_string();
    let hostile_cron = cron.iter().find(|e| e["paused_at"] == "infinity").unwrap()["name"]
        .as_str()
        .unwrap()
        .to_string();
    let hostile_workflow = workflows
        .iter()
        .find(|w| w["inserted_at"] == "infinity")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    for (args, code) in [
        // Its partition key is the same hostile text; its stored window starts at -infinity.
        (
            vec![
                "limiter",
                "explain",
                hostile_limiter.as_str(),
                "--partition",
                hostile_limiter.as_str(),
            ],
            1,
        ),
        (vec!["cron", "show", hostile_cron.as_str()], 0),
        (vec!["workflow", "inspect", hostile_workflow.as_str()], 0),
    ] {
        for json in [true, false] {
            let mut cmd = schema.cmd();
            if json {
                cmd.args(["--format", "json"]);
            }
            let out = cmd.args(&args).output().unwrap();
            assert_eq!(
                out.status.code(),
                Some(code),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            for stream in [&out.stdout, &out.stderr] {
                let raw = raw_controls(&String::from_utf8_lossy(stream), false);
                assert!(raw.is_empty(), "{args:?}: {raw:?}");
            }
            if json {
                let lines = json_lines(&out.stdout);
                if args[0] == "limiter" {
                    assert_eq!(lines[0]["status"], "invalid_state");
                    assert_eq!(lines[0]["partitions"][0]["stored_tokens_used"], -7);
                }
                if args[0] == "workflow" {
                    let step = lines.iter().find(|l| l["kind"] == "workflow_step").unwrap();
                    assert_eq!(step["blocker_codes"][0], serde_json::Value::Null);
                }
            }
        }
    }
    let audit = schema
        .cmd()
        .args(["--format", "json", "audit", "tail"])
        .output()
        .unwrap();
    let audit = String::from_utf8_lossy(&audit.stdout);
    assert!(
        !audit.contains("cs-leak") && !audit.contains("tok-leak"),
        "other writers' secrets are redacted"
    );
}

#[test]
fn every_read_command_survives_the_corpus_for_people_piped() {
    let schema = corpus("hostile_pipe");
    for (args, codes) in read_commands() {
        for columns in ["80", "200"] {
            let out = schema
                .cmd()
                .env("COLUMNS", columns)
                .args(&args)
                .output()
                .unwrap();
            let code = out.status.code().unwrap_or(-1);
            assert!(
                codes.contains(&code),
                "{args:?} exited {code}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            for stream in [&out.stdout, &out.stderr] {
                let raw = raw_controls(&String::from_utf8_lossy(stream), false);
                assert!(raw.is_empty(), "{args:?}: {raw:?}");
            }
        }
    }
    let out = schema.cmd().args(["jobs", "list"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("MyApp.Mailer"),
        "ordinary rows are shown: {text}"
    );
    assert!(
        text.contains("\\x1b]0;PWNED\\x07"),
        "hostile text is shown escaped"
    );
}

/// `obanctl ARGS` on a pseudo-terminal (util-linux `script`); returns what the terminal received.
fn on_terminal(schema: &TestSchema, args: &[&str], colour: bool) -> (i32, String) {
    let bin = assert_cmd::cargo::cargo_bin("obanctl");
    let line = std::iter::once(bin.to_string_lossy().to_string())
        .chain(
            args.iter()
                .map(|a| format!("'{}'", a.replace('\'', "'\\''"))),
        )
        .collect::<Vec<_>>()
        .join(" ");
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &format!("stty cols 80; {line}"), "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", schema.dir.path())
        .env("TERM", "xterm-256color")
        .env("DATABASE_URL", cli_database_url())
        .env("OBANCTL_PREFIX", &schema.name)
        .env("OBANCTL_POWERTOOLS_SCHEMA", &schema.name)
        .env("OBANCTL_ACTOR", ACTOR)
        .current_dir(schema.dir.path())
        .stdin(Stdio::null());
    if !colour {
        cmd.env("NO_COLOR", "1");
    }
    let out = cmd
        .output()
        .expect("`script` (util-linux) provides the pseudo-terminal");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
    )
}

#[test]
fn every_read_command_survives_the_corpus_on_a_terminal() {
    let schema = corpus("hostile_tty");
    for (args, codes) in read_commands() {
        // `audit export` writes data for files; on a terminal it is the same safe JSON.
        for colour in [false, true] {
            let (code, screen) = on_terminal(&schema, &args, colour);
            assert!(
                codes.contains(&code),
                "{args:?} (colour {colour}) exited {code}: {screen}"
            );
            let raw = raw_controls(&screen, colour);
            assert!(raw.is_empty(), "{args:?} (colour {colour}): {raw:?}");
            if !colour {
                assert!(
                    !screen.contains('\x1b'),
                    "NO_COLOR means no escape at all: {args:?}"
                );
            }
        }
    }
    for args in [
        &["jobs", "list"][..],
        &["cron", "list"],
        &["cron", "show", "nightly"],
        &["limiter", "list"],
        &["limiter", "explain", "stripe_api"],
        &["workflow", "list"],
    ] {
        let (_, screen) = on_terminal(&schema, args, false);
        // Tables fit; a sentence longer than the terminal is left to the terminal to wrap.
        let strict = args[0] == "jobs";
        let table_lines = screen.lines().filter(|l| strict || l.starts_with(' '));
        for line in table_lines {
            assert!(
                line.trim_end_matches('\r').chars().count() <= 80,
                "{args:?} fits 80 columns:\n{screen}"
            );
        }
    }
    // Colour never moves a column: the coloured screen without its SGR codes is the plain one.
    for args in [&["limiter", "list"][..], &["workflow", "list"]] {
        let (_, plain) = on_terminal(&schema, args, false);
        let (_, coloured) = on_terminal(&schema, args, true);
        assert!(coloured.contains("\x1b["), "{args:?} is coloured");
        let mut stripped = String::new();
        let mut in_sgr = false;
        for c in coloured.chars() {
            match (in_sgr, c) {
                (false, '\x1b') => in_sgr = true,
                (true, 'm') => in_sgr = false,
                (true, _) => {}
                (false, c) => stripped.push(c),
            }
        }
        let trim = |s: &str| {
            s.lines()
                .map(|l| l.trim_end_matches('\r').trim_end().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(trim(&stripped), trim(&plain), "{args:?}");
    }
}

#[test]
fn bulk_changes_over_the_corpus_work() {
    let schema = corpus("hostile_bulk");
    for (verb, state) in [
        ("retry", "discarded"),
        ("cancel", "available"),
        ("discard", "scheduled"),
    ] {
        let out = schema
            .cmd()
            .args([
                "--format",
                "json",
                "jobs",
                verb,
                "--state",
                state,
                "--reason",
                "hostile corpus run",
                "--yes",
            ])
            .output()
            .unwrap();
        let code = out.status.code().unwrap_or(-1);
        assert!(
            [0, 1].contains(&code),
            "{verb}: {code} {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let lines = json_lines(&out.stdout);
        let summary = crate::common::one_of_kind(&lines, "summary");
        assert!(
            summary["changed"].as_i64().unwrap() >= 1,
            "{verb}: {summary}"
        );
        let raw = raw_controls(&String::from_utf8_lossy(&out.stdout), false);
        assert!(raw.is_empty(), "{verb}: {raw:?}");
    }
    // The preview of a hostile job, for people, cannot be spoofed.
    let out = schema
        .cmd()
        .args(["jobs", "retry", "--state", "retryable", "--dry-run"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(raw_controls(&text, false).is_empty(), "{text}");
    assert!(text.starts_with("Will retry "), "{text}");
}
