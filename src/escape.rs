//! Control characters made visible, so that no byte of an input reaches a
//! terminal raw: a file can carry ESC sequences (`\x1b]0;title\x07`, `\x1b[2J`), a
//! C1 CSI (U+009B) or a carriage return that overwrites what was printed before
//! it. The text reports (`human`, `short`, the audit report) show them escaped;
//! the tool's own colour sequences are added after escaping and stay.
//!
//! What is escaped, and how:
//! - C0 controls (U+0000 to U+001F), DEL (U+007F) and C1 controls (U+0080 to
//!   U+009F): `\r` for a carriage return, `\n` for a newline where it is escaped,
//!   `\xNN` (two lowercase hex digits of the code point) for every other one:
//!   ESC is `\x1b`, BEL `\x07`, NUL `\x00`, DEL `\x7f`, CSI `\x9b`;
//! - a byte that is not valid UTF-8 ([`escape_bytes`] only): `\xNN` of the byte
//!   (`a\xff.conf`);
//! - the tab always stays; the newline stays in [`escape_controls`] (multi-line
//!   text) and is escaped by [`escape_bytes`] (one-line fields such as file names).
//!
//! A backslash is not doubled: the output is for reading, not for parsing back
//! (`a\x1b` may be four characters or two). Text without anything to escape is
//! returned borrowed, so the common case costs a scan and no allocation.
//!
//! ```
//! use sysctl_lint::escape::{escape_bytes, escape_controls};
//! assert_eq!(escape_controls("a\x1b[2Jb\u{9b}c\r\n"), "a\\x1b[2Jb\\x9bc\\r\n");
//! assert_eq!(escape_bytes(b"50-a\xff\n.conf"), "50-a\\xff\\n.conf");
//! assert!(matches!(escape_controls("plain\ttext\n"), std::borrow::Cow::Borrowed(_)));
//! ```

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

/// Whether a character is shown escaped (tab and newline aside, see the module
/// documentation).
pub fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\x1f' | '\x7f' | '\u{80}'..='\u{9f}')
}

/// Append the escaped form of a control character.
fn push_escaped(out: &mut String, c: char) {
    match c {
        '\r' => out.push_str("\\r"),
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        c => {
            let _ = write!(out, "\\x{:02x}", u32::from(c));
        }
    }
}

/// Text that may span lines (a message, a help, a snippet of a file): every
/// control character except tab and newline is escaped.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    escape_str(text, |c| c != '\t' && c != '\n')
}

/// Escape the controls of `text` for which `escape(c)` holds.
fn escape_str(text: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    let wanted = |c: char| is_control(c) && escape(c);
    let Some(first) = text.find(wanted) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if wanted(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A one-line field given as bytes (a file name, which need not be UTF-8): each
/// byte that is not valid UTF-8 is shown as `\xNN`, and every control character
/// except tab is escaped, the newline too (`\n`), so the field stays on its line.
pub fn escape_bytes(bytes: &[u8]) -> Cow<'_, str> {
    let one_line = |c: char| c != '\t';
    if let Ok(text) = std::str::from_utf8(bytes) {
        return escape_str(text, one_line);
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(&escape_str(chunk.valid(), one_line));
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    Cow::Owned(out)
}

/// [`escape_bytes`] of a path's bytes: the form in which to show a file name.
pub fn escape_path(path: &Path) -> Cow<'_, str> {
    use std::os::unix::ffi::OsStrExt;
    escape_bytes(path.as_os_str().as_bytes())
}

/// A file's bytes as a report shows them, with a map from offsets in the file to
/// offsets in the shown text, so that spans (labels, carets) still point at the
/// same characters: controls and bytes that are not UTF-8 are escaped as above,
/// tab and newline stay, and the carriage return of a CRLF line ending is left
/// out (it would otherwise show on every line of a CRLF file).
#[derive(Debug, Clone)]
pub struct EscapedSource<'a> {
    text: Cow<'a, str>,
    /// Each escaped piece, in file order: its range in the file, and where its
    /// shown form ends in `text` (it starts at `shown_end - shown_len`).
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    shown_start: usize,
    shown_end: usize,
}

impl<'a> EscapedSource<'a> {
    /// Escape a file's bytes.
    pub fn new(bytes: &'a [u8]) -> EscapedSource<'a> {
        let needs = |b: u8| b < 0x20 && b != b'\t' && b != b'\n' || b >= 0x7f;
        if !bytes.iter().any(|&b| needs(b)) {
            // ASCII without controls.
            if let Ok(text) = std::str::from_utf8(bytes) {
                return EscapedSource {
                    text: Cow::Borrowed(text),
                    pieces: Vec::new(),
                };
            }
        }
        let mut text = String::with_capacity(bytes.len() + 16);
        let mut pieces = Vec::new();
        let mut offset = 0;
        let mut piece =
            |text: &mut String, start: usize, end: usize, shown: &dyn Fn(&mut String)| {
                let shown_start = text.len();
                shown(text);
                pieces.push(Piece {
                    start,
                    end,
                    shown_start,
                    shown_end: text.len(),
                });
            };
        for chunk in bytes.utf8_chunks() {
            let valid = chunk.valid();
            let mut rest_start = 0;
            for (i, c) in valid.char_indices() {
                if !is_control(c) || c == '\t' || c == '\n' {
                    continue;
                }
                text.push_str(&valid[rest_start..i]);
                let start = offset + i;
                let end = start + c.len_utf8();
                if c == '\r' && bytes.get(end) == Some(&b'\n') {
                    piece(&mut text, start, end, &|_| {});
                } else {
                    piece(&mut text, start, end, &|t| push_escaped(t, c));
                }
                rest_start = i + c.len_utf8();
            }
            text.push_str(&valid[rest_start..]);
            offset += valid.len();
            for &b in chunk.invalid() {
                piece(&mut text, offset, offset + 1, &|t| {
                    let _ = write!(t, "\\x{b:02x}");
                });
                offset += 1;
            }
        }
        EscapedSource {
            text: Cow::Owned(text),
            pieces,
        }
    }

    /// The text to show.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether nothing was escaped (offsets are the same in both).
    pub fn is_verbatim(&self) -> bool {
        self.pieces.is_empty()
    }

    /// The offset in the shown text of an offset in the file. An offset inside an
    /// escaped piece maps to the start of its shown form; the end of a piece to
    /// the end of its shown form; an offset inside a character to its start (the
    /// result can always slice the shown text).
    pub fn shown_offset(&self, offset: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.start <= offset);
        let shown = match i.checked_sub(1).map(|i| self.pieces[i]) {
            None => offset,
            Some(p) if offset < p.end => return p.shown_start,
            Some(p) => p.shown_end + (offset - p.end),
        };
        let mut shown = shown.min(self.text.len());
        while !self.text.is_char_boundary(shown) {
            shown -= 1;
        }
        shown
    }

    /// [`EscapedSource::shown_offset`] of both ends of a span: an escaped
    /// character is covered whole.
    pub fn shown_span(&self, span: &Range<usize>) -> Range<usize> {
        let start = self.shown_offset(span.start);
        let end = if span.end > span.start {
            // The end of the piece holding the last byte of the span.
            let last = span.end - 1;
            let i = self.pieces.partition_point(|p| p.start <= last);
            match i.checked_sub(1).map(|i| self.pieces[i]) {
                Some(p) if last < p.end => p.shown_end,
                _ => self.shown_offset(span.end),
            }
        } else {
            start
        };
        start..end.max(start)
    }

    /// The offset in the file of an offset in the shown text (the start of the
    /// piece for an offset inside an escaped form).
    pub fn file_offset(&self, shown: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.shown_start <= shown);
        let Some(p) = i.checked_sub(1).map(|i| self.pieces[i]) else {
            return shown;
        };
        if shown < p.shown_end || p.shown_start == p.shown_end && shown == p.shown_start {
            p.start
        } else {
            p.end + (shown - p.shown_end)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_tab_and_newline_stay() {
        assert_eq!(
            escape_controls("\x1b[31mred\x07\r\x7f\u{85}\u{9b}\u{a0}é\t\n\0"),
            "\\x1b[31mred\\x07\\r\\x7f\\x85\\x9b\u{a0}é\t\n\\x00"
        );
        assert!(matches!(
            escape_controls("net.ipv4.ip_forward = 1\n"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn bytes_escape_invalid_utf8_and_newlines() {
        assert_eq!(escape_bytes(b"a\xff.conf"), "a\\xff.conf");
        assert_eq!(escape_bytes(b"a\nb\tc\x1b\xc2"), "a\\nb\tc\\x1b\\xc2");
        assert_eq!(escape_bytes("中\u{9b}".as_bytes()), "中\\x9b");
        assert!(matches!(escape_bytes(b"plain.conf"), Cow::Borrowed(_)));
        assert_eq!(escape_path(Path::new("/etc/x\ry.conf")), "/etc/x\\ry.conf");
    }

    #[test]
    fn source_offsets_map_both_ways() {
        // k\x1b = \xff\r\n, then a CRLF line: the CR before a LF is left out.
        let bytes = b"k\x1b = \xffv\r\nx = 1\r\n";
        let s = EscapedSource::new(bytes);
        assert_eq!(s.text(), "k\\x1b = \\xffv\nx = 1\n");
        assert_eq!(s.shown_offset(0), 0);
        assert_eq!(s.shown_offset(1), 1); // ESC starts at 1
        assert_eq!(s.shown_offset(2), 5); // after `\x1b`
        assert_eq!(s.shown_span(&(1..2)), 1..5);
        assert_eq!(s.shown_span(&(5..7)), 8..13); // `\xffv`
        assert_eq!(s.shown_offset(7), 13); // the CR: nothing shown
        assert_eq!(s.shown_offset(8), 13); // the LF
        assert_eq!(s.shown_offset(9), 14); // `x`
        assert_eq!(s.file_offset(14), 9);
        assert_eq!(s.file_offset(3), 1);
        assert_eq!(s.file_offset(5), 2);
        assert_eq!(s.file_offset(13), 7);
        assert!(!s.is_verbatim());
        let plain = EscapedSource::new(b"a = 1\n");
        assert!(plain.is_verbatim());
        assert_eq!(plain.shown_offset(3), 3);
    }

    proptest::proptest! {
        /// Any bytes: nothing raw but tab and newline, lines kept, offsets in order
        /// and mapped back to where they came from.
        #[test]
        fn any_bytes_are_shown_safely(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let s = EscapedSource::new(&bytes);
            proptest::prop_assert!(!s.text().chars().any(|c| is_control(c) && c != '\t' && c != '\n'));
            proptest::prop_assert_eq!(
                s.text().matches('\n').count(),
                bytes.iter().filter(|&&b| b == b'\n').count()
            );
            let mut last = 0;
            for o in 0..=bytes.len() {
                let shown = s.shown_offset(o);
                proptest::prop_assert!(shown >= last && shown <= s.text().len());
                proptest::prop_assert!(s.text().is_char_boundary(shown));
                last = shown;
                let back = s.file_offset(shown);
                proptest::prop_assert!(back <= o);
                proptest::prop_assert_eq!(s.shown_offset(back), shown);
                let span = s.shown_span(&(back..o));
                proptest::prop_assert!(span.start <= span.end && s.text().get(span).is_some());
            }
            let one_line = escape_bytes(&bytes);
            proptest::prop_assert!(!one_line.chars().any(|c| is_control(c) && c != '\t'));
        }
    }

    #[test]
    fn a_lone_carriage_return_is_shown() {
        let s = EscapedSource::new(b"a\rb\r");
        assert_eq!(s.text(), "a\\rb\\r");
        // Multi-byte UTF-8 controls (C1) are one piece.
        let s = EscapedSource::new("a\u{9b}b".as_bytes());
        assert_eq!(s.text(), "a\\x9bb");
        assert_eq!(s.shown_span(&(1..3)), 1..5);
        assert_eq!(s.shown_offset(3), 5);
    }
}
