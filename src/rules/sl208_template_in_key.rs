//! SL208 template-in-key: a template placeholder or variable left in a key
//! (`net.ipv6.conf.<iface>.accept_ra`, `$IFACE`, `{{ iface }}`, `%i`), which the
//! loaders take literally, most often as an interface name.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;
use crate::syntax::LineKind;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL208",
    check: Check::Line(check),
    supersedes: &["SL111", "SL112", "SL201", "SL209"],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let key = match &cx.line.kind {
        LineKind::Assignment(a) => a.key(),
        LineKind::Exclusion(e) => Some(e.key()),
        _ => return,
    };
    let Some(key) = key else { return };
    let text = cx.text(key.clone());
    let Some((at, len, syntax)) = placeholder(text) else {
        return;
    };
    let found = &text[at..at + len];
    let span = key.start + at..key.start + at + len;
    let slot = match cx.setting.and_then(|s| s.info()) {
        Some(info) if info.path.contains("<*>") => info.key,
        _ => "none",
    };
    let d = Diagnostic::new(
        "SL208",
        cx.file_index,
        span,
        crate::msg!(
            "sl208-headline",
            found = crate::text::clip(found, 15).as_ref()
        ),
    )
    .note(crate::msg!(
        "sl208-note",
        placeholder = found,
        syntax = syntax,
        slot = slot
    ))
    .key(text)
    .help(crate::msg!("sl208-help"));
    out.push(match cx.setting {
        Some(s) => {
            let mut d = d.value(s.value_text().to_owned());
            d.key = s.dotted_key();
            d
        }
        None => d,
    });
}

/// The first placeholder in a key: its byte offset, length, and what syntax it is
/// (the `$syntax` of message `sl208-note`: `jinja-expression`, `shell-variable`, ...).
pub(super) fn placeholder(text: &str) -> Option<(usize, usize, &'static str)> {
    let b = text.as_bytes();
    let ident = |from: usize| {
        b[from..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
            .count()
    };
    // An opening without its end still marks a template: `<%= @iface %>` is cut at
    // its `=`, which the loaders take for the separator of key and value.
    let closed = |from: usize, end: &str| {
        Some(
            text[from + 2..]
                .find(end)
                .map_or(text.len() - from, |i| i + 2 + end.len()),
        )
    };
    for i in 0..b.len() {
        if !text.is_char_boundary(i) {
            continue;
        }
        let rest = &text[i..];
        let found = if rest.starts_with("{{") {
            closed(i, "}}").map(|n| (n, "jinja-expression"))
        } else if rest.starts_with("{%") {
            closed(i, "%}").map(|n| (n, "jinja-tag"))
        } else if rest.starts_with("<%") {
            closed(i, "%>").map(|n| (n, "erb"))
        } else if rest.starts_with("${") {
            closed(i, "}").map(|n| (n, "shell-braces"))
        } else if rest.starts_with("$(") {
            closed(i, ")").map(|n| (n, "shell-command"))
        } else if b[i] == b'$' && ident(i + 1) > 0 {
            Some((1 + ident(i + 1), "shell-variable"))
        } else if b[i] == b'{' && ident(i + 1) > 0 && b.get(i + 1 + ident(i + 1)) == Some(&b'}') {
            Some((2 + ident(i + 1), "format-field"))
        } else if b[i] == b'<' && ident(i + 1) > 0 && b.get(i + 1 + ident(i + 1)) == Some(&b'>') {
            Some((2 + ident(i + 1), "doc-placeholder"))
        } else if b[i] == b'%' && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            Some((2, "specifier"))
        } else if b[i] == b'@' && ident(i + 1) > 0 && b.get(i + 1 + ident(i + 1)) == Some(&b'@') {
            Some((2 + ident(i + 1), "autoconf"))
        } else {
            None
        };
        if let Some((len, syntax)) = found {
            return Some((i, len, syntax));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::placeholder;

    fn found(text: &str) -> Option<&str> {
        placeholder(text).map(|(at, len, _)| &text[at..at + len])
    }

    #[test]
    fn placeholders() {
        assert_eq!(found("net.ipv6.conf.<iface>.accept_ra"), Some("<iface>"));
        assert_eq!(found("net.ipv6.conf.$IFACE.accept_ra"), Some("$IFACE"));
        assert_eq!(found("net.ipv6.conf.${IFACE}.accept_ra"), Some("${IFACE}"));
        assert_eq!(
            found("net.ipv6.conf.{{ iface }}.accept_ra"),
            Some("{{ iface }}")
        );
        assert_eq!(
            found("net.ipv4.conf.<%= @iface %>.rp_filter"),
            Some("<%= @iface %>")
        );
        assert_eq!(found("net.ipv4.conf.<%"), Some("<%"));
        assert_eq!(found("net.ipv6.conf.%i.accept_ra"), Some("%i"));
        assert_eq!(found("net.ipv4.conf.{iface}.rp_filter"), Some("{iface}"));
        assert_eq!(found("net.ipv4.conf.@IFACE@.rp_filter"), Some("@IFACE@"));
        assert_eq!(found("net.ipv4.conf.eth0/100.rp_filter"), None);
        assert_eq!(found("net.ipv4.conf.br-lan.rp_filter"), None);
        assert_eq!(found("net.ipv4.conf.*.rp_filter"), None);
        assert_eq!(found("kernel.sched_domain.cpu0.domain0.flags"), None);
    }
}
