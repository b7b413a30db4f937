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
pub fn parse(text: &str) -> SyntaxTree {
    match SysctlParser::parse(Rule::file, text) {
        Ok(mut pairs) => match pairs.next() {
            Some(file) => from_file(file, text),
            None => fallback(text),
        },
        Err(_) => fallback(text),
    }
}

fn span(pair: &Pair<'_, Rule>) -> Span {
    pair.as_span().start()..pair.as_span().end()
}

fn from_file(file: Pair<'_, Rule>, text: &str) -> SyntaxTree {
    let mut bom = None;
    let mut lines: Vec<Line> = Vec::new();
    for pair in file.into_inner() {
        match pair.as_rule() {
            Rule::bom => bom = Some(span(&pair)),
            Rule::line => lines.push(from_line(pair, lines.len() + 1)),
            Rule::eol => {
                if let Some(last) = lines.last_mut() {
                    last.span.end = pair.as_span().end();
                }
            }
            _ => {}
        }
    }
    // A file that ends with '\n' has an empty last "line" after it: drop it.
    if lines.len() > 1 {
        if let Some(last) = lines.last() {
            if last.span.is_empty() && last.span.start == text.len() {
                lines.pop();
            }
        }
    } else if lines.len() == 1 && text.is_empty() {
        lines.clear();
    }
    SyntaxTree { bom, lines }
}

fn from_line(pair: Pair<'_, Rule>, number: usize) -> Line {
    let content = span(&pair);
    let mut lead = None;
    let mut kind = LineKind::Blank;
    for inner in pair.into_inner() {
        match inner.as_rule() {
            Rule::lead => lead = Some(span(&inner)),
            Rule::comment => kind = LineKind::Comment(span(&inner)),
            Rule::invalid => kind = LineKind::Invalid(span(&inner)),
            Rule::assignment => kind = LineKind::Assignment(assignment(inner)),
            Rule::exclusion => kind = LineKind::Exclusion(exclusion(inner)),
            _ => {}
        }
    }
    Line {
        number,
        span: content.clone(),
        content,
        lead,
        kind,
    }
}

fn assignment(pair: Pair<'_, Rule>) -> Assignment {
    let mut a = Assignment {
        dash: None,
        dash_pad: None,
        key: None,
        eq: 0..0,
        value: None,
        trail: None,
    };
    let mut seen_eq = false;
    for inner in pair.into_inner() {
        let s = span(&inner);
        match inner.as_rule() {
            Rule::dash => a.dash = Some(s),
            Rule::pad if a.dash.is_some() && a.key.is_none() && !seen_eq => a.dash_pad = Some(s),
            Rule::key => a.key = Some(s),
            Rule::eq => {
                a.eq = s;
                seen_eq = true;
            }
            Rule::value => a.value = Some(s),
            Rule::trail => a.trail = Some(s),
            _ => {}
        }
    }
    a
}

fn exclusion(pair: Pair<'_, Rule>) -> Exclusion {
    let mut dash = 0..0;
    let mut dash_pad = None;
    let mut key = 0..0;
    for inner in pair.into_inner() {
        let s = span(&inner);
        match inner.as_rule() {
            Rule::dash => dash = s,
            Rule::pad => dash_pad = Some(s),
            Rule::key => key = s,
            _ => {}
        }
    }
    Exclusion {
        dash,
        dash_pad,
        key,
    }
}

/// Used only if pest fails (it should not): each text line becomes `Invalid`.
fn fallback(text: &str) -> SyntaxTree {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, piece) in text.split_inclusive('\n').enumerate() {
        let end = start + piece.len();
        let content_end = if piece.ends_with('\n') { end - 1 } else { end };
        let kind = if start == content_end {
            LineKind::Blank
        } else {
            LineKind::Invalid(start..content_end)
        };
        lines.push(Line {
            number: i + 1,
            span: start..end,
            content: start..content_end,
            lead: None,
            kind,
        });
        start = end;
    }
    SyntaxTree { bom: None, lines }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(&text[a.key.clone().unwrap()], "net.ipv4.ip_forward");
        assert_eq!(&text[a.value.clone().unwrap()], "1 # c");
        assert_eq!(&text[a.dash_pad.clone().unwrap()], " ");
        assert_eq!(&text[a.trail.clone().unwrap()], " \r");
    }

    #[test]
    fn value_keeps_equals() {
        let text = "kernel.core_pattern = |/usr/bin/foo a=b c";
        let tree = parse(text);
        let LineKind::Assignment(a) = &tree.lines[0].kind else {
            panic!()
        };
        assert_eq!(&text[a.value.clone().unwrap()], "|/usr/bin/foo a=b c");
    }
}
