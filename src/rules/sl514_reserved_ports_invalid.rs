//! SL514 reserved-ports-invalid: an `ip_local_reserved_ports` list that reads as
//! ports and ranges but that the kernel still refuses as a whole: a reversed range,
//! a port above 65535, a blank inside the list. (Items that are not numbers or
//! ranges at all are SL301's.)
//!
//! Also the reading of the list that SL511 and SL513 share: which ports the
//! configuration leaves reserved.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::key::Key;
use crate::lint::{Context, Setting};
use crate::msg;
use crate::value::{self, IntError};

use super::headline::Place;
use super::values::is_quoted;
use super::{headline, Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL514",
    check: Check::Config(check),
    supersedes: &[],
};

pub(super) const RESERVED_KEY: &str = "net.ipv4.ip_local_reserved_ports";

/// Why the kernel refuses a list, with the byte range of the culprit in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ListError {
    /// Not a number or a range (SL301 reports these).
    NotAPort(Range<usize>),
    /// A blank inside the list: the kernel parses only digits, `,` and `-`.
    Blank(Range<usize>),
    /// A number above 65535.
    TooLarge(Range<usize>),
    /// `HIGH-LOW`.
    Reversed {
        low: i128,
        high: i128,
        span: Range<usize>,
    },
}

/// Read a list as the kernel's `proc_do_large_bitmap()` does: `PORT` or
/// `LOW-HIGH` items separated by commas (a trailing comma is accepted, measured
/// on 6.18), numbers as `proc_get_long()` reads them, every port below 65536,
/// `LOW <= HIGH`, no blanks. Returns the ranges, or the first problem.
pub(super) fn parse_list(text: &str) -> Result<Vec<(i128, i128)>, ListError> {
    let mut out = Vec::new();
    let mut start = 0;
    let items: Vec<&str> = text.split(',').collect();
    for (i, item) in items.iter().enumerate() {
        let span = start..start + item.len();
        start = span.end + 1;
        if item.is_empty() && i == items.len() - 1 && i > 0 {
            break; // `8080,`
        }
        let (a, b) = match item.split_once('-') {
            Some((a, b)) => (a, Some(b)),
            None => (*item, None),
        };
        let a_span = span.start..span.start + a.len();
        let low = number(a, a_span.clone())?;
        let high = match b {
            Some(b) => number(b, a_span.end + 1..span.end)?,
            None => low,
        };
        if low > high {
            return Err(ListError::Reversed { low, high, span });
        }
        out.push((low, high));
    }
    Ok(out)
}

fn number(text: &str, span: Range<usize>) -> Result<i128, ListError> {
    if let Some(i) = text.find([' ', '\t']) {
        if !text.trim().is_empty() {
            return Err(ListError::Blank(span.start + i..span.start + i + 1));
        }
    }
    match value::parse_int(text) {
        Ok(v) if (0..=65535).contains(&v) => Ok(v),
        Ok(v) if v > 65535 => Err(ListError::TooLarge(span)),
        Err(IntError::Overflow) => Err(ListError::TooLarge(span)),
        _ => Err(ListError::NotAPort(span)),
    }
}

/// SL301 reports an item that is not `DIGITS` or `DIGITS-DIGITS` (after trimming).
fn sl301_reports(body: &str) -> bool {
    body.split(',').map(str::trim).any(|item| {
        let ok = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
        match item.split_once('-') {
            Some((a, b)) => !(ok(a) && ok(b)),
            None => !ok(item),
        }
    })
}

/// The reserved ports the configuration leaves in force: the last list the kernel
/// accepts (a refused write keeps the previous list; the default is empty), and
/// the assignment that wrote it.
pub(super) struct Reserved<'a> {
    pub ranges: Vec<(i128, i128)>,
    pub set_at: Option<(usize, &'a Setting)>,
}

impl Reserved<'_> {
    pub fn contains(&self, port: i128) -> bool {
        self.ranges.iter().any(|&(a, b)| a <= port && port <= b)
    }

    /// How many ports of `low..=high` are reserved (overlapping ranges counted
    /// once), without walking the ports.
    pub fn count_in(&self, low: i128, high: i128) -> i128 {
        let mut parts: Vec<(i128, i128)> = self
            .ranges
            .iter()
            .map(|&(a, b)| (a.max(low), b.min(high)))
            .filter(|(a, b)| a <= b)
            .collect();
        parts.sort_unstable();
        let (mut count, mut end) = (0, i128::MIN);
        for (a, b) in parts {
            let a = a.max(end.saturating_add(1));
            if a <= b {
                count += b - a + 1;
            }
            end = end.max(b);
        }
        count
    }
}

fn is_reserved_key(s: &Setting, path: &str) -> bool {
    s.key.as_ref().is_some_and(|k| !k.glob && k.path() == path)
}

pub(super) fn reserved_in_force<'a>(cx: &Context<'a>) -> Reserved<'a> {
    let path = Key::parse(RESERVED_KEY).path().to_owned();
    let mut out = Reserved {
        ranges: Vec::new(),
        set_at: None,
    };
    for (file, s) in cx.settings() {
        if !is_reserved_key(s, &path) || s.value_text().is_empty() {
            continue;
        }
        // The kernel receives the whole value, an inline comment included.
        if let Ok(ranges) = parse_list(s.value_text()) {
            out.ranges = ranges;
            out.set_at = Some((file, s));
        }
    }
    out
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let path = Key::parse(RESERVED_KEY).path().to_owned();
    let mut kept: Option<(usize, &Setting)> = None;
    for (file, s) in cx.settings() {
        if !is_reserved_key(s, &path) || s.value_text().is_empty() {
            continue;
        }
        let accepted = parse_list(s.value_text()).is_ok();
        let body = s.body();
        let reportable = !body.is_empty() && !is_quoted(body) && !sl301_reports(body);
        if let (false, true, Err(e)) = (accepted, reportable, parse_list(body)) {
            let at = |r: &Range<usize>| s.body_span().start + r.start..s.body_span().start + r.end;
            let place = match kept {
                None => Place::DEFAULT,
                Some((f, k)) => Place::of(cx, file, f, k),
            };
            let kept_text = kept.map_or("", |(_, k)| k.value_text());
            let (span, what, token, short, low, high, help) = match &e {
                ListError::Blank(r) => (
                    at(r),
                    "blank",
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    msg!("sl514-help-blank", list = &body.replace([' ', '\t'], "")),
                ),
                ListError::TooLarge(r) => (
                    at(r),
                    "too-large",
                    body[r.clone()].to_owned(),
                    headline::clip(&body[r.clone()], 12),
                    String::new(),
                    String::new(),
                    msg!("sl514-help-too-large"),
                ),
                ListError::Reversed { low, high, span } => (
                    at(span),
                    "reversed",
                    body[span.clone()].to_owned(),
                    headline::clip(&body[span.clone()], 13),
                    low.to_string(),
                    high.to_string(),
                    msg!(
                        "sl514-help-reversed",
                        high = &high.to_string(),
                        low = &low.to_string()
                    ),
                ),
                ListError::NotAPort(_) => continue,
            };
            out.push(
                s.diag(
                    "SL514",
                    file,
                    span,
                    msg!("sl514-headline", what = what, token = &short),
                )
                .note(msg!(
                    "sl514-note",
                    what = what,
                    token = &token,
                    low = &low,
                    high = &high,
                    where = place.kind,
                    line = place.line,
                    file = &place.file,
                    kept = kept_text
                ))
                .help(help),
            );
        }
        if accepted {
            kept = Some((file, s));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_list, ListError, Reserved};

    #[test]
    fn reserved_ports_in_a_range_are_counted_once() {
        let r = |ranges: Vec<(i128, i128)>| Reserved {
            ranges,
            set_at: None,
        };
        let walk = |res: &Reserved<'_>, low: i128, high: i128| {
            (low..=high).filter(|&p| res.contains(p)).count() as i128
        };
        for ranges in [
            vec![],
            vec![(8080, 8080)],
            vec![(9000, 9100), (9050, 9200), (9100, 9100), (1, 2)],
            vec![(40000, 65535), (32768, 32768)],
        ] {
            let res = r(ranges);
            for (low, high) in [(1, 65535), (32768, 60999), (9060, 9150), (9201, 9300)] {
                assert_eq!(
                    res.count_in(low, high),
                    walk(&res, low, high),
                    "{low}-{high}"
                );
            }
        }
    }

    #[test]
    fn lists_as_the_kernel_reads_them() {
        assert_eq!(
            parse_list("8080,9000-9100"),
            Ok(vec![(8080, 8080), (9000, 9100)])
        );
        assert_eq!(parse_list("8080,"), Ok(vec![(8080, 8080)]));
        assert_eq!(parse_list("0x10"), Ok(vec![(16, 16)]));
        assert_eq!(parse_list("65535"), Ok(vec![(65535, 65535)]));
        assert_eq!(
            parse_list("9100-9000"),
            Err(ListError::Reversed {
                low: 9100,
                high: 9000,
                span: 0..9
            })
        );
        assert_eq!(parse_list("8080,65536"), Err(ListError::TooLarge(5..10)));
        assert_eq!(parse_list("8080, 9000"), Err(ListError::Blank(5..6)));
        assert_eq!(parse_list("8080,,9000"), Err(ListError::NotAPort(5..5)));
        assert_eq!(parse_list("-5"), Err(ListError::NotAPort(0..0)));
        assert!(parse_list("8080 # c").is_err());
    }
}
