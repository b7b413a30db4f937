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

/// Break `s` into lines of at most `first` columns (the first line) and `rest`
/// (the others): at blanks, and between two CJK characters (which take two
/// columns and are written without blanks), never inside a word; closing
/// punctuation (`，。）`) stays with what precedes it. A word longer than the
/// line stays whole. Text that fits is returned as it is. Newlines in `s` start
/// new lines.
pub fn wrap(s: &str, first: usize, rest: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for para in s.split('\n') {
        if width(para) <= if out.is_empty() { first } else { rest } {
            out.push(para.to_owned());
            continue;
        }
        let mut line = String::new();
        let mut used = 0;
        for (spaced, unit) in units(para) {
            let budget = if out.is_empty() { first } else { rest };
            let w = width(unit);
            let gap = usize::from(spaced && !line.is_empty());
            if !line.is_empty() && used + gap + w > budget {
                out.push(std::mem::take(&mut line));
                used = 0;
            } else if gap == 1 {
                line.push(' ');
                used += 1;
            }
            line.push_str(unit);
            used += w;
        }
        out.push(line);
    }
    out
}

/// The pieces a line may break between, each with whether blanks came before
/// it: words, and CJK characters one by one (with the closing punctuation
/// after them and the opening punctuation before them). Inside a code span
/// (`` `…` ``) only blanks break.
fn units(para: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut spaced = false;
    let mut start: Option<usize> = None;
    let mut prev_wide = false;
    let mut prev_opening = false;
    let mut in_code = false;
    for (i, c) in para.char_indices() {
        if c == '`' {
            in_code = !in_code;
        }
        if c == ' ' {
            if let Some(s) = start.take() {
                out.push((spaced, &para[s..i]));
            }
            spaced = true;
            prev_wide = false;
            prev_opening = false;
            continue;
        }
        let wide = c.width() == Some(2);
        let closing = is_closing(c);
        match start {
            // A break opportunity: before a wide character, or after one
            // (unless this is punctuation that closes the text before it, or
            // the character before opens the text after it).
            Some(s) if !in_code && c != '`' && !closing && !prev_opening && (wide || prev_wide) => {
                out.push((spaced, &para[s..i]));
                spaced = false;
                start = Some(i);
            }
            Some(_) => {}
            None => start = Some(i),
        }
        prev_wide = wide || (closing && prev_wide);
        prev_opening = is_opening(c);
    }
    if let Some(s) = start {
        out.push((spaced, &para[s..]));
    }
    out
}

/// Punctuation that must not end a line (it opens what follows it).
fn is_opening(c: char) -> bool {
    matches!(c, '（' | '「' | '『' | '《' | '【' | '“' | '‘')
}

/// Punctuation that must not start a line (it closes what precedes it).
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '」'
            | '』'
            | '》'
            | '】'
            | '”'
            | '’'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
    )
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

    #[test]
    fn wrap_breaks_between_cjk_characters_not_before_closing_punctuation() {
        assert_eq!(wrap("内核会拒绝写入。", 8, 8), ["内核会拒", "绝写入。"]);
        assert_eq!(
            wrap("键 `a.b` 不存在，写入失败", 12, 12),
            ["键 `a.b` 不", "存在，写入失", "败"]
        );
        // Nor after opening punctuation.
        assert_eq!(
            wrap("值为 0（第 8 行）", 6, 8),
            ["值为 0", "（第 8", "行）"]
        );
        // Every line fits, and joining the lines gives the text back.
        let t = "发现 5 个错误、9 个警告（共 1 个文件；同因合并后显示 18 条）。";
        let lines = wrap(t, 20, 20);
        assert!(lines.iter().all(|l| width(l) <= 20), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), t.replace(' ', ""));
    }
}
