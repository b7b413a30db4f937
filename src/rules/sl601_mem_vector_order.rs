//! SL601 mem-vector-order: `tcp_mem`, `udp_mem` or `sctp_mem` whose three page
//! thresholds (low, pressure, high) are not in ascending order.

use crate::diagnostic::Diagnostic;
use crate::lint::{LineContext, Setting};
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
    let (index, headline, effect) = if low > high {
        let pressure_too = if has_pressure {
            format!("; {proto} memory pressure starts only there too")
        } else {
            String::new()
        };
        (
            0,
            format!(
                "`{name}` low is above high: the hard limit starts only at {}",
                format_bytes(pages_to_bytes(low))
            ),
            format!(
                "low ({}) is above high ({}). The kernel does not check the order: it allows every allocation while usage is at or below low, so the hard limit applies only above {}, not at high{pressure_too}",
                pages(low),
                pages(high),
                format_bytes(pages_to_bytes(low))
            ),
        )
    } else if has_pressure && low > pressure {
        (
            0,
            format!(
                "`{name}` low is above pressure: pressure starts only at {}",
                format_bytes(pages_to_bytes(low))
            ),
            format!(
                "low ({}) is above pressure ({}). The kernel does not check the order: it leaves memory pressure whenever usage is at or below low, so {proto} enters memory pressure only above {}, not at pressure",
                pages(low),
                pages(pressure),
                format_bytes(pages_to_bytes(low))
            ),
        )
    } else if has_pressure && pressure > high {
        (
            1,
            format!("`{name}` pressure is above high: {proto} never enters memory pressure"),
            format!(
                "pressure ({}) is above high ({}). The kernel does not check the order: usage can never pass high, so {proto} never enters memory pressure (where it shrinks socket buffers) before allocations start to fail at the hard limit",
                pages(pressure),
                pages(high)
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
        .diag(
            "SL601",
            cx.file_index,
            tokens[index].span.clone(),
            headline,
        )
        .note(format!("The `{key}` thresholds are out of order: {effect}."))
        .help(format!(
            "write the three page counts in ascending order (`{key} = {}`), or delete the line: the kernel sizes `{key}` from RAM at boot",
            sorted.join(" ")
        ));
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
