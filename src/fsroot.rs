//! The one confined file-system layer: every read and write of a tree given with
//! `--root` (and of the paths a user names) goes through here.
//!
//! A [`Root`] is a directory handle. Paths inside it are resolved as a chroot
//! would: absolute link targets start again at the root, `..` never climbs above
//! it, and nothing outside the tree is ever opened. Resolution is done once, in
//! user space, by one resolver that walks the tree component by component with
//! `openat(O_NOFOLLOW)` from directory handles it already holds and reads links
//! with `readlinkat`, never letting the kernel follow a link (see [`Root::resolve`]).
//! Where the kernel has `openat2(2)` ([`Backend::Openat2`], Linux 5.6 and later),
//! the directory a file is opened or written in is then opened again by the
//! kernel from the root handle with `RESOLVE_IN_ROOT | RESOLVE_NO_SYMLINKS |
//! RESOLVE_NO_MAGICLINKS` and compared with the walk's: a tree changed under our
//! feet (a directory moved out of the root mid-walk) fails instead of escaping.
//!
//! Reads are bounded and never block: only regular files are opened (their type is
//! checked with `fstatat` before any `open`, so FIFOs, sockets and devices are
//! refused without being opened), the open is non-blocking, and at most
//! [`MAX_INPUT_BYTES`] are read whatever the file claims its size is (`/proc`
//! files say 0). Writes go through a handle of the resolved parent directory: a
//! temporary file made there with `O_CREAT | O_EXCL | O_NOFOLLOW`, synced, the
//! original checked unchanged, then `renameat` in that same directory. The file
//! written is the file that was read.
//!
//! File names are bytes (`OsStr`) throughout; [`crate::escape::escape_path`]
//! turns one into text only for reports, escaping what is not printable UTF-8.

// `stat` field widths differ between platforms: the casts are needed elsewhere.
#![allow(clippy::unnecessary_cast)]

use std::ffi::{OsStr, OsString};
use std::io::{self, Read};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Component, Path, PathBuf};

use rustix::fs::{self as rfs, AtFlags, FileType, Mode, OFlags};
use rustix::io::Errno;

use crate::diagnostic::Text;
use crate::i18n::{Arg, Lang};

/// The largest input read (64 MiB): real sysctl files are a few KiB, and a bound
/// keeps `check <(yes)`, `/dev/zero` behind a link or a sparse file from
/// exhausting memory.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;
/// Linux gives up after 40 links (ELOOP).
const MAX_LINKS: usize = 40;
/// The most entries read from one directory (real sysctl.d directories hold a
/// few dozen).
pub const MAX_DIR_ENTRIES: usize = 100_000;

/// How a [`Root`] has the kernel check the directories it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The user-space walk, then `openat2(RESOLVE_IN_ROOT | RESOLVE_NO_SYMLINKS |
    /// RESOLVE_NO_MAGICLINKS)` of the resolved directory, compared with the walk.
    Openat2,
    /// The user-space walk alone (kernels before 5.6, other systems).
    UserSpace,
}

/// Why a path could not be read or written. [`FsError::reason_text`] is the text
/// of the SL100 finding (English, and the run's language).
#[derive(Debug)]
pub enum FsError {
    NotFound,
    /// A link was followed to nothing: the first link's target.
    Dangling(OsString),
    Loop,
    NotADirectory,
    IsADirectory,
    /// A FIFO, socket or device: never opened.
    NotRegular(Kind),
    TooLarge,
    TooManyEntries,
    /// The file or a directory on its path changed between two steps.
    Changed,
    Io(io::Error),
}

impl FsError {
    /// A short reason in English, as the machine formats and logs keep it.
    pub fn reason(&self) -> String {
        self.reason_in(Lang::En).en
    }

    /// A short reason in English and in the language of the run (messages
    /// `fs-*` of the Fluent files).
    pub fn reason_text(&self) -> Text {
        self.reason_in(crate::i18n::lang())
    }

    /// [`FsError::reason_text`] for a given language.
    pub fn reason_in(&self, lang: Lang) -> Text {
        let message = |id: &str, args: &[(&str, Arg<'_>)]| Text::message_in(lang, id, args);
        match self {
            FsError::NotFound => message("fs-not-found", &[]),
            FsError::Dangling(t) => {
                let target = crate::escape::escape_bytes(t.as_bytes());
                message("fs-dangling", &[("target", Arg::Str(&target))])
            }
            FsError::Loop => message("fs-loop", &[]),
            FsError::NotADirectory => message("fs-not-a-directory", &[]),
            FsError::IsADirectory => message("fs-is-a-directory", &[]),
            FsError::NotRegular(kind) => {
                message("fs-not-regular", &[("kind", Arg::Str(kind.id()))])
            }
            FsError::TooLarge => message(
                "fs-too-large",
                &[("mib", Arg::from((MAX_INPUT_BYTES / (1024 * 1024)) as usize))],
            ),
            FsError::TooManyEntries => message(
                "fs-too-many-entries",
                &[("count", Arg::from(MAX_DIR_ENTRIES))],
            ),
            FsError::Changed => message("fs-changed", &[]),
            FsError::Io(e) => describe_in(lang, e),
        }
    }
}

impl std::fmt::Display for FsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason())
    }
}

impl From<Errno> for FsError {
    fn from(e: Errno) -> FsError {
        match e {
            Errno::NOENT => FsError::NotFound,
            Errno::LOOP => FsError::Loop,
            Errno::NOTDIR => FsError::NotADirectory,
            Errno::ISDIR => FsError::IsADirectory,
            Errno::XDEV | Errno::AGAIN => FsError::Changed,
            e => FsError::Io(e.into()),
        }
    }
}

impl From<io::Error> for FsError {
    fn from(e: io::Error) -> FsError {
        match e.raw_os_error() {
            Some(n) => Errno::from_raw_os_error(n).into(),
            None => FsError::Io(e),
        }
    }
}

/// A short reason for an I/O error in English, without the "(os error N)" noise.
pub fn describe(e: &io::Error) -> String {
    describe_in(Lang::En, e).en
}

/// [`describe`] in English and in the language of the run: not found and
/// permission denied have messages; other errors stay as the standard library
/// writes them.
pub fn describe_text(e: &io::Error) -> Text {
    describe_in(crate::i18n::lang(), e)
}

fn describe_in(lang: Lang, e: &io::Error) -> Text {
    match e.kind() {
        io::ErrorKind::NotFound => Text::message_in(lang, "fs-not-found", &[]),
        io::ErrorKind::PermissionDenied => Text::message_in(lang, "fs-permission-denied", &[]),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s,
            }
            .into()
        }
    }
}

/// Which file a read came from, to write back to the same one: its canonical
/// path (inside the root for a [`Root`], else on the host) and identity.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileId {
    /// Absolute and canonical: `/etc/sysctl.conf` (inside the root) or the
    /// host path. No link, `.` or `..` in it.
    pub path: PathBuf,
    pub dev: u64,
    pub ino: u64,
}

/// Where a path inside a root leads.
#[derive(Debug)]
pub enum Resolved {
    /// An existing entry that is not a link: its canonical path and metadata.
    Entry { path: PathBuf, stat: Meta },
    /// A link whose target is exactly `/dev/null` (the loaders' mask), or the
    /// null device itself: an empty file, never opened.
    DevNull,
}

/// The metadata the readers need.
#[derive(Debug, Clone, Copy)]
pub struct Meta {
    pub kind: Kind,
    pub size: u64,
    pub dev: u64,
    pub ino: u64,
    pub uid: u32,
    pub gid: u32,
    pub mode: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
    Fifo,
    Socket,
    CharDevice,
    BlockDevice,
    Link,
    Other,
}

impl Kind {
    /// The variant of the `$kind` selector of `fs-not-regular`.
    fn id(self) -> &'static str {
        match self {
            Kind::File => "file",
            Kind::Dir => "dir",
            Kind::Fifo => "fifo",
            Kind::Socket => "socket",
            Kind::CharDevice => "char-device",
            Kind::BlockDevice => "block-device",
            Kind::Link => "link",
            Kind::Other => "other",
        }
    }
}

impl Meta {
    fn from_stat(s: &rfs::Stat) -> Meta {
        let kind = match FileType::from_raw_mode(s.st_mode as _) {
            FileType::RegularFile => Kind::File,
            FileType::Directory => Kind::Dir,
            FileType::Fifo => Kind::Fifo,
            FileType::Socket => Kind::Socket,
            FileType::CharacterDevice => Kind::CharDevice,
            FileType::BlockDevice => Kind::BlockDevice,
            FileType::Symlink => Kind::Link,
            _ => Kind::Other,
        };
        Meta {
            kind,
            size: s.st_size as u64,
            dev: s.st_dev as u64,
            ino: s.st_ino as u64,
            uid: s.st_uid as u32,
            gid: s.st_gid as u32,
            mode: s.st_mode as u32,
        }
    }

    /// The null device (major 1, minor 3 on Linux), which reads as empty.
    fn is_null_device(&self, rdev: u64) -> bool {
        self.kind == Kind::CharDevice && rdev == null_rdev()
    }

    fn same(&self, other: &Meta) -> bool {
        (self.dev, self.ino) == (other.dev, other.ino)
    }
}

fn null_rdev() -> u64 {
    use std::sync::OnceLock;
    static RDEV: OnceLock<u64> = OnceLock::new();
    *RDEV.get_or_init(|| {
        rfs::stat("/dev/null")
            .ok()
            .filter(|s| FileType::from_raw_mode(s.st_mode as _) == FileType::CharacterDevice)
            .map_or(u64::MAX, |s| s.st_rdev as u64)
    })
}

/// The backend this system supports: `openat2` where the kernel has it.
fn detect_backend() -> Backend {
    use std::sync::OnceLock;
    static BACKEND: OnceLock<Backend> = OnceLock::new();
    *BACKEND.get_or_init(|| {
        if std::env::var_os("SYSCTL_LINT_RESOLVER").is_some_and(|v| v == "userspace") {
            return Backend::UserSpace;
        }
        #[cfg(target_os = "linux")]
        {
            let probe = rfs::openat2(
                rfs::CWD,
                "/",
                OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC,
                Mode::empty(),
                rfs::ResolveFlags::IN_ROOT | rfs::ResolveFlags::NO_MAGICLINKS,
            );
            if probe.is_ok() {
                return Backend::Openat2;
            }
        }
        Backend::UserSpace
    })
}

/// A directory tree read and written as a chroot would.
#[derive(Debug)]
pub struct Root {
    fd: OwnedFd,
    /// The root as the user gave it (for messages and host paths in reports).
    host: PathBuf,
    backend: Backend,
}

/// Flags for a directory opened to walk through (no read access needed).
fn dir_walk_flags() -> OFlags {
    #[cfg(target_os = "linux")]
    let base = OFlags::PATH;
    #[cfg(not(target_os = "linux"))]
    let base = OFlags::RDONLY;
    base | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC
}

/// Flags to open a regular file for reading: never blocks, never becomes the
/// controlling terminal, never follows a link.
fn file_read_flags() -> OFlags {
    OFlags::RDONLY | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::NOFOLLOW | OFlags::CLOEXEC
}

impl Root {
    /// Open the tree at `path` (which may itself be reached through links: the
    /// user named it). Fails when it is missing or not a directory.
    pub fn open(path: &Path) -> Result<Root, FsError> {
        let fd = rfs::open(
            path,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .map_err(|e| match e {
            Errno::NOTDIR => FsError::NotADirectory,
            e => e.into(),
        })?;
        Ok(Root {
            fd,
            host: path.to_path_buf(),
            backend: detect_backend(),
        })
    }

    /// The host's `/`: how the paths a user names are read and written.
    pub fn host() -> Result<Root, FsError> {
        Root::open(Path::new("/"))
    }

    /// Use another backend (the test suite runs both).
    pub fn with_backend(mut self, backend: Backend) -> Root {
        self.backend = backend;
        self
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The root as given.
    pub fn host_path(&self) -> &Path {
        &self.host
    }

    /// Resolve `path` (absolute or relative, both taken from the root) following
    /// links inside the tree. Never opens anything but directories (`O_PATH`).
    pub fn resolve(&self, path: &Path) -> Result<Resolved, FsError> {
        self.walk(path).map(|w| w.resolved)
    }

    fn walk(&self, path: &Path) -> Result<Walk, FsError> {
        let mut pending: Vec<OsString> = components(path.as_os_str().as_bytes());
        pending.reverse();
        // The canonical chain of directories below the root, with their handles.
        let mut stack: Vec<(OsString, OwnedFd)> = Vec::new();
        let mut links = 0;
        let mut first_target: Option<OsString> = None;
        let not_found = |first: &Option<OsString>| match first {
            Some(t) => FsError::Dangling(t.clone()),
            None => FsError::NotFound,
        };
        while let Some(c) = pending.pop() {
            if c.is_empty() || c == "." {
                continue;
            }
            if c == ".." {
                stack.pop(); // clamped at the root
                continue;
            }
            let last = pending.iter().all(|p| p.is_empty() || p == ".");
            let parent = stack.last().map_or(self.fd.as_fd(), |(_, fd)| fd.as_fd());
            let stat = match rfs::statat(parent, c.as_os_str(), AtFlags::SYMLINK_NOFOLLOW) {
                Ok(s) => s,
                Err(Errno::NOENT) => return Err(not_found(&first_target)),
                Err(e) => return Err(e.into()),
            };
            let meta = Meta::from_stat(&stat);
            match meta.kind {
                Kind::Link => {
                    links += 1;
                    if links > MAX_LINKS {
                        return Err(FsError::Loop);
                    }
                    let target = rfs::readlinkat(parent, c.as_os_str(), Vec::new())?;
                    let target = OsString::from_vec(target.into_bytes());
                    if last && target.as_bytes() == b"/dev/null" {
                        return Ok(Walk::dev_null());
                    }
                    first_target.get_or_insert_with(|| target.clone());
                    if target.as_bytes().starts_with(b"/") {
                        stack.clear();
                    }
                    let mut parts = components(target.as_bytes());
                    parts.reverse();
                    pending.extend(parts);
                }
                Kind::Dir if last => {
                    let path = canonical(&stack, Some(&c));
                    return Ok(self.finish(stack, path, meta, stat.st_rdev as u64));
                }
                Kind::Dir => {
                    let fd = rfs::openat(parent, c.as_os_str(), dir_walk_flags(), Mode::empty())
                        .map_err(|e| match e {
                            // Replaced by a link or file since the stat.
                            Errno::LOOP | Errno::NOTDIR => FsError::Changed,
                            e => e.into(),
                        })?;
                    let now = Meta::from_stat(&rfs::fstat(&fd)?);
                    if !now.same(&meta) {
                        return Err(FsError::Changed);
                    }
                    stack.push((c, fd));
                }
                _ if !last => return Err(FsError::NotADirectory),
                _ => {
                    let path = canonical(&stack, Some(&c));
                    return Ok(self.finish(stack, path, meta, stat.st_rdev as u64));
                }
            }
        }
        // Only `/`, `.` and `..` components: the root itself.
        let stat = rfs::fstat(&self.fd)?;
        Ok(Walk {
            resolved: Resolved::Entry {
                path: canonical(&stack, None),
                stat: Meta::from_stat(&stat),
            },
            parent: None,
        })
    }

    fn finish(
        &self,
        mut stack: Vec<(OsString, OwnedFd)>,
        path: PathBuf,
        meta: Meta,
        rdev: u64,
    ) -> Walk {
        if meta.is_null_device(rdev) {
            return Walk::dev_null();
        }
        Walk {
            resolved: Resolved::Entry { path, stat: meta },
            parent: stack.pop().map(|(_, fd)| fd),
        }
    }

    /// A handle of the directory `dir` (canonical, from [`Root::resolve`]) to
    /// open or create files in. With [`Backend::Openat2`] the kernel opens it
    /// from the root refusing any link, and it must be the directory `walked`.
    fn confirm_dir(&self, dir: &Path, walked: Option<OwnedFd>) -> Result<OwnedFd, FsError> {
        #[cfg(target_os = "linux")]
        if self.backend == Backend::Openat2 {
            let rel = relative(dir);
            let fd = rfs::openat2(
                &self.fd,
                if rel.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    &rel
                },
                OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC,
                Mode::empty(),
                rfs::ResolveFlags::IN_ROOT
                    | rfs::ResolveFlags::NO_SYMLINKS
                    | rfs::ResolveFlags::NO_MAGICLINKS,
            )
            .map_err(|e| match e {
                Errno::LOOP | Errno::NOENT | Errno::NOTDIR | Errno::XDEV | Errno::AGAIN => {
                    FsError::Changed
                }
                e => e.into(),
            })?;
            if let Some(w) = &walked {
                let (a, b) = (rfs::fstat(&fd)?, rfs::fstat(w)?);
                if (a.st_dev, a.st_ino) != (b.st_dev, b.st_ino) {
                    return Err(FsError::Changed);
                }
            }
            return Ok(fd);
        }
        match walked {
            Some(fd) => Ok(fd),
            None => Ok(self.fd.try_clone().map_err(FsError::Io)?),
        }
    }

    /// The entries of a directory inside the root, sorted by name (byte order,
    /// as `strcmp`). At most [`MAX_DIR_ENTRIES`].
    pub fn read_dir(&self, path: &Path) -> Result<Vec<OsString>, FsError> {
        let w = self.walk(path)?;
        let Resolved::Entry { path: canon, stat } = &w.resolved else {
            return Err(FsError::NotADirectory);
        };
        if stat.kind != Kind::Dir {
            return Err(FsError::NotADirectory);
        }
        let name = canon.file_name().map(OsStr::to_os_string);
        let parent = self.confirm_dir(canon.parent().unwrap_or(Path::new("/")), w.parent)?;
        let fd = match &name {
            Some(n) => rfs::openat(
                &parent,
                n.as_os_str(),
                OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
                Mode::empty(),
            )?,
            None => rfs::openat(
                &self.fd,
                ".",
                OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
                Mode::empty(),
            )?,
        };
        if !Meta::from_stat(&rfs::fstat(&fd)?).same(stat) {
            return Err(FsError::Changed);
        }
        list_dir(fd)
    }

    /// Read a regular file inside the root: its bytes and identity. FIFOs,
    /// sockets and devices are refused without being opened; a `/dev/null` mask
    /// reads as empty (with no identity).
    pub fn read(&self, path: &Path) -> Result<(Vec<u8>, Option<FileId>), FsError> {
        let w = self.walk(path)?;
        let (canon, stat) = match w.resolved {
            Resolved::DevNull => return Ok((Vec::new(), None)),
            Resolved::Entry { path, stat } => (path, stat),
        };
        match stat.kind {
            Kind::File => {}
            Kind::Dir => return Err(FsError::IsADirectory),
            k => return Err(FsError::NotRegular(k)),
        }
        let parent = self.confirm_dir(canon.parent().unwrap_or(Path::new("/")), w.parent)?;
        let name = canon.file_name().ok_or(FsError::IsADirectory)?;
        let bytes = read_at(&parent, name, &stat)?;
        Ok((
            bytes,
            Some(FileId {
                path: canon,
                dev: stat.dev,
                ino: stat.ino,
            }),
        ))
    }

    /// Replace the contents of the file `id` (as [`Root::read`] gave it) with
    /// `new`, atomically, if it still holds `old`: a temporary file in the same
    /// directory gets the old file's owner and mode, is synced, and is renamed
    /// over it. On any error nothing is changed.
    pub fn replace(&self, id: &FileId, old: &[u8], new: &[u8]) -> Result<(), FsError> {
        self.replace_inner(id, old, new, false)
    }

    fn replace_inner(
        &self,
        id: &FileId,
        old: &[u8],
        new: &[u8],
        fail_before_rename: bool,
    ) -> Result<(), FsError> {
        let name = id.path.file_name().ok_or(FsError::IsADirectory)?;
        let dir_path = id.path.parent().unwrap_or(Path::new("/"));
        let w = self.walk(dir_path)?;
        let Resolved::Entry {
            path: canon_dir, ..
        } = &w.resolved
        else {
            return Err(FsError::Changed);
        };
        if canon_dir != dir_path {
            // A directory on the way became a link.
            return Err(FsError::Changed);
        }
        let dir = self.dir_handle(w)?;
        let meta = stat_at(&dir, name)?;
        if meta.kind != Kind::File || (meta.dev, meta.ino) != (id.dev, id.ino) {
            return Err(FsError::Changed);
        }
        let (tmp, file) = create_temp(&dir, name)?;
        let result = (|| -> Result<(), FsError> {
            write_all(&file, new)?;
            let now = Meta::from_stat(&rfs::fstat(&file)?);
            if (now.uid, now.gid) != (meta.uid, meta.gid) {
                rfs::fchown(
                    &file,
                    Some(rustix::fs::Uid::from_raw(meta.uid)),
                    Some(rustix::fs::Gid::from_raw(meta.gid)),
                )?;
            }
            // After chown, which clears set-id bits.
            rfs::fchmod(&file, Mode::from_raw_mode((meta.mode & 0o7777) as _))?;
            rfs::fsync(&file)?;
            // Compare before the rename: a file edited since it was read is left.
            let current = read_at(&dir, name, &meta).map_err(|_| FsError::Changed)?;
            if current != old {
                return Err(FsError::Changed);
            }
            if fail_before_rename {
                return Err(FsError::Io(io::Error::other(
                    "injected failure before rename",
                )));
            }
            rfs::renameat(&dir, tmp.as_os_str(), &dir, name)?;
            Ok(())
        })();
        if let Err(e) = result {
            let _ = rfs::unlinkat(&dir, tmp.as_os_str(), AtFlags::empty());
            return Err(e);
        }
        sync_dir(&dir);
        Ok(())
    }

    /// Create a new file `dir/name` inside the root (making missing directories,
    /// mode 0755) with `bytes` and `mode`; fails if it exists. The directory is
    /// resolved in the root like any path; returns the file's canonical path.
    pub fn create_new(
        &self,
        dir: &Path,
        name: &OsStr,
        bytes: &[u8],
        mode: u32,
    ) -> Result<PathBuf, FsError> {
        let canon_dir = self.mkdir_all(dir)?;
        let w = self.walk(&canon_dir)?;
        let dir_fd = self.dir_handle(w)?;
        let (tmp, file) = create_temp(&dir_fd, name)?;
        let result = (|| -> Result<(), FsError> {
            write_all(&file, bytes)?;
            rfs::fchmod(&file, Mode::from_raw_mode(mode as _))?;
            rfs::fsync(&file)?;
            rename_noreplace(&dir_fd, &tmp, name)
        })();
        if let Err(e) = result {
            let _ = rfs::unlinkat(&dir_fd, tmp.as_os_str(), AtFlags::empty());
            return Err(e);
        }
        sync_dir(&dir_fd);
        Ok(canon_dir.join(name))
    }

    /// Make `dir` and its missing parents inside the root; its canonical path.
    pub fn mkdir_all(&self, dir: &Path) -> Result<PathBuf, FsError> {
        match self.resolve(dir) {
            Ok(Resolved::Entry { path, stat }) if stat.kind == Kind::Dir => return Ok(path),
            Ok(_) => return Err(FsError::NotADirectory),
            Err(FsError::NotFound) | Err(FsError::Dangling(_)) => {}
            Err(e) => return Err(e),
        }
        let parent = dir
            .parent()
            .filter(|p| *p != dir)
            .ok_or(FsError::NotFound)?;
        let name = dir.file_name().ok_or(FsError::NotFound)?;
        let canon_parent = self.mkdir_all(parent)?;
        let w = self.walk(&canon_parent)?;
        let fd = self.dir_handle(w)?;
        match rfs::mkdirat(&fd, name, Mode::from_raw_mode(0o755)) {
            Ok(()) | Err(Errno::EXIST) => {}
            Err(e) => return Err(e.into()),
        }
        match self.resolve(&canon_parent.join(name))? {
            Resolved::Entry { path, stat } if stat.kind == Kind::Dir => Ok(path),
            _ => Err(FsError::Changed),
        }
    }

    /// The handle of a walked directory, confirmed by the kernel where it can.
    fn dir_handle(&self, w: Walk) -> Result<OwnedFd, FsError> {
        let Resolved::Entry { path, stat } = w.resolved else {
            return Err(FsError::NotADirectory);
        };
        if stat.kind != Kind::Dir {
            return Err(FsError::NotADirectory);
        }
        let Some(name) = path.file_name() else {
            return self.confirm_dir(Path::new("/"), None);
        };
        let parent = self.confirm_dir(path.parent().unwrap_or(Path::new("/")), w.parent)?;
        let fd =
            rfs::openat(&parent, name, dir_walk_flags(), Mode::empty()).map_err(|e| match e {
                Errno::LOOP | Errno::NOTDIR => FsError::Changed,
                e => e.into(),
            })?;
        if !Meta::from_stat(&rfs::fstat(&fd)?).same(&stat) {
            return Err(FsError::Changed);
        }
        Ok(fd)
    }
}

/// What a walk found, with the handle of the entry's parent directory.
struct Walk {
    resolved: Resolved,
    parent: Option<OwnedFd>,
}

impl Walk {
    fn dev_null() -> Walk {
        Walk {
            resolved: Resolved::DevNull,
            parent: None,
        }
    }
}

/// `/a/b/c` from the stack's names and a last name.
fn canonical(stack: &[(OsString, OwnedFd)], last: Option<&OsStr>) -> PathBuf {
    let mut p = PathBuf::from("/");
    for (name, _) in stack {
        p.push(name);
    }
    if let Some(l) = last.filter(|l| !l.is_empty()) {
        p.push(l);
    }
    p
}

/// The path without its leading `/`, for `*at` calls from the root handle.
fn relative(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| matches!(c, Component::Normal(_)))
        .collect()
}

/// Split a path's bytes at `/` (empty parts for repeated or leading slashes).
fn components(bytes: &[u8]) -> Vec<OsString> {
    bytes
        .split(|&b| b == b'/')
        .map(|c| OsString::from_vec(c.to_vec()))
        .collect()
}

fn stat_at(dir: &OwnedFd, name: &OsStr) -> Result<Meta, FsError> {
    Ok(Meta::from_stat(&rfs::statat(
        dir,
        name,
        AtFlags::SYMLINK_NOFOLLOW,
    )?))
}

/// Open `name` in `dir` (never following a link, never blocking) and read it,
/// bounded; it must still be the file `expected` (a regular file).
fn read_at(dir: &OwnedFd, name: &OsStr, expected: &Meta) -> Result<Vec<u8>, FsError> {
    let fd = rfs::openat(dir, name, file_read_flags(), Mode::empty()).map_err(|e| match e {
        Errno::LOOP => FsError::Changed,
        e => e.into(),
    })?;
    let opened = Meta::from_stat(&rfs::fstat(&fd)?);
    if opened.kind != Kind::File || !opened.same(expected) {
        return Err(FsError::Changed);
    }
    read_bounded_fd(fd, opened.size)
}

/// Read an open regular file to its end, at most [`MAX_INPUT_BYTES`]; `size` is
/// a hint (0 for `/proc` files).
fn read_bounded_fd(fd: OwnedFd, size: u64) -> Result<Vec<u8>, FsError> {
    if size > MAX_INPUT_BYTES {
        return Err(FsError::TooLarge);
    }
    let mut file = std::fs::File::from(fd);
    read_bounded(&mut file, size as usize)
}

/// Read to the end, at most [`MAX_INPUT_BYTES`].
pub fn read_bounded(r: &mut dyn Read, size_hint: usize) -> Result<Vec<u8>, FsError> {
    let mut bytes = Vec::with_capacity(size_hint.min(MAX_INPUT_BYTES as usize) + 1);
    r.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(FsError::from)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(FsError::TooLarge);
    }
    Ok(bytes)
}

fn list_dir(fd: OwnedFd) -> Result<Vec<OsString>, FsError> {
    let mut names = Vec::new();
    let dir = rfs::Dir::read_from(&fd)?;
    for entry in dir {
        let entry = entry?;
        let name = entry.file_name().to_bytes();
        if name == b"." || name == b".." {
            continue;
        }
        if names.len() == MAX_DIR_ENTRIES {
            return Err(FsError::TooManyEntries);
        }
        names.push(OsString::from_vec(name.to_vec()));
    }
    names.sort_by(|a: &OsString, b| a.as_bytes().cmp(b.as_bytes()));
    Ok(names)
}

fn write_all(fd: &OwnedFd, mut bytes: &[u8]) -> Result<(), FsError> {
    while !bytes.is_empty() {
        match rustix::io::write(fd, bytes) {
            Ok(0) => return Err(FsError::Io(io::ErrorKind::WriteZero.into())),
            Ok(n) => bytes = &bytes[n..],
            Err(Errno::INTR) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// A new temporary file beside `name` in `dir`: `.NAME.sysctl-lint-PID-N.tmp`,
/// mode 0600, created exclusively (never through a link).
fn create_temp(dir: &OwnedFd, name: &OsStr) -> Result<(OsString, OwnedFd), FsError> {
    let pid = std::process::id();
    for n in 0..100u32 {
        let mut tmp = OsString::from(".");
        tmp.push(name);
        tmp.push(format!(".sysctl-lint-{pid}-{n}.tmp"));
        match rfs::openat(
            dir,
            tmp.as_os_str(),
            OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::from_raw_mode(0o600),
        ) {
            Ok(fd) => return Ok((tmp, fd)),
            Err(Errno::EXIST) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(FsError::Io(io::Error::other("no free temporary file name")))
}

/// Rename `tmp` to `name` in `dir` unless `name` exists.
fn rename_noreplace(dir: &OwnedFd, tmp: &OsStr, name: &OsStr) -> Result<(), FsError> {
    #[cfg(target_os = "linux")]
    {
        match rfs::renameat_with(dir, tmp, dir, name, rfs::RenameFlags::NOREPLACE) {
            Ok(()) => return Ok(()),
            Err(Errno::EXIST) => {
                return Err(FsError::Io(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    "exists",
                )))
            }
            // A file system without RENAME_NOREPLACE: link and unlink below.
            Err(Errno::INVAL) | Err(Errno::NOSYS) => {}
            Err(e) => return Err(e.into()),
        }
    }
    match rfs::linkat(dir, tmp, dir, name, AtFlags::empty()) {
        Ok(()) => {
            let _ = rfs::unlinkat(dir, tmp, AtFlags::empty());
            Ok(())
        }
        Err(Errno::EXIST) => Err(FsError::Io(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "exists",
        ))),
        Err(e) => Err(e.into()),
    }
}

/// Make a rename in `dir` durable (best effort: the contents are in place).
fn sync_dir(dir: &OwnedFd) {
    if let Ok(d) = rfs::openat(
        dir,
        ".",
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    ) {
        let _ = rfs::fsync(&d);
    }
}

// ---------------------------------------------------------------------------
// Paths a user names (not under a root)

/// Write a file the user named (a report, a baseline): a new file beside
/// `path`, synced, renamed over it. A reader never sees half a file, and a
/// failed run leaves the old one. Not for files read from a tree: those are
/// replaced with [`Root::replace`].
pub fn write_replacing(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("not a file name"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o644)
            .open(&tmp)?;
        std::io::Write::write_all(&mut f, bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// How a path a user named (not found in a directory) may be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// Given on the command line: FIFOs (`<(...)`) and the terminal are read
    /// (blocking, as the user asked for them), `/dev/null` is empty.
    Explicit,
    /// Found in a directory the user named: regular files only (and the
    /// `/dev/null` mask).
    Entry,
}

/// Read a file the user named (following links, as any program does): bounded,
/// and only regular files, except what `named` allows. Returns the bytes and,
/// for a regular file, its canonical identity (to write fixes back to).
pub fn read_named(path: &Path, named: Named) -> Result<(Vec<u8>, Option<FileId>), FsError> {
    // Look before opening: opening a FIFO blocks and opening a device can have
    // effects (a watchdog starts).
    let meta = std::fs::metadata(path).map_err(|e| stat_error(path, &e))?;
    let kind = kind_of(&meta);
    match kind {
        Kind::File => {}
        Kind::Dir => return Err(FsError::IsADirectory),
        Kind::CharDevice if is_null(&meta) => return Ok((Vec::new(), None)),
        Kind::Fifo if named == Named::Explicit => {}
        Kind::CharDevice if named == Named::Explicit && is_stdin_terminal(&meta) => {}
        k => return Err(FsError::NotRegular(k)),
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut flags = libc::O_NOCTTY | libc::O_CLOEXEC;
        if kind == Kind::File {
            flags |= libc::O_NONBLOCK;
        }
        opts.custom_flags(flags);
    }
    let mut file = opts.open(path).map_err(FsError::from)?;
    let opened = file.metadata().map_err(FsError::from)?;
    {
        use std::os::unix::fs::MetadataExt;
        if (opened.dev(), opened.ino()) != (meta_dev(&meta), meta_ino(&meta)) {
            return Err(FsError::Changed);
        }
    }
    let size = if kind == Kind::File { opened.len() } else { 0 };
    if size > MAX_INPUT_BYTES {
        return Err(FsError::TooLarge);
    }
    let bytes = read_bounded(&mut file, size as usize)?;
    if kind != Kind::File {
        return Ok((bytes, None));
    }
    let canon = std::fs::canonicalize(path).map_err(FsError::from)?;
    Ok((
        bytes,
        Some(FileId {
            path: canon,
            dev: meta_dev(&opened),
            ino: meta_ino(&opened),
        }),
    ))
}

fn meta_dev(m: &std::fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    m.dev()
}

fn meta_ino(m: &std::fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    m.ino()
}

fn kind_of(m: &std::fs::Metadata) -> Kind {
    use std::os::unix::fs::FileTypeExt;
    let t = m.file_type();
    if t.is_file() {
        Kind::File
    } else if t.is_dir() {
        Kind::Dir
    } else if t.is_fifo() {
        Kind::Fifo
    } else if t.is_socket() {
        Kind::Socket
    } else if t.is_char_device() {
        Kind::CharDevice
    } else if t.is_block_device() {
        Kind::BlockDevice
    } else {
        Kind::Other
    }
}

fn is_null(m: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    m.rdev() == null_rdev()
}

/// The terminal standard input is on (`/dev/stdin`, `/dev/tty` typed into).
fn is_stdin_terminal(m: &std::fs::Metadata) -> bool {
    use std::io::IsTerminal;
    use std::os::unix::fs::MetadataExt;
    let stdin = io::stdin();
    if !stdin.is_terminal() {
        return false;
    }
    let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
        return false;
    };
    std::fs::File::from(fd)
        .metadata()
        .is_ok_and(|s| s.rdev() == m.rdev())
}

/// Why `stat` failed, naming symbolic link trouble.
fn stat_error(path: &Path, e: &io::Error) -> FsError {
    let link = std::fs::symlink_metadata(path)
        .ok()
        .filter(|l| l.file_type().is_symlink());
    match (link, e.kind()) {
        (Some(_), io::ErrorKind::NotFound) => match std::fs::read_link(path) {
            Ok(t) => FsError::Dangling(t.into_os_string()),
            Err(_) => FsError::Dangling(OsString::new()),
        },
        _ => io::Error::new(e.kind(), e.to_string()).into(),
    }
    .normalise(e)
}

impl FsError {
    fn normalise(self, original: &io::Error) -> FsError {
        match (&self, original.raw_os_error()) {
            (FsError::Io(_), Some(n)) => Errno::from_raw_os_error(n).into(),
            _ => self,
        }
    }
}

/// The `*.conf` entries of a directory the user named, sorted by name (byte
/// order), at most [`MAX_DIR_ENTRIES`] entries read.
pub fn conf_files(dir: &Path) -> Result<Vec<PathBuf>, FsError> {
    let mut names = Vec::new();
    for (i, entry) in std::fs::read_dir(dir).map_err(FsError::from)?.enumerate() {
        if i == MAX_DIR_ENTRIES {
            return Err(FsError::TooManyEntries);
        }
        let name = entry.map_err(FsError::from)?.file_name();
        let bytes = name.as_bytes();
        if bytes.len() > 5 && bytes.ends_with(b".conf") {
            names.push(name);
        }
    }
    names.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
    Ok(names.into_iter().map(|n| dir.join(n)).collect())
}

/// Read `rel` inside the tree at `root` (a `--proc` tree, say): resolved in the
/// root, regular files only, bounded.
pub fn read_in(root: &Path, rel: &str) -> Result<Vec<u8>, FsError> {
    Root::open(root)?.read(Path::new(rel)).map(|(b, _)| b)
}

/// [`read_in`] as text (lossy), or `None` when it cannot be read.
pub fn read_text_in(root: &Path, rel: &str) -> Option<String> {
    read_in(root, rel)
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// Read a file the user named that must be a regular file (a configuration
/// file, a baseline): bounded, following links as any program does.
pub fn read_regular(path: &Path) -> Result<Vec<u8>, FsError> {
    read_named(path, Named::Entry).map(|(b, _)| b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn both(root: &Path) -> [Root; 2] {
        [
            Root::open(root).unwrap().with_backend(Backend::Openat2),
            Root::open(root).unwrap().with_backend(Backend::UserSpace),
        ]
    }

    #[test]
    fn reasons_in_english_and_chinese() {
        let cases: [(FsError, &str, &str); 11] = [
            (
                FsError::NotFound,
                "no such file or directory",
                "文件或目录不存在",
            ),
            (
                FsError::Dangling("/etc/gone\n".into()),
                "dangling symbolic link (-> /etc/gone\\n)",
                "悬空的符号链接（-> /etc/gone\\n）",
            ),
            (
                FsError::Loop,
                "symbolic link loop (too many levels of symbolic links)",
                "符号链接循环（符号链接层数过多）",
            ),
            (FsError::NotADirectory, "not a directory", "不是目录"),
            (FsError::IsADirectory, "is a directory", "是一个目录"),
            (
                FsError::NotRegular(Kind::Fifo),
                "not a regular file (a FIFO)",
                "不是普通文件（而是 FIFO）",
            ),
            (
                FsError::NotRegular(Kind::CharDevice),
                "not a regular file (a character device)",
                "不是普通文件（而是字符设备）",
            ),
            (
                FsError::TooLarge,
                "larger than 64 MiB, too large for a sysctl configuration file",
                "大于 64 MiB，作为 sysctl 配置文件太大",
            ),
            (
                FsError::TooManyEntries,
                "directory has more than 100000 entries",
                "目录中的条目超过 100000 个",
            ),
            (
                FsError::Changed,
                "changed while being read or written",
                "在读取或写入过程中被修改",
            ),
            (
                FsError::Io(io::Error::from(io::ErrorKind::PermissionDenied)),
                "permission denied",
                "权限不足",
            ),
        ];
        for (e, en, zh) in cases {
            assert_eq!(e.reason(), en);
            assert_eq!(e.reason_in(Lang::En).localized, None);
            let t = e.reason_in(Lang::ZhCn);
            assert_eq!((t.en.as_str(), t.localized.as_deref()), (en, Some(zh)));
        }
        // Other errors stay as the standard library writes them.
        let e = io::Error::from_raw_os_error(Errno::NOSPC.raw_os_error());
        let t = describe_in(Lang::ZhCn, &e);
        assert_eq!(t.en, "no space left on device");
        assert_eq!(t.localized, None);
    }

    #[test]
    fn links_resolve_inside_the_root() {
        let outer = tempfile::tempdir().unwrap();
        let root = outer.path().join("root");
        std::fs::create_dir_all(root.join("etc/sysctl.d")).unwrap();
        std::fs::write(root.join("etc/sysctl.conf"), b"inside\n").unwrap();
        std::fs::write(outer.path().join("secret"), b"outside\n").unwrap();
        symlink("/etc/sysctl.conf", root.join("etc/sysctl.d/abs.conf")).unwrap();
        symlink("../sysctl.conf", root.join("etc/sysctl.d/rel.conf")).unwrap();
        symlink("../../../../secret", root.join("etc/sysctl.d/up.conf")).unwrap();
        symlink("/dev/null", root.join("etc/sysctl.d/mask.conf")).unwrap();
        symlink("loop.conf", root.join("etc/sysctl.d/loop.conf")).unwrap();
        for r in both(&root) {
            let (b, id) = r.read(Path::new("/etc/sysctl.d/abs.conf")).unwrap();
            assert_eq!(b, b"inside\n");
            assert_eq!(id.unwrap().path, Path::new("/etc/sysctl.conf"));
            let (b, _) = r.read(Path::new("etc/sysctl.d/rel.conf")).unwrap();
            assert_eq!(b, b"inside\n");
            assert!(matches!(
                r.read(Path::new("/etc/sysctl.d/up.conf")),
                Err(FsError::Dangling(_))
            ));
            assert_eq!(r.read(Path::new("/etc/sysctl.d/mask.conf")).unwrap().0, b"");
            assert!(matches!(
                r.read(Path::new("/etc/sysctl.d/loop.conf")),
                Err(FsError::Loop)
            ));
        }
    }

    #[test]
    fn replace_checks_the_file_is_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.conf"), b"one\n").unwrap();
        for r in both(dir.path()) {
            let (old, id) = r.read(Path::new("a.conf")).unwrap();
            let id = id.unwrap();
            std::fs::write(dir.path().join("a.conf"), b"edited\n").unwrap();
            assert!(matches!(
                r.replace(&id, &old, b"two\n"),
                Err(FsError::Changed)
            ));
            assert_eq!(
                std::fs::read(dir.path().join("a.conf")).unwrap(),
                b"edited\n"
            );
            let (old, id) = r.read(Path::new("a.conf")).unwrap();
            r.replace(&id.unwrap(), &old, b"two\n").unwrap();
            assert_eq!(std::fs::read(dir.path().join("a.conf")).unwrap(), b"two\n");
            std::fs::write(dir.path().join("a.conf"), b"one\n").unwrap();
        }
    }

    #[test]
    fn failure_before_rename_leaves_the_original() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.conf"), b"one\n").unwrap();
        let r = Root::open(dir.path()).unwrap();
        let (old, id) = r.read(Path::new("a.conf")).unwrap();
        assert!(r.replace_inner(&id.unwrap(), &old, b"two\n", true).is_err());
        assert_eq!(std::fs::read(dir.path().join("a.conf")).unwrap(), b"one\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
