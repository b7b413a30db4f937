//! Reading a whole system's sysctl configuration the way the boot-time loaders do
//! (reference/syntax.md §2 procps `sysctl --system`, §3 systemd-sysctl / sysctl.d(5),
//! §4 differences), from a directory tree laid out like `/`.
//!
//! Every path inside the tree, symbolic link targets included, is resolved by
//! [`crate::fsroot::Root`] as a chroot would: an absolute target `/usr/lib/x` means
//! `ROOT/usr/lib/x`, `..` never climbs above the root (so nothing outside the tree is
//! ever read), and a link whose target is exactly `/dev/null` is a mask (an empty
//! file), never the host's `/dev/null`. Link loops, dangling links, FIFOs and devices
//! become unreadable files (SL100). A root that is missing or not a directory is one
//! unreadable file named after it.
//!
//! Files are named by their path relative to the root, written with a leading `/`
//! (`/etc/sysctl.d/99-sysctl.conf`), so reports read like the real system's.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use crate::fsroot::{FsError, Kind, Resolved, Root};

use crate::lint::FileData;
use crate::source::SourceFile;

/// The program that applies the configuration at boot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Loader {
    /// `systemd-sysctl.service` (sysctl.d(5)).
    Systemd,
    /// procps-ng `sysctl --system` (sysvinit scripts, containers, other inits).
    Procps,
}

impl Loader {
    /// `"systemd"` or `"procps"`.
    pub fn name(self) -> &'static str {
        match self {
            Loader::Systemd => "systemd",
            Loader::Procps => "procps",
        }
    }

    /// The inverse of [`Loader::name`] (also accepts `systemd-sysctl` and `sysctl`).
    pub fn parse(s: &str) -> Option<Loader> {
        match s {
            "systemd" | "systemd-sysctl" => Some(Loader::Systemd),
            "procps" | "procps-ng" | "sysctl" => Some(Loader::Procps),
            _ => None,
        }
    }
}

impl fmt::Display for Loader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A system's configuration as one loader sees it.
#[derive(Debug, Clone)]
pub struct System {
    pub loader: Loader,
    /// The files the loader parses, in application order (later wins).
    pub files: Vec<FileData>,
    /// Files in the configuration directories the loader does not read, and why.
    pub skipped: Vec<Skipped>,
}

/// A file the loader leaves out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Relative to the root, with a leading `/`: `/usr/lib/sysctl.d/50-x.conf`.
    pub path: String,
    pub reason: SkipReason,
    /// The file that masks it (for the `MaskedBy*` reasons).
    pub by: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkipReason {
    /// A file of the same name in a higher-precedence directory replaces it.
    MaskedBy,
    /// Masked on purpose by a same-named symbolic link to `/dev/null`.
    MaskedByDevNull,
    /// Masked by a same-named empty file.
    MaskedByEmptyFile,
    /// A `README*` file: the directory's documentation (Debian's
    /// `/etc/sysctl.d/README.sysctl`, systemd's `/usr/lib/sysctl.d/README`).
    Documentation,
    /// The name does not end in `.conf` (notes, stray copies, ...).
    NotConf,
    /// A package manager's new version waiting to be merged
    /// (`.rpmnew`, `.dpkg-dist`, `.dpkg-new`, `.ucf-dist`, `.ucf-new`).
    PendingPackageUpdate,
    /// A backup or editor copy (`~`, `.bak`, `.old`, `.swp`, `.rpmsave`,
    /// `.rpmorig`, `.dpkg-old`, `.dpkg-bak`, `.ucf-old`).
    BackupFile,
    /// A hidden `.x.conf`: systemd skips it, procps reads it.
    Hidden,
    /// A directory (or other non-file) named `*.conf`: systemd skips it.
    NotAFile,
    /// `/etc/sysctl.conf` under systemd without a `/etc/sysctl.d/*.conf` link to it
    /// (Debian's `99-sysctl.conf -> ../sysctl.conf`).
    NotReadViaSystemd,
}

impl SkipReason {
    /// A short human explanation.
    pub fn describe(self) -> &'static str {
        match self {
            SkipReason::MaskedBy => "overridden by a file of the same name",
            SkipReason::MaskedByDevNull => "masked by a symbolic link to /dev/null",
            SkipReason::MaskedByEmptyFile => "masked by an empty file of the same name",
            SkipReason::Documentation => "documentation, not configuration",
            SkipReason::NotConf => "not read: the name does not end in .conf",
            SkipReason::PendingPackageUpdate => "not read: a package update waiting to be merged",
            SkipReason::BackupFile => "not read: a backup copy",
            SkipReason::Hidden => "not read by systemd-sysctl: hidden file",
            SkipReason::NotAFile => "not read: not a regular file",
            SkipReason::NotReadViaSystemd => {
                "not read by systemd-sysctl: no /etc/sysctl.d/99-sysctl.conf link to it"
            }
        }
    }

    /// A stable identifier for JSON output (`masked-by`, `not-conf`, ...).
    pub fn id(self) -> &'static str {
        match self {
            SkipReason::MaskedBy => "masked-by",
            SkipReason::MaskedByDevNull => "masked-by-dev-null",
            SkipReason::MaskedByEmptyFile => "masked-by-empty-file",
            SkipReason::Documentation => "documentation",
            SkipReason::NotConf => "not-conf",
            SkipReason::PendingPackageUpdate => "pending-package-update",
            SkipReason::BackupFile => "backup-file",
            SkipReason::Hidden => "hidden",
            SkipReason::NotAFile => "not-a-file",
            SkipReason::NotReadViaSystemd => "not-read-via-systemd",
        }
    }
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason.describe())?;
        if let Some(by) = &self.by {
            write!(f, " ({by})")?;
        }
        Ok(())
    }
}

/// Directories in precedence order (highest first), shared by both loaders;
/// procps also always scans `/lib/sysctl.d` last.
const DIRS: [&str; 4] = [
    "/etc/sysctl.d",
    "/run/sysctl.d",
    "/usr/local/lib/sysctl.d",
    "/usr/lib/sysctl.d",
];
const SPLIT_USR_DIR: &str = "/lib/sysctl.d";
const SYSCTL_CONF: &str = "/etc/sysctl.conf";

/// Which loader runs at boot: systemd-sysctl if its binary is in the tree
/// (`/usr/lib/systemd/systemd-sysctl` or `/lib/systemd/systemd-sysctl`), else procps.
///
/// systemd's own `/usr/lib/sysctl.d/50-default.conf` is deliberately not used as a
/// sign: distributions drop it (Debian 12 ships systemd-sysctl without it) and a
/// copy can outlive systemd, while only the binary decides what runs at boot.
pub fn detect_loader(root: &Path) -> Loader {
    match Root::open(root) {
        Ok(r) => detect_loader_in(&r),
        Err(_) => Loader::Procps,
    }
}

fn detect_loader_in(root: &Root) -> Loader {
    let has = |p: &str| matches!(root.resolve(Path::new(p)), Ok(Resolved::Entry { .. }));
    if has("/usr/lib/systemd/systemd-sysctl") || has("/lib/systemd/systemd-sysctl") {
        Loader::Systemd
    } else {
        Loader::Procps
    }
}

/// One candidate `*.conf` file found in a directory.
struct Candidate {
    /// Display path: `<dir as configured>/<name>`.
    path: String,
    /// The same, as bytes (the name may not be UTF-8).
    real: PathBuf,
}

/// Read the tree under `root` as `loader` would at boot. A root that cannot be
/// opened gives one unreadable file named after it (reported as SL100).
pub fn load(root: &Path, loader: Loader) -> System {
    match Root::open(root) {
        Ok(r) => load_in(&r, loader),
        Err(e) => System {
            loader,
            files: vec![FileData::unreadable(
                format!("--root {}", crate::escape::escape_path(root)),
                e.reason_text(),
            )],
            skipped: Vec::new(),
        },
    }
}

/// [`load`], leaving out the files whose boot path (`/etc/sysctl.d/x.conf`)
/// `exclude` matches: they are not read, and not reported as skipped.
pub fn load_excluding(root: &Path, loader: Loader, exclude: &crate::input::Exclude) -> System {
    match Root::open(root) {
        Ok(r) => load_in_excluding(&r, loader, exclude),
        Err(_) => load(root, loader),
    }
}

/// [`load`] from an open root.
pub fn load_in(root: &Root, loader: Loader) -> System {
    load_in_excluding(root, loader, &crate::input::Exclude::default())
}

/// [`load_excluding`] from an open root.
pub fn load_in_excluding(root: &Root, loader: Loader, exclude: &crate::input::Exclude) -> System {
    let mut dirs: Vec<&str> = DIRS.to_vec();
    match loader {
        Loader::Procps => dirs.push(SPLIT_USR_DIR),
        Loader::Systemd => {
            // Only split-usr builds scan /lib/sysctl.d; a tree whose /lib is a real
            // directory (not the merged-usr link to usr/lib) is taken as split-usr.
            let real_dir = |p: &str| {
                matches!(root.resolve(Path::new(p)),
                    Ok(Resolved::Entry { path, stat }) if stat.kind == Kind::Dir && path == Path::new(p))
            };
            if real_dir("/lib") && real_dir(SPLIT_USR_DIR) {
                dirs.push(SPLIT_USR_DIR);
            }
        }
    }

    let mut skipped = Vec::new();
    let mut winners: BTreeMap<Vec<u8>, Candidate> = BTreeMap::new();
    // The same directory reached twice (`/lib` -> `usr/lib`) is scanned once.
    let mut seen_dirs = HashSet::new();
    for dir in dirs {
        let Ok(Resolved::Entry { path: canon, stat }) = root.resolve(Path::new(dir)) else {
            continue;
        };
        if stat.kind != Kind::Dir || !seen_dirs.insert(canon) {
            continue;
        }
        let Ok(names) = root.read_dir(Path::new(dir)) else {
            continue;
        };
        for name in names {
            let bytes = name.as_bytes().to_vec();
            let path = format!("{dir}/{}", crate::escape::escape_bytes(name.as_bytes()));
            let real = Path::new(dir).join(&name);
            // procps: `len >= 5 && strcmp(name + len - 5, ".conf") == 0`.
            if !bytes.ends_with(b".conf") {
                skipped.push(Skipped {
                    path,
                    reason: classify_other(&bytes),
                    by: None,
                });
                continue;
            }
            if loader == Loader::Systemd && bytes.starts_with(b".") {
                skipped.push(Skipped {
                    path,
                    reason: SkipReason::Hidden,
                    by: None,
                });
                continue;
            }
            if let Some(winner) = winners.get(&bytes) {
                let reason = match root.resolve(&winner.real) {
                    Ok(Resolved::DevNull) => SkipReason::MaskedByDevNull,
                    Ok(Resolved::Entry { stat, .. })
                        if stat.kind == Kind::File && stat.size == 0 =>
                    {
                        SkipReason::MaskedByEmptyFile
                    }
                    _ => SkipReason::MaskedBy,
                };
                skipped.push(Skipped {
                    path,
                    reason,
                    by: Some(winner.path.clone()),
                });
                continue;
            }
            winners.insert(bytes, Candidate { path, real });
        }
    }

    // BTreeMap order = basename byte order (strcmp), across directories.
    let mut files = Vec::new();
    let mut read_targets = HashSet::new();
    for c in winners.into_values() {
        if exclude.matches(&c.path) {
            continue;
        }
        match root.read(&c.real) {
            Ok((bytes, id)) => {
                if let Some(id) = &id {
                    read_targets.insert(id.path.clone());
                }
                let location = location(root, id.as_ref().map_or(&c.real, |i| &i.path));
                let mut source = SourceFile::new(c.path, bytes).with_origin(id);
                source.location = Some(location);
                files.push(FileData::new(source));
            }
            Err(FsError::IsADirectory) if loader == Loader::Systemd => skipped.push(Skipped {
                path: c.path,
                reason: SkipReason::NotAFile,
                by: None,
            }),
            Err(e) => {
                let mut f = FileData::unreadable(c.path, e.reason_text());
                f.source.location = Some(location(root, &c.real));
                files.push(f);
            }
        }
    }

    let conf = Path::new(SYSCTL_CONF);
    match loader {
        Loader::Procps => {
            // Read last if it is a regular file (stat follows links), even when a
            // 99-sysctl.conf link already pulled it in (E13: read twice).
            if let Ok(Resolved::Entry { stat, .. }) = root.resolve(conf) {
                if stat.kind == Kind::File && !exclude.matches(SYSCTL_CONF) {
                    match root.read(conf) {
                        Ok((bytes, id)) => {
                            let location = location(root, id.as_ref().map_or(conf, |i| &i.path));
                            let mut source = SourceFile::new(SYSCTL_CONF, bytes).with_origin(id);
                            source.location = Some(location);
                            files.push(FileData::new(source));
                        }
                        Err(e) => files.push(FileData::unreadable(SYSCTL_CONF, e.reason_text())),
                    }
                }
            }
        }
        Loader::Systemd => {
            if let Ok(Resolved::Entry { path, .. }) = root.resolve(conf) {
                if !read_targets.contains(&path) {
                    skipped.push(Skipped {
                        path: SYSCTL_CONF.to_owned(),
                        reason: SkipReason::NotReadViaSystemd,
                        by: None,
                    });
                }
            }
        }
    }

    skipped.retain(|s| !exclude.matches(&s.path));
    System {
        loader,
        files,
        skipped,
    }
}

/// Where a path inside the tree is on this machine: `ROOT/<path>`, as reports
/// show it (escaped).
fn location(root: &Root, path: &Path) -> String {
    let rel = path.strip_prefix("/").unwrap_or(path);
    crate::escape::escape_path(&root.host_path().join(rel)).into_owned()
}

/// Why a name not ending in `.conf` is there: documentation (`README*`, any
/// case), or systemd's `hidden_or_backup_file` suffixes, split into backups and
/// pending package updates.
fn classify_other(name: &[u8]) -> SkipReason {
    const PENDING: [&[u8]; 5] = [
        b".rpmnew",
        b".dpkg-dist",
        b".dpkg-new",
        b".ucf-dist",
        b".ucf-new",
    ];
    const BACKUP: [&[u8]; 11] = [
        b"~",
        b".bak",
        b".old",
        b".swp",
        b".rpmsave",
        b".rpmorig",
        b".dpkg-old",
        b".dpkg-bak",
        b".dpkg-backup",
        b".dpkg-tmp",
        b".ucf-old",
    ];
    if name.len() >= 6 && name[..6].eq_ignore_ascii_case(b"readme") {
        SkipReason::Documentation
    } else if PENDING.iter().any(|s| name.ends_with(s)) {
        SkipReason::PendingPackageUpdate
    } else if BACKUP.iter().any(|s| name.ends_with(s)) {
        SkipReason::BackupFile
    } else {
        SkipReason::NotConf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_are_not_conf() {
        for (name, want) in [
            ("README", SkipReason::Documentation),
            ("README.sysctl", SkipReason::Documentation),
            ("readme.md", SkipReason::Documentation),
            ("README.dpkg-dist", SkipReason::Documentation),
            ("notes.txt", SkipReason::NotConf),
            ("READ", SkipReason::NotConf),
            ("x.conf.bak", SkipReason::BackupFile),
            ("x.conf~", SkipReason::BackupFile),
            ("x.conf.rpmnew", SkipReason::PendingPackageUpdate),
        ] {
            assert_eq!(classify_other(name.as_bytes()), want, "{name}");
        }
    }
}
