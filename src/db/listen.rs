//! Listening on Oban's notifier channels for a short window, honestly.
//!
//! The listener is a dedicated, direct `PgConnection` (never the pool: LISTEN is session state),
//! opened from a given URL (later `--listen-url`). It LISTENs on the given channels, then proves
//! that notifications really reach it before trusting an empty result: through PgBouncer in
//! transaction mode LISTEN is accepted, but the server connection that ran it goes back to the pool
//! and nothing sent afterwards ever reaches this client. So right after LISTEN a second, separate
//! connection sends a `pg_notify` with a unique payload on a channel of obanctl's own, and the
//! window only counts if that comes back: otherwise the result is
//! [`Unavailable::NoRoundTrip`], not an empty list.
//!
//! Why the self-test is sent from another connection, on a channel of its own:
//! - From the listening connection itself it could come back even through a transaction pooler
//!   (the pooler may hand that client the very server connection that ran LISTEN, and a session
//!   receives its own notifications at commit), proving nothing.
//! - On an Oban channel it would reach every Oban node: oban-py 0.7's notifier loop dies on a
//!   payload it cannot decode, and Elixir nodes would log it. No Oban node listens on
//!   [`SELF_TEST_CHANNEL`].
//!
//! How it waits: Diesel 2.3's `PgConnection::notifications_iter()` calls libpq's
//! `PQconsumeInput` then `PQnotifies` (`diesel/src/pg/connection/raw.rs`). libpq keeps its socket
//! non-blocking, so this reads whatever the server has already sent and never blocks; notifications
//! that arrive between two calls wait in the socket buffer, so none is missed. Diesel does not
//! expose the socket to `poll(2)` on, so the loop drains, then sleeps [`TICK`] (20 ms): one
//! non-blocking `recv` per tick, no round trip and no query (a `SELECT 1` would add a round trip
//! per tick and, through a pooler, could even relink the client to a listening server connection).
//! Arrival times are therefore accurate to one tick. A broken connection makes `PQconsumeInput`
//! fail, which ends the window with what was heard so far.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use diesel::connection::{Connection, SimpleConnection};
use diesel::pg::PgConnection;
use diesel::sql_types::Text;
use diesel::RunQueryDsl;
use serde::Serialize;

use super::conninfo::ConnInfo;
use super::ident;
use crate::notifier::{self, Channel, MAX_CHANNEL_BYTES};

/// A listen window long enough for every gossiping node to speak at least once (oban_met every
/// 0.75 s, oban-py every 1 s by default).
pub const DEFAULT_WINDOW: Duration = Duration::from_secs(2);
/// How long the loop sleeps between two drains.
pub const TICK: Duration = Duration::from_millis(20);
/// The self-test gets at least this long to come back, however short the window.
pub const MIN_SELF_TEST_WAIT: Duration = Duration::from_secs(1);
/// Notifications kept from one window; more are counted in [`Heard::dropped`].
pub const MAX_NOTIFICATIONS: usize = 10_000;
/// obanctl's own channel for the self-test; no Oban node listens on it.
pub const SELF_TEST_CHANNEL: &str = "obanctl_listen_selftest";

/// One notification, as it arrived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notification {
    pub channel: String,
    /// As sent (PostgreSQL caps payloads below 8000 bytes); decode with [`notifier::decode`].
    pub payload: String,
    /// The server process that sent it.
    pub process_id: i32,
    /// When it was read, counted from the moment LISTEN succeeded (accurate to one [`TICK`]).
    pub after: Duration,
}

/// Listening worked: the self-test came back, so what is here is all that was sent.
#[derive(Debug, Clone, Serialize)]
pub struct Heard {
    pub notifications: Vec<Notification>,
    /// Notifications past [`MAX_NOTIFICATIONS`], not kept.
    pub dropped: usize,
    /// Notifications whose channel or payload was not UTF-8 (Diesel cannot read them).
    pub unreadable: usize,
    /// How long the window lasted.
    pub window: Duration,
    /// How long the self-test took to come back.
    pub round_trip: Duration,
    /// The connection broke after the self-test came back: the window ended early, with this.
    pub interrupted: Option<String>,
}

/// Listening cannot work on this connection, and why. Never an empty result in disguise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "detail")]
pub enum Unavailable {
    /// The listening connection (or the self-test's sender) could not connect.
    Connect(String),
    /// The server refused LISTEN or `pg_notify` (a hot standby, permissions, a bad channel name).
    Refused(String),
    /// LISTEN was accepted but the self-test never came back: a transaction pooler in between.
    NoRoundTrip { waited: Duration },
    /// The connection broke before the self-test came back.
    Lost(String),
}

impl Unavailable {
    pub fn reason(&self) -> String {
        match self {
            Unavailable::Connect(m) => format!("cannot open a listening connection: {m}"),
            Unavailable::Refused(m) => format!("the server refused to listen: {m}"),
            Unavailable::NoRoundTrip { waited } => format!(
                "listening not possible on this connection (a transaction pooler?): a test \
                 notification did not come back within {} ms; name a direct connection with \
                 --listen-url",
                waited.as_millis()
            ),
            Unavailable::Lost(m) => format!("the listening connection broke: {m}"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum ListenOutcome {
    Heard(Heard),
    Unavailable(Unavailable),
}

/// What the gossip channel said during a window in which listening worked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum GossipStatus {
    /// Nodes gossiped: `messages` gossip notifications arrived.
    Received { messages: usize },
    /// Listening worked but no node gossiped: Elixir nodes without oban_met, oban-py nodes
    /// without `metrics`, or no node at all. `sonar_nodes` are the nodes that still pinged (Elixir
    /// nodes do, oban-py nodes never do), so they are alive but their queue state is unknown.
    Silent { sonar_nodes: BTreeSet<String> },
}

impl Heard {
    /// Notifications that arrived on `channel` (a full channel name).
    pub fn on<'a>(&'a self, channel: &'a str) -> impl Iterator<Item = &'a Notification> + 'a {
        self.notifications
            .iter()
            .filter(move |n| n.channel == channel)
    }

    pub fn gossip_status(&self, prefix: &str) -> GossipStatus {
        let messages = self.on(&Channel::Gossip.full_name(prefix)).count();
        if messages > 0 {
            return GossipStatus::Received { messages };
        }
        let sonar_nodes = self
            .on(&Channel::Sonar.full_name(prefix))
            .filter_map(|n| notifier::decode(&n.payload).ok())
            .filter_map(|d| notifier::parse_sonar(&d.value))
            .map(|s| s.node)
            .collect();
        GossipStatus::Silent { sonar_nodes }
    }
}

/// The channels to listen on for `prefix`, checked against PostgreSQL's name length.
pub fn oban_channels(
    prefix: &str,
    channels: &[Channel],
) -> Result<Vec<String>, notifier::ChannelNameTooLong> {
    channels.iter().map(|c| c.checked_name(prefix)).collect()
}

/// LISTENs on `channels` (full names) over a new direct connection made from `conn`, proves
/// delivery with a self-test, and collects notifications for `window`.
pub fn listen(conn: &ConnInfo, channels: &[String], window: Duration) -> ListenOutcome {
    match listen_inner(conn, channels, window) {
        Ok(heard) => ListenOutcome::Heard(heard),
        Err(unavailable) => ListenOutcome::Unavailable(unavailable),
    }
}

fn connect(info: &ConnInfo) -> Result<PgConnection, Unavailable> {
    PgConnection::establish(&info.conninfo)
        .map_err(|e| Unavailable::Connect(info.scrub(e.to_string().trim())))
}

fn listen_inner(
    info: &ConnInfo,
    channels: &[String],
    window: Duration,
) -> Result<Heard, Unavailable> {
    if let Some(long) = channels.iter().find(|c| c.len() > MAX_CHANNEL_BYTES) {
        return Err(Unavailable::Refused(format!(
            "channel name `{long}` is longer than {MAX_CHANNEL_BYTES} bytes"
        )));
    }
    let mut listener = connect(info)?;
    let statements: String = channels
        .iter()
        .map(String::as_str)
        .chain([SELF_TEST_CHANNEL])
        .map(|c| format!("LISTEN {};", ident::quote(c)))
        .collect();
    listener
        .batch_execute(&statements)
        .map_err(|e| Unavailable::Refused(info.scrub(&e.to_string())))?;
    let start = Instant::now();

    let token = format!("{}:{}", std::process::id(), uuid::Uuid::new_v4());
    {
        let mut sender = connect(info)?;
        diesel::sql_query("SELECT pg_notify($1, $2)")
            .bind::<Text, _>(SELF_TEST_CHANNEL)
            .bind::<Text, _>(&token)
            .execute(&mut sender)
            .map_err(|e| Unavailable::Refused(info.scrub(&e.to_string())))?;
    }

    let self_test_deadline = start + window.max(MIN_SELF_TEST_WAIT);
    let deadline = start + window;
    let mut heard = Heard {
        notifications: Vec::new(),
        dropped: 0,
        unreadable: 0,
        window,
        round_trip: Duration::ZERO,
        interrupted: None,
    };
    let mut round_trip = None;
    loop {
        for item in listener.notifications_iter() {
            match item {
                Ok(n) => {
                    let after = start.elapsed();
                    if n.channel == SELF_TEST_CHANNEL {
                        if n.payload == token {
                            round_trip.get_or_insert(after);
                        }
                    } else if heard.notifications.len() < MAX_NOTIFICATIONS {
                        heard.notifications.push(Notification {
                            channel: n.channel,
                            payload: n.payload,
                            process_id: n.process_id,
                            after,
                        });
                    } else {
                        heard.dropped += 1;
                    }
                }
                Err(diesel::result::Error::DeserializationError(_)) => heard.unreadable += 1,
                Err(e) => {
                    let message = info.scrub(&e.to_string());
                    return match round_trip {
                        None => Err(Unavailable::Lost(message)),
                        Some(rt) => {
                            heard.round_trip = rt;
                            heard.window = start.elapsed();
                            heard.interrupted = Some(message);
                            Ok(heard)
                        }
                    };
                }
            }
        }
        let now = Instant::now();
        match round_trip {
            Some(rt) if now >= deadline => {
                heard.round_trip = rt;
                heard.window = now - start;
                return Ok(heard);
            }
            None if now >= self_test_deadline => {
                return Err(Unavailable::NoRoundTrip {
                    waited: now - start,
                });
            }
            _ => {}
        }
        let next = if round_trip.is_some() {
            deadline
        } else {
            self_test_deadline
        };
        std::thread::sleep(TICK.min(next.saturating_duration_since(now)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heard(notifications: Vec<(&str, &str)>) -> Heard {
        Heard {
            notifications: notifications
                .into_iter()
                .map(|(channel, payload)| Notification {
                    channel: channel.into(),
                    payload: payload.into(),
                    process_id: 1,
                    after: Duration::ZERO,
                })
                .collect(),
            dropped: 0,
            unreadable: 0,
            window: Duration::from_secs(2),
            round_trip: Duration::from_millis(3),
            interrupted: None,
        }
    }

    #[test]
    fn gossip_status_tells_silence_from_gossip() {
        let h = heard(vec![
            ("public.oban_sonar", r#"{"node":"web-1","ping":true}"#),
            ("public.oban_sonar", "garbage"),
            ("public.oban_insert", r#"{"queue":"a"}"#),
        ]);
        assert_eq!(
            h.gossip_status("public"),
            GossipStatus::Silent {
                sonar_nodes: ["web-1".to_string()].into()
            }
        );
        assert_eq!(
            h.gossip_status("other"),
            GossipStatus::Silent {
                sonar_nodes: BTreeSet::new()
            }
        );
        let h = heard(vec![
            ("public.oban_gossip", "H4sI…"),
            ("public.oban_gossip", "{}"),
        ]);
        assert_eq!(
            h.gossip_status("public"),
            GossipStatus::Received { messages: 2 }
        );
    }

    #[test]
    fn channel_list_is_checked() {
        assert_eq!(
            oban_channels("public", &[Channel::Gossip, Channel::Sonar]).unwrap(),
            vec!["public.oban_gossip", "public.oban_sonar"]
        );
        assert!(oban_channels(&"p".repeat(60), &[Channel::Gossip]).is_err());
    }

    #[test]
    fn reasons_name_the_pooler() {
        let reason = Unavailable::NoRoundTrip {
            waited: Duration::from_millis(2000),
        }
        .reason();
        assert!(reason.contains("transaction pooler"), "{reason}");
        assert!(reason.contains("--listen-url"), "{reason}");
    }
}
