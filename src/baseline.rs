//! Baselines: record today's findings, then report only new ones.
//!
//! A baseline is JSON (version 1):
//!
//! ```json
//! {
//!   "version": 1,
//!   "tool": {"name": "sysctl-lint", "version": "0.1.0"},
//!   "entries": [
//!     {"code": "SL201", "file": "a.conf", "key": "net.ipv4.tcp_timestsmps", "value": "0",
//!      "fingerprint": "5f0c3a1e9b2d4c77"}
//!   ]
//! }
//! ```
//!
//! A finding matches an entry by code, file, key and value (the value only when the
//! finding has one), never by line number, so moving a line keeps it baselined while
//! changing its value makes it show again. A finding without a key (a syntax finding
//! such as SL110) is identified by the text of its line instead, through the
//! `fingerprint`, a stable FNV-1a hash of all of these. Entries are a multiset: two
//! identical entries absorb two identical findings, a third one shows. SL100
//! (unreadable input) is never baselined.

use std::collections::HashMap;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::i18n::tr;
use crate::lint::FileData;

/// The format version written and accepted.
pub const VERSION: u64 = 1;

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub code: String,
    pub file: String,
    pub key: Option<String>,
    pub value: Option<String>,
    pub fingerprint: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Tool {
    name: String,
    version: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Document {
    version: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tool: Option<Tool>,
    entries: Vec<Entry>,
}

/// A loaded baseline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    pub entries: Vec<Entry>,
}

/// The file name as recorded (a leading `./` does not matter).
fn file_name(name: &str) -> String {
    name.strip_prefix("./").unwrap_or(name).to_owned()
}

/// 64-bit FNV-1a, stable across Rust versions and platforms.
fn fnv1a(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The entry a finding would be recorded as.
pub fn entry(files: &[FileData], d: &Diagnostic) -> Entry {
    let file = files.get(d.file);
    let name = file.map_or_else(String::new, |f| file_name(&f.source.name));
    // Without a key, the finding is identified by the text of its line.
    let line_text = match (&d.key, file) {
        (None, Some(f)) => {
            let src = &f.source;
            let start = src.line_start(src.line_index(d.span.start.min(src.text.len())));
            let end = src.text[start..]
                .find('\n')
                .map_or(src.text.len(), |i| start + i);
            src.text[start..end].trim().to_owned()
        }
        _ => String::new(),
    };
    let fingerprint = fnv1a(&[
        d.code,
        &name,
        d.key.as_deref().unwrap_or("\u{0}"),
        d.value.as_deref().unwrap_or("\u{0}"),
        &line_text,
    ]);
    Entry {
        code: d.code.to_owned(),
        file: name,
        key: d.key.clone(),
        value: d.value.clone(),
        fingerprint,
    }
}

/// The baseline of a set of findings (sorted for stable diffs; SL100 left out).
pub fn build(files: &[FileData], diags: &[Diagnostic]) -> Baseline {
    let mut entries: Vec<Entry> = diags
        .iter()
        .filter(|d| d.code != "SL100")
        .map(|d| entry(files, d))
        .collect();
    entries.sort_by(|a, b| {
        (&a.file, &a.code, &a.key, &a.value, &a.fingerprint).cmp(&(
            &b.file,
            &b.code,
            &b.key,
            &b.value,
            &b.fingerprint,
        ))
    });
    Baseline { entries }
}

impl Baseline {
    /// The JSON text (pretty, with a final newline).
    pub fn to_json(&self) -> String {
        let doc = Document {
            version: VERSION,
            tool: Some(Tool {
                name: env!("CARGO_PKG_NAME").to_owned(),
                version: env!("CARGO_PKG_VERSION").to_owned(),
            }),
            entries: self.entries.clone(),
        };
        let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Parse baseline JSON; the error says what is wrong (and where).
    pub fn from_json(text: &str) -> Result<Baseline, String> {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| tr("baseline-not-json", &[("error", (&e.to_string()).into())]))?;
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(VERSION) => {}
            Some(v) => {
                return Err(tr(
                    "baseline-version",
                    &[
                        ("version", (&v.to_string()).into()),
                        ("supported", (&VERSION.to_string()).into()),
                    ],
                ))
            }
            None => return Err(tr("baseline-no-version", &[])),
        }
        let doc: Document = serde_json::from_value(value).map_err(|e| {
            tr(
                "baseline-not-baseline",
                &[("error", (&e.to_string()).into())],
            )
        })?;
        Ok(Baseline {
            entries: doc.entries,
        })
    }
}

/// Record the findings as a baseline file.
pub fn write(path: &Path, files: &[FileData], diags: &[Diagnostic]) -> io::Result<()> {
    crate::fsroot::write_replacing(path, build(files, diags).to_json().as_bytes())
}

/// Read a baseline file. The error names the file.
pub fn load(path: &Path) -> Result<Baseline, String> {
    let shown = crate::escape::escape_path(path).into_owned();
    let bytes = crate::fsroot::read_regular(path).map_err(|e| {
        tr(
            "baseline-cannot-read",
            &[
                ("path", (&shown).into()),
                ("error", e.reason_text().shown().into()),
            ],
        )
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| tr("baseline-not-utf8", &[("path", (&shown).into())]))?;
    Baseline::from_json(&text).map_err(|e| {
        tr(
            "baseline-invalid",
            &[("path", (&shown).into()), ("error", (&e).into())],
        )
    })
}

/// Drop the findings the baseline records; returns how many were dropped. Each
/// entry absorbs one finding.
pub fn filter(baseline: &Baseline, files: &[FileData], diags: &mut Vec<Diagnostic>) -> usize {
    let mut budget: HashMap<&str, usize> = HashMap::new();
    for e in &baseline.entries {
        *budget.entry(e.fingerprint.as_str()).or_default() += 1;
    }
    let before = diags.len();
    diags.retain(|d| {
        if d.code == "SL100" {
            return true;
        }
        let e = entry(files, d);
        match budget.get_mut(e.fingerprint.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        }
    });
    before - diags.len()
}
