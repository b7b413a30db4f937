//! Positions and URIs: the protocol's `(line, character)` against the byte offsets
//! every diagnostic and edit carries, and `file://` URIs against paths.
//!
//! Lines end at `\n` only (a `\r` before it belongs to the line's text), as the
//! sysctl loaders read them. Characters are counted in the encoding agreed at
//! `initialize`: UTF-16 code units (the protocol's default) or UTF-8 bytes.

use std::ffi::OsString;
use std::ops::Range;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use lsp_types::{Position, Uri};

/// How `Position::character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    fn width(self, c: char) -> u32 {
        match self {
            Encoding::Utf8 => c.len_utf8() as u32,
            Encoding::Utf16 => c.len_utf16() as u32,
        }
    }
}

/// Where each line of a text starts, for conversions both ways.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    encoding: Encoding,
}

impl LineIndex {
    pub fn new(text: &str, encoding: Encoding) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineIndex {
            starts,
            len: text.len(),
            encoding,
        }
    }

    /// The position of a byte offset (clamped to the text, and down to a character
    /// boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(self.len);
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        let character = text[start..offset]
            .chars()
            .map(|c| self.encoding.width(c))
            .sum();
        Position {
            line: line as u32,
            character,
        }
    }

    /// The range of a byte span.
    pub fn range(&self, text: &str, span: &Range<usize>) -> lsp_types::Range {
        lsp_types::Range {
            start: self.position(text, span.start),
            end: self.position(text, span.end),
        }
    }

    /// The byte offset of a position. A character past the end of its line means
    /// the end of the line (before its `\n`); a line past the end, the end of the
    /// text; a position inside a character, the start of the next one.
    pub fn offset(&self, text: &str, pos: Position) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else {
            return self.len;
        };
        let end = self
            .starts
            .get(pos.line as usize + 1)
            .map_or(self.len, |&next| next - 1);
        let mut units = 0u32;
        for (i, c) in text[start..end].char_indices() {
            if units >= pos.character {
                return start + i;
            }
            units += self.encoding.width(c);
        }
        end
    }

    /// The byte span of a range.
    pub fn span(&self, text: &str, range: lsp_types::Range) -> Range<usize> {
        let a = self.offset(text, range.start);
        let b = self.offset(text, range.end);
        a.min(b)..a.max(b)
    }
}

/// The path of a `file:` URI (`file:///etc/sysctl.conf`, `file://localhost/...`),
/// percent-decoded; `None` for any other URI (`untitled:`, a remote host).
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let path = match rest.find('/') {
        Some(0) => rest,
        Some(i) if rest[..i].eq_ignore_ascii_case("localhost") => &rest[i..],
        _ => return None,
    };
    let path = path.split(['?', '#']).next()?;
    Some(PathBuf::from(OsString::from_vec(percent_decode(path)?)))
}

/// The `file://` URI of an absolute path.
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    let mut s = String::from("file://");
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s.parse().ok()
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_in_both_encodings() {
        let text = "a = 1\r\n# 中文 😀 x\nlast";
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            let idx = LineIndex::new(text, enc);
            for (off, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let p = idx.position(text, off);
                assert_eq!(idx.offset(text, p), off, "{enc:?} {off}");
            }
        }
        let idx = LineIndex::new(text, Encoding::Utf16);
        // 😀 is two UTF-16 units: `x` is at 2 + 2 + 1 + 2 + 1 = 8.
        let x = text.find('x').unwrap();
        assert_eq!(idx.position(text, x), Position::new(1, 8));
        let idx8 = LineIndex::new(text, Encoding::Utf8);
        assert_eq!(idx8.position(text, x), Position::new(1, 14));
        // Past the end of a line: its end, before the newline.
        assert_eq!(idx.offset(text, Position::new(0, 99)), 6);
        assert_eq!(idx.offset(text, Position::new(9, 0)), text.len());
    }

    #[test]
    fn file_uris() {
        let p = Path::new("/etc/sysctl.d/a b%.conf");
        let u = path_to_uri(p).unwrap();
        assert_eq!(u.as_str(), "file:///etc/sysctl.d/a%20b%25.conf");
        assert_eq!(uri_to_path(&u).as_deref(), Some(p));
        let l: Uri = "file://localhost/etc/sysctl.conf".parse().unwrap();
        assert_eq!(uri_to_path(&l).unwrap(), Path::new("/etc/sysctl.conf"));
        let c: Uri = "file:///c%3A/x.conf".parse().unwrap();
        assert_eq!(uri_to_path(&c).unwrap(), Path::new("/c:/x.conf"));
        let untitled: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(uri_to_path(&untitled), None);
    }
}
