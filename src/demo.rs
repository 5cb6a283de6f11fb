//! The demo's fixed parts: its schema, the tour, where a private cluster lives, which PostgreSQL
//! binaries can run it, and the `demo` profile in the config file. No database access here.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The only schema `demo` creates or drops.
pub const SCHEMA: &str = "obanctl_demo";
/// The config-file profile `demo up` writes and `demo down` removes.
pub const PROFILE: &str = "demo";
/// Set as the schema comment, so `demo` never drops a schema it did not create.
pub const SCHEMA_MARKER: &str = "obanctl demo: safe to drop with `obanctl demo down`";
pub const SEED_SQL: &str = include_str!("../migrations/demo/seed.sql");
/// An index someone tried to add to a table that already breaks it: CREATE UNIQUE INDEX
/// CONCURRENTLY fails on the duplicates and leaves the index INVALID (doctor: index_validity).
pub fn failed_unique_build_sql() -> String {
    format!(
        "CREATE UNIQUE INDEX CONCURRENTLY oban_jobs_unique_account_sync_index ON \"{SCHEMA}\".oban_jobs \
         ((args->>'account_id')) WHERE worker = 'Demo.Workers.SyncAccount'"
    )
}

/// The role that owns a private cluster (it is created with this bootstrap superuser).
pub const CLUSTER_USER: &str = "obanctl";

pub struct TourStep {
    pub what: &'static str,
    pub args: &'static [&'static str],
    /// The exit code the step ends with on a fresh demo.
    pub exit_code: i32,
}

impl TourStep {
    /// The command as a person types it (arguments with spaces quoted).
    pub fn command_line(&self) -> String {
        let mut line = String::from("obanctl --profile demo");
        for arg in self.args {
            line.push(' ');
            if arg.contains(' ') || arg.contains('\'') {
                line.push_str(&format!("'{}'", arg.replace('\'', "'\\''")));
            } else {
                line.push_str(arg);
            }
        }
        line
    }

    /// The full argument vector, `--profile demo` included.
    pub fn argv(&self) -> Vec<&'static str> {
        let mut argv = vec!["--profile", PROFILE];
        argv.extend_from_slice(self.args);
        argv
    }
}

pub const TOUR: &[TourStep] = &[
    TourStep {
        what: "Health check: finds the planted problems (an INVALID index from a failed concurrent build, a queue nobody consumes, jobs stuck on a node that died, retryable jobs past their deadline). Exit 2 because of the error.",
        args: &["doctor"],
        exit_code: 2,
    },
    TourStep {
        what: "Why is the index invalid, and what fixes it?",
        args: &["doctor", "--explain", "index_validity"],
        exit_code: 0,
    },
    TourStep {
        what: "The failed batch: 420 e-mails discarded during an SMTP outage.",
        args: &["jobs", "list", "--state", "discarded", "--queue", "mailers", "--limit", "5"],
        exit_code: 0,
    },
    TourStep {
        what: "One of them, with its error history.",
        args: &["jobs", "show", "18701"],
        exit_code: 0,
    },
    TourStep {
        what: "Preview the retry of the whole batch (changes nothing).",
        args: &["--actor", "ops-demo", "jobs", "retry", "--state", "discarded", "--queue", "mailers", "--reason", "SMTP provider outage is over", "--dry-run"],
        exit_code: 0,
    },
    TourStep {
        what: "Retry it as ops-demo: in batches, one audit row per job.",
        args: &["--actor", "ops-demo", "jobs", "retry", "--state", "discarded", "--queue", "mailers", "--reason", "SMTP provider outage is over", "--yes"],
        exit_code: 0,
    },
    TourStep {
        what: "Cron entries with their next fire times.",
        args: &["cron", "list"],
        exit_code: 0,
    },
    TourStep {
        what: "Pause the nightly sync as ops-demo.",
        args: &["--actor", "ops-demo", "cron", "pause", "nightly_sync", "--reason", "pausing during the data migration", "--yes"],
        exit_code: 0,
    },
    TourStep {
        what: "Why the Stripe limiter blocks one account: its hourly budget is used up and Stripe asked it to back off (exit 1: blocked).",
        args: &["limiter", "explain", "stripe_api", "--partition", "acct_blocked"],
        exit_code: 1,
    },
    TourStep {
        what: "The nightly import workflow: what failed, what waits on what.",
        args: &["workflow", "inspect", "nightly_import"],
        exit_code: 0,
    },
    TourStep {
        what: "Everything you just changed, in the audit trail.",
        args: &["audit", "tail", "--limit", "8"],
        exit_code: 0,
    },
    TourStep {
        what: "Check that nobody edited the trail.",
        args: &["audit", "verify"],
        exit_code: 0,
    },
];

/// How the demo was set up, kept next to the cluster so `demo down` can undo exactly that.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum DemoState {
    /// The schema on a server that was already running.
    Server {
        /// `None`: the connection came from libpq's `PG*` variables.
        database_url: Option<String>,
    },
    /// A throwaway cluster obanctl started.
    Private {
        data_dir: PathBuf,
        bin_dir: PathBuf,
        socket_dir: PathBuf,
        port: u16,
        /// The system user the server runs as, when obanctl runs as root.
        run_as: Option<String>,
    },
}

impl DemoState {
    pub fn database_url(&self) -> Option<String> {
        match self {
            DemoState::Server { database_url } => database_url.clone(),
            DemoState::Private {
                socket_dir, port, ..
            } => Some(private_url(socket_dir, *port)),
        }
    }
}

/// A libpq URI for a Unix socket in `socket_dir`.
pub fn private_url(socket_dir: &Path, port: u16) -> String {
    format!(
        "postgresql://{CLUSTER_USER}@/postgres?host={}&port={port}",
        percent_encoding::utf8_percent_encode(
            &socket_dir.to_string_lossy(),
            percent_encoding::NON_ALPHANUMERIC
        )
    )
}

/// Where the demo keeps its state and private cluster: `$OBANCTL_DEMO_DIR`, else the user's data
/// directory. Root's home is not reachable by the unprivileged user the server then runs as, so
/// root uses `/var/lib/obanctl`.
pub fn home(
    override_dir: Option<PathBuf>,
    is_root: bool,
    data_dir: Option<PathBuf>,
) -> Option<PathBuf> {
    override_dir.or_else(|| {
        if is_root {
            Some(PathBuf::from("/var/lib/obanctl"))
        } else {
            data_dir.map(|d| d.join("obanctl"))
        }
    })
}

/// Unix socket paths are limited to about 107 bytes; a deep data directory falls back to /tmp.
pub fn socket_dir(data_dir: &Path, port: u16) -> PathBuf {
    let candidate = data_dir.to_path_buf();
    if candidate.join(format!(".s.PGSQL.{port}")).as_os_str().len() < 100 {
        candidate
    } else {
        PathBuf::from("/tmp")
    }
}

/// Directories that may hold `initdb` and `pg_ctl`, best first: `$OBANCTL_PG_BIN` alone when set,
/// else `PATH`, then the distributions' standard places (newest version first).
pub fn bin_dir_candidates(
    override_dir: Option<PathBuf>,
    path_var: Option<&std::ffi::OsStr>,
) -> Vec<PathBuf> {
    if let Some(dir) = override_dir {
        return vec![dir];
    }
    let mut dirs: Vec<PathBuf> = path_var
        .map(|p| std::env::split_paths(p).collect())
        .unwrap_or_default();
    let mut versioned = Vec::new();
    for pattern_dir in [
        "/usr/lib/postgresql",
        "/usr/local/opt",
        "/opt/homebrew/opt",
        "/usr",
    ] {
        if let Ok(entries) = std::fs::read_dir(pattern_dir) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().to_string();
                let bin = match pattern_dir {
                    "/usr/lib/postgresql" => entry.path().join("bin"),
                    "/usr" if name.starts_with("pgsql-") => entry.path().join("bin"),
                    "/usr/local/opt" | "/opt/homebrew/opt" if name.starts_with("postgresql") => {
                        entry.path().join("bin")
                    }
                    _ => continue,
                };
                let version: u32 = name
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
                    .parse()
                    .unwrap_or(0);
                versioned.push((version, bin));
            }
        }
    }
    versioned.sort_by_key(|v| std::cmp::Reverse(v.0));
    dirs.extend(versioned.into_iter().map(|(_, dir)| dir));
    dirs.push(PathBuf::from("/usr/local/pgsql/bin"));
    dirs.push(PathBuf::from(
        "/Applications/Postgres.app/Contents/Versions/latest/bin",
    ));
    dirs
}

pub const INSTALL_HINT: &str = "install the PostgreSQL server (Debian/Ubuntu: `apt install postgresql`; Fedora/RHEL: `dnf install postgresql-server`; macOS: `brew install postgresql@16`), or set OBANCTL_PG_BIN to the directory holding initdb and pg_ctl; or point obanctl at a running server with --database-url";

/// The config file with a `[profiles.demo]` pointing at the demo (other content kept as written).
pub fn with_profile(config: &str, database_url: Option<&str>) -> Result<String, String> {
    let mut doc: toml_edit::DocumentMut = config.parse().map_err(|e| format!("{e}"))?;
    let profiles = doc
        .entry("profiles")
        .or_insert_with(|| {
            let mut table = toml_edit::Table::new();
            table.set_implicit(true);
            toml_edit::Item::Table(table)
        })
        .as_table_mut()
        .ok_or("`profiles` in the config file is not a table")?;
    let mut profile = toml_edit::Table::new();
    if let Some(url) = database_url {
        profile["database_url"] = toml_edit::value(url);
    }
    profile["prefix"] = toml_edit::value(SCHEMA);
    profile["powertools_schema"] = toml_edit::value(SCHEMA);
    profile
        .decor_mut()
        .set_prefix("\n# Written by `obanctl demo up`, removed by `obanctl demo down`.\n");
    profiles.insert(PROFILE, toml_edit::Item::Table(profile));
    Ok(doc.to_string())
}

/// The config file without the demo profile (and without `[profiles]` if it held only that).
pub fn without_profile(config: &str) -> Result<String, String> {
    let mut doc: toml_edit::DocumentMut = config.parse().map_err(|e| format!("{e}"))?;
    if let Some(profiles) = doc.get_mut("profiles").and_then(|p| p.as_table_mut()) {
        profiles.remove(PROFILE);
        if profiles.is_empty() {
            doc.remove("profiles");
        }
    }
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_is_added_and_removed_without_touching_the_rest() {
        let original = "# mine\nprefix = \"jobs\" # keep this comment\n\n[profiles.prod]\ndatabase_url = \"postgres://prod\"\n";
        let with = with_profile(
            original,
            Some("postgresql://obanctl@/postgres?host=%2Ftmp&port=5999"),
        )
        .unwrap();
        assert!(with.starts_with(original), "{with}");
        let parsed: toml::Table = with.parse().unwrap();
        assert_eq!(parsed["profiles"]["demo"]["prefix"].as_str(), Some(SCHEMA));
        assert_eq!(
            parsed["profiles"]["prod"]["database_url"].as_str(),
            Some("postgres://prod")
        );
        let again = with_profile(&with, None).unwrap();
        let parsed: toml::Table = again.parse().unwrap();
        assert!(
            parsed["profiles"]["demo"].get("database_url").is_none(),
            "replaced, not merged"
        );
        assert_eq!(
            without_profile(&with).unwrap().trim_end(),
            original.trim_end()
        );
        assert_eq!(
            without_profile(&with_profile("", None).unwrap())
                .unwrap()
                .trim(),
            ""
        );
    }

    #[test]
    fn tour_commands_quote_what_needs_quoting() {
        let step = TOUR.iter().find(|s| s.args.contains(&"pause")).unwrap();
        assert_eq!(
            step.command_line(),
            "obanctl --profile demo --actor ops-demo cron pause nightly_sync --reason 'pausing during the data migration' --yes"
        );
        assert_eq!(step.argv()[..2], ["--profile", "demo"]);
    }

    #[test]
    fn private_urls_encode_the_socket_directory() {
        assert_eq!(
            private_url(Path::new("/var/lib/obanctl/demo cluster"), 5999),
            "postgresql://obanctl@/postgres?host=%2Fvar%2Flib%2Fobanctl%2Fdemo%20cluster&port=5999"
        );
        let long = PathBuf::from(format!("/{}", "d".repeat(120)));
        assert_eq!(socket_dir(&long, 5999), PathBuf::from("/tmp"));
        assert_eq!(
            socket_dir(Path::new("/var/lib/x"), 5999),
            PathBuf::from("/var/lib/x")
        );
    }

    #[test]
    fn root_keeps_the_demo_where_the_server_user_can_reach_it() {
        assert_eq!(
            home(None, true, Some("/root/.local/share".into())),
            Some("/var/lib/obanctl".into())
        );
        assert_eq!(
            home(None, false, Some("/home/a/.local/share".into())),
            Some("/home/a/.local/share/obanctl".into())
        );
        assert_eq!(home(Some("/x".into()), true, None), Some("/x".into()));
    }
}
