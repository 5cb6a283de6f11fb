//! `obanctl demo up|tour|down`, on the running server and with no server at all (a private
//! cluster): the README's quick start run verbatim, and every tour step run exactly as printed,
//! through a shell.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::common::{
    base_cmd, cli_database_url, connect, json_lines, of_kind, one_of_kind, processes_mentioning,
    shell,
};

/// A user's world: HOME and config in a temporary directory, which is also the working directory
/// (a project with `./target/release/obanctl` built in it), the demo's own directory reachable by
/// the unprivileged user a root-run cluster uses.
struct Sandbox {
    dir: tempfile::TempDir,
    /// Set as DATABASE_URL for everything run here (a user who exported it).
    database_url: Option<String>,
}

impl Sandbox {
    fn new(database_url: Option<&str>) -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        // What `cargo build --release` leaves in a checkout.
        let release = dir.path().join("target/release");
        std::fs::create_dir_all(&release).unwrap();
        std::os::unix::fs::symlink(
            assert_cmd::cargo::cargo_bin("obanctl"),
            release.join("obanctl"),
        )
        .unwrap();
        Sandbox {
            dir,
            database_url: database_url.map(str::to_string),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn demo_dir(&self) -> PathBuf {
        self.path().join("demo")
    }

    fn config_file(&self) -> PathBuf {
        self.path().join("config/obanctl/obanctl.toml")
    }

    fn env(&self, mut cmd: assert_cmd::Command) -> assert_cmd::Command {
        cmd.env_remove("OBANCTL_ACTOR")
            .env("OBANCTL_DEMO_DIR", self.demo_dir());
        if let Some(url) = &self.database_url {
            cmd.env("DATABASE_URL", url);
        }
        cmd.timeout(std::time::Duration::from_secs(180));
        cmd
    }

    /// obanctl as a new user would run it: no actor configured.
    fn cmd(&self) -> assert_cmd::Command {
        self.env(base_cmd(self.path()))
    }

    /// A line typed into a shell here.
    fn sh(&self, line: &str) -> assert_cmd::Command {
        self.env(shell(self.path(), line))
    }

    /// A line typed into a shell whose PATH holds obanctl.
    fn sh_with_obanctl_on_path(&self, line: &str) -> assert_cmd::Command {
        let path = format!(
            "{}:{}",
            self.path().join("target/release").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut cmd = self.sh(line);
        cmd.env("PATH", path);
        cmd
    }

    /// Runs every command in the printed tour `text` through the shell and checks each ends with
    /// the exit code the tour documents (`tour_json`: the same tour as JSON lines).
    fn run_printed_tour(&self, text: &str, tour_json: &[u8], on_path: bool) {
        let steps = of_kind(&json_lines(tour_json), "tour_step");
        assert!(steps.len() >= 10, "{steps:?}");
        let commands: Vec<&str> = text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("export "))
            .collect();
        assert_eq!(commands.len(), steps.len(), "{text}");
        for (command, step) in commands.iter().zip(&steps) {
            assert_eq!(
                step["command"], *command,
                "the JSON tour shows the printed line"
            );
            let run = if on_path {
                self.sh_with_obanctl_on_path(command)
            } else {
                self.sh(command)
            }
            .output()
            .unwrap();
            assert_eq!(
                run.status.code(),
                step["exit_code"].as_i64().map(|c| c as i32),
                "`{command}`:\n{}\n{}",
                String::from_utf8_lossy(&run.stdout),
                String::from_utf8_lossy(&run.stderr)
            );
        }
    }

    fn assert_profile(&self, present: bool) {
        let text = std::fs::read_to_string(self.config_file()).unwrap_or_default();
        assert_eq!(text.contains("[profiles.demo]"), present, "{text}");
    }
}

fn stdout(output: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&output.get_output().stdout).to_string()
}

fn stderr(output: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&output.get_output().stderr).to_string()
}

/// The README's quick start, without the build (the test binary is already built).
fn quick_start() -> String {
    let readme = include_str!("../../README.md");
    let section = &readme[readme
        .find("## Quick start")
        .expect("a quick start section")..];
    let block = &section[section.find("```sh\n").unwrap() + 6..];
    let line = block.lines().next().unwrap();
    line.strip_prefix("cargo build --release && ")
        .unwrap_or_else(|| panic!("the quick start builds, then runs the release binary: {line}"))
        .to_string()
}

fn schema_comment() -> Option<String> {
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
        c: Option<String>,
    }
    use diesel::RunQueryDsl;
    diesel::sql_query(
        "SELECT obj_description(oid, 'pg_namespace') AS c FROM pg_namespace WHERE nspname = 'obanctl_demo'",
    )
    .load::<Row>(&mut connect())
    .unwrap()
    .into_iter()
    .next()
    .map(|r| r.c.unwrap_or_default())
}

const ALL_EXPORTS: &str =
    "unset OBANCTL_PROFILE OBANCTL_DATABASE_URL OBANCTL_PREFIX OBANCTL_POWERTOOLS_SCHEMA\n";

/// Where a developer's own demo (an `obanctl_demo` on the same server, from the README's quick
/// start) waits while the test below runs its own: it is put back when the test ends, pass or
/// fail, so running the tests never wipes the demo someone is trying.
const SET_ASIDE: &str = "obanctl_demo_set_aside_by_tests";

struct DemoSetAside;

impl DemoSetAside {
    fn new() -> DemoSetAside {
        use diesel::connection::SimpleConnection;
        // A set-aside schema left by an interrupted run is the developer's: keep it as it is.
        connect()
            .batch_execute(&format!(
                "DO $$ BEGIN \
                   IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'obanctl_demo') \
                      AND NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '{SET_ASIDE}') THEN \
                     ALTER SCHEMA obanctl_demo RENAME TO {SET_ASIDE}; \
                   END IF; \
                 END $$"
            ))
            .unwrap();
        DemoSetAside
    }
}

impl Drop for DemoSetAside {
    fn drop(&mut self) {
        use diesel::connection::SimpleConnection;
        let _ = connect().batch_execute(&format!(
            "DO $$ BEGIN \
               IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '{SET_ASIDE}') THEN \
                 DROP SCHEMA IF EXISTS obanctl_demo CASCADE; \
                 ALTER SCHEMA {SET_ASIDE} RENAME TO obanctl_demo; \
               END IF; \
             END $$"
        ));
    }
}

#[test]
fn the_readme_quick_start_and_its_tour_work_as_printed_and_down_removes_every_demo() {
    use diesel::connection::SimpleConnection;
    let _kept = DemoSetAside::new();
    let url = cli_database_url();
    let sandbox = Sandbox::new(Some(&url));
    // A project's own config file, which may be committed: the demo never writes into it.
    let project_config = "lock_timeout = \"3s\"\n";
    std::fs::write(sandbox.path().join("obanctl.toml"), project_config).unwrap();

    // Someone else's obanctl_demo is never replaced.
    connect()
        .batch_execute("DROP SCHEMA IF EXISTS obanctl_demo CASCADE; CREATE SCHEMA obanctl_demo")
        .unwrap();
    sandbox
        .cmd()
        .args(["demo", "up"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "not created by `obanctl demo up`",
        ));
    connect().batch_execute("DROP SCHEMA obanctl_demo").unwrap();
    sandbox
        .cmd()
        .args(["--prefix", "public", "demo", "up"])
        .assert()
        .code(64);

    let up = sandbox.sh(&quick_start()).assert().success();
    let printed = stdout(&up);
    assert!(
        printed.contains("export OBANCTL_PROFILE=demo\n"),
        "{printed}"
    );
    assert!(
        printed.contains("export OBANCTL_PREFIX=obanctl_demo\n"),
        "{printed}"
    );
    assert!(
        printed.contains("\n./target/release/obanctl --profile demo doctor\n"),
        "the tour names the binary the quick start built: {printed}"
    );
    assert!(
        stderr(&up).contains("Next: ./target/release/obanctl demo tour"),
        "{}",
        stderr(&up)
    );
    assert!(schema_comment().unwrap().starts_with("obanctl demo"));
    sandbox.assert_profile(true);
    assert_eq!(
        std::fs::read_to_string(sandbox.path().join("obanctl.toml")).unwrap(),
        project_config,
        "the project's config file is untouched"
    );
    let jobs = crate::common::TestSchema::named("obanctl_demo_probe".into());
    let count = jobs.int("SELECT count(*)::bigint AS v FROM obanctl_demo.oban_jobs");
    assert!((18_000..=22_000).contains(&count), "{count} jobs");
    let states = jobs.int("SELECT count(DISTINCT state)::bigint AS v FROM obanctl_demo.oban_jobs");
    assert_eq!(states, 7, "every state but suspended");

    let tour_json = sandbox
        .sh("./target/release/obanctl --format json demo tour")
        .assert()
        .success();
    sandbox.run_printed_tour(&printed, &tour_json.get_output().stdout, false);
    let discarded = || {
        jobs.int("SELECT count(*)::bigint AS v FROM obanctl_demo.oban_jobs WHERE state = 'discarded' AND queue = 'mailers'")
    };
    assert_eq!(discarded(), 0, "the tour retried the failed batch");

    // A private demo beside it: both are tracked.
    let private = sandbox
        .cmd()
        .args(["demo", "up", "--private"])
        .assert()
        .success();
    assert!(
        stdout(&private)
            .contains("export OBANCTL_DATABASE_URL='postgresql://obanctl@/postgres?host="),
        "{}",
        stdout(&private)
    );
    let cluster = sandbox.demo_dir().join("cluster");
    assert!(
        !processes_mentioning(&cluster).is_empty(),
        "the server runs"
    );
    assert_eq!(discarded(), 0, "the server's demo is left as it was");

    // An explicit URL wins over the private demo: the server's demo is rebuilt fresh.
    let again = sandbox
        .cmd()
        .args(["--format", "json", "--database-url", &url, "demo", "up"])
        .assert()
        .success();
    assert!(!stderr(&again).contains("reusing the private demo cluster"));
    let lines = json_lines(&again.get_output().stdout);
    let ready = one_of_kind(&lines, "demo");
    assert_eq!(ready["mode"], "server");
    assert_eq!(one_of_kind(&lines, "summary")["operation"], "demo_up");
    assert_eq!(discarded(), 420);

    let down = sandbox
        .cmd()
        .args(["--format", "json", "demo", "down"])
        .assert()
        .success();
    let lines = json_lines(&down.get_output().stdout);
    let removed = one_of_kind(&lines, "demo_removed");
    let outcomes: Vec<(&str, &str)> = removed["demos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["mode"].as_str().unwrap(), d["outcome"].as_str().unwrap()))
        .collect();
    assert_eq!(outcomes, [("private", "deleted"), ("server", "dropped")]);
    let exported: Vec<&str> = ready["exports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    assert_eq!(removed["unset"], serde_json::json!(exported));
    assert_eq!(one_of_kind(&lines, "summary")["changed"], 2);
    assert_eq!(schema_comment(), None, "schema dropped");
    assert!(
        processes_mentioning(&cluster).is_empty(),
        "the server stopped"
    );
    sandbox.assert_profile(false);
    assert!(
        !sandbox.demo_dir().exists(),
        "nothing left in the demo directory"
    );
    assert_eq!(
        std::fs::read_to_string(sandbox.path().join("obanctl.toml")).unwrap(),
        project_config
    );
}

#[test]
fn without_a_server_a_private_cluster_is_started_and_down_leaves_nothing() {
    let sandbox = Sandbox::new(Some(
        "postgres://nobody@127.0.0.1:1/postgres?connect_timeout=2",
    ));
    let up = sandbox
        .sh_with_obanctl_on_path("obanctl demo up")
        .assert()
        .success();
    let err = stderr(&up);
    assert!(
        err.contains("starting a private throwaway PostgreSQL"),
        "{err}"
    );
    let exports = stdout(&up);
    assert!(
        exports.contains("export OBANCTL_DATABASE_URL='postgresql://obanctl@/postgres?host="),
        "{exports}"
    );
    let cluster = sandbox.demo_dir().join("cluster");
    assert!(cluster.join("PG_VERSION").is_file());
    assert!(
        !processes_mentioning(&cluster).is_empty(),
        "the server runs"
    );
    sandbox.assert_profile(true);

    // With obanctl found on PATH, the tour names it so, and runs through the profile alone.
    let tour = sandbox
        .sh_with_obanctl_on_path("obanctl demo tour")
        .assert()
        .success();
    let tour = stdout(&tour);
    assert!(tour.contains("\nobanctl --profile demo doctor\n"), "{tour}");
    let tour_json = sandbox
        .sh_with_obanctl_on_path("obanctl --format json demo tour")
        .assert()
        .success();
    // A user without the unreachable DATABASE_URL of the first attempt.
    let plain = Sandbox {
        database_url: None,
        ..sandbox
    };
    plain.run_printed_tour(&tour, &tour_json.get_output().stdout, true);

    let down = plain
        .sh_with_obanctl_on_path("obanctl demo down")
        .assert()
        .success();
    assert_eq!(stdout(&down), ALL_EXPORTS, "undoes the export lines");
    assert!(!plain.demo_dir().exists(), "cluster and state deleted");
    assert!(
        processes_mentioning(&cluster).is_empty(),
        "the server stopped"
    );
    plain.assert_profile(false);
}

#[test]
fn with_neither_a_server_nor_server_binaries_it_says_what_to_install() {
    let sandbox = Sandbox::new(Some(
        "postgres://nobody@127.0.0.1:1/postgres?connect_timeout=2",
    ));
    let empty = tempfile::tempdir().unwrap();
    sandbox
        .cmd()
        .env("OBANCTL_PG_BIN", empty.path())
        .args(["demo", "up"])
        .assert()
        .code(69)
        .stderr(predicates::str::contains("apt install postgresql"));
    assert!(
        !sandbox.config_file().exists(),
        "no profile for a demo that does not exist"
    );
}
