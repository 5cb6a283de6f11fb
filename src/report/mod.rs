//! Report values: what each command hands the printer, with its JSON kind and its view for
//! people. Pure: built from rows and plain values, rendered by [`crate::output`], unit-tested
//! without a database or a terminal.

pub mod audit;
pub mod config;
pub mod cron;
pub mod demo;
pub mod jobs;
pub mod limiter;
pub mod mutate;
pub mod prune;
pub mod queues;
pub mod triage;
pub mod workflow;

#[cfg(test)]
mod tests {
    /// The cron, limiter and workflow sources state their facts; they cite no documents outside
    /// the code (a reader of the repository cannot follow such a reference).
    #[test]
    fn comments_state_facts_instead_of_citing_documents() {
        let sources = [
            ("cron.rs", include_str!("../cron.rs")),
            ("limiter.rs", include_str!("../limiter.rs")),
            ("workflow.rs", include_str!("../workflow.rs")),
            ("commands/cron.rs", include_str!("../commands/cron.rs")),
            (
                "commands/limiter.rs",
                include_str!("../commands/limiter.rs"),
            ),
            (
                "commands/workflow.rs",
                include_str!("../commands/workflow.rs"),
            ),
            ("db/cron.rs", include_str!("../db/cron.rs")),
            ("db/limiter.rs", include_str!("../db/limiter.rs")),
            ("db/workflow.rs", include_str!("../db/workflow.rs")),
            ("report/cron.rs", include_str!("cron.rs")),
            ("report/limiter.rs", include_str!("limiter.rs")),
            ("report/workflow.rs", include_str!("workflow.rs")),
        ];
        // Built at run time so this test does not find itself.
        let section = char::from_u32(0xA7).unwrap().to_string();
        let doc_suffix = [".", "md"].concat();
        for (name, text) in sources {
            for (i, line) in text.lines().enumerate() {
                let comment = line.trim_start();
                if comment.starts_with("//") {
                    assert!(
                        !comment.contains(&section) && !comment.contains(&doc_suffix),
                        "src/{name}:{} cites a document: {line}",
                        i + 1
                    );
                }
            }
        }
    }
}
