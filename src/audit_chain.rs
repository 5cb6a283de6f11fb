//! The tamper-evident audit chain, decided without touching the database: how a link is computed
//! (plain SHA-256, or HMAC-SHA-256 with the audit key), the key itself, checkpoint lines kept
//! outside the database, and `audit verify`'s walk as a state machine over links and checkpoints.
//!
//! A link is `row_hash = H(prev_hash || event_digest)`, where `event_digest` is the SHA-256 of the
//! event's canonical text (computed by PostgreSQL, see [`crate::audit::event_digest_sql`]) and `H`
//! is SHA-256 for unkeyed links and HMAC-SHA-256 keyed with the audit key for keyed ones. Each link
//! records the id of the key that signed it (`key_id`, NULL when unkeyed). obanctl only ever
//! appends links keyed like the chain's head or, on an unkeyed chain, keyed from then on, so a
//! chain reads: unkeyed links, then links of one key.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The `prev_hash` of the chain's first link.
pub const GENESIS: [u8; 32] = [0; 32];
/// Shortest and longest key accepted, in bytes (after surrounding whitespace is removed).
pub const KEY_MIN_BYTES: usize = 16;
pub const KEY_MAX_BYTES: usize = 4096;
/// Domain separation for key ids, so a key id is never a prefix of any link or digest.
const KEY_ID_DOMAIN: &[u8] = b"obanctl audit key id v1\0";

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The audit key. Holds the prepared HMAC state, never the text; `Debug` shows only the key id,
/// so the key cannot leak through `{:?}`, `-v` or an error message.
#[derive(Clone)]
pub struct AuditKey {
    mac: Hmac<Sha256>,
    id: String,
}

impl fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AuditKey(id {})", self.id)
    }
}

/// The public name of a key: the first 8 bytes, in hex, of SHA-256 over a domain tag and the key.
pub fn key_id(key: &[u8]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(KEY_ID_DOMAIN);
    hasher.update(key);
    hex(&hasher.finalize()[..8])
}

impl AuditKey {
    /// A key from its text (an environment variable or a key file's content). Surrounding
    /// whitespace, such as a file's final newline, is not part of the key.
    pub fn from_text(text: &str) -> Result<AuditKey, String> {
        let key = text.trim();
        if key.len() < KEY_MIN_BYTES {
            return Err(format!(
                "the audit key must be at least {KEY_MIN_BYTES} bytes (generate one with `openssl rand -hex 32`)"
            ));
        }
        if key.len() > KEY_MAX_BYTES {
            return Err(format!(
                "the audit key must be at most {KEY_MAX_BYTES} bytes"
            ));
        }
        let mac = Hmac::<Sha256>::new_from_slice(key.as_bytes())
            .map_err(|_| "the audit key cannot be used for HMAC".to_string())?;
        Ok(AuditKey {
            mac,
            id: key_id(key.as_bytes()),
        })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    fn sign(&self, prev_hash: &[u8], event_digest: &[u8]) -> [u8; 32] {
        let mut mac = self.mac.clone();
        mac.update(prev_hash);
        mac.update(event_digest);
        mac.finalize().into_bytes().into()
    }
}

/// Unix permission bits a key file may not have: anything for "other", and group write. A
/// group-readable file (0640) is allowed, for a signing group that shares one key.
pub fn key_file_mode_problem(mode: u32) -> Option<String> {
    if mode & 0o007 != 0 {
        return Some(format!(
            "is accessible to every user (mode {:03o}); make it private: chmod 600",
            mode & 0o777
        ));
    }
    if mode & 0o020 != 0 {
        return Some(format!(
            "is writable by its group (mode {:03o}); chmod 600 or 640",
            mode & 0o777
        ));
    }
    None
}

/// One link: SHA-256 without a key, HMAC-SHA-256 with one, over the same input.
pub fn link_hash(key: Option<&AuditKey>, prev_hash: &[u8], event_digest: &[u8]) -> [u8; 32] {
    match key {
        Some(key) => key.sign(prev_hash, event_digest),
        None => {
            let mut hasher = Sha256::new();
            hasher.update(prev_hash);
            hasher.update(event_digest);
            hasher.finalize().into()
        }
    }
}

// ---- What the database holds, as the walk sees it ---------------------------------------------

/// One chain row, with its event's digest as recomputed now (none when the event is gone).
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub seq: i64,
    pub event_id: i64,
    pub prev_hash: Vec<u8>,
    pub row_hash: Vec<u8>,
    pub key_id: Option<String>,
    pub digest: Option<Vec<u8>>,
}

/// The `audit.purged` event that says where the chain now starts (its `last_deleted_seq` is the
/// seq just before the first link).
#[derive(Debug, Clone, PartialEq)]
pub struct PurgeAnchor {
    pub event_id: i64,
    pub last_deleted_hash: Option<Vec<u8>>,
    /// Whether the event has a chain row at all; a purge event is written chained, always.
    pub chained: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Start {
    /// The lowest seq in the chain; none when the chain is empty.
    pub first_seq: Option<i64>,
    pub anchor: Option<PurgeAnchor>,
}

/// obanctl's own record (`obanctl_audit_state`, kept by every writer in the append's
/// transaction) of how far the chain has ever reached and since when it is keyed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Marker {
    pub high_water_seq: i64,
    pub first_keyed_seq: Option<i64>,
}

// ---- Checkpoints -------------------------------------------------------------------------------

/// Which database a checkpoint belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseIdentity {
    /// `pg_control_system().system_identifier`, as text; none where the role cannot read it.
    pub system_identifier: Option<String>,
    pub database: String,
    pub schema: String,
}

impl DatabaseIdentity {
    /// Why `other` is not this database, if it is not. A system identifier missing on either side
    /// is not compared.
    pub fn mismatch(&self, other: &DatabaseIdentity) -> Option<String> {
        if let (Some(ours), Some(theirs)) = (&self.system_identifier, &other.system_identifier) {
            if ours != theirs {
                return Some(format!("system identifier {theirs}, this server is {ours}"));
            }
        }
        if self.database != other.database {
            return Some(format!(
                "database `{}`, this is `{}`",
                other.database, self.database
            ));
        }
        if self.schema != other.schema {
            return Some(format!(
                "schema `{}`, this is `{}`",
                other.schema, self.schema
            ));
        }
        None
    }
}

/// The line `audit checkpoint` writes (its `kind` is [`CHECKPOINT_KIND`]).
#[derive(Debug, Clone, Serialize)]
pub struct CheckpointLine {
    pub seq: i64,
    pub hash: String,
    pub events: i64,
    pub at: String,
    pub database: DatabaseIdentity,
    pub key_id: Option<String>,
    pub tool_version: &'static str,
}

pub const CHECKPOINT_KIND: &str = "audit_checkpoint";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckpointSource {
    Checkpoint,
    ExportTrailer,
}

/// A chain head recorded outside the database: a checkpoint line or an export trailer.
#[derive(Debug, Clone, PartialEq)]
pub struct Checkpoint {
    /// `FILE:LINE`.
    pub origin: String,
    pub source: CheckpointSource,
    pub seq: i64,
    pub hash: Vec<u8>,
    pub at: Option<String>,
    pub database: Option<DatabaseIdentity>,
    pub key_id: Option<String>,
}

impl Checkpoint {
    /// How a report names it: file:line, seq and time.
    pub fn name(&self) -> String {
        format!(
            "{} ({}seq {}{})",
            self.origin,
            match self.source {
                CheckpointSource::Checkpoint => "",
                CheckpointSource::ExportTrailer => "export trailer, ",
            },
            self.seq,
            self.at
                .as_deref()
                .map(|at| format!(", {at}"))
                .unwrap_or_default()
        )
    }
}

fn head_of(value: &Value, what: &str) -> Result<(i64, Vec<u8>), String> {
    let seq = value["seq"]
        .as_i64()
        .filter(|s| *s >= 1)
        .ok_or_else(|| format!("{what} has no valid `seq`"))?;
    let hash = value["hash"]
        .as_str()
        .and_then(unhex)
        .filter(|h| h.len() == 32)
        .ok_or_else(|| format!("{what} has no valid `hash` (64 hex digits)"))?;
    Ok((seq, hash))
}

fn identity_of(value: &Value) -> Result<Option<DatabaseIdentity>, String> {
    match value.get("database") {
        None | Some(Value::Null) => Ok(None),
        Some(v) => serde_json::from_value(v.clone())
            .map(Some)
            .map_err(|e| format!("`database` is not a database identity: {e}")),
    }
}

/// Reads a checkpoint file: `audit checkpoint` lines, and `audit export` files or sidecars (their
/// trailers count as checkpoints; their header and event lines are skipped). Blank lines are
/// ignored; any other line is an error naming `file:line`.
pub fn parse_checkpoints(file: &str, text: &str) -> Result<Vec<Checkpoint>, String> {
    let mut found = Vec::new();
    let mut in_export = false;
    let mut exported_at: Option<String> = None;
    let mut export_database: Option<DatabaseIdentity> = None;
    for (index, line) in text.lines().enumerate() {
        let origin = format!("{file}:{}", index + 1);
        if line.trim().is_empty() {
            continue;
        }
        let location = origin.clone();
        let bad = |why: String| format!("{location}: {why}");
        let value: Value = serde_json::from_str(line)
            .map_err(|_| bad("not a JSON line (expected an audit checkpoint or an audit export trailer; for a CSV export pass its .meta.jsonl sidecar)".into()))?;
        if !value.is_object() {
            return Err(bad("not a JSON object".into()));
        }
        let kind = value["kind"]
            .as_str()
            .or_else(|| match value["obanctl_export"].as_str() {
                Some("header") => Some("export_header"),
                Some("trailer") => Some("export_trailer"),
                _ => None,
            });
        match kind {
            Some(CHECKPOINT_KIND) => {
                let (seq, hash) = head_of(&value, "the checkpoint").map_err(&bad)?;
                found.push(Checkpoint {
                    origin,
                    source: CheckpointSource::Checkpoint,
                    seq,
                    hash,
                    at: value["at"].as_str().map(str::to_string),
                    database: identity_of(&value).map_err(&bad)?,
                    key_id: value["key_id"].as_str().map(str::to_string),
                });
            }
            Some("export_header") => {
                in_export = true;
                exported_at = value["exported_at"].as_str().map(str::to_string);
                export_database = identity_of(&value).map_err(&bad)?;
            }
            Some("export_trailer") => {
                // An export of a database without a chain has no head to check.
                if value["chain_head"].is_null() {
                    continue;
                }
                let (seq, hash) =
                    head_of(&value["chain_head"], "the trailer's chain_head").map_err(&bad)?;
                let database = identity_of(&value).map_err(&bad)?;
                found.push(Checkpoint {
                    origin,
                    source: CheckpointSource::ExportTrailer,
                    seq,
                    hash,
                    at: value["exported_at"]
                        .as_str()
                        .map(str::to_string)
                        .or_else(|| exported_at.clone()),
                    database: database.or_else(|| export_database.clone()),
                    key_id: value["chain_head"]["key_id"].as_str().map(str::to_string),
                });
            }
            // An exported event (`audit_row`) between an export's header and trailer.
            _ if in_export => {}
            _ => {
                return Err(bad(
                    "not an audit checkpoint or an audit export trailer".into()
                ))
            }
        }
    }
    Ok(found)
}

// ---- The walk ----------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakKind {
    /// Events or links are missing, or the chain's start is not accounted for.
    Deleted,
    /// An event or a link no longer matches.
    Edited,
    /// An event claims to come from obanctl but is not chained.
    Inserted,
    /// The chain ends before a checkpoint or the install marker says it reached.
    Truncated,
    /// The chain is empty but a checkpoint or the install marker says it was not.
    Wiped,
    /// The link at a checkpoint's seq is not the one the checkpoint recorded.
    Rewritten,
    /// An unkeyed link where the chain is keyed.
    Downgraded,
    /// A keyed link signed by another key than the one given.
    WrongKey,
    /// Consecutive links signed by different keys (obanctl never does this).
    KeyChanged,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Break {
    pub seq: i64,
    pub kind: BreakKind,
    pub detail: String,
    /// The checkpoint that shows it, when one does.
    pub checkpoint: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every link verified (keyed ones with the key).
    Intact,
    /// The chain is empty and nothing says it should not be.
    NoChain,
    /// Nothing is broken, but keyed links could not be proven without the key.
    Unproven,
    Broken,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unproven {
    pub count: i64,
    pub first_seq: i64,
    pub last_seq: i64,
    pub key_ids: BTreeSet<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckpointStatus {
    /// The chain holds the checkpoint's link at its seq.
    Matched,
    /// The checkpoint's seq is before the chain's start, accounted for by a chained purge.
    Purged,
    /// Not reached: the walk stopped at an earlier break.
    NotReached,
    /// The chain contradicts it (see the break).
    Failed,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckpointResult {
    pub origin: String,
    pub source: CheckpointSource,
    pub seq: i64,
    pub at: Option<String>,
    pub status: CheckpointStatus,
}

/// What the walk found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub verdict: Verdict,
    pub chained_events_checked: i64,
    pub first_seq: Option<i64>,
    pub head_seq: Option<i64>,
    pub head_hash: Option<String>,
    pub keyed_links_proven: i64,
    pub unkeyed_links: i64,
    pub unproven: Option<Unproven>,
    pub checkpoints: Vec<CheckpointResult>,
    #[serde(rename = "break")]
    pub found_break: Option<Break>,
}

/// `verify`'s walk: [`Walk::new`] with what is known before reading links, then
/// [`Walk::feed`] every link from [`Walk::next_seq`] on in seq order (the caller reads them in
/// chunks), then [`Walk::finish`].
#[derive(Debug)]
pub struct Walk<'a> {
    key: Option<&'a AuditKey>,
    marker: Option<Marker>,
    checkpoints: Vec<Checkpoint>,
    statuses: Vec<CheckpointStatus>,
    /// Checkpoint indexes by seq.
    by_seq: BTreeMap<i64, Vec<usize>>,
    start: Start,
    expected_seq: i64,
    expected_prev: Vec<u8>,
    prev_key: Option<String>,
    /// Links from this seq on must be keyed, and why.
    keyed_from: Option<(i64, String)>,
    checked: i64,
    keyed_proven: i64,
    unkeyed: i64,
    unproven: Option<Unproven>,
    head: Option<(i64, Vec<u8>)>,
    anchor_confirmed: bool,
    found_break: Option<Break>,
}

impl<'a> Walk<'a> {
    pub fn new(
        start: Start,
        marker: Option<Marker>,
        checkpoints: Vec<Checkpoint>,
        key: Option<&'a AuditKey>,
    ) -> Walk<'a> {
        let mut by_seq: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
        for (i, cp) in checkpoints.iter().enumerate() {
            by_seq.entry(cp.seq).or_default().push(i);
        }
        let mut keyed_from = marker
            .and_then(|m| m.first_keyed_seq)
            .map(|seq| (seq, "the install marker records".to_string()));
        for cp in checkpoints.iter().filter(|cp| cp.key_id.is_some()) {
            if keyed_from.as_ref().is_none_or(|(seq, _)| cp.seq < *seq) {
                keyed_from = Some((cp.seq, format!("checkpoint {} records", cp.name())));
            }
        }
        let mut walk = Walk {
            key,
            marker,
            statuses: vec![CheckpointStatus::NotReached; checkpoints.len()],
            checkpoints,
            by_seq,
            expected_seq: start.first_seq.unwrap_or(1),
            expected_prev: GENESIS.to_vec(),
            start,
            prev_key: None,
            keyed_from,
            checked: 0,
            keyed_proven: 0,
            unkeyed: 0,
            unproven: None,
            head: None,
            anchor_confirmed: false,
            found_break: None,
        };
        if let Some(first) = walk.start.first_seq.filter(|seq| *seq > 1) {
            match &walk.start.anchor {
                None => walk.broken(first, BreakKind::Deleted, format!(
                    "the chain starts at entry {first} and no audit.purged checkpoint accounts for the entries before it"
                ), None),
                Some(anchor) if !anchor.chained => walk.broken(first, BreakKind::Deleted, format!(
                    "the chain starts at entry {first}; the audit.purged event {} that claims to account for the entries before it is not chained, so it was not written by obanctl (forged)",
                    anchor.event_id
                ), None),
                Some(anchor) => match anchor.last_deleted_hash.clone().filter(|h| h.len() == 32) {
                    Some(hash) => walk.expected_prev = hash,
                    None => walk.broken(first, BreakKind::Deleted, format!(
                        "the chain starts at entry {first}; the audit.purged event {} has no valid last_deleted_hash",
                        anchor.event_id
                    ), None),
                },
            }
        }
        walk
    }

    fn broken(&mut self, seq: i64, kind: BreakKind, detail: String, checkpoint: Option<String>) {
        if self.found_break.is_none() {
            self.found_break = Some(Break {
                seq,
                kind,
                detail,
                checkpoint,
            });
        }
    }

    /// The seq to read from next; none once the walk has found a break.
    pub fn next_seq(&self) -> Option<i64> {
        self.found_break.is_none().then_some(self.expected_seq)
    }

    /// Checks one link; false once the walk has found a break (stop feeding).
    pub fn feed(&mut self, link: &Link) -> bool {
        if self.found_break.is_some() {
            return false;
        }
        if let Some((kind, detail)) = self.problem(link) {
            self.broken(link.seq, kind, detail, None);
            return false;
        }
        // At a checkpoint's seq the link must be the one recorded.
        if let Some(indexes) = self.by_seq.get(&link.seq).cloned() {
            for i in indexes {
                if self.checkpoints[i].hash == link.row_hash {
                    self.statuses[i] = CheckpointStatus::Matched;
                } else {
                    self.statuses[i] = CheckpointStatus::Failed;
                    let name = self.checkpoints[i].name();
                    self.broken(
                        link.seq,
                        BreakKind::Rewritten,
                        format!(
                            "chain entry {} is not the one checkpoint {name} recorded: the chain was rewritten up to there",
                            link.seq
                        ),
                        Some(name),
                    );
                    return false;
                }
            }
        }
        if self
            .start
            .anchor
            .as_ref()
            .is_some_and(|a| a.event_id == link.event_id)
        {
            self.anchor_confirmed = true;
        }
        self.checked += 1;
        self.expected_seq = link.seq + 1;
        self.expected_prev = link.row_hash.clone();
        self.prev_key = link.key_id.clone();
        self.head = Some((link.seq, link.row_hash.clone()));
        true
    }

    fn problem(&mut self, link: &Link) -> Option<(BreakKind, String)> {
        if link.seq != self.expected_seq {
            return Some((
                BreakKind::Deleted,
                format!(
                    "chain entries {} to {} are missing",
                    self.expected_seq,
                    link.seq - 1
                ),
            ));
        }
        if link.prev_hash != self.expected_prev {
            return Some((
                BreakKind::Edited,
                format!(
                    "chain entry {} does not follow entry {}",
                    link.seq,
                    link.seq - 1
                ),
            ));
        }
        let Some(digest) = &link.digest else {
            return Some((
                BreakKind::Deleted,
                format!(
                    "event {} (chain entry {}) was deleted",
                    link.event_id, link.seq
                ),
            ));
        };
        let edited = || {
            (
                BreakKind::Edited,
                format!(
                    "event {} (chain entry {}) was changed after it was written",
                    link.event_id, link.seq
                ),
            )
        };
        match &link.key_id {
            None => {
                if let Some(previous) = &self.prev_key {
                    return Some((BreakKind::Downgraded, format!(
                        "chain entry {} is unkeyed but follows an entry signed with key id {previous}; obanctl never appends unkeyed links to a keyed chain (links recomputed without the key)",
                        link.seq
                    )));
                }
                if let Some((from, why)) = self.keyed_from.as_ref().filter(|(s, _)| link.seq >= *s)
                {
                    return Some((BreakKind::Downgraded, format!(
                        "chain entry {} is unkeyed, but {why} that the chain is keyed from entry {from} on (links recomputed without the key)",
                        link.seq
                    )));
                }
                if link_hash(None, &link.prev_hash, digest).as_slice() != link.row_hash.as_slice() {
                    return Some(edited());
                }
                self.unkeyed += 1;
            }
            Some(id) => {
                if let Some(previous) = self.prev_key.as_ref().filter(|p| *p != id) {
                    return Some((
                        BreakKind::KeyChanged,
                        format!(
                            "chain entry {} is signed with key id {id} but follows an entry signed with key id {previous}",
                            link.seq
                        ),
                    ));
                }
                match self.key {
                    Some(key) if key.id() == id => {
                        if key.sign(&link.prev_hash, digest).as_slice() != link.row_hash.as_slice()
                        {
                            return Some((BreakKind::Edited, format!(
                                "event {} (chain entry {}) does not verify with the key (id {id}): the event was changed after it was written, or its link was forged",
                                link.event_id, link.seq
                            )));
                        }
                        self.keyed_proven += 1;
                    }
                    Some(key) => {
                        return Some((BreakKind::WrongKey, format!(
                            "chain entry {} is signed with key id {id}; the key given has id {}, so it cannot prove this link or any after it",
                            link.seq,
                            key.id()
                        )));
                    }
                    None => {
                        let unproven = self.unproven.get_or_insert_with(|| Unproven {
                            count: 0,
                            first_seq: link.seq,
                            last_seq: link.seq,
                            key_ids: BTreeSet::new(),
                        });
                        unproven.count += 1;
                        unproven.last_seq = link.seq;
                        unproven.key_ids.insert(id.clone());
                    }
                }
            }
        }
        None
    }

    /// Ends the walk. `claiming` is the number of unchained events that claim to come from
    /// obanctl, and the first one's id.
    pub fn finish(mut self, claiming: (i64, Option<i64>)) -> Outcome {
        let first_seq = self.start.first_seq;
        let head_seq = self.head.as_ref().map(|h| h.0);
        // Checkpoints at or before the chain's start: a purge accounts for them (the chain start
        // itself is proven only once the walk reached the chained purge event).
        if let Some(first) = first_seq {
            let anchor_hash = self
                .start
                .anchor
                .as_ref()
                .and_then(|a| a.last_deleted_hash.clone());
            for (i, cp) in self.checkpoints.iter().enumerate() {
                if cp.seq >= first || self.found_break.is_some() {
                    continue;
                }
                if cp.seq == first - 1 && anchor_hash.as_deref() != Some(cp.hash.as_slice()) {
                    self.statuses[i] = CheckpointStatus::Failed;
                    let name = cp.name();
                    self.found_break = Some(Break {
                        seq: first,
                        kind: BreakKind::Rewritten,
                        detail: format!(
                            "the chain was rewritten up to checkpoint {name}: the purge that ended there recorded a different last link"
                        ),
                        checkpoint: Some(name),
                    });
                } else {
                    self.statuses[i] = CheckpointStatus::Purged;
                }
            }
            if self.found_break.is_none() && first > 1 && !self.anchor_confirmed {
                let id = self.start.anchor.as_ref().map(|a| a.event_id).unwrap_or(0);
                self.found_break = Some(Break {
                    seq: first,
                    kind: BreakKind::Deleted,
                    detail: format!(
                        "the chain starts at entry {first}; the audit.purged event {id} that accounts for the entries before it is not part of the verified chain"
                    ),
                    checkpoint: None,
                });
            }
        }
        if self.found_break.is_none() {
            // Checkpoints beyond the head: the chain lost its newest links (or all of them).
            let reach = head_seq.unwrap_or(0);
            let beyond: Vec<usize> = (0..self.checkpoints.len())
                .filter(|i| self.checkpoints[*i].seq > reach)
                .collect();
            if let Some(&first_beyond) = beyond.iter().min_by_key(|i| self.checkpoints[**i].seq) {
                for i in &beyond {
                    self.statuses[*i] = CheckpointStatus::Failed;
                }
                let cp = &self.checkpoints[first_beyond];
                let name = cp.name();
                let (kind, detail) = match head_seq {
                    None => (BreakKind::Wiped, format!(
                        "the chain is empty, but checkpoint {name} recorded entry {}: the audit trail was wiped",
                        cp.seq
                    )),
                    Some(head) => (BreakKind::Truncated, format!(
                        "the chain ends at entry {head}, but checkpoint {name} recorded entry {}: the newest entries were deleted",
                        cp.seq
                    )),
                };
                self.found_break = Some(Break {
                    seq: reach + 1,
                    kind,
                    detail,
                    checkpoint: Some(name),
                });
            }
        }
        if self.found_break.is_none() {
            if let Some(marker) = self
                .marker
                .filter(|m| m.high_water_seq > head_seq.unwrap_or(0))
            {
                let (kind, detail) = match head_seq {
                    None => (BreakKind::Wiped, format!(
                        "the chain is empty, but the install marker records that entries up to {} were written: the audit trail was wiped",
                        marker.high_water_seq
                    )),
                    Some(head) => (BreakKind::Truncated, format!(
                        "the chain ends at entry {head}, but the install marker records that entries up to {} were written: the newest entries were deleted",
                        marker.high_water_seq
                    )),
                };
                self.found_break = Some(Break {
                    seq: head_seq.unwrap_or(0) + 1,
                    kind,
                    detail,
                    checkpoint: None,
                });
            }
        }
        if self.found_break.is_none() && claiming.0 > 0 {
            self.found_break = Some(Break {
                seq: 0,
                kind: BreakKind::Inserted,
                detail: format!(
                    "{} events claim to come from obanctl but are not in the chain (first: event {})",
                    claiming.0,
                    claiming.1.unwrap_or_default()
                ),
                checkpoint: None,
            });
        }
        let verdict = if self.found_break.is_some() {
            Verdict::Broken
        } else if head_seq.is_none() {
            Verdict::NoChain
        } else if self.unproven.is_some() {
            Verdict::Unproven
        } else {
            Verdict::Intact
        };
        let checkpoints = self
            .checkpoints
            .iter()
            .zip(&self.statuses)
            .map(|(cp, status)| CheckpointResult {
                origin: cp.origin.clone(),
                source: cp.source,
                seq: cp.seq,
                at: cp.at.clone(),
                status: *status,
            })
            .collect();
        Outcome {
            verdict,
            chained_events_checked: self.checked,
            first_seq,
            head_seq,
            head_hash: self.head.as_ref().map(|h| hex(&h.1)),
            keyed_links_proven: self.keyed_proven,
            unkeyed_links: self.unkeyed,
            unproven: self.unproven,
            checkpoints,
            found_break: self.found_break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key(text: &str) -> AuditKey {
        AuditKey::from_text(text).unwrap()
    }

    /// A chain of `n` links from `first`, each link keyed with the key at its index (or not).
    fn chain(first: i64, prev: &[u8], keys: &[Option<&AuditKey>]) -> Vec<Link> {
        let mut prev = prev.to_vec();
        keys.iter()
            .enumerate()
            .map(|(i, key)| {
                let seq = first + i as i64;
                let digest = Sha256::digest(format!("event {seq}")).to_vec();
                let row = link_hash(*key, &prev, &digest).to_vec();
                let link = Link {
                    seq,
                    event_id: 100 + seq,
                    prev_hash: std::mem::replace(&mut prev, row.clone()),
                    row_hash: row,
                    key_id: key.map(|k| k.id().to_string()),
                    digest: Some(digest),
                };
                link
            })
            .collect()
    }

    fn walk(
        links: &[Link],
        start: Start,
        marker: Option<Marker>,
        checkpoints: Vec<Checkpoint>,
        key: Option<&AuditKey>,
    ) -> Outcome {
        let mut w = Walk::new(start, marker, checkpoints, key);
        for link in links {
            if !w.feed(link) {
                break;
            }
        }
        w.finish((0, None))
    }

    fn from_one() -> Start {
        Start {
            first_seq: Some(1),
            anchor: None,
        }
    }

    fn checkpoint_at(link: &Link, line: usize) -> Checkpoint {
        Checkpoint {
            origin: format!("cp.jsonl:{line}"),
            source: CheckpointSource::Checkpoint,
            seq: link.seq,
            hash: link.row_hash.clone(),
            at: Some("2026-12-01T00:00:00Z".into()),
            database: None,
            key_id: link.key_id.clone(),
        }
    }

    const K1: &str = "0123456789abcdef-first-key";
    const K2: &str = "0123456789abcdef-second-key";

    #[test]
    fn hashes_keys_and_hex() {
        let k = key(K1);
        assert_eq!(k.id().len(), 16);
        assert_eq!(
            k.id(),
            key(&format!("  {K1}\n")).id(),
            "surrounding whitespace is not the key"
        );
        assert_ne!(k.id(), key(K2).id());
        assert!(
            !format!("{k:?}").contains("first-key"),
            "Debug never shows the key"
        );
        let plain = link_hash(None, &GENESIS, &[7; 32]);
        assert_ne!(plain, link_hash(Some(&k), &GENESIS, &[7; 32]));
        assert_ne!(plain, link_hash(None, &plain, &[7; 32]), "depends on prev");
        // HMAC-SHA-256 test vector (RFC 4231 case 2 uses a short key; check the construction).
        let mut mac = Hmac::<Sha256>::new_from_slice(K1.as_bytes()).unwrap();
        mac.update(&GENESIS);
        mac.update(&[7; 32]);
        assert_eq!(
            link_hash(Some(&k), &GENESIS, &[7; 32]).as_slice(),
            mac.finalize().into_bytes().as_slice()
        );
        assert!(AuditKey::from_text("short").is_err());
        assert!(AuditKey::from_text(&"x".repeat(KEY_MAX_BYTES + 1)).is_err());
        assert_eq!(unhex(&hex(&plain)).unwrap(), plain.to_vec());
        assert!(unhex("abc").is_none() && unhex("zz").is_none());
    }

    #[test]
    fn key_file_modes() {
        assert!(key_file_mode_problem(0o100600).is_none());
        assert!(key_file_mode_problem(0o100640).is_none());
        assert!(key_file_mode_problem(0o100644)
            .unwrap()
            .contains("every user"));
        assert!(key_file_mode_problem(0o100660).unwrap().contains("group"));
    }

    #[test]
    fn an_untouched_chain_is_intact_mixed_or_not() {
        let k = key(K1);
        let links = chain(1, &GENESIS, &[None, None, Some(&k), Some(&k)]);
        let out = walk(&links, from_one(), None, vec![], Some(&k));
        assert_eq!(out.verdict, Verdict::Intact, "{out:?}");
        assert_eq!((out.unkeyed_links, out.keyed_links_proven), (2, 2));
        assert_eq!(out.head_seq, Some(4));

        let out = walk(&links, from_one(), None, vec![], None);
        assert_eq!(out.verdict, Verdict::Unproven);
        let unproven = out.unproven.unwrap();
        assert_eq!(
            (unproven.count, unproven.first_seq, unproven.last_seq),
            (2, 3, 4)
        );
        assert!(unproven.key_ids.contains(k.id()));
    }

    #[test]
    fn wrong_key_and_key_changes() {
        let (k1, k2) = (key(K1), key(K2));
        let links = chain(1, &GENESIS, &[None, Some(&k1), Some(&k1)]);
        let out = walk(&links, from_one(), None, vec![], Some(&k2));
        let found = out.found_break.unwrap();
        assert_eq!((found.kind, found.seq), (BreakKind::WrongKey, 2));

        let links = chain(1, &GENESIS, &[Some(&k1), Some(&k2)]);
        let out = walk(&links, from_one(), None, vec![], None);
        assert_eq!(out.found_break.unwrap().kind, BreakKind::KeyChanged);
    }

    #[test]
    fn recomputed_plain_links_after_an_edit_are_caught_with_a_key() {
        let k = key(K1);
        let mut links = chain(1, &GENESIS, &[Some(&k), Some(&k), Some(&k)]);
        // Edit event 2 and recompute plain links from there, dropping the key id...
        let forged = chain(2, &links[0].row_hash, &[None, None]);
        links.truncate(1);
        links.extend(forged.clone());
        let out = walk(&links, from_one(), None, vec![], Some(&k));
        assert_eq!(out.found_break.unwrap().kind, BreakKind::Downgraded);
        // ... or keeping it: the HMAC does not verify.
        let mut kept = links.clone();
        for link in &mut kept[1..] {
            link.key_id = Some(k.id().to_string());
        }
        let out = walk(&kept, from_one(), None, vec![], Some(&k));
        let found = out.found_break.unwrap();
        assert_eq!((found.kind, found.seq), (BreakKind::Edited, 2));
        // A whole chain rewritten unkeyed is caught by the marker's record of keying.
        let rewritten = chain(1, &GENESIS, &[None, None, None]);
        let marker = Marker {
            high_water_seq: 3,
            first_keyed_seq: Some(1),
        };
        let out = walk(&rewritten, from_one(), Some(marker), vec![], Some(&k));
        assert_eq!(out.found_break.unwrap().kind, BreakKind::Downgraded);
    }

    #[test]
    fn edits_gaps_and_deleted_events() {
        let links = chain(1, &GENESIS, &[None; 5]);
        let mut edited = links.clone();
        edited[2].digest = Some(vec![1; 32]);
        assert_eq!(
            walk(&edited, from_one(), None, vec![], None)
                .found_break
                .unwrap()
                .kind,
            BreakKind::Edited
        );
        let mut gone = links.clone();
        gone[2].digest = None;
        assert_eq!(
            walk(&gone, from_one(), None, vec![], None)
                .found_break
                .unwrap()
                .kind,
            BreakKind::Deleted
        );
        let mut gap = links.clone();
        gap.remove(2);
        let found = walk(&gap, from_one(), None, vec![], None)
            .found_break
            .unwrap();
        assert!(found.detail.contains("missing"), "{found:?}");
    }

    #[test]
    fn checkpoints_catch_truncation_wipe_and_rewrite() {
        let links = chain(1, &GENESIS, &[None; 6]);
        let cp = checkpoint_at(&links[4], 3);
        // Intact with the checkpoint.
        let out = walk(&links, from_one(), None, vec![cp.clone()], None);
        assert_eq!(out.verdict, Verdict::Intact);
        assert_eq!(out.checkpoints[0].status, CheckpointStatus::Matched);
        // Tail truncation: head 3 is behind checkpoint 5.
        let out = walk(&links[..3], from_one(), None, vec![cp.clone()], None);
        let found = out.found_break.unwrap();
        assert_eq!(found.kind, BreakKind::Truncated);
        assert_eq!(
            found.checkpoint.as_deref(),
            Some("cp.jsonl:3 (seq 5, 2026-12-01T00:00:00Z)")
        );
        // Wipe.
        let out = walk(&[], Start::default(), None, vec![cp.clone()], None);
        assert_eq!(out.found_break.unwrap().kind, BreakKind::Wiped);
        // Rewrite: a different, self-consistent chain.
        let relinked: Vec<Link> = {
            let mut prev = GENESIS.to_vec();
            links
                .iter()
                .cloned()
                .map(|mut l| {
                    let digest = Sha256::digest(format!("other {}", l.seq)).to_vec();
                    l.prev_hash = prev.clone();
                    l.row_hash = link_hash(None, &prev, &digest).to_vec();
                    l.digest = Some(digest);
                    prev = l.row_hash.clone();
                    l
                })
                .collect()
        };
        let out = walk(&relinked, from_one(), None, vec![cp], None);
        assert_eq!(out.found_break.unwrap().kind, BreakKind::Rewritten);
    }

    #[test]
    fn marker_catches_truncation_and_wipe_and_no_chain_is_its_own_verdict() {
        let links = chain(1, &GENESIS, &[None; 4]);
        let marker = Marker {
            high_water_seq: 4,
            first_keyed_seq: None,
        };
        assert_eq!(
            walk(&links, from_one(), Some(marker), vec![], None).verdict,
            Verdict::Intact
        );
        assert_eq!(
            walk(&links[..2], from_one(), Some(marker), vec![], None)
                .found_break
                .unwrap()
                .kind,
            BreakKind::Truncated
        );
        assert_eq!(
            walk(&[], Start::default(), Some(marker), vec![], None)
                .found_break
                .unwrap()
                .kind,
            BreakKind::Wiped
        );
        assert_eq!(
            walk(&[], Start::default(), None, vec![], None).verdict,
            Verdict::NoChain
        );
        assert_eq!(
            walk(&[], Start::default(), Some(Marker::default()), vec![], None).verdict,
            Verdict::NoChain
        );
    }

    #[test]
    fn a_purge_start_counts_only_when_the_purge_event_is_chained_and_verified() {
        let k = key(K1);
        let all = chain(1, &GENESIS, &[Some(&k); 8]);
        // Entries 1-4 purged; the purge event is entry 8 (event 108).
        let kept = all[4..].to_vec();
        let anchor = |chained| PurgeAnchor {
            event_id: 108,
            last_deleted_hash: Some(all[3].row_hash.clone()),
            chained,
        };
        let start = |chained| Start {
            first_seq: Some(5),
            anchor: Some(anchor(chained)),
        };
        let cp_old = checkpoint_at(&all[1], 1);
        let cp_edge = checkpoint_at(&all[3], 2);
        let out = walk(&kept, start(true), None, vec![cp_old, cp_edge], Some(&k));
        assert_eq!(out.verdict, Verdict::Intact, "{out:?}");
        assert!(out
            .checkpoints
            .iter()
            .all(|c| c.status == CheckpointStatus::Purged));
        // A forged, unchained purge event.
        let found = walk(&kept, start(false), None, vec![], Some(&k))
            .found_break
            .unwrap();
        assert_eq!(found.kind, BreakKind::Deleted);
        assert!(found.detail.contains("forged"));
        // A chained event id that the walk never reaches.
        let mut elsewhere = start(true);
        elsewhere.anchor.as_mut().unwrap().event_id = 999;
        assert_eq!(
            walk(&kept, elsewhere, None, vec![], Some(&k))
                .found_break
                .unwrap()
                .kind,
            BreakKind::Deleted
        );
        // No anchor at all.
        let none = Start {
            first_seq: Some(5),
            anchor: None,
        };
        assert_eq!(
            walk(&kept, none, None, vec![], Some(&k))
                .found_break
                .unwrap()
                .kind,
            BreakKind::Deleted
        );
    }

    #[test]
    fn checkpoint_files_parse_and_name_bad_lines() {
        let hash = hex(&[3; 32]);
        let text = format!(
            "{{\"kind\":\"audit_checkpoint\",\"seq\":7,\"hash\":\"{hash}\",\"events\":7,\"at\":\"2026-12-01T00:00:00Z\",\"database\":{{\"system_identifier\":\"1\",\"database\":\"app\",\"schema\":\"public\"}},\"key_id\":null,\"tool_version\":\"0.1.0\"}}\n\n\
             {{\"obanctl_export\":\"header\",\"format\":\"jsonl\",\"exported_at\":\"2026-12-02T00:00:00Z\"}}\n\
             {{\"id\":1,\"action\":\"x\"}}\n\
             {{\"kind\":\"audit_row\",\"id\":2,\"action\":\"x\"}}\n\
             {{\"obanctl_export\":\"trailer\",\"rows\":1,\"chain_head\":{{\"seq\":9,\"hash\":\"{hash}\"}}}}\n\
             {{\"kind\":\"export_trailer\",\"chain_head\":{{\"seq\":10,\"hash\":\"{hash}\",\"key_id\":\"ab\"}},\"exported_at\":\"2026-12-03T00:00:00Z\"}}\n\
             {{\"kind\":\"export_trailer\",\"chain_head\":null}}\n"
        );
        let found = parse_checkpoints("cp.jsonl", &text).unwrap();
        assert_eq!(found.iter().map(|c| c.seq).collect::<Vec<_>>(), [7, 9, 10]);
        assert_eq!(found[0].origin, "cp.jsonl:1");
        assert_eq!(found[0].database.as_ref().unwrap().database, "app");
        assert_eq!(found[1].source, CheckpointSource::ExportTrailer);
        assert_eq!(found[1].at.as_deref(), Some("2026-12-02T00:00:00Z"));
        assert_eq!(found[2].key_id.as_deref(), Some("ab"));
        let err = parse_checkpoints(
            "f",
            "\n{\"kind\":\"audit_checkpoint\",\"seq\":1,\"hash\":\"zz\"}",
        )
        .unwrap_err();
        assert!(err.starts_with("f:2: "), "{err}");
        assert!(parse_checkpoints("f", "id,inserted_at\n")
            .unwrap_err()
            .contains("f:1: not a JSON line"));
        assert!(parse_checkpoints("f", "{\"id\":1}")
            .unwrap_err()
            .contains("f:1"));
        assert!(parse_checkpoints("f", "[1]").is_err());
    }

    #[test]
    fn identities_compare_what_both_sides_know() {
        let id = |sys: Option<&str>, db: &str, schema: &str| DatabaseIdentity {
            system_identifier: sys.map(str::to_string),
            database: db.into(),
            schema: schema.into(),
        };
        let here = id(Some("1"), "app", "public");
        assert!(here.mismatch(&id(Some("1"), "app", "public")).is_none());
        assert!(here.mismatch(&id(None, "app", "public")).is_none());
        assert!(here.mismatch(&id(Some("2"), "app", "public")).is_some());
        assert!(here.mismatch(&id(Some("1"), "other", "public")).is_some());
        assert!(here.mismatch(&id(Some("1"), "app", "ops")).is_some());
    }

    proptest! {
        /// Any single change to any link of a keyed chain is caught when the key is given, and
        /// an untouched chain always verifies.
        #[test]
        fn any_tampered_link_is_caught_with_the_key(
            unkeyed in 0usize..4, keyed in 1usize..6, target in 0usize..10, field in 0u8..4, byte in 0usize..32
        ) {
            let k = key(K1);
            let keys: Vec<Option<&AuditKey>> = (0..unkeyed).map(|_| None).chain((0..keyed).map(|_| Some(&k))).collect();
            let links = chain(1, &GENESIS, &keys);
            prop_assert_eq!(walk(&links, from_one(), None, vec![], Some(&k)).verdict, Verdict::Intact);
            let target = target % links.len();
            let mut tampered = links.clone();
            let link = &mut tampered[target];
            match field {
                0 => link.row_hash[byte] ^= 1,
                1 => link.prev_hash[byte] ^= 1,
                2 => link.digest.as_mut().unwrap()[byte] ^= 1,
                // Flip keyed to unkeyed, or unkeyed to keyed.
                _ => link.key_id = match link.key_id { Some(_) => None, None => Some(k.id().to_string()) },
            }
            let out = walk(&tampered, from_one(), None, vec![], Some(&k));
            prop_assert_eq!(out.verdict, Verdict::Broken, "{:?}", out);
        }

        /// Checkpoint parsing never panics on arbitrary text.
        #[test]
        fn checkpoint_parsing_never_panics(text in ".{0,200}") {
            let _ = parse_checkpoints("f", &text);
        }
    }
}
