//! Reading a whole system's sysctl configuration the way the boot-time loaders do
//! (reference/syntax.md §2 procps `sysctl --system`, §3 systemd-sysctl / sysctl.d(5),
//! §4 differences), from a directory tree laid out like `/`.
//!
//! Every path inside the tree, symbolic link targets included, is resolved relative
//! to the tree's root, as a chroot would: an absolute target `/usr/lib/x` means
//! `ROOT/usr/lib/x`, `..` never climbs above the root (so nothing outside the tree is
//! ever read), and a link to `/dev/null` is a mask (an empty file), never the host's
//! `/dev/null`. Link loops and dangling links become unreadable files (SL100).
//!
//! Files are named by their path relative to the root, written with a leading `/`
//! (`/etc/sysctl.d/99-sysctl.conf`), so reports read like the real system's.

use std::collections::{BTreeMap, HashSet};
use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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
    /// The name does not end in `.conf` (README, notes, ...).
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
/// Linux gives up after 40 links (ELOOP).
const MAX_LINKS: usize = 40;

/// Which loader runs at boot: systemd-sysctl if its binary is in the tree
/// (`/usr/lib/systemd/systemd-sysctl` or `/lib/systemd/systemd-sysctl`), else procps.
///
/// systemd's own `/usr/lib/sysctl.d/50-default.conf` is deliberately not used as a
/// sign: distributions drop it (Debian 12 ships systemd-sysctl without it) and a
/// copy can outlive systemd, while only the binary decides what runs at boot.
pub fn detect_loader(root: &Path) -> Loader {
    let has = |p: &str| matches!(resolve(root, p), Ok(Resolved::Path { .. }));
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
}

/// Read the tree under `root` as `loader` would at boot.
pub fn load(root: &Path, loader: Loader) -> System {
    let mut dirs: Vec<&str> = DIRS.to_vec();
    match loader {
        Loader::Procps => dirs.push(SPLIT_USR_DIR),
        Loader::Systemd => {
            // Only split-usr builds scan /lib/sysctl.d; a tree whose /lib is a real
            // directory (not the merged-usr link to usr/lib) is taken as split-usr.
            let real_dir = |p: &str| {
                fs::symlink_metadata(root.join(p.trim_start_matches('/')))
                    .is_ok_and(|m| m.file_type().is_dir())
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
        let Ok(Resolved::Path { rel, host, meta }) = resolve(root, dir) else {
            continue;
        };
        if !meta.is_dir() || !seen_dirs.insert(rel) {
            continue;
        }
        let Ok(entries) = fs::read_dir(&host) else {
            continue;
        };
        let mut names: Vec<OsString> = entries
            .filter_map(|e| e.ok().map(|e| e.file_name()))
            .collect();
        names.sort_by(|a, b| a.as_encoded_bytes().cmp(b.as_encoded_bytes()));
        for name in names {
            let bytes = name.as_encoded_bytes().to_vec();
            let path = format!("{dir}/{}", name.to_string_lossy());
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
                let reason = match resolve(root, &winner.path) {
                    Ok(Resolved::DevNull) => SkipReason::MaskedByDevNull,
                    Ok(Resolved::Path { meta, .. }) if meta.is_file() && meta.len() == 0 => {
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
            winners.insert(bytes, Candidate { path });
        }
    }

    // BTreeMap order = basename byte order (strcmp), across directories.
    let mut files = Vec::new();
    let mut read_targets = HashSet::new();
    for c in winners.into_values() {
        match read(root, &c.path) {
            Read::File(bytes, rel) => {
                read_targets.insert(rel);
                files.push(FileData::new(SourceFile::new(c.path, bytes)));
            }
            Read::DevNull => files.push(FileData::new(SourceFile::new(c.path, Vec::new()))),
            Read::Dir if loader == Loader::Systemd => skipped.push(Skipped {
                path: c.path,
                reason: SkipReason::NotAFile,
                by: None,
            }),
            Read::Dir => files.push(FileData::unreadable(c.path, "is a directory")),
            Read::Error(reason) => files.push(FileData::unreadable(c.path, reason)),
        }
    }

    match loader {
        Loader::Procps => {
            // Read last if it is a regular file (stat follows links), even when a
            // 99-sysctl.conf link already pulled it in (E13: read twice).
            if let Ok(Resolved::Path { meta, .. }) = resolve(root, SYSCTL_CONF) {
                if meta.is_file() {
                    match read(root, SYSCTL_CONF) {
                        Read::File(bytes, _) => {
                            files.push(FileData::new(SourceFile::new(SYSCTL_CONF, bytes)))
                        }
                        Read::Error(reason) => {
                            files.push(FileData::unreadable(SYSCTL_CONF, reason))
                        }
                        Read::DevNull | Read::Dir => {}
                    }
                }
            }
        }
        Loader::Systemd => {
            if let Ok(Resolved::Path { rel, .. }) = resolve(root, SYSCTL_CONF) {
                if !read_targets.contains(&rel) {
                    skipped.push(Skipped {
                        path: SYSCTL_CONF.to_owned(),
                        reason: SkipReason::NotReadViaSystemd,
                        by: None,
                    });
                }
            }
        }
    }

    System {
        loader,
        files,
        skipped,
    }
}

/// Why a name not ending in `.conf` is there (systemd's `hidden_or_backup_file`
/// suffixes, split into backups and pending package updates).
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
    if PENDING.iter().any(|s| name.ends_with(s)) {
        SkipReason::PendingPackageUpdate
    } else if BACKUP.iter().any(|s| name.ends_with(s)) {
        SkipReason::BackupFile
    } else {
        SkipReason::NotConf
    }
}

/// Where a path inside the tree leads.
enum Resolved {
    /// An existing file or directory: its canonical path relative to the root
    /// (`/usr/lib/sysctl.d/x.conf`), the host path, and its metadata.
    Path {
        rel: String,
        host: PathBuf,
        meta: Box<fs::Metadata>,
    },
    /// The path is, or links to, `/dev/null`.
    DevNull,
}

enum ResolveError {
    /// Nothing there, and no link was followed.
    NotFound,
    /// A link was followed to nothing: the first link's target.
    Dangling(String),
    Loop,
    Io(io::Error),
}

/// Resolve `path` (absolute, relative to `root`) component by component, following
/// links inside the tree as a chroot would.
fn resolve(root: &Path, path: &str) -> Result<Resolved, ResolveError> {
    let mut pending: Vec<String> = components(path).into_iter().rev().collect();
    let mut current: Vec<String> = Vec::new();
    let mut links = 0;
    let mut first_target: Option<String> = None;
    while let Some(c) = pending.pop() {
        match c.as_str() {
            "" | "." => continue,
            ".." => {
                current.pop(); // clamped at the root
                continue;
            }
            _ => {}
        }
        current.push(c);
        if pending.is_empty() && current.len() == 2 && current[0] == "dev" && current[1] == "null" {
            return Ok(Resolved::DevNull);
        }
        if current == ["dev"] && pending.iter().any(|c| !c.is_empty() && c != ".") {
            // The booted system's /dev is devtmpfs, not the tree's: look no further
            // for `/dev/null` (a tree rarely has a /dev at all).
            continue;
        }
        let host = host_path(root, &current);
        let meta = match fs::symlink_metadata(&host) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(match first_target {
                    Some(t) => ResolveError::Dangling(t),
                    None => ResolveError::NotFound,
                })
            }
            Err(e) => return Err(ResolveError::Io(e)),
        };
        if meta.file_type().is_symlink() {
            links += 1;
            if links > MAX_LINKS {
                return Err(ResolveError::Loop);
            }
            let target = fs::read_link(&host).map_err(ResolveError::Io)?;
            let target = target.to_string_lossy().into_owned();
            first_target.get_or_insert_with(|| target.clone());
            current.pop();
            if target.starts_with('/') {
                current.clear();
            }
            pending.extend(components(&target).into_iter().rev());
        } else if !pending.is_empty() && !meta.is_dir() {
            return Err(ResolveError::Io(io::Error::other("not a directory")));
        }
    }
    let host = host_path(root, &current);
    let meta = Box::new(fs::metadata(&host).map_err(ResolveError::Io)?);
    Ok(Resolved::Path {
        rel: format!("/{}", current.join("/")),
        host,
        meta,
    })
}

fn components(path: &str) -> Vec<String> {
    path.split('/').map(str::to_owned).collect()
}

fn host_path(root: &Path, components: &[String]) -> PathBuf {
    let mut p = root.to_path_buf();
    p.extend(components);
    p
}

enum Read {
    /// The bytes and the canonical path relative to the root.
    File(Vec<u8>, String),
    DevNull,
    Dir,
    Error(String),
}

fn read(root: &Path, path: &str) -> Read {
    match resolve(root, path) {
        Ok(Resolved::DevNull) => Read::DevNull,
        Ok(Resolved::Path { rel, host, meta }) => {
            if meta.is_dir() {
                Read::Dir
            } else if !meta.is_file() {
                Read::Error("not a regular file".to_owned())
            } else {
                match fs::read(&host) {
                    Ok(bytes) => Read::File(bytes, rel),
                    Err(e) => Read::Error(crate::input::describe(&e)),
                }
            }
        }
        Err(ResolveError::NotFound) => Read::Error("no such file or directory".to_owned()),
        Err(ResolveError::Dangling(t)) => Read::Error(format!("dangling symbolic link (-> {t})")),
        Err(ResolveError::Loop) => Read::Error("too many levels of symbolic links".to_owned()),
        Err(ResolveError::Io(e)) => Read::Error(crate::input::describe(&e)),
    }
}
