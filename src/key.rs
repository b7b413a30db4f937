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
