//! Which indexes `oban_jobs` should have, by flavour and migration version (the indexes
//! each Oban migration creates, in the Elixir and the Python installs), and how to repair an index, all as pure functions of names and definitions.

use crate::db::catalog::{MigrationVersion, ObanFlavour};
use crate::db::ident;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExpectedIndex {
    pub name: &'static str,
    /// The definition from `USING` on, as `pg_get_indexdef` prints it (storage options and
    /// schema qualifiers removed, see [`normalize_definition`]).
    pub definition: &'static str,
    /// The Oban migration that creates it (Elixir only).
    pub since: i64,
}

const ELIXIR: &[ExpectedIndex] = &[
    ExpectedIndex {
        name: "oban_jobs_state_queue_priority_scheduled_at_id_index",
        definition: "btree (state, queue, priority, scheduled_at, id)",
        since: 8,
    },
    ExpectedIndex {
        name: "oban_jobs_args_index",
        definition: "gin (args)",
        since: 10,
    },
    ExpectedIndex {
        name: "oban_jobs_meta_index",
        definition: "gin (meta)",
        since: 10,
    },
    ExpectedIndex {
        name: "oban_jobs_state_cancelled_at_index",
        definition: "btree (state, cancelled_at)",
        since: 13,
    },
    ExpectedIndex {
        name: "oban_jobs_state_discarded_at_index",
        definition: "btree (state, discarded_at)",
        since: 13,
    },
];

const PYTHON: &[ExpectedIndex] = &[
    ExpectedIndex {
        name: "oban_jobs_state_queue_priority_scheduled_at_id_index",
        definition: "btree (state, queue, priority, scheduled_at, id)",
        since: 0,
    },
    ExpectedIndex {
        name: "oban_jobs_staging_index",
        definition: "btree (scheduled_at, id) INCLUDE (queue) WHERE (state = ANY (ARRAY['scheduled'::oban_job_state, 'retryable'::oban_job_state]))",
        since: 0,
    },
    ExpectedIndex {
        name: "oban_jobs_completed_at_index",
        definition: "btree (completed_at) WHERE (state = 'completed'::oban_job_state)",
        since: 0,
    },
    ExpectedIndex {
        name: "oban_jobs_cancelled_at_index",
        definition: "btree (cancelled_at) WHERE (state = 'cancelled'::oban_job_state)",
        since: 0,
    },
    ExpectedIndex {
        name: "oban_jobs_discarded_at_index",
        definition: "btree (discarded_at) WHERE (state = 'discarded'::oban_job_state)",
        since: 0,
    },
];

/// Indexes older Oban migrations created and later dropped; left behind they slow every write.
pub const LEGACY: &[&str] = &[
    "oban_jobs_queue_index",
    "oban_jobs_state_index",
    "oban_jobs_scheduled_at_index",
    "oban_jobs_queue_state_scheduled_at_id_index",
    "oban_jobs_attempted_at_id_index",
    "oban_jobs_args_vector",
    "oban_jobs_worker_gist",
];

/// The indexes Oban 2.21.0's type swap dropped (every index containing `state`).
pub const STATE_INDEXES: &[&str] = &[
    "oban_jobs_state_queue_priority_scheduled_at_id_index",
    "oban_jobs_state_cancelled_at_index",
    "oban_jobs_state_discarded_at_index",
];

/// The expected set: by recorded version for Elixir (a v12 host is not asked for v13 indexes;
/// no usable version means the current one), the whole set for oban-py.
pub fn expected(flavour: ObanFlavour, version: &MigrationVersion) -> Vec<ExpectedIndex> {
    match flavour {
        ObanFlavour::Python => PYTHON.to_vec(),
        ObanFlavour::Elixir => {
            let at = match version {
                MigrationVersion::Number(n) => *n,
                _ => crate::install::OBAN_CURRENT_VERSION,
            };
            ELIXIR.iter().filter(|i| i.since <= at).copied().collect()
        }
    }
}

/// The part of `pg_get_indexdef` that says what the index is, without its name, table, storage
/// options or schema qualifiers: two indexes with equal results serve the same queries.
pub fn normalize_definition(indexdef: &str) -> String {
    let Some((_, rest)) = indexdef.split_once(" USING ") else {
        return indexdef.to_string();
    };
    let mut text = rest.to_string();
    // `WITH (fillfactor='90')` sits between the column list and any INCLUDE/WHERE.
    if let Some(start) = text.find(" WITH (") {
        if let Some(len) = text[start..].find(')') {
            text.replace_range(start..start + len + 1, "");
        }
    }
    strip_type_schema(&text, "oban_job_state")
}

/// `'x'::"my prefix".oban_job_state` and `'x'::my_prefix.oban_job_state` → `'x'::oban_job_state`.
fn strip_type_schema(text: &str, type_name: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let needle = format!(".{type_name}");
    while let Some(pos) = rest.find("::") {
        out.push_str(&rest[..pos + 2]);
        rest = &rest[pos + 2..];
        if let Some(dot) = rest.find(&needle) {
            let qualifier = &rest[..dot];
            let plain = if qualifier.starts_with('"') {
                qualifier.len() >= 2 && qualifier.ends_with('"')
            } else {
                !qualifier.is_empty()
                    && qualifier
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
            };
            if plain {
                rest = &rest[dot + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `CREATE INDEX CONCURRENTLY IF NOT EXISTS` for an expected index, runnable from any
/// `search_path` (the enum type in a partial index's predicate is qualified too).
pub fn create_sql(prefix: &str, index: &ExpectedIndex) -> String {
    let definition = index.definition.replace(
        "::oban_job_state",
        &format!("::{}", ident::qualified(prefix, "oban_job_state")),
    );
    format!(
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS {} ON {} USING {definition};",
        ident::quote(index.name),
        ident::qualified(prefix, "oban_jobs"),
    )
}

/// What is wrong with an INVALID index, which decides its repair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvalidKind {
    /// The new copy a failed `REINDEX CONCURRENTLY` left.
    ReindexLeftoverNew,
    /// The old copy an interrupted `REINDEX CONCURRENTLY` left after the swap.
    ReindexLeftoverOld,
    /// A failed unique build: the data has duplicates, so rebuilding fails again.
    Unique,
    Plain,
}

impl InvalidKind {
    pub fn code(self) -> &'static str {
        match self {
            InvalidKind::ReindexLeftoverNew => "INDEX_INVALID_CCNEW",
            InvalidKind::ReindexLeftoverOld => "INDEX_INVALID_CCOLD",
            InvalidKind::Unique => "INDEX_INVALID_UNIQUE",
            InvalidKind::Plain => "INDEX_INVALID",
        }
    }
}

/// `name_ccnew`, `name_ccnew1`, ... → `("name", kind)`.
fn reindex_leftover(name: &str) -> Option<(&str, InvalidKind)> {
    for (suffix, kind) in [
        ("_ccnew", InvalidKind::ReindexLeftoverNew),
        ("_ccold", InvalidKind::ReindexLeftoverOld),
    ] {
        if let Some(pos) = name.rfind(suffix) {
            if name[pos + suffix.len()..]
                .bytes()
                .all(|b| b.is_ascii_digit())
            {
                return Some((&name[..pos], kind));
            }
        }
    }
    None
}

pub fn classify_invalid(name: &str, unique: bool) -> InvalidKind {
    match reindex_leftover(name) {
        Some((_, kind)) => kind,
        None if unique => InvalidKind::Unique,
        None => InvalidKind::Plain,
    }
}

/// The prose and the statements that repair an INVALID index. `indexdef` is `pg_get_indexdef`.
pub fn invalid_fix(schema: &str, name: &str, unique: bool, indexdef: &str) -> (String, String) {
    let qualified = ident::qualified(schema, name);
    match reindex_leftover(name) {
        Some((original, InvalidKind::ReindexLeftoverNew)) => (
            format!("a failed REINDEX CONCURRENTLY left this copy of `{original}`: drop it, then retry the rebuild once its cause is fixed"),
            format!(
                "DROP INDEX CONCURRENTLY IF EXISTS {qualified};\nREINDEX INDEX CONCURRENTLY {};",
                ident::qualified(schema, original)
            ),
        ),
        Some((original, _)) => (
            format!("an interrupted REINDEX CONCURRENTLY left this old copy of `{original}`, which is no longer used: drop it"),
            format!("DROP INDEX CONCURRENTLY IF EXISTS {qualified};"),
        ),
        None if unique => (
            "a UNIQUE build failed, most likely on duplicate rows; REINDEX would fail again and leave a _ccnew copy. Drop it, remove the duplicates, then create it again".to_string(),
            format!(
                "DROP INDEX CONCURRENTLY IF EXISTS {qualified};\n-- remove the duplicate rows, then:\n{};",
                indexdef.replacen("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX CONCURRENTLY ", 1)
            ),
        ),
        None => (
            "rebuild it without blocking writers".to_string(),
            format!("REINDEX INDEX CONCURRENTLY {qualified};"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_set_follows_the_recorded_version() {
        let names = |v| {
            expected(ObanFlavour::Elixir, &v)
                .iter()
                .map(|i| i.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(names(MigrationVersion::Number(14)).len(), 5);
        assert_eq!(names(MigrationVersion::Number(12)).len(), 3);
        assert_eq!(
            names(MigrationVersion::Number(9)),
            ["oban_jobs_state_queue_priority_scheduled_at_id_index"]
        );
        assert_eq!(names(MigrationVersion::Infinity).len(), 5);
        assert_eq!(
            expected(ObanFlavour::Python, &MigrationVersion::Missing).len(),
            5
        );
    }

    #[test]
    fn definitions_normalize_away_names_options_and_qualifiers() {
        assert_eq!(
            normalize_definition("CREATE INDEX x ON s.oban_jobs USING btree (state, queue, priority, scheduled_at, id) WITH (fillfactor='90')"),
            "btree (state, queue, priority, scheduled_at, id)"
        );
        assert_eq!(
            normalize_definition("CREATE INDEX y ON \"My s\".oban_jobs USING btree (completed_at) WHERE (state = 'completed'::\"My s\".oban_job_state)"),
            "btree (completed_at) WHERE (state = 'completed'::oban_job_state)"
        );
        assert_eq!(
            normalize_definition("CREATE INDEX z ON p.oban_jobs USING btree (scheduled_at, id) INCLUDE (queue) WHERE (state = ANY (ARRAY['scheduled'::p.oban_job_state, 'retryable'::p.oban_job_state]))"),
            PYTHON[1].definition
        );
    }

    #[test]
    fn create_statements_quote_and_qualify() {
        assert_eq!(
            create_sql("My s", &ELIXIR[1]),
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"oban_jobs_args_index\" ON \"My s\".\"oban_jobs\" USING gin (args);"
        );
        assert!(create_sql("p", &PYTHON[2]).contains("'completed'::\"p\".\"oban_job_state\""));
    }

    #[test]
    fn invalid_indexes_get_the_repair_their_kind_needs() {
        assert_eq!(
            classify_invalid("idx_ccnew", false),
            InvalidKind::ReindexLeftoverNew
        );
        assert_eq!(
            classify_invalid("idx_ccnew2", true),
            InvalidKind::ReindexLeftoverNew
        );
        assert_eq!(
            classify_invalid("idx_ccold", false),
            InvalidKind::ReindexLeftoverOld
        );
        assert_eq!(classify_invalid("idx_ccnewer", true), InvalidKind::Unique);
        assert_eq!(classify_invalid("idx", false), InvalidKind::Plain);

        let (_, sql) = invalid_fix("p", "idx_ccnew", true, "");
        assert_eq!(
            sql,
            "DROP INDEX CONCURRENTLY IF EXISTS \"p\".\"idx_ccnew\";\nREINDEX INDEX CONCURRENTLY \"p\".\"idx\";"
        );
        let (_, sql) = invalid_fix(
            "p",
            "u",
            true,
            "CREATE UNIQUE INDEX u ON p.t USING btree (k)",
        );
        assert!(sql.starts_with("DROP INDEX CONCURRENTLY IF EXISTS \"p\".\"u\";"));
        assert!(sql.ends_with("CREATE UNIQUE INDEX CONCURRENTLY u ON p.t USING btree (k);"));
        let (_, sql) = invalid_fix("p", "a\"b", false, "");
        assert_eq!(sql, "REINDEX INDEX CONCURRENTLY \"p\".\"a\"\"b\";");
    }
}
