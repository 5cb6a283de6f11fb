//! JSON lines: one object per line, `kind` first, terminal-safe. Pure.
//!
//! serde_json escapes only U+0000 to U+001F. A JSON line is often read on a terminal (`| jq`, a
//! CI log), so this encoder also writes DEL, the C1 controls and the bidi and separator characters
//! of [`super::sanitize::is_unsafe`] as `\uXXXX` escapes. The text stays valid, lossless JSON.

use std::io;

use serde::Serialize;
use serde_json::ser::{CharEscape, Formatter};

use super::sanitize::is_unsafe;

/// serde_json's compact layout, with the extra escapes.
#[derive(Debug, Default, Clone, Copy)]
pub struct SafeFormatter;

impl Formatter for SafeFormatter {
    fn write_string_fragment<W>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()>
    where
        W: ?Sized + io::Write,
    {
        let mut start = 0;
        for (index, c) in fragment.char_indices() {
            // serde_json has already escaped C0 controls, quotes and backslashes out of fragments.
            if is_unsafe(c) {
                writer.write_all(&fragment.as_bytes()[start..index])?;
                write!(writer, "\\u{:04x}", c as u32)?;
                start = index + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn write_char_escape<W>(&mut self, writer: &mut W, escape: CharEscape) -> io::Result<()>
    where
        W: ?Sized + io::Write,
    {
        serde_json::ser::CompactFormatter.write_char_escape(writer, escape)
    }
}

/// Serializes `value` compactly with [`SafeFormatter`].
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(256);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, SafeFormatter);
    value.serialize(&mut serializer)?;
    // The formatter writes only what serde_json gives it and ASCII escapes: always UTF-8.
    Ok(String::from_utf8(out).expect("JSON output is UTF-8"))
}

/// `{"kind": kind, ...record}`: the record must serialize as a map (a struct).
#[derive(Serialize)]
struct Envelope<'a, T: ?Sized> {
    kind: &'static str,
    #[serde(flatten)]
    record: &'a T,
}

/// One JSON line for a record of `kind`.
pub fn line<T: Serialize + ?Sized>(kind: &'static str, record: &T) -> serde_json::Result<String> {
    to_string(&Envelope { kind, record })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    #[test]
    fn kind_comes_first_and_unsafe_characters_are_escaped() {
        #[derive(Serialize)]
        struct Job {
            id: i64,
            worker: String,
        }
        let text = line(
            "job",
            &Job {
                id: 7,
                worker: "W\u{1b}[2J\u{9b}\u{202e}\u{7f}ok".into(),
            },
        )
        .unwrap();
        assert_eq!(
            text,
            r#"{"kind":"job","id":7,"worker":"W\u001b[2J\u009b\u202e\u007fok"}"#
        );
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["worker"], "W\u{1b}[2J\u{9b}\u{202e}\u{7f}ok");
    }

    #[test]
    fn ordinary_text_is_written_as_is() {
        assert_eq!(
            to_string(&json!({"a": "ünï ✓ \"q\" \\"})).unwrap(),
            r#"{"a":"ünï ✓ \"q\" \\"}"#
        );
    }

    proptest! {
        #[test]
        fn output_round_trips_and_holds_no_unsafe_character(text in any::<String>()) {
            let encoded = to_string(&json!({ "t": text })).unwrap();
            prop_assert!(!encoded.chars().any(is_unsafe));
            let back: Value = serde_json::from_str(&encoded).unwrap();
            prop_assert_eq!(back["t"].as_str().unwrap(), text.as_str());
        }
    }
}
