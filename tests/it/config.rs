//! Config file, profiles and precedence, seen through `config show`.

use predicates::prelude::*;
use serde_json::Value;

use crate::common::base_cmd;

fn show(cmd: &mut assert_cmd::Command) -> Value {
    let out = cmd
        .args(["--format", "json", "config", "show"])
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

#[test]
fn profiles_env_and_flags_layer_in_order_and_passwords_stay_hidden() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("obanctl.toml"),
        "prefix = \"from_file\"\nlock_timeout = \"3s\"\n[redact]\nkeys = [\"email\"]\n\
         [profiles.prod]\ndatabase_url = \"postgres://ops:topsecret@db.internal/app\"\nprefix = \"from_profile\"\n",
    )
    .unwrap();

    let doc = show(&mut base_cmd(dir.path()));
    assert_eq!(doc["prefix"]["value"], "from_file");
    assert_eq!(doc["prefix"]["source"], "config file");
    assert_eq!(doc["lock_timeout"]["value"], "3s");
    assert_eq!(doc["actor"]["value"], "test-actor");
    assert_eq!(doc["actor"]["source"], "env OBANCTL_ACTOR");
    assert_eq!(doc["kind"], "settings");
    assert_eq!(doc["redact"]["keys"], serde_json::json!(["email"]));
    assert!(doc["redact"]["secret_key_parts"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("token")));

    let doc = show(base_cmd(dir.path()).args(["--profile", "prod"]));
    assert_eq!(doc["prefix"]["value"], "from_profile");
    assert_eq!(doc["database_url"]["source"], "profile prod");
    let url = doc["database_url"]["value"].as_str().unwrap();
    assert!(
        url.starts_with("postgres://ops:********@db.internal/app"),
        "{url}"
    );

    let doc = show(
        base_cmd(dir.path())
            .env("OBANCTL_PROFILE", "prod")
            .env("OBANCTL_PREFIX", "from_env"),
    );
    assert_eq!(doc["prefix"]["value"], "from_env");

    let doc = show(
        base_cmd(dir.path())
            .env("OBANCTL_PREFIX", "from_env")
            .args(["--prefix", "from_flag"]),
    );
    assert_eq!(doc["prefix"]["source"], "flag");

    base_cmd(dir.path())
        .args(["--profile", "prod", "config", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("topsecret").not());
}

#[test]
fn user_config_dir_is_read_when_the_working_directory_has_none() {
    let dir = tempfile::tempdir().unwrap();
    let user_dir = dir.path().join("config").join("obanctl");
    std::fs::create_dir_all(&user_dir).unwrap();
    std::fs::write(
        user_dir.join("obanctl.toml"),
        "powertools_schema = \"ops\"\n",
    )
    .unwrap();
    let doc = show(&mut base_cmd(dir.path()));
    assert_eq!(doc["powertools_schema"]["value"], "ops");
}

#[test]
fn broken_config_files_and_unknown_profiles_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("obanctl.toml"),
        "[profiles.prod]\nprefx = \"typo\"\n",
    )
    .unwrap();
    base_cmd(dir.path())
        .args(["config", "show"])
        .assert()
        .code(64)
        .stderr(predicate::str::contains("prefx"));
    std::fs::write(dir.path().join("obanctl.toml"), "[profiles.prod]\n").unwrap();
    base_cmd(dir.path())
        .args(["--profile", "staging", "config", "show"])
        .assert()
        .code(64)
        .stderr(predicate::str::contains("defined: prod"));
    base_cmd(dir.path())
        .args(["--config", "missing.toml", "config", "show"])
        .assert()
        .code(64);
}

#[test]
fn without_user_or_logname_the_actor_is_the_uid_account_in_show_and_in_audit_rows() {
    let account = String::from_utf8(
        std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .trim()
    .to_string();
    let schema = crate::common::TestSchema::new("uidactor");
    let bare = || {
        let mut cmd = schema.cmd();
        cmd.env_remove("OBANCTL_ACTOR")
            .env_remove("USER")
            .env_remove("LOGNAME")
            .env_remove("USERNAME");
        cmd
    };
    let doc = show(&mut bare());
    let actor = doc["actor"]["value"].as_str().unwrap().to_string();
    assert!(actor.starts_with(&format!("{account}@")), "{doc}");
    assert!(!actor.starts_with("unknown@"), "{doc}");
    bare().args(["install", "-q"]).assert().success();
    let out = bare()
        .args(["--format", "json", "audit", "tail"])
        .assert()
        .success();
    let events = crate::common::json_lines(&out.get_output().stdout);
    assert_eq!(events[0]["actor"], actor.as_str(), "{events:?}");
}

#[test]
fn config_show_names_the_audit_key_by_id_never_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let key = "0123456789abcdef0123456789abcdef";
    let doc = show(base_cmd(dir.path()).env("OBANCTL_AUDIT_KEY", key));
    let line = doc["audit_key"]["value"].as_str().unwrap();
    assert!(line.starts_with("set (key id "), "{doc}");
    assert_eq!(doc["audit_key"]["source"], "env OBANCTL_AUDIT_KEY");
    assert!(!doc.to_string().contains(key), "{doc}");
    let doc = show(&mut base_cmd(dir.path()));
    assert!(doc["audit_key"]["value"]
        .as_str()
        .unwrap()
        .starts_with("not set"));
    base_cmd(dir.path())
        .env("OBANCTL_AUDIT_KEY", key)
        .args(["config", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("audit_key").and(predicate::str::contains(key).not()));
}
