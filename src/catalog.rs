//! The key catalogue: every known sysctl key with its type, unit, range and kernel
//! versions. The data lives in `rules/keys.tsv` and `rules/namespaces.tsv`;
//! `build.rs` turns it into the sorted static tables included here.

use crate::key::Key;
use crate::version::KernelVersion;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    Int,
    UInt,
    Bool,
    Enum,
    Bitmask,
    /// A vector of exactly N integers (`tcp_mem`, `tcp_rmem`).
    Ints(u8),
    String,
    /// `ip_local_port_range`: two ports, low and high.
    PortRange,
    /// `ip_local_reserved_ports`: comma-separated ports and ranges.
    PortList,
    Unknown,
}

impl ValueType {
    /// How many integers the kernel reads, for numeric types.
    pub fn arity(self) -> Option<usize> {
        match self {
            ValueType::Int
            | ValueType::UInt
            | ValueType::Bool
            | ValueType::Enum
            | ValueType::Bitmask => Some(1),
            ValueType::Ints(n) => Some(n as usize),
            ValueType::PortRange => Some(2),
            ValueType::String | ValueType::PortList | ValueType::Unknown => None,
        }
    }

    pub fn is_numeric(self) -> bool {
        self.arity().is_some()
    }

    pub fn name(self) -> String {
        match self {
            ValueType::Int => "integer".into(),
            ValueType::UInt => "unsigned integer".into(),
            ValueType::Bool => "boolean (0 or 1)".into(),
            ValueType::Enum => "enumeration".into(),
            ValueType::Bitmask => "bitmask".into(),
            ValueType::Ints(n) => format!("vector of {n} integers"),
            ValueType::String => "string".into(),
            ValueType::PortRange => "port range (two integers)".into(),
            ValueType::PortList => "list of ports and port ranges".into(),
            ValueType::Unknown => "unknown".into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    ReadOnly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Active,
    Removed,
    /// Still present but has no effect.
    NoOp,
    /// Not in mainline: a distribution or vendor kernel patch.
    Vendor,
    /// Moved out of sysctl (e.g. to debugfs).
    Moved,
}

/// One catalogue row (see `rules/keys.tsv` for the meaning of each column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyInfo {
    /// Dotted name with placeholders, e.g. `net.ipv4.conf.<dev>.rp_filter`.
    pub key: &'static str,
    /// Lookup form: `/`-joined components, placeholders as `<*>`.
    pub path: &'static str,
    pub ty: ValueType,
    pub access: Access,
    pub unit: &'static str,
    pub default: &'static str,
    pub min: Option<i128>,
    pub max: Option<i128>,
    /// The kernel rejects writes outside `min..=max`.
    pub enforced: bool,
    /// Documented values of an enum or bool.
    pub values: &'static [i128],
    pub since: Option<(u64, u64)>,
    pub removed: Option<(u64, u64)>,
    pub status: Status,
    pub scope: &'static str,
    pub module: &'static str,
    pub sources: &'static str,
    pub note: &'static str,
}

/// A key prefix (`net.ipv4`, `net.netfilter`) and whether the catalogue is complete
/// for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Namespace {
    pub prefix: &'static str,
    /// Every mainline key under the prefix is catalogued: an unknown key there
    /// cannot exist.
    pub closed: bool,
    pub module: &'static str,
    pub note: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/catalog_keys.rs"));
include!(concat!(env!("OUT_DIR"), "/catalog_namespaces.rs"));
include!(concat!(env!("OUT_DIR"), "/key_docs.rs"));
include!(concat!(env!("OUT_DIR"), "/key_ranges.rs"));

/// A range that holds only for some kernel versions (`rules/key-ranges.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionedRange {
    pub path: &'static str,
    pub since: Option<(u64, u64)>,
    pub until: Option<(u64, u64)>,
    pub min: Option<i128>,
    pub max: Option<i128>,
    pub enforced: bool,
    pub sources: &'static str,
    pub note: &'static str,
}

/// The range of a key on a target kernel: `(min, max, enforced, note)`.
pub fn range_on(
    info: &KeyInfo,
    target: &KernelVersion,
) -> (Option<i128>, Option<i128>, bool, &'static str) {
    let t = target.series();
    KEY_RANGES
        .iter()
        .find(|r| {
            r.path == info.path && r.since.is_none_or(|s| t >= s) && r.until.is_none_or(|u| t < u)
        })
        .map_or((info.min, info.max, info.enforced, ""), |r| {
            (r.min, r.max, r.enforced, r.note)
        })
}

/// A concrete key for an entry: its placeholders filled in (`<dev>` as `eth0`,
/// other `<...>` as `x...`), as a user would write it.
pub fn example_key(info: &KeyInfo) -> String {
    info.key
        .replace("<dev>", "eth0")
        .replace('<', "x")
        .replace('>', "")
}

/// The kernel documentation excerpt of a catalogue entry: `(source, text)`.
pub fn doc_excerpt(info: &KeyInfo) -> Option<(&'static str, &'static str)> {
    KEY_DOCS
        .binary_search_by(|(p, _, _)| (*p).cmp(info.path))
        .ok()
        .map(|i| (KEY_DOCS[i].1, KEY_DOCS[i].2))
}

const PLACEHOLDER: &str = "<*>";

pub fn all() -> &'static [KeyInfo] {
    KEYS
}

/// The position of a catalogue entry in [`all`] (for a compact reference to it).
pub fn position(info: &'static KeyInfo) -> usize {
    let i =
        (info as *const KeyInfo as usize - KEYS.as_ptr() as usize) / std::mem::size_of::<KeyInfo>();
    debug_assert!(
        KEYS.get(i).is_some_and(|k| std::ptr::eq(k, info)),
        "not a catalogue entry"
    );
    i
}

/// The catalogue by path, and which component positions hold a placeholder for
/// each depth (bit `i` of `placeholders[depth]`): built once from the static
/// table on first use (about a thousand entries, microseconds).
struct Index {
    by_path: rustc_hash::FxHashMap<&'static str, &'static KeyInfo>,
    placeholders: [u64; 64],
}

fn index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut placeholders = [0u64; 64];
        for k in KEYS {
            let parts: Vec<&str> = k.path.split('/').collect();
            for (i, p) in parts.iter().enumerate() {
                if *p == PLACEHOLDER && parts.len() < 64 && i < 64 {
                    placeholders[parts.len()] |= 1 << i;
                }
            }
        }
        Index {
            by_path: KEYS.iter().map(|k| (k.path, k)).collect(),
            placeholders,
        }
    })
}

fn find_path(path: &str) -> Option<&'static KeyInfo> {
    index().by_path.get(path).copied()
}

/// Look up a normalised, non-glob key: an exact entry first, then entries with a
/// placeholder for one component (`net.ipv4.conf.<dev>.rp_filter`), then for two
/// (`kernel.sched_domain.<cpu>.<domain>.flags`).
pub fn lookup(key: &Key) -> Option<&'static KeyInfo> {
    let path = key.path();
    if let Some(k) = find_path(path) {
        return Some(k);
    }
    // The components' byte ranges, and one buffer for every path tried (up to
    // n + n(n-1)/2 of them): no allocation for ordinary keys.
    let mut bounds: smallvec::SmallVec<[(usize, usize); 12]> = smallvec::SmallVec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'/', path.as_bytes()) {
        bounds.push((start, i));
        start = i + 1;
    }
    bounds.push((start, path.len()));
    let mut buf: smallvec::SmallVec<[u8; 128]> = smallvec::SmallVec::new();
    let mut find = |holes: &[usize]| {
        buf.clear();
        for (i, &(a, b)) in bounds.iter().enumerate() {
            if i > 0 {
                buf.push(b'/');
            }
            let part = if holes.contains(&i) {
                PLACEHOLDER
            } else {
                &path[a..b]
            };
            buf.extend_from_slice(part.as_bytes());
        }
        // Whole components and ASCII between them: still UTF-8.
        std::str::from_utf8(&buf).ok().and_then(find_path)
    };
    let n = bounds.len();
    // Only positions where some entry of this depth has a placeholder.
    let possible = index().placeholders.get(n).copied().unwrap_or(0);
    let can = |i: usize| i < 64 && possible & (1 << i) != 0;
    for i in (0..n).rev().filter(|&i| can(i)) {
        if let Some(k) = find(&[i]) {
            return Some(k);
        }
    }
    for i in (0..n).rev().filter(|&i| can(i)) {
        for j in (0..i).rev().filter(|&j| can(j)) {
            if let Some(k) = find(&[i, j]) {
                return Some(k);
            }
        }
    }
    None
}

/// Catalogue entries a glob key can match (placeholders match any component).
pub fn glob_matches(key: &Key) -> Vec<&'static KeyInfo> {
    let patterns: Vec<Option<glob::Pattern>> = key
        .components()
        .map(|c| glob::Pattern::new(c).ok())
        .collect();
    KEYS.iter()
        .filter(|k| {
            let comps: Vec<&str> = k.path.split('/').collect();
            comps.len() == patterns.len()
                && comps
                    .iter()
                    .zip(&patterns)
                    .zip(key.components())
                    .all(|((cat, pat), written)| {
                        *cat == PLACEHOLDER
                            || match pat {
                                Some(p) => p.matches(cat),
                                None => *cat == written,
                            }
                    })
        })
        .collect()
}

/// The longest catalogued namespace that contains the key.
pub fn namespace(key: &Key) -> Option<&'static Namespace> {
    let dotted = key.parts().join(".");
    NAMESPACES
        .iter()
        .filter(|n| dotted == n.prefix || dotted.starts_with(&format!("{}.", n.prefix)))
        .max_by_key(|n| n.prefix.len())
}

/// Render a catalogue key for a written key: placeholders take the written
/// component (`net.ipv4.conf.<dev>.rp_filter` for `eth0` -> `net.ipv4.conf.eth0.rp_filter`).
pub fn instantiate(info: &KeyInfo, written: &Key) -> String {
    let parts: Vec<String> = info
        .path
        .split('/')
        .enumerate()
        .map(|(i, c)| {
            if c == PLACEHOLDER {
                written
                    .components()
                    .nth(i)
                    .map(|w| w.replace('.', "/"))
                    .unwrap_or_else(|| "<dev>".into())
            } else {
                c.to_owned()
            }
        })
        .collect();
    parts.join(".")
}

impl KeyInfo {
    pub fn removed_in(&self, target: &KernelVersion) -> bool {
        matches!(self.status, Status::Removed | Status::Moved)
            && self.removed.is_some_and(|r| target.series() >= r)
    }

    pub fn too_new_for(&self, target: &KernelVersion) -> bool {
        self.since.is_some_and(|s| target.series() < s)
    }
}

/// Format a `(major, minor)` series.
pub fn series(v: (u64, u64)) -> String {
    format!("{}.{}", v.0, v.1)
}

/// How many times each ASCII byte occurs (`None` for other text).
fn ascii_bag(s: &str) -> Option<[u32; 128]> {
    let mut bag = [0u32; 128];
    for b in s.bytes() {
        *bag.get_mut(usize::from(b))? += 1;
    }
    Some(bag)
}

/// The bag distance of two ASCII strings, a lower bound of their
/// Damerau-Levenshtein distance (an edit changes each side's surplus of characters
/// by at most one; a transposition not at all). `None` when either is not ASCII.
fn bag_distance(a: &Option<[u32; 128]>, b: &str) -> Option<usize> {
    let a = a.as_ref()?;
    let b = ascii_bag(b)?;
    let (mut more, mut less) = (0usize, 0usize); // counts fit: inputs are capped at 64 MiB
    for (x, y) in a.iter().zip(&b) {
        if x > y {
            more += (x - y) as usize;
        } else {
            less += (y - x) as usize;
        }
    }
    Some(more.max(less))
}

/// The closest usable catalogued key, if it is close enough to be a typo
/// (Damerau-Levenshtein distance of at most a fifth of the last component, 1 to 3).
pub fn closest(key: &Key) -> Option<String> {
    let last = key.last().map_or(0, |c| c.chars().count());
    let limit = (last / 5).clamp(1, 3);
    near(key, limit)
        .into_iter()
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Every usable catalogued key (not removed or moved, same depth, placeholders
/// filled from `key`) within Damerau-Levenshtein distance `limit` of `key`, with
/// its distance, in catalogue order.
pub fn near(key: &Key, limit: usize) -> Vec<(usize, String)> {
    let written = key.dotted();
    let written_len = written.chars().count();
    let written_bag = ascii_bag(&written);
    let depth = key.len();
    KEYS.iter()
        .filter(|info| {
            info.path.matches('/').count() + 1 == depth
                && !matches!(info.status, Status::Removed | Status::Moved)
        })
        .filter_map(|info| {
            let candidate = instantiate(info, key);
            // The distance is at least the difference in length and the bag
            // distance: skip the O(n*m) comparison when either is too large.
            if candidate.chars().count().abs_diff(written_len) > limit
                || bag_distance(&written_bag, &candidate).is_some_and(|b| b > limit)
            {
                return None;
            }
            let d = strsim::damerau_levenshtein(&written, &candidate);
            (d <= limit).then_some((d, candidate))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip() {
        for (i, info) in all().iter().enumerate() {
            assert_eq!(position(info), i);
        }
        let k = lookup(&Key::parse("net.ipv4.conf.eth0.rp_filter")).expect("catalogued");
        assert_eq!(all()[position(k)].path, "net/ipv4/conf/<*>/rp_filter");
    }
}
