//! The best did-you-mean the catalogue has for an unknown key: a typo in the
//! name (same depth, [`catalog::near`]), a dot written for an underscore or the
//! reverse (`kernel.core_uses.pid`), a missing prefix (`kptr_restrict`), a
//! missing or extra word (`net.ipv4_timestamps`), one word replaced in a long
//! name (`icmp_ignore_bogus_error_messages`), or a known name under the wrong
//! prefix (`net.ipv4.kptr_restrict`).

use rustc_hash::FxHashMap;

use crate::catalog::{self, KeyInfo, Status};
use crate::key::Key;

/// How a suggestion was found (for the message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// A close spelling at the same depth.
    Spelling,
    /// The same words with other separators (`.` for `_`).
    Separators,
    /// The written key is the end of a catalogued key.
    MissingPrefix,
    /// One word more, less or different.
    Words,
    /// The same name under another prefix.
    WrongPrefix,
}

/// Catalogued keys an unknown key most likely meant, best first (at most
/// [`MAX`]); one candidate means the key is certainly meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub how: How,
    pub keys: Vec<String>,
}

/// At most this many keys are offered.
pub const MAX: usize = 3;

/// Shortest last component looked up under another prefix: short names
/// (`debug`, `enable`) recur across unrelated subsystems.
const MIN_LEAF: usize = 6;

/// Words a long name must have before one of them may be replaced.
const MIN_WORDS_FOR_REPLACEMENT: usize = 5;

/// Usable catalogue entries (not removed or moved) by their words and by their
/// last component, built once.
struct Index {
    /// Entries without placeholders by their name with the separators removed.
    squashed: FxHashMap<String, Vec<&'static KeyInfo>>,
    /// Entries without placeholders by their first word, with their words.
    by_first_word: FxHashMap<&'static str, Vec<(&'static KeyInfo, Vec<&'static str>)>>,
    /// Entries by their last component.
    by_leaf: FxHashMap<&'static str, Vec<&'static KeyInfo>>,
}

fn usable(info: &KeyInfo) -> bool {
    !matches!(info.status, Status::Removed | Status::Moved)
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(['.', '/', '_', '-']).filter(|w| !w.is_empty())
}

fn squash(s: &str) -> String {
    words(s).collect::<Vec<_>>().join("")
}

fn index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut ix = Index {
            squashed: FxHashMap::default(),
            by_first_word: FxHashMap::default(),
            by_leaf: FxHashMap::default(),
        };
        for info in catalog::all().iter().filter(|i| usable(i)) {
            let leaf = info.path.rsplit('/').next().unwrap_or(info.path);
            ix.by_leaf.entry(leaf).or_default().push(info);
            if info.path.contains("<*>") {
                continue;
            }
            ix.squashed.entry(squash(info.path)).or_default().push(info);
            let w: Vec<&'static str> = words(info.path).collect();
            if let Some(&first) = w.first() {
                ix.by_first_word.entry(first).or_default().push((info, w));
            }
        }
        ix
    })
}

/// The best suggestion for a key that is not catalogued, if any.
pub fn suggest(key: &Key) -> Option<Suggestion> {
    if key.is_empty() || key.glob {
        return None;
    }
    let found = |how, keys: Vec<String>| {
        let mut keys = keys;
        keys.dedup();
        (!keys.is_empty()).then(|| Suggestion {
            how,
            keys: keys.into_iter().take(MAX).collect(),
        })
    };
    found(How::Separators, separators(key))
        .or_else(|| spelling(key).and_then(|k| found(How::Spelling, k)))
        .or_else(|| found(How::MissingPrefix, missing_prefix(key)))
        .or_else(|| found(How::Words, word_edit(key)))
        .or_else(|| found(How::WrongPrefix, wrong_prefix(key)))
}

/// Same-depth spellings within the typo distance of [`catalog::closest`], best
/// first.
fn spelling(key: &Key) -> Option<Vec<String>> {
    let best = catalog::closest(key)?;
    let d = strsim::damerau_levenshtein(&key.dotted(), &best);
    let mut all = catalog::near(key, d);
    all.sort_by_key(|(d, _)| *d);
    let mut keys = vec![best.clone()];
    keys.extend(all.into_iter().map(|(_, k)| k).filter(|k| *k != best));
    Some(keys)
}

/// `kernel.core_uses.pid` for `kernel.core_uses_pid`: the same characters with
/// other separators.
fn separators(key: &Key) -> Vec<String> {
    index()
        .squashed
        .get(&squash(key.path()))
        .map(|v| v.iter().map(|i| i.key.to_owned()).collect())
        .unwrap_or_default()
}

/// `kptr_restrict` for `kernel.kptr_restrict`, `ipv4.ip_forward` for
/// `net.ipv4.ip_forward`: the written components end a catalogued key whose
/// missing beginning has no placeholder to guess.
fn missing_prefix(key: &Key) -> Vec<String> {
    let written = key.parts();
    let Some(leaf) = written.last() else {
        return Vec::new();
    };
    let Some(candidates) = index().by_leaf.get(leaf) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for info in candidates {
        let parts: Vec<&str> = info.path.split('/').collect();
        if parts.len() <= written.len() {
            continue;
        }
        let (head, tail) = parts.split_at(parts.len() - written.len());
        if head.contains(&"<*>") {
            continue;
        }
        if tail
            .iter()
            .zip(&written)
            .all(|(c, w)| *c == "<*>" || c == w)
        {
            let mut full: Vec<&str> = head.to_vec();
            full.extend(written.iter().copied());
            out.push(Key::from_components(full).dotted());
        }
    }
    out.sort();
    out
}

/// One word more (`net.ipv4_timestamps` for `net.ipv4.tcp_timestamps`), one less,
/// or, in a name of at least [`MIN_WORDS_FOR_REPLACEMENT`] words, one replaced
/// (`icmp_ignore_bogus_error_messages`), whatever the separators. The first word
/// (the top-level directory) is never changed, nor the last one unless replaced.
fn word_edit(key: &Key) -> Vec<String> {
    let written: Vec<&str> = words(key.path()).collect();
    let Some(first) = written.first() else {
        return Vec::new();
    };
    let Some(candidates) = index().by_first_word.get(first) else {
        return Vec::new();
    };
    let mut out: Vec<String> = candidates
        .iter()
        .filter(|(_, w)| one_word_apart(&written, w))
        .map(|(info, _)| info.key.to_owned())
        .collect();
    out.sort();
    out
}

fn one_word_apart(a: &[&str], b: &[&str]) -> bool {
    match a.len().abs_diff(b.len()) {
        0 => {
            a.len() >= MIN_WORDS_FOR_REPLACEMENT
                && a.iter().zip(b).filter(|(x, y)| x != y).count() == 1
        }
        1 => {
            let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
            if short.last() != long.last() || short.len() < 2 {
                return false;
            }
            // The first difference, then the rest must match shifted by one.
            let at = short
                .iter()
                .zip(long.iter())
                .position(|(x, y)| x != y)
                .unwrap_or(short.len());
            at > 0 && short[at..] == long[at + 1..]
        }
        _ => false,
    }
}

/// `net.ipv4.kptr_restrict` for `kernel.kptr_restrict`: a distinctive last
/// component that exactly one catalogued key has.
fn wrong_prefix(key: &Key) -> Vec<String> {
    let Some(leaf) = key.last().filter(|l| l.len() >= MIN_LEAF) else {
        return Vec::new();
    };
    match index().by_leaf.get(leaf).map(Vec::as_slice) {
        Some([only]) if !only.path.contains("<*>") => vec![only.key.to_owned()],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(written: &str) -> Option<(How, Vec<String>)> {
        suggest(&Key::parse(written)).map(|s| (s.how, s.keys))
    }

    fn one(how: How, key: &str) -> Option<(How, Vec<String>)> {
        Some((how, vec![key.to_owned()]))
    }

    #[test]
    fn each_way_of_getting_a_name_wrong() {
        assert_eq!(
            s("net.ipv4.tcp_timestsmps"),
            one(How::Spelling, "net.ipv4.tcp_timestamps")
        );
        assert_eq!(
            s("kernel.core_uses.pid"),
            one(How::Separators, "kernel.core_uses_pid")
        );
        assert_eq!(
            s("kptr_restrict"),
            one(How::MissingPrefix, "kernel.kptr_restrict")
        );
        assert_eq!(
            s("ipv4.ip_forward"),
            one(How::MissingPrefix, "net.ipv4.ip_forward")
        );
        assert_eq!(
            s("net.ipv4_fastopen"),
            one(How::Words, "net.ipv4.tcp_fastopen")
        );
        assert_eq!(
            s("net.ipv4_timestamps"),
            one(How::Words, "net.ipv4.tcp_timestamps")
        );
        assert_eq!(
            s("net.ipv4.icmp_ignore_bogus_error_messages"),
            one(How::Words, "net.ipv4.icmp_ignore_bogus_error_responses")
        );
        assert_eq!(
            s("net.ipv4.kptr_restrict"),
            one(How::WrongPrefix, "kernel.kptr_restrict")
        );
    }

    #[test]
    fn ambiguous_or_unrelated_names_get_no_certain_suggestion() {
        assert_eq!(s("xserver-allow-tcp"), None);
        assert_eq!(s("net.inet.udp.checksum"), None);
        assert_eq!(s("net.mydriver.debug"), None);
        // Two catalogued keys end in `route.max_size`.
        let (how, keys) = s("route.max_size").expect("two candidates");
        assert_eq!(how, How::MissingPrefix);
        assert_eq!(keys, ["net.ipv4.route.max_size", "net.ipv6.route.max_size"]);
    }
}

#[cfg(test)]
mod sweep {
    use super::*;

    /// Every usable catalogued key without a placeholder is found again from its
    /// last component alone, from its name without the top-level directory, and
    /// with a dot for its last underscore.
    #[test]
    fn every_catalogued_key_is_found_from_its_mangled_forms() {
        let (mut leaf_unique, mut leaf_listed, mut total) = (0, 0, 0);
        for info in catalog::all().iter().filter(|i| usable(i)) {
            if info.path.contains("<*>") {
                continue;
            }
            total += 1;
            let parts: Vec<&str> = info.path.split('/').collect();
            let leaf = Key::from_components([parts[parts.len() - 1]]);
            if let Some(s) = suggest(&leaf) {
                if s.keys == [info.key] {
                    leaf_unique += 1;
                } else if s.keys.iter().any(|k| k == info.key) {
                    leaf_listed += 1;
                }
            }
            if parts.len() > 2 {
                let tail = Key::from_components(parts[1..].iter().copied());
                let s = suggest(&tail).expect(info.key);
                assert!(s.keys.iter().any(|k| k == info.key), "{}: {s:?}", info.key);
            }
            if let Some(i) = info.key.rfind('_') {
                let dotted = format!("{}.{}", &info.key[..i], &info.key[i + 1..]);
                let s = suggest(&Key::parse(&dotted)).expect(info.key);
                assert!(s.keys.iter().any(|k| k == info.key), "{dotted}: {s:?}");
            }
        }
        // 788 keys: 734 found uniquely, 53 among others (Linux 6.18 catalogue).
        assert!(
            leaf_unique * 10 > total * 9 && leaf_unique + leaf_listed + 2 >= total,
            "{leaf_unique} unique and {leaf_listed} listed of {total}"
        );
    }
}
