//! Display policy for job `args` and `meta`: values under secret-looking keys, configured keys (at
//! any depth, case-insensitive) and configured dotted paths (from the root) become `"[REDACTED]"`.
//! Applied to every output, JSON included. Pure.

use serde_json::Value;

use crate::settings::{RedactRules, DEFAULT_SECRET_KEYS};

pub const REDACTED: &str = "[REDACTED]";

#[derive(Debug, Clone)]
pub struct Redactor {
    keys: Vec<String>,
    paths: Vec<Vec<String>>,
}

impl Redactor {
    pub fn new(rules: &RedactRules) -> Self {
        let mut keys: Vec<String> = DEFAULT_SECRET_KEYS.iter().map(|k| k.to_string()).collect();
        keys.extend(rules.keys.iter().map(|k| k.to_ascii_lowercase()));
        Redactor {
            keys,
            paths: rules
                .paths
                .iter()
                .map(|p| p.split('.').map(str::to_string).collect())
                .collect(),
        }
    }

    fn key_is_secret(&self, key: &str) -> bool {
        let key = key.to_ascii_lowercase();
        self.keys.contains(&key)
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
        })
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
        let value = json!({"id": 1, "tags": ["a"], "nested": {"passwordless": true}});
        assert_eq!(redactor(&[], &["missing.path"]).apply(&value), value);
    }
}
