//! Resolves flags, environment and config file into one [`Settings`], remembering where each value
//! came from. Precedence: flag, then environment, then the selected profile, then the config file's
//! top level, then the built-in default.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::audit_chain::{key_file_mode_problem, AuditKey};
use crate::cli::GlobalArgs;
use crate::error::{CliError, CliResult};
use crate::values::{ColorChoice, Format, TIMEOUT_RANGE};

pub const CONFIG_FILE_NAME: &str = "obanctl.toml";
const DEFAULT_STATEMENT_TIMEOUT: Duration = Duration::from_secs(15);
const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(2);
/// `oban_powertools_audit_events.actor_id` is `varchar(255)`.
const MAX_ACTOR_CHARS: usize = 255;
/// PostgreSQL truncates identifiers to 63 bytes; refusing longer names avoids silent aliasing.
const MAX_IDENTIFIER_BYTES: usize = 63;

/// Where a setting's value came from, shown by `config show` and recorded with the actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Source {
    Flag,
    Env(String),
    Profile(String),
    ConfigFile,
    Os,
    Default,
    Libpq,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag => write!(f, "flag"),
            Source::Env(name) => write!(f, "env {name}"),
            Source::Profile(name) => write!(f, "profile {name}"),
            Source::ConfigFile => write!(f, "config file"),
            Source::Os => write!(f, "OS user@host"),
            Source::Default => write!(f, "default"),
            Source::Libpq => write!(f, "libpq PG* variables"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

/// Display policy for args, meta and audit metadata: keys (at any depth) or dotted JSON paths
/// whose values are replaced with `"[REDACTED]"` in every output and audit row, on top of the
/// secret-looking keys always redacted (see [`crate::redact`]); `allow` exempts keys from that
/// default rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RedactRules {
    #[serde(default)]
    pub keys: Vec<String>,
    #[serde(default)]
    pub paths: Vec<String>,
    #[serde(default)]
    pub allow: Vec<String>,
}

/// One layer of settings as written in the config file (top level, or one profile).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    pub database_url: Option<String>,
    pub prefix: Option<String>,
    pub powertools_schema: Option<String>,
    pub format: Option<String>,
    pub color: Option<String>,
    pub actor: Option<String>,
    pub statement_timeout: Option<String>,
    pub lock_timeout: Option<String>,
    /// A file holding the audit key (the key itself is never read from a config file).
    pub audit_key_file: Option<String>,
    pub redact: Option<RedactRules>,
}

#[derive(Debug, Clone, Default)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub top: Layer,
    pub profiles: BTreeMap<String, Layer>,
    /// With a project-local file: the user's config file, whose profiles apply where the
    /// project's file defines none of that name (`obanctl demo up` writes its profile there).
    pub user_file: Option<Box<ConfigFile>>,
}

impl ConfigFile {
    pub fn parse(path: &Path, text: &str) -> CliResult<ConfigFile> {
        let bad = |e: &dyn fmt::Display| {
            CliError::usage(format!("invalid config file {}: {e}", path.display()))
        };
        let mut table: toml::Table = text.parse().map_err(|e| bad(&e))?;
        let profiles_value = table.remove("profiles");
        let top: Layer = table.try_into().map_err(|e| bad(&e))?;
        let mut profiles = BTreeMap::new();
        if let Some(value) = profiles_value {
            let toml::Value::Table(entries) = value else {
                return Err(bad(
                    &"`profiles` must be a table of [profiles.NAME] sections",
                ));
            };
            for (name, body) in entries {
                let layer: Layer = body
                    .try_into()
                    .map_err(|e| bad(&format!("profile `{name}`: {e}")))?;
                profiles.insert(name, layer);
            }
        }
        Ok(ConfigFile {
            path: path.to_path_buf(),
            top,
            profiles,
            user_file: None,
        })
    }

    /// `--config`/`OBANCTL_CONFIG` if given (must exist), else `./obanctl.toml`, else the user
    /// config dir. The first file found is the one whose settings apply; with `./obanctl.toml`,
    /// the user's file is read too, for the profiles the project's file does not define.
    pub fn discover(
        explicit: Option<&Path>,
        cwd: &Path,
        user_config_dir: Option<&Path>,
    ) -> CliResult<Option<ConfigFile>> {
        let path = match explicit {
            Some(path) => {
                if !path.is_file() {
                    return Err(CliError::usage(format!(
                        "config file {} does not exist",
                        path.display()
                    )));
                }
                path.to_path_buf()
            }
            None => {
                let local = cwd.join(CONFIG_FILE_NAME);
                let user = user_config_dir.map(|dir| dir.join("obanctl").join(CONFIG_FILE_NAME));
                match (local.is_file(), user) {
                    (true, _) => local,
                    (false, Some(user)) if user.is_file() => user,
                    _ => return Ok(None),
                }
            }
        };
        let read = |path: &Path| {
            let text = std::fs::read_to_string(path).map_err(|e| {
                CliError::usage(format!("cannot read config file {}: {e}", path.display()))
            })?;
            ConfigFile::parse(path, &text)
        };
        let mut file = read(&path)?;
        let user = user_config_dir.map(|dir| dir.join("obanctl").join(CONFIG_FILE_NAME));
        if explicit.is_none() {
            if let Some(user) = user.filter(|u| *u != path && u.is_file()) {
                file.user_file = Some(Box::new(read(&user)?));
            }
        }
        Ok(Some(file))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Settings {
    /// `None` means: let libpq use its `PG*` variables and defaults.
    #[serde(skip)]
    pub database_url: Setting<Option<String>>,
    pub prefix: Setting<String>,
    pub powertools_schema: Setting<String>,
    #[serde(skip)]
    pub format: Setting<Format>,
    #[serde(skip)]
    pub color: Setting<ColorChoice>,
    pub actor: Setting<String>,
    #[serde(skip)]
    pub statement_timeout: Setting<Duration>,
    #[serde(skip)]
    pub lock_timeout: Setting<Duration>,
    /// The key for keyed audit chain links, if one is configured. Never serialized or printed:
    /// only its id is ever shown ([`Settings::audit_key_summary`]).
    #[serde(skip)]
    pub audit_key: Option<Setting<AuditKey>>,
    pub profile: Option<String>,
    pub config_path: Option<PathBuf>,
    pub redact: RedactRules,
    pub quiet: bool,
    pub verbose: bool,
    pub no_trunc: bool,
    pub local_time: bool,
}

/// Looks up one setting through the layers, converting and validating the winner.
struct Resolver<'a> {
    env: &'a dyn Fn(&str) -> Option<String>,
    profile: Option<(&'a str, &'a Layer)>,
    top: Option<&'a Layer>,
}

impl Resolver<'_> {
    fn pick<T>(
        &self,
        flag: Option<T>,
        env_names: &[&str],
        from_layer: impl Fn(&Layer) -> Option<T>,
        parse_env: impl Fn(String) -> T,
    ) -> Option<Setting<T>> {
        if let Some(value) = flag {
            return Some(Setting {
                value,
                source: Source::Flag,
            });
        }
        for name in env_names {
            if let Some(value) = (self.env)(name).filter(|v| !v.is_empty()) {
                return Some(Setting {
                    value: parse_env(value),
                    source: Source::Env((*name).to_string()),
                });
            }
        }
        if let Some((name, layer)) = self.profile {
            if let Some(value) = from_layer(layer) {
                return Some(Setting {
                    value,
                    source: Source::Profile(name.to_string()),
                });
            }
        }
        if let Some(value) = self.top.and_then(&from_layer) {
            return Some(Setting {
                value,
                source: Source::ConfigFile,
            });
        }
        None
    }

    /// Like [`Resolver::pick`] for typed flags whose environment and file values are text that
    /// must parse: the flag's value passes through unchanged.
    fn try_pick<T>(
        &self,
        flag: Option<T>,
        env_names: &[&str],
        from_layer: impl Fn(&Layer) -> Option<String>,
        parse: impl Fn(&str) -> CliResult<T>,
    ) -> CliResult<Option<Setting<T>>> {
        if let Some(value) = flag {
            return Ok(Some(Setting {
                value,
                source: Source::Flag,
            }));
        }
        match self.pick(None, env_names, from_layer, |v| v) {
            Some(text) => Ok(Some(Setting {
                value: parse(&text.value)?,
                source: text.source,
            })),
            None => Ok(None),
        }
    }

    fn string(
        &self,
        flag: &Option<String>,
        env: &[&str],
        field: fn(&Layer) -> Option<String>,
    ) -> Option<Setting<String>> {
        self.pick(flag.clone(), env, field, |v| v)
    }
}

/// A timeout setting (`statement_timeout`, `lock_timeout`) within [`TIMEOUT_RANGE`].
pub fn parse_timeout(what: &str, text: &str) -> CliResult<Duration> {
    crate::values::parse_duration_in(text, TIMEOUT_RANGE)
        .map_err(|e| CliError::usage(format!("invalid {what}: {e}")))
}

pub fn validate_identifier(what: &str, name: &str) -> CliResult<()> {
    if name.is_empty() {
        return Err(CliError::usage(format!("{what} must not be empty")));
    }
    if name.len() > MAX_IDENTIFIER_BYTES {
        return Err(CliError::usage(format!(
            "{what} `{name}` is longer than PostgreSQL's {MAX_IDENTIFIER_BYTES}-byte identifier limit"
        )));
    }
    if name.contains('\0') {
        return Err(CliError::usage(format!(
            "{what} must not contain NUL bytes"
        )));
    }
    Ok(())
}

fn validate_actor(actor: &str) -> CliResult<String> {
    let trimmed = actor.trim();
    if trimmed.is_empty() {
        return Err(CliError::usage("actor must not be empty"));
    }
    if trimmed.chars().count() > MAX_ACTOR_CHARS {
        return Err(CliError::usage(format!(
            "actor is longer than {MAX_ACTOR_CHARS} characters"
        )));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(CliError::usage("actor must not contain control characters"));
    }
    Ok(trimmed.to_string())
}

fn parse_format(text: &str) -> CliResult<Format> {
    <Format as clap::ValueEnum>::from_str(text, true)
        .map_err(|_| CliError::usage(format!("invalid format `{text}` (expected human or json)")))
}

fn parse_color(text: &str) -> CliResult<ColorChoice> {
    <ColorChoice as clap::ValueEnum>::from_str(text, true).map_err(|_| {
        CliError::usage(format!(
            "invalid color `{text}` (expected auto, always or never)"
        ))
    })
}

/// The OS identity used when no actor is configured: `user@host`.
pub fn os_actor(env: &dyn Fn(&str) -> Option<String>) -> String {
    // cron, systemd units and `docker exec` often set neither USER nor LOGNAME: the account of
    // the process's uid is then who acts.
    let user = ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|name| env(name).filter(|v| !v.is_empty()))
        .or_else(uid_account_name)
        .unwrap_or_else(|| "unknown".to_string());
    let host = hostname::get()
        .ok()
        .and_then(|h| h.into_string().ok())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".to_string());
    format!("{user}@{host}")
}

/// The account name of the process's real uid (`getpwuid_r`), when the passwd database has one.
#[cfg(unix)]
pub fn uid_account_name() -> Option<String> {
    // SAFETY: getpwuid_r writes only into `entry` and `buffer`, whose sizes it is given; the name
    // pointer it returns points into `buffer`, which outlives its use here.
    unsafe {
        let uid = libc::getuid();
        let mut entry: libc::passwd = std::mem::zeroed();
        let mut buffer = vec![0 as libc::c_char; 16 * 1024];
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(
            uid,
            &mut entry,
            buffer.as_mut_ptr(),
            buffer.len(),
            &mut found,
        );
        if rc != 0 || found.is_null() || entry.pw_name.is_null() {
            return None;
        }
        let name = std::ffi::CStr::from_ptr(entry.pw_name)
            .to_string_lossy()
            .into_owned();
        (!name.is_empty()).then_some(name)
    }
}

#[cfg(not(unix))]
pub fn uid_account_name() -> Option<String> {
    None
}

/// Environment variables that configure the audit key.
pub const AUDIT_KEY_ENV: &str = "OBANCTL_AUDIT_KEY";
pub const AUDIT_KEY_FILE_ENV: &str = "OBANCTL_AUDIT_KEY_FILE";

/// Reads a key file: a regular file, not accessible to other users and not writable by its
/// group (see [`key_file_mode_problem`]); its content, less surrounding whitespace, is the key.
pub fn read_key_file(path: &Path) -> CliResult<AuditKey> {
    let shown = path.display();
    let meta = std::fs::metadata(path)
        .map_err(|e| CliError::usage(format!("cannot read audit key file {shown}: {e}")))?;
    if !meta.is_file() {
        return Err(CliError::usage(format!(
            "audit key file {shown} is not a regular file"
        )));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Some(problem) = key_file_mode_problem(meta.permissions().mode()) {
            return Err(CliError::usage(format!("audit key file {shown} {problem}")));
        }
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::usage(format!("cannot read audit key file {shown}: {e}")))?;
    AuditKey::from_text(&text).map_err(|e| CliError::usage(format!("audit key file {shown}: {e}")))
}

/// The audit key: `OBANCTL_AUDIT_KEY` (the key text), else a key file from
/// `OBANCTL_AUDIT_KEY_FILE`, the profile's or the file's `audit_key_file` (a relative path there is
/// relative to the config file). Both variables at once are refused as ambiguous.
fn resolve_audit_key(
    env: &dyn Fn(&str) -> Option<String>,
    profile: Option<(&str, &Layer)>,
    config: Option<&ConfigFile>,
) -> CliResult<Option<Setting<AuditKey>>> {
    let text = env(AUDIT_KEY_ENV).filter(|v| !v.is_empty());
    let file = env(AUDIT_KEY_FILE_ENV).filter(|v| !v.is_empty());
    if text.is_some() && file.is_some() {
        return Err(CliError::usage(format!(
            "both {AUDIT_KEY_ENV} and {AUDIT_KEY_FILE_ENV} are set; set only one"
        )));
    }
    if let Some(text) = text {
        let key = AuditKey::from_text(&text)
            .map_err(|e| CliError::usage(format!("{AUDIT_KEY_ENV}: {e}")))?;
        return Ok(Some(Setting {
            value: key,
            source: Source::Env(AUDIT_KEY_ENV.into()),
        }));
    }
    if let Some(path) = file {
        return Ok(Some(Setting {
            value: read_key_file(Path::new(&path))?,
            source: Source::Env(AUDIT_KEY_FILE_ENV.into()),
        }));
    }
    let from_config = |path: &str| {
        let path = Path::new(path);
        match config.and_then(|c| c.path.parent()) {
            Some(dir) if path.is_relative() => dir.join(path),
            _ => path.to_path_buf(),
        }
    };
    if let Some((name, layer)) = profile {
        if let Some(path) = &layer.audit_key_file {
            return Ok(Some(Setting {
                value: read_key_file(&from_config(path))?,
                source: Source::Profile(name.to_string()),
            }));
        }
    }
    if let Some(path) = config.and_then(|c| c.top.audit_key_file.as_deref()) {
        return Ok(Some(Setting {
            value: read_key_file(&from_config(path))?,
            source: Source::ConfigFile,
        }));
    }
    Ok(None)
}

impl Settings {
    /// What `config show` may say about the audit key: whether one is set and its id, never the
    /// key.
    pub fn audit_key_summary(&self) -> (String, Source) {
        match &self.audit_key {
            Some(key) => (
                format!("set (key id {})", key.value.id()),
                key.source.clone(),
            ),
            None => (
                "not set (links are unkeyed SHA-256)".into(),
                Source::Default,
            ),
        }
    }

    /// Merges all sources. `env` is injected so tests can resolve without touching the process.
    pub fn resolve(
        global: &GlobalArgs,
        env: &dyn Fn(&str) -> Option<String>,
        config: Option<&ConfigFile>,
    ) -> CliResult<Settings> {
        let profile_name = global
            .profile
            .clone()
            .or_else(|| env("OBANCTL_PROFILE").filter(|v| !v.is_empty()));
        let profile = match (&profile_name, config) {
            (None, _) => None,
            (Some(name), Some(file)) => match file.profiles.get_key_value(name).or_else(|| {
                file.user_file
                    .as_ref()
                    .and_then(|user| user.profiles.get_key_value(name))
            }) {
                Some((name, layer)) => Some((name.as_str(), layer)),
                None => {
                    let mut known: Vec<&str> = file.profiles.keys().map(String::as_str).collect();
                    let mut paths = file.path.display().to_string();
                    if let Some(user) = &file.user_file {
                        known.extend(user.profiles.keys().map(String::as_str));
                        paths.push_str(&format!(" or {}", user.path.display()));
                    }
                    return Err(CliError::usage(format!(
                        "profile `{name}` is not defined in {paths} (defined: {})",
                        if known.is_empty() { "none".to_string() } else { known.join(", ") }
                    )));
                }
            },
            (Some(name), None) => {
                return Err(CliError::usage(format!(
                    "profile `{name}` requested but no {CONFIG_FILE_NAME} was found (use --config PATH)"
                )))
            }
        };
        let r = Resolver {
            env,
            profile,
            top: config.map(|c| &c.top),
        };

        let database_url = r
            .string(
                &global.database_url,
                &["OBANCTL_DATABASE_URL", "DATABASE_URL"],
                |l| l.database_url.clone(),
            )
            .map(|s| Setting {
                value: Some(s.value),
                source: s.source,
            })
            .unwrap_or(Setting {
                value: None,
                source: Source::Libpq,
            });

        let schema = |flag: &Option<String>,
                      env_name: &str,
                      field: fn(&Layer) -> Option<String>,
                      what: &str| {
            let setting = r.string(flag, &[env_name], field).unwrap_or(Setting {
                value: "public".to_string(),
                source: Source::Default,
            });
            validate_identifier(what, &setting.value).map(|_| setting)
        };
        let prefix = schema(
            &global.prefix,
            "OBANCTL_PREFIX",
            |l| l.prefix.clone(),
            "prefix",
        )?;
        let powertools_schema = schema(
            &global.powertools_schema,
            "OBANCTL_POWERTOOLS_SCHEMA",
            |l| l.powertools_schema.clone(),
            "powertools schema",
        )?;

        let format = match r.try_pick(
            global.format,
            &["OBANCTL_FORMAT"],
            |l| l.format.clone(),
            parse_format,
        )? {
            Some(setting) => setting,
            None => Setting {
                value: Format::Human,
                source: Source::Default,
            },
        };
        let color = match r.try_pick(
            global.color,
            &["OBANCTL_COLOR"],
            |l| l.color.clone(),
            parse_color,
        )? {
            Some(setting) => setting,
            None => Setting {
                value: ColorChoice::Auto,
                source: Source::Default,
            },
        };

        let actor = match r.string(&global.actor, &["OBANCTL_ACTOR"], |l| l.actor.clone()) {
            Some(s) => Setting {
                value: validate_actor(&s.value)?,
                source: s.source,
            },
            None => Setting {
                value: validate_actor(&os_actor(env))?,
                source: Source::Os,
            },
        };

        let duration = |flag: &Option<String>,
                        env_name: &str,
                        field: fn(&Layer) -> Option<String>,
                        what: &str,
                        default: Duration|
         -> CliResult<Setting<Duration>> {
            match r.string(flag, &[env_name], field) {
                Some(s) => Ok(Setting {
                    value: parse_timeout(what, &s.value)?,
                    source: s.source,
                }),
                None => Ok(Setting {
                    value: default,
                    source: Source::Default,
                }),
            }
        };
        let statement_timeout = duration(
            &global.statement_timeout,
            "OBANCTL_STATEMENT_TIMEOUT",
            |l| l.statement_timeout.clone(),
            "statement timeout",
            DEFAULT_STATEMENT_TIMEOUT,
        )?;
        let lock_timeout = duration(
            &global.lock_timeout,
            "OBANCTL_LOCK_TIMEOUT",
            |l| l.lock_timeout.clone(),
            "lock timeout",
            DEFAULT_LOCK_TIMEOUT,
        )?;

        let audit_key = resolve_audit_key(env, profile, config)?;

        // Redaction rules add up: the file's top level plus the selected profile's.
        let mut redact = config
            .and_then(|c| c.top.redact.clone())
            .unwrap_or_default();
        if let Some((_, layer)) = profile {
            if let Some(extra) = &layer.redact {
                redact.keys.extend(extra.keys.iter().cloned());
                redact.paths.extend(extra.paths.iter().cloned());
                redact.allow.extend(extra.allow.iter().cloned());
            }
        }

        Ok(Settings {
            database_url,
            prefix,
            powertools_schema,
            format,
            color,
            actor,
            statement_timeout,
            lock_timeout,
            audit_key,
            profile: profile.map(|(name, _)| name.to_string()),
            config_path: config.map(|c| c.path.clone()),
            redact,
            quiet: global.quiet,
            verbose: global.verbose,
            no_trunc: global.no_trunc,
            local_time: global.local_time,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    fn config(text: &str) -> ConfigFile {
        ConfigFile::parse(Path::new("obanctl.toml"), text).unwrap()
    }

    #[test]
    fn flag_beats_env_beats_profile_beats_file() {
        let file = config("prefix = \"file\"\n[profiles.prod]\nprefix = \"prof\"\n");
        let env = env_of(&[("OBANCTL_PREFIX", "env"), ("USER", "u")]);
        let mut args = GlobalArgs {
            prefix: Some("flag".into()),
            profile: Some("prod".into()),
            ..Default::default()
        };
        let s = Settings::resolve(&args, &env, Some(&file)).unwrap();
        assert_eq!(
            s.prefix,
            Setting {
                value: "flag".into(),
                source: Source::Flag
            }
        );

        args.prefix = None;
        let s = Settings::resolve(&args, &env, Some(&file)).unwrap();
        assert_eq!(s.prefix.source, Source::Env("OBANCTL_PREFIX".into()));

        let env = env_of(&[("USER", "u")]);
        let s = Settings::resolve(&args, &env, Some(&file)).unwrap();
        assert_eq!(
            s.prefix,
            Setting {
                value: "prof".into(),
                source: Source::Profile("prod".into())
            }
        );

        args.profile = None;
        let s = Settings::resolve(&args, &env, Some(&file)).unwrap();
        assert_eq!(
            s.prefix,
            Setting {
                value: "file".into(),
                source: Source::ConfigFile
            }
        );

        let s = Settings::resolve(&args, &env, None).unwrap();
        assert_eq!(
            s.prefix,
            Setting {
                value: "public".into(),
                source: Source::Default
            }
        );
    }

    #[test]
    fn obanctl_database_url_beats_database_url() {
        let env = env_of(&[
            ("DATABASE_URL", "postgres://app"),
            ("OBANCTL_DATABASE_URL", "postgres://ops"),
        ]);
        let s = Settings::resolve(&GlobalArgs::default(), &env, None).unwrap();
        assert_eq!(s.database_url.value.as_deref(), Some("postgres://ops"));
        let env = env_of(&[("DATABASE_URL", "postgres://app")]);
        let s = Settings::resolve(&GlobalArgs::default(), &env, None).unwrap();
        assert_eq!(s.database_url.source, Source::Env("DATABASE_URL".into()));
        let s = Settings::resolve(&GlobalArgs::default(), &env_of(&[]), None).unwrap();
        assert_eq!(
            s.database_url,
            Setting {
                value: None,
                source: Source::Libpq
            }
        );
    }

    #[test]
    fn unknown_profile_lists_known_ones() {
        let file = config("[profiles.prod]\n[profiles.staging]\n");
        let args = GlobalArgs {
            profile: Some("prdo".into()),
            ..Default::default()
        };
        let err = Settings::resolve(&args, &env_of(&[]), Some(&file)).unwrap_err();
        assert!(
            err.is(crate::error::ErrorKind::Usage) && err.message().contains("prod, staging"),
            "{err}"
        );
    }

    #[test]
    fn a_profile_the_project_file_lacks_comes_from_the_user_file() {
        let dir = tempfile::tempdir().unwrap();
        let (project, user) = (dir.path().join("project"), dir.path().join("config"));
        std::fs::create_dir_all(user.join("obanctl")).unwrap();
        std::fs::create_dir_all(&project).unwrap();
        std::fs::write(
            project.join(CONFIG_FILE_NAME),
            "prefix = \"app\"\n[profiles.prod]\nprefix = \"p\"\n",
        )
        .unwrap();
        std::fs::write(
            user.join("obanctl").join(CONFIG_FILE_NAME),
            "prefix = \"ignored\"\n[profiles.prod]\nprefix = \"shadowed\"\n[profiles.demo]\nprefix = \"obanctl_demo\"\n",
        )
        .unwrap();
        let file = ConfigFile::discover(None, &project, Some(&user))
            .unwrap()
            .unwrap();
        let resolve = |profile: Option<&str>| {
            let args = GlobalArgs {
                profile: profile.map(Into::into),
                ..Default::default()
            };
            Settings::resolve(&args, &env_of(&[("USER", "u")]), Some(&file))
        };
        assert_eq!(resolve(None).unwrap().prefix.value, "app");
        assert_eq!(resolve(Some("prod")).unwrap().prefix.value, "p");
        let demo = resolve(Some("demo")).unwrap();
        assert_eq!(demo.prefix.value, "obanctl_demo");
        assert_eq!(demo.prefix.source, Source::Profile("demo".into()));
        let err = resolve(Some("nope")).unwrap_err();
        assert!(err.message().contains("demo, prod"), "{err}");
        // A file named explicitly is the only one read.
        let only =
            ConfigFile::discover(Some(&project.join(CONFIG_FILE_NAME)), &project, Some(&user))
                .unwrap()
                .unwrap();
        assert!(only.user_file.is_none());
    }

    #[test]
    fn unknown_config_keys_are_refused() {
        let err = ConfigFile::parse(Path::new("x.toml"), "prefx = \"a\"").unwrap_err();
        assert!(err.to_string().contains("prefx"), "{err}");
        let err = ConfigFile::parse(Path::new("x.toml"), "[profiles.a]\nbogus = 1").unwrap_err();
        assert!(err.to_string().contains("bogus"), "{err}");
    }

    #[test]
    fn durations_parse_and_refuse_nonsense() {
        assert_eq!(parse_timeout("t", "15s").unwrap(), Duration::from_secs(15));
        assert_eq!(
            parse_timeout("t", "500ms").unwrap(),
            Duration::from_millis(500)
        );
        assert!(parse_timeout("t", "0s").is_err());
        assert!(parse_timeout("t", "soon").is_err());
        assert!(parse_timeout("t", "-1s").is_err());
        assert!(parse_timeout("t", "10000000years").is_err());
        assert!(parse_timeout("t", "18446744073709551615s").is_err());
    }

    #[test]
    fn identifiers_may_be_anything_printable_but_bounded() {
        assert!(validate_identifier("prefix", "weird \"schema\"; drop").is_ok());
        assert!(validate_identifier("prefix", "").is_err());
        assert!(validate_identifier("prefix", &"x".repeat(64)).is_err());
        assert!(validate_identifier("prefix", "a\0b").is_err());
    }

    #[test]
    fn actor_defaults_to_os_user_and_is_validated() {
        let s =
            Settings::resolve(&GlobalArgs::default(), &env_of(&[("USER", "alice")]), None).unwrap();
        assert!(s.actor.value.starts_with("alice@"));
        assert_eq!(s.actor.source, Source::Os);
        let args = GlobalArgs {
            actor: Some("  ".into()),
            ..Default::default()
        };
        assert!(Settings::resolve(&args, &env_of(&[]), None).is_err());
    }

    #[test]
    fn redaction_rules_add_up_across_layers() {
        let file = config("[redact]\nkeys = [\"email\"]\n[profiles.p.redact]\nkeys = [\"ssn\"]\npaths = [\"a.b\"]\n");
        let args = GlobalArgs {
            profile: Some("p".into()),
            ..Default::default()
        };
        let s = Settings::resolve(&args, &env_of(&[]), Some(&file)).unwrap();
        assert_eq!(s.redact.keys, vec!["email", "ssn"]);
        assert_eq!(s.redact.paths, vec!["a.b"]);
    }

    #[test]
    fn the_audit_key_comes_from_the_environment_or_a_private_key_file() {
        use std::os::unix::fs::PermissionsExt;
        let args = GlobalArgs::default();
        let key = "k".repeat(32);
        let s = Settings::resolve(&args, &env_of(&[(AUDIT_KEY_ENV, &key)]), None).unwrap();
        let (summary, source) = s.audit_key_summary();
        assert!(summary.starts_with("set (key id ") && !summary.contains(&key));
        assert_eq!(source, Source::Env(AUDIT_KEY_ENV.into()));
        assert!(
            !format!("{s:?}").contains(&key),
            "Debug never shows the key"
        );
        assert!(Settings::resolve(&args, &env_of(&[]), None)
            .unwrap()
            .audit_key
            .is_none());
        assert!(Settings::resolve(&args, &env_of(&[(AUDIT_KEY_ENV, "short")]), None).is_err());

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.key");
        std::fs::write(&path, format!("{key}\n")).unwrap();
        let file = path.to_str().unwrap();
        for (mode, ok) in [(0o600, true), (0o640, true), (0o644, false), (0o660, false)] {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            let got = Settings::resolve(&args, &env_of(&[(AUDIT_KEY_FILE_ENV, file)]), None);
            assert_eq!(got.is_ok(), ok, "mode {mode:o}");
            if ok {
                assert_eq!(
                    got.unwrap().audit_key.unwrap().value.id(),
                    crate::audit_chain::key_id(key.as_bytes())
                );
            }
        }
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let both = env_of(&[(AUDIT_KEY_ENV, &key), (AUDIT_KEY_FILE_ENV, file)]);
        assert!(Settings::resolve(&args, &both, None).is_err(), "ambiguous");
        // From the config file, relative to it.
        let config_path = dir.path().join("obanctl.toml");
        let config = ConfigFile::parse(&config_path, "audit_key_file = \"audit.key\"\n").unwrap();
        let s = Settings::resolve(&args, &env_of(&[]), Some(&config)).unwrap();
        assert_eq!(s.audit_key.unwrap().source, Source::ConfigFile);
    }
}
