//! Value types and parsers shared by the argument definitions ([`crate::cli`]) and settings
//! resolution ([`crate::settings`]), so neither has to import the other.
//!
//! Every numeric and duration input has a documented range; a value outside it is a usage error
//! (exit 64) before anything runs, never an overflow deep inside a command.

use std::time::Duration;

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables and sentences for people.
    Human,
    /// One JSON object per line, each with a `kind`, for scripts.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`.
    Auto,
    Always,
    Never,
}

/// The inclusive bounds a duration input must fall in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DurationRange {
    pub min: Duration,
    pub max: Duration,
    /// How the bounds read in messages and help, e.g. "1ms to 24h".
    pub text: &'static str,
}

const DAY: u64 = 24 * 3600;
const YEAR: u64 = 365 * DAY;

/// Timeouts handed to PostgreSQL (`statement_timeout`, `lock_timeout`, doctor's per-check
/// timeout): PostgreSQL stores them as milliseconds in an `int`, and nothing an operator runs by
/// hand should wait a day.
pub const TIMEOUT_RANGE: DurationRange = DurationRange {
    min: Duration::from_millis(1),
    max: Duration::from_secs(DAY),
    text: "1ms to 24h",
};

/// The most jobs one bulk run may target (`--max`): far beyond any sane run, and far from i64's
/// edge, so `LIMIT max + 1` can never overflow.
pub const MAX_TARGETS: i64 = 100_000_000;

/// The longest pause between batches (`--sleep-ms`): one minute.
pub const MAX_SLEEP_MS: u64 = 60_000;

/// Ages and look-back windows (`--older-than`, `--since 2h`, `--stuck-after`): anything a job
/// table can hold, with room to spare, and far from the calendar's edges.
pub const AGE_RANGE: DurationRange = DurationRange {
    min: Duration::from_secs(1),
    max: Duration::from_secs(1000 * YEAR),
    text: "1s to 1000 years",
};

/// Short waits (listen windows, confirmation timeouts, refresh intervals).
pub const WAIT_RANGE: DurationRange = DurationRange {
    min: Duration::from_millis(100),
    max: Duration::from_secs(3600),
    text: "100ms to 1h",
};

/// `top --interval`: fast enough to watch, slow enough never to hammer the database.
pub const REFRESH_RANGE: DurationRange = DurationRange {
    min: Duration::from_millis(500),
    max: Duration::from_secs(600),
    text: "500ms to 10m",
};

/// `metrics --watch --interval`.
pub const METRICS_RANGE: DurationRange = DurationRange {
    min: Duration::from_secs(1),
    max: Duration::from_secs(3600),
    text: "1s to 1h",
};

/// Parses `15s`, `500ms`, `2m`, `1day`, `90 days` and checks it against `range`.
pub fn parse_duration_in(text: &str, range: DurationRange) -> Result<Duration, String> {
    let duration = humantime::parse_duration(text.trim())
        .map_err(|e| format!("`{text}` is not a duration ({e}); examples: 15s, 500ms, 2m, 7d"))?;
    if duration < range.min || duration > range.max {
        return Err(format!("`{text}` is out of range ({})", range.text));
    }
    Ok(duration)
}

/// Clap value parser for timeouts ([`TIMEOUT_RANGE`]).
pub fn timeout(text: &str) -> Result<Duration, String> {
    parse_duration_in(text, TIMEOUT_RANGE)
}

/// Clap value parser for ages ([`AGE_RANGE`]).
pub fn age(text: &str) -> Result<Duration, String> {
    parse_duration_in(text, AGE_RANGE)
}

/// Clap value parser for short waits ([`WAIT_RANGE`]).
pub fn wait(text: &str) -> Result<Duration, String> {
    parse_duration_in(text, WAIT_RANGE)
}

/// Clap value parser for `top --interval` ([`REFRESH_RANGE`]).
pub fn refresh_interval(text: &str) -> Result<Duration, String> {
    parse_duration_in(text, REFRESH_RANGE)
}

/// Clap value parser for `metrics --interval` ([`METRICS_RANGE`]).
pub fn metrics_interval(text: &str) -> Result<Duration, String> {
    parse_duration_in(text, METRICS_RANGE)
}

/// Splits a list flag's value on commas (`--queue a,b`), trimming, dropping empty parts.
pub fn split_list(values: &[String]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_within_their_range_and_refuse_outside_it() {
        assert_eq!(timeout("15s").unwrap(), Duration::from_secs(15));
        assert_eq!(timeout("500ms").unwrap(), Duration::from_millis(500));
        assert!(timeout("0s").is_err());
        assert!(timeout("25h").unwrap_err().contains("1ms to 24h"));
        assert!(timeout("18446744073709551615s").is_err());
        assert!(timeout("10000000years").is_err());
        assert!(timeout("soon").unwrap_err().contains("not a duration"));
        assert_eq!(age("1day").unwrap(), Duration::from_secs(DAY));
        assert!(age("1000000years").is_err());
        assert!(age("500ms").is_err());
        assert!(wait("2s").is_ok());
        assert!(wait("2h").is_err());
        assert!(refresh_interval("2s").is_ok());
        assert!(refresh_interval("100ms")
            .unwrap_err()
            .contains("500ms to 10m"));
        assert!(metrics_interval("2h").is_err());
    }

    #[test]
    fn list_values_split_on_commas() {
        let values = vec!["a,b".to_string(), " c ".to_string(), ",".to_string()];
        assert_eq!(split_list(&values), vec!["a", "b", "c"]);
    }
}

/// A value parser for a closed set of names that keeps its own parse function (aliases, trimming,
/// its own message) and tells clap the names, so completion scripts offer them and man pages list
/// them.
#[derive(Clone)]
pub struct Choices<T> {
    parse: fn(&str) -> Result<T, String>,
    names: fn() -> Vec<clap::builder::PossibleValue>,
}

impl<T> Choices<T> {
    pub fn new(
        parse: fn(&str) -> Result<T, String>,
        names: fn() -> Vec<clap::builder::PossibleValue>,
    ) -> Self {
        Choices { parse, names }
    }
}

impl<T: Clone + Send + Sync + 'static> clap::builder::TypedValueParser for Choices<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        self.parse.parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new((self.names)().into_iter()))
    }
}

#[cfg(test)]
mod choices_tests {
    use clap::builder::TypedValueParser;

    use super::*;

    #[test]
    fn choices_parse_with_their_function_and_list_their_names() {
        let parser = Choices::new(
            |t| match t {
                "a" | "alias" => Ok(1),
                _ => Err("unknown".to_string()),
            },
            || vec![clap::builder::PossibleValue::new("a")],
        );
        let cmd = clap::Command::new("t");
        assert_eq!(parser.parse_ref(&cmd, None, "alias".as_ref()).unwrap(), 1);
        assert!(parser.parse_ref(&cmd, None, "b".as_ref()).is_err());
        let names: Vec<String> = parser
            .possible_values()
            .unwrap()
            .map(|v| v.get_name().to_string())
            .collect();
        assert_eq!(names, ["a"]);
    }
}
