//! SL201 unknown-key: the key is not in the catalogue, with a did-you-mean.

use crate::catalog;
use crate::diagnostic::{Diagnostic, Severity};
use crate::key::Key;
use crate::lint::LineContext;
use crate::syntax::LineKind;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL201",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let (key, span, value, exclusion) = match (&cx.line.kind, cx.setting) {
        (LineKind::Assignment(_), Some(s)) => match (&s.key, &s.key_span()) {
            (Some(k), Some(sp)) if s.info().is_none() => (
                k.clone(),
                sp.clone(),
                Some(s.value_text().to_owned()),
                false,
            ),
            _ => return,
        },
        (LineKind::Exclusion(e), _) => {
            let k = Key::parse(cx.text(e.key()));
            if k.glob || catalog::lookup(&k).is_some() {
                return;
            }
            (k, e.key(), None, true)
        }
        _ => return,
    };
    if key.is_empty() || key.traversal {
        return;
    }
    let dotted = key.dotted();
    if crate::config::key_is_known(&cx.cx.options.known_keys, &dotted) {
        return;
    }
    let mut d = if key.glob {
        if !catalog::glob_matches(&key).is_empty() {
            return;
        }
        Diagnostic::new(
            "SL201",
            cx.file_index,
            span,
            format!("the pattern `{dotted}` matches no known key: it expands to nothing and sets nothing, silently"),
        )
        .severity(Severity::Warning)
        .help("check the pattern against `sysctl -a` on the target host")
    } else {
        let written = cx.text(span.clone()).to_owned();
        unknown(cx.file_index, span, &key, &written, exclusion)
    };
    d.key = Some(dotted);
    d.value = value;
    out.push(d);
}

fn unknown(
    file: usize,
    span: std::ops::Range<usize>,
    key: &Key,
    written: &str,
    exclusion: bool,
) -> Diagnostic {
    let dotted = key.dotted();
    let effect = if exclusion {
        "the exclusion matches nothing".to_owned()
    } else {
        format!(
            "procps `sysctl -p` fails with `cannot stat /proc/sys/{}` and the setting is lost",
            key.path()
        )
    };
    if let Some(vlan) = vlan_form(key) {
        return Diagnostic::new(
            "SL201",
            file,
            span.clone(),
            format!("`{dotted}` is not a key: a dot inside an interface name is read as a separator, so {effect}"),
        )
        .severity(Severity::Error)
        .help(format!("write the interface name with `/`: `{vlan}`"))
        .edit(span, in_written_style(written, &vlan));
    }
    if let Some(suggestion) = catalog::closest(key) {
        let d = Diagnostic::new(
            "SL201",
            file,
            span.clone(),
            format!("unknown key `{dotted}`: {effect}"),
        )
        .severity(Severity::Error)
        .help(format!("did you mean `{suggestion}`?"));
        // The fix only when no other key is as close: then the typo is certain.
        return if only_close_match(key, &suggestion) {
            d.edit(span, in_written_style(written, &suggestion))
        } else {
            d
        };
    }
    match catalog::namespace(key) {
        Some(ns) if ns.closed => Diagnostic::new(
            "SL201",
            file,
            span,
            format!("unknown key `{dotted}`: no kernel has it under `{}`; {effect}", ns.prefix),
        )
        .severity(Severity::Error)
        .help("check the name against the kernel documentation or `sysctl -a`; `sysctl-lint describe` lists known keys"),
        ns => {
            let origin = match ns.filter(|n| !n.module.is_empty()) {
                Some(n) => format!("it may come from the module `{}` or an out-of-tree driver", n.module),
                None => "it may come from an out-of-tree module or a vendor kernel".to_owned(),
            };
            Diagnostic::new(
                "SL201",
                file,
                span,
                format!("unknown key `{dotted}`: not in the catalogue of mainline keys; {origin}. Where it does not exist, {effect}"),
            )
            .severity(Severity::Warning)
            .help("if the key is real on your kernel, ignore SL201 for this line")
        }
    }
}

/// `net.ipv4.conf.eth0.100.rp_filter` meant `net.ipv4.conf.eth0/100.rp_filter`.
fn vlan_form(key: &Key) -> Option<String> {
    let c = key.parts();
    for i in 0..c.len().saturating_sub(1) {
        let joined = format!("{}.{}", c[i], c[i + 1]);
        let merged = c[..i]
            .iter()
            .copied()
            .chain([joined.as_str()])
            .chain(c[i + 2..].iter().copied());
        let candidate = Key::from_components(merged);
        if let Some(info) = catalog::lookup(&candidate) {
            if info.path.split('/').nth(i) == Some("<*>") {
                return Some(candidate.dotted());
            }
        }
    }
    None
}

/// Whether `suggestion` is the only usable catalogued key at its distance (or
/// closer) from the written key, so that replacing the key is certainly meant.
fn only_close_match(key: &Key, suggestion: &str) -> bool {
    let best = strsim::damerau_levenshtein(&key.dotted(), suggestion);
    catalog::near(key, best)
        .iter()
        .all(|(_, candidate)| candidate == suggestion)
}

/// A dotted key written in the style of `written`: dotted, or the slash form
/// (`net/ipv4/conf/eth0.100/rp_filter`, keeping a leading `/`).
fn in_written_style(written: &str, dotted: &str) -> String {
    let slash_first = written.find(['.', '/']).map(|i| &written[i..i + 1]) == Some("/");
    if !slash_first {
        return dotted.to_owned();
    }
    let path = Key::parse(dotted).path().to_owned();
    if written.starts_with('/') {
        format!("/{path}")
    } else {
        path
    }
}
