//! Reading and pausing cron entries: Powertools' `oban_powertools_cron_entries` and, when the host
//! uses it, Oban Pro's `oban_crons` (whose known columns are name, expression, worker, opts and
//! paused; anything else is left alone).

use diesel::pg::PgConnection;
use diesel::sql_types::{Jsonb, Nullable, Text, Timestamp};
use diesel::{QueryableByName, RunQueryDsl};

use super::{bound_query, ident};
use crate::decode::{Json, Timestamp as DbTime};
use crate::error::CliResult;
use crate::jobs::filter::Bind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Backend {
    Powertools,
    ObanPro,
}

#[derive(Debug, Clone, QueryableByName)]
pub struct CronEntry {
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Text)]
    pub source: String,
    #[diesel(sql_type = Text)]
    pub worker: String,
    #[diesel(sql_type = Text)]
    pub queue: String,
    #[diesel(sql_type = Text)]
    pub expression: String,
    #[diesel(sql_type = Text)]
    pub timezone: String,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub paused_at: Option<DbTime>,
    /// Pro has a flag but no timestamp; Powertools has the timestamp.
    #[diesel(sql_type = diesel::sql_types::Bool)]
    pub paused: bool,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub last_run_at: Option<DbTime>,
    #[diesel(sql_type = Jsonb)]
    pub policies: Json,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub last_slot_at: Option<DbTime>,
    #[diesel(sql_type = Nullable<Text>)]
    pub last_slot_state: Option<String>,
}

pub struct Tables {
    pub entries: Option<String>,
    pub slots: String,
    pub pro: Option<String>,
}

impl Tables {
    /// The tables that exist: Powertools' in its schema, Pro's in the prefix.
    pub fn find(
        conn: &mut PgConnection,
        powertools_schema: &str,
        prefix: &str,
    ) -> CliResult<Tables> {
        let pt = super::catalog::table_names(conn, powertools_schema)?;
        let pro = super::catalog::table_exists(conn, prefix, "oban_crons")?;
        Ok(Tables {
            entries: pt
                .contains("oban_powertools_cron_entries")
                .then(|| ident::qualified(powertools_schema, "oban_powertools_cron_entries")),
            slots: ident::qualified(powertools_schema, "oban_powertools_cron_slots"),
            pro: pro.then(|| ident::qualified(prefix, "oban_crons")),
        })
    }

    fn powertools_select(&self, entries: &str, name_filter: &str) -> String {
        format!(
            "SELECT e.name, e.source, e.worker, e.queue, e.expression, e.timezone, e.paused_at, e.paused_at IS NOT NULL AS paused, \
                    e.last_run_at, jsonb_build_object('overlap_policy', e.overlap_policy, 'catch_up_policy', e.catch_up_policy, \
                    'max_catch_up', e.max_catch_up) AS policies, s.slot_at AS last_slot_at, s.state AS last_slot_state \
             FROM {entries} e LEFT JOIN LATERAL (SELECT slot_at, state FROM {slots} WHERE entry_id = e.id \
                                                 ORDER BY slot_at DESC LIMIT 1) s ON true \
             {name_filter} ORDER BY e.name",
            slots = self.slots
        )
    }

    fn pro_select(pro: &str, name_filter: &str) -> String {
        format!(
            "SELECT c.name, 'oban_pro' AS source, c.worker, coalesce(c.opts->>'queue', 'default') AS queue, c.expression, \
                    coalesce(c.opts->>'timezone', 'Etc/UTC') AS timezone, NULL::timestamp AS paused_at, c.paused, \
                    NULL::timestamp AS last_run_at, '{{}}'::jsonb AS policies, NULL::timestamp AS last_slot_at, \
                    NULL::text AS last_slot_state \
             FROM {pro} c {name_filter} ORDER BY c.name"
        )
    }

    pub fn list(&self, conn: &mut PgConnection) -> CliResult<Vec<(Backend, CronEntry)>> {
        let mut out = Vec::new();
        if let Some(entries) = &self.entries {
            let rows: Vec<CronEntry> =
                diesel::sql_query(self.powertools_select(entries, "")).load(conn)?;
            out.extend(rows.into_iter().map(|r| (Backend::Powertools, r)));
        }
        if let Some(pro) = &self.pro {
            let rows: Vec<CronEntry> = diesel::sql_query(Self::pro_select(pro, "")).load(conn)?;
            out.extend(rows.into_iter().map(|r| (Backend::ObanPro, r)));
        }
        Ok(out)
    }

    /// The entry called `name`; a Powertools entry wins over a Pro one of the same name.
    pub fn get(
        &self,
        conn: &mut PgConnection,
        name: &str,
    ) -> CliResult<Option<(Backend, CronEntry)>> {
        if let Some(entries) = &self.entries {
            let rows: Vec<CronEntry> = bound_query(
                &self.powertools_select(entries, "WHERE e.name = $1"),
                &[Bind::Text(name.into())],
            )
            .load(conn)?;
            if let Some(row) = rows.into_iter().next() {
                return Ok(Some((Backend::Powertools, row)));
            }
        }
        if let Some(pro) = &self.pro {
            let rows: Vec<CronEntry> = bound_query(
                &Self::pro_select(pro, "WHERE c.name = $1"),
                &[Bind::Text(name.into())],
            )
            .load(conn)?;
            if let Some(row) = rows.into_iter().next() {
                return Ok(Some((Backend::ObanPro, row)));
            }
        }
        Ok(None)
    }

    /// Pauses (`pause = true`) or resumes the entry if it is not already so; true when it changed.
    /// The row is locked by the update, under the transaction's lock timeout.
    pub fn set_paused(
        &self,
        conn: &mut PgConnection,
        backend: Backend,
        name: &str,
        pause: bool,
    ) -> CliResult<bool> {
        let sql = match (backend, pause) {
            (Backend::Powertools, true) => format!(
                "UPDATE {} SET paused_at = timezone('UTC', now()), updated_at = date_trunc('second', timezone('UTC', now())) \
                 WHERE name = $1 AND paused_at IS NULL",
                self.entries.as_deref().unwrap_or_default()
            ),
            (Backend::Powertools, false) => format!(
                "UPDATE {} SET paused_at = NULL, last_run_at = coalesce(last_run_at, timezone('UTC', now())), \
                 updated_at = date_trunc('second', timezone('UTC', now())) WHERE name = $1 AND paused_at IS NOT NULL",
                self.entries.as_deref().unwrap_or_default()
            ),
            (Backend::ObanPro, paused) => format!(
                "UPDATE {} SET paused = {paused} WHERE name = $1 AND paused IS DISTINCT FROM {paused}",
                self.pro.as_deref().unwrap_or_default()
            ),
        };
        Ok(bound_query(&sql, &[Bind::Text(name.into())]).execute(conn)? == 1)
    }

    /// The most recent slots of a Powertools entry.
    pub fn recent_slots(
        &self,
        conn: &mut PgConnection,
        name: &str,
        limit: i64,
    ) -> CliResult<Vec<Slot>> {
        let Some(entries) = &self.entries else {
            return Ok(Vec::new());
        };
        let sql = format!(
            "SELECT s.slot_at, s.state, s.job_id, s.metadata->>'decision' AS decision FROM {slots} s \
             JOIN {entries} e ON e.id = s.entry_id WHERE e.name = $1 ORDER BY s.slot_at DESC LIMIT $2",
            slots = self.slots
        );
        Ok(bound_query(&sql, &[Bind::Text(name.into()), Bind::BigInt(limit)]).load(conn)?)
    }
}

#[derive(Debug, Clone, QueryableByName)]
pub struct Slot {
    #[diesel(sql_type = Timestamp)]
    pub slot_at: DbTime,
    #[diesel(sql_type = Text)]
    pub state: String,
    #[diesel(sql_type = Nullable<diesel::sql_types::BigInt>)]
    pub job_id: Option<i64>,
    #[diesel(sql_type = Nullable<Text>)]
    pub decision: Option<String>,
}
