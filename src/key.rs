//! Key normalisation, exactly as procps `slashdot()`/`setting_new()` and systemd's
//! `sysctl_normalize()` do it (reference/syntax.md §1 "Key -> path").
//!
//! The first separator decides: if it is `/`, the key is a path used verbatim;
//! otherwise every `.` separates components and every `/` is a literal dot inside a
//! component (`net.ipv4.conf.eth0/100.rp_filter` is interface `eth0.100`).

/// A key as written, and its `/proc/sys` path components.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    /// The path below `/proc/sys`, components joined with `/` (a component never
    /// contains `/`), e.g. `net/ipv4/conf/eth0.100/rp_filter`; empty for no
    /// component. One string per key: a million keys cost a million allocations,
    /// not five million.
    path: Box<str>,
    /// The written form used two separators in a row (`net..ipv4`).
    pub repeated_separator: bool,
    /// A `.` or `..` path component (slash form): systemd rejects the path as not
    /// normalised, procps fails unless it resolves back inside `/proc/sys`.
    pub traversal: bool,
    /// Contains a glob character (`*`, `?`, `[`), expanded against `/proc/sys`.
    pub glob: bool,
}

impl Key {
    /// Normalise a key as written (without the ignore-failure `-`). A second
    /// leading `-` is dropped, as procps `setting_new()` does.
    pub fn parse(written: &str) -> Key {
        let written = written.strip_prefix('-').unwrap_or(written);
        let written = written.strip_prefix('\u{FEFF}').unwrap_or(written);
        let slash_first = written.find(['.', '/']).map(|i| &written[i..i + 1]) == Some("/");
        let sep = if slash_first { '/' } else { '.' };
        let mut repeated_separator = false;
        let mut traversal = false;
        let mut path = String::with_capacity(written.len());
        let mut glob = false;
        for (i, c) in written.split(sep).enumerate() {
            if c.is_empty() {
                // A leading `/` is accepted by procps and stripped by systemd.
                if i > 0 {
                    repeated_separator = true;
                }
                continue;
            }
            if slash_first && (c == ".." || c == ".") {
                traversal = true;
            }
            glob |= c.contains(['*', '?', '[']);
            if !path.is_empty() {
                path.push('/');
            }
            if slash_first || !c.contains('/') {
                path.push_str(c);
            } else {
                // A `/` in dotted form is a literal dot inside the component.
                path.push_str(&c.replace('/', "."));
            }
        }
        if !slash_first && written.contains("..") {
            repeated_separator = true;
        }
        Key {
            path: path.into_boxed_str(),
            repeated_separator,
            traversal,
            glob,
        }
    }

    /// A key from its path components (none of which contains `/`), as read from
    /// a directory tree: no flags set.
    pub fn from_components<'a>(components: impl IntoIterator<Item = &'a str>) -> Key {
        let mut path = String::new();
        for c in components {
            if !path.is_empty() {
                path.push('/');
            }
            path.push_str(c);
        }
        Key {
            glob: false,
            traversal: false,
            repeated_separator: false,
            path: path.into_boxed_str(),
        }
    }

    /// The path components below `/proc/sys`, e.g. `net`, `ipv4`, `conf`,
    /// `eth0.100`, `rp_filter`.
    pub fn components(&self) -> impl DoubleEndedIterator<Item = &str> + Clone {
        (!self.path.is_empty())
            .then(|| self.path.split('/'))
            .into_iter()
            .flatten()
    }

    /// The components, for indexing.
    pub fn parts(&self) -> Vec<&str> {
        self.components().collect()
    }

    /// The number of components.
    pub fn len(&self) -> usize {
        if self.path.is_empty() {
            0
        } else {
            self.path.bytes().filter(|&b| b == b'/').count() + 1
        }
    }

    /// No component at all (an empty key).
    pub fn is_empty(&self) -> bool {
        self.path.is_empty()
    }

    /// The last component (the file name below `/proc/sys`).
    pub fn last(&self) -> Option<&str> {
        self.components().next_back()
    }

    /// The dotted display form (procps `dotted_key`): components joined with `.`,
    /// a dot inside a component written as `/`.
    pub fn dotted(&self) -> String {
        self.path
            .chars()
            .map(|c| match c {
                '/' => '.',
                '.' => '/',
                c => c,
            })
            .collect()
    }

    /// Whether this glob key matches the explicit key `key`, component by
    /// component (`*`, `?` and `[...]` stay inside one component, as the loaders
    /// expand them against `/proc/sys`).
    pub fn matches(&self, key: &Key) -> bool {
        self.matches_path(key.path())
    }

    /// [`Key::matches`] for a path below `/proc/sys` (`net/ipv4/conf/eth0/rp_filter`).
    /// A component that is not a valid pattern matches only itself, as glob(3)
    /// takes an unclosed `[` literally.
    pub fn matches_path(&self, path: &str) -> bool {
        self.len() == path.split('/').count()
            && self
                .components()
                .zip(path.split('/'))
                .all(|(g, c)| glob::Pattern::new(g).map_or(g == c, |p| p.matches(c)))
    }

    /// The path below `/proc/sys`, e.g. `net/ipv4/ip_forward`.
    pub fn path(&self) -> &str {
        &self.path
    }
}

/// One component of an indexed glob: a pattern, or a literal (no glob character,
/// or not a valid pattern, which glob(3) takes literally).
#[derive(Debug)]
enum Part {
    Literal(Box<str>),
    Pattern(glob::Pattern),
}

impl Part {
    fn new(component: &str) -> Part {
        if component.contains(['*', '?', '[']) {
            if let Ok(p) = glob::Pattern::new(component) {
                return Part::Pattern(p);
            }
        }
        Part::Literal(component.into())
    }

    fn matches(&self, component: &str) -> bool {
        match self {
            Part::Literal(l) => **l == *component,
            Part::Pattern(p) => p.matches(component),
        }
    }
}

/// The globs filed under each literal piece of one slot.
type Pieces = rustc_hash::FxHashMap<Box<str>, Vec<u32>>;

/// Where a glob is filed: a literal piece that every key it matches has at the
/// same place (the prefix or the suffix of one component).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Slot {
    depth: usize,
    position: usize,
    suffix: bool,
    len: usize,
}

/// Glob keys (`net.ipv4.conf.veth*.rp_filter`) indexed to be matched against
/// many concrete keys ([`Key::matches`] semantics) without testing every glob
/// against every key.
///
/// Each glob is filed under one literal piece that every key it matches carries:
/// the literal prefix or suffix of one of its components (a whole literal
/// component is both), at its depth and position. Of its pieces, the one the
/// fewest globs share is chosen, so `veth0001*` files apart from `veth0002*` even
/// though both end in `rp_filter`. A key is then tested only against the globs
/// filed under its own pieces: a hash lookup per distinct (position, length) in
/// use, plus the globs found. Only a glob without any literal piece (`*.*.*`) is
/// tested against every key of its depth.
#[derive(Debug, Default)]
pub struct GlobIndex {
    globs: Vec<Vec<Part>>,
    /// Per depth, the slots in use, each with its pieces and their globs.
    slots: rustc_hash::FxHashMap<usize, Vec<(Slot, Pieces)>>,
    /// Lookups and glob tests done ([`GlobIndex::work`]).
    work: std::sync::atomic::AtomicUsize,
}

impl GlobIndex {
    /// Index the globs, numbered in the order given.
    pub fn new<'a>(globs: impl IntoIterator<Item = &'a Key>) -> GlobIndex {
        let globs: Vec<&Key> = globs.into_iter().collect();
        // Every literal piece of every glob, then how many globs share each.
        let pieces: Vec<Vec<(Slot, &str)>> = globs.iter().map(|g| pieces_of(g)).collect();
        let mut shared: rustc_hash::FxHashMap<(Slot, &str), usize> = Default::default();
        for p in &pieces {
            for piece in p {
                *shared.entry(*piece).or_default() += 1;
            }
        }
        let mut index = GlobIndex::default();
        let mut slots: rustc_hash::FxHashMap<Slot, Pieces> = Default::default();
        for (i, (g, p)) in globs.iter().zip(&pieces).enumerate() {
            // The rarest piece; among equals the longest, then the last.
            let best = p
                .iter()
                .max_by_key(|piece| {
                    (
                        std::cmp::Reverse(shared[*piece]),
                        piece.0.len,
                        piece.0.position,
                    )
                })
                .copied()
                .unwrap_or((
                    Slot {
                        depth: g.len(),
                        position: 0,
                        suffix: false,
                        len: 0,
                    },
                    "",
                ));
            slots
                .entry(best.0)
                .or_default()
                .entry(best.1.into())
                .or_default()
                .push(i as u32);
            index.globs.push(g.components().map(Part::new).collect());
        }
        for (slot, pieces) in slots {
            index
                .slots
                .entry(slot.depth)
                .or_default()
                .push((slot, pieces));
        }
        for v in index.slots.values_mut() {
            v.sort_by_key(|(s, _)| (s.position, s.suffix, s.len));
        }
        index
    }

    /// No glob at all.
    pub fn is_empty(&self) -> bool {
        self.globs.is_empty()
    }

    /// The numbers of the globs that match `key` (a concrete key), in order.
    pub fn matching(&self, key: &Key) -> Vec<usize> {
        let mut out = Vec::new();
        let Some(slots) = self.slots.get(&key.len()) else {
            return out;
        };
        let parts: smallvec::SmallVec<[&str; 8]> = key.components().collect();
        let mut work = 0;
        for (slot, pieces) in slots {
            let c = parts[slot.position];
            if slot.len > c.len() {
                continue;
            }
            let piece = if slot.suffix {
                c.is_char_boundary(c.len() - slot.len)
                    .then(|| &c[c.len() - slot.len..])
            } else {
                c.is_char_boundary(slot.len).then(|| &c[..slot.len])
            };
            work += 1;
            let Some(globs) = piece.and_then(|p| pieces.get(p)) else {
                continue;
            };
            for &g in globs {
                work += 1;
                let g = g as usize;
                if self.globs[g].iter().zip(&parts).all(|(p, c)| p.matches(c)) {
                    out.push(g);
                }
            }
        }
        self.work
            .fetch_add(work, std::sync::atomic::Ordering::Relaxed);
        out.sort_unstable();
        out
    }

    /// Hash lookups and glob tests done so far by [`GlobIndex::matching`]: a
    /// count of work, for tests and benchmarks.
    pub fn work(&self) -> usize {
        self.work.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// The literal pieces of a glob: the literal prefix and suffix of each component
/// (a literal component is filed whole, as a prefix).
fn pieces_of(glob: &Key) -> Vec<(Slot, &str)> {
    let depth = glob.len();
    let mut out = Vec::new();
    for (position, c) in glob.components().enumerate() {
        let slot = |suffix: bool, len: usize| Slot {
            depth,
            position,
            suffix,
            len,
        };
        if matches!(Part::new(c), Part::Literal(_)) {
            out.push((slot(false, c.len()), c));
            continue;
        }
        let prefix = &c[..c.find(['*', '?', '[']).unwrap_or(c.len())];
        if !prefix.is_empty() {
            out.push((slot(false, prefix.len()), prefix));
        }
        // A `]` ends a class, so the suffix starts after the last special
        // character of either kind.
        let suffix = &c[c.rfind(['*', '?', '[', ']']).map_or(0, |i| i + 1)..];
        if !suffix.is_empty() {
            out.push((slot(true, suffix.len()), suffix));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_and_slashed_are_equal() {
        assert_eq!(
            Key::parse("net.ipv4.ip_forward"),
            Key::parse("net/ipv4/ip_forward")
        );
    }

    #[test]
    fn vlan_interface_names() {
        let k = Key::parse("net.ipv4.conf.eth0/100.rp_filter");
        assert_eq!(k.path(), "net/ipv4/conf/eth0.100/rp_filter");
        assert_eq!(k.dotted(), "net.ipv4.conf.eth0/100.rp_filter");
        assert_eq!(Key::parse("net/ipv4/conf/eth0.100/rp_filter"), k);
        assert_eq!(
            Key::parse("net.ipv4.conf.eth0.100.rp_filter").path(),
            "net/ipv4/conf/eth0/100/rp_filter"
        );
    }

    #[test]
    fn glob_matching() {
        let g = Key::parse("net.ipv4.conf.*.rp_filter");
        assert!(g.matches(&Key::parse("net.ipv4.conf.eth0.rp_filter")));
        assert!(g.matches(&Key::parse("net.ipv4.conf.eth0/100.rp_filter")));
        assert!(!g.matches(&Key::parse("net.ipv4.conf.eth0.100.rp_filter")));
        // An unclosed `[` is not a pattern: it matches itself only, as glob(3) does.
        let literal = Key::parse("net.ipv4.conf.[x.rp_filter");
        assert!(literal.glob);
        assert!(literal.matches_path("net/ipv4/conf/[x/rp_filter"));
        assert!(!literal.matches_path("net/ipv4/conf/x/rp_filter"));
    }

    #[test]
    fn components() {
        let k = Key::parse("net.ipv4.conf.eth0/100.rp_filter");
        assert_eq!(k.len(), 5);
        assert_eq!(k.last(), Some("rp_filter"));
        assert_eq!(k.parts()[3], "eth0.100");
        let empty = Key::parse("");
        assert!(empty.is_empty());
        assert_eq!(empty.len(), 0);
        assert_eq!(empty.components().count(), 0);
        assert_eq!(
            Key::from_components(["net", "core", "somaxconn"]),
            Key::parse("net.core.somaxconn")
        );
    }

    #[test]
    fn oddities() {
        let k = Key::parse("net..ipv4.ip_forward");
        assert!(k.repeated_separator);
        assert_eq!(k.path(), "net/ipv4/ip_forward");
        assert!(Key::parse("kernel/../../../etc/hostname").traversal);
        assert!(Key::parse("net.ipv4.conf.*.rp_filter").glob);
        assert_eq!(
            Key::parse("-net.ipv4.ip_forward").path(),
            "net/ipv4/ip_forward"
        );
    }
}

#[cfg(test)]
mod glob_index_tests {
    use super::*;

    fn keys(v: &[&str]) -> Vec<Key> {
        v.iter().map(|k| Key::parse(k)).collect()
    }

    #[test]
    fn matches_as_key_matches() {
        let globs = keys(&[
            "net.ipv4.conf.*.rp_filter",
            "net.ipv4.conf.veth*.rp_filter",
            "net.ipv4.conf.*0.rp_filter",
            "net.ipv4.conf.eth[0-9].*",
            "*.*.*.*.*",
            "net.ipv4.conf.[x.rp_filter",
            "net.ipv6.conf.*.forwarding",
            "net.*.ip_forward",
        ]);
        let index = GlobIndex::new(&globs);
        for key in [
            "net.ipv4.conf.veth0.rp_filter",
            "net.ipv4.conf.eth1.rp_filter",
            "net.ipv4.conf.eth1.forwarding",
            "net.ipv4.conf.[x.rp_filter",
            "net.ipv6.conf.all.forwarding",
            "net.ipv4.ip_forward",
            "kernel.pid_max",
            "net.ipv4.conf.中0.rp_filter",
        ] {
            let key = Key::parse(key);
            let expected: Vec<usize> = globs
                .iter()
                .enumerate()
                .filter(|(_, g)| g.matches(&key))
                .map(|(i, _)| i)
                .collect();
            assert_eq!(index.matching(&key), expected, "{key:?}");
        }
    }

    /// The work for n globs and n keys of the shape of a fleet of containers.
    fn work_for(n: usize, glob: impl Fn(usize) -> String, key: impl Fn(usize) -> String) -> usize {
        let globs: Vec<Key> = (0..n).map(|i| Key::parse(&glob(i))).collect();
        let index = GlobIndex::new(&globs);
        let mut matched = 0;
        for i in 0..n {
            matched += index.matching(&Key::parse(&key(i))).len();
        }
        assert_eq!(matched, n);
        index.work()
    }

    #[test]
    fn work_is_linear() {
        type Shape = (fn(usize) -> String, fn(usize) -> String);
        let shapes: [Shape; 3] = [
            (
                |i| format!("net.ipv4.conf.veth{i:06}*.rp_filter"),
                |i| format!("net.ipv4.conf.veth{i:06}.rp_filter"),
            ),
            (
                |i| format!("net.ipv4.conf.*{i:06}.rp_filter"),
                |i| format!("net.ipv4.conf.veth{i:06}.rp_filter"),
            ),
            (
                |i| format!("net.ipv4.conf.*.x{i:06}"),
                |i| format!("net.ipv4.conf.eth0.x{i:06}"),
            ),
        ];
        for (glob, key) in shapes {
            let small = work_for(1_000, glob, key);
            let big = work_for(4_000, glob, key);
            assert!(big <= 4 * small + 100, "{} -> {small}, {big}", glob(0));
        }
    }
}
