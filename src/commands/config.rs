//! `config show`: the settings in effect and where each came from, password masked.

use serde_json::json;

use crate::db::conninfo::ConnInfo;
use crate::error::{CliResult, ExitStatus};
use crate::printer::Printer;
use crate::settings::{Settings, Source, DEFAULT_SECRET_KEYS};

pub fn show(settings: &Settings, printer: &Printer) -> CliResult<ExitStatus> {
    let database = match &settings.database_url.value {
        Some(url) => ConnInfo::build(Some(url), None).display,
        None => "(libpq PG* variables and defaults)".to_string(),
    };
    let ms = |d: std::time::Duration| humantime::format_duration(d).to_string();
    let mut redact_keys: Vec<String> = DEFAULT_SECRET_KEYS.iter().map(|k| k.to_string()).collect();
    redact_keys.extend(settings.redact.keys.iter().cloned());
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
    if printer.is_json() {
        let mut doc = serde_json::Map::new();
        for (name, value, source) in &rows {
            doc.insert(
                name.to_string(),
                json!({ "value": value, "source": source.to_string() }),
            );
        }
        doc.insert("profile".into(), json!(settings.profile));
        doc.insert("config_file".into(), json!(settings.config_path));
        doc.insert(
            "redact".into(),
            json!({ "keys": redact_keys, "paths": settings.redact.paths }),
        );
        printer.json(&doc)?;
    } else {
        let mut table = printer.table(&["setting", "value", "source"]);
        for (name, value, source) in &rows {
            table.add_row(vec![name.to_string(), value.clone(), source.to_string()]);
        }
        table.add_row(vec![
            "profile".to_string(),
            settings.profile.clone().unwrap_or_else(|| "-".into()),
            String::new(),
        ]);
        table.add_row(vec![
            "config_file".to_string(),
            settings
                .config_path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "-".into()),
            String::new(),
        ]);
        table.add_row(vec![
            "redact.keys".to_string(),
            redact_keys.join(", "),
            String::new(),
        ]);
        if !settings.redact.paths.is_empty() {
            table.add_row(vec![
                "redact.paths".to_string(),
                settings.redact.paths.join(", "),
                String::new(),
            ]);
        }
        printer.print_table(&table)?;
    }
    Ok(ExitStatus::Success)
}
