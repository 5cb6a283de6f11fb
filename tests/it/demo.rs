//! `obanctl demo up|tour|down`, on the running server and with no server at all (a private
//! cluster), with every tour step run exactly as printed.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::{base_cmd, cli_database_url, connect};

/// A user's world: HOME and config in a temporary directory, the demo's own directory reachable
/// by the unprivileged user a root-run cluster uses.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        Sandbox { dir }
    }

    fn demo_dir(&self) -> std::path::PathBuf {
        self.dir.path().join("demo")
    }

    fn config_file(&self) -> std::path::PathBuf {
        self.dir.path().join("config/obanctl/obanctl.toml")
    }

    /// obanctl as a new user would run it: no actor configured, `database_url` as given.
    fn cmd(&self, database_url: Option<&str>) -> assert_cmd::Command {
        let mut cmd = base_cmd(self.dir.path());
        cmd.env_remove("OBANCTL_ACTOR")
            .env("OBANCTL_DEMO_DIR", self.demo_dir());
        if let Some(url) = database_url {
            cmd.env("DATABASE_URL", url);
        }
        cmd.timeout(std::time::Duration::from_secs(180));
        cmd
    }

    /// Runs every tour step as printed and checks each ends as the tour says.
    fn run_tour(&self) {
        let out = self
            .cmd(None)
            .args(["--format", "json", "demo", "tour"])
            .assert()
            .success();
        let steps = crate::common::json_lines(&out.get_output().stdout);
        assert!(steps.len() >= 10);
        let human = self.cmd(None).args(["demo", "tour"]).assert().success();
        let human = String::from_utf8_lossy(&human.get_output().stdout).to_string();
        for step in &steps {
            let command = step["command"].as_str().unwrap();
            assert!(
                human.contains(command),
                "the printed tour shows `{command}`"
            );
            let argv: Vec<String> = step["argv"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect();
            let output = self.cmd(None).args(&argv).output().unwrap();
            assert_eq!(
                output.status.code(),
                step["exit_code"].as_i64().map(|c| c as i32),
                "`{command}`:\n{}\n{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }

    fn assert_profile(&self, present: bool) {
        let text = std::fs::read_to_string(self.config_file()).unwrap_or_default();
        assert_eq!(text.contains("[profiles.demo]"), present, "{text}");
    }
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

#[test]
fn on_a_running_server_the_demo_is_one_schema_and_down_removes_it() {
    use diesel::connection::SimpleConnection;
    let sandbox = Sandbox::new();
    let url = cli_database_url();
    // Someone else's obanctl_demo is never replaced.
    connect()
        .batch_execute("DROP SCHEMA IF EXISTS obanctl_demo CASCADE; CREATE SCHEMA obanctl_demo")
        .unwrap();
    sandbox
        .cmd(Some(&url))
        .args(["demo", "up"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "not created by `obanctl demo up`",
        ));
    connect().batch_execute("DROP SCHEMA obanctl_demo").unwrap();
    sandbox
        .cmd(Some(&url))
        .args(["--prefix", "public", "demo", "up"])
        .assert()
        .code(64);

    let up = sandbox
        .cmd(Some(&url))
        .args(["demo", "up"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&up.get_output().stdout).to_string();
    assert!(stdout.contains("export OBANCTL_PROFILE=demo"), "{stdout}");
    assert!(
        stdout.contains("export OBANCTL_PREFIX=obanctl_demo"),
        "{stdout}"
    );
    assert!(schema_comment().unwrap().starts_with("obanctl demo"));
    sandbox.assert_profile(true);
    let jobs = crate::common::TestSchema::named("obanctl_demo_probe".into());
    let count = jobs.int("SELECT count(*)::bigint AS v FROM obanctl_demo.oban_jobs");
    assert!((18_000..=22_000).contains(&count), "{count} jobs");
    let states = jobs.int("SELECT count(DISTINCT state)::bigint AS v FROM obanctl_demo.oban_jobs");
    assert_eq!(states, 7, "every state but suspended");

    sandbox.run_tour();
    // Running up again rebuilds the demo fresh (the retried batch is discarded again).
    sandbox
        .cmd(Some(&url))
        .args(["demo", "up"])
        .assert()
        .success();
    assert_eq!(
        jobs.int("SELECT count(*)::bigint AS v FROM obanctl_demo.oban_jobs WHERE state = 'discarded' AND queue = 'mailers'"),
        420
    );

    sandbox
        .cmd(Some(&url))
        .args(["demo", "down"])
        .assert()
        .success();
    assert_eq!(schema_comment(), None, "schema dropped");
    sandbox.assert_profile(false);
    assert!(
        !sandbox.demo_dir().exists(),
        "nothing left in the demo directory"
    );
}

fn processes_mentioning(path: &Path) -> Vec<String> {
    let needle = path.to_string_lossy().to_string();
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|entry| std::fs::read(entry.path().join("cmdline")).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).replace('\0', " "))
        .filter(|cmdline| cmdline.contains(&needle))
        .collect()
}

#[test]
fn without_a_server_a_private_cluster_is_started_and_down_leaves_nothing() {
    let sandbox = Sandbox::new();
    let unreachable = "postgres://nobody@127.0.0.1:1/postgres?connect_timeout=2";
    let up = sandbox
        .cmd(Some(unreachable))
        .args(["demo", "up"])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&up.get_output().stderr).to_string();
    assert!(
        stderr.contains("starting a private throwaway PostgreSQL"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&up.get_output().stdout).to_string();
    assert!(
        stdout.contains("export OBANCTL_DATABASE_URL='postgresql://obanctl@/postgres?host="),
        "{stdout}"
    );
    let cluster = sandbox.demo_dir().join("cluster");
    assert!(cluster.join("PG_VERSION").is_file());
    assert!(
        !processes_mentioning(&cluster).is_empty(),
        "the server runs"
    );
    sandbox.assert_profile(true);

    // The tour runs through the profile alone (no DATABASE_URL in the environment).
    sandbox.run_tour();

    sandbox.cmd(None).args(["demo", "down"]).assert().success();
    assert!(!sandbox.demo_dir().exists(), "cluster and state deleted");
    assert!(
        processes_mentioning(&cluster).is_empty(),
        "the server stopped"
    );
    sandbox.assert_profile(false);
}

#[test]
fn with_neither_a_server_nor_server_binaries_it_says_what_to_install() {
    let sandbox = Sandbox::new();
    let empty = tempfile::tempdir().unwrap();
    sandbox
        .cmd(Some(
            "postgres://nobody@127.0.0.1:1/postgres?connect_timeout=2",
        ))
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
