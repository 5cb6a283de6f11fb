//! Reading the limiter tables (`oban_powertools_limit_resources`, `_limit_states`,
//! `_blocker_snapshots`). Read-only.

use diesel::pg::PgConnection;
use diesel::sql_types::{Array, BigInt, Integer, Jsonb, Nullable, Text, Timestamp};
use diesel::{QueryableByName, RunQueryDsl};

use super::{bound_query, ident};
use crate::decode::{Json, Timestamp as DbTime};
use crate::error::CliResult;
use crate::jobs::filter::Bind;

#[derive(Debug, Clone, QueryableByName)]
pub struct Resource {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub id: uuid::Uuid,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Text)]
    pub scope_kind: String,
    #[diesel(sql_type = BigInt)]
    pub bucket_span_ms: i64,
    #[diesel(sql_type = Integer)]
    pub bucket_capacity: i32,
    #[diesel(sql_type = Integer)]
    pub default_weight: i32,
    #[diesel(sql_type = Text)]
    pub partition_strategy: String,
    #[diesel(sql_type = Jsonb)]
    pub partition_config: Json,
    #[diesel(sql_type = Jsonb)]
    pub metadata: Json,
}

/// A limiter with how many partitions it has charged (`limiter list`).
#[derive(Debug, Clone, QueryableByName)]
pub struct ResourceSummary {
    #[diesel(embed)]
    pub resource: Resource,
    #[diesel(sql_type = BigInt)]
    pub partitions: i64,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub last_reserved_at: Option<DbTime>,
}

#[derive(Debug, Clone, QueryableByName)]
pub struct State {
    #[diesel(sql_type = Text)]
    pub partition_key: String,
    #[diesel(sql_type = Integer)]
    pub tokens_used: i32,
    #[diesel(sql_type = Timestamp)]
    pub bucket_started_at: DbTime,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub last_reserved_at: Option<DbTime>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub cooldown_until: Option<DbTime>,
    #[diesel(sql_type = Nullable<Text>)]
    pub cooldown_reason: Option<String>,
}

#[derive(Debug, Clone, QueryableByName)]
pub struct Snapshot {
    #[diesel(sql_type = Timestamp)]
    pub captured_at: DbTime,
    #[diesel(sql_type = Array<Nullable<Text>>)]
    pub blocker_codes: Vec<Option<String>>,
    #[diesel(sql_type = Nullable<Text>)]
    pub partition_key: Option<String>,
}

pub struct Tables {
    resources: String,
    states: String,
    snapshots: String,
}

const RESOURCE_COLUMNS: &str =
    "id, name, scope_kind, bucket_span_ms, bucket_capacity, default_weight, partition_strategy, \
    partition_config, metadata";

impl Tables {
    pub fn new(schema: &str) -> Self {
        Tables {
            resources: ident::qualified(schema, "oban_powertools_limit_resources"),
            states: ident::qualified(schema, "oban_powertools_limit_states"),
            snapshots: ident::qualified(schema, "oban_powertools_blocker_snapshots"),
        }
    }

    pub fn by_name(&self, conn: &mut PgConnection, name: &str) -> CliResult<Option<Resource>> {
        let sql = format!(
            "SELECT {RESOURCE_COLUMNS} FROM {} WHERE name = $1",
            self.resources
        );
        Ok(bound_query(&sql, &[Bind::Text(name.into())])
            .load(conn)?
            .into_iter()
            .next())
    }

    /// Every limiter, by name, with its partition count and latest reservation.
    pub fn list(&self, conn: &mut PgConnection) -> CliResult<Vec<ResourceSummary>> {
        let sql = format!(
            "SELECT {cols}, (SELECT count(*) FROM {states} s WHERE s.resource_id = r.id) AS partitions, \
                    (SELECT max(s.last_reserved_at) FROM {states} s WHERE s.resource_id = r.id) AS last_reserved_at \
             FROM {resources} r ORDER BY r.name",
            cols = RESOURCE_COLUMNS
                .split(", ")
                .map(|c| format!("r.{}", c.trim()))
                .collect::<Vec<_>>()
                .join(", "),
            states = self.states,
            resources = self.resources
        );
        Ok(diesel::sql_query(sql).load(conn)?)
    }

    /// Partition keys of the resource (for "did you mean" on an unseen partition).
    pub fn partition_keys(
        &self,
        conn: &mut PgConnection,
        resource: &Resource,
    ) -> CliResult<Vec<String>> {
        #[derive(QueryableByName)]
        struct Key {
            #[diesel(sql_type = Text)]
            partition_key: String,
        }
        let sql = format!(
            "SELECT partition_key FROM {} WHERE resource_id = $1::uuid ORDER BY partition_key LIMIT 1000",
            self.states
        );
        let rows: Vec<Key> =
            bound_query(&sql, &[Bind::Text(resource.id.to_string())]).load(conn)?;
        Ok(rows.into_iter().map(|k| k.partition_key).collect())
    }

    /// The limiter a worker last reserved on (the library records it in `metadata.worker`).
    pub fn by_worker(&self, conn: &mut PgConnection, worker: &str) -> CliResult<Vec<Resource>> {
        let sql = format!(
            "SELECT {RESOURCE_COLUMNS} FROM {} WHERE metadata->>'worker' = $1 ORDER BY name",
            self.resources
        );
        Ok(bound_query(&sql, &[Bind::Text(worker.into())]).load(conn)?)
    }

    pub fn names(&self, conn: &mut PgConnection) -> CliResult<Vec<String>> {
        #[derive(QueryableByName)]
        struct Name {
            #[diesel(sql_type = Text)]
            name: String,
        }
        let rows: Vec<Name> =
            diesel::sql_query(format!("SELECT name FROM {} ORDER BY name", self.resources))
                .load(conn)?;
        Ok(rows.into_iter().map(|r| r.name).collect())
    }

    /// States of the resource, or of one partition of it.
    pub fn states(
        &self,
        conn: &mut PgConnection,
        resource: &Resource,
        partition: Option<&str>,
    ) -> CliResult<Vec<State>> {
        let mut binds = vec![Bind::Text(resource.id.to_string())];
        let mut sql = format!(
            "SELECT partition_key, tokens_used, bucket_started_at, last_reserved_at, cooldown_until, cooldown_reason \
             FROM {} WHERE resource_id = $1::uuid",
            self.states
        );
        if let Some(partition) = partition {
            sql.push_str(" AND partition_key = $2");
            binds.push(Bind::Text(partition.into()));
        }
        sql.push_str(" ORDER BY partition_key");
        Ok(bound_query(&sql, &binds).load(conn)?)
    }

    /// The latest blocker snapshot: evidence captured when an enqueue was blocked.
    pub fn latest_snapshot(
        &self,
        conn: &mut PgConnection,
        name: &str,
    ) -> CliResult<Option<Snapshot>> {
        let sql = format!(
            "SELECT captured_at, blocker_codes::text[] AS blocker_codes, details->>'partition_key' AS partition_key \
             FROM {} WHERE scope_id = $1 ORDER BY captured_at DESC LIMIT 1",
            self.snapshots
        );
        Ok(bound_query(&sql, &[Bind::Text(name.into())])
            .load(conn)?
            .into_iter()
            .next())
    }
}
