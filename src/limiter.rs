//! Limiter maths: one pure decision function shared by `limiter explain` and `limiter simulate`.
//! No database access.
//!
//! Each partition is a fixed-window counter (the library calls it a token bucket): a window of
//! `span_ms` starting at `window_started_at` admits requests while `tokens_used + weight <=
//! capacity`; when the window ends the whole budget comes back. Differences from the Elixir
//! library, on purpose:
//! - a reset moves the window start forward. The library's reservation never stores the new
//!   window start (its changeset sees the in-memory reset start as unchanged), so in its runtime
//!   every request after the first window end finds an expired window and is admitted: its limit
//!   stops holding. [`simulate`] computes that runtime verdict beside the correct one;
//! - every active blocker is reported, not only the first, and `eligible_at` is when a request
//!   really gets in (a cooldown ending inside a saturated window is not enough);
//! - a weight above capacity is reported as never admissible, not with a misleading retry time.
//!
//! Every input is taken as stored, however absurd: time arithmetic is checked (a window end past
//! the representable range never comes), counts saturate, and [`settings_problems`] names the
//! settings that make a limiter meaningless, so callers report "invalid limiter settings" instead
//! of judging with them.

use chrono::{Duration, NaiveDateTime};
use serde::Serialize;

/// Windows longer than this (100 years) are taken as a broken setting (a unit mistake, or a
/// value written to disable the limit), not judged.
pub const MAX_SPAN_MS: i64 = 100 * 366 * 86_400_000;

/// A setting that makes a limiter meaningless.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SettingsProblem {
    /// `bucket_span_ms` is zero or negative: a window that ends before it starts.
    SpanNotPositive,
    /// `bucket_span_ms` is above [`MAX_SPAN_MS`].
    SpanTooLong,
    /// `bucket_capacity` is zero or negative: nothing is ever admitted.
    CapacityNotPositive,
    /// `default_weight` is negative: requests would give tokens back.
    WeightNegative,
}

impl SettingsProblem {
    pub fn describe(self) -> &'static str {
        match self {
            SettingsProblem::SpanNotPositive => "bucket_span_ms is not positive",
            SettingsProblem::SpanTooLong => "bucket_span_ms is longer than 100 years",
            SettingsProblem::CapacityNotPositive => "bucket_capacity is not positive",
            SettingsProblem::WeightNegative => "default_weight is negative",
        }
    }
}

/// What is wrong with a limiter's settings (empty when it can be judged).
pub fn settings_problems(bucket: Bucket, default_weight: i64) -> Vec<SettingsProblem> {
    let mut problems = Vec::new();
    if bucket.span_ms <= 0 {
        problems.push(SettingsProblem::SpanNotPositive);
    } else if bucket.span_ms > MAX_SPAN_MS {
        problems.push(SettingsProblem::SpanTooLong);
    }
    if bucket.capacity <= 0 {
        problems.push(SettingsProblem::CapacityNotPositive);
    }
    if default_weight < 0 {
        problems.push(SettingsProblem::WeightNegative);
    }
    problems
}

/// `at + ms`, or the end of representable time when that is past it (a window that never ends).
pub fn add_ms(at: NaiveDateTime, ms: i64) -> NaiveDateTime {
    Duration::try_milliseconds(ms)
        .and_then(|d| at.checked_add_signed(d))
        .unwrap_or(if ms >= 0 {
            NaiveDateTime::MAX
        } else {
            NaiveDateTime::MIN
        })
}

/// The limiter terms, in our words: printed by `limiter explain --help` and `limiter simulate
/// --help` from this one source.
pub const GLOSSARY: &str = "\
Limiter terms:
  token bucket    what the library calls each partition's counter; it behaves as a fixed window:
                  a budget of `capacity` tokens per window that comes back whole when the window ends
  capacity        the most tokens one partition may spend in one window (bucket_capacity); a request
                  that lands exactly on capacity is admitted, one that would pass it is not
  span            the window length (bucket_span_ms), counted from the window start
  window          [window start, window start + span); a request after the end starts a new window
  weight          the tokens one request costs (default_weight unless the worker computes one)
  partition       one independent counter of a limiter; a global limiter has one, __global__
  scope           global (one counter for every caller) or partitioned (one per key, e.g. per tenant)
  cooldown        an operator hold on one partition until a time; every request is refused meanwhile
  limit_reached   the refusal when the request's weight does not fit into what is left of the window;
                  it clears when the window ends (never, if the weight exceeds capacity)
  cooldown (code) the refusal during a cooldown; it clears at cooldown_until
  runnable        a request of the given weight would be admitted now";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Bucket {
    pub capacity: i64,
    pub span_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartitionState {
    pub tokens_used: i64,
    pub window_started_at: NaiveDateTime,
    pub cooldown_until: Option<NaiveDateTime>,
    pub cooldown_reason: Option<String>,
}

impl PartitionState {
    pub fn empty(now: NaiveDateTime) -> Self {
        PartitionState {
            tokens_used: 0,
            window_started_at: now,
            cooldown_until: None,
            cooldown_reason: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Blocker {
    Cooldown {
        until: NaiveDateTime,
        reason: Option<String>,
    },
    LimitReached {
        capacity: i64,
        used: i64,
        weight: i64,
        /// When the window ends; none when the weight can never fit.
        clears_at: Option<NaiveDateTime>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Judgement {
    /// The state as it is now (window reset applied).
    pub state: PartitionState,
    /// The stored window had ended: the stored counter is stale.
    pub window_expired: bool,
    pub window_ends_at: NaiveDateTime,
    pub remaining: i64,
    pub blockers: Vec<Blocker>,
    /// When a request of this weight is admitted (now, if runnable); none means never.
    pub eligible_at: Option<NaiveDateTime>,
}

impl Judgement {
    pub fn runnable(&self) -> bool {
        self.blockers.is_empty()
    }
}

fn window_end(state: &PartitionState, bucket: Bucket) -> NaiveDateTime {
    add_ms(state.window_started_at, bucket.span_ms)
}

/// The state as of `now`: a window that has ended starts over, empty, at `now`.
pub fn normalize(
    state: &PartitionState,
    bucket: Bucket,
    now: NaiveDateTime,
) -> (PartitionState, bool) {
    if now >= window_end(state, bucket) {
        let fresh = PartitionState {
            tokens_used: 0,
            window_started_at: now,
            ..state.clone()
        };
        (fresh, true)
    } else {
        (state.clone(), false)
    }
}

/// Whether a request of `weight` would be admitted at `now`, every reason it would not, and when
/// it would be.
pub fn judge(state: &PartitionState, bucket: Bucket, weight: i64, now: NaiveDateTime) -> Judgement {
    let (state, window_expired) = normalize(state, bucket, now);
    let ends = window_end(&state, bucket);
    let mut blockers = Vec::new();
    let mut eligible_at = Some(now);
    if let Some(until) = state.cooldown_until.filter(|until| *until > now) {
        blockers.push(Blocker::Cooldown {
            until,
            reason: state.cooldown_reason.clone(),
        });
        eligible_at = eligible_at.map(|t| t.max(until));
    }
    let never = weight > bucket.capacity;
    if never || state.tokens_used.saturating_add(weight) > bucket.capacity {
        blockers.push(Blocker::LimitReached {
            capacity: bucket.capacity,
            used: state.tokens_used,
            weight,
            clears_at: (!never).then_some(ends),
        });
    }
    if never {
        eligible_at = None;
    } else if let Some(at) = eligible_at {
        // At `at` the window may have ended (then the budget is whole again) or not.
        let (later, _) = normalize(&state, bucket, at);
        if later.tokens_used.saturating_add(weight) > bucket.capacity {
            eligible_at = Some(at.max(ends));
        }
    }
    Judgement {
        remaining: bucket.capacity.saturating_sub(state.tokens_used).max(0),
        window_ends_at: ends,
        state,
        window_expired,
        blockers,
        eligible_at,
    }
}

/// One reservation attempt: the verdict and the state afterwards (the reset window start is kept).
pub fn reserve(
    state: &PartitionState,
    bucket: Bucket,
    weight: i64,
    now: NaiveDateTime,
) -> (Judgement, PartitionState) {
    let judgement = judge(state, bucket, weight, now);
    let mut after = judgement.state.clone();
    if judgement.runnable() {
        after.tokens_used = after.tokens_used.saturating_add(weight);
    }
    (judgement, after)
}

/// The same attempt as the library's runtime makes it: a reset is not stored, so the window start
/// stays where it was (see the module comment).
pub fn reserve_as_library(
    state: &PartitionState,
    bucket: Bucket,
    weight: i64,
    now: NaiveDateTime,
) -> (Judgement, PartitionState) {
    let (judgement, mut after) = reserve(state, bucket, weight, now);
    after.window_started_at = state.window_started_at;
    (judgement, after)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub request: usize,
    pub at: NaiveDateTime,
    pub reserved: bool,
    /// A new window started with this request.
    pub window_reset: bool,
    pub tokens_used: i64,
    pub blockers: Vec<Blocker>,
    /// What the library's runtime would answer here (it differs only after a window end).
    pub library_reserved: bool,
}

/// `requests` reservations of `weight`, `interval_ms` apart starting at `now`, from `start`.
pub fn simulate(
    start: &PartitionState,
    bucket: Bucket,
    weight: i64,
    requests: usize,
    interval_ms: i64,
    now: NaiveDateTime,
) -> Vec<Step> {
    let mut state = start.clone();
    let mut library = start.clone();
    (0..requests)
        .map(|i| {
            let at = add_ms(now, interval_ms.saturating_mul(i as i64));
            let (judgement, after) = reserve(&state, bucket, weight, at);
            state = after;
            let (library_judgement, library_after) =
                reserve_as_library(&library, bucket, weight, at);
            library = library_after;
            Step {
                request: i + 1,
                at,
                reserved: judgement.runnable(),
                window_reset: judgement.window_expired,
                tokens_used: state.tokens_used,
                blockers: judgement.blockers,
                library_reserved: library_judgement.runnable(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").unwrap()
    }

    const B: Bucket = Bucket {
        capacity: 3,
        span_ms: 60_000,
    };

    fn state(used: i64, start: &str) -> PartitionState {
        PartitionState {
            tokens_used: used,
            window_started_at: t(start),
            cooldown_until: None,
            cooldown_reason: None,
        }
    }

    #[test]
    fn landing_exactly_on_capacity_is_admitted_one_more_is_not() {
        let j = judge(
            &state(2, "2026-01-01 00:00:00"),
            B,
            1,
            t("2026-01-01 00:00:10"),
        );
        assert!(j.runnable());
        assert_eq!(j.remaining, 1);
        let j = judge(
            &state(3, "2026-01-01 00:00:00"),
            B,
            1,
            t("2026-01-01 00:00:10"),
        );
        assert!(!j.runnable());
        assert_eq!(j.eligible_at, Some(t("2026-01-01 00:01:00")));
        assert!(matches!(
            j.blockers[0],
            Blocker::LimitReached {
                clears_at: Some(_),
                used: 3,
                ..
            }
        ));
    }

    #[test]
    fn an_ended_window_starts_over_and_the_start_moves_forward() {
        let (j, after) = reserve(
            &state(3, "2026-01-01 00:00:00"),
            B,
            1,
            t("2026-01-01 00:05:00"),
        );
        assert!(j.runnable() && j.window_expired);
        assert_eq!(after.tokens_used, 1);
        assert_eq!(
            after.window_started_at,
            t("2026-01-01 00:05:00"),
            "the reset is kept"
        );
        // So the limit keeps holding in the second window.
        let (_, after) = reserve(&after, B, 2, t("2026-01-01 00:05:01"));
        let (j, _) = reserve(&after, B, 1, t("2026-01-01 00:05:02"));
        assert!(!j.runnable());
    }

    #[test]
    fn every_blocker_is_reported_and_eligibility_waits_for_both() {
        let mut s = state(3, "2026-01-01 00:00:00");
        s.cooldown_until = Some(t("2026-01-01 00:00:30"));
        s.cooldown_reason = Some("429 backoff".into());
        let j = judge(&s, B, 1, t("2026-01-01 00:00:10"));
        assert_eq!(j.blockers.len(), 2);
        assert_eq!(
            j.eligible_at,
            Some(t("2026-01-01 00:01:00")),
            "the cooldown ends inside a full window"
        );
        s.cooldown_until = Some(t("2026-01-01 00:02:00"));
        let j = judge(&s, B, 1, t("2026-01-01 00:00:10"));
        assert_eq!(
            j.eligible_at,
            Some(t("2026-01-01 00:02:00")),
            "the window ends first, the cooldown later"
        );
        let j = judge(&s, B, 1, t("2026-01-01 00:02:00"));
        assert!(j.runnable(), "a cooldown ending at now has ended");
    }

    #[test]
    fn a_weight_above_capacity_is_never_admissible() {
        let j = judge(
            &PartitionState::empty(t("2026-01-01 00:00:00")),
            B,
            4,
            t("2026-01-01 00:00:00"),
        );
        assert!(!j.runnable());
        assert_eq!(j.eligible_at, None);
        assert!(matches!(
            j.blockers[0],
            Blocker::LimitReached {
                clears_at: None,
                ..
            }
        ));
    }

    #[test]
    fn simulate_crosses_window_boundaries() {
        let steps = simulate(
            &PartitionState::empty(t("2026-01-01 00:00:00")),
            B,
            1,
            5,
            20_000,
            t("2026-01-01 00:00:00"),
        );
        let reserved: Vec<bool> = steps.iter().map(|s| s.reserved).collect();
        // 0 s, 20 s, 40 s fill the window; 60 s starts a new one; 80 s fits in it.
        assert_eq!(reserved, [true, true, true, true, true]);
        assert!(steps[3].window_reset);
        let steps = simulate(
            &PartitionState::empty(t("2026-01-01 00:00:00")),
            B,
            1,
            5,
            1_000,
            t("2026-01-01 00:00:00"),
        );
        assert_eq!(steps.iter().filter(|s| s.reserved).count(), 3);
    }

    #[test]
    fn after_a_window_end_the_library_runtime_admits_everything() {
        // Capacity 3 per minute, one request every 10 s for 3 minutes.
        let steps = simulate(
            &PartitionState::empty(t("2026-01-01 00:00:00")),
            B,
            1,
            18,
            10_000,
            t("2026-01-01 00:00:00"),
        );
        let ours = steps.iter().filter(|s| s.reserved).count();
        let library = steps.iter().filter(|s| s.library_reserved).count();
        assert_eq!(ours, 9, "3 per window, 3 windows");
        assert_eq!(
            library,
            3 + 12,
            "the first window holds, then every request gets in"
        );
        assert!(steps[..6].iter().all(|s| s.reserved == s.library_reserved));
    }

    #[test]
    fn absurd_settings_are_named_and_never_panic() {
        for (span, capacity, weight, expected) in [
            (i64::MAX, 10, 1, vec![SettingsProblem::SpanTooLong]),
            (
                i64::MIN,
                -5,
                -1,
                vec![
                    SettingsProblem::SpanNotPositive,
                    SettingsProblem::CapacityNotPositive,
                    SettingsProblem::WeightNegative,
                ],
            ),
            (0, 1, 0, vec![SettingsProblem::SpanNotPositive]),
            (60_000, 100, 1, vec![]),
        ] {
            let bucket = Bucket {
                capacity: capacity as i64,
                span_ms: span,
            };
            assert_eq!(settings_problems(bucket, weight), expected, "{span}");
            // Judging anyway does not panic.
            let s = state(i32::MAX as i64, "2026-01-01 00:00:00");
            let _ = judge(&s, bucket, i64::MAX, t("2026-01-01 00:00:01"));
            let _ = simulate(&s, bucket, i64::MAX, 3, i64::MAX, t("2026-01-01 00:00:01"));
        }
        assert_eq!(
            add_ms(t("2026-01-01 00:00:00"), i64::MAX),
            NaiveDateTime::MAX
        );
        assert_eq!(
            add_ms(t("2026-01-01 00:00:00"), i64::MIN),
            NaiveDateTime::MIN
        );
    }

    proptest! {
        /// No stored numbers make the maths panic.
        #[test]
        fn any_numbers_are_judged_without_panicking(
            capacity in any::<i64>(), span in any::<i64>(), used in any::<i64>(), weight in any::<i64>(),
            interval in any::<i64>(), offset in any::<i64>()
        ) {
            let bucket = Bucket { capacity, span_ms: span };
            let start = t("2026-01-01 00:00:00");
            let mut s = PartitionState::empty(add_ms(start, offset));
            s.tokens_used = used;
            let _ = judge(&s, bucket, weight, start);
            let _ = simulate(&s, bucket, weight, 4, interval, start);
        }

        /// Within any one window, admitted weight never exceeds capacity.
        #[test]
        fn windows_never_admit_more_than_capacity(
            capacity in 1i64..20, span in 1_000i64..120_000, weights in proptest::collection::vec(1i64..6, 1..60),
            gaps in proptest::collection::vec(0i64..30_000, 60)
        ) {
            let bucket = Bucket { capacity, span_ms: span };
            let start = t("2026-01-01 00:00:00");
            let mut s = PartitionState::empty(start);
            let mut now = start;
            let mut window_total = 0;
            let mut window_start = s.window_started_at;
            for (w, gap) in weights.iter().zip(&gaps) {
                now += Duration::milliseconds(*gap);
                let (j, after) = reserve(&s, bucket, *w, now);
                if after.window_started_at != window_start {
                    window_start = after.window_started_at;
                    window_total = 0;
                }
                if j.runnable() {
                    window_total += w;
                }
                prop_assert!(window_total <= capacity);
                s = after;
            }
        }

        /// `eligible_at` is exactly when the request gets in: admitted then, refused a moment before.
        #[test]
        fn eligible_at_is_the_first_admissible_moment(
            used in 0i64..10, weight in 1i64..10, into_window in 0i64..60_000, cooldown in proptest::option::of(0i64..180_000)
        ) {
            let bucket = Bucket { capacity: 8, span_ms: 60_000 };
            let mut s = state(used.min(8), "2026-01-01 00:00:00");
            s.cooldown_until = cooldown.map(|ms| t("2026-01-01 00:00:00") + Duration::milliseconds(ms));
            let now = t("2026-01-01 00:00:00") + Duration::milliseconds(into_window);
            let j = judge(&s, bucket, weight, now);
            match j.eligible_at {
                None => prop_assert!(weight > bucket.capacity),
                Some(at) => {
                    prop_assert!(judge(&s, bucket, weight, at).runnable());
                    if at > now {
                        prop_assert!(!judge(&s, bucket, weight, at - Duration::milliseconds(1)).runnable());
                    }
                }
            }
        }
    }
}
