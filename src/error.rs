//! Typed errors and the exit-code contract (see `cli::EXIT_CODES_HELP`).
//!
//! Every error has a kind (which owns the exit code), a stable machine `code`, a message and any
//! number of hints; with `--format json` it is printed as one `{"kind":"error",...}` line.
//! Database errors are classified by their SQLSTATE, never by the (translatable) message text.

use std::fmt;

/// How a command that ran to the end wants the process to exit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: everything asked for was done.
    Success,
    /// 1: done, but someone should look (warnings, skipped jobs).
    Attention,
    /// 2: a check failed or nothing could be done.
    Failed,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Attention => 1,
            ExitStatus::Failed => 2,
        }
    }

    /// The worse of two statuses.
    pub fn max(self, other: ExitStatus) -> ExitStatus {
        if other.code() > self.code() {
            other
        } else {
            self
        }
    }
}

/// Every way a run can end early. Each kind owns its exit code, so the mapping lives here only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Bad flags, arguments or configuration. Nothing ran. Exit 64.
    Usage,
    /// Understood and refused: wrong state, confirmation denied, timeout. Exit 2.
    Refused,
    /// Could not connect, or the connection was lost. Exit 69.
    Unreachable,
    /// The database said no (SQLSTATE 42501). Exit 77.
    PermissionDenied,
    /// Ctrl-C. The message says what was committed before it. Exit 130.
    Interrupted,
    /// stdout was closed by the reader: stop quietly. Exit 0.
    BrokenPipe,
    /// Anything we did not expect. Exit 70.
    Internal,
}

impl ErrorKind {
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Usage => 64,
            ErrorKind::Refused => 2,
            ErrorKind::Unreachable => 69,
            ErrorKind::PermissionDenied => 77,
            ErrorKind::Interrupted => 130,
            ErrorKind::BrokenPipe => 0,
            ErrorKind::Internal => 70,
        }
    }

    /// The default machine code of the kind.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Usage => "usage",
            ErrorKind::Refused => "refused",
            ErrorKind::Unreachable => "unreachable",
            ErrorKind::PermissionDenied => "permission_denied",
            ErrorKind::Interrupted => "interrupted",
            ErrorKind::BrokenPipe => "broken_pipe",
            ErrorKind::Internal => "internal",
        }
    }
}

#[derive(Debug)]
pub struct CliError {
    kind: ErrorKind,
    code: &'static str,
    message: String,
    hints: Vec<String>,
    /// For internal errors: the chain of causes, printed as "caused by".
    source: Option<anyhow::Error>,
}

pub type CliResult<T> = Result<T, CliError>;

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

impl CliError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        CliError {
            kind,
            code: kind.name(),
            message: message.into(),
            hints: Vec::new(),
            source: None,
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        CliError::new(ErrorKind::Usage, message)
    }

    pub fn refused(message: impl Into<String>) -> Self {
        CliError::new(ErrorKind::Refused, message)
    }

    pub fn refused_with_hint(message: impl Into<String>, hint: impl Into<String>) -> Self {
        CliError::refused(message).hint(hint)
    }

    pub fn unreachable(message: impl Into<String>) -> Self {
        CliError::new(ErrorKind::Unreachable, message)
    }

    pub fn permission_denied(message: impl Into<String>) -> Self {
        CliError::new(ErrorKind::PermissionDenied, message).hint(
            "the connected role lacks a privilege this command needs; read commands need SELECT, \
             mutations need UPDATE on oban_jobs and INSERT on the audit tables",
        )
    }

    /// Ctrl-C, with what was committed before it.
    pub fn interrupted(message: Option<String>) -> Self {
        let text = match message {
            Some(m) => format!("interrupted: {m}"),
            None => "interrupted".into(),
        };
        CliError::new(ErrorKind::Interrupted, text)
    }

    pub fn broken_pipe() -> Self {
        CliError::new(ErrorKind::BrokenPipe, "broken pipe")
    }

    pub fn internal(err: impl Into<anyhow::Error>) -> Self {
        let err: anyhow::Error = err.into();
        CliError {
            message: err.to_string(),
            source: Some(err),
            ..CliError::new(ErrorKind::Internal, "")
        }
    }

    /// Adds a hint (shown as `hint: ...`; in JSON, in `hints`).
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Sets the stable machine code, e.g. `lock_timeout`, `not_found`, `no_reason`.
    pub fn code(mut self, code: &'static str) -> Self {
        self.code = code;
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn machine_code(&self) -> &'static str {
        self.code
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn hints(&self) -> &[String] {
        &self.hints
    }

    pub fn exit_code_number(&self) -> u8 {
        self.kind.exit_code()
    }

    pub fn is(&self, kind: ErrorKind) -> bool {
        self.kind == kind
    }

    /// The causes below the message, for internal errors.
    pub fn causes(&self) -> Vec<String> {
        self.source
            .iter()
            .flat_map(|e| e.chain().skip(1).map(|c| c.to_string()))
            .collect()
    }

    /// Replaces the message (to add context), keeping kind, code and hints.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = message.into();
        self
    }
}

impl From<anyhow::Error> for CliError {
    fn from(err: anyhow::Error) -> Self {
        CliError::internal(err)
    }
}

impl From<std::io::Error> for CliError {
    fn from(err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            CliError::broken_pipe()
        } else {
            CliError::internal(err)
        }
    }
}

/// PostgreSQL error classes obanctl gives an exit code of their own (SQLSTATE, see the
/// "PostgreSQL Error Codes" appendix).
pub mod sqlstate {
    pub const INSUFFICIENT_PRIVILEGE: &str = "42501";
    pub const LOCK_NOT_AVAILABLE: &str = "55P03";
    pub const QUERY_CANCELED: &str = "57014";
    pub const READ_ONLY_SQL_TRANSACTION: &str = "25006";
    pub const SERIALIZATION_FAILURE: &str = "40001";
    pub const DEADLOCK_DETECTED: &str = "40P01";
    pub const IDLE_IN_TRANSACTION_TIMEOUT: &str = "25P03";
    pub const UNDEFINED_TABLE: &str = "42P01";
    pub const UNDEFINED_COLUMN: &str = "42703";
    /// Class 57P (operator intervention: terminated, shutting down) and 08 (connection
    /// exceptions) mean the connection is gone.
    pub fn connection_gone(code: &str) -> bool {
        code.starts_with("57P") || code.starts_with("08")
    }
}

/// The SQLSTATE of a database error. Diesel does not expose it, but keeps libpq's `PGresult` for
/// each server error, and every field of that result is still there: so the code is read from
/// it with libpq itself. Diesel's PostgreSQL backend boxes exactly two error-information types:
/// a `String` (24 bytes) for errors it makes up, and a private struct holding only the
/// `PGresult` pointer. The pointer is used only when the value has that size and libpq's primary
/// message field of that result is the very string diesel reports: then it is certainly the
/// result. Tested against real errors in `tests/it/errors.rs`.
pub fn sqlstate_of(
    info: &(dyn diesel::result::DatabaseErrorInformation + Send + Sync),
) -> Option<String> {
    type PgResultPtr = *mut pq_sys::PGresult;
    if std::mem::size_of_val(info) != std::mem::size_of::<PgResultPtr>()
        || std::mem::align_of_val(info) != std::mem::align_of::<PgResultPtr>()
    {
        return None;
    }
    // SAFETY: the value is exactly one pointer in size and alignment; of the two types diesel
    // stores here, only the PGresult holder has that layout. It is dereferenced through libpq
    // only if libpq's own message field is the string diesel holds, which proves it is a result.
    unsafe {
        let result = *(info as *const _ as *const PgResultPtr);
        if result.is_null() {
            return None;
        }
        let primary = pq_sys::PQresultErrorField(result, b'M' as i32);
        if primary.is_null() || primary as *const u8 != info.message().as_ptr() {
            return None;
        }
        let code = pq_sys::PQresultErrorField(result, b'C' as i32);
        if code.is_null() {
            return None;
        }
        std::ffi::CStr::from_ptr(code)
            .to_str()
            .ok()
            .map(str::to_string)
    }
}

/// Classifies a database error by SQLSTATE (and diesel's own error kinds).
impl From<diesel::result::Error> for CliError {
    fn from(err: diesel::result::Error) -> Self {
        match &err {
            diesel::result::Error::DatabaseError(kind, info) => {
                classify(*kind, sqlstate_of(info.as_ref()).as_deref(), info.message())
            }
            _ => CliError::internal(err),
        }
    }
}

/// The exit-code mapping for one server error.
pub fn classify(
    kind: diesel::result::DatabaseErrorKind,
    state: Option<&str>,
    message: &str,
) -> CliError {
    use diesel::result::DatabaseErrorKind;
    match state {
        Some(sqlstate::INSUFFICIENT_PRIVILEGE) => CliError::permission_denied(message),
        Some(sqlstate::LOCK_NOT_AVAILABLE) => {
            CliError::refused(format!("gave up waiting for a lock: {message}"))
                .code("lock_timeout")
                .hint("another session holds a lock on the rows or table; retry later or raise --lock-timeout")
        }
        Some(sqlstate::QUERY_CANCELED) => CliError::refused(format!(
            "the database stopped a statement (statement timeout or cancel): {message}"
        ))
        .code("statement_timeout")
        .hint("narrow the request, or raise --statement-timeout"),
        Some(sqlstate::IDLE_IN_TRANSACTION_TIMEOUT) => {
            CliError::unreachable(format!("the database ended an idle transaction: {message}"))
        }
        Some(sqlstate::READ_ONLY_SQL_TRANSACTION) => CliError::refused(format!(
            "the server accepts only reads: {message}"
        ))
        .code("read_only_server")
        .hint("this looks like a standby or a read-only database; connect to the primary to make changes"),
        Some(sqlstate::SERIALIZATION_FAILURE) | Some(sqlstate::DEADLOCK_DETECTED) => {
            CliError::refused(format!("the database aborted a conflicting transaction: {message}"))
                .code("conflict")
                .hint("nothing of that transaction was committed; rerun the command")
        }
        Some(code) if sqlstate::connection_gone(code) => {
            CliError::unreachable(format!("the database connection was lost: {message}"))
        }
        // A server error with no mapping of its own, on a connection libpq says is broken.
        Some(_) if kind == DatabaseErrorKind::ClosedConnection => {
            CliError::unreachable(format!("the database connection was lost: {message}"))
        }
        Some(code) => CliError::internal(anyhow::anyhow!("database error {code}: {message}")),
        // Not a server error (diesel's own, or a result we could not read): what diesel knows.
        None => match kind {
            DatabaseErrorKind::ClosedConnection => {
                CliError::unreachable(format!("the database connection was lost: {message}"))
            }
            DatabaseErrorKind::ReadOnlyTransaction => {
                CliError::refused(format!("the server accepts only reads: {message}"))
                    .code("read_only_server")
            }
            DatabaseErrorKind::SerializationFailure => CliError::refused(format!(
                "the database aborted a conflicting transaction: {message}"
            ))
            .code("conflict"),
            _ => CliError::internal(anyhow::anyhow!("database error: {message}")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::result::DatabaseErrorKind;

    #[test]
    fn every_kind_owns_its_exit_code_and_hints_add_up() {
        let err = CliError::usage("bad flag")
            .hint("try --help")
            .hint("or this");
        assert_eq!(err.exit_code_number(), 64);
        assert_eq!(err.machine_code(), "usage");
        assert_eq!(err.hints(), ["try --help", "or this"]);
        assert_eq!(CliError::refused("no").exit_code_number(), 2);
        assert_eq!(CliError::permission_denied("no").exit_code_number(), 77);
        assert_eq!(CliError::interrupted(None).exit_code_number(), 130);
        assert_eq!(CliError::broken_pipe().exit_code_number(), 0);
        assert_eq!(
            CliError::internal(anyhow::anyhow!("x")).exit_code_number(),
            70
        );
        assert_eq!(
            CliError::refused("x").code("lock_timeout").machine_code(),
            "lock_timeout"
        );
    }

    #[test]
    fn server_errors_are_classified_by_sqlstate_whatever_the_language() {
        let unknown = DatabaseErrorKind::Unknown;
        let de = |state| {
            classify(
                unknown,
                Some(state),
                "Keine Berechtigung für Tabelle oban_jobs",
            )
        };
        assert_eq!(de("42501").kind(), ErrorKind::PermissionDenied);
        assert_eq!(de("55P03").machine_code(), "lock_timeout");
        assert_eq!(de("57014").machine_code(), "statement_timeout");
        assert_eq!(de("57P01").kind(), ErrorKind::Unreachable);
        assert_eq!(de("08006").kind(), ErrorKind::Unreachable);
        assert_eq!(de("40001").machine_code(), "conflict");
        assert_eq!(de("25006").machine_code(), "read_only_server");
        assert_eq!(de("22P02").kind(), ErrorKind::Internal);
        assert_eq!(
            classify(DatabaseErrorKind::ClosedConnection, None, "gone").kind(),
            ErrorKind::Unreachable
        );
    }
}
