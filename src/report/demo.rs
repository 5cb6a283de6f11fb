//! `demo up|tour|down`: the tour's steps, the demo that is ready (with its `export` lines) and
//! what `demo down` removed (with the matching `unset` line). Pure.
//!
//! The shell lines are data on stdout, so `eval "$(obanctl demo up)"` and
//! `eval "$(obanctl demo down)"` work; every value in them is quoted by [`shell_quote`].

use serde::Serialize;

use crate::demo::{shell_quote, TourStep};
use crate::output::{Doc, Line, Record, Style, View};

/// One step of the tour.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TourStepRecord {
    /// 1-based, in the order to run them.
    pub number: usize,
    pub what: String,
    /// The line to paste into a shell, starting with the obanctl the user ran.
    pub command: String,
    /// The arguments after the program.
    pub argv: Vec<String>,
    /// The exit code the step ends with on a fresh demo.
    pub exit_code: i32,
}

impl Record for TourStepRecord {
    const KIND: &'static str = "tour_step";
}

impl TourStepRecord {
    pub fn new(number: usize, step: &TourStep, program: &str) -> TourStepRecord {
        TourStepRecord {
            number,
            what: step.what.to_string(),
            command: step.command_line(program),
            argv: step.argv().into_iter().map(str::to_string).collect(),
            exit_code: step.exit_code,
        }
    }
}

/// The tour for people: a shell script of comments and commands, each runnable as printed.
pub struct TourView<'a> {
    pub steps: &'a [TourStepRecord],
    pub program: &'a str,
}

impl View for TourView<'_> {
    fn view(&self) -> Doc {
        let program = shell_quote(self.program);
        let mut doc = Doc::new().line(Line::new().styled(
            format!(
                "# A tour of obanctl on the demo (run `{program} demo up` first). Each command runs as printed."
            ),
            Style::Dim,
        ));
        for step in self.steps {
            doc = doc
                .blank()
                .line(Line::new().styled(format!("# {}. {}", step.number, step.what), Style::Dim))
                .line(step.command.clone());
        }
        doc.blank().line(Line::new().styled(
            format!(
                "# When you are done: {program} demo down (removes the schema or the private cluster)"
            ),
            Style::Dim,
        ))
    }
}

/// One environment variable `demo up` exports.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EnvVar {
    pub name: String,
    pub value: String,
}

/// `demo up`: the demo is ready.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DemoReady {
    /// `server` (the schema on a running server) or `private` (a cluster obanctl started).
    pub mode: &'static str,
    pub schema: String,
    pub profile: String,
    /// The file the `demo` profile was written to.
    pub config_file: String,
    /// The connection string the profile holds; null when it is libpq's defaults or carries a
    /// password (never printed).
    pub database_url: Option<String>,
    /// The private cluster's data directory.
    pub data_dir: Option<String>,
    /// What the `export` lines set.
    pub exports: Vec<EnvVar>,
    /// The URL has a password, so it is only in the profile.
    pub url_withheld: bool,
}

impl Record for DemoReady {
    const KIND: &'static str = "demo";
}

impl View for DemoReady {
    fn view(&self) -> Doc {
        let mut doc = Doc::new();
        if self.url_withheld {
            doc = doc
                .line("# the database URL has a password: it is in the profile, not printed here");
        }
        for var in &self.exports {
            doc = doc.line(format!("export {}={}", var.name, shell_quote(&var.value)));
        }
        doc
    }
}

/// What `demo down` did to one demo.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RemovalOutcome {
    /// The schema was dropped.
    Dropped,
    /// The private cluster was stopped and deleted.
    Deleted,
    /// Nothing was there any more.
    AlreadyGone,
    /// The server could not be reached; the demo stays recorded for the next `demo down`.
    Unreachable,
}

impl RemovalOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalOutcome::Dropped => "dropped",
            RemovalOutcome::Deleted => "deleted",
            RemovalOutcome::AlreadyGone => "already_gone",
            RemovalOutcome::Unreachable => "unreachable",
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RemovedDemo {
    pub mode: &'static str,
    /// The server's connection string as safe to print (password masked); null for libpq's
    /// defaults and for a private cluster.
    pub database_url: Option<String>,
    pub data_dir: Option<String>,
    pub outcome: RemovalOutcome,
}

/// `demo down`: what was removed, and the line that undoes `demo up`'s exports.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DemoRemoved {
    pub demos: Vec<RemovedDemo>,
    /// Whether a `demo` profile was removed from `config_file`.
    pub profile_removed: bool,
    pub config_file: String,
    /// The variables `demo up`'s `export` lines set.
    pub unset: Vec<String>,
}

impl Record for DemoRemoved {
    const KIND: &'static str = "demo_removed";
}

impl View for DemoRemoved {
    fn view(&self) -> Doc {
        Doc::new().line(format!("unset {}", self.unset.join(" ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::TOUR;
    use crate::output::render::{self, RenderOptions};

    #[test]
    fn the_tour_is_a_shell_script_of_comments_and_commands() {
        let steps: Vec<TourStepRecord> = TOUR
            .iter()
            .enumerate()
            .map(|(i, s)| TourStepRecord::new(i + 1, s, "./target/release/obanctl"))
            .collect();
        let text = render::doc(
            &TourView {
                steps: &steps,
                program: "./target/release/obanctl",
            }
            .view(),
            &RenderOptions::PLAIN,
        );
        for line in text.lines().filter(|l| !l.is_empty()) {
            assert!(
                line.starts_with("# ")
                    || line.starts_with("./target/release/obanctl --profile demo "),
                "{line}"
            );
        }
        assert!(text.contains("run `./target/release/obanctl demo up` first"));
        assert!(text.contains("done: ./target/release/obanctl demo down"));
        assert_eq!(
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .count(),
            TOUR.len()
        );
        assert_eq!(steps[0].argv, ["--profile", "demo", "doctor"]);
    }

    #[test]
    fn export_and_unset_lines_match_and_quote_their_values() {
        let ready = DemoReady {
            mode: "server",
            schema: "obanctl_demo".into(),
            profile: "demo".into(),
            config_file: "/home/a/.config/obanctl/obanctl.toml".into(),
            database_url: Some("postgres://u@h/d?options=-c x=1".into()),
            data_dir: None,
            exports: vec![
                EnvVar {
                    name: "OBANCTL_PROFILE".into(),
                    value: "demo".into(),
                },
                EnvVar {
                    name: "OBANCTL_DATABASE_URL".into(),
                    value: "postgres://u@h/d?options=-c x=1".into(),
                },
            ],
            url_withheld: false,
        };
        let text = render::doc(&ready.view(), &RenderOptions::PLAIN);
        assert_eq!(
            text,
            "export OBANCTL_PROFILE=demo\nexport OBANCTL_DATABASE_URL='postgres://u@h/d?options=-c x=1'\n"
        );
        let removed = DemoRemoved {
            demos: vec![],
            profile_removed: true,
            config_file: ready.config_file.clone(),
            unset: ready.exports.iter().map(|v| v.name.clone()).collect(),
        };
        assert_eq!(
            render::doc(&removed.view(), &RenderOptions::PLAIN),
            "unset OBANCTL_PROFILE OBANCTL_DATABASE_URL\n"
        );
    }
}
