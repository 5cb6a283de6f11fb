//! Numbers, counts, durations and sizes as people write them. Pure.
//!
//! One style everywhere in human output: `150,000`, `1 job` / `2 jobs`, `1 day`, `2 h 5 min`,
//! `500 ms`, `4.1 kB`. JSON carries plain numbers (milliseconds for durations).

use std::time::Duration;

/// `150000` -> `150,000`.
pub fn number(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `count(1, "job")` -> `1 job`; `count(150000, "job")` -> `150,000 jobs`. Nouns here are
/// regular, or given with their plural as `"entry|entries"`.
pub fn count(n: i64, noun: &str) -> String {
    format!("{} {}", number(n), plural(n, noun))
}

/// The noun alone in the right number: `plural(2, "entry|entries")` -> `entries`.
pub fn plural(n: i64, noun: &str) -> String {
    match noun.split_once('|') {
        Some((one, many)) => if n == 1 { one } else { many }.to_string(),
        None if n == 1 => noun.to_string(),
        None => format!("{noun}s"),
    }
}

/// A duration in at most two units: `1 day`, `3 days 4 h`, `2 h 5 min`, `45 s`, `500 ms`.
pub fn duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        return format!("{ms} ms");
    }
    let secs = d.as_secs();
    let units: [(u64, &str, &str); 4] = [
        (86_400, "day", "days"),
        (3600, "h", "h"),
        (60, "min", "min"),
        (1, "s", "s"),
    ];
    let mut parts = Vec::new();
    let mut rest = secs;
    for (size, one, many) in units {
        if rest >= size {
            let n = rest / size;
            rest %= size;
            parts.push(format!(
                "{} {}",
                number(n as i64),
                if n == 1 { one } else { many }
            ));
        } else if !parts.is_empty() {
            // Skip an empty middle unit, but stop after two units in all.
            parts.push(String::new());
        }
        if parts.len() == 2 {
            break;
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" ")
}

/// A duration given in milliseconds (limiter spans, cooldowns), as [`duration`]; negative values
/// are shown as given, since they mean a broken setting.
pub fn millis(ms: i64) -> String {
    if ms < 0 {
        return format!("{} ms", number(ms));
    }
    duration(Duration::from_millis(ms as u64))
}

/// A size: `400 B`, `4.1 kB`, `12.0 MB`.
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
    if n < 1000 {
        return format!("{n} B");
    }
    let mut value = n as f64 / 1000.0;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_counts() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(150_000), "150,000");
        assert_eq!(number(-1_234_567), "-1,234,567");
        assert_eq!(number(i64::MIN), "-9,223,372,036,854,775,808");
        assert_eq!(count(1, "job"), "1 job");
        assert_eq!(count(0, "job"), "0 jobs");
        assert_eq!(count(2, "entry|entries"), "2 entries");
        assert_eq!(count(1, "entry|entries"), "1 entry");
    }

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(duration(Duration::from_secs(86_400)), "1 day");
        assert_eq!(duration(Duration::from_secs(3600)), "1 h");
        assert_eq!(
            duration(Duration::from_secs(3 * 86_400 + 4 * 3600 + 5)),
            "3 days 4 h"
        );
        assert_eq!(duration(Duration::from_secs(86_400 + 30)), "1 day");
        assert_eq!(duration(Duration::from_secs(7500)), "2 h 5 min");
        assert_eq!(duration(Duration::from_secs(45)), "45 s");
        assert_eq!(duration(Duration::from_millis(500)), "500 ms");
        assert_eq!(millis(3_600_000), "1 h");
        assert_eq!(millis(-5), "-5 ms");
        assert_eq!(millis(i64::MAX), "106,751,991,167 days 7 h");
    }

    #[test]
    fn sizes() {
        assert_eq!(bytes(400), "400 B");
        assert_eq!(bytes(4100), "4.1 kB");
        assert_eq!(bytes(12_000_000), "12.0 MB");
    }
}
