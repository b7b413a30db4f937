//! Autofix (issue 8): apply the edits that rules attach to their findings, write
//! files safely, and show the change as a unified diff.
//!
//! A finding's [`Edit`]s are one fix, applied whole or not at all, with one
//! [`FixSafety`]: *safe* fixes keep the meaning or do what was certainly intended;
//! *unsafe* ones change what the kernel gets and are applied only on request.
//!
//! The fixer works on bytes: spans are byte offsets into the original file, every
//! byte outside an edit is kept as it is (invalid UTF-8, NUL, CR included), and a
//! line that contains invalid UTF-8 is never edited, except by a fix that deletes
//! it whole. Each pass lints, takes the fixes that do not overlap one another (safe
//! ones first; the others wait for the next pass, linted afresh), and applies them
//! from the end backwards; passes repeat until nothing applies (at most
//! [`MAX_PASSES`]), so running the fixer on its own output changes nothing.

use std::ffi::OsString;
use std::io;
use std::ops::Range;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Edit, FixSafety};
use crate::lint::{FileData, Options};
use crate::source::{SourceFile, INVALID_BYTE_PLACEHOLDER};

/// Passes of lint-and-fix before the fixer gives up (a fix may enable another).
pub const MAX_PASSES: usize = 10;

/// A finding the fixer fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub code: &'static str,
    /// 1-based line of the finding in the file as it was when the fix was applied
    /// (in pass 1, the original file).
    pub line: usize,
    /// The normalised key of the finding, if it is about one.
    pub key: Option<String>,
    pub safety: FixSafety,
    /// 1-based pass that applied it.
    pub pass: usize,
    /// What the fix does ([`Diagnostic::fix_title`]).
    pub title: String,
}

/// The outcome for one file.
#[derive(Debug, Clone)]
pub struct FixResult {
    /// The file's name (as in [`SourceFile::name`]).
    pub name: String,
    /// The fixed bytes (equal to the input when nothing was fixed).
    pub new_bytes: Vec<u8>,
    pub fixed: Vec<Fixed>,
    /// The findings left in the fixed file (spans into `new_bytes`; `file` is the
    /// index of the file in the set given to [`fix_files`]).
    pub remaining: Vec<Diagnostic>,
}

impl FixResult {
    pub fn changed(&self, original: &[u8]) -> bool {
        self.new_bytes != original
    }
}

/// Fix one in-memory file on its own (the counterpart of [`crate::lint_source`]).
pub fn fix_source(name: &str, bytes: &[u8], options: &Options, unsafe_fixes: bool) -> FixResult {
    fix_source_only(name, bytes, options, unsafe_fixes, &[])
}

/// [`fix_source`] limited to the fixes of some codes (`SL305`); all when empty.
pub fn fix_source_only(
    name: &str,
    bytes: &[u8],
    options: &Options,
    unsafe_fixes: bool,
    codes: &[&str],
) -> FixResult {
    let files = vec![FileData::new(SourceFile::new(name, bytes.to_vec()))];
    let wanted = |d: &Diagnostic| codes.is_empty() || codes.contains(&d.code);
    fix_files(&files, options, unsafe_fixes, |_| true, wanted)
        .pop()
        .expect("one result per file")
}

/// Fix a configuration of several files linted together, in application order
/// (rules that compare files see all of them). Only files for which `editable`
/// returns true are changed (e.g. not the package-owned ones, see
/// [`is_package_owned`]); unreadable files are never changed. Only the fixes of
/// findings for which `wanted` returns true are applied (e.g. by code). One result
/// per file, in order.
pub fn fix_files(
    files: &[FileData],
    options: &Options,
    unsafe_fixes: bool,
    editable: impl Fn(&FileData) -> bool,
    wanted: impl Fn(&Diagnostic) -> bool,
) -> Vec<FixResult> {
    let may_edit: Vec<bool> = files
        .iter()
        .map(|f| f.read_error.is_none() && editable(f))
        .collect();
    let mut current: Vec<FileData> = files.to_vec();
    let mut fixed: Vec<Vec<Fixed>> = vec![Vec::new(); files.len()];
    // What `check` reports, inline suppressions applied: a suppressed finding
    // is not fixed.
    let mut diags = crate::check(&current, options);
    for pass in 1..=MAX_PASSES {
        let chosen = select(&current, &diags, &may_edit, unsafe_fixes, &wanted);
        if chosen.iter().all(Vec::is_empty) {
            break;
        }
        for (i, picks) in chosen.iter().enumerate() {
            if picks.is_empty() {
                continue;
            }
            let source = &current[i].source;
            let mut edits: Vec<&Edit> = Vec::new();
            for &d in picks {
                let d = &diags[d];
                edits.extend(&d.edits);
                fixed[i].push(Fixed {
                    code: d.code,
                    line: source.position(d.span.start).0,
                    key: d.key.clone(),
                    safety: d.fix_safety,
                    pass,
                    title: d.fix_title(),
                });
            }
            let bytes = apply(source.bytes(), &edits);
            let name = source.name.clone();
            current[i] = FileData::new(SourceFile::new(name, bytes));
        }
        diags = crate::check(&current, options);
    }
    current
        .into_iter()
        .zip(fixed)
        .enumerate()
        .map(|(i, (f, fixed))| FixResult {
            new_bytes: f.source.bytes().to_vec(),
            name: f.source.name,
            fixed,
            remaining: diags.iter().filter(|d| d.file == i).cloned().collect(),
        })
        .collect()
}

/// The fixes one pass applies, per file: indices into `diags`.
fn select(
    files: &[FileData],
    diags: &[Diagnostic],
    may_edit: &[bool],
    unsafe_fixes: bool,
    wanted: &dyn Fn(&Diagnostic) -> bool,
) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..diags.len())
        .filter(|&i| {
            let d = &diags[i];
            d.fix()
                .is_some_and(|s| unsafe_fixes || s == FixSafety::Safe)
                && may_edit.get(d.file).copied().unwrap_or(false)
                && wanted(d)
        })
        .collect();
    // Safe fixes first, then in file order: an unsafe fix that overlaps a safe one
    // waits for the next pass (and is often gone by then).
    order.sort_by_key(|&i| (diags[i].fix_safety, diags[i].file, diags[i].span.start));
    let mut taken: Vec<Vec<Range<usize>>> = vec![Vec::new(); files.len()];
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); files.len()];
    for i in order {
        let d = &diags[i];
        let source = &files[d.file].source;
        if !d.edits.iter().all(|e| valid(source, e)) {
            continue;
        }
        let ranges: Vec<Range<usize>> = d.edits.iter().map(|e| e.range.clone()).collect();
        let clash = ranges.iter().enumerate().any(|(k, r)| {
            ranges[k + 1..].iter().any(|o| overlap(r, o))
                || taken[d.file].iter().any(|o| overlap(r, o))
        });
        if clash {
            continue;
        }
        taken[d.file].extend(ranges);
        out[d.file].push(i);
    }
    out
}

/// Two edits that cannot both be applied in one pass: their ranges overlap, or
/// they start at the same offset (two insertions there have no defined order).
fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start == b.start || (a.start < b.end && b.start < a.end)
}

/// Whether an edit may be applied to this file: in bounds, on character
/// boundaries, no placeholder for an invalid byte in the replacement, and no line
/// with invalid UTF-8 touched unless the edit deletes whole lines.
fn valid(source: &SourceFile, e: &Edit) -> bool {
    let r = &e.range;
    let text = &source.text;
    if r.start > r.end
        || r.end > text.len()
        || !text.is_char_boundary(r.start)
        || !text.is_char_boundary(r.end)
        || e.replacement.contains(INVALID_BYTE_PLACEHOLDER)
    {
        return false;
    }
    if source.invalid_utf8.is_empty() {
        return true;
    }
    let first = source.line_index(r.start);
    let last = source.line_index(r.end.saturating_sub(1).max(r.start));
    let lines = source.line_start(first)..source.line_start(last + 1);
    if !source.has_invalid_utf8(&lines) {
        return true;
    }
    e.replacement.is_empty() && r.start == lines.start && r.end == lines.end
}

/// Apply non-overlapping edits to `bytes`, from the end backwards. A `\n` in a
/// replacement that is not already part of `\r\n` becomes the file's line ending.
fn apply(bytes: &[u8], edits: &[&Edit]) -> Vec<u8> {
    let eol: &[u8] = if crlf_file(bytes) { b"\r\n" } else { b"\n" };
    let mut sorted: Vec<&Edit> = edits.to_vec();
    sorted.sort_by_key(|e| std::cmp::Reverse((e.range.start, e.range.end)));
    let mut out = bytes.to_vec();
    for e in sorted {
        let mut rep = Vec::with_capacity(e.replacement.len());
        let r = e.replacement.as_bytes();
        for (k, &b) in r.iter().enumerate() {
            if b == b'\n' && (k == 0 || r[k - 1] != b'\r') {
                rep.extend_from_slice(eol);
            } else {
                rep.push(b);
            }
        }
        out.splice(e.range.clone(), rep);
    }
    out
}

/// Most line endings of the file are `\r\n`.
fn crlf_file(bytes: &[u8]) -> bool {
    let mut crlf = 0usize;
    let mut lf = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            if i > 0 && bytes[i - 1] == b'\r' {
                crlf += 1;
            } else {
                lf += 1;
            }
        }
    }
    crlf > lf
}

// ---------------------------------------------------------------------------
// Unified diff

/// A unified diff of `old` to `new` (3 lines of context) with `--- a/PATH` and
/// `+++ b/PATH` headers, as `git apply` and `patch -p1` take it; empty when the
/// bytes are equal. A leading `/` or `./` of `path` is dropped (`a/etc/sysctl.conf`).
/// Bytes that are not UTF-8 are shown as U+FFFD here: write
/// [`unified_diff_bytes`] when the patch must apply to such a file.
pub fn unified_diff(path: &str, old: &[u8], new: &[u8]) -> String {
    String::from_utf8_lossy(&unified_diff_bytes(path, old, new)).into_owned()
}

/// [`unified_diff`] as bytes, exact for any input. The path is bytes too (a
/// name need not be UTF-8), quoted in the headers as git quotes it.
pub fn unified_diff_bytes(path: impl AsRef<[u8]>, old: &[u8], new: &[u8]) -> Vec<u8> {
    if old == new {
        return Vec::new();
    }
    let path = path.as_ref();
    let path = path.strip_prefix(b"./").unwrap_or(path);
    let start = path.iter().take_while(|&&b| b == b'/').count();
    let path = &path[start..];
    let mut out = header(b"---", Some(b"a/"), path);
    out.extend(header(b"+++", Some(b"b/"), path));
    hunks(&mut out, old, new);
    out
}

/// A patch that creates the file `path` (relative to the tree) with `new`.
pub fn creation_diff(path: impl AsRef<[u8]>, new: &[u8]) -> Vec<u8> {
    let path = path.as_ref();
    let start = path.iter().take_while(|&&b| b == b'/').count();
    let mut out = b"--- /dev/null\n".to_vec();
    out.extend(header(b"+++", Some(b"b/"), &path[start..]));
    hunks(&mut out, b"", new);
    out
}

/// `--- a/PATH` as git writes it: C-quoted (`"a/r\303\251seau.conf"`) when the
/// name has a control character, a quote, a backslash or a byte above 0x7f, and
/// followed by a tab when it has a space, so that `patch` reads the whole name.
fn header(mark: &[u8], prefix: Option<&[u8]>, path: &[u8]) -> Vec<u8> {
    let mut name = prefix.unwrap_or_default().to_vec();
    name.extend_from_slice(path);
    let mut out = mark.to_vec();
    out.push(b' ');
    let needs_quote = name
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\' || b >= 0x7f);
    if needs_quote {
        out.push(b'"');
        for &b in &name {
            match b {
                0x07 => out.extend_from_slice(b"\\a"),
                0x08 => out.extend_from_slice(b"\\b"),
                b'\t' => out.extend_from_slice(b"\\t"),
                b'\n' => out.extend_from_slice(b"\\n"),
                0x0b => out.extend_from_slice(b"\\v"),
                0x0c => out.extend_from_slice(b"\\f"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                b if !(0x20..0x7f).contains(&b) => {
                    out.extend_from_slice(format!("\\{b:03o}").as_bytes())
                }
                b => out.push(b),
            }
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(&name);
    }
    if name.contains(&b' ') {
        out.push(b'\t');
    }
    out.push(b'\n');
    out
}

/// The hunks of a unified diff of `old` to `new`, 3 lines of context.
fn hunks(out: &mut Vec<u8>, old: &[u8], new: &[u8]) {
    const CONTEXT: usize = 3;
    let a = split_lines(old);
    let b = split_lines(new);
    let ops = diff_lines(&a, &b);
    // Group the changes into hunks whose context does not overlap.
    let changes: Vec<usize> = (0..ops.len())
        .filter(|&i| !matches!(ops[i], Op::Equal(..)))
        .collect();
    let mut k = 0;
    while k < changes.len() {
        let start = changes[k].saturating_sub(CONTEXT);
        let mut last = changes[k];
        while k + 1 < changes.len() && changes[k + 1] - last <= 2 * CONTEXT {
            k += 1;
            last = changes[k];
        }
        k += 1;
        let end = (last + CONTEXT + 1).min(ops.len());
        let hunk = &ops[start..end];
        let (old_start, new_start) = match ops[start] {
            Op::Equal(i, j) | Op::Delete(i, j) | Op::Insert(i, j) => (i, j),
        };
        let old_len = hunk.iter().filter(|o| !matches!(o, Op::Insert(..))).count();
        let new_len = hunk.iter().filter(|o| !matches!(o, Op::Delete(..))).count();
        let pos = |start: usize, len: usize| if len == 0 { start } else { start + 1 };
        out.extend_from_slice(
            format!(
                "@@ -{},{old_len} +{},{new_len} @@\n",
                pos(old_start, old_len),
                pos(new_start, new_len)
            )
            .as_bytes(),
        );
        for op in hunk {
            let (mark, line) = match *op {
                Op::Equal(i, _) => (b' ', a[i]),
                Op::Delete(i, _) => (b'-', a[i]),
                Op::Insert(_, j) => (b'+', b[j]),
            };
            out.push(mark);
            out.extend_from_slice(line);
            if !line.ends_with(b"\n") {
                out.extend_from_slice(b"\n\\ No newline at end of file\n");
            }
        }
    }
}

/// One line of the diff: indices into old and new (for `Insert`, the old index is
/// where the line goes; for `Delete`, the new index likewise).
#[derive(Debug, Clone, Copy)]
enum Op {
    Equal(usize, usize),
    Delete(usize, usize),
    Insert(usize, usize),
}

fn split_lines(bytes: &[u8]) -> Vec<&[u8]> {
    bytes.split_inclusive(|&b| b == b'\n').collect()
}

/// A shortest edit script between two line sequences (Myers' O(ND) algorithm,
/// after stripping the common prefix and suffix).
fn diff_lines(a: &[&[u8]], b: &[&[u8]]) -> Vec<Op> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops: Vec<Op> = (0..prefix).map(|i| Op::Equal(i, i)).collect();
    for op in myers(ma, mb) {
        ops.push(match op {
            Op::Equal(i, j) => Op::Equal(i + prefix, j + prefix),
            Op::Delete(i, j) => Op::Delete(i + prefix, j + prefix),
            Op::Insert(i, j) => Op::Insert(i + prefix, j + prefix),
        });
    }
    let (ea, eb) = (a.len() - suffix, b.len() - suffix);
    ops.extend((0..suffix).map(|k| Op::Equal(ea + k, eb + k)));
    ops
}

fn myers(a: &[&[u8]], b: &[&[u8]]) -> Vec<Op> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (n + m) as usize;
    let off = max as isize + 1;
    let mut v = vec![0isize; 2 * max + 3];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    'search: for d in 0..=max as isize {
        trace.push(v.clone());
        let mut k = -d;
        while k <= d {
            let down = k == -d || (k != d && v[(off + k - 1) as usize] < v[(off + k + 1) as usize]);
            let mut x = if down {
                v[(off + k + 1) as usize]
            } else {
                v[(off + k - 1) as usize] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[(off + k) as usize] = x;
            if x >= n && y >= m {
                break 'search;
            }
            k += 2;
        }
    }
    // Walk the trace backwards from (n, m).
    let mut ops = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (1..trace.len() as isize).rev() {
        let v = &trace[d as usize];
        let k = x - y;
        let down = k == -d || (k != d && v[(off + k - 1) as usize] < v[(off + k + 1) as usize]);
        let prev_k = if down { k + 1 } else { k - 1 };
        let prev_x = v[(off + prev_k) as usize];
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            x -= 1;
            y -= 1;
            ops.push(Op::Equal(x as usize, y as usize));
        }
        if down {
            y -= 1;
            ops.push(Op::Insert(x as usize, y as usize));
        } else {
            x -= 1;
            ops.push(Op::Delete(x as usize, y as usize));
        }
    }
    while x > 0 && y > 0 {
        x -= 1;
        y -= 1;
        ops.push(Op::Equal(x as usize, y as usize));
    }
    ops.reverse();
    ops
}

// ---------------------------------------------------------------------------
// Writing

/// Replace a file's contents atomically: the target of a symbolic link is
/// written (the link stays), through a new file in the same directory that gets
/// the old file's mode and owner, is synced, and is renamed over the old one. On
/// any error the temporary file is removed and the original is untouched.
/// Extended attributes (ACLs, SELinux labels) are not copied.
///
/// This reads the file first; the CLI, which already read it, calls
/// [`crate::fsroot::Root::replace`] directly so that the file written is the file
/// that was read and is left alone if it changed since.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use crate::fsroot::{self, FsError, Named, Root};
    let to_io = |e: FsError| match e {
        FsError::Io(e) => e,
        e => io::Error::other(e.reason()),
    };
    let (old, id) = fsroot::read_named(path, Named::Entry).map_err(to_io)?;
    let id = id.ok_or_else(|| io::Error::other("not a regular file"))?;
    Root::host()
        .map_err(to_io)?
        .replace(&id, &old, bytes)
        .map_err(to_io)
}

// ---------------------------------------------------------------------------
// Ownership (for `--root` mode)

/// Directories whose files belong to packages (sysctl.d(5)): never edited.
pub const PACKAGE_DIRS: &[&str] = &[
    "/usr/lib/sysctl.d/",
    "/usr/local/lib/sysctl.d/",
    "/lib/sysctl.d/",
];

/// Whether a file (its resolved path relative to the root with a leading `/`,
/// e.g. `/usr/lib/sysctl.d/50-default.conf`) belongs to a package and must not
/// be edited. `/etc` and `/run` files are the administrator's. Decide on the
/// resolved path ([`crate::fsroot::FileId::path`]): a link in `/etc/sysctl.d`
/// to a package file leads to a package file.
pub fn is_package_owned(display_path: &str) -> bool {
    PACKAGE_DIRS.iter().any(|d| {
        display_path
            .strip_prefix(d)
            .is_some_and(|rest| !rest.is_empty() && !rest.contains('/'))
    })
}

/// The directory override drop-ins are written to (inside the root).
pub const OVERRIDE_DIR: &str = "/etc/sysctl.d";

/// An override drop-in for settings of a package file: its file name in
/// [`OVERRIDE_DIR`] and its contents. Its name is the package file's stem plus
/// `.sysctl-lint.conf` (`50-default.conf` -> `50-default.sysctl-lint.conf`),
/// which sorts right after the package file in any collation (`s` > `c` after the
/// common stem and `.`), and never masks it (a different name).
pub fn override_dropin(package_file: &Path, settings: &[(String, String)]) -> (OsString, Vec<u8>) {
    use std::os::unix::ffi::OsStrExt;
    let base = package_file.file_name().unwrap_or_default().as_bytes();
    let stem = base.strip_suffix(b".conf").unwrap_or(base);
    let mut name = stem.to_vec();
    name.extend_from_slice(b".sysctl-lint.conf");
    let shown = crate::escape::escape_path(package_file);
    let mut body = format!(
        "# Written by sysctl-lint --fix: overrides settings of {shown}, which belongs\n\
         # to a package and is not edited. This file sorts after it, so these values win.\n"
    );
    for (key, value) in settings {
        body.push_str(&format!("{key} = {value}\n"));
    }
    (
        std::os::unix::ffi::OsStringExt::from_vec(name),
        body.into_bytes(),
    )
}

/// The settings a fix changed in a file: `(dotted key, new value)` for every key
/// whose winning value differs between `old` and `new` (keys the fix removed are
/// left out: a drop-in cannot unset them).
pub fn changed_settings(old: &FileData, new: &FileData) -> Vec<(String, String)> {
    let winning = |f: &FileData| {
        let mut m: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
        for s in &f.settings {
            if let Some(k) = s.key.as_ref().filter(|k| !k.is_empty()) {
                m.insert(k.dotted(), s.value_text().to_owned());
            }
        }
        m
    };
    let before = winning(old);
    winning(new)
        .into_iter()
        .filter(|(k, v)| before.get(k) != Some(v))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_keeps_crlf_and_order() {
        let e1 = Edit {
            range: 0..0,
            replacement: "# c\n".into(),
        };
        let e2 = Edit {
            range: 5..7,
            replacement: String::new(),
        };
        let out = apply(b"a = 1 x\r\nb = 2\r\n", &[&e2, &e1]);
        assert_eq!(out, b"# c\r\na = 1\r\nb = 2\r\n");
    }

    #[test]
    fn overlap_rules() {
        assert!(overlap(&(3..3), &(3..5)));
        assert!(overlap(&(4..4), &(3..5)));
        assert!(!overlap(&(5..5), &(3..5)));
        assert!(!overlap(&(0..3), &(3..5)));
    }

    #[test]
    fn diff_basic() {
        let d = unified_diff("x.conf", b"a\nb\nc\n", b"a\nB\nc\n");
        assert_eq!(
            d,
            "--- a/x.conf\n+++ b/x.conf\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
        );
        assert_eq!(unified_diff("x", b"a\n", b"a\n"), "");
        let d = unified_diff("/etc/x", b"", b"a");
        assert_eq!(
            d,
            "--- a/etc/x\n+++ b/etc/x\n@@ -0,0 +1,1 @@\n+a\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn diff_is_minimal_on_random_inputs() {
        // Replaying the ops must give back both sides.
        let mut seed = 7u64;
        let mut rnd = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..200 {
            let a: Vec<Vec<u8>> = (0..rnd() % 12)
                .map(|_| vec![b'a' + (rnd() % 4) as u8, b'\n'])
                .collect();
            let b: Vec<Vec<u8>> = (0..rnd() % 12)
                .map(|_| vec![b'a' + (rnd() % 4) as u8, b'\n'])
                .collect();
            let ar: Vec<&[u8]> = a.iter().map(Vec::as_slice).collect();
            let br: Vec<&[u8]> = b.iter().map(Vec::as_slice).collect();
            let ops = diff_lines(&ar, &br);
            let old: Vec<&[u8]> = ops
                .iter()
                .filter_map(|o| match *o {
                    Op::Equal(i, _) | Op::Delete(i, _) => Some(ar[i]),
                    Op::Insert(..) => None,
                })
                .collect();
            let new: Vec<&[u8]> = ops
                .iter()
                .filter_map(|o| match *o {
                    Op::Equal(_, j) | Op::Insert(_, j) => Some(br[j]),
                    Op::Delete(..) => None,
                })
                .collect();
            assert_eq!((old, new), (ar.clone(), br.clone()));
        }
    }

    #[test]
    fn package_ownership() {
        assert!(is_package_owned("/usr/lib/sysctl.d/50-default.conf"));
        assert!(is_package_owned("/usr/local/lib/sysctl.d/50-local.conf"));
        assert!(!is_package_owned("/etc/sysctl.d/99-sysctl.conf"));
        assert!(!is_package_owned("/run/sysctl.d/40-run.conf"));
        let (name, body) = override_dropin(
            Path::new("/usr/lib/sysctl.d/50-default.conf"),
            &[("net.ipv4.ip_forward".to_owned(), "0".to_owned())],
        );
        assert_eq!(name, "50-default.sysctl-lint.conf");
        assert!("50-default.sysctl-lint.conf" > "50-default.conf");
        assert!(String::from_utf8(body)
            .unwrap()
            .ends_with("net.ipv4.ip_forward = 0\n"));
    }
}
