//! Cron schedules computed from an entry's expression and time zone (the Elixir library stores
//! both but computes nothing), and name suggestions. Pure: no database access.
//!
//! Expressions are standard five-field ones or `@yearly`/`@monthly`/`@weekly`/`@daily`/`@hourly`.
//! Daylight-saving rules (croner's): a time that falls in a spring-forward gap fires at the first
//! valid time after the gap; a time that occurs twice in a fall-back overlap fires once, at the
//! first occurrence.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use croner::parser::{CronParser, Seconds, Year};

#[derive(Debug, Clone)]
pub struct Schedule {
    cron: croner::Cron,
    zone: Tz,
}

impl Schedule {
    pub fn parse(expression: &str, timezone: &str) -> Result<Schedule, String> {
        let zone: Tz = timezone.parse().map_err(|_| {
            format!("unknown time zone `{timezone}` (expected an IANA name such as Europe/Berlin)")
        })?;
        let cron = CronParser::builder()
            .seconds(Seconds::Disallowed)
            .year(Year::Disallowed)
            .build()
            .parse(expression.trim())
            .map_err(|e| format!("cannot read cron expression `{expression}`: {e}"))?;
        Ok(Schedule { cron, zone })
    }

    /// The next `count` fire times strictly after `after`, in the entry's time zone.
    pub fn next_fires(&self, after: DateTime<Utc>, count: usize) -> Vec<DateTime<Tz>> {
        let mut fires = Vec::with_capacity(count);
        let mut cursor = after.with_timezone(&self.zone);
        while fires.len() < count {
            match self.cron.find_next_occurrence(&cursor, false) {
                Ok(next) => {
                    cursor = next;
                    fires.push(next);
                }
                Err(_) => break,
            }
        }
        fires
    }
}

/// Up to `count` of `names` closest to `wanted` (edit distance), for "did you mean".
pub fn closest_names<'a>(wanted: &str, names: &'a [String], count: usize) -> Vec<&'a str> {
    let mut scored: Vec<(usize, &str)> = names
        .iter()
        .map(|n| {
            (
                strsim::levenshtein(&wanted.to_lowercase(), &n.to_lowercase()),
                n.as_str(),
            )
        })
        .filter(|(distance, name)| *distance <= (name.len().max(wanted.len()) / 2).max(2))
        .collect();
    scored.sort();
    scored.into_iter().take(count).map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn fmt(fires: &[DateTime<Tz>]) -> Vec<String> {
        fires.iter().map(|f| f.to_rfc3339()).collect()
    }

    #[test]
    fn next_three_fires_in_the_entry_time_zone() {
        let s = Schedule::parse("0 2 * * *", "Etc/UTC").unwrap();
        assert_eq!(
            fmt(&s.next_fires(utc("2026-11-23T08:00:00Z"), 3)),
            [
                "2026-11-24T02:00:00+00:00",
                "2026-11-25T02:00:00+00:00",
                "2026-11-26T02:00:00+00:00"
            ]
        );
        let berlin = Schedule::parse("30 9 * * 1-5", "Europe/Berlin").unwrap();
        // Monday 2026-11-23 09:30 in Berlin is 08:30 UTC: still ahead at 08:00 UTC.
        assert_eq!(
            fmt(&berlin.next_fires(utc("2026-11-23T08:00:00Z"), 1)),
            ["2026-11-23T09:30:00+01:00"]
        );
    }

    #[test]
    fn aliases_are_understood() {
        let s = Schedule::parse("@daily", "Etc/UTC").unwrap();
        assert_eq!(
            fmt(&s.next_fires(utc("2026-11-23T08:00:00Z"), 1)),
            ["2026-11-24T00:00:00+00:00"]
        );
        let s = Schedule::parse("@hourly", "Etc/UTC").unwrap();
        assert_eq!(
            fmt(&s.next_fires(utc("2026-11-23T08:10:00Z"), 1)),
            ["2026-11-23T09:00:00+00:00"]
        );
    }

    #[test]
    fn spring_forward_gap_fires_after_the_gap() {
        // 2026-03-08: New York clocks jump from 02:00 to 03:00; 02:30 does not exist that day.
        let s = Schedule::parse("30 2 * * *", "America/New_York").unwrap();
        let fires = s.next_fires(utc("2026-03-07T12:00:00Z"), 3);
        assert_eq!(
            fmt(&fires),
            [
                "2026-03-08T03:00:00-04:00",
                "2026-03-09T02:30:00-04:00",
                "2026-03-10T02:30:00-04:00"
            ]
        );
    }

    #[test]
    fn fall_back_overlap_fires_once() {
        // 2026-11-01: New York 01:00-02:00 happens twice; a 01:30 job runs once, the first time.
        let s = Schedule::parse("30 1 * * *", "America/New_York").unwrap();
        let fires = s.next_fires(utc("2026-10-31T12:00:00Z"), 2);
        assert_eq!(
            fmt(&fires),
            ["2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"]
        );
        // The same rule holds for hourly jobs: the repeated 01:00 wall-clock hour fires once.
        let hourly = Schedule::parse("0 * * * *", "America/New_York").unwrap();
        let start = chrono_tz::America::New_York
            .with_ymd_and_hms(2026, 11, 1, 0, 30, 0)
            .unwrap();
        assert_eq!(
            fmt(&hourly.next_fires(start.with_timezone(&Utc), 3)),
            [
                "2026-11-01T01:00:00-04:00",
                "2026-11-01T02:00:00-05:00",
                "2026-11-01T03:00:00-05:00"
            ]
        );
    }

    #[test]
    fn bad_expressions_and_zones_are_named() {
        assert!(Schedule::parse("0 2 * *", "Etc/UTC")
            .unwrap_err()
            .contains("0 2 * *"));
        assert!(
            Schedule::parse("0 0 2 * * *", "Etc/UTC").is_err(),
            "seconds are not part of the format"
        );
        assert!(Schedule::parse("0 2 * * *", "Mars/Olympus")
            .unwrap_err()
            .contains("Mars/Olympus"));
    }

    #[test]
    fn closest_names_suggest_likely_typos() {
        let names = vec![
            "nightly_sync".to_string(),
            "hourly_report".to_string(),
            "weekly_cleanup".to_string(),
        ];
        assert_eq!(closest_names("nighly_sync", &names, 3), ["nightly_sync"]);
        assert!(closest_names("zzzzzz", &names, 3).is_empty());
    }
}
