//! `completions/` and `man/` are generated from the clap definitions; this fails when they are
//! stale. Regenerate with `scripts/generate-docs`.

use std::path::Path;

fn assert_fresh(dir: &str, files: Vec<(String, Vec<u8>)>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut expected: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
    expected.sort();
    let mut present: Vec<String> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}; run scripts/generate-docs", root.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    present.sort();
    assert_eq!(
        present, expected,
        "{dir}/ is stale; run scripts/generate-docs"
    );
    for (name, contents) in files {
        let on_disk = std::fs::read(root.join(&name)).unwrap();
        assert!(
            on_disk == contents,
            "{dir}/{name} is stale; run scripts/generate-docs"
        );
    }
}

#[test]
fn completions_are_up_to_date() {
    assert_fresh("completions", obanctl::commands::docs::render_completions());
}

#[test]
fn man_pages_are_up_to_date() {
    assert_fresh("man", obanctl::commands::docs::render_man_pages().unwrap());
}

#[test]
fn man_pages_have_an_exit_status_section_value_names_and_no_help_page() {
    let pages = obanctl::commands::docs::render_man_pages().unwrap();
    assert!(pages.iter().all(|(name, _)| name != "obanctl-help.1"));
    for (name, body) in &pages {
        let text = String::from_utf8_lossy(body);
        assert!(!text.contains("obanctl\\-help(1)"), "{name}");
        assert!(text.contains(".SH \"EXIT STATUS\""), "{name}");
        assert!(!text.contains(".SH EXTRA"), "{name}");
    }
    let doctor = &pages
        .iter()
        .find(|(n, _)| n == "obanctl-doctor.1")
        .unwrap()
        .1;
    let text = String::from_utf8_lossy(doctor);
    assert!(
        text.contains("[\\fB\\-\\-only\\fR \\fICHECK\\fR]"),
        "{text}"
    );
    assert!(text.contains("Exit codes: 0 clean"), "{text}");
}
