//! Display policy for job `args`, `meta`, audit metadata and filter values: values under
//! secret-looking keys, configured keys (at any depth, case-insensitive) and configured dotted
//! paths (from the root) become `"[REDACTED]"`. Applied to every output, JSON included, and to
//! what obanctl records about a run. Pure.
//!
//! A key looks secret when, lowercased with `-`, `_`, `.` and spaces removed, it contains one of
//! [`SECRET_KEY_PARTS`]: so `access_token`, `client_secret`, `apiKey`, `X-Api-Key`,
//! `refresh_token`, `Authorization`, `session_id` are all redacted. A team can un-redact a false
//! positive (say `author`) with `allow`.

use serde_json::Value;

use crate::settings::RedactRules;

pub const REDACTED: &str = "[REDACTED]";

/// Parts of key names that mark their values as secrets, always (see the module docs).
pub const SECRET_KEY_PARTS: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "secret",
    "token",
    "apikey",
    "auth",
    "credential",
    "privatekey",
    "session",
    "cookie",
    "signature",
];

/// `X-Api-Key` -> `xapikey`: the form key names are compared in.
pub fn normalize_key(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, '-' | '_' | '.' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether the default rule takes `key` for a secret.
pub fn looks_secret(key: &str) -> bool {
    let key = normalize_key(key);
    SECRET_KEY_PARTS.iter().any(|part| key.contains(part))
}

#[derive(Debug, Clone)]
pub struct Redactor {
    /// Configured keys, normalised; matched exactly.
    keys: Vec<String>,
    /// Normalised keys the default rule must leave alone.
    allow: Vec<String>,
    paths: Vec<Vec<String>>,
}

impl Redactor {
    pub fn new(rules: &RedactRules) -> Self {
        Redactor {
            keys: rules.keys.iter().map(|k| normalize_key(k)).collect(),
            allow: rules.allow.iter().map(|k| normalize_key(k)).collect(),
            paths: rules
                .paths
                .iter()
                .map(|p| p.split('.').map(str::to_string).collect())
                .collect(),
        }
    }

    pub fn key_is_secret(&self, key: &str) -> bool {
        let normal = normalize_key(key);
        if self.keys.contains(&normal) {
            return true;
        }
        !self.allow.contains(&normal) && looks_secret(key)
    }

    /// A `KEY=VALUE` filter as it may be shown or stored: the value redacted when the key is.
    pub fn pair(&self, key: &str, value: &str) -> String {
        if key.split('.').any(|part| self.key_is_secret(part)) {
            format!("{key}={REDACTED}")
        } else {
            format!("{key}={value}")
        }
    }

    /// Returns a copy with secrets replaced.
    pub fn apply(&self, value: &Value) -> Value {
        let mut out = value.clone();
        self.redact_keys(&mut out);
        for path in &self.paths {
            redact_path(&mut out, path);
        }
        out
    }

    fn redact_keys(&self, value: &mut Value) {
        match value {
            Value::Object(map) => {
                for (key, child) in map.iter_mut() {
                    if self.key_is_secret(key) {
                        *child = Value::String(REDACTED.into());
                    } else {
                        self.redact_keys(child);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|item| self.redact_keys(item)),
            _ => {}
        }
    }
}

fn redact_path(value: &mut Value, path: &[String]) {
    let Some((first, rest)) = path.split_first() else {
        return;
    };
    match value {
        Value::Object(map) => {
            if let Some(child) = map.get_mut(first) {
                if rest.is_empty() {
                    *child = Value::String(REDACTED.into());
                } else {
                    redact_path(child, rest);
                }
            }
        }
        // A path runs through every element of an array it meets.
        Value::Array(items) => items.iter_mut().for_each(|item| redact_path(item, path)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn redactor(keys: &[&str], paths: &[&str]) -> Redactor {
        Redactor::new(&RedactRules {
            keys: keys.iter().map(|s| s.to_string()).collect(),
            paths: paths.iter().map(|s| s.to_string()).collect(),
            allow: Vec::new(),
        })
    }

    #[test]
    fn secrets_are_found_however_they_are_spelled() {
        let r = redactor(&[], &[]);
        for key in [
            "access_token",
            "client_secret",
            "apiKey",
            "X-Api-Key",
            "refresh_token",
            "Authorization",
            "PASSWD",
            "db_pwd",
            "credentials",
            "private_key",
            "session_id",
            "Cookie",
            "signature",
            "Api Key",
        ] {
            assert!(r.key_is_secret(key), "{key}");
        }
        for key in ["user", "email", "id", "tokens_used_per_hour"] {
            assert_eq!(r.key_is_secret(key), key.contains("token"), "{key}");
        }
        let allowing = Redactor::new(&RedactRules {
            allow: vec!["author".into()],
            ..Default::default()
        });
        assert!(r.key_is_secret("author"), "the default rule is broad");
        assert!(
            !allowing.key_is_secret("author"),
            "and a team can allow a false positive"
        );
        assert!(allowing.key_is_secret("auth_token"));
        assert_eq!(
            r.pair("user.password", "hunter2"),
            "user.password=[REDACTED]"
        );
        assert_eq!(r.pair("user.id", "7"), "user.id=7");
    }

    #[test]
    fn secret_named_keys_are_redacted_by_default_at_any_depth() {
        let value = json!({"user": {"Password": "hunter2", "name": "ann"}, "list": [{"token": "t"}], "api_key": 5});
        assert_eq!(
            redactor(&[], &[]).apply(&value),
            json!({"user": {"Password": REDACTED, "name": "ann"}, "list": [{"token": REDACTED}], "api_key": REDACTED})
        );
    }

    #[test]
    fn configured_keys_and_paths_are_redacted() {
        let value = json!({"email": "a@b", "customer": {"address": {"street": "x"}, "email": "c@d"}, "rows": [{"ssn": 1}]});
        let out = redactor(&["EMAIL"], &["customer.address", "rows.ssn"]).apply(&value);
        assert_eq!(
            out,
            json!({"email": REDACTED, "customer": {"address": REDACTED, "email": REDACTED}, "rows": [{"ssn": REDACTED}]})
        );
    }

    #[test]
    fn values_without_secrets_are_untouched() {
        let value = json!({"id": 1, "tags": ["a"], "nested": {"name": true}});
        assert_eq!(redactor(&[], &["missing.path"]).apply(&value), value);
    }
}
