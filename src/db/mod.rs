//! The database layer: the connection pool and the one helper that opens transactions.
//!
//! PgBouncer in transaction mode is a first-class target, so nothing here relies on session state:
//! the prepared-statement cache is disabled on every pooled connection (Diesel then uses unnamed
//! statements), and every setting is applied with `set_config(..., true)` inside each transaction.

pub mod audit;
pub mod catalog;
pub mod conninfo;
pub mod cron;
pub mod doctor;
pub mod ident;
pub mod jobs;
pub mod limiter;
pub mod listen;
pub mod liveness;
pub mod overview;
pub mod prune;
pub mod queues;
pub mod schema;
pub mod socket;
pub mod top;
pub mod triage;
pub mod workflow;

use std::time::Duration;

use diesel::connection::{CacheSize, Connection, SimpleConnection};
use diesel::pg::PgConnection;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};
use diesel::sql_types::Text;
use diesel::RunQueryDsl;

use crate::error::{CliError, CliResult};
use crate::printer::Printer;
use crate::settings::Settings;
use conninfo::ConnInfo;

/// Bounds how long a transaction may sit idle (an operator answering a prompt never holds one,
/// but a stuck client should not pin locks or xmin).
const IDLE_IN_TRANSACTION_TIMEOUT: &str = "60s";
const POOL_SIZE: u32 = 4;

#[derive(Debug)]
struct DisableStatementCache {
    /// With `--verbose`: every statement and transaction is logged through this printer.
    verbose: Option<Printer>,
}

impl CustomizeConnection<PgConnection, diesel::r2d2::Error> for DisableStatementCache {
    fn on_acquire(&self, conn: &mut PgConnection) -> Result<(), diesel::r2d2::Error> {
        conn.set_prepared_statement_cache_size(CacheSize::Disabled);
        if let Some(printer) = &self.verbose {
            conn.set_instrumentation(QueryLog {
                printer: printer.clone(),
                query_started: None,
                transaction_started: None,
            });
        }
        Ok(())
    }
}

/// The longest statement text `--verbose` shows (the rest is elided).
const VERBOSE_SQL_CHARS: usize = 240;

/// `--verbose`'s step log: each statement with its time, and each transaction's outcome, on the
/// printer's verbose channel (stderr, neutralised). Statements are shown without their bind
/// values, which may be filter values or secrets.
struct QueryLog {
    printer: Printer,
    query_started: Option<std::time::Instant>,
    transaction_started: Option<std::time::Instant>,
}

/// A statement's text for the log: whitespace collapsed, binds dropped, long text elided.
pub fn statement_for_log(debug: &str) -> String {
    let sql = debug.split(" -- binds:").next().unwrap_or_default();
    let sql = sql.split_whitespace().collect::<Vec<_>>().join(" ");
    if sql.chars().count() > VERBOSE_SQL_CHARS {
        let cut: String = sql.chars().take(VERBOSE_SQL_CHARS).collect();
        format!("{cut}…")
    } else {
        sql
    }
}

fn elapsed_ms(since: Option<std::time::Instant>) -> String {
    since
        .map(|t| format!("{:.1} ms", t.elapsed().as_secs_f64() * 1000.0))
        .unwrap_or_else(|| "? ms".into())
}

impl diesel::connection::Instrumentation for QueryLog {
    fn on_connection_event(&mut self, event: diesel::connection::InstrumentationEvent<'_>) {
        use diesel::connection::InstrumentationEvent as E;
        match event {
            E::StartQuery { .. } => self.query_started = Some(std::time::Instant::now()),
            E::FinishQuery { query, error, .. } => {
                let outcome = if error.is_some() { ", failed" } else { "" };
                self.printer.verbose(format!(
                    "query ({}{outcome}): {}",
                    elapsed_ms(self.query_started.take()),
                    statement_for_log(&query.to_string())
                ));
            }
            E::BeginTransaction { .. } => {
                self.transaction_started = Some(std::time::Instant::now());
            }
            E::CommitTransaction { .. } => self.printer.verbose(format!(
                "transaction committed ({})",
                elapsed_ms(self.transaction_started.take())
            )),
            E::RollbackTransaction { .. } => self.printer.verbose(format!(
                "transaction rolled back ({})",
                elapsed_ms(self.transaction_started.take())
            )),
            _ => {}
        }
    }
}

/// Whether a transaction's commit waits for its WAL to be flushed (the server's setting) or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Commit {
    ServerDefault,
    NoFlushWait,
}

/// Whether a unit of work may write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadOnly,
    ReadWrite,
}

pub struct Database {
    pool: Pool<ConnectionManager<PgConnection>>,
    conn_info: ConnInfo,
    prefix: String,
    powertools_schema: String,
    statement_timeout: Duration,
    lock_timeout: Duration,
}

pub type Conn = PooledConnection<ConnectionManager<PgConnection>>;

impl Database {
    /// Probes the server once (so an unreachable database fails fast with libpq's own reason),
    /// then builds the pool.
    pub fn connect(settings: &Settings, printer: &Printer) -> CliResult<Database> {
        Database::connect_with_pool(settings, printer, POOL_SIZE)
    }

    /// [`Database::connect`] with room for `pool_size` connections at once (parallel batches).
    pub fn connect_with_pool(
        settings: &Settings,
        printer: &Printer,
        pool_size: u32,
    ) -> CliResult<Database> {
        let url = settings.database_url.value.as_deref();
        let mut conn_info = ConnInfo::build(url, std::env::var("PGPASSWORD").ok());
        let env = |name: &str| std::env::var(name).ok();
        let endpoint = conninfo::endpoint(url);
        let socket_dir = socket::discover(&endpoint, &env, &socket::is_socket);
        if let Some(dir) = &socket_dir {
            conn_info = conn_info.with_host(&dir.to_string_lossy());
        }
        printer.verbose(format!(
            "connecting to {} (from {})",
            conn_info.display, settings.database_url.source
        ));
        let unreachable = |reason: &str| {
            let err = CliError::unreachable(format!(
                "cannot connect to the database: {}",
                // libpq's messages span lines ("...failed: ...\n\tIs the server running...").
                conn_info.scrub(&reason.split_whitespace().collect::<Vec<_>>().join(" "))
            ));
            if url.is_some() {
                return err;
            }
            let tried = match &socket_dir {
                _ if !socket::host_unspecified(&endpoint, &env) => {
                    "the host in libpq's PG* variables".to_string()
                }
                Some(dir) => format!("the server socket in {}", dir.display()),
                None => format!(
                    "libpq's defaults (no server socket in {})",
                    socket::SOCKET_DIRS.join(", ")
                ),
            };
            err.hint(format!(
                "no database URL was given, so obanctl tried {tried}: pass one with \
                 --database-url 'postgres://USER@HOST:5432/DBNAME', or set DATABASE_URL \
                 (or OBANCTL_DATABASE_URL, or a profile in obanctl.toml)"
            ))
        };
        match PgConnection::establish(&conn_info.conninfo) {
            Ok(_) => {}
            Err(diesel::ConnectionError::BadConnection(message))
                if conninfo::is_conninfo_error(&message) =>
            {
                // The string itself is wrong (syntax, an option's value): the operator's to fix.
                let reason =
                    conn_info.scrub(&message.split_whitespace().collect::<Vec<_>>().join(" "));
                return Err(CliError::usage(format!("invalid database URL: {reason}")).hint(
                    "check the connection string: in a URI, percent-encode special characters of the password (/ ? # @ : as %2F %3F %23 %40 %3A)",
                ));
            }
            Err(diesel::ConnectionError::BadConnection(message)) => {
                return Err(unreachable(&message));
            }
            Err(diesel::ConnectionError::InvalidCString(_))
            | Err(diesel::ConnectionError::InvalidConnectionUrl(_)) => {
                return Err(CliError::usage(format!(
                    "invalid database URL: {}",
                    conn_info.display
                )));
            }
            Err(other) => return Err(unreachable(&other.to_string())),
        }
        // Every chain append of this run signs with the configured key (or none).
        crate::audit::set_signing_key(settings.audit_key.as_ref().map(|k| k.value.clone()));
        let manager = ConnectionManager::<PgConnection>::new(conn_info.conninfo.clone());
        let pool = Pool::builder()
            .max_size(pool_size.max(POOL_SIZE))
            .min_idle(Some(0))
            .connection_timeout(Duration::from_secs(30))
            // No `SELECT 1` before every checkout: a dead connection fails its first statement
            // anyway, and the round trip would be paid on every batch of a bulk run.
            .test_on_check_out(false)
            .connection_customizer(Box::new(DisableStatementCache {
                verbose: printer.is_verbose().then(|| printer.clone()),
            }))
            .build_unchecked(manager);
        Ok(Database {
            pool,
            conn_info,
            prefix: settings.prefix.value.clone(),
            powertools_schema: settings.powertools_schema.value.clone(),
            statement_timeout: settings.statement_timeout.value,
            lock_timeout: settings.lock_timeout.value,
        })
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    pub fn powertools_schema(&self) -> &str {
        &self.powertools_schema
    }

    /// The connection details the pool uses (for a direct listening connection).
    pub fn conn_info(&self) -> &ConnInfo {
        &self.conn_info
    }

    fn checkout(&self) -> CliResult<Conn> {
        self.pool.get().map_err(|e| {
            CliError::unreachable(format!(
                "cannot connect to the database: {}",
                self.conn_info.scrub(&e.to_string())
            ))
        })
    }

    /// Runs `work` in one read-only transaction.
    pub fn read<T>(&self, work: impl FnOnce(&mut PgConnection) -> CliResult<T>) -> CliResult<T> {
        self.transaction(Access::ReadOnly, work)
    }

    /// Runs `work` in one read-only `REPEATABLE READ` transaction: every statement sees the same
    /// snapshot (for reads that must agree with each other, such as where `--follow` starts).
    pub fn read_snapshot<T>(
        &self,
        work: impl FnOnce(&mut PgConnection) -> CliResult<T>,
    ) -> CliResult<T> {
        let mut conn = self.checkout()?;
        conn.build_transaction()
            .read_only()
            .repeatable_read()
            .run(|conn| {
                self.apply_transaction_settings(conn, self.statement_timeout, self.lock_timeout)?;
                work(conn)
            })
    }

    /// Runs `work` in one read-write transaction. Everything it does, audit rows included,
    /// commits together or not at all.
    pub fn write<T>(&self, work: impl FnOnce(&mut PgConnection) -> CliResult<T>) -> CliResult<T> {
        self.transaction(Access::ReadWrite, work)
    }

    /// The one place a transaction is opened. Before `work` runs, the transaction gets
    /// `search_path` (prefix, then Powertools schema), both timeouts and `application_name`,
    /// all transaction-local.
    pub fn transaction<T>(
        &self,
        access: Access,
        work: impl FnOnce(&mut PgConnection) -> CliResult<T>,
    ) -> CliResult<T> {
        self.transaction_with(access, self.statement_timeout, self.lock_timeout, work)
    }

    /// One batch of a bulk delete (`jobs prune`): a read-write transaction under `lock_timeout`
    /// instead of the configured one, whose commit does not wait for the WAL to reach disk
    /// (`synchronous_commit` off, for this transaction only). A server crash can then undo the
    /// last batches' deletes, but only together with their audit rows, which commit in the same
    /// transaction: the rows are back, nothing says they were deleted, a rerun deletes them. It
    /// spares a WAL flush per batch, which two batches in flight otherwise queue behind.
    pub fn write_batch<T>(
        &self,
        lock_timeout: Duration,
        work: impl FnOnce(&mut PgConnection) -> CliResult<T>,
    ) -> CliResult<T> {
        let mut conn = self.checkout()?;
        conn.build_transaction().read_committed().run(|conn| {
            self.apply_settings(
                conn,
                self.statement_timeout,
                lock_timeout,
                Commit::NoFlushWait,
            )?;
            work(conn)
        })
    }

    /// The configured lock timeout, for work that changed it inside its transaction to put back.
    pub fn lock_timeout(&self) -> Duration {
        self.lock_timeout
    }

    /// [`Database::read`] with its own timeouts, for work that must give up sooner than the
    /// configured ones (each doctor check).
    pub fn read_bounded<T>(
        &self,
        statement_timeout: Duration,
        lock_timeout: Duration,
        work: impl FnOnce(&mut PgConnection) -> CliResult<T>,
    ) -> CliResult<T> {
        self.transaction_with(Access::ReadOnly, statement_timeout, lock_timeout, work)
    }

    fn transaction_with<T>(
        &self,
        access: Access,
        statement_timeout: Duration,
        lock_timeout: Duration,
        work: impl FnOnce(&mut PgConnection) -> CliResult<T>,
    ) -> CliResult<T> {
        let mut conn = self.checkout()?;
        // The isolation level is always stated: a role whose default_transaction_isolation is
        // repeatable read or serializable would otherwise make the chain append read a stale
        // head (duplicate key) or fail with serialization errors. READ COMMITTED: each statement
        // sees what committed before it, the chain head after its lock is granted.
        let mut builder = conn.build_transaction().read_committed();
        if access == Access::ReadOnly {
            builder = builder.read_only();
        }
        builder.run(|conn| {
            self.apply_transaction_settings(conn, statement_timeout, lock_timeout)?;
            work(conn)
        })
    }

    fn apply_transaction_settings(
        &self,
        conn: &mut PgConnection,
        statement_timeout: Duration,
        lock_timeout: Duration,
    ) -> CliResult<()> {
        self.apply_settings(conn, statement_timeout, lock_timeout, Commit::ServerDefault)
    }

    fn apply_settings(
        &self,
        conn: &mut PgConnection,
        statement_timeout: Duration,
        lock_timeout: Duration,
        commit: Commit,
    ) -> CliResult<()> {
        let mut path = ident::quote(&self.prefix);
        if self.powertools_schema != self.prefix {
            path.push_str(", ");
            path.push_str(&ident::quote(&self.powertools_schema));
        }
        // One statement either way; the server's own synchronous_commit (which may be stricter,
        // e.g. remote_apply) is left alone unless the work asked not to wait for the flush.
        let no_flush_wait = match commit {
            Commit::ServerDefault => "",
            Commit::NoFlushWait => ", set_config('synchronous_commit', 'off', true)",
        };
        diesel::sql_query(format!(
            "SELECT set_config('search_path', $1, true), set_config('statement_timeout', $2, true), \
             set_config('lock_timeout', $3, true), set_config('application_name', $4, true), \
             set_config('idle_in_transaction_session_timeout', $5, true){no_flush_wait}"
        ))
        .bind::<Text, _>(path)
        .bind::<Text, _>(format!("{}ms", statement_timeout.as_millis()))
        .bind::<Text, _>(format!("{}ms", lock_timeout.as_millis()))
        .bind::<Text, _>(conninfo::APPLICATION_NAME)
        .bind::<Text, _>(IDLE_IN_TRANSACTION_TIMEOUT)
        .execute(conn)?;
        Ok(())
    }

    /// Runs one statement outside any transaction block, for the few statements PostgreSQL refuses
    /// inside one (`CREATE INDEX CONCURRENTLY`). Such statements run under the server's own
    /// timeouts, since there is no transaction to scope a `SET LOCAL` to.
    pub fn autocommit(&self, sql: &str) -> CliResult<()> {
        let mut conn = self.checkout()?;
        conn.batch_execute(sql)?;
        Ok(())
    }
}

#[derive(diesel::QueryableByName)]
struct DbClock {
    #[diesel(sql_type = diesel::sql_types::Timestamp)]
    now: chrono::NaiveDateTime,
}

/// The database clock, UTC without zone (as Oban stores timestamps). Every cutoff, window and
/// relative time bound is read from here, not from this machine.
pub fn now(conn: &mut PgConnection) -> CliResult<chrono::NaiveDateTime> {
    let row: DbClock =
        diesel::sql_query("SELECT timezone('UTC', now()) AS now").get_result(conn)?;
    Ok(row.now)
}

/// A raw SQL query with its bind values applied in order (see [`crate::jobs::filter::Sql`]).
pub fn bound_query(
    sql: &str,
    binds: &[crate::jobs::filter::Bind],
) -> diesel::query_builder::BoxedSqlQuery<'static, diesel::pg::Pg, diesel::query_builder::SqlQuery>
{
    use crate::jobs::filter::Bind;
    use diesel::sql_types::{Array, BigInt, Jsonb, Timestamp};
    let mut query = diesel::sql_query(sql.to_string()).into_boxed::<diesel::pg::Pg>();
    for bind in binds {
        query = match bind.clone() {
            Bind::BigInt(v) => query.bind::<BigInt, _>(v),
            Bind::BigInts(v) => query.bind::<Array<BigInt>, _>(v),
            Bind::Text(v) => query.bind::<Text, _>(v),
            Bind::Texts(v) => query.bind::<Array<Text>, _>(v),
            Bind::Json(v) => query.bind::<Jsonb, _>(v),
            Bind::Timestamp(v) => query.bind::<Timestamp, _>(v),
        };
    }
    query
}

#[cfg(test)]
mod verbose_tests {
    use super::statement_for_log;

    #[test]
    fn logged_statements_drop_their_binds_and_stay_short() {
        assert_eq!(
            statement_for_log("SELECT 1\n   FROM t WHERE a = $1 -- binds: [\"hunter2\"]"),
            "SELECT 1 FROM t WHERE a = $1"
        );
        let long = format!("SELECT {}", "x, ".repeat(200));
        assert!(statement_for_log(&long).ends_with('…'));
        assert!(statement_for_log(&long).chars().count() <= 241);
    }
}
