//! pest parser for `grammar/sysctl.pest` and the conversion of its pairs to the
//! typed tree.

use pest::iterators::Pair;
use pest::Parser;

use super::ast::{Assignment, Exclusion, Line, LineKind, Span, SyntaxTree};

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/sysctl.pest"]
struct SysctlParser;

/// Parse a whole file. Never fails: the grammar is total (a line that is nothing
/// else is `invalid`), and should pest ever fail, the input falls back to one
/// invalid line per text line so that linting goes on.
///
/// A file that starts with a byte order mark goes through pest; any other is
/// scanned line by line by [`scan_line`], which gives the same tree (see there).
pub fn parse(text: &str) -> SyntaxTree {
    if text.starts_with('\u{FEFF}') {
        return parse_with_pest(text);
    }
    let mut lines = scan_lines(text);
    drop_empty_last_line(&mut lines, text);
    SyntaxTree { bom: None, lines }
}

/// The lines of a text without a byte order mark, each through [`scan_line`].
fn scan_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    // Counting first costs little and saves regrowing (and, for a big file, the
    // peak of two copies while the vector grows).
    let mut lines: Vec<Line> = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    let mut start = 0;
    loop {
        let (end, next) = match memchr::memchr(b'\n', &bytes[start..]) {
            Some(i) => (start + i, Some(start + i + 1)),
            None => (bytes.len(), None),
        };
        let mut line = scan_line(&bytes[start..end], start, lines.len() + 1);
        if next.is_some() {
            line.take_newline();
        }
        lines.push(line);
        match next {
            Some(n) => start = n,
            None => break,
        }
    }
    lines
}

/// `hspace` in the grammar.
fn is_hspace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | 0x0B | 0x0C)
}

/// The grammar's `line` rule, by hand: pest spends microseconds per line on rule
/// calls and tokens, this a few nanoseconds. The rule, as PEG reads it:
/// `lead? ~ (comment | assignment | exclusion | invalid)?`, where an assignment
/// is any line with a `=` (the key stops at the first one, and blanks are trimmed
/// around key and value), an exclusion a `-` followed by a key, and anything else
/// is invalid. Every delimiter is ASCII, so byte offsets fall on character
/// boundaries. The unit tests check on generated input (every byte class the
/// grammar distinguishes, small and big) that this gives exactly the tree pest
/// gives ([`parse_with_pest`]); pest still parses a file that starts with a byte
/// order mark.
fn scan_line(line: &[u8], base: usize, number: usize) -> Line {
    let n = line.len();
    let at = |i: usize| base + i;
    // First index at or after `i` that is not blank, and the end of the last
    // non-blank byte before `j`.
    let skip = |mut i: usize, j: usize| {
        while i < j && is_hspace(line[i]) {
            i += 1;
        }
        i
    };
    let back = |i: usize, mut j: usize| {
        while j > i && is_hspace(line[j - 1]) {
            j -= 1;
        }
        j
    };
    let opt = |i: usize, j: usize| (i < j).then(|| at(i)..at(j));
    let rest = skip(0, n);
    let lead = opt(0, rest);
    let kind = if rest == n {
        LineKind::Blank
    } else if line[rest] == b'#' || line[rest] == b';' {
        LineKind::comment(at(rest)..at(n))
    } else if let Some(eq) = memchr::memchr(b'=', &line[rest..]).map(|i| rest + i) {
        let (dash, after_dash) = if line[rest] == b'-' {
            (Some(at(rest)..at(rest + 1)), rest + 1)
        } else {
            (None, rest)
        };
        let key_start = skip(after_dash, eq);
        let dash_pad = if dash.is_some() {
            opt(after_dash, key_start)
        } else {
            None
        };
        let key_end = back(key_start, eq);
        let value_start = skip(eq + 1, n);
        let value_end = back(value_start, n);
        LineKind::Assignment(Assignment::new(
            dash,
            dash_pad,
            opt(key_start, key_end),
            at(eq)..at(eq + 1),
            opt(value_start, value_end),
            if value_start < value_end {
                opt(value_end, n)
            } else {
                None
            },
        ))
    } else if line[rest] == b'-' && skip(rest + 1, n) < n {
        let key_start = skip(rest + 1, n);
        LineKind::Exclusion(Exclusion::new(
            at(rest)..at(rest + 1),
            opt(rest + 1, key_start),
            at(key_start)..at(back(key_start, n)),
        ))
    } else {
        LineKind::invalid(at(rest)..at(n))
    };
    Line::new(number, at(0)..at(n), at(0)..at(n), lead, kind)
}

/// The whole input through pest (the reference the scanner is tested against).
pub fn parse_with_pest(text: &str) -> SyntaxTree {
    let (bom, mut lines) = match SysctlParser::parse(Rule::file, text) {
        Ok(mut pairs) => match pairs.next() {
            Some(file) => from_file(file, text, 0),
            None => (None, fallback(text, 0)),
        },
        Err(_) => (None, fallback(text, 0)),
    };
    drop_empty_last_line(&mut lines, text);
    SyntaxTree { bom, lines }
}

/// A file that ends with '\n' has an empty last "line" after it (and an empty file
/// one empty line): drop it.
fn drop_empty_last_line(lines: &mut Vec<Line>, text: &str) {
    if lines.len() > 1 {
        if let Some(last) = lines.last() {
            if last.span().is_empty() && last.span().start == text.len() {
                lines.pop();
            }
        }
    } else if lines.len() == 1 && text.is_empty() {
        lines.clear();
    }
}

fn span(pair: &Pair<'_, Rule>, base: usize) -> Span {
    let s = pair.as_span();
    base + s.start()..base + s.end()
}

fn from_file(file: Pair<'_, Rule>, chunk: &str, base: usize) -> (Option<Span>, Vec<Line>) {
    let mut bom = None;
    // About one line per 40 bytes: a guess that saves most of the regrowth.
    let mut lines: Vec<Line> = Vec::with_capacity(chunk.len() / 40 + 1);
    let bytes = chunk.as_bytes();
    for pair in file.into_inner() {
        match pair.as_rule() {
            Rule::bom => bom = Some(span(&pair, base)),
            Rule::line => {
                let mut line = from_line(pair, lines.len() + 1, base);
                // The newline (a silent `eol`) belongs to the line before it.
                if bytes.get(line.content().end - base) == Some(&b'\n') {
                    line.take_newline();
                }
                lines.push(line);
            }
            _ => {}
        }
    }
    (bom, lines)
}

fn from_line(pair: Pair<'_, Rule>, number: usize, base: usize) -> Line {
    let content = span(&pair, base);
    let mut lead = None;
    let mut kind = LineKind::Blank;
    for inner in pair.into_inner() {
        match inner.as_rule() {
            Rule::lead => lead = Some(span(&inner, base)),
            Rule::comment => kind = LineKind::comment(span(&inner, base)),
            Rule::invalid => kind = LineKind::invalid(span(&inner, base)),
            Rule::assignment => kind = LineKind::Assignment(assignment(inner, base)),
            Rule::exclusion => kind = LineKind::Exclusion(exclusion(inner, base)),
            _ => {}
        }
    }
    Line::new(number, content.clone(), content, lead, kind)
}

fn assignment(pair: Pair<'_, Rule>, base: usize) -> Assignment {
    // The `=` is silent in the grammar: it is the first one in the assignment.
    let whole = span(&pair, base);
    let eq = whole.start + memchr::memchr(b'=', pair.as_str().as_bytes()).unwrap_or(0);
    let (mut dash, mut dash_pad, mut key, mut value, mut trail) = (None, None, None, None, None);
    for inner in pair.into_inner() {
        let s = span(&inner, base);
        match inner.as_rule() {
            Rule::dash => dash = Some(s),
            Rule::pad => dash_pad = Some(s),
            Rule::key => key = Some(s),
            Rule::value => value = Some(s),
            Rule::trail => trail = Some(s),
            _ => {}
        }
    }
    Assignment::new(dash, dash_pad, key, eq..eq + 1, value, trail)
}

fn exclusion(pair: Pair<'_, Rule>, base: usize) -> Exclusion {
    let mut dash = 0..0;
    let mut dash_pad = None;
    let mut key = 0..0;
    for inner in pair.into_inner() {
        let s = span(&inner, base);
        match inner.as_rule() {
            Rule::dash => dash = s,
            Rule::pad => dash_pad = Some(s),
            Rule::key => key = s,
            _ => {}
        }
    }
    Exclusion::new(dash, dash_pad, key)
}

/// Used only if pest fails (it should not): each text line becomes `Invalid`.
fn fallback(text: &str, base: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = base;
    for (i, piece) in text.split_inclusive('\n').enumerate() {
        let end = start + piece.len();
        let content_end = if piece.ends_with('\n') { end - 1 } else { end };
        let kind = if start == content_end {
            LineKind::Blank
        } else {
            LineKind::invalid(start..content_end)
        };
        lines.push(Line::new(i + 1, start..end, start..content_end, None, kind));
        start = end;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::{Strategy, ValueTree};

    fn kinds(text: &str) -> Vec<LineKind> {
        parse(text).lines.into_iter().map(|l| l.kind).collect()
    }

    #[test]
    fn round_trip() {
        for text in [
            "",
            "\n",
            "a = b",
            "a = b\n",
            "\u{FEFF}# x\r\nnet.ipv4.ip_forward=1\r\n\n  \n;c\n-k\n- k = 1 # c \nx\n=\n==",
        ] {
            let tree = parse(text);
            assert_eq!(tree.print(text.as_bytes()), text.as_bytes(), "{text:?}");
        }
    }

    #[test]
    fn line_kinds() {
        let k = kinds("# c\n\n  ; c\nk = v\n-k\nnope\n");
        assert!(matches!(k[0], LineKind::Comment(_)));
        assert!(matches!(k[1], LineKind::Blank));
        assert!(matches!(k[2], LineKind::Comment(_)));
        assert!(matches!(k[3], LineKind::Assignment(_)));
        assert!(matches!(k[4], LineKind::Exclusion(_)));
        assert!(matches!(k[5], LineKind::Invalid(_)));
        assert_eq!(k.len(), 6);
    }

    #[test]
    fn assignment_parts() {
        let text = "  - net.ipv4.ip_forward \t=  1 # c \r\n";
        let tree = parse(text);
        let LineKind::Assignment(a) = &tree.lines[0].kind else {
            panic!("not an assignment")
        };
        assert_eq!(&text[a.key().unwrap()], "net.ipv4.ip_forward");
        assert_eq!(&text[a.value().unwrap()], "1 # c");
        assert_eq!(&text[a.dash_pad().unwrap()], " ");
        assert_eq!(&text[a.trail().unwrap()], " \r");
    }

    #[test]
    fn value_keeps_equals() {
        let text = "kernel.core_pattern = |/usr/bin/foo a=b c";
        let tree = parse(text);
        let LineKind::Assignment(a) = &tree.lines[0].kind else {
            panic!()
        };
        assert_eq!(&text[a.value().unwrap()], "|/usr/bin/foo a=b c");
    }

    /// Texts made of the bytes that matter to the grammar.
    fn arb_text() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(vec![
                " ", "\t", "\r", "\x0B", "\x0C", "\n", "=", "-", "#", ";", "a", "k.b", "/", "*",
                "0", "\u{FEFF}", "é", "\0", "\x1A", "\x7F",
            ]),
            0..40,
        )
        .prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn scanner_matches_the_grammar(text in arb_text()) {
            proptest::prop_assert_eq!(parse(&text), parse_with_pest(&text));
        }
    }

    #[test]
    fn big_input_matches_the_grammar() {
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let mut text = String::from("\u{FEFF}- k = 1\n");
        while text.len() < 200_000 {
            text.push_str(&arb_text().new_tree(&mut runner).unwrap().current());
            text.push('\n');
        }
        for t in [&text[..], &text[..text.len() - 1], &text[3..]] {
            assert_eq!(parse(t), parse_with_pest(t));
        }
    }
}
