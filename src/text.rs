//! Text measured as a terminal shows it: display columns (a CJK character takes
//! two, a combining mark none), and user text clipped to fit a headline.

use std::borrow::Cow;
use unicode_width::UnicodeWidthChar;
use unicode_width::UnicodeWidthStr;

/// Display columns of `s` in a terminal.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` if it fits in `max` columns, else its longest prefix that fits with `…`
/// after it (the result is at most `max` columns; a `max` of 0 gives `…`).
///
/// ```
/// use sysctl_lint::text::clip;
/// assert_eq!(clip("#最大socket读buffer", 10), "#最大sock…");
/// assert_eq!(clip("short", 10), "short");
/// ```
pub fn clip(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let budget = max.saturating_sub(1);
    let mut used = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > budget {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    Cow::Owned(format!("{}…", &s[..end]))
}

/// `s` broken at blanks into lines of at most `first` columns (the first line)
/// and `rest` columns (the others), measured with [`width`]. A word is never
/// broken: one longer than its line stays whole on a line of its own. Text that
/// fits is one line; a line break in `s` is kept.
///
/// ```
/// use sysctl_lint::text::wrap;
/// assert_eq!(wrap("a bb ccc", 4, 4), ["a bb", "ccc"]);
/// assert_eq!(wrap("最大 socket", 6, 6), ["最大", "socket"]);
/// ```
pub fn wrap(s: &str, first: usize, rest: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for para in s.split('\n') {
        if width(para) <= if out.is_empty() { first } else { rest } {
            out.push(para.to_owned());
            continue;
        }
        let mut line = String::new();
        let mut used = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let budget = if out.is_empty() { first } else { rest };
            let w = width(word);
            if !line.is_empty() && used + 1 + w > budget {
                out.push(std::mem::take(&mut line));
                used = 0;
            }
            if !line.is_empty() {
                line.push(' ');
                used += 1;
            }
            line.push_str(word);
            used += w;
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_is_two_columns() {
        assert_eq!(width("最大"), 4);
        assert_eq!(clip("最大最大", 4), "最…");
        assert_eq!(clip("abc", 0), "…");
    }

    #[test]
    fn wrap_keeps_words_whole() {
        assert_eq!(wrap("fits", 10, 10), ["fits"]);
        assert_eq!(
            wrap("aaaa bbbbbbbbbbbb c", 6, 6),
            ["aaaa", "bbbbbbbbbbbb", "c"]
        );
        assert_eq!(wrap("a b c d", 3, 1), ["a b", "c", "d"]);
        assert_eq!(wrap("x\ny z", 1, 1), ["x", "y", "z"]);
    }
}
