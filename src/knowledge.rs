//! What the rules know about keys beyond the catalogue, as data in `rules/`:
//! two names of one kernel variable (`aliases.tsv`), bounds between keys
//! (`relations.tsv`), documented advice (`advice.tsv`) and one-shot action keys
//! (`actions.tsv`). `build.rs` embeds the files as string tables; they are read
//! into typed rows once, on first use (a few dozen rows).
//!
//! Keys are written as in the catalogue (`net.ipv4.neigh.<dev>.retrans_time`);
//! a setting matches a row when its catalogue entry is the row's key.

use std::sync::OnceLock;

use crate::catalog::{self, KeyInfo};
use crate::diagnostic::Severity;
use crate::key::Key;
use crate::lint::Setting;
use crate::version::KernelVersion;

include!(concat!(env!("OUT_DIR"), "/knowledge.rs"));

/// A kernel release range `since..until` (either end open).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Window {
    pub since: Option<(u64, u64)>,
    pub until: Option<(u64, u64)>,
}

impl Window {
    fn parse(since: &str, until: &str) -> Window {
        Window {
            since: series(since),
            until: series(until),
        }
    }

    /// Whether the target kernel is in the window.
    pub fn holds_on(&self, target: &KernelVersion) -> bool {
        let t = target.series();
        self.since.is_none_or(|s| t >= s) && self.until.is_none_or(|u| t < u)
    }
}

fn series(s: &str) -> Option<(u64, u64)> {
    let mut it = s.split('.').map(|p| p.parse::<u64>().ok());
    Some((it.next()??, it.next().flatten().unwrap_or(0)))
}

pub use crate::catalogue_path::catalogue_path;

/// Whether a written key (with its catalogue entry) is an instance of a data
/// row's key: `<*>` matches any component, other components must be equal
/// (`net.ipv4.conf.all.forwarding` is an instance of the row
/// `net/ipv4/conf/all/forwarding`, `net.ipv4.conf.eth0.forwarding` is not).
pub fn matches(pattern: &str, info: &KeyInfo, key: &Key) -> bool {
    if pattern == info.path {
        return true;
    }
    pattern.split('/').count() == key.len()
        && pattern
            .split('/')
            .zip(key.components())
            .all(|(p, w)| p == "<*>" || p == w)
}

/// Two names of one kernel variable: writing either sets the other.
#[derive(Debug)]
pub struct Alias {
    /// The name the message calls canonical (catalogue form, dotted).
    pub key: &'static str,
    pub alias: &'static str,
    /// `alias` value times `factor` is the `key` value (units differ:
    /// `retrans_time` in 1/100 s, `retrans_time_ms` in ms); `None`: the values
    /// are not comparable (another format, a build-dependent size).
    pub factor: Option<i128>,
    pub window: Window,
    pub sources: &'static str,
    pub note: &'static str,
    key_path: String,
    alias_path: String,
}

pub fn aliases() -> &'static [Alias] {
    static ROWS: OnceLock<Vec<Alias>> = OnceLock::new();
    ROWS.get_or_init(|| {
        ALIASES
            .iter()
            .map(|r| Alias {
                key: r[0],
                alias: r[1],
                factor: r[2].parse().ok(),
                window: Window::parse(r[3], r[4]),
                sources: r[5],
                note: r[6],
                key_path: catalogue_path(r[0]),
                alias_path: catalogue_path(r[1]),
            })
            .collect()
    })
}

/// A setting's place among aliases: the canonical path it writes (placeholders
/// filled from the written key), the alias row, and whether it is written under
/// the alias name.
pub struct Canonical {
    pub path: String,
    pub row: &'static Alias,
    pub is_alias: bool,
}

/// The kernel variable a setting writes, when it has two names on the target.
pub fn canonical(s: &Setting, target: &KernelVersion) -> Option<Canonical> {
    let info = s.info()?;
    let key = s.key.as_ref().filter(|k| !k.glob)?;
    canonical_of(info, key, target)
}

/// The catalogue paths of the entries some alias row names: a setting whose
/// entry is not among them (nearly all) is rejected with one lookup.
fn alias_entries() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        aliases()
            .iter()
            .flat_map(|a| [a.key, a.alias])
            .filter_map(entry)
            .map(|i| i.path)
            .collect()
    })
}

fn canonical_of(info: &KeyInfo, key: &Key, target: &KernelVersion) -> Option<Canonical> {
    if !alias_entries().contains(info.path) {
        return None;
    }
    let (row, is_alias) = aliases().iter().find_map(|a| {
        if !a.window.holds_on(target) {
            None
        } else if matches(&a.alias_path, info, key) {
            Some((a, true))
        } else if matches(&a.key_path, info, key) {
            Some((a, false))
        } else {
            None
        }
    })?;
    let written: Vec<&str> = key.components().collect();
    let path = row
        .key_path
        .split('/')
        .enumerate()
        .map(|(i, c)| {
            if c == "<*>" {
                written.get(i).copied().unwrap_or(c)
            } else {
                c
            }
        })
        .collect::<Vec<_>>()
        .join("/");
    Some(Canonical {
        path,
        row,
        is_alias,
    })
}

/// Whether two settings of one variable under its two names give it the same
/// value: `Some(true)` when the value under the coarser name is the other's
/// rounded down to its unit (what `sysctl -a` shows for both: `gc_min_interval
/// = 0` and `gc_min_interval_ms = 500`), `None` when the values cannot be
/// compared (another format, a build-dependent size, not integers).
pub fn same_value(a: &Setting, ca: &Canonical, b: &Setting, cb: &Canonical) -> Option<bool> {
    let (canon, alias) = match (ca.is_alias, cb.is_alias) {
        (false, true) => (a, b),
        (true, false) => (b, a),
        _ => return None,
    };
    let factor = ca.row.factor?;
    let v = *canon.numbers()?.first()?;
    let w = *alias.numbers()?.first()?;
    Some(v.div_euclid(factor) == w)
}

/// What a relation between two keys says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `a <= b` is meant, the kernel does not check it (SL308).
    Le,
    /// Each write of `a` or `b` is checked against the other's current value:
    /// `a <= b`, or the write is rejected (SL407).
    Enforced,
    /// `a` has an effect only while `b` has one of `values` (SL310).
    Needs,
}

#[derive(Debug)]
pub struct Relation {
    pub kind: Kind,
    pub a: &'static str,
    pub b: &'static str,
    /// `Le`/`Enforced`: values of `a` that are exempt (`-1`: unlimited);
    /// `Needs`: the values of `b` that give `a` its effect.
    pub values: Vec<i128>,
    /// `b` is compared after multiplying by this (`shmall` counts pages of 4096
    /// bytes, `shmmax` bytes); 1 when the units agree.
    pub scale: i128,
    pub window: Window,
    pub sources: &'static str,
    pub effect: &'static str,
    pub a_path: String,
    pub b_path: String,
}

pub fn relations() -> &'static [Relation] {
    static ROWS: OnceLock<Vec<Relation>> = OnceLock::new();
    ROWS.get_or_init(|| {
        RELATIONS
            .iter()
            .map(|r| Relation {
                kind: match r[0] {
                    "le" => Kind::Le,
                    "enforced" => Kind::Enforced,
                    "needs" => Kind::Needs,
                    k => panic!("rules/relations.tsv: unknown kind `{k}`"),
                },
                a: r[1],
                b: r[2],
                values: ints(r[3]),
                scale: r[4].parse().unwrap_or(1),
                window: Window::parse(r[5], r[6]),
                sources: r[7],
                effect: r[8],
                a_path: catalogue_path(r[1]),
                b_path: catalogue_path(r[2]),
            })
            .collect()
    })
}

fn ints(s: &str) -> Vec<i128> {
    s.split(',').filter_map(|v| v.trim().parse().ok()).collect()
}

/// How an advice row compares the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    Below(Threshold),
    Above(Threshold),
    Is(String),
    In(Vec<String>),
}

/// A number, or a default the kernel sizes from memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threshold {
    Value(i128),
    /// Half the TCP established-hash size (`tcp_max_orphans`,
    /// `tcp_max_tw_buckets`): 32768 without `--memory` (an 8 GiB host).
    TcpEhashHalf,
}

/// One condition of `when`: `key[index] > value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub key: &'static str,
    pub index: usize,
    pub above: i128,
}

#[derive(Debug)]
pub struct Advice {
    pub key: &'static str,
    pub op: Op,
    /// Any of these, written in the configuration, makes the advice apply; none:
    /// it always applies.
    pub when: Vec<Condition>,
    pub window: Window,
    pub sources: &'static str,
    pub quote: &'static str,
    pub effect: &'static str,
    /// The effect in a few words, for the headline (`connections drop on short outages`).
    pub headline: &'static str,
    pub path: String,
}

pub fn advice() -> &'static [Advice] {
    static ROWS: OnceLock<Vec<Advice>> = OnceLock::new();
    ROWS.get_or_init(|| {
        ADVICE
            .iter()
            .map(|r| {
                let threshold = |v: &str| match v {
                    "tcp-ehash/2" => Threshold::TcpEhashHalf,
                    v => Threshold::Value(
                        v.parse()
                            .unwrap_or_else(|_| panic!("rules/advice.tsv: `{v}` is not a number")),
                    ),
                };
                let op = match r[1] {
                    "<" => Op::Below(threshold(r[2])),
                    ">" => Op::Above(threshold(r[2])),
                    "=" => Op::Is(r[2].to_owned()),
                    "in" => Op::In(r[2].split(',').map(str::to_owned).collect()),
                    o => panic!("rules/advice.tsv: unknown op `{o}`"),
                };
                let when = r[3]
                    .split('|')
                    .filter(|c| !c.is_empty())
                    .map(|c| {
                        let (lhs, v) = c
                            .split_once('>')
                            .unwrap_or_else(|| panic!("rules/advice.tsv: `{c}` is not `key>N`"));
                        let (key, index) = match lhs.split_once('[') {
                            Some((k, i)) => (k, i.trim_end_matches(']').parse().unwrap_or(0)),
                            None => (lhs, 0),
                        };
                        Condition {
                            key,
                            index,
                            above: v.parse().unwrap_or(i128::MAX),
                        }
                    })
                    .collect();
                Advice {
                    key: r[0],
                    op,
                    when,
                    window: Window::parse(r[4], ""),
                    sources: r[5],
                    quote: r[6],
                    effect: r[7],
                    headline: r[8],
                    path: catalogue_path(r[0]),
                }
            })
            .collect()
    })
}

/// The catalogue paths of the entries some advice row names: a setting whose
/// entry is not among them (nearly all) is passed over with one lookup.
pub fn advice_entries() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        advice()
            .iter()
            .filter_map(|a| entry(a.key))
            .map(|i| i.path)
            .collect()
    })
}

/// A one-shot action key: writing it does something once, it stores no setting.
#[derive(Debug)]
pub struct Action {
    pub key: &'static str,
    pub severity: Severity,
    pub action: &'static str,
    pub sources: &'static str,
}

pub fn actions() -> &'static [Action] {
    static ROWS: OnceLock<Vec<Action>> = OnceLock::new();
    ROWS.get_or_init(|| {
        ACTIONS
            .iter()
            .map(|r| Action {
                key: r[0],
                severity: match r[1] {
                    "warning" => Severity::Warning,
                    "info" => Severity::Info,
                    s => panic!("rules/actions.tsv: severity `{s}`"),
                },
                action: r[2],
                sources: r[3],
            })
            .collect()
    })
}

/// The catalogue entry of a key written with placeholders (or with a literal
/// `all`, `default` in a placeholder's place).
pub fn entry(key: &str) -> Option<&'static KeyInfo> {
    catalog::lookup(&Key::parse(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key the data names is catalogued, so that a renamed or dropped key
    /// fails here rather than silently matching nothing.
    #[test]
    fn every_key_is_catalogued() {
        let mut keys: Vec<&str> = Vec::new();
        for a in aliases() {
            keys.extend([a.key, a.alias]);
        }
        for r in relations() {
            keys.extend([r.a, r.b]);
        }
        for a in advice() {
            keys.push(a.key);
            keys.extend(a.when.iter().map(|c| c.key));
        }
        keys.extend(actions().iter().map(|a| a.key));
        let missing: Vec<&&str> = keys.iter().filter(|k| entry(k).is_none()).collect();
        assert!(missing.is_empty(), "not catalogued: {missing:?}");
    }

    #[test]
    fn rows_parse() {
        assert!(aliases().len() >= 10);
        assert!(relations().iter().any(|r| r.kind == Kind::Needs));
        assert!(advice()
            .iter()
            .any(|a| a.op == Op::Below(Threshold::TcpEhashHalf)));
        assert_eq!(
            Window::parse("3.19", "").since,
            Some((3, 19)),
            "since is a series"
        );
        let a = aliases()
            .iter()
            .find(|a| a.alias.ends_with("retrans_time"))
            .unwrap();
        assert_eq!(a.factor, Some(10));
    }
}

#[cfg(test)]
mod alias_tests {
    use super::*;

    fn canon(written: &str) -> Option<(String, bool)> {
        let key = Key::parse(written);
        let info = catalog::lookup(&key)?;
        canonical_of(info, &key, &KernelVersion::default()).map(|c| (c.path, c.is_alias))
    }

    #[test]
    fn instances_of_rows() {
        assert_eq!(
            canon("net.ipv4.ip_forward"),
            Some(("net/ipv4/conf/all/forwarding".into(), true))
        );
        assert_eq!(
            canon("net.ipv4.conf.all.forwarding"),
            Some(("net/ipv4/conf/all/forwarding".into(), false))
        );
        assert_eq!(canon("net.ipv4.conf.eth0.forwarding"), None);
        assert_eq!(
            canon("net.ipv4.neigh.eth0.retrans_time"),
            Some(("net/ipv4/neigh/eth0/retrans_time_ms".into(), true))
        );
        assert_eq!(canon("net.ipv4.tcp_timestamps"), None);
    }
}
