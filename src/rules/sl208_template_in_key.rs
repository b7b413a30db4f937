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
        Some(info) if info.path.contains("<*>") => format!(
            "; it reads as an interface named `{found}` in `{}`",
            info.key
        ),
        _ => String::new(),
    };
    let d = Diagnostic::new(
        "SL208",
        cx.file_index,
        span,
        format!(
            "`{}` is never filled in: no such key, the setting is lost",
            crate::text::clip(found, 15)
        ),
    )
    .note(format!(
        "`{found}` in the key is {syntax}, never filled in: no loader expands anything in a key, so the path with `{found}` in it does not exist (`cannot stat`) and the setting is lost{slot}."
    ))
    .key(text)
    .help("render the template before the file is installed, or write the real name (`all` or `default` for every interface)");
    out.push(match cx.setting {
        Some(s) => {
            let mut d = d.value(s.value_text().to_owned());
            d.key = s.dotted_key();
            d
        }
        None => d,
    });
}

/// The first placeholder in a key: its byte offset, length, and what syntax it is.
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
            closed(i, "}}").map(|n| (n, "a Jinja, Go or Mustache template expression"))
        } else if rest.starts_with("{%") {
            closed(i, "%}").map(|n| (n, "a Jinja template tag"))
        } else if rest.starts_with("<%") {
            closed(i, "%>").map(|n| (n, "an ERB (Puppet, Chef) template tag"))
        } else if rest.starts_with("${") {
            closed(i, "}").map(|n| (n, "a shell or Terraform variable"))
        } else if rest.starts_with("$(") {
            closed(i, ")").map(|n| (n, "a shell command substitution"))
        } else if b[i] == b'$' && ident(i + 1) > 0 {
            Some((1 + ident(i + 1), "a shell variable"))
        } else if b[i] == b'{' && ident(i + 1) > 0 && b.get(i + 1 + ident(i + 1)) == Some(&b'}') {
            Some((2 + ident(i + 1), "a format-string field"))
        } else if b[i] == b'<' && ident(i + 1) > 0 && b.get(i + 1 + ident(i + 1)) == Some(&b'>') {
            Some((2 + ident(i + 1), "a placeholder from documentation"))
        } else if b[i] == b'%' && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            Some((2, "a systemd specifier or printf conversion"))
        } else if b[i] == b'@' && ident(i + 1) > 0 && b.get(i + 1 + ident(i + 1)) == Some(&b'@') {
            Some((2 + ident(i + 1), "an autoconf or CMake substitution"))
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
