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

/// Like [`clip`], but keeps the end of `s` (`…/sysctl.d/99-x.conf`): for a path,
/// whose file name matters most.
///
/// ```
/// use sysctl_lint::text::clip_start;
/// assert_eq!(clip_start("/etc/sysctl.d/99-x.conf", 11), "…/99-x.conf");
/// assert_eq!(clip_start("short", 10), "short");
/// ```
pub fn clip_start(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let budget = max.saturating_sub(1);
    let mut used = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > budget {
            break;
        }
        used += w;
        start = i;
    }
    Cow::Owned(format!("…{}", &s[start..]))
}

/// A range in plain English, the one wording every message and page uses:
/// "between 1 and 4", "at least 1", "at most 4"; `None` when unbounded.
///
/// ```
/// use sysctl_lint::text::range;
/// assert_eq!(range(Some(1), Some(4)).unwrap(), "between 1 and 4");
/// assert_eq!(range(Some(1), None).unwrap(), "at least 1");
/// assert_eq!(range(None, Some(4)).unwrap(), "at most 4");
/// assert_eq!(range(None, None), None);
/// ```
pub fn range(min: Option<i128>, max: Option<i128>) -> Option<String> {
    match (min, max) {
        (Some(a), Some(b)) if a == b => Some(format!("exactly {a}")),
        (Some(a), Some(b)) => Some(format!("between {a} and {b}")),
        (Some(a), None) => Some(format!("at least {a}")),
        (None, Some(b)) => Some(format!("at most {b}")),
        (None, None) => None,
    }
}

/// `s` with its first letter in upper case, to start a sentence of a note.
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
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
}
