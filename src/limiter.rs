//! Limiter maths: one pure decision function shared by `limiter explain` and `limiter simulate`.
//! No database access.
//!
//! Each partition is a fixed-window counter (the library calls it a token bucket): a window of
//! `span_ms` starting at `window_started_at` admits requests while `tokens_used + weight <=
//! capacity`; when the window ends the whole budget comes back. Differences from the Elixir
//! library, on purpose (limiter.md §7):
//! - a reset moves the window start forward (the library never persists it, so its limit stops
//!   holding after the first window);
//! - every active blocker is reported, not only the first, and `eligible_at` is when a request
//!   really gets in (a cooldown ending inside a saturated window is not enough);
//! - a weight above capacity is reported as never admissible, not with a misleading retry time.

use chrono::{Duration, NaiveDateTime};
use serde::Serialize;

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
    state.window_started_at + Duration::milliseconds(bucket.span_ms)
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
    if never || state.tokens_used + weight > bucket.capacity {
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
        if later.tokens_used + weight > bucket.capacity {
            eligible_at = Some(at.max(ends));
        }
    }
    Judgement {
        remaining: (bucket.capacity - state.tokens_used).max(0),
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
        after.tokens_used += weight;
    }
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
    (0..requests)
        .map(|i| {
            let at = now + Duration::milliseconds(interval_ms * i as i64);
            let (judgement, after) = reserve(&state, bucket, weight, at);
            state = after;
            Step {
                request: i + 1,
                at,
                reserved: judgement.runnable(),
                window_reset: judgement.window_expired,
                tokens_used: state.tokens_used,
                blockers: judgement.blockers,
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

    proptest! {
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
