//! SL209 interface-key: a setting for one named interface (`eno1`, `wlo1`,
//! `vmbr0`), which exists under /proc/sys only while that interface does.

use crate::diagnostic::Diagnostic;
use crate::lint::{Context, Setting};

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL209",
    check: Check::Config(check),
    supersedes: &[],
};

/// The per-interface directories: the systemd udev rule re-applies exactly these
/// four prefixes when an interface appears (rules.d/99-systemd.rules.in).
const PER_INTERFACE: &[&str] = &[
    "net/ipv4/conf/<*>/",
    "net/ipv6/conf/<*>/",
    "net/ipv4/neigh/<*>/",
    "net/ipv6/neigh/<*>/",
];

/// Entries that are not interfaces: every interface, the template of new ones,
/// and the loopback device, which exists in every network namespace from its start.
const ALWAYS_THERE: &[&str] = &["all", "default", "lo"];

/// The interface a setting is for, if it names one.
fn interface(s: &Setting) -> Option<&str> {
    let info = s.info()?;
    if !PER_INTERFACE.iter().any(|p| info.path.starts_with(p)) {
        return None;
    }
    let key = s.key.as_ref().filter(|k| !k.glob)?;
    let name = key.components().nth(3)?;
    // A template placeholder (`$IFACE`) is SL208's.
    (!ALWAYS_THERE.contains(&name) && super::sl208_template_in_key::placeholder(name).is_none())
        .then_some(name)
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Interfaces in order of their first key, with every key of that interface
    // (indexed by name: a file may name thousands of interfaces).
    let mut groups: Vec<(&str, Vec<(usize, &Setting)>)> = Vec::new();
    let mut index: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for (file, s) in cx.settings() {
        let Some(name) = interface(s) else { continue };
        if s.key_span().is_none() {
            continue;
        }
        let g = *index.entry(name).or_insert_with(|| {
            groups.push((name, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push((file, s));
    }
    for (name, settings) in groups {
        let (file, first) = settings[0];
        let key = first.dotted_key().unwrap_or_default();
        let shown = name.replace('.', "/");
        let mut d = first
            .diag(
                "SL209",
                file,
                first.key_span().expect("checked above"),
                crate::msg!(
                    "sl209-headline",
                    name = crate::text::clip(&shown, 20).as_ref()
                ),
            )
            .note(crate::msg!(
                "sl209-note",
                key = &key,
                others = settings.len() - 1,
                interface = &shown
            ))
            .help(crate::msg!("sl209-help", interface = &shown));
        // Labels are plain strings: in the run's language.
        for (f, s) in settings.iter().skip(1).take(8) {
            let k = s.dotted_key().unwrap_or_default();
            d = d.label(
                *f,
                s.key_span().expect("checked above"),
                crate::tr!("sl209-label", key = &k, interface = &shown),
            );
        }
        out.push(d);
    }
}
