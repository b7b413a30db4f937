//! SL531 ineffective-conf-value: a `net.ipv4.conf.<dev>` value that the kernel
//! overrides with `conf.all` (or, for an OR key, an `all = 0` that an explicit
//! interface value keeps from taking effect).
//!
//! How `all` and an interface combine (reference/kernel/ip-sysctl.rst, each key;
//! upstream include/linux/inetdevice.h `IN_DEV_*CONF` macros):
//! - max(all, dev): rp_filter, arp_announce, arp_ignore, src_valid_mark;
//! - AND: accept_source_route; accept_redirects when the interface forwards;
//! - OR: log_martians, proxy_arp, shared_media, secure_redirects, send_redirects,
//!   arp_filter; accept_redirects when the interface does not forward.

use rustc_hash::FxHashMap as HashMap;

use crate::catalog;
use crate::diagnostic::{Diagnostic, Text};
use crate::i18n::Arg;
use crate::key::Key;
use crate::lint::{Context, LastBy, Setting};
use crate::{msg, tr};

use super::headline::Place;
use super::sl530_ip_forward_resets_conf::{self as conf, ConfModel};
use super::{headline, Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL531",
    check: Check::Config(check),
    supersedes: &[],
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Combine {
    Max,
    And,
    Or,
}

fn combine(name: &str) -> Option<Combine> {
    Some(match name {
        "rp_filter" | "arp_announce" | "arp_ignore" | "src_valid_mark" => Combine::Max,
        "accept_source_route" => Combine::And,
        "log_martians" | "proxy_arp" | "shared_media" | "secure_redirects" | "send_redirects"
        | "arp_filter" => Combine::Or,
        // Depends on forwarding: decided per interface.
        "accept_redirects" => Combine::Or,
        _ => return None,
    })
}

/// The winning explicit assignment of a key: (position, file, setting, value).
type Winner<'a> = (usize, usize, &'a Setting, i128);

/// The value `conf.all.<name>` has at the end, and the line that sets it.
struct AllValue<'a> {
    file: usize,
    setting: &'a Setting,
    value: i128,
    /// Set by a glob (`net.ipv4.conf.*.<name>`), not by an explicit `conf.all` line.
    glob: bool,
}

fn all_value<'a>(
    cx: &Context<'a>,
    model: &ConfModel<'a>,
    name: &str,
    explicit: Option<&Winner<'a>>,
) -> Option<AllValue<'a>> {
    if let Some(&(pos, file, setting, value)) = explicit {
        // A later forwarding change rewrites conf.all.accept_redirects (SL530).
        if name == "accept_redirects" && model.v4_reset_after(pos) {
            return None;
        }
        return Some(AllValue {
            file,
            setting,
            value,
            glob: false,
        });
    }
    let path = format!("net/ipv4/conf/all/{name}");
    let (file, setting) = conf::glob_assignment(cx, &path)?;
    if name == "accept_redirects" && model.implicit_value(&path).is_some() {
        return None;
    }
    Some(AllValue {
        file,
        setting,
        value: conf::int_value(setting)?,
        glob: true,
    })
}

/// `(dev, name)` of an explicit `net.ipv4.conf.<dev>.<name>` assignment.
fn conf_dev_name(s: &Setting) -> Option<(&str, &str)> {
    s.key
        .as_ref()
        .filter(|k| !k.glob)?
        .path()
        .strip_prefix("net/ipv4/conf/")?
        .split_once('/')
        .filter(|(_, name)| !name.contains('/'))
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = conf::model(cx);
    // Winning explicit assignment per name and dev, as positions in `cx.settings()`.
    let dev = |pos: u32| conf_dev_name(cx.at(pos as usize).1).map_or("", |(dev, _)| dev);
    let relevant = |s| conf_dev_name(s).filter(|(_, name)| combine(name).is_some());
    // Counted first, so that each table is sized once (growing one computes ids).
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for (_, s) in cx.settings() {
        if let Some((_, name)) = relevant(s) {
            *counts.entry(name).or_default() += 1;
        }
    }
    let mut winners: HashMap<&str, LastBy> = counts
        .into_iter()
        .map(|(name, n)| (name, LastBy::with_capacity(n)))
        .collect();
    for (pos, (_, s)) in cx.settings().enumerate() {
        let Some((this_dev, name)) = relevant(s) else {
            continue;
        };
        let pos = pos as u32; // inputs are capped at 64 MiB: fewer lines than u32::MAX
        let last = winners.entry(name).or_default();
        if conf::int_value(s).is_some() {
            last.insert(pos, this_dev, dev);
        } else {
            last.remove(this_dev, dev);
        }
    }
    // Devices in application order (the table's order is random, and so would be
    // its memory accesses); the interfaces one finding lists are sorted by name.
    let mut names: Vec<&str> = winners.keys().copied().collect();
    names.sort_unstable();
    for name in names {
        let mut positions: Vec<u32> = winners[name].items().collect();
        positions.sort_unstable();
        let devs: Vec<(&str, Winner<'_>)> = positions
            .into_iter()
            .filter_map(|pos| {
                let (file, s) = cx.at(pos as usize);
                Some((dev(pos), (pos as usize, file, s, conf::int_value(s)?)))
            })
            .collect();
        let explicit_all = devs.iter().find(|(d, _)| *d == "all").map(|(_, w)| w);
        let Some(all) = all_value(cx, model, name, explicit_all) else {
            continue;
        };
        // Only documented values: what the kernel does with others is undocumented.
        let documented = catalog::lookup(&Key::parse(&format!("net.ipv4.conf.all.{name}")))
            .map_or(&[][..], |i| i.values);
        let known = |v: i128| documented.is_empty() || documented.contains(&v);
        if !known(all.value) {
            continue;
        }
        let all_key = format!("net.ipv4.conf.all.{name}");
        let all_text = all.value.to_string();
        let glob = if all.glob { "yes" } else { "no" };
        let glob_key = all.setting.dotted_key().unwrap_or_default();
        let redirects = if name == "accept_redirects" {
            "yes"
        } else {
            "no"
        };
        // OR keys with all = 0: the interfaces that keep the feature on.
        let mut still_on: Vec<(&str, usize, &Setting)> = Vec::new();
        for &(dev, (_, file, s, v)) in &devs {
            if dev == "all" || !known(v) {
                continue;
            }
            let mut how = combine(name).unwrap_or(Combine::Or);
            if name == "accept_redirects" && model.v4_dev_forwarding(dev) != 0 {
                how = Combine::And;
            }
            if how == Combine::Or && v != 0 && all.value == 0 && !all.glob {
                still_on.push((dev, file, s));
            }
            let ids = match how {
                Combine::Max if v < all.value => ("sl531-note-max", "sl531-help-max"),
                Combine::And if v != 0 && all.value == 0 => ("sl531-note-and", "sl531-help-and"),
                Combine::Or if v == 0 && all.value != 0 => ("sl531-note-or", "sl531-help-or"),
                _ => continue,
            };
            let key = s.dotted_key().unwrap_or_default();
            let value = v.to_string();
            let at = Place::of(cx, file, all.file, all.setting);
            let target = if dev == "default" { "default" } else { "dev" };
            let args = [
                ("key", Arg::Str(&key)),
                ("value", Arg::Str(&value)),
                ("name", Arg::Str(name)),
                ("all", Arg::Str(&all_text)),
                ("all_key", Arg::Str(&all_key)),
                ("glob", Arg::Str(glob)),
                ("glob_key", Arg::Str(&glob_key)),
                ("where", Arg::Str(at.kind)),
                ("line", Arg::from(at.line)),
                ("file", Arg::Str(&at.file)),
                ("target", Arg::Str(target)),
                ("dev", Arg::Str(dev)),
                ("redirects", Arg::Str(redirects)),
            ];
            let message = headline::fit_text("SL531", &format!("{dev}.{name}"), |k| {
                msg!("sl531-headline", key = k, value = &value, all = &all_text)
            });
            out.push(
                s.diag("SL531", file, conf::value_span(s), message)
                    .note(Text::message(ids.0, &args))
                    .label(
                        all.file,
                        all.setting.span(),
                        tr!("sl531-label", all_key = &all_key, all = &all_text),
                    )
                    .help(Text::message(ids.1, &args)),
            );
        }
        if !still_on.is_empty() {
            still_on.sort_unstable_by_key(|(dev, _, _)| *dev);
            let names: Vec<Text> = still_on
                .iter()
                .map(|(dev, _, _)| {
                    if *dev == "default" {
                        msg!("sl531-still-on-default")
                    } else {
                        msg!("sl531-still-on-dev", dev = *dev)
                    }
                })
                .collect();
            let devs: Vec<String> = still_on
                .iter()
                .map(|(dev, _, _)| format!("`{dev}`"))
                .collect();
            let args = [
                ("name", Arg::Str(name)),
                ("all_key", Arg::Str(&all_key)),
                ("redirects", Arg::Str(redirects)),
            ];
            let mut d = all
                .setting
                .diag(
                    "SL531",
                    all.file,
                    conf::value_span(all.setting),
                    headline::fit_list("SL531", "sl531-headline-still-on", &devs, &args),
                )
                .note(headline::with_list("sl531-note-still-on", &names, &args))
                .help(msg!("sl531-help-still-on", name = name));
            for (_, file, s) in &still_on {
                d = d.label(*file, s.span(), tr!("sl531-label-still-on", name = name));
            }
            out.push(d);
        }
    }
}
