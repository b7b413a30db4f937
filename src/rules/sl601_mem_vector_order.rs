//! SL601 mem-vector-order: `tcp_mem`, `udp_mem` or `sctp_mem` whose three page
//! thresholds (low, pressure, high) are not in ascending order.

use crate::diagnostic::Diagnostic;
use crate::lint::{LineContext, Setting};
use crate::msg;
use crate::units::{format_bytes, pages_to_bytes};
use crate::value::{self, Tokens};

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL601",
    check: Check::Line(check),
    supersedes: &[],
};

/// The page-counted memory vectors and the protocol each one limits.
pub(super) const MEM_KEYS: &[(&str, &str)] = &[
    ("net.ipv4.tcp_mem", "TCP"),
    ("net.ipv4.udp_mem", "UDP"),
    ("net.sctp.sctp_mem", "SCTP"),
];

/// The three values of a memory vector and their tokens in the file, if the
/// setting is one of [`MEM_KEYS`] and writes all three numbers.
pub(super) fn mem_vector(s: &Setting) -> Option<(&'static str, Vec<i128>, Tokens<'_>)> {
    let info = s.info()?;
    let (_, proto) = MEM_KEYS.iter().find(|(k, _)| *k == info.key)?;
    let numbers = s.numbers()?;
    if numbers.len() != 3 {
        return None; // a short vector keeps the boot-time values for the rest
    }
    let tokens = value::tokens(s.body(), s.body_span().start);
    Some((proto, numbers, tokens))
}

/// `94500000 pages = 360.5 GiB`.
pub(super) fn pages(n: i128) -> String {
    format!("{n} pages = {}", format_bytes(pages_to_bytes(n)))
}

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some((proto, v, tokens)) = mem_vector(s) else {
        return;
    };
    let key = s.dotted_key().unwrap_or_default();
    let (low, pressure, high) = (v[0], v[1], v[2]);
    // UDP has no memory-pressure mode: its pressure value is only there "to follow
    // format of tcp_mem" (ip-sysctl.rst), so only low > high matters for it.
    let has_pressure = proto != "UDP";
    let name = key.rsplit('.').next().unwrap_or(&key);
    let low_bytes = format_bytes(pages_to_bytes(low));
    let (lp, pp, hp) = (pages(low), pages(pressure), pages(high));
    let (index, headline, note) = if low > high {
        (
            0,
            msg!("sl601-headline-low-high", name = name, bytes = &low_bytes),
            if has_pressure {
                msg!(
                    "sl601-note-low-high-pressure",
                    key = &key,
                    low = &lp,
                    high = &hp,
                    bytes = &low_bytes,
                    proto = proto
                )
            } else {
                msg!(
                    "sl601-note-low-high",
                    key = &key,
                    low = &lp,
                    high = &hp,
                    bytes = &low_bytes
                )
            },
        )
    } else if has_pressure && low > pressure {
        (
            0,
            msg!(
                "sl601-headline-low-pressure",
                name = name,
                bytes = &low_bytes
            ),
            msg!(
                "sl601-note-low-pressure",
                key = &key,
                low = &lp,
                pressure = &pp,
                proto = proto,
                bytes = &low_bytes
            ),
        )
    } else if has_pressure && pressure > high {
        (
            1,
            msg!("sl601-headline-pressure-high", name = name, proto = proto),
            msg!(
                "sl601-note-pressure-high",
                key = &key,
                pressure = &pp,
                high = &hp,
                proto = proto
            ),
        )
    } else {
        return;
    };
    // Unsafe fix: sort the three values. It keeps the magnitudes the author wrote
    // (which number was mistyped cannot be known), so SL602 may still apply.
    let mut sorted: Vec<&str> = tokens.iter().take(3).map(|t| t.text).collect();
    sorted.sort_by_key(|t| crate::value::parse_int(t).unwrap_or(0));
    let mut d = s
        .diag("SL601", cx.file_index, tokens[index].span.clone(), headline)
        .note(note)
        .help(msg!("sl601-help", key = &key, sorted = &sorted.join(" ")));
    if tokens.len() >= 3 {
        d = d.unsafe_edit(tokens[0].span.start..tokens[2].span.end, sorted.join(" "));
    }
    out.push(d);
}

#[cfg(test)]
pub(super) mod tests {
    use crate::{lint_source, Options};

    /// `(1-based line, token text)` of every finding of `code` in `text`.
    pub(in crate::rules) fn found(
        code: &str,
        text: &str,
        options: &Options,
    ) -> Vec<(usize, String)> {
        let (files, diags) = lint_source("t.conf", text.as_bytes(), options);
        diags
            .iter()
            .filter(|d| d.code == code)
            .map(|d| {
                let src = &files[0].source;
                (
                    src.line_index(d.span.start) + 1,
                    src.text[d.span.clone()].to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn order() {
        let o = Options::default();
        let text = "net.ipv4.tcp_mem = 400000 300000 600000\n\
                    net.ipv4.tcp_mem = 100000 300000 200000\n\
                    net.ipv4.tcp_mem = 94500000 91500000 92700000\n\
                    net.ipv4.tcp_mem = 287901 383868 575802\n\
                    net.ipv4.tcp_mem = 300000 300000 300000\n\
                    net.ipv4.tcp_mem = 900000 800000\n\
                    net.ipv4.udp_mem = 400000 300000 600000\n\
                    net.ipv4.udp_mem = 100000 300000 200000\n\
                    net.ipv4.udp_mem = 300000 100000 200000\n\
                    net.sctp.sctp_mem = 100000 300000 200000\n";
        assert_eq!(
            found("SL601", text, &o),
            vec![
                (1, "400000".into()),
                (2, "300000".into()),
                (3, "94500000".into()),
                (9, "300000".into()),
                (10, "300000".into()),
            ]
        );
    }
}
