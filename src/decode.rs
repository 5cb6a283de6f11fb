//! Tolerant decoding of database values. Pure (byte parsing only, no database access).
//!
//! One hostile or odd row must never fail a whole listing. PostgreSQL happily stores what the
//! usual Rust types cannot hold: `infinity` and timestamps past chrono's range, JSON nested deeper
//! than serde_json's recursion limit, `NULL` elements in `text[]`. These types take every such
//! value and say what it is, so the row is shown (`infinity`, `<json too deep: 4.1 kB>`) and the
//! command carries on.

use std::fmt;

use chrono::NaiveDateTime;
use diesel::deserialize::{self, FromSql};
use diesel::pg::data_types::PgTimestamp;
use diesel::pg::{Pg, PgValue};
use diesel::sql_types;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::output::{fmt as human_fmt, time};

/// A `timestamp` or `timestamptz` as PostgreSQL may hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Timestamp {
    NegInfinity,
    At(NaiveDateTime),
    /// A finite value chrono cannot represent (beyond year 262 143), as microseconds since
    /// 2000-01-01.
    OutOfRange(i64),
    Infinity,
}

fn pg_epoch() -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2000, 1, 1)
        .expect("valid date")
        .and_hms_opt(0, 0, 0)
        .expect("valid time")
}

impl Timestamp {
    /// From PostgreSQL's binary form: microseconds since 2000-01-01, `i64::MAX`/`MIN` for
    /// `infinity`/`-infinity`.
    pub fn from_micros(micros: i64) -> Timestamp {
        match micros {
            i64::MAX => Timestamp::Infinity,
            i64::MIN => Timestamp::NegInfinity,
            micros => pg_epoch()
                .checked_add_signed(chrono::Duration::microseconds(micros))
                .map(Timestamp::At)
                .unwrap_or(Timestamp::OutOfRange(micros)),
        }
    }

    /// The point in time, when it is one chrono can hold.
    pub fn at(self) -> Option<NaiveDateTime> {
        match self {
            Timestamp::At(at) => Some(at),
            _ => None,
        }
    }

    /// The JSON form: RFC 3339, or `infinity`, `-infinity`, `out of range (+294276)`.
    pub fn machine(self) -> String {
        match self {
            Timestamp::At(at) => time::rfc3339(at),
            other => other.special_text(),
        }
    }

    fn special_text(self) -> String {
        match self {
            Timestamp::Infinity => "infinity".into(),
            Timestamp::NegInfinity => "-infinity".into(),
            Timestamp::OutOfRange(micros) => {
                // Roughly the year, to say which way it is out of range.
                let years = micros / 31_556_952_000_000 + 2000;
                format!("out of range ({years:+})")
            }
            Timestamp::At(at) => time::human(at),
        }
    }
}

impl fmt::Display for Timestamp {
    /// For people: [`time::human`], or the special value's name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.special_text())
    }
}

impl From<NaiveDateTime> for Timestamp {
    fn from(at: NaiveDateTime) -> Self {
        Timestamp::At(at)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.machine())
    }
}

impl FromSql<sql_types::Timestamp, Pg> for Timestamp {
    fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
        let PgTimestamp(micros) = FromSql::<sql_types::Timestamp, Pg>::from_sql(bytes)?;
        Ok(Timestamp::from_micros(micros))
    }
}

impl FromSql<sql_types::Timestamptz, Pg> for Timestamp {
    fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
        FromSql::<sql_types::Timestamp, Pg>::from_sql(bytes)
    }
}

/// `Option<Timestamp>` for people: `-` when NULL.
pub fn human_time(at: Option<Timestamp>) -> String {
    at.map(|t| t.to_string()).unwrap_or_else(|| "-".into())
}

/// A `json`/`jsonb` value, or the reason it could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Value(Value),
    /// Valid in PostgreSQL but not readable here (nested deeper than serde_json allows).
    Unreadable {
        bytes: usize,
        reason: &'static str,
    },
}

impl Default for Json {
    fn default() -> Self {
        Json::Value(Value::Null)
    }
}

impl Json {
    pub fn parse(text: &[u8]) -> Json {
        match serde_json::from_slice::<Value>(text) {
            Ok(value) => Json::Value(value),
            Err(err) => Json::Unreadable {
                bytes: text.len(),
                reason: if err.to_string().contains("recursion limit") {
                    "json too deep"
                } else {
                    "unreadable json"
                },
            },
        }
    }

    pub fn value(&self) -> Option<&Value> {
        match self {
            Json::Value(value) => Some(value),
            Json::Unreadable { .. } => None,
        }
    }

    /// The value, or the placeholder string that stands for it.
    pub fn to_value(&self) -> Value {
        match self {
            Json::Value(value) => value.clone(),
            unreadable => Value::String(unreadable.placeholder()),
        }
    }

    /// `<json too deep: 4.1 kB>` (empty for a readable value).
    pub fn placeholder(&self) -> String {
        match self {
            Json::Value(_) => String::new(),
            Json::Unreadable { bytes, reason } => {
                format!("<{reason}: {}>", human_fmt::bytes(*bytes as u64))
            }
        }
    }

    /// Applies `f` to a readable value; an unreadable one stays as it is.
    pub fn map(&self, f: impl FnOnce(&Value) -> Value) -> Json {
        match self {
            Json::Value(value) => Json::Value(f(value)),
            unreadable => unreadable.clone(),
        }
    }

    /// Compact JSON text for a table cell, or the placeholder.
    pub fn compact(&self) -> String {
        match self {
            Json::Value(value) => value.to_string(),
            unreadable => unreadable.placeholder(),
        }
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Value(value) => value.serialize(serializer),
            unreadable => serializer.serialize_str(&unreadable.placeholder()),
        }
    }
}

impl FromSql<sql_types::Jsonb, Pg> for Json {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        let bytes = value.as_bytes();
        match bytes.split_first() {
            Some((1, text)) => Ok(Json::parse(text)),
            _ => Err("unsupported jsonb encoding version".into()),
        }
    }
}

impl FromSql<sql_types::Json, Pg> for Json {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        Ok(Json::parse(value.as_bytes()))
    }
}

/// A `text[]` element for people: `<null>` for a NULL element.
pub fn text_or_null(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("<null>")
}

/// The elements of a `text[]` that may hold NULLs, joined for a table cell.
pub fn join_texts(values: &[Option<String>], separator: &str) -> String {
    values
        .iter()
        .map(text_or_null)
        .collect::<Vec<_>>()
        .join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn infinities_and_far_timestamps_are_values_not_errors() {
        assert_eq!(Timestamp::from_micros(i64::MAX), Timestamp::Infinity);
        assert_eq!(Timestamp::from_micros(i64::MIN), Timestamp::NegInfinity);
        assert_eq!(Timestamp::Infinity.machine(), "infinity");
        assert_eq!(Timestamp::NegInfinity.to_string(), "-infinity");
        let far = Timestamp::from_micros(9_000_000_000_000_000_000);
        assert!(matches!(far, Timestamp::OutOfRange(_)), "{far:?}");
        assert!(far.to_string().starts_with("out of range (+2"), "{far}");
        let at = Timestamp::from_micros(0);
        assert_eq!(at.machine(), "2000-01-01T00:00:00.000000Z");
        assert!(Timestamp::NegInfinity < at && at < Timestamp::Infinity);
    }

    #[test]
    fn json_too_deep_is_a_placeholder_with_its_size() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let json = Json::parse(deep.as_bytes());
        assert_eq!(json.placeholder(), "<json too deep: 400 B>");
        assert_eq!(
            serde_json::to_string(&json).unwrap(),
            "\"<json too deep: 400 B>\""
        );
        assert_eq!(
            Json::parse(b"{\"a\":1}").value(),
            Some(&serde_json::json!({"a": 1}))
        );
    }

    #[test]
    fn null_array_elements_are_shown_as_such() {
        assert_eq!(join_texts(&[Some("a".into()), None], ", "), "a, <null>");
    }

    proptest! {
        #[test]
        fn any_timestamp_bits_decode(micros in any::<i64>()) {
            let t = Timestamp::from_micros(micros);
            let _ = t.machine();
            let _ = t.to_string();
        }

        #[test]
        fn any_bytes_decode_as_json_or_a_placeholder(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let json = Json::parse(&bytes);
            let _ = serde_json::to_string(&json).unwrap();
        }
    }
}
