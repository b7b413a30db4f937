//! Turning the paths a user gives into files to lint: regular files, FIFOs and
//! `/dev/stdin` named on the command line (a pipe, `<(...)`, a terminal),
//! directories (their `*.conf`, sorted by name, as `sysctl --system` and
//! systemd-sysctl sort), and `-` for standard input. A path that cannot be read
//! becomes a file with a read error, reported as SL100, so the others still get
//! linted.
//!
//! All reading goes through [`crate::fsroot`]: files are looked at before they are
//! opened, and sockets, block devices and character devices are refused with the
//! reason (`/dev/zero` would be read forever, and merely opening some devices has
//! effects, e.g. a watchdog), except `/dev/null` (an empty file, as the loaders
//! read a mask) and the terminal standard input is on. Entries of a directory are
//! regular files only: a FIFO named `x.conf` is refused, never waited on, and a
//! subdirectory is never descended into (so an `x.conf -> .` link cannot make the
//! walk loop or explode). Every read is bounded by [`MAX_INPUT_BYTES`].
//!
//! Paths are kept as bytes (`Path`): a name that is not UTF-8 is read, and fixed,
//! under its own name; reports show it escaped (`a\xff.conf`).

use std::ffi::OsStr;
use std::io::Read;
use std::path::Path;

use crate::diagnostic::Text;
use crate::fsroot::{self, FsError, Named};
use crate::lint::FileData;
use crate::source::SourceFile;

pub use crate::fsroot::{describe, MAX_INPUT_BYTES};

/// How one input turned out.
#[derive(Debug)]
pub enum Loaded {
    File(SourceFile),
    /// The path (as reports show it) and why it could not be read.
    Unreadable {
        name: String,
        reason: Text,
    },
}

/// `--exclude`: globs over file paths. A pattern matches the path as given or
/// found in a directory (under `--root`: the boot path, `/etc/sysctl.d/x.conf`),
/// or any trailing part of it after a `/` (`*.bak.conf`, `sysctl.d/99-*.conf`).
#[derive(Debug, Clone, Default)]
pub struct Exclude {
    patterns: Vec<glob::Pattern>,
}

impl Exclude {
    /// The patterns; the error names the one that is not a glob.
    pub fn new<S: AsRef<str>>(globs: &[S]) -> Result<Exclude, String> {
        let patterns = globs
            .iter()
            .map(|g| {
                let g = g.as_ref();
                glob::Pattern::new(g).map_err(|e| {
                    crate::i18n::tr(
                        "exclude-not-a-glob",
                        &[("glob", g.into()), ("error", e.msg.into())],
                    )
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Exclude { patterns })
    }

    /// Whether a path (as reports show it) is excluded.
    pub fn matches(&self, path: &str) -> bool {
        if self.patterns.is_empty() {
            return false;
        }
        let options = glob::MatchOptions {
            case_sensitive: true,
            require_literal_separator: true,
            require_literal_leading_dot: false,
        };
        let path = path.strip_prefix("./").unwrap_or(path);
        std::iter::once(path)
            .chain(path.match_indices('/').map(|(i, _)| &path[i + 1..]))
            .filter(|s| !s.is_empty())
            .any(|s| self.patterns.iter().any(|p| p.matches_with(s, options)))
    }
}

/// Read every input in order; `stdin_name` names `-`.
pub fn load<P: AsRef<OsStr>>(paths: &[P], stdin_name: &str, stdin: &mut dyn Read) -> Vec<Loaded> {
    load_excluding(paths, stdin_name, stdin, &Exclude::default())
}

/// [`load`], leaving out (unread) the files and directories that `exclude`
/// matches. Standard input is never excluded.
pub fn load_excluding<P: AsRef<OsStr>>(
    paths: &[P],
    stdin_name: &str,
    stdin: &mut dyn Read,
    exclude: &Exclude,
) -> Vec<Loaded> {
    let mut out = Vec::new();
    for p in paths {
        let p = Path::new(p.as_ref());
        if p.as_os_str() == "-" {
            out.push(match fsroot::read_bounded(stdin, 0) {
                Ok(bytes) => Loaded::File(SourceFile::new(stdin_name, bytes)),
                Err(e) => Loaded::Unreadable {
                    name: stdin_name.to_owned(),
                    reason: e.reason_text(),
                },
            });
        } else {
            load_path(p, true, exclude, &mut out);
        }
    }
    out
}

/// Load one path given on the command line (`top`) or found in a directory.
fn load_path(path: &Path, top: bool, exclude: &Exclude, out: &mut Vec<Loaded>) {
    let name = crate::escape::escape_path(path).into_owned();
    if exclude.matches(&name) {
        return;
    }
    let unreadable = |e: FsError| Loaded::Unreadable {
        name: name.clone(),
        reason: e.reason_text(),
    };
    if top && path.is_dir() {
        match fsroot::conf_files(path) {
            Ok(files) if files.is_empty() => out.push(Loaded::Unreadable {
                name,
                reason: crate::msg!("fs-no-conf-files"),
            }),
            Ok(files) => {
                for f in files {
                    load_path(&f, false, exclude, out);
                }
            }
            Err(e) => out.push(unreadable(e)),
        }
        return;
    }
    let named = if top { Named::Explicit } else { Named::Entry };
    match fsroot::read_named(path, named) {
        Ok((bytes, origin)) => out.push(Loaded::File(
            SourceFile::new(name.clone(), bytes).with_origin(origin),
        )),
        Err(e) => out.push(unreadable(e)),
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
