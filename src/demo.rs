//! The demo's fixed parts: its schema, the tour, what `demo up` made (and so what `demo down`
//! removes), where the next `demo up` builds, the `export` lines and the `demo` profile in the
//! config file. No database access here; the private cluster itself is [`crate::cluster`].

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use crate::cluster::Cluster;

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

pub struct TourStep {
    pub what: &'static str,
    pub args: &'static [&'static str],
    /// The exit code the step ends with on a fresh demo.
    pub exit_code: i32,
}

impl TourStep {
    /// The command as a person types it: `program` (the obanctl the user ran), `--profile demo`,
    /// then the arguments, each quoted for a POSIX shell where needed.
    pub fn command_line(&self, program: &str) -> String {
        std::iter::once(program)
            .chain(self.argv())
            .map(shell_quote)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The full argument vector, `--profile demo` included.
    pub fn argv(&self) -> Vec<&'static str> {
        let mut argv = vec!["--profile", PROFILE];
        argv.extend_from_slice(self.args);
        argv
    }
}

/// `word` as one word for a POSIX shell: as it is when it has nothing special, else in single
/// quotes.
pub fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,@%+".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// How to run obanctl again the way the user just did, from `argv[0]`: a path as given when they
/// ran a path (`./target/release/obanctl`), the bare name when the shell found it on `PATH`.
pub fn program_name(argv0: Option<&std::ffi::OsStr>) -> String {
    match argv0.map(|a| a.to_string_lossy()) {
        Some(name) if !name.trim().is_empty() => name.into_owned(),
        _ => "obanctl".to_string(),
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

/// One demo `demo up` made: the schema on a server that was already running, or a private
/// cluster obanctl started (written as `{"mode": "server"|"private", ...}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Demo {
    Server {
        /// `None`: the connection came from libpq's defaults and `PG*` variables.
        database_url: Option<String>,
    },
    Private(Cluster),
}

impl Demo {
    pub fn database_url(&self) -> Option<String> {
        match self {
            Demo::Server { database_url } => database_url.clone(),
            Demo::Private(cluster) => Some(cluster.url()),
        }
    }
}

/// Every demo `demo up` made and `demo down` has not removed yet, oldest first; the `demo`
/// profile points at the last one.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DemoState {
    pub demos: Vec<Demo>,
}

/// The state file as written now, or as a single demo (what older versions wrote).
#[derive(Deserialize)]
#[serde(untagged)]
enum StateFile {
    Current { demos: Vec<Demo> },
    Single(Demo),
}

impl<'de> Deserialize<'de> for DemoState {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match StateFile::deserialize(d)? {
            StateFile::Current { demos } => DemoState { demos },
            StateFile::Single(demo) => DemoState { demos: vec![demo] },
        })
    }
}

impl DemoState {
    pub fn private(&self) -> Option<&Cluster> {
        self.demos.iter().find_map(|d| match d {
            Demo::Private(cluster) => Some(cluster),
            Demo::Server { .. } => None,
        })
    }

    /// The demo the profile points at.
    pub fn current(&self) -> Option<&Demo> {
        self.demos.last()
    }

    /// Records `demo` as the current one. The same target is kept once (there is at most one
    /// private cluster, and one entry per server URL); other demos stay tracked.
    pub fn record(&mut self, demo: Demo) {
        self.demos.retain(|d| match (d, &demo) {
            (Demo::Private(_), Demo::Private(_)) => false,
            (Demo::Server { database_url: a }, Demo::Server { database_url: b }) => a != b,
            _ => true,
        });
        self.demos.push(demo);
    }
}

/// Where the next `demo up` builds the demo.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// The recorded private cluster, restarted if need be.
    ReusePrivate(Cluster),
    /// A new private cluster.
    NewPrivate,
    /// A server; `fallback`: start a private cluster if it cannot be used.
    Server {
        database_url: Option<String>,
        fallback: bool,
    },
}

/// How `demo up` chooses: `--private` means a private cluster; a URL the user gave (flag,
/// environment, their config) always wins over a recorded demo, and an explicit `--database-url`
/// that does not work is an error, not a reason to start something else; without a URL the
/// current demo is rebuilt where it is, else libpq's defaults are tried before a private cluster.
pub fn choose_target(
    state: &DemoState,
    private: bool,
    given_url: Option<&str>,
    url_is_flag: bool,
) -> Target {
    let reuse_or_new = || match state.private() {
        Some(cluster) => Target::ReusePrivate(cluster.clone()),
        None => Target::NewPrivate,
    };
    if private {
        return reuse_or_new();
    }
    if let Some(url) = given_url {
        // The exported demo URL of the private cluster names that cluster.
        if state.private().is_some_and(|c| c.url() == url) {
            return reuse_or_new();
        }
        return Target::Server {
            database_url: Some(url.to_string()),
            fallback: !url_is_flag,
        };
    }
    match state.current() {
        Some(Demo::Private(cluster)) => Target::ReusePrivate(cluster.clone()),
        Some(Demo::Server { database_url }) => Target::Server {
            database_url: database_url.clone(),
            fallback: true,
        },
        None => Target::Server {
            database_url: None,
            fallback: true,
        },
    }
}

/// The environment `eval "$(obanctl demo up)"` sets: the profile, the URL when it can be shown
/// (`None` when it carries a password: it stays in the profile), and the schemas.
pub fn exports(database_url: Option<&str>, has_password: bool) -> Vec<(String, String)> {
    let mut vars = vec![("OBANCTL_PROFILE".to_string(), PROFILE.to_string())];
    if let Some(url) = database_url.filter(|_| !has_password) {
        vars.push(("OBANCTL_DATABASE_URL".into(), url.to_string()));
    }
    vars.push(("OBANCTL_PREFIX".into(), SCHEMA.into()));
    vars.push(("OBANCTL_POWERTOOLS_SCHEMA".into(), SCHEMA.into()));
    vars
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
    fn tour_commands_start_with_the_program_as_run_and_quote_what_needs_quoting() {
        let step = TOUR.iter().find(|s| s.args.contains(&"pause")).unwrap();
        assert_eq!(
            step.command_line("./target/release/obanctl"),
            "./target/release/obanctl --profile demo --actor ops-demo cron pause nightly_sync --reason 'pausing during the data migration' --yes"
        );
        assert_eq!(step.argv()[..2], ["--profile", "demo"]);
        assert!(step
            .command_line("/opt/my tools/obanctl")
            .starts_with("'/opt/my tools/obanctl' --profile demo "));
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("a;b"), "'a;b'");
    }

    #[test]
    fn the_program_is_named_as_the_user_ran_it() {
        use std::ffi::OsStr;
        assert_eq!(
            program_name(Some(OsStr::new("./target/release/obanctl"))),
            "./target/release/obanctl"
        );
        assert_eq!(program_name(Some(OsStr::new("obanctl"))), "obanctl");
        assert_eq!(
            program_name(Some(OsStr::new("/usr/local/bin/obanctl"))),
            "/usr/local/bin/obanctl"
        );
        assert_eq!(program_name(Some(OsStr::new(""))), "obanctl");
        assert_eq!(program_name(None), "obanctl");
    }

    fn cluster(port: u16) -> Cluster {
        Cluster {
            data_dir: "/d/cluster".into(),
            bin_dir: "/usr/lib/postgresql/15/bin".into(),
            socket_dir: "/d/cluster".into(),
            port,
            run_as: None,
        }
    }

    #[test]
    fn both_kinds_of_demo_stay_tracked_and_the_last_is_current() {
        let mut state = DemoState::default();
        state.record(Demo::Server {
            database_url: Some("postgres://a/x".into()),
        });
        state.record(Demo::Private(cluster(1)));
        state.record(Demo::Private(cluster(2)));
        state.record(Demo::Server {
            database_url: Some("postgres://a/x".into()),
        });
        assert_eq!(
            state.demos,
            vec![
                Demo::Private(cluster(2)),
                Demo::Server {
                    database_url: Some("postgres://a/x".into())
                }
            ]
        );
        let text = serde_json::to_string(&state).unwrap();
        assert_eq!(serde_json::from_str::<DemoState>(&text).unwrap(), state);
        // What older versions wrote: one demo.
        let old = r#"{"mode":"server","database_url":null}"#;
        assert_eq!(
            serde_json::from_str::<DemoState>(old).unwrap().demos,
            vec![Demo::Server { database_url: None }]
        );
        let old = r#"{"mode":"private","data_dir":"/d/cluster","bin_dir":"/usr/lib/postgresql/15/bin","socket_dir":"/d/cluster","port":1,"run_as":null}"#;
        assert_eq!(
            serde_json::from_str::<DemoState>(old).unwrap().demos,
            vec![Demo::Private(cluster(1))]
        );
    }

    #[test]
    fn an_explicit_url_wins_over_a_private_demo() {
        let mut state = DemoState::default();
        state.record(Demo::Private(cluster(7)));
        assert_eq!(
            choose_target(&state, false, Some("postgres://srv/db"), true),
            Target::Server {
                database_url: Some("postgres://srv/db".into()),
                fallback: false
            }
        );
        assert_eq!(
            choose_target(&state, false, Some("postgres://srv/db"), false),
            Target::Server {
                database_url: Some("postgres://srv/db".into()),
                fallback: true
            }
        );
        // The private cluster's own URL (exported by `eval "$(obanctl demo up)"`) names it.
        let own = cluster(7).url();
        assert_eq!(
            choose_target(&state, false, Some(&own), false),
            Target::ReusePrivate(cluster(7))
        );
        assert_eq!(
            choose_target(&state, false, None, false),
            Target::ReusePrivate(cluster(7))
        );
        assert_eq!(
            choose_target(&DemoState::default(), true, Some("postgres://srv/db"), true),
            Target::NewPrivate
        );
        assert_eq!(
            choose_target(&DemoState::default(), false, None, false),
            Target::Server {
                database_url: None,
                fallback: true
            }
        );
    }

    #[test]
    fn exports_hide_a_url_with_a_password() {
        let names = |v: Vec<(String, String)>| v.into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        assert_eq!(
            names(exports(Some("postgres://u@h/d"), false)),
            [
                "OBANCTL_PROFILE",
                "OBANCTL_DATABASE_URL",
                "OBANCTL_PREFIX",
                "OBANCTL_POWERTOOLS_SCHEMA"
            ]
        );
        assert!(!names(exports(Some("postgres://u:pw@h/d"), true))
            .contains(&"OBANCTL_DATABASE_URL".to_string()));
        assert_eq!(exports(None, false).len(), 3);
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
