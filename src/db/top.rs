//! The bounded read-only queries `obanctl top` and `obanctl metrics` need beyond the `queues`
//! reads (`db::queues`) and the `jobs errors` read (`db::triage`): node liveness from heartbeats.

use diesel::pg::PgConnection;
use diesel::sql_types::BigInt;
use diesel::{QueryableByName, RunQueryDsl};

use super::ident;
use crate::error::CliResult;

#[derive(Debug, Clone, Default, QueryableByName, PartialEq, Eq)]
pub struct Liveness {
    #[diesel(sql_type = BigInt)]
    pub alive: i64,
    #[diesel(sql_type = BigInt)]
    pub late: i64,
    #[diesel(sql_type = BigInt)]
    pub missing: i64,
}

/// Nodes by the liveness their Powertools heartbeats give (late after each row's warning
/// threshold, missing after its missing threshold: 45 s and 120 s by default, as the library
/// classifies them). `None` when the heartbeats table is not there.
pub fn liveness(conn: &mut PgConnection, powertools_schema: &str) -> CliResult<Option<Liveness>> {
    if !super::catalog::table_exists(conn, powertools_schema, "oban_powertools_heartbeats")? {
        return Ok(None);
    }
    let text = format!(
        "SELECT count(*) FILTER (WHERE age_ms < warn_ms)::bigint AS alive, \
                count(*) FILTER (WHERE age_ms >= warn_ms AND age_ms < miss_ms)::bigint AS late, \
                count(*) FILTER (WHERE age_ms >= miss_ms)::bigint AS missing \
         FROM (SELECT h.node, \
                      extract(epoch FROM timezone('UTC', now()) - max(h.last_heartbeat_at)) * 1000 AS age_ms, \
                      min(h.warning_threshold_ms) AS warn_ms, min(h.missing_threshold_ms) AS miss_ms \
               FROM (SELECT node, last_heartbeat_at, warning_threshold_ms, missing_threshold_ms \
                     FROM {} LIMIT 10000) h GROUP BY h.node) n",
        ident::qualified(powertools_schema, "oban_powertools_heartbeats")
    );
    Ok(Some(diesel::sql_query(text).get_result(conn)?))
}
