//! `config show`: the settings in effect and where each came from, password masked.

use crate::db::conninfo::ConnInfo;
use crate::error::{CliResult, ExitStatus};
use crate::printer::Printer;
use crate::report::config::{RedactionReport, SettingValue, SettingsReport};
use crate::settings::{Settings, Source};

pub fn show(settings: &Settings, printer: &Printer) -> CliResult<ExitStatus> {
    let database = match &settings.database_url.value {
        Some(url) => ConnInfo::build(Some(url), None).display,
        None => "(libpq PG* variables and defaults)".to_string(),
    };
    let ms = |d: std::time::Duration| humantime::format_duration(d).to_string();
    let rows: Vec<(&str, String, &Source)> = vec![
        ("database_url", database, &settings.database_url.source),
        (
            "prefix",
            settings.prefix.value.clone(),
            &settings.prefix.source,
        ),
        (
            "powertools_schema",
            settings.powertools_schema.value.clone(),
            &settings.powertools_schema.source,
        ),
        (
            "actor",
            settings.actor.value.clone(),
            &settings.actor.source,
        ),
        (
            "statement_timeout",
            ms(settings.statement_timeout.value),
            &settings.statement_timeout.source,
        ),
        (
            "lock_timeout",
            ms(settings.lock_timeout.value),
            &settings.lock_timeout.source,
        ),
        (
            "format",
            format!("{:?}", settings.format.value).to_lowercase(),
            &settings.format.source,
        ),
        (
            "color",
            format!("{:?}", settings.color.value).to_lowercase(),
            &settings.color.source,
        ),
    ];
    // Whether links are keyed, and by which key id and from where; never the key itself.
    let (audit_key, audit_key_source) = settings.audit_key_summary();
    let mut rows = rows;
    rows.push(("audit_key", audit_key, &audit_key_source));
    let report = SettingsReport {
        settings: rows
            .into_iter()
            .map(|(name, value, source)| {
                (
                    name.to_string(),
                    SettingValue {
                        value,
                        source: source.to_string(),
                    },
                )
            })
            .collect(),
        profile: settings.profile.clone(),
        config_file: settings
            .config_path
            .as_ref()
            .map(|p| p.display().to_string()),
        redact: RedactionReport {
            keys: settings.redact.keys.clone(),
            paths: settings.redact.paths.clone(),
            allow: settings.redact.allow.clone(),
            secret_key_parts: crate::redact::SECRET_KEY_PARTS
                .iter()
                .map(|p| p.to_string())
                .collect(),
        },
    };
    printer.emit(&report)?;
    Ok(ExitStatus::Success)
}
