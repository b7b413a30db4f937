//! Turning the paths a user gives into files to lint: regular files, FIFOs and
//! `/dev/stdin`, directories (their `*.conf`, sorted by name, as `sysctl --system`
//! and systemd-sysctl sort), and `-` for standard input. A path that cannot be read
//! becomes a file with a read error, reported as SL100, so the others still get
//! linted.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use crate::lint::FileData;
use crate::source::SourceFile;

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
            let mut bytes = Vec::new();
            out.push(match stdin.read_to_end(&mut bytes) {
                Ok(_) => Loaded::File(SourceFile::new(stdin_name, bytes)),
                Err(e) => Loaded::Unreadable {
                    name: stdin_name.to_owned(),
                    reason: describe(&e),
                },
            });
        } else {
            load_path(p, &mut out);
        }
    }
    out
}

fn load_path(p: &str, out: &mut Vec<Loaded>) {
    let unreadable = |reason: String| Loaded::Unreadable {
        name: p.to_owned(),
        reason,
    };
    let meta = match fs::metadata(p) {
        Ok(m) => m,
        Err(e) => {
            let reason = match fs::symlink_metadata(p) {
                Ok(l) if l.file_type().is_symlink() && e.kind() == io::ErrorKind::NotFound => {
                    "dangling symbolic link".to_owned()
                }
                _ => describe(&e),
            };
            out.push(unreadable(reason));
            return;
        }
    };
    if meta.is_dir() {
        match conf_files(Path::new(p)) {
            Ok(files) if files.is_empty() => {
                out.push(unreadable("directory contains no *.conf files".to_owned()))
            }
            Ok(files) => {
                for f in files {
                    load_path(&f, out);
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
    match fs::read(p) {
        Ok(bytes) => out.push(Loaded::File(SourceFile::new(p, bytes))),
        Err(e) => out.push(unreadable(describe(&e))),
    }
}

#[cfg(unix)]
fn unsupported_kind(meta: &fs::Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_socket() {
        Some("a socket")
    } else if t.is_block_device() {
        Some("a block device")
    } else if t.is_char_device() && !is_stdin_like(meta) {
        Some("a character device")
    } else {
        None
    }
}

#[cfg(not(unix))]
fn unsupported_kind(_meta: &fs::Metadata) -> Option<&'static str> {
    None
}

/// A terminal given as `/dev/stdin` may be read; `/dev/zero` and the like may not.
#[cfg(unix)]
fn is_stdin_like(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata("/dev/stdin").is_ok_and(|s| s.rdev() == meta.rdev() && s.dev() == meta.dev())
}

/// The `*.conf` entries of a directory, sorted by file name (byte order).
fn conf_files(dir: &Path) -> io::Result<Vec<String>> {
    let mut names: Vec<Vec<u8>> = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let bytes = name.as_encoded_bytes();
        if bytes.len() > 5 && bytes.ends_with(b".conf") {
            names.push(bytes.to_vec());
        }
    }
    names.sort();
    Ok(names
        .into_iter()
        .map(|n| {
            dir.join(String::from_utf8_lossy(&n).as_ref())
                .display()
                .to_string()
        })
        .collect())
}

/// A short reason for an I/O error, without the "(os error N)" noise.
fn describe(e: &io::Error) -> String {
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
    loaded
        .into_iter()
        .map(|l| match l {
            Loaded::File(source) => FileData::new(source),
            Loaded::Unreadable { name, reason } => FileData::unreadable(name, reason),
        })
        .collect()
}
