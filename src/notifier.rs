//! Oban's notifier protocol, pure (no database access): channel names, the three payload
//! encodings, tolerant typed parsing of what nodes send (gossip checks, sonar pings, leader and
//! insert messages, `oban_producers.meta`), and the signal payloads obanctl sends.
//!
//! The protocol is Oban 2.23's and oban-py 0.7's; differences found against the real oban-py
//! engine are noted where they matter. Everything decoded here comes from the network or the database and
//! is untrusted: sizes are capped before any work, nothing panics on any input, a field of the
//! wrong type reads as `None`, and one bad gossip check never spoils the others.

use std::io::Read;

use base64::Engine as _;
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use serde_json::{Map, Value};

/// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more.
pub const MAX_PAYLOAD_BYTES: usize = 7999;
/// The most encoded input [`decode`] looks at. Postgres never delivers more than
/// [`MAX_PAYLOAD_BYTES`]; the margin is for payloads read from elsewhere (a file, a table).
pub const MAX_ENCODED_BYTES: usize = 64 * 1024;
/// The most a compressed payload may inflate to (a gzip bomb stops here).
pub const MAX_DECOMPRESSED_BYTES: usize = 1024 * 1024;
/// PostgreSQL identifiers, channel names included, are at most 63 bytes (NAMEDATALEN - 1).
pub const MAX_CHANNEL_BYTES: usize = 63;
/// Longest queue name a signal may carry (Elixir Oban's `queue_length` check allows < 128 chars).
pub const MAX_QUEUE_CHARS: usize = 127;
/// Longest instance or node name accepted in an ident, and longest name-like string kept when
/// parsing (longer ones read as `None`).
pub const MAX_NAME_BYTES: usize = 255;
/// The most checks kept from one gossip message, and running job ids kept from one check.
pub const MAX_CHECKS: usize = 10_000;
pub const MAX_RUNNING_IDS: usize = 10_000;
/// `scale` limits accepted without `force`.
pub const SCALE_LIMIT_MAX: u32 = 10_000;

// ---------------------------------------------------------------------------------------------
// Channels

/// The notifier channels obanctl knows. Oban's full channel name is `"<prefix>.oban_<channel>"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Queue state pushed by nodes: `{"checks":[…]}` (oban_met in Elixir; oban-py with metrics on).
    Gossip,
    /// Notifier health pings from Elixir nodes: `{"node":…,"ping":true}`. oban-py sends none.
    Sonar,
    /// Queue and job control: pause, resume, scale, stop, start, pkill.
    Signal,
    /// Wake-ups after inserts: `{"queue":"Q"}`.
    Insert,
    /// Leadership hand-off: `{"down":"Oban"}` (Elixir), `{"action":"resign",…}` (oban-py).
    Leader,
    /// oban_met / oban-py metrics.
    Metrics,
    /// oban_met / oban-py crontab.
    Cronitor,
}

impl Channel {
    pub const ALL: [Channel; 7] = [
        Channel::Gossip,
        Channel::Sonar,
        Channel::Signal,
        Channel::Insert,
        Channel::Leader,
        Channel::Metrics,
        Channel::Cronitor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Gossip => "gossip",
            Channel::Sonar => "sonar",
            Channel::Signal => "signal",
            Channel::Insert => "insert",
            Channel::Leader => "leader",
            Channel::Metrics => "metrics",
            Channel::Cronitor => "cronitor",
        }
    }

    /// `"<prefix>.oban_<channel>"`, as Oban's Postgres notifier (and oban-py's) names it. Use
    /// [`Channel::checked_name`] before LISTEN or NOTIFY: PostgreSQL cannot carry a longer name.
    pub fn full_name(self, prefix: &str) -> String {
        format!("{prefix}.oban_{}", self.as_str())
    }

    /// [`Channel::full_name`], refused when PostgreSQL would truncate (LISTEN) or reject
    /// (`pg_notify`) it: the prefix is too long for this channel to work at all.
    pub fn checked_name(self, prefix: &str) -> Result<String, ChannelNameTooLong> {
        let name = self.full_name(prefix);
        if name.len() > MAX_CHANNEL_BYTES {
            Err(ChannelNameTooLong { name })
        } else {
            Ok(name)
        }
    }

    /// The channel of a full name under `prefix`, if it is one obanctl knows.
    pub fn from_full_name(prefix: &str, full: &str) -> Option<Channel> {
        let rest = full.strip_prefix(prefix)?.strip_prefix(".oban_")?;
        Channel::ALL.into_iter().find(|c| c.as_str() == rest)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("channel name `{name}` is longer than PostgreSQL's {MAX_CHANNEL_BYTES} bytes")]
pub struct ChannelNameTooLong {
    pub name: String,
}

// ---------------------------------------------------------------------------------------------
// Payload encodings

/// How a payload was (or is to be) written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    /// Plain JSON: Oban ≤ 2.14, small messages of Oban ≥ 2.21, anything sent from SQL.
    Json,
    /// `"Z:"` + base64(gzip(JSON)): Oban ≥ 2.21 for messages over 512 bytes.
    PrefixedGzip,
    /// base64(gzip(JSON)) with no prefix (starts `H4sI`): Oban 2.15–2.20, and oban-py always.
    BareGzip,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub encoding: Encoding,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("payload of {len} bytes is over the {max}-byte limit")]
    TooLarge { len: usize, max: usize },
    #[error("payload is not valid base64: {0}")]
    Base64(String),
    #[error("payload is not valid gzip: {0}")]
    Gzip(String),
    #[error("payload inflates to more than {max} bytes")]
    DecompressedTooLarge { max: usize },
    #[error("payload is not valid JSON: {0}")]
    Json(String),
}

/// The base64 Oban and oban-py write (standard alphabet, padded); padding is not insisted on.
const BASE64: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
);

/// Decodes a payload in any of the three encodings (see [`Encoding`]).
pub fn decode(payload: &str) -> Result<Decoded, DecodeError> {
    decode_bytes(payload.as_bytes())
}

/// [`decode`] for raw bytes (which need not be UTF-8).
pub fn decode_bytes(payload: &[u8]) -> Result<Decoded, DecodeError> {
    if payload.len() > MAX_ENCODED_BYTES {
        return Err(DecodeError::TooLarge {
            len: payload.len(),
            max: MAX_ENCODED_BYTES,
        });
    }
    let text = payload.trim_ascii();
    let (encoding, json) = if let Some(rest) = text.strip_prefix(b"Z:") {
        (Encoding::PrefixedGzip, gunzip_base64(rest)?)
    } else if text.starts_with(b"H4sI") {
        (Encoding::BareGzip, gunzip_base64(text)?)
    } else {
        (Encoding::Json, text.to_vec())
    };
    let value = serde_json::from_slice(&json).map_err(|e| DecodeError::Json(short(&e)))?;
    Ok(Decoded { encoding, value })
}

fn short(error: &dyn std::fmt::Display) -> String {
    let mut text = error.to_string();
    if text.len() > 200 {
        let mut cut = 200;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        text.push('…');
    }
    text
}

fn gunzip_base64(text: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let compressed = BASE64
        .decode(text)
        .map_err(|e| DecodeError::Base64(short(&e)))?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(compressed.as_slice())
        .take(MAX_DECOMPRESSED_BYTES as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| DecodeError::Gzip(short(&e)))?;
    if out.len() > MAX_DECOMPRESSED_BYTES {
        return Err(DecodeError::DecompressedTooLarge {
            max: MAX_DECOMPRESSED_BYTES,
        });
    }
    Ok(out)
}

/// Writes `value` in `encoding`, as the corresponding Oban version would (gzip at the default
/// level, standard padded base64). obanctl itself sends plain JSON only (see [`Signal`]); the
/// other two are for tests and tools.
pub fn encode(value: &Value, encoding: Encoding) -> String {
    let json = value.to_string();
    let gzip = || {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut encoder, json.as_bytes())
            .and_then(|()| encoder.finish())
            .map(|bytes| base64::engine::general_purpose::STANDARD.encode(bytes))
            // Writing into a Vec cannot fail.
            .unwrap_or_default()
    };
    match encoding {
        Encoding::Json => json,
        Encoding::PrefixedGzip => format!("Z:{}", gzip()),
        Encoding::BareGzip => gzip(),
    }
}

// ---------------------------------------------------------------------------------------------
// Tolerant field readers

fn name_field(map: &Map<String, Value>, key: &str) -> Option<String> {
    match map.get(key) {
        Some(Value::String(s)) if !s.is_empty() && s.len() <= MAX_NAME_BYTES => Some(s.clone()),
        _ => None,
    }
}

fn u64_field(map: &Map<String, Value>, key: &str) -> Option<u64> {
    map.get(key).and_then(Value::as_u64)
}

fn bool_field(map: &Map<String, Value>, key: &str) -> Option<bool> {
    map.get(key).and_then(Value::as_bool)
}

/// RFC 3339 with an offset (Elixir `DateTime`, Python `isoformat()` of an aware datetime), or a
/// naive ISO timestamp taken as UTC (as Oban stores them).
fn time_field(map: &Map<String, Value>, key: &str) -> Option<DateTime<Utc>> {
    let text = map.get(key)?.as_str()?;
    if text.len() > 64 {
        return None;
    }
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
                .ok()
                .map(|t| t.and_utc())
        })
}

/// Oban Pro's `global_limit` / `rate_limit` (Smart engine): a number, or an object whose
/// `allowed` is the limit; `period` (seconds) is a rate limit's window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ProLimit {
    pub allowed: Option<u64>,
    pub period_secs: Option<u64>,
    /// The limit is partitioned (by worker or args); `allowed` applies to each partition.
    pub partitioned: bool,
}

fn pro_limit_field(map: &Map<String, Value>, key: &str) -> Option<ProLimit> {
    match map.get(key)? {
        Value::Number(n) => Some(ProLimit {
            allowed: n.as_u64(),
            ..ProLimit::default()
        }),
        Value::Object(inner) => Some(ProLimit {
            allowed: u64_field(inner, "allowed"),
            period_secs: u64_field(inner, "period"),
            partitioned: inner.get("partition").is_some_and(|p| !p.is_null()),
        }),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Gossip

/// One producer's state as a node reports it on the gossip channel. Every field is optional: a
/// field that is missing or of the wrong type is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Check {
    pub queue: Option<String>,
    pub node: Option<String>,
    /// The Oban instance name (`Oban` by default in Elixir and in oban-py).
    pub name: Option<String>,
    /// The producer's uuid (also `oban_producers.uuid` in oban-py and Pro).
    pub uuid: Option<String>,
    /// The node-local concurrency limit: `local_limit` (oban-py, Pro), else `limit` (Elixir's
    /// Basic engine).
    pub local_limit: Option<u64>,
    pub global_limit: Option<ProLimit>,
    pub rate_limit: Option<ProLimit>,
    pub paused: Option<bool>,
    /// Ids of the jobs running in this producer (the first [`MAX_RUNNING_IDS`] integers).
    pub running: Option<Vec<i64>>,
    /// How many entries `running` had as sent, when it was an array.
    pub running_count: Option<usize>,
    pub started_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
    pub shutdown_started_at: Option<DateTime<Utc>>,
    pub refresh_interval_ms: Option<u64>,
}

impl Check {
    pub fn from_object(map: &Map<String, Value>) -> Check {
        let (running, running_count) = match map.get("running") {
            Some(Value::Array(items)) => (
                Some(
                    items
                        .iter()
                        .filter_map(Value::as_i64)
                        .take(MAX_RUNNING_IDS)
                        .collect(),
                ),
                Some(items.len()),
            ),
            _ => (None, None),
        };
        Check {
            queue: name_field(map, "queue"),
            node: name_field(map, "node"),
            name: name_field(map, "name"),
            uuid: name_field(map, "uuid"),
            local_limit: u64_field(map, "local_limit").or_else(|| u64_field(map, "limit")),
            global_limit: pro_limit_field(map, "global_limit"),
            rate_limit: pro_limit_field(map, "rate_limit"),
            paused: bool_field(map, "paused"),
            running,
            running_count,
            started_at: time_field(map, "started_at"),
            updated_at: time_field(map, "updated_at"),
            shutdown_started_at: time_field(map, "shutdown_started_at"),
            refresh_interval_ms: u64_field(map, "refresh_interval"),
        }
    }

    /// The ident that addresses this check's node in a signal, when name and node are known.
    pub fn ident(&self) -> Option<Ident> {
        Ident::node(self.name.as_deref()?, self.node.as_deref()?).ok()
    }
}

/// One gossip message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Gossip {
    pub checks: Vec<Check>,
    /// Entries of `checks` that were not objects, or past [`MAX_CHECKS`].
    pub rejected: usize,
}

/// A gossip message, or `None` when `value` is not one (no `checks` array).
pub fn parse_gossip(value: &Value) -> Option<Gossip> {
    let items = value.as_object()?.get("checks")?.as_array()?;
    let mut gossip = Gossip::default();
    for item in items {
        match item.as_object() {
            Some(map) if gossip.checks.len() < MAX_CHECKS => {
                gossip.checks.push(Check::from_object(map))
            }
            _ => gossip.rejected += 1,
        }
    }
    Some(gossip)
}

// ---------------------------------------------------------------------------------------------
// Other messages nodes send

/// A sonar ping: the node is alive and its notifier works.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sonar {
    pub node: String,
}

pub fn parse_sonar(value: &Value) -> Option<Sonar> {
    let map = value.as_object()?;
    map.get("ping")?;
    Some(Sonar {
        node: name_field(map, "node")?,
    })
}

/// A message on the leader channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum LeaderMessage {
    /// Elixir: the leader of instance `name` stepped down.
    Down { name: String },
    /// oban-py: `node` resigned leadership of instance `name`.
    Resign {
        name: Option<String>,
        node: Option<String>,
    },
}

pub fn parse_leader(value: &Value) -> Option<LeaderMessage> {
    let map = value.as_object()?;
    if let Some(name) = name_field(map, "down") {
        return Some(LeaderMessage::Down { name });
    }
    if map.get("action").and_then(Value::as_str) == Some("resign") {
        return Some(LeaderMessage::Resign {
            name: name_field(map, "name"),
            node: name_field(map, "node"),
        });
    }
    None
}

/// The queue an insert message wakes.
pub fn parse_insert(value: &Value) -> Option<String> {
    name_field(value.as_object()?, "queue")
}

/// `oban_producers.meta`. oban-py writes `{"paused": bool, "local_limit": N}` (plus
/// `shutdown_started_at` while stopping); Pro's Smart engine writes its own richer map, read
/// with the same tolerance as gossip checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ProducerMeta {
    pub paused: Option<bool>,
    pub local_limit: Option<u64>,
    pub global_limit: Option<ProLimit>,
    pub rate_limit: Option<ProLimit>,
    pub shutdown_started_at: Option<DateTime<Utc>>,
}

pub fn parse_producer_meta(value: &Value) -> ProducerMeta {
    let Some(map) = value.as_object() else {
        return ProducerMeta::default();
    };
    ProducerMeta {
        paused: bool_field(map, "paused"),
        local_limit: u64_field(map, "local_limit").or_else(|| u64_field(map, "limit")),
        global_limit: pro_limit_field(map, "global_limit"),
        rate_limit: pro_limit_field(map, "rate_limit"),
        shutdown_started_at: time_field(map, "shutdown_started_at"),
    }
}

// ---------------------------------------------------------------------------------------------
// Signals

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignalError {
    #[error("queue name is empty")]
    EmptyQueue,
    #[error("queue name is {chars} characters long; at most {MAX_QUEUE_CHARS} are allowed")]
    QueueTooLong { chars: usize },
    #[error("queue name contains a NUL or other control character")]
    QueueControlChar,
    #[error("`*` means every queue; name one queue for {action}")]
    WildcardNotAllowed { action: &'static str },
    #[error("limit {limit} is out of range 1..={max}{}", if *.forced { "" } else { " (force allows more)" })]
    LimitOutOfRange { limit: i64, max: u32, forced: bool },
    #[error(
        "{what} is empty, longer than {MAX_NAME_BYTES} bytes, or contains a control character"
    )]
    BadIdent { what: &'static str },
    #[error("job id {0} is not a positive integer")]
    BadJobId(i64),
    #[error("signal payload is {len} bytes, over PostgreSQL's {MAX_PAYLOAD_BYTES}")]
    PayloadTooLarge { len: usize },
}

/// A validated queue name: non-empty, not blank, at most [`MAX_QUEUE_CHARS`] characters, no
/// control characters (NUL cannot be sent at all). `*` is not a queue name: see [`Queues::All`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct QueueName(String);

impl QueueName {
    pub fn new(name: &str) -> Result<QueueName, SignalError> {
        if name.trim().is_empty() {
            return Err(SignalError::EmptyQueue);
        }
        let chars = name.chars().count();
        if chars > MAX_QUEUE_CHARS {
            return Err(SignalError::QueueTooLong { chars });
        }
        if name.chars().any(char::is_control) {
            return Err(SignalError::QueueControlChar);
        }
        if name == "*" {
            return Err(SignalError::WildcardNotAllowed {
                action: "this signal",
            });
        }
        Ok(QueueName(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Which queues a pause or resume addresses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Queues {
    /// `"queue":"*"`: every queue (Elixir ≥ 2.17, oban-py).
    All,
    One(QueueName),
}

impl Queues {
    fn as_str(&self) -> &str {
        match self {
            Queues::All => "*",
            Queues::One(q) => q.as_str(),
        }
    }
}

/// Which nodes act on a signal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Ident {
    /// Every node.
    Any,
    /// One node of one Oban instance: `"<name>.<node>"`, e.g. `Oban.worker-1`. The instance name
    /// is `Oban` by default in both Elixir (`inspect(conf.name)`) and oban-py.
    Node { name: String, node: String },
}

impl Ident {
    pub fn node(name: &str, node: &str) -> Result<Ident, SignalError> {
        let ok = |s: &str| {
            !s.is_empty() && s.len() <= MAX_NAME_BYTES && !s.chars().any(char::is_control)
        };
        if !ok(name) {
            return Err(SignalError::BadIdent {
                what: "the instance name",
            });
        }
        if !ok(node) {
            return Err(SignalError::BadIdent {
                what: "the node name",
            });
        }
        Ok(Ident::Node {
            name: name.to_string(),
            node: node.to_string(),
        })
    }

    pub fn render(&self) -> String {
        match self {
            Ident::Any => "any".to_string(),
            Ident::Node { name, node } => format!("{name}.{node}"),
        }
    }
}

/// A concurrency limit for `scale` and `start`: 1..=[`SCALE_LIMIT_MAX`], or up to `i32::MAX`
/// when forced. Zero is never sent (oban-py rejects it; in Elixir it would silently stall the
/// queue: pause is the honest way to do that).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Limit(u32);

impl Limit {
    pub fn new(limit: i64, force: bool) -> Result<Limit, SignalError> {
        let max = if force {
            i32::MAX as u32
        } else {
            SCALE_LIMIT_MAX
        };
        if limit < 1 || limit > max as i64 {
            return Err(SignalError::LimitOutOfRange {
                limit,
                max,
                forced: force,
            });
        }
        Ok(Limit(limit as u32))
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

/// A signal obanctl sends on `<prefix>.oban_signal`. Payloads are plain JSON, which every Oban
/// version and oban-py read, and carry only the keys Oban itself sends: Elixir's producer turns
/// `scale` keys into atoms with `String.to_existing_atom` (an unknown key can crash the
/// producer), and oban-py 0.7 passes the keys of `stop`, `start` and `scale` straight into Python
/// keyword arguments (an unexpected key makes its `stop` fail with a `TypeError`).
///
/// Never send anything but JSON on an Oban channel: one payload oban-py 0.7 cannot decode (not
/// `{…}`, not base64(gzip)) ends its notifier loop silently and for good, and the node ignores
/// every later signal and insert (checked against the real engine).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "action")]
pub enum Signal {
    Pause {
        queues: Queues,
        ident: Ident,
    },
    Resume {
        queues: Queues,
        ident: Ident,
    },
    Scale {
        queue: QueueName,
        limit: Limit,
        ident: Ident,
    },
    /// Stops the queue's producer on the addressed nodes (until restart or `start`).
    Stop {
        queue: QueueName,
        ident: Ident,
    },
    Start {
        queue: QueueName,
        limit: Limit,
        ident: Ident,
    },
    /// Kills the running job on whichever node runs it (no ident). In oban-py this only sets a
    /// flag the job must check (`job.cancelled()`); Elixir kills the process.
    Pkill {
        job_id: i64,
    },
}

impl Signal {
    pub fn pkill(job_id: i64) -> Result<Signal, SignalError> {
        if job_id < 1 {
            return Err(SignalError::BadJobId(job_id));
        }
        Ok(Signal::Pkill { job_id })
    }

    pub fn action(&self) -> &'static str {
        match self {
            Signal::Pause { .. } => "pause",
            Signal::Resume { .. } => "resume",
            Signal::Scale { .. } => "scale",
            Signal::Stop { .. } => "stop",
            Signal::Start { .. } => "start",
            Signal::Pkill { .. } => "pkill",
        }
    }

    /// The payload, as plain JSON with keys in the order Oban writes them (alphabetical:
    /// `{"action":"pause","ident":"any","queue":"Q"}`), checked against PostgreSQL's limit.
    pub fn payload(&self) -> Result<String, SignalError> {
        let text = |s: &str| Value::String(s.to_string()).to_string();
        let action = text(self.action());
        let body = match self {
            Signal::Pause { queues, ident } | Signal::Resume { queues, ident } => format!(
                "{{\"action\":{action},\"ident\":{},\"queue\":{}}}",
                text(&ident.render()),
                text(queues.as_str())
            ),
            Signal::Scale {
                queue,
                limit,
                ident,
            }
            | Signal::Start {
                queue,
                limit,
                ident,
            } => format!(
                "{{\"action\":{action},\"ident\":{},\"limit\":{},\"queue\":{}}}",
                text(&ident.render()),
                limit.get(),
                text(queue.as_str())
            ),
            Signal::Stop { queue, ident } => format!(
                "{{\"action\":{action},\"ident\":{},\"queue\":{}}}",
                text(&ident.render()),
                text(queue.as_str())
            ),
            Signal::Pkill { job_id } => format!("{{\"action\":{action},\"job_id\":{job_id}}}"),
        };
        if body.len() > MAX_PAYLOAD_BYTES {
            return Err(SignalError::PayloadTooLarge { len: body.len() });
        }
        Ok(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/notifier");

    fn fixture(name: &str) -> String {
        std::fs::read_to_string(format!("{FIXTURES}/{name}"))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    fn q(name: &str) -> QueueName {
        QueueName::new(name).unwrap()
    }

    #[test]
    fn channel_names() {
        assert_eq!(Channel::Signal.full_name("public"), "public.oban_signal");
        assert_eq!(
            Channel::from_full_name("my.app", "my.app.oban_gossip"),
            Some(Channel::Gossip)
        );
        assert_eq!(Channel::from_full_name("public", "other.oban_gossip"), None);
        assert_eq!(Channel::from_full_name("public", "public.oban_nope"), None);
        let long = "p".repeat(52);
        assert!(Channel::Cronitor.checked_name(&long).is_err());
        assert!(Channel::Gossip.checked_name(&"p".repeat(51)).is_ok());
        assert!(Channel::Gossip.checked_name(&"p".repeat(52)).is_err());
    }

    #[test]
    fn decodes_the_three_encodings() {
        let value = json!({"checks": [{"queue": "alpha", "local_limit": 5}]});
        for encoding in [Encoding::Json, Encoding::PrefixedGzip, Encoding::BareGzip] {
            let text = encode(&value, encoding);
            let decoded = decode(&text).unwrap();
            assert_eq!(decoded.encoding, encoding, "{text}");
            assert_eq!(decoded.value, value);
        }
        assert!(encode(&value, Encoding::BareGzip).starts_with("H4sI"));
        assert!(encode(&value, Encoding::PrefixedGzip).starts_with("Z:H4sI"));
    }

    #[test]
    fn every_oban_py_fixture_is_bare_gzip_except_sql_inserts() {
        let mut seen = 0;
        for entry in std::fs::read_dir(FIXTURES).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if !name.starts_with("oban_py_") {
                continue;
            }
            seen += 1;
            let decoded = decode(&fixture(&name)).unwrap_or_else(|e| panic!("{name}: {e}"));
            let expected = if name.ends_with(".json") {
                Encoding::Json
            } else {
                Encoding::BareGzip
            };
            assert_eq!(decoded.encoding, expected, "{name}");
            assert!(decoded.value.is_object(), "{name}");
        }
        assert!(seen >= 10, "only {seen} oban-py fixtures");
    }

    #[test]
    fn real_oban_py_gossip() {
        let decoded = decode(&fixture("oban_py_gossip_running.b64gzip")).unwrap();
        let gossip = parse_gossip(&decoded.value).unwrap();
        assert_eq!(gossip.rejected, 0);
        let alpha = gossip
            .checks
            .iter()
            .find(|c| c.queue.as_deref() == Some("alpha"))
            .unwrap();
        assert_eq!(alpha.node.as_deref(), Some("capture-node-1"));
        assert_eq!(alpha.name.as_deref(), Some("Oban"));
        assert_eq!(alpha.local_limit, Some(2));
        assert_eq!(alpha.paused, Some(false));
        assert_eq!(alpha.running.as_ref().map(Vec::len), Some(2));
        assert!(alpha.started_at.is_some());
        assert!(alpha.uuid.is_some());
        // oban-py 0.7 sends neither updated_at nor shutdown_started_at nor refresh_interval.
        assert_eq!(alpha.updated_at, None);
        assert_eq!(
            alpha.ident().map(|i| i.render()).as_deref(),
            Some("Oban.capture-node-1")
        );

        let paused = parse_gossip(
            &decode(&fixture("oban_py_gossip_paused.b64gzip"))
                .unwrap()
                .value,
        )
        .unwrap();
        assert!(paused
            .checks
            .iter()
            .any(|c| c.queue.as_deref() == Some("alpha") && c.paused == Some(true)));
        let scaled = parse_gossip(
            &decode(&fixture("oban_py_gossip_scaled.b64gzip"))
                .unwrap()
                .value,
        )
        .unwrap();
        assert!(scaled
            .checks
            .iter()
            .any(|c| c.queue.as_deref() == Some("alpha") && c.local_limit == Some(1)));
    }

    #[test]
    fn real_oban_py_signals_match_what_obanctl_builds() {
        let cases = [
            (
                "oban_py_signal_pause.b64gzip",
                Signal::Pause {
                    queues: Queues::One(q("alpha")),
                    ident: Ident::Any,
                },
            ),
            (
                "oban_py_signal_resume.b64gzip",
                Signal::Resume {
                    queues: Queues::One(q("alpha")),
                    ident: Ident::Any,
                },
            ),
            (
                "oban_py_signal_pause_all.b64gzip",
                Signal::Pause {
                    queues: Queues::All,
                    ident: Ident::Any,
                },
            ),
            (
                "oban_py_signal_pause_node.b64gzip",
                Signal::Pause {
                    queues: Queues::One(q("beta")),
                    ident: Ident::node("Oban", "capture-node-1").unwrap(),
                },
            ),
            (
                "oban_py_signal_scale.b64gzip",
                Signal::Scale {
                    queue: q("alpha"),
                    limit: Limit::new(1, false).unwrap(),
                    ident: Ident::Any,
                },
            ),
            (
                "oban_py_signal_stop.b64gzip",
                Signal::Stop {
                    queue: q("gamma"),
                    ident: Ident::Any,
                },
            ),
            ("oban_py_signal_pkill.b64gzip", Signal::pkill(1).unwrap()),
        ];
        for (name, signal) in cases {
            let real = decode(&fixture(name)).unwrap().value;
            let ours: Value = serde_json::from_str(&signal.payload().unwrap()).unwrap();
            assert_eq!(ours, real, "{name}");
        }
        // oban-py's own start also sends `paused`; obanctl sends only what Elixir accepts too.
        let start = decode(&fixture("oban_py_signal_start.b64gzip"))
            .unwrap()
            .value;
        assert_eq!(start["action"], "start");
        assert_eq!(start["paused"], false);
    }

    #[test]
    fn real_oban_py_leader_and_insert() {
        let resign = decode(&fixture("oban_py_leader_resign.b64gzip"))
            .unwrap()
            .value;
        assert_eq!(
            parse_leader(&resign),
            Some(LeaderMessage::Resign {
                name: Some("Oban".into()),
                node: Some("capture-node-1".into())
            })
        );
        let insert = decode(&fixture("oban_py_insert.json")).unwrap().value;
        assert_eq!(parse_insert(&insert).as_deref(), Some("alpha"));
    }

    #[test]
    fn constructed_elixir_fixtures() {
        let small = decode(&fixture("elixir_gossip_one_check.json")).unwrap();
        assert_eq!(small.encoding, Encoding::Json);
        let large = decode(&fixture("elixir_gossip_three_checks.zb64gzip")).unwrap();
        assert_eq!(large.encoding, Encoding::PrefixedGzip);
        let legacy = decode(&fixture("elixir_2_15_gossip_one_check.b64gzip")).unwrap();
        assert_eq!(legacy.encoding, Encoding::BareGzip);
        assert_eq!(legacy.value, small.value);

        let check = &parse_gossip(&small.value).unwrap().checks[0];
        assert_eq!(check.queue.as_deref(), Some("mailers"));
        assert_eq!(check.node.as_deref(), Some("worker-1"));
        assert_eq!(check.local_limit, Some(10), "Basic engine's `limit`");
        assert_eq!(check.refresh_interval_ms, Some(30_000));
        assert_eq!(check.running, Some(vec![1041, 1042]));
        assert!(check.updated_at.is_some());
        assert_eq!(check.shutdown_started_at, None);

        let three = parse_gossip(&large.value).unwrap();
        assert_eq!(three.checks.len(), 3);

        let pro = parse_gossip(
            &decode(&fixture("elixir_pro_gossip_smart.json"))
                .unwrap()
                .value,
        )
        .unwrap();
        let smart = &pro.checks[0];
        assert_eq!(smart.local_limit, Some(5));
        assert_eq!(smart.global_limit.unwrap().allowed, Some(20));
        let rate = smart.rate_limit.unwrap();
        assert_eq!(
            (rate.allowed, rate.period_secs, rate.partitioned),
            (Some(60), Some(60), true)
        );

        let sonar = decode(&fixture("elixir_sonar.json")).unwrap().value;
        assert_eq!(parse_sonar(&sonar).unwrap().node, "peer-node-1");
        let down = decode(&fixture("elixir_leader_down.json")).unwrap().value;
        assert_eq!(
            parse_leader(&down),
            Some(LeaderMessage::Down {
                name: "Oban".into()
            })
        );
        let pause = decode(&fixture("elixir_signal_pause.json")).unwrap().value;
        let ours: Value = serde_json::from_str(
            &Signal::Pause {
                queues: Queues::One(q("flaky")),
                ident: Ident::Any,
            }
            .payload()
            .unwrap(),
        )
        .unwrap();
        assert_eq!(ours, pause);
    }

    #[test]
    fn one_bad_check_never_spoils_the_others() {
        let value = json!({"checks": [
            "not an object",
            {"queue": 7, "node": ["x"], "local_limit": "ten", "paused": "yes", "running": "1,2",
             "started_at": "yesterday", "global_limit": "lots"},
            {"queue": "ok", "local_limit": 3, "running": [1, "two", 3.5, 4]},
            {"queue": "q".repeat(MAX_NAME_BYTES + 1)},
        ]});
        let gossip = parse_gossip(&value).unwrap();
        assert_eq!(gossip.rejected, 1);
        assert_eq!(gossip.checks.len(), 3);
        assert_eq!(gossip.checks[0], Check::default());
        assert_eq!(gossip.checks[1].queue.as_deref(), Some("ok"));
        assert_eq!(gossip.checks[1].running, Some(vec![1, 4]));
        assert_eq!(gossip.checks[1].running_count, Some(4));
        assert_eq!(gossip.checks[2].queue, None, "over-long names are dropped");
        assert_eq!(parse_gossip(&json!({"checks": {}})), None);
        assert_eq!(parse_gossip(&json!([1])), None);
    }

    #[test]
    fn producer_meta_of_both_engines() {
        let py = parse_producer_meta(&json!({"paused": true, "local_limit": 5}));
        assert_eq!((py.paused, py.local_limit), (Some(true), Some(5)));
        let stopping = parse_producer_meta(
            &json!({"paused": true, "shutdown_started_at": "2026-12-01T22:02:20.821178+00:00"}),
        );
        assert!(stopping.shutdown_started_at.is_some());
        let smart = parse_producer_meta(&json!({
            "local_limit": 10, "paused": false,
            "global_limit": {"allowed": 50, "tracked": {}, "partition": null},
            "rate_limit": {"allowed": 10, "period": 1, "window_time": 1700000000, "windows": []}
        }));
        assert_eq!(smart.global_limit.unwrap().allowed, Some(50));
        assert!(!smart.global_limit.unwrap().partitioned);
        assert_eq!(smart.rate_limit.unwrap().period_secs, Some(1));
        assert_eq!(parse_producer_meta(&json!("junk")), ProducerMeta::default());
    }

    #[test]
    fn hostile_payloads_are_refused_with_a_type() {
        assert!(matches!(decode("Z:!!!"), Err(DecodeError::Base64(_))));
        assert!(matches!(decode("H4sIAAAA"), Err(DecodeError::Gzip(_))));
        assert!(matches!(decode("{\"a\":"), Err(DecodeError::Json(_))));
        let huge = "x".repeat(MAX_ENCODED_BYTES + 1);
        assert!(matches!(decode(&huge), Err(DecodeError::TooLarge { .. })));
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(decode(&deep[..MAX_ENCODED_BYTES]).is_err());
        // A gzip bomb: 8 MiB of zeros inside a JSON string, a few KiB compressed.
        let bomb = encode(
            &Value::String("0".repeat(8 * 1024 * 1024)),
            Encoding::PrefixedGzip,
        );
        assert!(bomb.len() < MAX_ENCODED_BYTES, "{}", bomb.len());
        assert_eq!(
            decode(&bomb),
            Err(DecodeError::DecompressedTooLarge {
                max: MAX_DECOMPRESSED_BYTES
            })
        );
    }

    #[test]
    fn signal_payloads_are_exactly_what_oban_sends() {
        let pause = Signal::Pause {
            queues: Queues::One(q("flaky")),
            ident: Ident::Any,
        };
        assert_eq!(
            pause.payload().unwrap(),
            r#"{"action":"pause","ident":"any","queue":"flaky"}"#
        );
        let scale = Signal::Scale {
            queue: q("media"),
            limit: Limit::new(20, false).unwrap(),
            ident: Ident::node("Oban", "worker-1").unwrap(),
        };
        assert_eq!(
            scale.payload().unwrap(),
            r#"{"action":"scale","ident":"Oban.worker-1","limit":20,"queue":"media"}"#
        );
        assert_eq!(
            Signal::pkill(42).unwrap().payload().unwrap(),
            r#"{"action":"pkill","job_id":42}"#
        );
        let quoted = Signal::Stop {
            queue: q("we\"ird\\queue ünï"),
            ident: Ident::Any,
        };
        let back: Value = serde_json::from_str(&quoted.payload().unwrap()).unwrap();
        assert_eq!(back["queue"], "we\"ird\\queue ünï");
    }

    #[test]
    fn signal_validation() {
        assert_eq!(QueueName::new(""), Err(SignalError::EmptyQueue));
        assert_eq!(QueueName::new("  "), Err(SignalError::EmptyQueue));
        assert_eq!(QueueName::new("a\0b"), Err(SignalError::QueueControlChar));
        assert!(matches!(
            QueueName::new("*"),
            Err(SignalError::WildcardNotAllowed { .. })
        ));
        assert!(QueueName::new(&"é".repeat(MAX_QUEUE_CHARS)).is_ok());
        assert!(matches!(
            QueueName::new(&"é".repeat(MAX_QUEUE_CHARS + 1)),
            Err(SignalError::QueueTooLong { .. })
        ));
        assert!(Limit::new(0, true).is_err());
        assert!(Limit::new(1, false).is_ok());
        assert!(Limit::new(10_000, false).is_ok());
        assert!(Limit::new(10_001, false).is_err());
        assert!(Limit::new(10_001, true).is_ok());
        assert!(Limit::new(i64::from(i32::MAX) + 1, true).is_err());
        assert!(Limit::new(-5, true).is_err());
        assert!(Ident::node("", "n").is_err());
        assert!(Ident::node("Oban", "n\u{7}").is_err());
        assert!(Signal::pkill(0).is_err());
    }

    fn arb_queue() -> impl Strategy<Value = QueueName> {
        "\\PC{1,127}".prop_filter_map("valid queue", |s| QueueName::new(&s).ok())
    }

    fn arb_ident() -> impl Strategy<Value = Ident> {
        prop_oneof![
            Just(Ident::Any),
            ("\\PC{1,60}", "\\PC{1,60}")
                .prop_filter_map("valid ident", |(a, b)| Ident::node(&a, &b).ok()),
        ]
    }

    fn arb_signal() -> impl Strategy<Value = Signal> {
        let queues = prop_oneof![Just(Queues::All), arb_queue().prop_map(Queues::One)];
        let limit = (1i64..=i64::from(i32::MAX)).prop_map(|n| Limit::new(n, true).unwrap());
        prop_oneof![
            (queues.clone(), arb_ident())
                .prop_map(|(queues, ident)| Signal::Pause { queues, ident }),
            (queues, arb_ident()).prop_map(|(queues, ident)| Signal::Resume { queues, ident }),
            (arb_queue(), limit.clone(), arb_ident()).prop_map(|(queue, limit, ident)| {
                Signal::Scale {
                    queue,
                    limit,
                    ident,
                }
            }),
            (arb_queue(), arb_ident()).prop_map(|(queue, ident)| Signal::Stop { queue, ident }),
            (arb_queue(), limit, arb_ident()).prop_map(|(queue, limit, ident)| Signal::Start {
                queue,
                limit,
                ident
            }),
            (1i64..).prop_map(|id| Signal::pkill(id).unwrap()),
        ]
    }

    fn arb_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            ".{0,20}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::btree_map(
                    prop_oneof![
                        Just("checks".to_string()),
                        Just("queue".to_string()),
                        Just("running".to_string()),
                        Just("local_limit".to_string()),
                        Just("started_at".to_string()),
                        Just("global_limit".to_string()),
                        ".{0,8}"
                    ],
                    inner,
                    0..8
                )
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn decode_never_panics_on_strings(s in ".{0,300}") {
            let _ = decode(&s);
            let _ = decode(&format!("Z:{s}"));
            let _ = decode(&format!("H4sI{s}"));
        }

        #[test]
        fn decode_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            let _ = decode_bytes(&bytes);
            let mut prefixed = b"Z:".to_vec();
            prefixed.extend_from_slice(&bytes);
            let _ = decode_bytes(&prefixed);
        }

        #[test]
        fn decode_never_panics_on_corrupted_gzip(
            value in arb_json(), flips in prop::collection::vec((any::<usize>(), any::<u8>()), 1..6)
        ) {
            let text = encode(&value, Encoding::BareGzip);
            let raw = base64::engine::general_purpose::STANDARD.decode(&text).unwrap();
            let mut raw = raw;
            for (at, byte) in flips {
                let at = at % raw.len();
                raw[at] ^= byte | 1;
            }
            let corrupted = base64::engine::general_purpose::STANDARD.encode(raw);
            let _ = decode(&corrupted);
        }

        #[test]
        fn every_encoding_round_trips(value in arb_json()) {
            for encoding in [Encoding::Json, Encoding::PrefixedGzip, Encoding::BareGzip] {
                let decoded = decode(&encode(&value, encoding)).unwrap();
                prop_assert_eq!(&decoded.value, &value);
                // A bare JSON string or number is still JSON, never mistaken for gzip.
                prop_assert_eq!(decoded.encoding, encoding);
            }
        }

        #[test]
        fn parsers_never_panic(value in arb_json()) {
            let _ = parse_gossip(&value);
            let _ = parse_sonar(&value);
            let _ = parse_leader(&value);
            let _ = parse_insert(&value);
            let _ = parse_producer_meta(&value);
            let _ = parse_gossip(&serde_json::json!({"checks": [value.clone(), value]}));
        }

        #[test]
        fn signals_are_small_plain_json_with_only_oban_keys(signal in arb_signal()) {
            let payload = signal.payload().unwrap();
            prop_assert!(payload.len() <= MAX_PAYLOAD_BYTES);
            let decoded = decode(&payload).unwrap();
            prop_assert_eq!(decoded.encoding, Encoding::Json);
            let map = decoded.value.as_object().unwrap().clone();
            prop_assert_eq!(map["action"].as_str(), Some(signal.action()));
            let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
            keys.sort_unstable();
            let expected: &[&str] = match signal {
                Signal::Pause { .. } | Signal::Resume { .. } | Signal::Stop { .. } => &["action", "ident", "queue"],
                Signal::Scale { .. } | Signal::Start { .. } => &["action", "ident", "limit", "queue"],
                Signal::Pkill { .. } => &["action", "job_id"],
            };
            prop_assert_eq!(keys, expected);
            match &signal {
                Signal::Scale { queue, limit, ident } => {
                    prop_assert_eq!(map["queue"].as_str(), Some(queue.as_str()));
                    prop_assert_eq!(map["limit"].as_u64(), Some(u64::from(limit.get())));
                    let rendered = ident.render();
                    prop_assert_eq!(map["ident"].as_str(), Some(rendered.as_str()));
                }
                Signal::Pkill { job_id } => prop_assert_eq!(map["job_id"].as_i64(), Some(*job_id)),
                _ => {}
            }
        }
    }
}
