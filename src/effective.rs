//! The value every key ends up with after a loader has read all files, with where
//! it was set and what it replaced (reference/syntax.md §1 globs, §3 duplicates and
//! globs, §4 differences).
//!
//! - Later file/line wins, for both loaders. systemd merges an identical repeat
//!   (the earlier line is still listed under `overridden`).
//! - A `-key` line (no `=`) after `key = v`: systemd drops the key (it is not
//!   written at all); procps still writes it (the exclusion only affects globs).
//! - Glob keys (`net.ipv4.conf.*.rp_filter`) cannot be expanded without the
//!   target's `/proc/sys`, so they stay entries of their own (`glob: true`). Every
//!   explicit key (assignment or `-key`) that a glob matches beats the glob whatever
//!   the order, in both loaders; such keys get a note naming the glob.

use std::collections::HashMap;

use glob::Pattern;
use serde_json::{json, Value};

use crate::key::{GlobIndex, Key};
use crate::lint::FileData;
use crate::syntax::LineKind;
use crate::system::Loader;

/// One line that assigns (or excludes) a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// The value as written (trimmed); empty for a `-key` exclusion.
    pub value: String,
    /// A `-key` line without `=`.
    pub exclusion: bool,
    /// A `-key = value` line: a failure to write it is ignored.
    pub ignore_failure: bool,
}

/// The outcome for one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effective {
    /// Dotted, normalised (`net.ipv4.conf.eth0/100.rp_filter`).
    pub key: String,
    /// What is written; `None` when nothing is (an exclusion-only key, or a key
    /// dropped by a later `-key` under systemd).
    pub value: Option<String>,
    /// The line that decides the outcome.
    pub set_by: Assignment,
    /// Earlier lines it replaced, in application order.
    pub overridden: Vec<Assignment>,
    /// The key is a glob pattern, expanded against `/proc/sys` at boot.
    pub glob: bool,
    /// Remarks (several are joined with `"; "`).
    pub note: Option<String>,
    /// Position of the deciding line in application order (the order in which the
    /// loader writes; it matters between overlapping globs).
    pub order: usize,
}

struct Entry {
    key: Key,
    set_by: Assignment,
    value: Option<String>,
    overridden: Vec<Assignment>,
    order: usize,
    notes: Vec<String>,
}

/// Compute the effective configuration of `files` (in application order).
/// The result is sorted by key.
pub fn compute(files: &[FileData], loader: Loader) -> Vec<Effective> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut by_path: HashMap<String, usize> = HashMap::new();
    let mut seq = 0;
    for file in files {
        let mut settings = file.settings.iter().peekable();
        for (index, line) in file.tree.lines.iter().enumerate() {
            let mut ignore_failure = false;
            let (key, value) = match &line.kind {
                LineKind::Assignment(_) => {
                    while settings.peek().is_some_and(|s| s.line() < index) {
                        settings.next();
                    }
                    let Some(s) = settings.peek().filter(|s| s.line() == index) else {
                        continue;
                    };
                    let Some(key) = s.key.clone() else { continue };
                    ignore_failure = s.ignore_failure;
                    (key, Some(s.value_text().to_owned()))
                }
                LineKind::Exclusion(x) => (Key::parse(&file.source.text[x.key()]), None),
                _ => continue,
            };
            if key.is_empty() {
                continue;
            }
            seq += 1;
            let here = Assignment {
                file: file.source.name.clone(),
                line: line.number(),
                value: value.clone().unwrap_or_default(),
                exclusion: value.is_none(),
                ignore_failure,
            };
            let path = key.path().to_owned();
            let Some(&i) = by_path.get(&path) else {
                by_path.insert(path, entries.len());
                entries.push(Entry {
                    key,
                    set_by: here,
                    value,
                    overridden: Vec::new(),
                    order: seq,
                    notes: Vec::new(),
                });
                continue;
            };
            let e = &mut entries[i];
            match (loader, &value) {
                // procps: a `-key` does not touch an explicit assignment.
                (Loader::Procps, None) if e.value.is_some() => {
                    e.notes.push(format!(
                        "-{} at {}:{} does not unset it under procps (it only excludes the key from globs)",
                        e.key.dotted(),
                        here.file,
                        here.line
                    ));
                }
                _ => {
                    // systemd merges an identical repeat in place (NULL == NULL for
                    // exclusions); anything else moves to the later position.
                    let same = e.value == value;
                    if !(loader == Loader::Systemd && same) {
                        e.order = seq;
                    }
                    if loader == Loader::Systemd && value.is_none() && e.value.is_some() {
                        e.notes.push(format!(
                            "dropped by -{} at {}:{}",
                            e.key.dotted(),
                            here.file,
                            here.line
                        ));
                    } else if value.is_some() {
                        e.notes.retain(|n| !n.starts_with("dropped by "));
                    }
                    let old = std::mem::replace(&mut e.set_by, here);
                    e.overridden.push(old);
                    e.value = value;
                }
            }
        }
    }

    // Globs: every explicit key they match beats them, whatever the order.
    let globs: Vec<(Key, String)> = entries
        .iter()
        .filter(|e| e.key.glob && e.value.is_some())
        .map(|e| (e.key.clone(), location(&e.set_by)))
        .collect();
    let index = GlobIndex::new(globs.iter().map(|(k, _)| k));
    for e in &mut entries {
        if e.key.glob {
            if e.value.is_none() && e.set_by.exclusion {
                e.notes.push(match loader {
                    Loader::Systemd => "a glob exclusion has no effect under systemd-sysctl (only exact keys are excluded)".to_owned(),
                    Loader::Procps => "excludes matching keys from globs on procps >= 4.0.5 only (4.0.0-4.0.4 ignore it)".to_owned(),
                });
            }
            continue;
        }
        if e.value.is_none() && e.set_by.exclusion && e.overridden.is_empty() {
            e.notes
                .push("not set: only excludes the key from glob assignments".to_owned());
        }
        for g in index.matching(&e.key) {
            let (glob, at) = &globs[g];
            let glob_key = glob.dotted();
            e.notes.push(if e.value.is_some() {
                format!("explicit setting wins over glob {glob_key} ({at})")
            } else {
                format!("excluded from glob {glob_key} ({at})")
            });
        }
    }

    let mut out: Vec<Effective> = entries
        .into_iter()
        .map(|e| Effective {
            key: e.key.dotted(),
            glob: e.key.glob,
            value: e.value,
            set_by: e.set_by,
            overridden: e.overridden,
            note: (!e.notes.is_empty()).then(|| e.notes.join("; ")),
            order: e.order,
        })
        .collect();
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}

fn location(a: &Assignment) -> String {
    format!("{}:{}", a.file, a.line)
}

fn shown(key: &str, a: &Assignment) -> String {
    if a.exclusion {
        format!("-{}", field(key))
    } else {
        format!("{} = {}", field(key), field(&a.value))
    }
}

/// Text from the files on one line of a report, with control characters escaped
/// (see [`crate::escape`]).
fn field(s: &str) -> std::borrow::Cow<'_, str> {
    crate::escape::escape_bytes(s.as_bytes())
}

/// `file:line`, escaped for a report or a comment line.
fn shown_location(a: &Assignment) -> String {
    field(&location(a)).into_owned()
}

/// A readable table: `key = value   (file:line)`, replaced lines and notes below
/// (labels in the run's language; the notes stay English for now).
pub fn render_human(effs: &[Effective]) -> String {
    use crate::i18n::tr;
    let left = |e: &Effective| match &e.value {
        Some(v) => format!("{} = {}", field(&e.key), field(v)),
        None => format!("-{} ({})", field(&e.key), tr("effective-not-set", &[])),
    };
    let width = effs
        .iter()
        .map(|e| crate::text::width(&left(e)))
        .max()
        .unwrap_or(0)
        .min(60);
    let mut s = String::new();
    for e in effs {
        let l = left(e);
        let pad = width.saturating_sub(crate::text::width(&l));
        s.push_str(&format!(
            "{l}{}  ({})",
            " ".repeat(pad),
            shown_location(&e.set_by)
        ));
        if e.glob {
            s.push_str(&format!("  [{}]", tr("effective-glob", &[])));
        }
        s.push('\n');
        for o in &e.overridden {
            s.push_str(&format!(
                "    {}\n",
                tr(
                    "effective-replaces",
                    &[
                        ("setting", (&shown(&e.key, o)).into()),
                        ("at", (&shown_location(o)).into()),
                    ]
                )
            ));
        }
        if let Some(n) = &e.note {
            for part in n.split("; ") {
                s.push_str(&format!("    {}: {}\n", tr("out-note", &[]), field(part)));
            }
        }
    }
    s
}

/// A flat sysctl.conf with the same effect: explicit keys sorted, then globs in
/// application order (between overlapping globs the later one wins), each line
/// preceded by `# from FILE:LINE`. Keys that end up unset become `-key` lines,
/// which keep them out of the globs.
pub fn render_conf(effs: &[Effective]) -> String {
    let mut s = String::from("# Effective sysctl settings, generated by sysctl-lint.\n");
    let mut globs: Vec<&Effective> = effs.iter().filter(|e| e.glob).collect();
    globs.sort_by_key(|e| e.order);
    let explicit = effs.iter().filter(|e| !e.glob);
    let mut section = None;
    for e in explicit.chain(globs) {
        if section != Some(e.glob) {
            section = Some(e.glob);
            s.push_str(if e.glob {
                "\n# Glob patterns, in application order; explicit keys above win over them.\n"
            } else {
                "\n"
            });
        }
        // Comments stay one line each, whatever a file name holds.
        s.push_str(&format!("# from {}\n", shown_location(&e.set_by)));
        for part in e.note.iter().flat_map(|n| n.split("; ")) {
            s.push_str(&format!("# note: {}\n", field(part)));
        }
        match &e.value {
            Some(v) if e.set_by.ignore_failure => s.push_str(&format!("-{} = {v}\n", e.key)),
            Some(v) => s.push_str(&format!("{} = {v}\n", e.key)),
            None => s.push_str(&format!("-{}\n", e.key)),
        }
    }
    s
}

/// `{"version":1,"loader":"systemd","keys":[{key,value,file,line,overridden,glob,ignore_failure,note}]}`;
/// `value` is `null` when nothing is written (and for exclusions in `overridden`).
pub fn to_json(effs: &[Effective], loader: Loader) -> Value {
    let assignment = |a: &Assignment| {
        json!({
            "file": a.file,
            "line": a.line,
            "value": (!a.exclusion).then_some(&a.value),
        })
    };
    let keys: Vec<Value> = effs
        .iter()
        .map(|e| {
            json!({
                "key": e.key,
                "value": e.value,
                "file": e.set_by.file,
                "line": e.set_by.line,
                "overridden": e.overridden.iter().map(assignment).collect::<Vec<_>>(),
                "glob": e.glob,
                "ignore_failure": e.set_by.ignore_failure,
                "note": e.note,
            })
        })
        .collect();
    json!({ "version": 1, "loader": loader.name(), "keys": keys })
}

/// `--key PATTERN`: the entries whose dotted key matches the glob `PATTERN`
/// (written dotted or with slashes). A literal pattern also selects the glob
/// entries that would match that key at boot. An invalid pattern matches literally.
pub fn filter(effs: &[Effective], pattern: &str) -> Vec<Effective> {
    let wanted = Key::parse(pattern);
    let dotted = wanted.dotted();
    let compiled = Pattern::new(&dotted).ok();
    effs.iter()
        .filter(|e| {
            let direct = match &compiled {
                Some(p) => p.matches(&e.key),
                None => e.key == dotted,
            };
            direct || (!wanted.glob && e.glob && Key::parse(&e.key).matches(&wanted))
        })
        .cloned()
        .collect()
}
