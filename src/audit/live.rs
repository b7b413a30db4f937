//! Live values read from a proc tree (`/proc` or `--proc DIR`): read-only,
//! confined to the tree, bounded.

use super::*;

/// The live state of one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Live {
    /// The value as read (trailing newline removed, tabs kept).
    Value(String),
    /// The file exists but reading it failed (write-only keys, `stable_secret`).
    Unreadable(String),
    /// No such file under `PROC/sys` (what `sysctl -p` reports as `cannot stat`).
    Missing,
}

/// Read `PROC/sys/<path>` of each dotted key, read-only. Keys that are globs, or
/// whose components could leave the tree (`.`, `..`), are `Missing` and never
/// read; a symbolic link is not followed (`Missing`).
pub fn live_values(proc_root: &Path, keys: &[String]) -> Vec<(String, Live)> {
    let root = Root::open(proc_root).ok();
    keys.iter()
        .map(|k| {
            let key = Key::parse(k);
            let live = match (&root, safe_path(&key)) {
                (Some(root), Some(path)) => read_one(root, &path),
                _ => Live::Missing,
            };
            (key.dotted(), live)
        })
        .collect()
}

/// `/sys/<components>` inside the proc tree, or `None` for keys that must not
/// become a path.
pub(crate) fn safe_path(key: &Key) -> Option<PathBuf> {
    if key.glob || key.traversal || key.is_empty() {
        return None;
    }
    let mut p = PathBuf::from("/sys");
    for c in key.components() {
        if c.is_empty() || c == "." || c == ".." || c.contains('/') || c.contains('\0') {
            return None;
        }
        p.push(c);
    }
    Some(p)
}

/// One value file, not following links (a link or directory is `Missing`).
pub(crate) fn read_one(root: &Root, path: &Path) -> Live {
    match root.resolve(path) {
        Err(FsError::NotFound | FsError::NotADirectory | FsError::Dangling(_)) => Live::Missing,
        Err(e) => Live::Unreadable(e.reason()),
        Ok(Resolved::Entry { path: canon, stat }) if canon != path || stat.kind == Kind::Dir => {
            Live::Missing
        }
        Ok(_) => match root.read(path) {
            Ok((bytes, _)) => Live::Value(clean(&bytes)),
            Err(e) => Live::Unreadable(e.reason()),
        },
    }
}

pub(crate) fn clean(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes);
    s.strip_suffix('\n').unwrap_or(&s).to_owned()
}

/// Every key under `PROC/sys`, read as `sysctl -a` reads them (read-only; symbolic
/// links are not followed).
pub fn read_proc(proc_root: &Path) -> Snapshot {
    let mut snap = Snapshot::default();
    if let Ok(root) = Root::open(proc_root) {
        let mut components = Vec::new();
        walk(&root, Path::new("/sys"), &mut components, &mut snap);
    }
    snap
}

pub(crate) fn walk(root: &Root, dir: &Path, components: &mut Vec<String>, snap: &mut Snapshot) {
    if components.len() > 16 {
        return;
    }
    let Ok(names) = root.read_dir(dir) else {
        return;
    };
    for name in names {
        let path = dir.join(&name);
        // Not through links: the entry's canonical path is its own.
        let kind = match root.resolve(&path) {
            Ok(Resolved::Entry { path: canon, stat }) if canon == path => stat.kind,
            _ => continue,
        };
        components.push(name.to_string_lossy().into_owned());
        if kind == Kind::Dir {
            walk(root, &path, components, snap);
        } else if kind == Kind::File {
            let key = Key::from_components(components.iter().map(String::as_str)).dotted();
            match root.read(&path) {
                Ok((bytes, _)) => {
                    snap.values.insert(key, clean(&bytes));
                }
                Err(err) => {
                    snap.unreadable.insert(key, err.reason());
                }
            }
        }
        components.pop();
    }
}

/// `PROC/sys/kernel/osrelease`, trimmed.
pub fn kernel_release(proc_root: &Path) -> Option<String> {
    crate::fsroot::read_text_in(proc_root, "sys/kernel/osrelease")
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}
