//! Neutralises untrusted text before it reaches a terminal. Pure.
//!
//! Job errors, worker names, tags, audit reasons and config values are written by applications,
//! other tools and possibly attackers. Printed raw, an ESC or CSI sequence can retitle or clear the
//! operator's terminal, or redraw a confirmation prompt; bidi overrides can make text read
//! differently from what it is. Every character in [`is_unsafe`] is shown as a visible escape
//! instead (`\x1b`, `\u{9b}`, `\u{202e}`, `\n`, `\t`), so what is on screen is what is stored.

use std::borrow::Cow;
use std::fmt::Write;

/// Characters never written to a terminal as themselves: C0 controls (tab and newline included),
/// DEL, C1 controls (U+0080 to U+009F, among them the one-byte CSI U+009B), the bidi marks,
/// embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
/// U+2069), and the line and paragraph separators U+2028 and U+2029.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

fn escape_into(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        c if (c as u32) < 0x80 => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

/// One line of display text: every unsafe character escaped, newlines included.
pub fn inline(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            escape_into(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Multi-line display text (an error's stack trace, generated DOT or SQL): split on `\n`, each
/// line passed through [`inline`] (a `\r` before the newline is dropped, any other is escaped).
pub fn lines(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    text.split('\n')
        .map(|line| inline(line.strip_suffix('\r').unwrap_or(line)))
}

/// Cuts display text to at most `max` characters, marking the cut with `…`. Counts characters,
/// not bytes, so it never splits one.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    if max == 0 || text.chars().count() <= max {
        return Cow::Borrowed(text);
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn control_sequences_become_visible_escapes() {
        assert_eq!(
            inline("W\x1b]0;PWNED\x07\x1b[2J"),
            "W\\x1b]0;PWNED\\x07\\x1b[2J"
        );
        assert_eq!(inline("a\u{9b}2Jb"), "a\\u{9b}2Jb");
        assert_eq!(inline("x\u{7f}y"), "x\\x7fy");
        assert_eq!(inline("evil\u{202e}txt.exe"), "evil\\u{202e}txt.exe");
        assert_eq!(inline("\u{2066}iso\u{2069}"), "\\u{2066}iso\\u{2069}");
        assert_eq!(inline("two\nlines\tand\r"), "two\\nlines\\tand\\r");
        assert_eq!(inline("plain ünïcødé ✓ 修正"), "plain ünïcødé ✓ 修正");
        assert!(matches!(inline("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn blocks_keep_their_lines_and_escape_the_rest() {
        let shown: Vec<String> = lines("first\r\nsec\x1bond\n")
            .map(Cow::into_owned)
            .collect();
        assert_eq!(shown, vec!["first", "sec\\x1bond", ""]);
    }

    #[test]
    fn truncation_counts_characters() {
        assert_eq!(truncate("ééééé", 3), "éé…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abc", 0), "abc");
    }

    proptest! {
        #[test]
        fn nothing_unsafe_ever_comes_out(text in any::<String>()) {
            prop_assert!(!inline(&text).chars().any(is_unsafe));
            for line in lines(&text) {
                prop_assert!(!line.chars().any(is_unsafe));
            }
            prop_assert!(!truncate(&inline(&text), 10).chars().any(is_unsafe));
        }

        #[test]
        fn safe_text_is_unchanged(text in "[a-zA-Z0-9 ./:_é✓-]{0,40}") {
            prop_assert_eq!(inline(&text), text.as_str());
        }
    }
}
