//! SQL of `jobs prune`, `jobs restore` and `jobs export`: keyset ranges, locked reads for the
//! archive, deletes, reinserts and export pages. Every value is a bind parameter.

use std::time::Duration;

use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Text};
use diesel::{QueryableByName, RunQueryDsl};

use super::bound_query;
use super::jobs::{JobRow, JobsTable, StateCount, JOB_COLUMNS};
use crate::error::CliResult;
use crate::jobs::archive::{ArchiveColumn, PruneScope};
use crate::jobs::filter::{Bind, JobFilter, Sql};

/// Up to this heap size (the table's size on disk now, not a planner statistic) the plan counts
/// every match with one aggregate the server may spread over parallel workers; beyond it the count
/// stops at the caller's cap, since a bounded count cannot run in parallel. Measured on 1 200 000
/// rows (324 MB): 154 ms against 380 ms for the bounded form.
const FULL_COUNT_MAX_BYTES: i64 = 2 << 30;

/// Matching jobs per state: with `whole`, every one on a table of up to [`FULL_COUNT_MAX_BYTES`];
/// otherwise (or beyond that size) at most `cap` rows in all.
pub fn plan_counts(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    scope: &PruneScope,
    max_id: i64,
    cap: i64,
    whole: bool,
) -> CliResult<Vec<StateCount>> {
    let mut sql = Sql::default();
    let conditions = scope.conditions(&mut sql, &jobs.state_type);
    if !whole || heap_bytes(conn, jobs)? > FULL_COUNT_MAX_BYTES {
        return super::jobs::state_counts_where(conn, jobs, sql, &conditions, max_id, cap);
    }
    let max_id = sql.bind(Bind::BigInt(max_id));
    let count = |state: &str| {
        format!(
            "count(*) FILTER (WHERE j.state = '{state}'::{})::bigint AS {state}",
            jobs.state_type
        )
    };
    let text = format!(
        "SELECT {}, {}, {} FROM {} j WHERE {conditions} AND j.id <= {max_id}",
        count("completed"),
        count("cancelled"),
        count("discarded"),
        jobs.table
    );
    let c: super::jobs::FinishedCounts = bound_query(&text, &sql.binds).get_result(conn)?;
    Ok(c.by_state()
        .into_iter()
        .map(|(state, n)| StateCount { state, n })
        .collect())
}

/// The heap size of `oban_jobs` in bytes (a partitioned table counts as its partitions).
fn heap_bytes(conn: &mut PgConnection, jobs: &JobsTable) -> CliResult<i64> {
    #[derive(QueryableByName)]
    struct Size {
        #[diesel(sql_type = BigInt)]
        bytes: i64,
    }
    let size: Size = bound_query(
        "SELECT coalesce(sum(pg_relation_size(t.relid)), 0)::bigint AS bytes \
         FROM pg_partition_tree($1::regclass) t",
        &[Bind::Text(jobs.table.clone())],
    )
    .get_result(conn)?;
    Ok(size.bytes)
}

/// Where a range of `rows` rows of the table after `after` ends (whatever their state), read
/// from the primary key alone (an index-only walk where the visibility map allows): a batch of
/// such a range holds at most `rows` matching jobs, found without reading them twice. `None`
/// when fewer rows remain up to `max_id` (the range then ends there).
pub fn range_end_by_rows(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    after: i64,
    max_id: i64,
    rows: i64,
) -> CliResult<Option<i64>> {
    #[derive(QueryableByName)]
    struct End {
        #[diesel(sql_type = BigInt)]
        id: i64,
    }
    let text = format!(
        "SELECT j.id FROM {} j WHERE j.id > $1 AND j.id <= $2 ORDER BY j.id OFFSET $3 LIMIT 1",
        jobs.table
    );
    let end: Vec<End> = bound_query(
        &text,
        &[
            Bind::BigInt(after),
            Bind::BigInt(max_id),
            Bind::BigInt(rows.max(1) - 1),
        ],
    )
    .load(conn)?;
    Ok(end.first().map(|e| e.id))
}

/// The next keyset range `(after, hi]` holding up to `limit` matching jobs, and how many it held
/// when read (no locks). `n` is 0 when nothing is left.
#[derive(Debug, Clone, Copy, QueryableByName)]
pub struct Range {
    #[diesel(sql_type = BigInt)]
    pub n: i64,
    #[diesel(sql_type = BigInt)]
    pub hi: i64,
}

pub fn next_range(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    scope: &PruneScope,
    after: i64,
    max_id: i64,
    limit: i64,
) -> CliResult<Range> {
    let mut sql = Sql::default();
    let conditions = scope.conditions(&mut sql, &jobs.state_type);
    let after = sql.bind(Bind::BigInt(after));
    let max_id = sql.bind(Bind::BigInt(max_id));
    let limit = sql.bind(Bind::BigInt(limit));
    let text = format!(
        "SELECT count(*)::bigint AS n, coalesce(max(s.id), 0)::bigint AS hi FROM \
           (SELECT j.id FROM {} j WHERE {conditions} AND j.id > {after} AND j.id <= {max_id} \
            ORDER BY j.id LIMIT {limit}) s",
        jobs.table
    );
    Ok(bound_query(&text, &sql.binds).get_result(conn)?)
}

/// One batch's share of the table: ids `(lo, hi]`, or row positions `[lo, hi)` in the heap (see
/// [`tid`]; with only jobs up to `max_id`, so a job inserted into an old page's free space after
/// the preview is left).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub by: SpanBy,
    pub lo: i64,
    pub hi: i64,
    pub max_id: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanBy {
    Ids,
    Positions,
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.by {
            SpanBy::Ids => write!(f, "ids ({}..{}]", self.lo, self.hi),
            SpanBy::Positions => write!(f, "rows [{}..{})", tid(self.lo), tid(self.hi)),
        }
    }
}

fn range_conditions(sql: &mut Sql, jobs: &JobsTable, scope: &PruneScope, span: Span) -> String {
    let conditions = scope.conditions(sql, &jobs.state_type);
    match span.by {
        SpanBy::Ids => {
            let lo = sql.bind(Bind::BigInt(span.lo));
            let hi = sql.bind(Bind::BigInt(span.hi));
            format!("j.id > {lo} AND j.id <= {hi} AND {conditions}")
        }
        SpanBy::Positions => {
            let lo = sql.bind(Bind::Text(tid(span.lo)));
            let hi = sql.bind(Bind::Text(tid(span.hi)));
            let max_id = sql.bind(Bind::BigInt(span.max_id));
            format!(
                "j.ctid >= {lo}::tid AND j.ctid < {hi}::tid AND j.id <= {max_id} AND {conditions}"
            )
        }
    }
}

/// The heap pages of `oban_jobs` when a batch can be a range of them: PostgreSQL 14 or later
/// (a TID range scan reads just those pages) and a plain table (a partitioned one numbers its
/// pages per partition). `None`: batches are ranges of ids.
pub fn heap_pages(conn: &mut PgConnection, jobs: &JobsTable) -> CliResult<Option<i64>> {
    #[derive(QueryableByName)]
    struct Pages {
        #[diesel(sql_type = diesel::sql_types::Nullable<BigInt>)]
        pages: Option<i64>,
    }
    let row: Pages = bound_query(
        "SELECT CASE WHEN current_setting('server_version_num')::int >= 140000 AND c.relkind = 'r' \
                THEN pg_relation_size(c.oid) / current_setting('block_size')::bigint END AS pages \
         FROM pg_class c WHERE c.oid = $1::regclass",
        &[Bind::Text(jobs.table.clone())],
    )
    .get_result(conn)?;
    Ok(row.pages)
}

/// A row position (page, line pointer) as one number, `page << 16 | item` (a line pointer is
/// below 2^16), so that a span's ends sort and travel like ids.
pub fn position(page: i64, item: i64) -> i64 {
    (page << 16) | item
}

/// A position as PostgreSQL's tid text, `(page,item)`.
pub fn tid(position: i64) -> String {
    format!("({},{})", position >> 16, position & 0xffff)
}

/// Where a span of `rows` rows of the table (whatever their state) from position `from` ends:
/// the position of the next row after them, read in the heap's order (the rows the batch's
/// delete reads next). `None` when no row follows them before position `end`.
pub fn range_end_by_positions(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    from: i64,
    end: i64,
    rows: i64,
) -> CliResult<Option<i64>> {
    #[derive(QueryableByName)]
    struct Position {
        #[diesel(sql_type = BigInt)]
        position: i64,
    }
    let text = format!(
        "SELECT ((p.at)[0]::bigint << 16) | (p.at)[1]::bigint AS position \
         FROM (SELECT j.ctid::text::point AS at FROM {} j \
               WHERE j.ctid >= $1::tid AND j.ctid < $2::tid OFFSET $3 LIMIT 1) p",
        jobs.table
    );
    let found: Vec<Position> = bound_query(
        &text,
        &[
            Bind::Text(tid(from)),
            Bind::Text(tid(end)),
            Bind::BigInt(rows.max(1)),
        ],
    )
    .load(conn)?;
    Ok(found.first().map(|p| p.position))
}

/// A row deleted for the archive: `row` is the whole row as JSON text.
#[derive(Debug, Clone, QueryableByName)]
pub struct ArchivedRow {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub state: String,
    /// `row_to_json` of the whole row (the same values as `to_jsonb`, in column order, and
    /// without building a jsonb value first: the cheaper of the two by half).
    #[diesel(sql_type = Text)]
    pub row: String,
}

/// How long a batch's outright delete waits for a row lock before the batch is run again in the
/// form that skips held rows. Finished jobs are rarely locked (another pruner, a repair of the
/// same rows); when none is, the outright delete is the cheap one, since `FOR UPDATE` writes a
/// lock onto every row before the delete writes it again.
pub const OUTRIGHT_LOCK_WAIT: Duration = Duration::from_millis(20);

/// How a batch's delete treats rows someone else holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeleteForm {
    /// Every matching row of the range, in a transaction under [`OUTRIGHT_LOCK_WAIT`]: a held
    /// row makes it fail with `lock_timeout`, and the batch is then run again as `SkipLocked`.
    Outright,
    /// `FOR UPDATE SKIP LOCKED`: held rows are left, never waited for.
    SkipLocked,
}

impl DeleteForm {
    /// The lock timeout its transaction runs under (`configured` for the skipping form, whose
    /// only waits are the audit chain's).
    pub fn lock_timeout(self, configured: Duration) -> Duration {
        match self {
            DeleteForm::Outright => OUTRIGHT_LOCK_WAIT,
            DeleteForm::SkipLocked => configured,
        }
    }
}

/// Puts the transaction's lock timeout back to `value` after an outright delete's short one.
pub fn set_lock_timeout(conn: &mut PgConnection, value: Duration) -> CliResult<()> {
    #[derive(QueryableByName)]
    struct Setting {
        #[diesel(sql_type = Text)]
        _value: String,
    }
    bound_query(
        "SELECT set_config('lock_timeout', $1, true) AS _value",
        &[Bind::Text(format!("{}ms", value.as_millis()))],
    )
    .get_result::<Setting>(conn)?;
    Ok(())
}

/// What a batch deleted, summed up where it was deleted: no row travels to obanctl.
#[derive(Debug, Clone, QueryableByName)]
pub struct DeletedSummary {
    #[diesel(sql_type = BigInt)]
    pub n: i64,
    #[diesel(sql_type = diesel::sql_types::Nullable<BigInt>)]
    pub first_id: Option<i64>,
    #[diesel(sql_type = diesel::sql_types::Nullable<BigInt>)]
    pub last_id: Option<i64>,
    #[diesel(embed)]
    pub counts: super::jobs::FinishedCounts,
    /// SHA-256 (hex) of the deleted ids in order, each followed by a newline.
    #[diesel(sql_type = Text)]
    pub sha256: String,
}

/// Deletes the matching jobs of `(lo, hi]` in the caller's transaction, in `form`, and sums up
/// what it deleted in the same statement (returning 10 000 rows to add them up here cost more
/// than the sums).
pub fn delete_range(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    scope: &PruneScope,
    span: Span,
    form: DeleteForm,
) -> CliResult<DeletedSummary> {
    let mut sql = Sql::default();
    let delete = delete_statement(&mut sql, jobs, scope, span, form, |row| {
        format!("{row}.id, {row}.state::text AS state")
    });
    let count =
        |state: &str| format!("count(*) FILTER (WHERE d.state = '{state}')::bigint AS {state}");
    let text = format!(
        "WITH d AS ({delete}) \
         SELECT count(*)::bigint AS n, min(d.id) AS first_id, max(d.id) AS last_id, {}, {}, {}, \
                encode(sha256(convert_to(coalesce(string_agg(d.id::text || E'\\n', '' ORDER BY d.id), ''), 'UTF8')), 'hex') AS sha256 \
         FROM d",
        count("completed"),
        count("cancelled"),
        count("discarded"),
    );
    Ok(bound_query(&text, &sql.binds).get_result(conn)?)
}

/// [`delete_range`] returning each deleted row whole, for the archive, in id order. Nothing is
/// committed here: the caller writes the rows out (and makes them durable) before its
/// transaction commits.
pub fn delete_range_returning_rows(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    scope: &PruneScope,
    span: Span,
    form: DeleteForm,
) -> CliResult<Vec<ArchivedRow>> {
    let mut rows: Vec<ArchivedRow> =
        delete_range_returning(conn, jobs, scope, span, form, |row| {
            format!("{row}.id, {row}.state::text AS state, row_to_json({row})::text AS row")
        })?;
    rows.sort_unstable_by_key(|r| r.id);
    Ok(rows)
}

/// A range's delete in `form`, `RETURNING` what `returning` gives for the deleted row's alias.
fn delete_range_returning<R: QueryableByName<diesel::pg::Pg> + 'static>(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    scope: &PruneScope,
    span: Span,
    form: DeleteForm,
    returning: impl Fn(&str) -> String,
) -> CliResult<Vec<R>> {
    let mut sql = Sql::default();
    let text = delete_statement(&mut sql, jobs, scope, span, form, returning);
    Ok(bound_query(&text, &sql.binds).load(conn)?)
}

/// The text of a range's delete in `form` (its values bound into `sql`).
fn delete_statement(
    sql: &mut Sql,
    jobs: &JobsTable,
    scope: &PruneScope,
    span: Span,
    form: DeleteForm,
    returning: impl Fn(&str) -> String,
) -> String {
    let conditions = range_conditions(sql, jobs, scope, span);
    match form {
        DeleteForm::Outright => format!(
            "DELETE FROM {table} j WHERE {conditions} RETURNING {}",
            returning("j"),
            table = jobs.table
        ),
        // The locked rows are joined back by ctid: this statement holds their locks, so the
        // tuples cannot move, and no second index lookup per row is needed.
        DeleteForm::SkipLocked => format!(
            "DELETE FROM {table} d USING \
               (SELECT j.ctid AS t FROM {table} j WHERE {conditions} FOR UPDATE OF j SKIP LOCKED) s \
             WHERE d.ctid = s.t RETURNING {}",
            returning("d"),
            table = jobs.table
        ),
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Matching jobs in `span` now, locked or not (to tell locked rows from drifted ones).
pub fn count_range(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    scope: &PruneScope,
    span: Span,
) -> CliResult<i64> {
    let mut sql = Sql::default();
    let conditions = range_conditions(&mut sql, jobs, scope, span);
    let text = format!(
        "SELECT count(*)::bigint AS n FROM {} j WHERE {conditions}",
        jobs.table
    );
    Ok(bound_query(&text, &sql.binds).get_result::<Count>(conn)?.n)
}

/// Whether this role may delete from (and so prune) `oban_jobs`.
pub fn can_delete(conn: &mut PgConnection, jobs: &JobsTable) -> CliResult<bool> {
    #[derive(QueryableByName)]
    struct Allowed {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        ok: bool,
    }
    let row: Allowed = bound_query(
        "SELECT has_table_privilege($1, 'DELETE') AND has_table_privilege($1, 'UPDATE') AS ok",
        &[Bind::Text(jobs.table.clone())],
    )
    .get_result(conn)?;
    Ok(row.ok)
}

/// The columns of `oban_jobs`, in order, with their types.
pub fn columns(conn: &mut PgConnection, jobs: &JobsTable) -> CliResult<Vec<ArchiveColumn>> {
    #[derive(QueryableByName)]
    struct Column {
        #[diesel(sql_type = Text)]
        name: String,
        #[diesel(sql_type = Text)]
        sql_type: String,
    }
    let rows: Vec<Column> = bound_query(
        "SELECT a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS sql_type \
         FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped \
         ORDER BY a.attnum",
        &[Bind::Text(jobs.table.clone())],
    )
    .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|c| ArchiveColumn {
            name: c.name,
            sql_type: c.sql_type,
        })
        .collect())
}

#[derive(QueryableByName)]
pub struct Restored {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
}

/// Inserts archived rows (JSON texts of whole rows) whose id is not present, keeping their ids,
/// with the `columns` both the archive and the table have. Types follow the table: a Python
/// archive's `jsonb` errors go into an Elixir `jsonb[]`, smallints into integers.
pub fn restore_rows(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    columns: &[String],
    rows: &[&str],
) -> CliResult<Vec<i64>> {
    let mut array = String::with_capacity(rows.iter().map(|r| r.len() + 1).sum::<usize>() + 2);
    array.push('[');
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            array.push(',');
        }
        array.push_str(row);
    }
    array.push(']');
    let list = columns
        .iter()
        .map(|c| super::ident::quote(c))
        .collect::<Vec<_>>()
        .join(", ");
    let text = format!(
        "INSERT INTO {table} ({list}) OVERRIDING SYSTEM VALUE \
         SELECT {list} FROM jsonb_populate_recordset(NULL::{table}, $1::jsonb) \
         ON CONFLICT (id) DO NOTHING RETURNING id",
        table = jobs.table
    );
    Ok(bound_query(&text, &[Bind::Text(array)])
        .load::<Restored>(conn)?
        .into_iter()
        .map(|r| r.id)
        .collect())
}

/// One export page: matching jobs after `after` up to `max_id`, by id. `selective` filters are
/// served through their indexes and sorted (`j.id + 0`), others by walking the primary key.
pub fn export_page(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    filter: &JobFilter,
    after: i64,
    max_id: i64,
    limit: i64,
    selective: bool,
) -> CliResult<Vec<JobRow>> {
    let mut sql = Sql::default();
    let conditions = filter.conditions(&mut sql, &jobs.state_type);
    let after = sql.bind(Bind::BigInt(after));
    let max_id = sql.bind(Bind::BigInt(max_id));
    let limit = sql.bind(Bind::BigInt(limit));
    let order = if selective { "j.id + 0" } else { "j.id" };
    let text = format!(
        "SELECT {JOB_COLUMNS} FROM {table} j WHERE {conditions} AND j.id > {after} AND j.id <= {max_id} \
         ORDER BY {order} LIMIT {limit}",
        table = jobs.table
    );
    Ok(bound_query(&text, &sql.binds).load(conn)?)
}

/// Whether fewer than `below` jobs match `filter` (then it is served by its indexes).
pub fn is_selective(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    filter: &JobFilter,
    below: i64,
) -> CliResult<bool> {
    if filter.is_empty() {
        return Ok(false);
    }
    let mut sql = Sql::default();
    let conditions = filter.conditions(&mut sql, &jobs.state_type);
    let cap = sql.bind(Bind::BigInt(below));
    let text = format!(
        "SELECT count(*)::bigint AS n FROM (SELECT 1 FROM {} j WHERE {conditions} LIMIT {cap}) s",
        jobs.table
    );
    Ok(bound_query(&text, &sql.binds).get_result::<Count>(conn)?.n < below)
}

#[cfg(test)]
mod tests {
    use super::{position, tid};

    #[test]
    fn a_position_is_a_tid_that_sorts_like_one() {
        assert_eq!(tid(position(0, 0)), "(0,0)");
        assert_eq!(tid(position(41_508, 291)), "(41508,291)");
        assert_eq!(tid(position(u32::MAX as i64, 0xffff)), "(4294967295,65535)");
        assert!(position(7, 65_535) < position(8, 0));
        assert!(position(8, 1) < position(8, 2));
    }
}
