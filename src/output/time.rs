//! The one way obanctl writes a point in time.
//!
//! JSON: RFC 3339 in UTC with `Z` and microseconds (PostgreSQL's precision), e.g.
//! `2026-12-01T19:55:08.604103Z`. People: `2026-12-01 19:55:08Z`, or with `--local-time` the
//! machine's zone with its offset, `2026-12-01 14:55:08-05:00`. Oban stores UTC without a zone;
//! every timestamp obanctl reads is taken as UTC.

use std::sync::OnceLock;

use chrono::{Local, NaiveDateTime, SecondsFormat, TimeZone, Utc};
use serde::Serializer;

static LOCAL_TIME: OnceLock<bool> = OnceLock::new();

/// Chooses, once per process, whether people see local time (`--local-time`).
pub fn set_local_time(local: bool) {
    let _ = LOCAL_TIME.set(local);
}

fn local_time() -> bool {
    LOCAL_TIME.get().copied().unwrap_or(false)
}

/// `2026-12-01T19:55:08.604103Z`
pub fn rfc3339(at: NaiveDateTime) -> String {
    Utc.from_utc_datetime(&at)
        .to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// `2026-12-01 19:55:08Z`, or local time with its offset under `--local-time`.
pub fn human(at: NaiveDateTime) -> String {
    if local_time() {
        Local
            .from_utc_datetime(&at)
            .format("%Y-%m-%d %H:%M:%S%:z")
            .to_string()
    } else {
        at.format("%Y-%m-%d %H:%M:%SZ").to_string()
    }
}

/// `human` for an optional time: `-` when there is none.
pub fn human_opt(at: Option<NaiveDateTime>) -> String {
    at.map(human).unwrap_or_else(|| "-".into())
}

/// `#[serde(serialize_with = "crate::output::time::utc")]` for a `NaiveDateTime` field.
pub fn utc<S: Serializer>(at: &NaiveDateTime, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&rfc3339(*at))
}

/// `#[serde(serialize_with = "crate::output::time::utc_opt")]` for an `Option<NaiveDateTime>`.
pub fn utc_opt<S: Serializer>(
    at: &Option<NaiveDateTime>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match at {
        Some(at) => serializer.serialize_str(&rfc3339(*at)),
        None => serializer.serialize_none(),
    }
}

/// `#[serde(serialize_with = "crate::output::time::utc_aware")]` for a `DateTime<Utc>` field.
pub fn utc_aware<S: Serializer>(
    at: &chrono::DateTime<Utc>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&rfc3339(at.naive_utc()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_form_for_machines_and_one_for_people() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_micro_opt(19, 55, 8, 604_103)
            .unwrap();
        assert_eq!(rfc3339(at), "2026-12-01T19:55:08.604103Z");
        assert_eq!(
            rfc3339(at.with_nanosecond_zero()),
            "2026-12-01T19:55:08.000000Z"
        );
        assert_eq!(human(at), "2026-12-01 19:55:08Z");
        assert_eq!(human_opt(None), "-");
    }

    trait ZeroNanos {
        fn with_nanosecond_zero(self) -> Self;
    }
    impl ZeroNanos for NaiveDateTime {
        fn with_nanosecond_zero(self) -> Self {
            use chrono::Timelike;
            self.with_nanosecond(0).unwrap()
        }
    }
}
