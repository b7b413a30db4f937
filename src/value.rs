//! How the kernel reads a value: integers as `proc_get_long()` parses them
//! (base auto-detected, `-` allowed for signed keys, the next character must be a
//! blank or the end), vectors element by element, and what an inline comment does.
//! Source: reference/kernel-write-behaviour.md (measured on 6.18).

use std::ops::Range;

/// Why a token is not an integer the kernel accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntError {
    /// Not a number at all (`abc`, `+5`, `1e3`, `30,`).
    NotANumber,
    /// `-5` for an unsigned key.
    Negative,
    /// Does not fit the kernel's integer.
    Overflow,
}

/// Parse one token like the kernel's `proc_get_long()` (`strtoul(.., 0)` plus sign).
pub fn parse_int(token: &str) -> Result<i128, IntError> {
    let (neg, digits) = match token.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    let (radix, body) = if let Some(h) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        (16, h)
    } else if digits.len() > 1 && digits.starts_with('0') {
        (8, &digits[1..])
    } else {
        (10, digits)
    };
    if body.is_empty() || !body.chars().all(|c| c.is_digit(radix)) {
        return Err(IntError::NotANumber);
    }
    let magnitude = u64::from_str_radix(body, radix).map_err(|_| IntError::Overflow)?;
    let v = i128::from(magnitude);
    Ok(if neg { -v } else { v })
}

/// `text` cut to at most `max` characters, with `…` when cut (for messages that
/// quote a value: a pasted binary line can be megabytes long).
pub fn elide(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

/// A blank-separated token of a value, with its byte range in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub span: Range<usize>,
}

/// The tokens of a value: up to four (every sysctl vector) without allocating.
pub type Tokens<'a> = smallvec::SmallVec<[Token<'a>; 4]>;

/// Split `text` (which starts at byte `offset` of the file) at blanks.
pub fn tokens(text: &str, offset: usize) -> Tokens<'_> {
    let mut out = Tokens::new();
    let mut start = None;
    // Blanks are ASCII, so a byte scan finds them and keeps char boundaries.
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let blank = b == b' ' || b == b'\t';
        match (blank, start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push(Token {
                    text: &text[s..i],
                    span: offset + s..offset + i,
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Token {
            text: &text[s..],
            span: offset + s..offset + text.len(),
        });
    }
    out
}

/// A value split into what the kernel is meant to read and a trailing comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineComment {
    /// From the `#` or `;` to the end of the value.
    pub span: Range<usize>,
    /// The comment is glued to the previous token (`15#fast`).
    pub glued: bool,
}

/// Find a comment inside a value: `#` or `;` after a blank, or (for numeric keys)
/// a `#` glued to a number.
pub fn find_inline_comment(value: &str, offset: usize, numeric: bool) -> Option<InlineComment> {
    let bytes = value.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b != b'#' && b != b';' {
            continue;
        }
        let after_blank = i == 0 || matches!(bytes[i - 1], b' ' | b'\t');
        if after_blank {
            return Some(InlineComment {
                span: offset + i..offset + value.len(),
                glued: false,
            });
        }
        if numeric && b == b'#' {
            return Some(InlineComment {
                span: offset + i..offset + value.len(),
                glued: true,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernel_integers() {
        assert_eq!(parse_int("30"), Ok(30));
        assert_eq!(parse_int("-5"), Ok(-5));
        assert_eq!(parse_int("0x10"), Ok(16));
        assert_eq!(parse_int("010"), Ok(8));
        assert_eq!(parse_int("0"), Ok(0));
        for bad in ["abc", "+5", "1e3", "30,", "08", "", "-", "0x"] {
            assert_eq!(parse_int(bad), Err(IntError::NotANumber), "{bad}");
        }
        assert_eq!(
            parse_int("99999999999999999999999"),
            Err(IntError::Overflow)
        );
    }

    #[test]
    fn comments() {
        let c = find_inline_comment("16777216 #x", 10, true).unwrap();
        assert_eq!((c.span, c.glued), (19..21, false));
        assert!(find_inline_comment("15#fast", 0, true).unwrap().glued);
        assert_eq!(find_inline_comment("core.#", 0, false), None);
        assert!(find_inline_comment("foo ; bar", 0, false).is_some());
    }

    #[test]
    fn token_spans() {
        let t = tokens("1024\t65000  x", 5);
        assert_eq!(t.len(), 3);
        assert_eq!(t[1].span, 10..15);
    }
}
