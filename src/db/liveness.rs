//! Reads every node-liveness source the tables hold and folds them, with any gossip sightings
//! the caller heard, into a [`Census`] (judged by the pure [`crate::liveness`]).
//!
//! Sources, each read only when its table exists, each bounded to [`MAX_ROWS`] rows:
//! - `oban_powertools_heartbeats` in the Powertools schema: `last_heartbeat_at`, judged by the
//!   row's own `warning_threshold_ms` / `missing_threshold_ms`.
//! - `oban_producers` in the Oban prefix (oban-py, Oban Pro): `updated_at` (oban-py refreshes it
//!   every 15 s).
//! - `oban_peers` (Elixir) / `oban_leaders` (oban-py): the leader's lease. A lease not yet
//!   expired counts as seen now (the leader renewed it); an expired one as seen when it expired
//!   (the silence is at least that long).
//!
//! ```ignore
//! let census = db.read(|conn| db::liveness::census(conn, prefix, pt, liveness::gossip_sightings(&heard, prefix)))?;
//! match census.census.verdict(node) { Verdict::Unseen => /* orphaned */, .. }
//! ```

use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Double, Nullable, Text};
use diesel::{QueryableByName, RunQueryDsl};
use serde::Serialize;

use super::{catalog, ident, queues};
use crate::error::CliResult;
use crate::liveness::{Census, Sighting, Source, Thresholds};

/// Most heartbeat rows read.
pub const MAX_ROWS: i64 = queues::MAX_ROWS;

/// A source that could not be read, and why (its table is not there).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Absent {
    pub source: Source,
    pub why: String,
}

/// The census and what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CensusRead {
    pub census: Census,
    /// Sources whose tables are missing.
    pub absent: Vec<Absent>,
    /// A source had more than [`MAX_ROWS`] rows; the rest were not read.
    pub truncated: bool,
}

/// Reads every table source and folds them with `extra` (gossip and sonar sightings, see
/// [`crate::liveness::gossip_sightings`]; empty when the caller did not listen).
pub fn census(
    conn: &mut PgConnection,
    prefix: &str,
    powertools_schema: &str,
    extra: Vec<Sighting>,
) -> CliResult<CensusRead> {
    let mut read = table_sightings(conn, prefix, powertools_schema)?;
    read.0.extend(extra);
    Ok(CensusRead {
        census: Census::from_sightings(read.0),
        absent: read.1,
        truncated: read.2,
    })
}

/// The sightings the tables give, the sources that are absent, and whether any was truncated.
pub fn table_sightings(
    conn: &mut PgConnection,
    prefix: &str,
    powertools_schema: &str,
) -> CliResult<(Vec<Sighting>, Vec<Absent>, bool)> {
    let mut sightings = Vec::new();
    let mut absent = Vec::new();
    let mut truncated = false;

    match heartbeats(conn, powertools_schema)? {
        Some((rows, cut)) => {
            sightings.extend(rows);
            truncated |= cut;
        }
        None => absent.push(Absent {
            source: Source::Heartbeat,
            why: format!("no oban_powertools_heartbeats in `{powertools_schema}`"),
        }),
    }

    match queues::producers(conn, prefix)? {
        Some(producers) => {
            truncated |= producers.truncated;
            for p in producers.rows {
                let Some(node) = p.node else { continue };
                sightings.push(Sighting {
                    instance: p.name,
                    queue: p.queue,
                    ..Sighting::new(Source::Producer, node, p.updated_secs_ago)
                });
            }
        }
        None => absent.push(Absent {
            source: Source::Producer,
            why: format!("no oban_producers in `{prefix}`"),
        }),
    }

    let leaders = queues::leaders(conn, prefix)?;
    if !leaders.has_oban_peers && !leaders.has_oban_leaders {
        absent.push(Absent {
            source: Source::Leader,
            why: format!("no oban_peers or oban_leaders in `{prefix}`"),
        });
    }
    if !leaders.rows.is_empty() {
        let now = super::now(conn)?;
        for row in leaders.rows {
            let l = row.leader;
            let age = if !l.expired {
                Some(0.0)
            } else {
                l.expires_at
                    .and_then(|t| t.at())
                    .map(|at| (now - at).num_milliseconds() as f64 / 1000.0)
            };
            sightings.push(Sighting {
                instance: Some(l.name),
                ..Sighting::new(Source::Leader, l.node, age)
            });
        }
    }
    Ok((sightings, absent, truncated))
}

#[derive(QueryableByName)]
struct HeartbeatRow {
    #[diesel(sql_type = Text)]
    node: String,
    #[diesel(sql_type = Nullable<Text>)]
    oban_name: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    queue: Option<String>,
    #[diesel(sql_type = Nullable<Double>)]
    age_secs: Option<f64>,
    #[diesel(sql_type = BigInt)]
    warn_ms: i64,
    #[diesel(sql_type = BigInt)]
    miss_ms: i64,
}

/// Heartbeat sightings (one per executor row, newest first), or `None` without the table.
fn heartbeats(
    conn: &mut PgConnection,
    powertools_schema: &str,
) -> CliResult<Option<(Vec<Sighting>, bool)>> {
    if !catalog::table_exists(conn, powertools_schema, "oban_powertools_heartbeats")? {
        return Ok(None);
    }
    let cut = |c: &str| {
        format!("CASE WHEN char_length({c}) > 255 THEN left({c}, 255) || '…' ELSE {c} END")
    };
    let text = format!(
        "SELECT {node} AS node, {name} AS oban_name, {queue} AS queue, \
                CASE WHEN isfinite(h.last_heartbeat_at) \
                     THEN extract(epoch FROM timezone('UTC', now()) - h.last_heartbeat_at)::float8 END AS age_secs, \
                h.warning_threshold_ms::bigint AS warn_ms, h.missing_threshold_ms::bigint AS miss_ms \
         FROM {table} h ORDER BY h.last_heartbeat_at DESC LIMIT $1",
        node = cut("h.node::text"),
        name = cut("h.oban_name::text"),
        queue = cut("h.queue::text"),
        table = ident::qualified(powertools_schema, "oban_powertools_heartbeats"),
    );
    let rows: Vec<HeartbeatRow> = diesel::sql_query(text)
        .bind::<BigInt, _>(MAX_ROWS + 1)
        .load(conn)?;
    let truncated = rows.len() as i64 > MAX_ROWS;
    Ok(Some((
        rows.into_iter()
            .take(MAX_ROWS as usize)
            .map(|r| Sighting {
                thresholds: Thresholds::from_row(r.warn_ms, r.miss_ms),
                instance: r.oban_name,
                queue: r.queue,
                ..Sighting::new(Source::Heartbeat, r.node, r.age_secs)
            })
            .collect(),
        truncated,
    )))
}
