//! Cron schedules computed from an entry's expression and time zone (the Elixir library stores
//! both but computes nothing), and name suggestions. Pure: no database access.
//!
//! Expressions are standard five-field ones or `@yearly`/`@monthly`/`@weekly`/`@daily`/`@hourly`;
//! day of month and day of week must both match (Oban's rule, not Vixie cron's "either").
//!
//! Daylight saving follows Oban's cron plugin, which wakes once a minute and tests the entry's
//! local wall-clock time against the expression. So an entry fires once for every instant at which
//! the clock shows a matching time: a wall time inside a spring-forward gap is never shown and never
//! fires that day, and a wall time inside a fall-back overlap is shown twice and fires twice, once
//! in each offset. This holds for every expression shape (`30 2 * * *`, `*/30 2 * * *`, `@hourly`).

use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use croner::parser::{CronParser, Seconds, Year};

/// The longest a clock change moves wall time (Troll station's is two hours): candidates within
/// this margin of a fire can still land before it once mapped to instants.
const SHIFT_MARGIN_HOURS: i64 = 3;

/// Candidate wall times examined per call at most (a rule that rarely matches, such as
/// `0 0 29 2 *`, needs a handful; a guard against anything pathological).
const MAX_CANDIDATES: usize = 100_000;

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
            .dom_and_dow(true)
            .build()
            .parse(expression.trim())
            .map_err(|e| format!("cannot read cron expression `{expression}`: {e}"))?;
        Ok(Schedule { cron, zone })
    }

    /// The next `count` fire times strictly after `after`, in the entry's time zone, as Oban's
    /// plugin fires them (see the module comment for daylight saving).
    pub fn next_fires(&self, after: DateTime<Utc>, count: usize) -> Vec<DateTime<Tz>> {
        // Matching wall times are found on a zone-free timeline (UTC stands in for "wall clock"),
        // then each is mapped to the instants at which the entry's zone shows it: none in a gap,
        // two in an overlap.
        // Oban fires on whole minutes: the search runs on whole seconds, so a fraction in `after`
        // never leaks into a fire time.
        let wall_after = after.with_timezone(&self.zone).naive_local();
        let wall_after = wall_after.with_nanosecond(0).unwrap_or(wall_after);
        let start = wall_after
            .checked_sub_signed(Duration::hours(SHIFT_MARGIN_HOURS))
            .unwrap_or(wall_after);
        let mut cursor = Utc.from_utc_datetime(&start);
        let mut fires: Vec<DateTime<Tz>> = Vec::with_capacity(count + 2);
        // Once `count` fires are known, later wall times can still map to earlier instants only
        // within the shift margin of the last one.
        let mut stop_after: Option<NaiveDateTime> = None;
        for _ in 0..MAX_CANDIDATES {
            let Ok(next) = self.cron.find_next_occurrence(&cursor, false) else {
                break;
            };
            cursor = next;
            let wall = next.naive_utc();
            if stop_after.is_some_and(|limit| wall > limit) {
                break;
            }
            let instants: Vec<DateTime<Tz>> = match self.zone.from_local_datetime(&wall) {
                LocalResult::None => Vec::new(),
                LocalResult::Single(at) => vec![at],
                LocalResult::Ambiguous(first, second) => vec![first, second],
            };
            fires.extend(
                instants
                    .into_iter()
                    .filter(|at| at.with_timezone(&Utc) > after),
            );
            if fires.len() >= count && stop_after.is_none() {
                fires.sort_by_key(|f| f.with_timezone(&Utc));
                let last = fires[count - 1].naive_local();
                stop_after = Some(
                    last.checked_add_signed(Duration::hours(SHIFT_MARGIN_HOURS))
                        .unwrap_or(last),
                );
            }
            if count == 0 {
                break;
            }
        }
        fires.sort_by_key(|f| f.with_timezone(&Utc));
        fires.dedup();
        fires.truncate(count);
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
    fn fire_times_are_whole_minutes_whatever_the_starting_instant() {
        let s = Schedule::parse("0 2 * * *", "Etc/UTC").unwrap();
        let after = utc("2026-11-23T01:37:12.123456789Z");
        assert_eq!(fmt(&s.next_fires(after, 1)), ["2026-11-23T02:00:00+00:00"]);
        assert_eq!(s.next_fires(after, 1)[0].nanosecond(), 0);
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
    fn a_wall_time_in_the_spring_forward_gap_never_fires_that_day() {
        // 2027-03-14: New York clocks jump from 02:00 to 03:00; 02:30 is never shown that day.
        let s = Schedule::parse("30 2 14 3 *", "America/New_York").unwrap();
        let fires = s.next_fires(utc("2027-03-01T00:00:00Z"), 2);
        assert_eq!(
            fmt(&fires),
            ["2028-03-14T02:30:00-04:00", "2029-03-14T02:30:00-04:00"]
        );
        // Every expression shape follows the same rule: no 02:xx fire at all on that day.
        let s = Schedule::parse("*/30 2 14 3 *", "America/New_York").unwrap();
        let fires = s.next_fires(utc("2027-03-01T00:00:00Z"), 2);
        assert_eq!(
            fmt(&fires),
            ["2028-03-14T02:00:00-04:00", "2028-03-14T02:30:00-04:00"]
        );
        let daily = Schedule::parse("30 2 * * *", "America/New_York").unwrap();
        assert_eq!(
            fmt(&daily.next_fires(utc("2026-03-07T12:00:00Z"), 2)),
            ["2026-03-09T02:30:00-04:00", "2026-03-10T02:30:00-04:00"]
        );
    }

    #[test]
    fn a_wall_time_in_the_fall_back_overlap_fires_once_per_offset() {
        // 2027-11-07: New York shows 01:00-02:00 twice, first in EDT, then in EST.
        let s = Schedule::parse("30 1 7 11 *", "America/New_York").unwrap();
        assert_eq!(
            fmt(&s.next_fires(utc("2027-11-01T00:00:00Z"), 3)),
            [
                "2027-11-07T01:30:00-04:00",
                "2027-11-07T01:30:00-05:00",
                "2028-11-07T01:30:00-05:00"
            ]
        );
        // From between the two: only the second is still ahead.
        assert_eq!(
            fmt(&s.next_fires(utc("2027-11-07T05:45:00Z"), 1)),
            ["2027-11-07T01:30:00-05:00"]
        );
        let half_hourly = Schedule::parse("*/30 1 7 11 *", "America/New_York").unwrap();
        assert_eq!(
            fmt(&half_hourly.next_fires(utc("2027-11-01T00:00:00Z"), 5)),
            [
                "2027-11-07T01:00:00-04:00",
                "2027-11-07T01:30:00-04:00",
                "2027-11-07T01:00:00-05:00",
                "2027-11-07T01:30:00-05:00",
                "2028-11-07T01:00:00-05:00"
            ]
        );
        let hourly = Schedule::parse("0 * * * *", "America/New_York").unwrap();
        let start = chrono_tz::America::New_York
            .with_ymd_and_hms(2026, 11, 1, 0, 30, 0)
            .unwrap();
        assert_eq!(
            fmt(&hourly.next_fires(start.with_timezone(&Utc), 4)),
            [
                "2026-11-01T01:00:00-04:00",
                "2026-11-01T01:00:00-05:00",
                "2026-11-01T02:00:00-05:00",
                "2026-11-01T03:00:00-05:00"
            ]
        );
    }

    #[test]
    fn day_of_month_and_day_of_week_must_both_match_as_in_oban() {
        // 2026-11-13 is a Friday; Vixie cron would also fire on every Friday and every 13th.
        let s = Schedule::parse("0 9 13 * 5", "Etc/UTC").unwrap();
        assert_eq!(
            fmt(&s.next_fires(utc("2026-11-01T00:00:00Z"), 2)),
            ["2026-11-13T09:00:00+00:00", "2027-08-13T09:00:00+00:00"]
        );
    }

    #[test]
    fn rare_and_impossible_schedules_end() {
        let leap = Schedule::parse("0 0 29 2 *", "Etc/UTC").unwrap();
        assert_eq!(
            fmt(&leap.next_fires(utc("2026-11-01T00:00:00Z"), 1)),
            ["2028-02-29T00:00:00+00:00"]
        );
        let never = Schedule::parse("0 0 31 2 *", "Etc/UTC").unwrap();
        assert!(never.next_fires(utc("2026-11-01T00:00:00Z"), 3).is_empty());
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
