//! Hardening profiles (`--profile NAME`): data in `rules/profiles/*.toml`, embedded
//! at build time and parsed once. Each profile lists keys with the values it
//! expects, a rationale and sources; SL701 reports a configured value that does not
//! meet the expectation, SL702 a key the configuration leaves at a kernel default
//! that does not meet it.

use std::fmt;
use std::sync::OnceLock;

use serde::Deserialize;

/// The shipped profile files, in the order `names()` lists them.
const FILES: &[(&str, &str)] = &[
    ("server", include_str!("../rules/profiles/server.toml")),
    ("router", include_str!("../rules/profiles/router.toml")),
    ("k8s-node", include_str!("../rules/profiles/k8s-node.toml")),
    ("desktop", include_str!("../rules/profiles/desktop.toml")),
];

/// A hardening profile: expected values for a set of keys.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub name: String,
    pub description: String,
    #[serde(rename = "check", default)]
    pub checks: Vec<ProfileCheck>,
}

/// One expectation of a profile.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileCheck {
    /// A concrete dotted key (`net.ipv4.conf.all.rp_filter`, no `<dev>`).
    pub key: String,
    pub expect: Expect,
    /// Why the profile wants it (one sentence, shown in the finding).
    pub rationale: String,
    /// Where the recommendation comes from.
    pub sources: Vec<String>,
    /// The kernel default of this concrete key when the catalogue's default (which
    /// is per key pattern) is wrong for it, e.g. `conf.all.accept_source_route` is 0
    /// while `conf.default` and every interface start at 1.
    #[serde(default)]
    pub kernel_default: Option<i64>,
}

/// What a value must satisfy.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expect {
    Eq(i64),
    Ge(i64),
    Le(i64),
    In(Vec<i64>),
    /// Every bit of the mask is set.
    BitsSet(i64),
    /// No bit of the mask is set.
    BitsClear(i64),
}

impl Expect {
    /// Whether `value` meets the expectation.
    pub fn meets(&self, value: i128) -> bool {
        match self {
            Expect::Eq(n) => value == i128::from(*n),
            Expect::Ge(n) => value >= i128::from(*n),
            Expect::Le(n) => value <= i128::from(*n),
            Expect::In(list) => list.iter().any(|n| value == i128::from(*n)),
            Expect::BitsSet(m) => value & i128::from(*m) == i128::from(*m),
            Expect::BitsClear(m) => value & i128::from(*m) == 0,
        }
    }

    /// A value that meets the expectation, as close to `current` as the
    /// expectation allows (for the help text).
    pub fn suggest(&self, current: Option<i128>) -> i128 {
        let cur = current.unwrap_or(0);
        match self {
            Expect::Eq(n) | Expect::Ge(n) | Expect::Le(n) => i128::from(*n),
            Expect::In(list) => list.first().map_or(0, |n| i128::from(*n)),
            Expect::BitsSet(m) => cur.max(0) | i128::from(*m),
            Expect::BitsClear(m) => cur.max(0) & !i128::from(*m),
        }
    }
}

impl fmt::Display for Expect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expect::Eq(n) => write!(f, "{n}"),
            Expect::Ge(n) => write!(f, "{n} or more"),
            Expect::Le(n) => write!(f, "{n} or less"),
            Expect::In(list) => {
                let items: Vec<String> = list.iter().map(ToString::to_string).collect();
                match items.len() {
                    0 => f.write_str("nothing"),
                    1 => f.write_str(&items[0]),
                    n => write!(f, "{} or {}", items[..n - 1].join(", "), items[n - 1]),
                }
            }
            Expect::BitsSet(m) => write!(f, "bits {m:#x} set"),
            Expect::BitsClear(m) => write!(f, "bits {m:#x} clear"),
        }
    }
}

fn profiles() -> &'static [Profile] {
    static PROFILES: OnceLock<Vec<Profile>> = OnceLock::new();
    PROFILES.get_or_init(|| {
        FILES
            .iter()
            .map(|(name, text)| {
                let p: Profile = toml::from_str(text)
                    .unwrap_or_else(|e| panic!("rules/profiles/{name}.toml: {e}"));
                assert_eq!(&p.name, name, "rules/profiles/{name}.toml: name");
                p
            })
            .collect()
    })
}

/// The profile of that name, if one is shipped.
pub fn find(name: &str) -> Option<&'static Profile> {
    profiles().iter().find(|p| p.name == name)
}

/// Names of the shipped profiles.
pub fn names() -> Vec<&'static str> {
    profiles().iter().map(|p| p.name.as_str()).collect()
}

/// All shipped profiles.
pub fn all() -> &'static [Profile] {
    profiles()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key::Key;

    #[test]
    fn every_profile_parses_and_checks_known_keys() {
        assert_eq!(names(), ["server", "router", "k8s-node", "desktop"]);
        for p in all() {
            assert!(!p.description.is_empty(), "{}: description", p.name);
            assert!(!p.checks.is_empty(), "{}: no checks", p.name);
            let mut seen = std::collections::HashSet::new();
            for c in &p.checks {
                let key = Key::parse(&c.key);
                assert!(!key.glob, "{}: {} is a glob", p.name, c.key);
                assert!(
                    !c.key.contains('<'),
                    "{}: {} has a placeholder",
                    p.name,
                    c.key
                );
                assert!(
                    crate::catalog::lookup(&key).is_some(),
                    "{}: {} is not in the catalogue",
                    p.name,
                    c.key
                );
                assert!(
                    seen.insert(key.path().to_owned()),
                    "{}: {} twice",
                    p.name,
                    c.key
                );
                assert!(!c.rationale.is_empty(), "{}: {} rationale", p.name, c.key);
                assert!(!c.sources.is_empty(), "{}: {} sources", p.name, c.key);
                if let Expect::In(list) = &c.expect {
                    assert!(!list.is_empty(), "{}: {} empty `in`", p.name, c.key);
                }
                let s = c.expect.suggest(None);
                assert!(c.expect.meets(s), "{}: {} suggestion {s}", p.name, c.key);
            }
        }
    }

    #[test]
    fn router_and_k8s_want_forwarding() {
        for name in ["router", "k8s-node"] {
            let p = find(name).unwrap();
            let fwd = p
                .checks
                .iter()
                .find(|c| c.key == "net.ipv4.ip_forward")
                .unwrap();
            assert!(fwd.expect.meets(1) && !fwd.expect.meets(0), "{name}");
        }
        let server = find("server").unwrap();
        let fwd = server
            .checks
            .iter()
            .find(|c| c.key == "net.ipv4.ip_forward")
            .unwrap();
        assert!(fwd.expect.meets(0) && !fwd.expect.meets(1));
    }

    #[test]
    fn expectations() {
        assert!(Expect::In(vec![1, 2]).meets(2));
        assert!(!Expect::In(vec![1, 2]).meets(0));
        assert!(Expect::BitsSet(16).meets(176));
        assert!(!Expect::BitsClear(1).meets(1));
        assert!(Expect::BitsClear(1).meets(176));
        assert_eq!(Expect::BitsClear(1).suggest(Some(177)), 176);
        assert_eq!(Expect::In(vec![1, 2]).to_string(), "1 or 2");
        assert_eq!(Expect::Ge(2).to_string(), "2 or more");
    }
}
