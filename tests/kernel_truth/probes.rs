//! The values written to each key, and the text helpers both processes share.

use sysctl_lint::catalog::{self, KeyInfo};
use sysctl_lint::KernelVersion;

/// One write: a stable name (the known-differences file refers to it) and the
/// value text (what follows `=` in a configuration line; the kernel receives it
/// with a newline, as procps and systemd-sysctl write it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    pub name: String,
    pub value: String,
}

/// The probes of a key whose current value is `current` (`None`: unreadable):
/// its catalogued minimum and maximum on `kernel` and one past each, 0, -1,
/// ±10^12, 2^31, 2^63, a non-number, one value too many, an empty value and, for
/// vectors, one value too few. A number goes in the first element of a vector;
/// the others keep their current values. Probes with the same value are written
/// once (the first name wins).
pub fn probes(info: &KeyInfo, kernel: &KernelVersion, current: Option<&str>) -> Vec<Probe> {
    let (min, max, _, _) = catalog::range_on(info, kernel);
    let arity = info.ty.arity();
    let cur: Vec<&str> = current
        .map(|c| c.split_whitespace().collect())
        .unwrap_or_default();
    let rest = match arity {
        Some(n) if n > 1 && cur.len() == n => cur[1..].join(" "),
        _ => String::new(),
    };
    let v = |first: String| {
        if rest.is_empty() {
            first
        } else {
            format!("{first} {rest}")
        }
    };
    let mut out: Vec<Probe> = Vec::new();
    let mut add = |name: &str, value: String| {
        if !out.iter().any(|p| p.value == value) {
            out.push(Probe {
                name: name.to_owned(),
                value,
            });
        }
    };
    if let Some(m) = min {
        add("min", v(m.to_string()));
        add("min-1", v((m - 1).to_string()));
    }
    if let Some(m) = max {
        add("max", v(m.to_string()));
        add("max+1", v((m + 1).to_string()));
    }
    add("0", v("0".into()));
    add("-1", v("-1".into()));
    add("1e12", v("1000000000000".into()));
    add("-1e12", v("-1000000000000".into()));
    add("2^31", v("2147483648".into()));
    add("2^63", v("9223372036854775808".into()));
    add("abc", v("abc".into()));
    let extra = if cur.is_empty() {
        match arity {
            Some(n) => vec!["0"; n + 1].join(" "),
            None => "0 1".into(),
        }
    } else {
        format!("{} 1", cur.join(" "))
    };
    add("extra", extra);
    add("empty", String::new());
    if arity.is_some_and(|n| n > 1) && !cur.is_empty() {
        add("short", cur[0].to_owned());
    }
    out
}

/// A field of the child's TSV output: tabs, newlines and backslashes escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some(o) => out.push(o),
            None => out.push('\\'),
        }
    }
    out
}

/// The name of an errno value.
pub fn errno_name(e: i32) -> String {
    let name = match e {
        libc::EINVAL => "EINVAL",
        libc::ERANGE => "ERANGE",
        libc::EPERM => "EPERM",
        libc::EACCES => "EACCES",
        libc::ENOENT => "ENOENT",
        libc::EBUSY => "EBUSY",
        libc::EIO => "EIO",
        libc::ENOMEM => "ENOMEM",
        libc::EFAULT => "EFAULT",
        libc::E2BIG => "E2BIG",
        libc::EOVERFLOW => "EOVERFLOW",
        libc::EOPNOTSUPP => "EOPNOTSUPP",
        libc::ENODEV => "ENODEV",
        libc::ENOSPC => "ENOSPC",
        _ => return format!("E{e}"),
    };
    name.to_owned()
}
