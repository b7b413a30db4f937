//! One input file as bytes, with the text the parser sees and a line index.
//!
//! sysctl files are byte streams: procps and systemd never decode them. We keep the
//! bytes for fixes, and give the parser a `&str` of the *same length*: each byte
//! that is not valid UTF-8 is replaced by one placeholder byte (0x1A, SUB), so every
//! byte offset means the same thing in both.

use std::ops::Range;
use std::sync::Arc;

/// Placeholder for a byte that is not valid UTF-8 (keeps offsets identical).
pub const INVALID_BYTE_PLACEHOLDER: char = '\u{1A}';

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it (`-` is shown as the stdin name).
    pub name: String,
    /// The original bytes, when they are not valid UTF-8 (otherwise they are
    /// `text`, kept once).
    original: Option<Vec<u8>>,
    /// The bytes with each invalid UTF-8 byte replaced by
    /// [`INVALID_BYTE_PLACEHOLDER`]; shared with the settings that point into it.
    pub text: Arc<String>,
    /// Byte ranges of invalid UTF-8 sequences in `bytes`.
    pub invalid_utf8: Vec<Range<usize>>,
    /// Where each line starts: built on first use (reports with findings), as a
    /// clean million-line file never needs it.
    line_starts: std::sync::OnceLock<Vec<u32>>,
    /// The file the bytes were read from (canonical path and identity), to write
    /// fixes back to the same file; `None` for standard input, masks and
    /// in-memory sources.
    pub origin: Option<crate::fsroot::FileId>,
    /// Under `--root`: where the file is on this machine (the tree's own file,
    /// `image/etc/sysctl.d/10-a.conf`), for the reports that tools open files
    /// from; `name` is then the path the booted system knows it by.
    pub location: Option<String>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, bytes: Vec<u8>) -> Self {
        let (text, original, invalid_utf8) = match String::from_utf8(bytes) {
            Ok(text) => (text, None, Vec::new()),
            Err(e) => {
                let bytes = e.into_bytes();
                let (text, invalid) = sanitize(&bytes);
                (text, Some(bytes), invalid)
            }
        };
        SourceFile {
            name: name.into(),
            original,
            text: Arc::new(text),
            invalid_utf8,
            line_starts: std::sync::OnceLock::new(),
            origin: None,
            location: None,
        }
    }

    /// The same source, remembering the file it was read from.
    pub fn with_origin(mut self, origin: Option<crate::fsroot::FileId>) -> Self {
        self.origin = origin;
        self
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            // Offsets fit: inputs are capped at 64 MiB.
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i as u32 + 1))
                .collect()
        })
    }

    /// The original bytes.
    pub fn bytes(&self) -> &[u8] {
        self.original.as_deref().unwrap_or(self.text.as_bytes())
    }

    /// Number of lines, counting a last line without a final newline.
    pub fn line_count(&self) -> usize {
        let n = self.line_starts().len();
        if self.text.is_empty() || self.text.ends_with('\n') {
            n - 1
        } else {
            n
        }
    }

    /// 0-based line index of a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        let offset = u32::try_from(offset).unwrap_or(u32::MAX);
        match self.line_starts().binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte offset where a 0-based line starts.
    pub fn line_start(&self, line_index: usize) -> usize {
        self.line_starts()
            .get(line_index)
            .map_or(self.text.len(), |&s| s as usize)
    }

    /// 1-based (line, column) of a byte offset; the column counts characters.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line = self.line_index(offset);
        let start = self.line_start(line);
        let column = self.text[start..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// The largest char boundary at or before `offset`.
    pub fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while offset > 0 && !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// True if the range covers a byte that was not valid UTF-8.
    pub fn has_invalid_utf8(&self, range: &Range<usize>) -> bool {
        self.invalid_utf8
            .iter()
            .any(|r| r.start < range.end && range.start < r.end)
    }
}

/// Replace each byte of each invalid UTF-8 sequence by one placeholder byte.
fn sanitize(bytes: &[u8]) -> (String, Vec<Range<usize>>) {
    let mut text = String::with_capacity(bytes.len());
    let mut invalid: Vec<Range<usize>> = Vec::new();
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        offset += chunk.valid().len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            for _ in bad {
                text.push(INVALID_BYTE_PLACEHOLDER);
            }
            match invalid.last_mut() {
                Some(last) if last.end == offset => last.end += bad.len(),
                _ => invalid.push(offset..offset + bad.len()),
            }
            offset += bad.len();
        }
    }
    (text, invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_bytes_keep_offsets() {
        let f = SourceFile::new("t", b"# \xb1\xed\nkey = 1\n".to_vec());
        assert_eq!(f.text.len(), f.bytes().len());
        assert_eq!(f.invalid_utf8, vec![2..4]);
        assert_eq!(f.position(5), (2, 1));
        assert_eq!(f.line_count(), 2);
    }

    #[test]
    fn columns_count_characters() {
        let f = SourceFile::new("t", "# 中文\nk = v".as_bytes().to_vec());
        assert_eq!(f.position("# 中文".len()), (1, 5));
        assert_eq!(f.line_count(), 2);
    }
}
