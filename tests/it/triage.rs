//! `obanctl jobs errors` and the `--error-signature` filter, on both flavours.

use diesel::RunQueryDsl;
use obanctl::jobs::filter::{Bind, Sql};
use obanctl::triage;
use serde_json::Value;

use crate::common::{connect, json_lines, literal, of_kind, one_of_kind, TestSchema};

const REASON: &str = "provider outage is over now";

fn oban(tag: &str, flavour: &str) -> TestSchema {
    let schema = TestSchema::new(tag);
    schema
        .cmd()
        .args(["install", "--with-oban", flavour, "-q"])
        .assert()
        .success();
    schema
}

fn is_python(schema: &TestSchema) -> bool {
    schema.int(&format!(
        "SELECT count(*)::bigint AS v FROM information_schema.tables WHERE table_schema = {} AND table_name = 'oban_producers'",
        literal(&schema.name)
    )) > 0
}

/// Inserts a failing job whose `errors` is `errors` (a JSON text: an array of entries for a
/// well-formed job, anything for a hostile one), failed `ago` before now.
fn failing(schema: &TestSchema, state: &str, worker: &str, errors: &str, ago: &str) -> i64 {
    let errors = if is_python(schema) {
        format!("{}::jsonb", literal(errors))
    } else {
        // jsonb[] from a JSON array (anything else: one element holding it).
        format!(
            "(SELECT CASE WHEN jsonb_typeof(v) = 'array' THEN coalesce((SELECT array_agg(e) FROM jsonb_array_elements(v) e), '{{}}') ELSE ARRAY[v] END FROM (SELECT {}::jsonb AS v) s)",
            literal(errors)
        )
    };
    let at = format!("timezone('UTC', now()) - interval {}", literal(ago));
    let (scheduled, discarded) = match state {
        "retryable" => (format!("{at} + interval '1 minute'"), "NULL".to_string()),
        _ => (at.clone(), at.clone()),
    };
    schema.int(&format!(
        "INSERT INTO {0}.oban_jobs (state, queue, worker, args, attempt, max_attempts, errors, attempted_at, scheduled_at, discarded_at, attempted_by) \
         VALUES ({1}::{0}.oban_job_state, 'default', {2}, '{{}}', 2, 3, {errors}, {at}, {scheduled}, {discarded}, ARRAY['node-a']) RETURNING id AS v",
        schema.quoted(),
        literal(state),
        literal(worker),
    ))
}

fn entry(text: &str) -> String {
    serde_json::json!([{"attempt": 1, "at": "2026-01-01T00:00:00Z", "error": "earlier"},
                       {"attempt": 2, "at": "2026-01-01T00:01:00Z", "error": text}])
    .to_string()
}

fn errors_json(schema: &TestSchema, args: &[&str]) -> (Vec<Value>, String) {
    let out = schema
        .cmd()
        .args(["--format", "json", "jobs", "errors"])
        .args(args)
        .assert()
        .success();
    let output = out.get_output();
    (
        of_kind(&json_lines(&output.stdout), "error_group"),
        String::from_utf8_lossy(&output.stderr).to_string(),
    )
}

/// Runs a printed command line through a shell, as an operator pasting it would.
fn run_printed(schema: &TestSchema, line: &str, extra: &str) -> assert_cmd::assert::Assert {
    let binary = assert_cmd::cargo::cargo_bin("obanctl");
    let rest = line.strip_prefix("obanctl ").expect("starts with obanctl");
    let mut cmd = crate::common::shell(
        schema.dir.path(),
        &format!("'{}' --format json {rest} {extra}", binary.display()),
    );
    cmd.env("DATABASE_URL", crate::common::cli_database_url())
        .env("OBANCTL_PREFIX", &schema.name)
        .env("OBANCTL_POWERTOOLS_SCHEMA", &schema.name);
    cmd.assert()
}

#[derive(diesel::QueryableByName)]
struct Pair {
    #[diesel(sql_type = diesel::sql_types::Text)]
    input: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    sig: String,
}

/// A small deterministic generator (no extra dependency): strings rich in what the rules look at.
fn corpus() -> Vec<String> {
    let mut texts: Vec<String> = [
        "timeout after 5012 ms for user 81",
        "user \"bob\" can't see 'secret' or `x`",
        "job 9f1c2d3e-0a4b-4c5d-8e6f-7a8b9c0d1e2f lost on 10.0.0.12:5432",
        "bad pointer 0x7ffe12ab, object 5f3a9c2e81d4b6a7 gone",
        "deadbeefcafe effaced abc123 ok user81 x1a2b3c4d 1a2b3c4d 10xff 0x",
        "a\tb\u{1b}c\u{202e}d   e\u{85}f",
        "exited: #PID<0.1234.0> :timeout",
        "\n\n  \t boom 1\r\nstack 2",
        "\"x\"'y' a'b' 'c'",
        "",
        "   ",
        "** (Postgrex.Error) ERROR 23505 (unique_violation) duplicate key \"users_email_index\"",
        "ünïcødé 12 ✓ 修正 \"ö\" 1.2.3.4.",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    texts.push("word ".repeat(300));
    texts.push(format!("{}boom", " ".repeat(4100)));
    texts.push(format!("'{}", "é".repeat(700)));
    let alphabet: Vec<char> = "ab fx0129.-_'\"`\t\n\r<>:é\u{202e}\u{7f}AF"
        .chars()
        .collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut text = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 60) as usize;
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        texts.push(text);
    }
    texts
}

#[test]
fn the_sql_signature_is_the_rust_signature() {
    let texts = corpus();
    let mut sql = Sql::default();
    let input = sql.bind(Bind::Texts(texts.clone()));
    let expr = triage::normalize_sql(&mut sql, &triage::first_line_sql("t.x"));
    let query = format!(
        "SELECT t.x AS input, {expr} AS sig FROM unnest({input}::text[]) WITH ORDINALITY AS t(x, i) ORDER BY t.i"
    );
    let rows: Vec<Pair> = obanctl::db::bound_query(&query, &sql.binds)
        .load(&mut connect())
        .unwrap();
    assert_eq!(rows.len(), texts.len());
    let mismatches: Vec<String> = rows
        .iter()
        .filter(|r| r.sig != triage::signature(&r.input))
        .take(5)
        .map(|r| {
            format!(
                "{:?}: sql {:?} rust {:?}",
                r.input,
                r.sig,
                triage::signature(&r.input)
            )
        })
        .collect();
    assert!(mismatches.is_empty(), "{mismatches:#?}");
}

/// The subscript form used for `jsonb[]` columns reads the same latest error text as the
/// generic `to_jsonb` form, whatever the entries hold.
#[test]
fn the_jsonb_array_form_of_the_latest_error_is_the_generic_form() {
    #[derive(diesel::QueryableByName, Debug)]
    struct Both {
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
        generic: Option<String>,
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
        subscript: Option<String>,
    }
    let arrays = [
        "ARRAY[]::jsonb[]",
        "NULL::jsonb[]",
        r#"ARRAY['{"attempt":1,"error":"first"}', '{"attempt":2,"error":"second\nline"}']::jsonb[]"#,
        r#"ARRAY['{"attempt":1}']::jsonb[]"#,
        r#"ARRAY['"a bare string"']::jsonb[]"#,
        r#"ARRAY['42', 'null', '[1,2]']::jsonb[]"#,
        r#"ARRAY[NULL, '{"error":"after a null"}']::jsonb[]"#,
        r#"ARRAY['{"error":"x"}', NULL]::jsonb[]"#,
        r#"ARRAY[ARRAY['{"error":"two"}'::jsonb], ARRAY['{"error":"dims"}'::jsonb]]"#,
        r#"'[5:6]={"{\"error\":\"offset\"}","{\"error\":\"bounds\"}"}'::jsonb[]"#,
        r#"ARRAY['{"error":{"nested":"object"}}', '{"error":7}']::jsonb[]"#,
    ];
    let mut conn = connect();
    for array in arrays {
        let query = format!(
            "SELECT {} AS generic, {} AS subscript FROM (SELECT {array} AS errors) j",
            triage::error_text_sql("j.errors"),
            triage::error_text_sql_jsonb_array("j.errors")
        );
        let both: Both = diesel::sql_query(query).get_result(&mut conn).unwrap();
        assert_eq!(both.generic, both.subscript, "{array}");
    }
}

fn check_groups_and_commands(flavour: &str) {
    let schema = oban(&format!("errors_{flavour}"), flavour);
    let w = "MyApp.Workers.Sync";
    let mut group = Vec::new();
    for (state, ms, user, ago) in [
        ("retryable", 5012, 81, "10 minutes"),
        ("retryable", 4873, 12, "20 minutes"),
        ("retryable", 77, 3, "30 minutes"),
        ("discarded", 9000, 4, "40 minutes"),
        ("discarded", 1, 5, "50 minutes"),
    ] {
        group.push(failing(
            &schema,
            state,
            w,
            &entry(&format!(
                "timeout after {ms} ms for user {user}\n    (my_app) lib/sync.ex:12"
            )),
            ago,
        ));
    }
    let other = failing(
        &schema,
        "retryable",
        w,
        &entry("** (RuntimeError) boom"),
        "5 minutes",
    );
    let other_worker = failing(
        &schema,
        "retryable",
        "MyApp.Other",
        &entry("timeout after 1 ms for user 2"),
        "5 minutes",
    );
    let old = failing(
        &schema,
        "discarded",
        w,
        &entry("timeout after 3 ms for user 9"),
        "3 days",
    );

    let (groups, _) = errors_json(&schema, &[]);
    assert_eq!(groups.len(), 3, "{groups:#?}");
    let g = &groups[0];
    assert_eq!(g["rank"], 1);
    assert_eq!(g["worker"], w);
    assert_eq!(g["signature"], "timeout after <n> ms for user <n>");
    assert_eq!(g["count"], 5);
    assert_eq!(g["count_at_least"], false);
    assert_eq!(g["by_state"]["retryable"], 3);
    assert_eq!(g["by_state"]["discarded"], 2);
    assert_eq!(g["sample_ids"][0], group[0], "newest first");
    assert_eq!(g["example"]["job_id"], group[0]);
    assert_eq!(
        g["example"]["entry"]["error"],
        "timeout after 5012 ms for user 81\n    (my_app) lib/sync.ex:12"
    );
    assert!(g["last_failed_at"].as_str().unwrap().ends_with('Z'));
    assert!(!groups
        .iter()
        .any(|g| g["sample_ids"].as_array().unwrap().contains(&old.into())));
    let retry = g["retry_command"].as_str().unwrap();
    let discard = g["discard_command"].as_str().unwrap();
    assert!(retry.starts_with("obanctl jobs retry --state discarded,retryable --worker MyApp.Workers.Sync --error-signature 'timeout after <n> ms for user <n>' --since "), "{retry}");
    assert!(
        discard.starts_with("obanctl jobs discard --state retryable "),
        "{discard}"
    );

    // The printed commands select exactly the group.
    let plan = one_of_kind(
        &json_lines(
            &run_printed(&schema, retry, "--dry-run")
                .success()
                .get_output()
                .stdout,
        ),
        "plan",
    );
    assert_eq!(plan["matched"], 5, "{plan}");
    let plan = one_of_kind(
        &json_lines(
            &run_printed(&schema, discard, "--dry-run")
                .success()
                .get_output()
                .stdout,
        ),
        "plan",
    );
    assert_eq!(plan["matched"], 3, "{plan}");
    let out = run_printed(&schema, retry, &format!("--reason '{REASON}' --yes")).success();
    let lines = json_lines(&out.get_output().stdout);
    let mut changed: Vec<i64> = of_kind(&lines, "job_outcome")
        .iter()
        .filter(|o| o["outcome"] == "ok")
        .map(|o| o["id"].as_i64().unwrap())
        .collect();
    changed.sort_unstable();
    let mut expected = group.clone();
    expected.sort_unstable();
    assert_eq!(changed, expected);
    for id in [other, other_worker] {
        assert_eq!(
            schema.strings(&format!(
                "SELECT state::text AS v FROM {}.oban_jobs WHERE id = {id}",
                schema.quoted()
            ))[0],
            "retryable"
        );
    }
    assert_eq!(
        schema.strings(&format!(
            "SELECT state::text AS v FROM {}.oban_jobs WHERE id = {old}",
            schema.quoted()
        ))[0],
        "discarded"
    );

    // Other filters apply; the old failure is found with a wider window.
    let (groups, _) = errors_json(&schema, &["--worker", "MyApp.Other"]);
    assert_eq!(groups.len(), 1);
    let (groups, _) = errors_json(&schema, &["--state", "discarded", "--since", "7d"]);
    assert_eq!(groups[0]["sample_ids"], serde_json::json!([old]));
}

#[test]
fn groups_and_their_commands_elixir() {
    check_groups_and_commands("elixir");
}

#[test]
fn groups_and_their_commands_python() {
    check_groups_and_commands("python");
}

#[test]
fn errors_of_any_shape_are_grouped_not_fatal() {
    let schema = oban("errors_hostile", "python");
    let w = "MyApp.Hostile";
    let ids: Vec<i64> = [
        r#"{"error": "an object, not a list"}"#,
        r#""a scalar""#,
        "42",
        "null",
        "[]",
        r#"[[{"error": "nested"}]]"#,
        r#"[{"error": {"message": "not a string"}}]"#,
        r#"[{"attempt": 1}]"#,
        r#"[null]"#,
        r#"["a bare string entry 12"]"#,
    ]
    .iter()
    .map(|errors| failing(&schema, "retryable", w, errors, "1 minute"))
    .collect();
    let (groups, _) = errors_json(&schema, &[]);
    let total: i64 = groups.iter().map(|g| g["count"].as_i64().unwrap()).sum();
    assert_eq!(total, ids.len() as i64);
    let none = groups
        .iter()
        .find(|g| g["signature"] == triage::NO_ERROR)
        .unwrap();
    assert_eq!(none["count"], 8, "{groups:#?}");
    assert!(groups
        .iter()
        .any(|g| g["signature"] == "a bare string entry <n>"));
    assert!(
        groups.iter().any(|g| g["signature"] == r#"{<str>: <str>}"#),
        "{groups:#?}"
    );
    // Each printed command still selects exactly its group.
    for g in &groups {
        let plan = one_of_kind(
            &json_lines(
                &run_printed(&schema, g["retry_command"].as_str().unwrap(), "--dry-run")
                    .success()
                    .get_output()
                    .stdout,
            ),
            "plan",
        );
        assert_eq!(plan["matched"], g["count"], "{g}");
    }
    // Elixir's jsonb[] with hostile elements.
    let elixir = oban("errors_hostile_ex", "elixir");
    failing(&elixir, "retryable", w, "[null, 3, [1]]", "1 minute");
    failing(
        &elixir,
        "discarded",
        w,
        r#"[{"error": "ok 1"}, null]"#,
        "1 minute",
    );
    let (groups, _) = errors_json(&elixir, &[]);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["signature"], triage::NO_ERROR);
    assert_eq!(groups[0]["count"], 2);
}

#[test]
fn the_scan_is_bounded_and_says_so_and_people_get_a_table() {
    let schema = oban("errors_scan", "elixir");
    for i in 0..4 {
        failing(
            &schema,
            "discarded",
            "MyApp.W",
            &entry(&format!("boom {i}")),
            &format!("{} minutes", i + 1),
        );
    }
    let (groups, stderr) = errors_json(&schema, &["--scan", "3"]);
    assert_eq!(groups[0]["count"], 3);
    assert_eq!(groups[0]["count_at_least"], true);
    assert!(stderr.contains("--scan"), "{stderr}");
    let out = schema.cmd().args(["jobs", "errors"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("MyApp.W"), "{text}");
    assert!(text.contains("boom <n>"), "{text}");
    assert!(text.contains("retry: obanctl jobs retry --state discarded --worker MyApp.W --error-signature 'boom <n>'"), "{text}");
    assert!(
        !text.contains("discard: "),
        "discarded jobs cannot be discarded again: {text}"
    );
    // Nothing failing: a sentence, exit 0.
    let empty = oban("errors_empty", "elixir");
    empty
        .cmd()
        .args(["jobs", "errors"])
        .assert()
        .success()
        .stderr(predicates::str::contains("No failing jobs match"));
}
