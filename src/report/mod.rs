//! Report values: what each command hands the printer, with its JSON kind and its view for
//! people. Pure: built from rows and plain values, rendered by [`crate::output`], unit-tested
//! without a database or a terminal.

pub mod audit;
pub mod config;
pub mod cron;
pub mod demo;
pub mod install;
pub mod jobs;
pub mod limiter;
pub mod mutate;
pub mod prune;
pub mod queues;
pub mod triage;
pub mod workflow;

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// Comments state their facts; they cite no documents outside the code (a reader of the
    /// repository cannot follow such a reference).
    #[test]
    fn comments_state_facts_instead_of_citing_documents() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&root, &mut files);
        assert!(
            files.len() > 50,
            "found the sources under {}",
            root.display()
        );
        // Built at run time so this test does not find itself.
        let section = char::from_u32(0xA7).unwrap().to_string();
        let doc_suffix = [".", "md"].concat();
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, line) in text.lines().enumerate() {
                let comment = line.trim_start();
                if comment.starts_with("//") {
                    assert!(
                        !comment.contains(&section) && !comment.contains(&doc_suffix),
                        "{}:{} cites a document: {line}",
                        path.display(),
                        i + 1
                    );
                }
            }
        }
    }
}
