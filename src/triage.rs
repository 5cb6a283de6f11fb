//! Failure triage: an error's normalised *signature*, and failing jobs grouped by worker and
//! signature (`obanctl jobs errors`, and the `--error-signature` job filter). Pure: no database
//! access; the SQL text that computes the same signature inside PostgreSQL is built here too, so
//! the two definitions sit side by side (an integration test checks they agree).
//!
//! # The signature, step by step
//!
//! The error text is a job's latest error entry: the last element of `errors` when that is an
//! array (Elixir's `jsonb[]`, oban-py's `jsonb`), its `error` field when the entry is an object
//! (PostgreSQL's text of the value when that is not a string), the entry itself when it is a
//! string; anything else has no text. Then:
//!
//! 1. the first [`PREFIX_CHARS`] characters; leading spaces, tabs, CRs and newlines dropped;
//!    cut at the first newline or CR; at most [`LINE_CHARS`] characters;
//! 2. every character a terminal must not see raw (controls, tabs, bidi marks; see
//!    [`crate::output::sanitize::is_unsafe`]) becomes a space;
//! 3. quoted values become `<str>`: `"..."`, `` `...` `` and `'...'` (a `'` opening a quote only
//!    where no letter, digit or `_` precedes it, so "can't" is left alone);
//! 4. UUIDs (`8-4-4-4-12` hex digits) become `<uuid>`;
//! 5. `0x` hex numbers, and words of 8 or more hex digits with at least one digit (object ids,
//!    SHAs), become `<hex>`;
//! 6. numbers (`123`, `4.5`, `10.0.0.1`) become `<n>`, also inside words (`user81` ->
//!    `user<n>`);
//! 7. runs of spaces become one; at most [`SIGNATURE_CHARS`] characters; trimmed;
//! 8. nothing left: [`NO_ERROR`].
//!
//! So `timeout after 5012 ms for user 81` and `timeout after 4873 ms for user 12` are both
//! `timeout after <n> ms for user <n>`. Character classes are ASCII everywhere (`[0-9]`, not
//! `\d`), so PostgreSQL's locale never changes a signature.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use serde_json::Value;

use crate::jobs::filter::{Bind, Sql};
use crate::output::sanitize::is_unsafe;

/// Characters of the error text looked at for its first line.
pub const PREFIX_CHARS: usize = 4000;
/// Characters of the first line kept before masking.
pub const LINE_CHARS: usize = 500;
/// Longest signature.
pub const SIGNATURE_CHARS: usize = 200;
/// The signature of a job with no error text.
pub const NO_ERROR: &str = "(no error)";

/// The error text of one `errors` entry, as the SQL of [`error_text_sql`] extracts it (for a
/// non-string `error` field PostgreSQL's own JSON text is used there; here serde's, which only
/// matters for such hostile entries).
pub fn entry_text(entry: &Value) -> Option<String> {
    match entry {
        Value::Object(map) => match map.get("error")? {
            Value::String(s) => Some(s.clone()),
            other => Some(other.to_string()),
        },
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// The latest entry of an `errors` value of any shape: the last element of an array, else none.
pub fn latest_entry(errors: &Value) -> Option<&Value> {
    errors.as_array().and_then(|entries| entries.last())
}

/// Step 1: the part of the error text a signature is made from.
pub fn first_line(text: &str) -> String {
    let prefix: String = text.chars().take(PREFIX_CHARS).collect();
    let trimmed = prefix.trim_start_matches([' ', '\t', '\r', '\n']);
    let line = trimmed.split('\n').next().unwrap_or("");
    let line = line.split('\r').next().unwrap_or("");
    line.chars().take(LINE_CHARS).collect()
}

/// The signature of an error text (all steps).
pub fn signature(text: &str) -> String {
    normalize_line(&first_line(text))
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn is_hex(c: char) -> bool {
    c.is_ascii_hexdigit()
}

/// Global, leftmost, non-overlapping replacement, as `regexp_replace(.., 'g')` does: at each
/// position `matcher(chars, i)` returns the end of a match starting there, if any.
fn replace_all(
    chars: &[char],
    mask: &str,
    matcher: impl Fn(&[char], usize) -> Option<usize>,
) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        match matcher(chars, i) {
            Some(end) if end > i => {
                out.extend(mask.chars());
                i = end;
            }
            _ => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

fn quoted_at(chars: &[char], i: usize) -> Option<usize> {
    let open = chars[i];
    let allowed = match open {
        '"' | '`' => true,
        '\'' => i == 0 || !is_word(chars[i - 1]),
        _ => false,
    };
    if !allowed {
        return None;
    }
    let close = chars[i + 1..].iter().position(|&c| c == open)?;
    Some(i + 1 + close + 1)
}

fn uuid_at(chars: &[char], i: usize) -> Option<usize> {
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
    let mut at = i;
    for (n, len) in GROUPS.iter().enumerate() {
        if n > 0 {
            if chars.get(at) != Some(&'-') {
                return None;
            }
            at += 1;
        }
        for _ in 0..*len {
            if !chars.get(at).copied().is_some_and(is_hex) {
                return None;
            }
            at += 1;
        }
    }
    Some(at)
}

fn hex_at(chars: &[char], i: usize) -> Option<usize> {
    let run_end = |from: usize| {
        let mut at = from;
        while chars.get(at).copied().is_some_and(is_hex) {
            at += 1;
        }
        at
    };
    // 0x1f3a
    if chars[i] == '0'
        && matches!(chars.get(i + 1), Some('x' | 'X'))
        && chars.get(i + 2).copied().is_some_and(is_hex)
    {
        return Some(run_end(i + 2));
    }
    // A whole word of 8+ hex digits, one of them a digit.
    if i > 0 && is_word(chars[i - 1]) {
        return None;
    }
    let end = run_end(i);
    let run = &chars[i..end];
    let whole_word = !chars.get(end).copied().is_some_and(is_word);
    (run.len() >= 8 && whole_word && run.iter().any(char::is_ascii_digit)).then_some(end)
}

fn number_at(chars: &[char], i: usize) -> Option<usize> {
    let digits = |from: usize| {
        let mut at = from;
        while chars.get(at).is_some_and(char::is_ascii_digit) {
            at += 1;
        }
        at
    };
    let mut end = digits(i);
    if end == i {
        return None;
    }
    while chars.get(end) == Some(&'.') && chars.get(end + 1).is_some_and(char::is_ascii_digit) {
        end = digits(end + 1);
    }
    Some(end)
}

/// Steps 2 to 8 on a first line.
pub fn normalize_line(line: &str) -> String {
    let chars: Vec<char> = line
        .chars()
        .map(|c| if is_unsafe(c) { ' ' } else { c })
        .collect();
    let chars = replace_all(&chars, "<str>", quoted_at);
    let chars = replace_all(&chars, "<uuid>", uuid_at);
    let chars = replace_all(&chars, "<hex>", hex_at);
    let chars = replace_all(&chars, "<n>", number_at);
    let mut collapsed = String::with_capacity(chars.len());
    for c in chars {
        if c == ' ' && collapsed.ends_with(' ') {
            continue;
        }
        collapsed.push(c);
    }
    let cut: String = collapsed.chars().take(SIGNATURE_CHARS).collect();
    let trimmed = cut.trim_matches(' ');
    if trimmed.is_empty() {
        NO_ERROR.to_string()
    } else {
        trimmed.to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// The same in SQL

/// The unsafe characters of step 2, as a PostgreSQL bracket expression.
const UNSAFE_PATTERN: &str = r"[\x01-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]";
const QUOTED_PATTERN: &str = r#""[^"]*"|(?<![A-Za-z0-9_])'[^']*'|`[^`]*`"#;
const UUID_PATTERN: &str =
    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const HEX_PATTERN: &str =
    "0[xX][0-9a-fA-F]+|(?<![A-Za-z0-9_])(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{8,}(?![A-Za-z0-9_])";
const NUMBER_PATTERN: &str = r"[0-9]+(\.[0-9]+)*";

/// SQL for the error text of the latest entry of `errors_expr` (a `jsonb[]` or `jsonb` column),
/// NULL when there is none. Both flavours go through `to_jsonb`, so one expression serves both.
pub fn error_text_sql(errors_expr: &str) -> String {
    format!(
        "(SELECT CASE jsonb_typeof(s1.e) WHEN 'object' THEN s1.e->>'error' WHEN 'string' THEN s1.e #>> '{{}}' END \
          FROM (SELECT CASE WHEN jsonb_typeof(s0.x) = 'array' THEN s0.x->-1 END AS e \
                FROM (SELECT to_jsonb({errors_expr}) AS x) s0) s1)"
    )
}

/// [`error_text_sql`] for a column known to be `jsonb[]` (Elixir Oban): the last element is taken
/// by subscript instead of converting the whole array (every attempt's error and stack trace) to
/// one jsonb value first; the same text for every value, at a third of the cost on long histories.
pub fn error_text_sql_jsonb_array(errors_expr: &str) -> String {
    format!(
        "(SELECT CASE jsonb_typeof(s1.e) WHEN 'object' THEN s1.e->>'error' WHEN 'string' THEN s1.e #>> '{{}}' END \
          FROM (SELECT ({errors_expr})[array_upper({errors_expr}, 1)] AS e) s1)"
    )
}

/// SQL for step 1 ([`first_line`]) of the text `text_expr` (NULL reads as empty).
pub fn first_line_sql(text_expr: &str) -> String {
    format!(
        "left(split_part(split_part(ltrim(left(coalesce({text_expr}, ''), {PREFIX_CHARS}), E' \\t\\r\\n'), E'\\n', 1), E'\\r', 1), {LINE_CHARS})"
    )
}

/// SQL for steps 2 to 8 ([`normalize_line`]) of `line_expr`; the patterns are bind parameters.
pub fn normalize_sql(sql: &mut Sql, line_expr: &str) -> String {
    let mut expr = line_expr.to_string();
    for (pattern, mask) in [
        (UNSAFE_PATTERN, " "),
        (QUOTED_PATTERN, "<str>"),
        (UUID_PATTERN, "<uuid>"),
        (HEX_PATTERN, "<hex>"),
        (NUMBER_PATTERN, "<n>"),
        (" {2,}", " "),
    ] {
        let pattern = sql.bind(Bind::Text(pattern.to_string()));
        expr = format!("regexp_replace({expr}, {pattern}, '{mask}', 'g')");
    }
    format!("coalesce(nullif(btrim(left({expr}, {SIGNATURE_CHARS}), ' '), ''), '{NO_ERROR}')")
}

/// SQL for the signature of the job row `j` (its latest error).
pub fn signature_sql(sql: &mut Sql, errors_expr: &str) -> String {
    normalize_sql(sql, &first_line_sql(&error_text_sql(errors_expr)))
}

// ---------------------------------------------------------------------------------------------
// Grouping

/// One failing job as `jobs errors` reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub id: i64,
    pub state: String,
    pub worker: String,
    pub attempt: i32,
    pub max_attempts: i32,
    /// When it failed (discarded_at, or the failing attempt's attempted_at).
    pub failed_at: Option<NaiveDateTime>,
    /// Step 1 of its latest error ([`first_line`]), as the database cut it.
    pub line: String,
}

/// Failing jobs with one worker and one signature.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub worker: String,
    pub signature: String,
    pub count: i64,
    pub by_state: BTreeMap<String, i64>,
    pub first_failed_at: Option<NaiveDateTime>,
    pub last_failed_at: Option<NaiveDateTime>,
    pub attempt_min: i32,
    pub attempt_max: i32,
    /// The newest jobs' ids, newest first (at most the sample size).
    pub sample_ids: Vec<i64>,
    /// The newest job (its full error is the group's example).
    pub example_id: i64,
}

/// Groups failures by worker and signature: largest first, then the most recent, then by worker
/// and signature (a stable order). `sample` ids are kept per group, newest first.
pub fn group(failures: &[Failure], sample: usize) -> Vec<Group> {
    let mut order: Vec<&Failure> = failures.iter().collect();
    // Newest first (a job with no time last), so each group's sample and example are its newest.
    order.sort_by(|a, b| b.failed_at.cmp(&a.failed_at).then_with(|| b.id.cmp(&a.id)));
    let mut index: HashMap<(&str, String), usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for job in order {
        let key = (job.worker.as_str(), normalize_line(&job.line));
        let at = *index.entry(key.clone()).or_insert_with(|| {
            groups.push(Group {
                worker: key.0.to_string(),
                signature: key.1.clone(),
                count: 0,
                by_state: BTreeMap::new(),
                first_failed_at: job.failed_at,
                last_failed_at: job.failed_at,
                attempt_min: job.attempt,
                attempt_max: job.attempt,
                sample_ids: Vec::new(),
                example_id: job.id,
            });
            groups.len() - 1
        });
        let g = &mut groups[at];
        g.count += 1;
        *g.by_state.entry(job.state.clone()).or_default() += 1;
        if job.failed_at.is_some() {
            g.first_failed_at = match g.first_failed_at {
                Some(first) => Some(first.min(job.failed_at.unwrap_or(first))),
                None => job.failed_at,
            };
            g.last_failed_at = g.last_failed_at.max(job.failed_at);
        }
        g.attempt_min = g.attempt_min.min(job.attempt);
        g.attempt_max = g.attempt_max.max(job.attempt);
        if g.sample_ids.len() < sample {
            g.sample_ids.push(job.id);
        }
    }
    groups.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| b.last_failed_at.cmp(&a.last_failed_at))
            .then_with(|| a.worker.cmp(&b.worker))
            .then_with(|| a.signature.cmp(&b.signature))
    });
    groups
}

/// `text` as one POSIX shell word: bare when it is plainly safe, else in single quotes.
pub fn shell_quote(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=,@%+".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    #[test]
    fn numbers_ids_uuids_hex_and_quotes_are_masked() {
        assert_eq!(
            signature("timeout after 5012 ms for user 81"),
            signature("timeout after 4873 ms for user 12")
        );
        assert_eq!(
            signature("timeout after 5012 ms for user 81"),
            "timeout after <n> ms for user <n>"
        );
        assert_eq!(
            signature("job 9f1c2d3e-0a4b-4c5d-8e6f-7a8b9c0d1e2f lost on 10.0.0.12:5432"),
            "job <uuid> lost on <n>:<n>"
        );
        assert_eq!(
            signature("bad pointer 0x7ffe12ab, object 5f3a9c2e81d4b6a7 gone"),
            "bad pointer <hex>, object <hex> gone"
        );
        assert_eq!(
            signature(r#"user "bob" can't see 'secret' or `x`"#),
            "user <str> can't see <str> or <str>"
        );
        assert_eq!(signature("user81 and job_7"), "user<n> and job_<n>");
        // Hex-looking words without a digit, or too short, are words.
        assert_eq!(signature("deadbeefcafe effaced"), "deadbeefcafe effaced");
        assert_eq!(signature("abc123 ok"), "abc<n> ok");
    }

    #[test]
    fn elixir_errors_keep_their_shape() {
        assert_eq!(
            signature("** (RuntimeError) boom for %{id: 81, email: \"a@b\"}\n    (my_app) lib/x.ex:12: X.perform/1"),
            "** (RuntimeError) boom for %{id: <n>, email: <str>}"
        );
        assert_eq!(
            signature("** (Postgrex.Error) ERROR 23505 (unique_violation) duplicate key value violates unique constraint \"users_email_index\""),
            "** (Postgrex.Error) ERROR <n> (unique_violation) duplicate key value violates unique constraint <str>"
        );
        assert_eq!(
            signature("exited: #PID<0.1234.0> :timeout"),
            "exited: #PID<<n>> :timeout"
        );
    }

    #[test]
    fn the_first_line_is_the_first_non_blank_one() {
        assert_eq!(signature("\n\n  \t boom 1\r\nstack 2"), "boom <n>");
        assert_eq!(signature(""), NO_ERROR);
        assert_eq!(signature("   \n  "), NO_ERROR);
        assert_eq!(signature("\"\""), "<str>");
        // Only the first line counts, even when it is blank after masking.
        assert_eq!(signature("\u{1b}[2J\nreal error"), "[<n>J");
    }

    #[test]
    fn unsafe_characters_become_spaces_and_spaces_collapse() {
        assert_eq!(signature("a\tb\u{1b}c\u{202e}d   e"), "a b c d e");
        assert!(!signature("x\u{9b}2Jy").chars().any(is_unsafe));
    }

    #[test]
    fn signatures_are_bounded() {
        let long = "word ".repeat(1000);
        assert!(signature(&long).chars().count() <= SIGNATURE_CHARS);
        // A first line far into the text is not looked for past the prefix.
        let late = format!("{}boom", " ".repeat(PREFIX_CHARS));
        assert_eq!(signature(&late), NO_ERROR);
        let unclosed = format!("\"{}", "a".repeat(10_000));
        assert_eq!(signature(&unclosed).chars().count(), SIGNATURE_CHARS);
    }

    #[test]
    fn entries_of_any_shape_have_a_text_or_none() {
        assert_eq!(
            entry_text(&json!({"attempt": 1, "error": "boom"})),
            Some("boom".into())
        );
        assert_eq!(entry_text(&json!("plain")), Some("plain".into()));
        assert_eq!(entry_text(&json!({"error": 42})), Some("42".into()));
        assert_eq!(entry_text(&json!({"no": "error"})), None);
        assert_eq!(entry_text(&json!([1, 2])), None);
        assert_eq!(entry_text(&json!(null)), None);
        assert_eq!(
            latest_entry(&json!([{"error": "a"}, {"error": "b"}])),
            Some(&json!({"error": "b"}))
        );
        assert_eq!(latest_entry(&json!({"error": "a"})), None);
        assert_eq!(latest_entry(&json!([])), None);
    }

    fn failure(id: i64, worker: &str, state: &str, at: i64, line: &str) -> Failure {
        Failure {
            id,
            state: state.into(),
            worker: worker.into(),
            attempt: (id % 5) as i32 + 1,
            max_attempts: 20,
            failed_at: chrono::DateTime::from_timestamp(at, 0).map(|t| t.naive_utc()),
            line: line.into(),
        }
    }

    #[test]
    fn groups_are_by_worker_and_signature_largest_first() {
        let jobs = vec![
            failure(
                1,
                "A",
                "retryable",
                100,
                "timeout after 5012 ms for user 81",
            ),
            failure(
                2,
                "A",
                "discarded",
                300,
                "timeout after 4873 ms for user 12",
            ),
            failure(3, "B", "retryable", 200, "timeout after 1 ms for user 1"),
            failure(4, "A", "retryable", 400, "other"),
            failure(5, "A", "retryable", 50, "timeout after 7 ms for user 3"),
        ];
        let groups = group(&jobs, 2);
        assert_eq!(groups.len(), 3);
        let g = &groups[0];
        assert_eq!(
            (g.worker.as_str(), g.signature.as_str(), g.count),
            ("A", "timeout after <n> ms for user <n>", 3)
        );
        assert_eq!(g.sample_ids, vec![2, 1], "newest first, bounded");
        assert_eq!(g.example_id, 2);
        assert_eq!(g.by_state["retryable"], 2);
        assert_eq!(g.by_state["discarded"], 1);
        assert_eq!(g.first_failed_at, jobs[4].failed_at);
        assert_eq!(g.last_failed_at, jobs[1].failed_at);
        assert_eq!((g.attempt_min, g.attempt_max), (1, 3));
        assert_eq!(groups[1].signature, "other", "ties: the latest first");
        assert_eq!(groups[2].worker, "B");
    }

    #[test]
    fn jobs_without_a_time_still_group() {
        let mut jobs = vec![failure(1, "A", "retryable", 100, "x")];
        jobs.push(Failure {
            failed_at: None,
            ..failure(2, "A", "retryable", 0, "x")
        });
        let groups = group(&jobs, 5);
        assert_eq!(groups[0].count, 2);
        assert_eq!(groups[0].sample_ids, vec![1, 2]);
        assert_eq!(groups[0].first_failed_at, jobs[0].failed_at);
    }

    #[test]
    fn shell_words_survive_a_shell() {
        assert_eq!(shell_quote("MyApp.Workers.Sync"), "MyApp.Workers.Sync");
        assert_eq!(shell_quote("user <n> can't"), r"'user <n> can'\''t'");
        assert_eq!(shell_quote(""), "''");
    }

    proptest! {
        #[test]
        fn signatures_are_stable_bounded_and_digit_free(text in "[ -~\\t\\n\u{e9}\u{202e}]{0,300}") {
            let sig = signature(&text);
            prop_assert!(sig.chars().count() <= SIGNATURE_CHARS);
            prop_assert!(!sig.chars().any(|c| c.is_ascii_digit()));
            prop_assert!(!sig.chars().any(is_unsafe));
            // Not idempotent, and need not be: `--error-signature` compares the signatures
            // computed from the stored errors with the one given, never re-normalising it (a
            // mask such as `<n>` before a quote changes whether the quote opens: "0''" gives
            // "<n>''", whose own signature is "<n><str>").
        }

        #[test]
        fn changing_digits_keeps_the_signature(text in "[a-f0-9 x.\"'_-]{0,80}", shift in 1u32..9) {
            // 1..=9 only: a `0` may start `0x`.
            let moved: String = text
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) if d > 0 => char::from_digit((d - 1 + shift) % 9 + 1, 10).unwrap(),
                    _ => c,
                })
                .collect();
            prop_assert_eq!(signature(&text), signature(&moved));
        }
    }
}
