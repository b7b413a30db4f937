//! Turning the paths a user gives into files to lint: regular files, FIFOs and
//! `/dev/stdin` (a pipe, a file, or a terminal), directories (their `*.conf`, sorted
//! by name, as `sysctl --system` and systemd-sysctl sort), and `-` for standard
//! input. A path that cannot be read becomes a file with a read error, reported as
//! SL100, so the others still get linted.
//!
//! Hostile inputs are refused before they are opened, with the reason: sockets,
//! block devices and character devices (`/dev/zero` would be read forever, and
//! merely opening some devices has effects, e.g. a watchdog), except `/dev/null`
//! (an empty file, as the loaders read a mask) and the terminal standard input is
//! on. A directory's entries are files, never directories to descend into (so a
//! `x.conf -> .` link cannot make the walk loop or explode), and every read is
//! bounded by [`MAX_INPUT_BYTES`].

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::lint::FileData;
use crate::source::SourceFile;

/// The largest input read (64 MiB): real sysctl files are a few KiB, and a bound
/// keeps `check <(yes)` or a huge file from exhausting memory.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// How one input turned out.
#[derive(Debug)]
pub enum Loaded {
    File(SourceFile),
    /// The path (as given) and why it could not be read.
    Unreadable {
        name: String,
        reason: String,
    },
}

/// Read every input in order; `stdin_name` names `-`.
pub fn load(paths: &[String], stdin_name: &str, stdin: &mut dyn Read) -> Vec<Loaded> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(match read_bounded(stdin, 0) {
                Ok(bytes) => Loaded::File(SourceFile::new(stdin_name, bytes)),
                Err(reason) => Loaded::Unreadable {
                    name: stdin_name.to_owned(),
                    reason,
                },
            });
        } else {
            load_path(Path::new(p), p, true, &mut out);
        }
    }
    out
}

/// Load one path given on the command line (`top`) or found in a directory.
/// `name` is how reports show it.
fn load_path(path: &Path, name: &str, top: bool, out: &mut Vec<Loaded>) {
    let unreadable = |reason: String| Loaded::Unreadable {
        name: name.to_owned(),
        reason,
    };
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            out.push(unreadable(stat_error(path, &e)));
            return;
        }
    };
    if meta.is_dir() {
        if !top {
            // procps opens it and fails to read; descending would let `a.conf -> .`
            // links multiply the walk.
            out.push(unreadable("is a directory".to_owned()));
            return;
        }
        match conf_files(path) {
            Ok(files) if files.is_empty() => {
                out.push(unreadable("directory contains no *.conf files".to_owned()))
            }
            Ok(files) => {
                for f in files {
                    let name = f.display().to_string();
                    load_path(&f, &name, false, out);
                }
            }
            Err(e) => out.push(unreadable(describe(&e))),
        }
        return;
    }
    if let Some(kind) = unsupported_kind(&meta) {
        out.push(unreadable(format!("not a regular file ({kind})")));
        return;
    }
    if meta.is_file() && meta.len() > MAX_INPUT_BYTES {
        out.push(unreadable(too_large()));
        return;
    }
    match read_file(path, &meta) {
        Ok(bytes) => out.push(Loaded::File(SourceFile::new(name, bytes))),
        Err(reason) => out.push(unreadable(reason)),
    }
}

/// Open and read a file already checked by [`unsupported_kind`]. A FIFO blocks
/// here until a writer opens it, as `sysctl -p` does.
fn read_file(path: &Path, checked: &fs::Metadata) -> Result<Vec<u8>, String> {
    let mut file = File::open(path).map_err(|e| describe(&e))?;
    // The path may have been replaced between the check and the open.
    let opened = file.metadata().map_err(|e| describe(&e))?;
    if !same_file(checked, &opened) {
        return Err("changed while being opened".to_owned());
    }
    // A regular file's size is known: read it in one buffer of the right size
    // (one more byte to see growth), not in doubling steps from 32 bytes.
    let hint = if opened.is_file() {
        opened.len().min(MAX_INPUT_BYTES)
    } else {
        0
    };
    read_bounded(&mut file, hint as usize)
}

/// Read to the end, at most [`MAX_INPUT_BYTES`].
fn read_bounded(r: &mut dyn Read, size_hint: usize) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::with_capacity(size_hint + 1);
    r.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| describe(&e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

fn too_large() -> String {
    format!(
        "larger than {} MiB, too large for a sysctl configuration file",
        MAX_INPUT_BYTES / (1024 * 1024)
    )
}

/// Why `stat` failed, naming symbolic link trouble.
fn stat_error(path: &Path, e: &io::Error) -> String {
    let link = fs::symlink_metadata(path)
        .ok()
        .filter(|l| l.file_type().is_symlink());
    match (link, e.kind()) {
        (Some(_), io::ErrorKind::NotFound) => match fs::read_link(path) {
            Ok(t) => format!("dangling symbolic link (-> {})", t.display()),
            Err(_) => "dangling symbolic link".to_owned(),
        },
        _ if is_eloop(e) => "symbolic link loop (too many levels of symbolic links)".to_owned(),
        _ => describe(e),
    }
}

#[cfg(unix)]
fn is_eloop(e: &io::Error) -> bool {
    // ELOOP: 40 on Linux, 62 on the BSDs and macOS.
    let eloop = if cfg!(any(target_os = "linux", target_os = "android")) {
        40
    } else {
        62
    };
    e.raw_os_error() == Some(eloop)
}

#[cfg(not(unix))]
fn is_eloop(_e: &io::Error) -> bool {
    false
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    a.file_type() == b.file_type()
}

/// Why a file that is not regular, a directory or a FIFO is refused, or `None`.
#[cfg(unix)]
fn unsupported_kind(meta: &fs::Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_socket() {
        Some("a socket")
    } else if t.is_block_device() {
        Some("a block device")
    } else if t.is_char_device() && !readable_char_device(meta) {
        Some("a character device")
    } else {
        None
    }
}

#[cfg(not(unix))]
fn unsupported_kind(_meta: &fs::Metadata) -> Option<&'static str> {
    None
}

/// The character devices worth reading: `/dev/null` (empty, the loaders' mask)
/// and the terminal standard input is on (`/dev/stdin`, `/dev/tty` typed into).
/// Not `/dev/zero` or `/dev/urandom`, even as standard input: they never end.
#[cfg(unix)]
fn readable_char_device(meta: &fs::Metadata) -> bool {
    use std::io::IsTerminal;
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    if fs::metadata("/dev/null").is_ok_and(|n| n.rdev() == meta.rdev()) {
        return true;
    }
    let stdin = io::stdin();
    if !stdin.is_terminal() {
        return false;
    }
    let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
        return false;
    };
    File::from(fd)
        .metadata()
        .is_ok_and(|s| s.rdev() == meta.rdev())
}

/// The `*.conf` entries of a directory, sorted by file name (byte order). Names
/// need not be UTF-8: the paths are kept as they are.
fn conf_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir)? {
        let name = entry?.file_name();
        let bytes = name.as_encoded_bytes();
        if bytes.len() > 5 && bytes.ends_with(b".conf") {
            names.push(name);
        }
    }
    names.sort_by(|a, b| a.as_encoded_bytes().cmp(b.as_encoded_bytes()));
    Ok(names.into_iter().map(|n| dir.join(n)).collect())
}

/// A short reason for an I/O error, without the "(os error N)" noise.
pub fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s,
            }
        }
    }
}

/// Parse what was loaded into [`FileData`], keeping read errors.
pub fn into_files(loaded: Vec<Loaded>) -> Vec<FileData> {
    use rayon::prelude::*;
    let parse = |l: Loaded| match l {
        Loaded::File(source) => FileData::new(source),
        Loaded::Unreadable { name, reason } => FileData::unreadable(name, reason),
    };
    // Several files are parsed on all cores (the order is kept); one file is
    // parsed here, and a big one splits itself into chunks.
    if loaded.len() > 1 {
        loaded.into_par_iter().map(parse).collect()
    } else {
        loaded.into_iter().map(parse).collect()
    }
}
