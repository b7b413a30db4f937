//! Key normalisation, exactly as procps `slashdot()`/`setting_new()` and systemd's
//! `sysctl_normalize()` do it (reference/syntax.md §1 "Key -> path").
//!
//! The first separator decides: if it is `/`, the key is a path used verbatim;
//! otherwise every `.` separates components and every `/` is a literal dot inside a
//! component (`net.ipv4.conf.eth0/100.rp_filter` is interface `eth0.100`).

/// A key as written, and its `/proc/sys` path components.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    /// The path components below `/proc/sys`, e.g. `["net", "ipv4", "conf", "eth0.100", "rp_filter"]`.
    pub components: Vec<String>,
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
        let mut components =
            Vec::with_capacity(written.bytes().filter(|&b| b == sep as u8).count() + 1);
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
            components.push(if !slash_first && c.contains('/') {
                c.replace('/', ".")
            } else {
                c.to_owned()
            });
        }
        if !slash_first && written.contains("..") {
            repeated_separator = true;
        }
        let glob = components.iter().any(|c| c.contains(['*', '?', '[']));
        Key {
            components,
            repeated_separator,
            traversal,
            glob,
        }
    }

    /// The dotted display form (procps `dotted_key`): components joined with `.`,
    /// a dot inside a component written as `/`.
    pub fn dotted(&self) -> String {
        let mut s = String::with_capacity(self.components.iter().map(|c| c.len() + 1).sum());
        for (i, c) in self.components.iter().enumerate() {
            if i > 0 {
                s.push('.');
            }
            if c.contains('.') {
                s.push_str(&c.replace('.', "/"));
            } else {
                s.push_str(c);
            }
        }
        s
    }

    /// The path below `/proc/sys`, e.g. `net/ipv4/ip_forward`.
    pub fn path(&self) -> String {
        self.components.join("/")
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
