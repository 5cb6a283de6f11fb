//! Typed errors and the exit-code contract (see `cli::EXIT_CODES_HELP`).

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
}

/// Every way a run can end early. Each variant owns its exit code, so the mapping lives here only.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad flags, arguments or configuration. Nothing ran.
    #[error("{0}")]
    Usage(String),

    /// The request was understood and refused: wrong state, confirmation denied, timeout.
    #[error("{message}")]
    Refused {
        message: String,
        hint: Option<String>,
    },

    /// Could not connect or authenticate.
    #[error("{0}")]
    Unreachable(String),

    /// The database said no (SQLSTATE class 42501 and friends).
    #[error("{0}")]
    PermissionDenied(String),

    /// Ctrl-C. The message says what was committed before it.
    #[error("interrupted{}", .0.as_deref().map(|s| format!(": {s}")).unwrap_or_default())]
    Interrupted(Option<String>),

    /// stdout was closed by the reader: stop quietly.
    #[error("broken pipe")]
    BrokenPipe,

    /// Anything we did not expect.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type CliResult<T> = Result<T, CliError>;

impl CliError {
    pub fn refused(message: impl Into<String>) -> Self {
        CliError::Refused {
            message: message.into(),
            hint: None,
        }
    }

    pub fn refused_with_hint(message: impl Into<String>, hint: impl Into<String>) -> Self {
        CliError::Refused {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    pub fn exit_code_number(&self) -> u8 {
        match self {
            CliError::Usage(_) => 64,
            CliError::Refused { .. } => 2,
            CliError::Unreachable(_) => 69,
            CliError::PermissionDenied(_) => 77,
            CliError::Interrupted(_) => 130,
            CliError::BrokenPipe => 0,
            CliError::Internal(_) => 70,
        }
    }

    /// A stable name for machine-readable error reports.
    pub fn kind(&self) -> &'static str {
        match self {
            CliError::Usage(_) => "usage",
            CliError::Refused { .. } => "refused",
            CliError::Unreachable(_) => "unreachable",
            CliError::PermissionDenied(_) => "permission_denied",
            CliError::Interrupted(_) => "interrupted",
            CliError::BrokenPipe => "broken_pipe",
            CliError::Internal(_) => "internal",
        }
    }

    pub fn hint(&self) -> Option<&str> {
        match self {
            CliError::Refused { hint, .. } => hint.as_deref(),
            CliError::PermissionDenied(_) => Some(
                "the connected role lacks a privilege this command needs; read commands need SELECT, \
                 mutations need UPDATE on oban_jobs and INSERT on the audit table",
            ),
            _ => None,
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            CliError::BrokenPipe
        } else {
            CliError::Internal(err.into())
        }
    }
}

/// Classifies a database error by the text PostgreSQL sends. Diesel does not expose SQLSTATE,
/// so this reads the (English) primary message; unknown messages stay internal errors.
impl From<diesel::result::Error> for CliError {
    fn from(err: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match &err {
            Error::DatabaseError(kind, info) => {
                let message = info.message();
                if message.starts_with("permission denied")
                    || message.starts_with("must be owner of")
                {
                    return CliError::PermissionDenied(message.to_string());
                }
                if message.contains("due to lock timeout") {
                    return CliError::refused_with_hint(
                        format!("gave up waiting for a lock: {message}"),
                        "another session holds a lock on the rows or table; retry later or raise --lock-timeout",
                    );
                }
                if message.contains("due to statement timeout") {
                    return CliError::refused_with_hint(
                        format!("the database stopped a statement that ran too long: {message}"),
                        "narrow the request, or raise --statement-timeout",
                    );
                }
                if matches!(kind, DatabaseErrorKind::ClosedConnection) {
                    return CliError::Unreachable(format!(
                        "the database connection was lost: {message}"
                    ));
                }
                CliError::Internal(anyhow::anyhow!("database error: {message}"))
            }
            _ => CliError::Internal(err.into()),
        }
    }
}
