//! SL530 ip-forward-resets-conf, and the model of `net.ipv{4,6}.conf.*` writes that
//! SL531, SL701 and SL702 share.
//!
//! What the kernel does (upstream net/ipv4/devinet.c `devinet_sysctl_forward()` and
//! `inet_forward_change()`; net/ipv6/addrconf.c `addrconf_fixup_forwarding()`):
//! - a write to `net.ipv4.ip_forward` or `net.ipv4.conf.all.forwarding` (the same
//!   variable) that CHANGES its value sets `conf.all.accept_redirects` to the
//!   opposite of the new value, and `forwarding` on `conf.default` and on every
//!   interface to the new value. Nothing else is reset, although ip-sysctl.rst says
//!   "all configuration parameters".
//! - ANY write to `net.ipv6.conf.all.forwarding`, changed or not, sets `forwarding`
//!   on `conf.default` and every interface to the value, and when it is 0 also
//!   clears `force_forwarding` everywhere: `addrconf_sysctl_forward()` calls
//!   `addrconf_fixup_forwarding()` on every write, which writes the default and
//!   calls `addrconf_forward_change()` for the interfaces (net/ipv6/addrconf.c,
//!   Linux 6.18). procps writes every line; systemd-sysctl skips a write that does
//!   not change the value, so there an unchanged write resets nothing.
//!
//! The model starts from the kernel defaults at boot (forwarding off) and applies
//! the configuration's explicit assignments in order.

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::Diagnostic;
use crate::diagnostic::Text;
use crate::i18n::Arg;
use crate::key::Key;
use crate::lint::{Context, Setting};
use crate::syntax::LineKind;
use crate::value;
use crate::{msg, tr};

use super::headline::Place;
use super::{headline, Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL530",
    check: Check::Config(check),
    supersedes: &[],
};

/// How many reset settings are listed (and labelled) before "and N more".
const MAX_LISTED: usize = 5;

const V4_FORWARD: &str = "net/ipv4/ip_forward";
const V4_ALL_FORWARDING: &str = "net/ipv4/conf/all/forwarding";
const V4_ALL_ACCEPT_REDIRECTS: &str = "net/ipv4/conf/all/accept_redirects";
const V6_ALL_FORWARDING: &str = "net/ipv6/conf/all/forwarding";

/// The integer a setting writes: the first token of its value, if it parses.
/// Works for glob keys too (they have no catalogue entry).
pub(super) fn int_value(s: &Setting) -> Option<i128> {
    let body = s.body();
    if body.is_empty() || body.starts_with('=') || super::values::is_quoted(body) {
        return None;
    }
    let tokens = value::tokens(body, s.body_span().start);
    value::parse_int(tokens.first()?.text).ok()
}

/// The span of the first value token (the number the finding is about), or the
/// whole setting.
pub(super) fn value_span(s: &Setting) -> std::ops::Range<usize> {
    value::tokens(s.body(), s.body_span().start)
        .first()
        .map_or_else(|| s.span(), |t| t.span.clone())
}

/// One explicit assignment, with its position in application order.
#[derive(Clone)]
pub(super) struct Written<'a> {
    /// Position in application order and file index (u32: a model holds one per
    /// interface key, a million for a big file).
    at: u32,
    in_file: u32,
    pub setting: &'a Setting,
    pub value: i128,
}

impl<'a> Written<'a> {
    fn new(pos: usize, file: usize, setting: &'a Setting, value: i128) -> Written<'a> {
        // Fewer settings and files than u32::MAX: inputs are capped at 64 MiB.
        Written {
            at: pos as u32,
            in_file: file as u32,
            setting,
            value,
        }
    }

    pub fn pos(&self) -> usize {
        self.at as usize
    }

    pub fn file(&self) -> usize {
        self.in_file as usize
    }

    /// The path written.
    pub fn path(&self) -> &'a str {
        self.setting.key.as_ref().map_or("", |k| k.path())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Family {
    V4,
    V6,
}

/// A forwarding write that changed the value, and what it overwrote.
pub(super) struct Reset<'a> {
    pub family: Family,
    pub write: Written<'a>,
    /// The forwarding value before, and the assignment that set it (`None`: the
    /// kernel default at boot).
    pub from: i128,
    pub from_setting: Option<Written<'a>>,
    /// Earlier assignments whose value the reset replaced with a different one and
    /// that are not assigned again later.
    pub lost: Vec<(Written<'a>, i128)>,
}

/// The result of applying the configuration's conf writes in order.
pub(super) struct ConfModel<'a> {
    pub resets: Vec<Reset<'a>>,
    /// IPv4 forwarding at the end (`ip_forward`), from the kernel default 0.
    pub v4_forwarding: i128,
    /// Forwarding-related assignments still in force at the end, by path.
    tracked: HashMap<&'a str, Written<'a>>,
}

impl<'a> ConfModel<'a> {
    /// Whether an IPv4 forwarding change happened after position `pos`.
    pub fn v4_reset_after(&self, pos: usize) -> bool {
        self.resets
            .iter()
            .any(|r| r.family == Family::V4 && r.write.pos() > pos)
    }

    /// IPv4 forwarding of `conf.<dev>` (`dev` may be `default`) at the end.
    pub fn v4_dev_forwarding(&self, dev: &str) -> i128 {
        self.tracked
            .get(format!("net/ipv4/conf/{dev}/forwarding").as_str())
            .map_or(self.v4_forwarding, |w| w.value)
    }

    /// The value a key has at the end without being assigned, when a forwarding
    /// change set it: `conf.all.accept_redirects` and `conf.default.forwarding`.
    pub fn implicit_value(&self, path: &str) -> Option<i128> {
        let last_v4 = self.resets.iter().rev().find(|r| r.family == Family::V4)?;
        let on = last_v4.write.value;
        match path {
            V4_ALL_ACCEPT_REDIRECTS => Some(i128::from(on == 0)),
            "net/ipv4/conf/default/forwarding" => Some(on),
            _ => None,
        }
    }
}

fn conf_parts(path: &str) -> Option<(&str, &str, &str)> {
    let mut it = path.split('/');
    let (net, fam, conf, dev, name) = (it.next()?, it.next()?, it.next()?, it.next()?, it.next()?);
    (net == "net" && conf == "conf" && it.next().is_none()).then_some((fam, dev, name))
}

/// Assignments a forwarding change can overwrite.
fn is_tracked(path: &str) -> bool {
    if path == V4_ALL_ACCEPT_REDIRECTS {
        return true;
    }
    match conf_parts(path) {
        Some(("ipv4", dev, "forwarding")) => dev != "all",
        Some(("ipv6", dev, "forwarding")) => dev != "all",
        Some(("ipv6", _, "force_forwarding")) => true,
        _ => false,
    }
}

/// Whether a key can be a forwarding write or a tracked assignment (a superset of
/// both, decided on the components without building the path).
fn may_matter(key: &Key) -> bool {
    let path = key.path();
    if path == V4_FORWARD {
        return true;
    }
    let Some(rest) = path.strip_prefix("net/") else {
        return false;
    };
    let Some((family, rest)) = rest.split_once('/') else {
        return false;
    };
    let Some((dev, name)) = rest.strip_prefix("conf/").and_then(|r| r.split_once('/')) else {
        return false;
    };
    !family.is_empty()
        && !dev.is_empty()
        && matches!(name, "forwarding" | "force_forwarding" | "accept_redirects")
}

/// Which forwarding change resets a tracked path: IPv4 (`accept_redirects`,
/// `ipv4.conf.*.forwarding`), IPv6 forwarding, or IPv6 `force_forwarding`.
fn tracked_group(path: &str) -> usize {
    match conf_parts(path) {
        Some(("ipv6", _, "forwarding")) => 1,
        Some(("ipv6", _, "force_forwarding")) => 2,
        _ => 0,
    }
}

/// Apply the configuration's explicit assignments in order (see the module doc).
pub(super) fn model<'a, 'c>(cx: &'c Context<'a>) -> &'c ConfModel<'a> {
    cx.shared.conf_model.get_or_init(|| compute_model(cx))
}

fn compute_model<'a>(cx: &Context<'a>) -> ConfModel<'a> {
    let mut v4 = 0i128;
    let mut v4_by: Option<Written<'a>> = None;
    let mut v6 = 0i128;
    let mut v6_by: Option<Written<'a>> = None;
    // Tracked assignments by the forwarding change that resets them (see
    // `tracked_group`), so that a change only visits what it resets.
    let mut groups: [HashMap<&'a str, Written<'a>>; 3] = Default::default();
    let mut last_pos: HashMap<&'a str, usize> = HashMap::default();
    let mut resets = Vec::new();
    for (pos, (file, s)) in cx.settings().enumerate() {
        let Some(key) = s.key.as_ref().filter(|k| !k.glob) else {
            continue;
        };
        if !may_matter(key) {
            continue;
        }
        let path = key.path();
        last_pos.insert(path, pos);
        let Some(value) = int_value(s) else { continue };
        let w = Written::new(pos, file, s, value);
        let family = match path {
            V4_FORWARD | V4_ALL_FORWARDING => Family::V4,
            V6_ALL_FORWARDING => Family::V6,
            _ => {
                if is_tracked(path) {
                    groups[tracked_group(path)].insert(path, w);
                }
                continue;
            }
        };
        let (state, by) = match family {
            Family::V4 => (&mut v4, &mut v4_by),
            Family::V6 => (&mut v6, &mut v6_by),
        };
        // IPv4 resets only on a change (devinet_sysctl_forward() compares);
        // IPv6 on every write.
        if value != *state || family == Family::V6 {
            let mut lost = Vec::new();
            let reset: &[usize] = match family {
                Family::V4 => &[0],
                Family::V6 if value == 0 => &[1, 2],
                Family::V6 => &[1],
            };
            for &g in reset {
                for (p, t) in groups[g].drain() {
                    let reset_to = match g {
                        0 if p == V4_ALL_ACCEPT_REDIRECTS => i128::from(value == 0),
                        0 | 1 => value,
                        _ => 0,
                    };
                    if t.value != reset_to {
                        lost.push((t, reset_to));
                    }
                }
            }
            resets.push(Reset {
                family,
                write: w.clone(),
                from: *state,
                from_setting: by.clone(),
                lost,
            });
            *state = value;
        }
        *by = Some(w);
    }
    for r in &mut resets {
        // A key assigned again after the reset gets its value back.
        r.lost
            .retain(|(t, _)| last_pos.get(t.path()).is_none_or(|&p| p < r.write.pos()));
        r.lost.sort_by_key(|(t, _)| t.pos());
    }
    let [mut tracked, v6_forwarding, v6_force] = groups;
    tracked.extend(v6_forwarding);
    tracked.extend(v6_force);
    ConfModel {
        resets,
        v4_forwarding: v4,
        tracked,
    }
}

/// Whether a glob key covers a concrete path (component by component).
pub(super) fn glob_covers(glob: &Key, path: &str) -> bool {
    glob.matches_path(path)
}

/// Whether an exclusion line (`-net.ipv4.conf.all.rp_filter`) names the path.
pub(super) fn excluded(cx: &Context<'_>, path: &str) -> bool {
    cx.files.iter().any(|f| {
        f.tree.lines.iter().any(|l| match &l.kind {
            LineKind::Exclusion(e) => Key::parse(f.text(e.key())).path() == path,
            _ => false,
        })
    })
}

/// The glob assignment that sets a concrete path, if no explicit assignment or
/// exclusion takes the path away from globs (both loaders: explicit keys beat globs
/// in any order; overlapping globs are applied in order, the last wins).
pub(super) fn glob_assignment<'a>(cx: &Context<'a>, path: &str) -> Option<(usize, &'a Setting)> {
    let last = cx
        .glob_settings()
        .iter()
        .rev()
        .find(|(_, s)| s.key.as_ref().is_some_and(|k| glob_covers(k, path)))
        .copied()?;
    if cx.last(path).is_some() || excluded(cx, path) {
        return None;
    }
    Some(last)
}

fn dotted(path: &str) -> String {
    Key::parse(path).dotted()
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let m = model(cx);
    for r in &m.resets {
        if r.lost.is_empty() {
            continue;
        }
        let w = &r.write;
        let key = w.setting.dotted_key().unwrap_or_default();
        let before = match &r.from_setting {
            Some(b) => Place::of(cx, w.file(), b.file(), b.setting),
            None => Place::DEFAULT,
        };
        let listed: Vec<Text> = r
            .lost
            .iter()
            .take(MAX_LISTED)
            .map(|(t, to)| {
                let at = Place::of(cx, w.file(), t.file(), t.setting);
                msg!(
                    "sl530-item",
                    key = &dotted(t.path()),
                    value = &t.value.to_string(),
                    where = at.kind,
                    line = at.line,
                    file = &at.file,
                    to = &to.to_string()
                )
            })
            .collect();
        let more = r.lost.len().saturating_sub(MAX_LISTED);
        let family = match r.family {
            Family::V4 => "v4",
            Family::V6 if w.value == 0 => "v6-clear",
            Family::V6 => "v6",
        };
        let ip = match r.family {
            Family::V4 => "IPv4",
            Family::V6 => "IPv6",
        };
        let n = r.lost.len();
        let (value, from) = (w.value.to_string(), r.from.to_string());
        let redirects = i128::from(w.value == 0).to_string();
        let note = headline::with_list(
            "sl530-note",
            &listed,
            &[
                ("key", Arg::Str(&key)),
                ("value", Arg::Str(&value)),
                ("count", Arg::from(n)),
                ("family", Arg::Str(family)),
                ("from", Arg::Str(&from)),
                ("where", Arg::Str(before.kind)),
                ("line", Arg::from(before.line)),
                ("file", Arg::Str(&before.file)),
                ("redirects", Arg::Str(&redirects)),
                ("more", Arg::from(more)),
            ],
        );
        let mut d = w
            .setting
            .diag(
                "SL530",
                w.file(),
                w.setting.span(),
                headline::fit_text(
                    "SL530",
                    key.strip_prefix("net.ipv4.")
                        .or_else(|| key.strip_prefix("net.ipv6."))
                        .unwrap_or(&key),
                    |k| {
                        msg!(
                            "sl530-headline",
                            key = k,
                            value = &value,
                            count = n,
                            ip = ip
                        )
                    },
                ),
            )
            .note(note)
            .help(msg!(
                "sl530-help",
                key = &key,
                keys = match r.family {
                    Family::V4 => "net.ipv4.conf.*",
                    Family::V6 => "net.ipv6.conf.*",
                }
            ));
        for (t, to) in r.lost.iter().take(MAX_LISTED) {
            d = d.label(
                t.file(),
                t.setting.span(),
                tr!(
                    "sl530-label",
                    value = &t.value.to_string(),
                    to = &to.to_string(),
                    key = &key
                ),
            );
        }
        if let Some((at, moved, from)) = move_above(cx, r) {
            d = d.unsafe_edit(at..at, moved).unsafe_edit(from, "");
        }
        out.push(d);
    }
}

/// The fix (unsafe: it changes which values stay): move the forwarding line above
/// the first line it resets. Only within one file, and only when no other
/// forwarding write of the family lies between (the order of those matters).
/// Returns the insertion offset, the moved line and the line's old span.
fn move_above(cx: &Context<'_>, r: &Reset<'_>) -> Option<(usize, String, std::ops::Range<usize>)> {
    let w = &r.write;
    let first = &r.lost.iter().min_by_key(|(t, _)| t.pos())?.0;
    if r.lost.iter().any(|(t, _)| t.file() != w.file())
        || r.from_setting
            .as_ref()
            .is_some_and(|b| b.pos() > first.pos())
    {
        return None;
    }
    let f = cx.file(w.file());
    let line = f.line(w.setting);
    let mut moved = f.text(line.span()).to_owned();
    if !moved.ends_with('\n') {
        moved.push('\n');
    }
    Some((f.line(first.setting).span().start, moved, line.span()))
}
