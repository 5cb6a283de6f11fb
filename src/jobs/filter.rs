//! Job filters: parsed from flags, turned into a SQL `WHERE` clause whose every value is a bind
//! parameter. Pure: the SQL text is built here, executed elsewhere.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::{Map, Value};

use super::JobState;

/// A time bound as given on the command line: absolute (UTC), or relative to the start of the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeBound {
    At(NaiveDateTime),
    Ago(std::time::Duration),
}

impl TimeBound {
    /// `2026-11-23T08:00:00Z`, `2026-11-23 08:00:00` (UTC), `2026-11-23`, or a duration ago (`2h`).
    pub fn parse(text: &str) -> Result<TimeBound, String> {
        let text = text.trim();
        if let Ok(at) = chrono::DateTime::parse_from_rfc3339(text) {
            return Ok(TimeBound::At(at.naive_utc()));
        }
        for format in ["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f"] {
            if let Ok(at) = NaiveDateTime::parse_from_str(text, format) {
                return Ok(TimeBound::At(at));
            }
        }
        if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Ok(TimeBound::At(
                day.and_hms_opt(0, 0, 0).expect("midnight exists"),
            ));
        }
        match humantime::parse_duration(text) {
            Ok(_) => crate::values::age(text).map(TimeBound::Ago),
            Err(_) => Err(format!(
                "`{text}` is neither a time (2026-11-23T08:00:00Z, 2026-11-23) nor a duration ago (90m, 2h, 7d)"
            )),
        }
    }

    /// The absolute time, once the bound has been frozen (none for a still-relative bound).
    pub fn fixed(&self) -> Option<NaiveDateTime> {
        match self {
            TimeBound::At(at) => Some(*at),
            TimeBound::Ago(_) => None,
        }
    }

    /// Fixes a relative bound against one clock reading, so every batch of a run uses the same
    /// window.
    pub fn freeze(&self, now: NaiveDateTime) -> NaiveDateTime {
        let at = match self {
            TimeBound::At(at) => *at,
            // A duration reaching past the calendar's start means "since forever", not a crash.
            TimeBound::Ago(ago) => chrono::Duration::from_std(*ago)
                .ok()
                .and_then(|ago| now.checked_sub_signed(ago))
                .unwrap_or(NaiveDateTime::MIN),
        };
        // PostgreSQL's timestamps span 4713 BC to 294276 AD; anything outside years 1..=9999
        // means "unbounded" here, and must not become a "timestamp out of range" error.
        let floor = NaiveDate::from_ymd_opt(1, 1, 1)
            .expect("valid date")
            .and_hms_opt(0, 0, 0)
            .expect("valid time");
        let ceiling = NaiveDate::from_ymd_opt(9999, 12, 31)
            .expect("valid date")
            .and_hms_opt(23, 59, 59)
            .expect("valid time");
        at.clamp(floor, ceiling)
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct JobFilter {
    pub states: Vec<JobState>,
    pub queues: Vec<String>,
    pub workers: Vec<String>,
    pub tags: Vec<String>,
    pub ids: Vec<i64>,
    /// JSON containment on `args` (served by the GIN index).
    pub args: Map<String, Value>,
    pub meta: Map<String, Value>,
    pub since: Option<TimeBound>,
    pub until: Option<TimeBound>,
    pub error_contains: Option<String>,
    /// The latest error's normalised signature equals this ([`crate::triage`]).
    pub error_signature: Option<String>,
    /// An `available` state in `states` matches only stranded jobs: available but with no attempt
    /// left (`attempt >= max_attempts`), which Oban never fetches (retry repairs them).
    pub available_only_stranded: bool,
}

/// Longest filter value accepted; longer ones are surely a mistake.
const MAX_VALUE_CHARS: usize = 1000;

pub fn check_length(what: &str, value: &str) -> Result<(), String> {
    if value.chars().count() > MAX_VALUE_CHARS {
        return Err(format!(
            "{what} is longer than {MAX_VALUE_CHARS} characters"
        ));
    }
    if value.contains('\0') {
        return Err(format!("{what} must not contain NUL bytes"));
    }
    Ok(())
}

/// Parses `KEY=VALUE` into a containment object. `KEY` may be a dotted path (`user.id=7`); `VALUE`
/// is JSON when it parses as JSON (`42`, `true`, `"42"`, `{"a":1}`), otherwise a string.
/// Messages name the key only: the value may be a secret (`--args password=...`).
pub fn parse_containment(pair: &str, into: &mut Map<String, Value>) -> Result<(), String> {
    check_length("filter", pair)?;
    let (key, raw) = pair
        .split_once('=')
        .ok_or_else(|| "a filter value is not KEY=VALUE (the value is not shown)".to_string())?;
    let key = key.trim();
    if key.is_empty() || key.split('.').any(str::is_empty) {
        return Err("a filter has an empty key (KEY=VALUE, dotted KEY for nesting)".to_string());
    }
    let value =
        serde_json::from_str::<Value>(raw).unwrap_or_else(|_| Value::String(raw.to_string()));
    let mut path: Vec<&str> = key.split('.').collect();
    let last = path.pop().expect("split yields one part at least");
    let mut node = into;
    for part in path {
        let entry = node
            .entry(part.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        if !entry.is_object() {
            return Err(format!(
                "the filter on `{key}` conflicts with another filter on `{part}`"
            ));
        }
        node = entry.as_object_mut().expect("checked above");
    }
    node.insert(last.to_string(), value);
    Ok(())
}

/// Escapes `%`, `_` and `\` for a `LIKE ... ESCAPE '\'` pattern.
pub fn like_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Replaces relative bounds with absolute ones read from one clock, so every batch or poll of a
/// run uses the same window.
pub fn freeze_window(
    since: &mut Option<TimeBound>,
    until: &mut Option<TimeBound>,
    now: NaiveDateTime,
) {
    for bound in [since, until].into_iter().flatten() {
        *bound = TimeBound::At(bound.freeze(now));
    }
}

/// `expr >= since` and `expr < until`, bound. Bounds should be frozen first; an unfrozen one is
/// read against this machine's clock.
pub fn window_conditions(
    sql: &mut Sql,
    expr: &str,
    since: &Option<TimeBound>,
    until: &Option<TimeBound>,
) -> Vec<String> {
    let now = chrono::Utc::now().naive_utc();
    [(since, ">="), (until, "<")]
        .into_iter()
        .filter_map(|(bound, op)| {
            let at = bound.as_ref()?.freeze(now);
            Some(format!(
                "{expr} {op} {}::timestamp",
                sql.bind(Bind::Timestamp(at))
            ))
        })
        .collect()
}

/// A value to bind to one `$n` placeholder.
#[derive(Debug, Clone, PartialEq)]
pub enum Bind {
    BigInt(i64),
    BigInts(Vec<i64>),
    Text(String),
    Texts(Vec<String>),
    Json(Value),
    Timestamp(NaiveDateTime),
}

/// SQL text under construction together with its bind values, numbered in order.
#[derive(Debug, Default, Clone)]
pub struct Sql {
    pub binds: Vec<Bind>,
}

impl Sql {
    /// Adds a bind value and returns its placeholder.
    pub fn bind(&mut self, value: Bind) -> String {
        self.binds.push(value);
        format!("${}", self.binds.len())
    }
}

impl JobFilter {
    pub fn is_empty(&self) -> bool {
        *self == JobFilter::default()
    }

    /// Replaces relative time bounds with absolute ones read from one clock.
    pub fn freeze(&mut self, now: NaiveDateTime) {
        freeze_window(&mut self.since, &mut self.until, now);
    }

    fn timestamp_expr(&self) -> String {
        match self.states.as_slice() {
            [single] => format!("j.{}", single.timestamp_column()),
            _ => {
                let arms: String = JobState::ALL
                    .iter()
                    .map(|s| format!(" WHEN '{}' THEN j.{}", s.as_str(), s.timestamp_column()))
                    .collect();
                format!("(CASE j.state::text{arms} END)")
            }
        }
    }

    /// Conditions on the alias `j` (the `oban_jobs` row). `state_type` is the schema-qualified
    /// enum type, e.g. `"public".oban_job_state`. Returns `TRUE` for an empty filter.
    pub fn conditions(&self, sql: &mut Sql, state_type: &str) -> String {
        let mut parts = Vec::new();
        if !self.ids.is_empty() {
            parts.push(format!(
                "j.id = ANY({}::bigint[])",
                sql.bind(Bind::BigInts(self.ids.clone()))
            ));
        }
        if !self.states.is_empty() {
            let stranded =
                self.available_only_stranded && self.states.contains(&JobState::Available);
            let states: Vec<String> = self
                .states
                .iter()
                .filter(|s| !(stranded && **s == JobState::Available))
                .map(|s| s.as_str().to_string())
                .collect();
            let mut alternatives = Vec::new();
            if !states.is_empty() {
                alternatives.push(one_or_any(
                    sql,
                    "j.state",
                    states,
                    &format!("::{state_type}"),
                ));
            }
            if stranded {
                alternatives.push(format!(
                    "(j.state = 'available'::{state_type} AND j.attempt >= j.max_attempts)"
                ));
            }
            parts.push(if alternatives.len() == 1 {
                alternatives.remove(0)
            } else {
                format!("({})", alternatives.join(" OR "))
            });
        }
        if !self.queues.is_empty() {
            parts.push(one_or_any(sql, "j.queue", self.queues.clone(), ""));
        }
        if !self.workers.is_empty() {
            parts.push(one_or_any(sql, "j.worker", self.workers.clone(), ""));
        }
        if !self.tags.is_empty() {
            parts.push(format!(
                "j.tags @> {}::text[]",
                sql.bind(Bind::Texts(self.tags.clone()))
            ));
        }
        if !self.args.is_empty() {
            parts.push(format!(
                "j.args @> {}::jsonb",
                sql.bind(Bind::Json(Value::Object(self.args.clone())))
            ));
        }
        if !self.meta.is_empty() {
            parts.push(format!(
                "j.meta @> {}::jsonb",
                sql.bind(Bind::Json(Value::Object(self.meta.clone())))
            ));
        }
        parts.extend(window_conditions(
            sql,
            &self.timestamp_expr(),
            &self.since,
            &self.until,
        ));
        if let Some(text) = &self.error_contains {
            // to_jsonb() reads both flavours: jsonb[] (Elixir) and jsonb (Python port), where the
            // value may be anything; only an array has entries to look at.
            parts.push(format!(
                "EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(to_jsonb(j.errors)) = 'array' \
                 THEN to_jsonb(j.errors) ELSE '[]'::jsonb END) AS e(entry) \
                 WHERE e.entry->>'error' ILIKE {} ESCAPE '\\')",
                sql.bind(Bind::Text(format!("%{}%", like_escape(text))))
            ));
        }
        if let Some(signature) = &self.error_signature {
            // The same normalisation `jobs errors` groups by, computed in the database.
            let expr = crate::triage::signature_sql(sql, "j.errors");
            parts.push(format!(
                "{expr} = {}",
                sql.bind(Bind::Text(signature.clone()))
            ));
        }
        if parts.is_empty() {
            "TRUE".to_string()
        } else {
            parts.join(" AND ")
        }
    }
}

/// `column = $n` for one value (the planner then uses the column's statistics), `column = ANY($n)`
/// for several. `cast` turns the bound text into the column's type (the state enum).
fn one_or_any(sql: &mut Sql, column: &str, mut values: Vec<String>, cast: &str) -> String {
    if values.len() == 1 {
        let value = sql.bind(Bind::Text(values.remove(0)));
        format!("{column} = {value}::text{cast}")
    } else {
        let array_cast = if cast.is_empty() {
            String::new()
        } else {
            format!("{cast}[]")
        };
        format!(
            "{column} = ANY({}::text[]{array_cast})",
            sql.bind(Bind::Texts(values))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn containment_pairs_build_nested_objects_and_keep_json_types() {
        let mut map = Map::new();
        parse_containment("user.id=42", &mut map).unwrap();
        parse_containment("user.name=ann", &mut map).unwrap();
        parse_containment("force=\"42\"", &mut map).unwrap();
        parse_containment("flag=true", &mut map).unwrap();
        assert_eq!(
            Value::Object(map),
            json!({"user": {"id": 42, "name": "ann"}, "force": "42", "flag": true})
        );
    }

    #[test]
    fn containment_refuses_nonsense() {
        let mut map = Map::new();
        assert!(parse_containment("novalue", &mut map).is_err());
        assert!(parse_containment("=x", &mut map).is_err());
        assert!(parse_containment("a..b=1", &mut map).is_err());
        parse_containment("a=1", &mut map).unwrap();
        assert!(parse_containment("a.b=1", &mut map).is_err());
        assert!(parse_containment(&format!("k={}", "x".repeat(1001)), &mut map).is_err());
    }

    #[test]
    fn time_bounds_parse_absolute_and_relative() {
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap();
        assert_eq!(
            TimeBound::parse("2026-11-23T08:00:00Z").unwrap(),
            TimeBound::At(at("2026-11-23 08:00:00"))
        );
        assert_eq!(
            TimeBound::parse("2026-11-23T10:00:00+02:00").unwrap(),
            TimeBound::At(at("2026-11-23 08:00:00"))
        );
        assert_eq!(
            TimeBound::parse("2026-11-23").unwrap(),
            TimeBound::At(at("2026-11-23 00:00:00"))
        );
        let ago = TimeBound::parse("2h").unwrap();
        assert_eq!(
            ago.fixed(),
            None,
            "a relative bound has no fixed time until frozen"
        );
        assert_eq!(
            TimeBound::At(at("2026-11-23 08:00:00")).fixed(),
            Some(at("2026-11-23 08:00:00"))
        );
        assert_eq!(
            ago.freeze(at("2026-11-23 08:00:00")),
            at("2026-11-23 06:00:00")
        );
        assert!(TimeBound::parse("yesterday-ish").is_err());
    }

    #[test]
    fn every_value_is_a_bind_parameter() {
        let filter = JobFilter {
            states: vec![JobState::Discarded],
            queues: vec!["q'; DROP TABLE oban_jobs; --".into()],
            tags: vec!["a".into()],
            error_contains: Some("100%_done".into()),
            ..Default::default()
        };
        let mut sql = Sql::default();
        let text = filter.conditions(&mut sql, "\"public\".oban_job_state");
        assert_eq!(
            text,
            "j.state = $1::text::\"public\".oban_job_state AND j.queue = $2::text AND j.tags @> $3::text[] \
             AND EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(to_jsonb(j.errors)) = 'array' \
             THEN to_jsonb(j.errors) ELSE '[]'::jsonb END) AS e(entry) WHERE e.entry->>'error' ILIKE $4 ESCAPE '\\')"
        );
        assert!(!text.contains("DROP"));
        assert_eq!(sql.binds[3], Bind::Text("%100\\%\\_done%".into()));
    }

    #[test]
    fn the_state_timestamp_follows_the_state() {
        let single = JobFilter {
            states: vec![JobState::Discarded],
            since: Some(TimeBound::Ago(std::time::Duration::from_secs(60))),
            ..Default::default()
        };
        let mut sql = Sql::default();
        assert!(single
            .conditions(&mut sql, "t")
            .contains("j.discarded_at >= $2::timestamp"));
        let mixed = JobFilter {
            until: Some(TimeBound::Ago(std::time::Duration::from_secs(60))),
            ..Default::default()
        };
        let text = mixed.conditions(&mut Sql::default(), "t");
        assert!(
            text.contains("WHEN 'completed' THEN j.completed_at"),
            "{text}"
        );
    }

    #[test]
    fn stranded_available_jobs_are_a_state_of_their_own() {
        let filter = JobFilter {
            states: vec![JobState::Discarded, JobState::Available],
            available_only_stranded: true,
            ..Default::default()
        };
        let mut sql = Sql::default();
        assert_eq!(
            filter.conditions(&mut sql, "t"),
            "(j.state = $1::text::t OR (j.state = 'available'::t AND j.attempt >= j.max_attempts))"
        );
    }

    #[test]
    fn empty_filter_matches_everything() {
        assert!(JobFilter::default().is_empty());
        assert_eq!(
            JobFilter::default().conditions(&mut Sql::default(), "t"),
            "TRUE"
        );
    }
}
