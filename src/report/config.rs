//! `config show`: every setting in effect and where it came from. Pure.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::output::{Doc, Record, Span, Table, View};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SettingValue {
    pub value: String,
    /// `flag`, `env NAME`, `profile NAME`, `config file`, `default`, ...
    pub source: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RedactionReport {
    /// Configured keys, redacted at any depth.
    pub keys: Vec<String>,
    pub paths: Vec<String>,
    /// Keys exempt from the default rule.
    pub allow: Vec<String>,
    /// The default rule: keys whose normalised name contains one of these.
    pub secret_key_parts: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SettingsReport {
    #[serde(flatten)]
    pub settings: BTreeMap<String, SettingValue>,
    pub profile: Option<String>,
    pub config_file: Option<String>,
    pub redact: RedactionReport,
}

impl Record for SettingsReport {
    const KIND: &'static str = "settings";
}

impl View for SettingsReport {
    fn view(&self) -> Doc {
        let mut table = Table::with_headers(&["setting", "value", "source"]);
        for (name, setting) in &self.settings {
            table.text_row([name.as_str(), &setting.value, &setting.source]);
        }
        let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        table.text_row(["profile".to_string(), dash(&self.profile), String::new()]);
        table.text_row([
            "config_file".to_string(),
            dash(&self.config_file),
            String::new(),
        ]);
        let r = &self.redact;
        table.row(vec![
            Span::plain("redact"),
            Span::plain(format!(
                "names containing {}{}",
                r.secret_key_parts.join(", "),
                if r.keys.is_empty() {
                    String::new()
                } else {
                    format!("; keys {}", r.keys.join(", "))
                }
            )),
            Span::plain(""),
        ]);
        for (name, values) in [("redact.paths", &r.paths), ("redact.allow", &r.allow)] {
            if !values.is_empty() {
                table.text_row([name.to_string(), values.join(", "), String::new()]);
            }
        }
        Doc::new().table(table)
    }
}
