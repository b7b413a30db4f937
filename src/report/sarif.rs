//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning (and any other SARIF consumer).
//!
//! One run; `tool.driver.rules` lists every rule (not only those found), so a
//! result's `ruleIndex` is the rule's position in [`rules::docs`].
//!
//! Paths. SARIF wants URIs, and GitHub wants them relative to the repository root
//! (`uriBaseId: "%SRCROOT%"`). A path as the user gave it is turned into one by
//! [`artifact_path`]:
//! - backslashes become `/`, and leading `./` are dropped (`./sysctl.d\a.conf` ->
//!   `sysctl.d/a.conf`);
//! - a relative path stays relative, against `%SRCROOT%` (the tool is run from the
//!   repository root in CI);
//! - an absolute path under the current directory is made relative to it;
//! - any other absolute path (`/etc/sysctl.conf`) is kept as an absolute
//!   `file://` URI, without `uriBaseId`: code scanning cannot show it in the
//!   repository, but the finding is not lost.
//!
//! Characters that are not allowed in a URI path are percent-encoded (UTF-8).
//!
//! Regions are 1-based; columns count Unicode code points (`columnKind:
//! "unicodeCodePoints"`) as everywhere in sysctl-lint, and `endColumn` is
//! exclusive. A file-level finding (an empty span at offset 0, e.g. SL100 for an
//! input that could not be read) gets `region: {startLine: 1}`.
//!
//! Fingerprints (`partialFingerprints["sysctlLint/v1"]`, also used by the GitLab
//! report) identify a finding across runs without line numbers: see
//! [`fingerprints`].

use std::path::Path;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::FileData;
use crate::rules::{self, RuleDoc};

/// The `id` of the OASIS schema (a name; nothing is fetched).
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
pub const SARIF_VERSION: &str = "2.1.0";
/// The key of our fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "sysctlLint/v1";
const SRCROOT: &str = "%SRCROOT%";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    /// `%SRCROOT%`: the directory relative `uri`s are relative to (the current
    /// directory, where CI runs the tool from the repository root).
    #[serde(skip_serializing_if = "Option::is_none")]
    original_uri_base_ids: Option<std::collections::BTreeMap<&'static str, BaseUri>>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct BaseUri {
    uri: String,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<ReportingDescriptor<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor<'a> {
    id: &'a str,
    name: &'a str,
    short_description: Text<'a>,
    full_description: Text<'a>,
    help: Help<'a>,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Help<'a> {
    text: &'a str,
    markdown: &'a str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: Fingerprints,
    /// `group` for a finding that shares its cause with others in its file (the
    /// JSON report's `group`), `messageLocalized` when the run's language is not
    /// English; absent when neither applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<ResultProperties>,
}

/// A result's property bag.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultProperties {
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    /// The message in the run's language (`--lang`) when it is not English
    /// (`message.text` stays English).
    #[serde(skip_serializing_if = "Option::is_none")]
    message_localized: Option<String>,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "sysctlLint/v1")]
    v1: String,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
}

/// SARIF `level` of a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Tags for a rule, from its code's family.
fn tags(doc: &RuleDoc) -> Vec<&'static str> {
    let family = match doc.code.get(2..3) {
        Some("1") => "syntax",
        Some("2") => "keys",
        Some("3") => "values",
        Some("4") => "duplicates",
        Some("5") => "networking",
        Some("6") => "memory",
        Some("7") => "profile",
        Some("8") => "audit",
        _ => "other",
    };
    vec!["sysctl", family]
}

/// A path as given, made repository-relative where possible (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArtifactPath {
    /// Relative to the repository root (`/`-separated, not percent-encoded).
    Relative(String),
    /// An absolute path outside the current directory (`/`-separated).
    Absolute(String),
}

impl ArtifactPath {
    /// The path for reports that take a plain path (GitHub, GitLab).
    pub fn as_path(&self) -> &str {
        match self {
            ArtifactPath::Relative(p) | ArtifactPath::Absolute(p) => p,
        }
    }

    /// The SARIF `uri` (percent-encoded) and `uriBaseId`.
    pub fn uri(&self) -> (String, Option<&'static str>) {
        match self {
            ArtifactPath::Relative(p) => (percent_encode(p, false), Some(SRCROOT)),
            ArtifactPath::Absolute(p) => {
                let slash = if p.starts_with('/') { "" } else { "/" };
                (format!("file://{slash}{}", percent_encode(p, true)), None)
            }
        }
    }
}

fn is_absolute(p: &str) -> bool {
    let b = p.as_bytes();
    p.starts_with('/')
        || (b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'/')
}

fn strip_dot_slash(mut p: &str) -> &str {
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.trim_start_matches('/');
    }
    p
}

/// Normalise a path as given: `\` -> `/`, no leading `./`, absolute paths under
/// `cwd` made relative to it.
pub fn artifact_path(name: &str, cwd: Option<&Path>) -> ArtifactPath {
    let p = name.replace('\\', "/");
    if !is_absolute(&p) {
        return ArtifactPath::Relative(strip_dot_slash(&p).to_owned());
    }
    if let Some(cwd) = cwd {
        let root = cwd.to_string_lossy().replace('\\', "/");
        let root = root.trim_end_matches('/');
        if let Some(rest) = p.strip_prefix(root).and_then(|r| r.strip_prefix('/')) {
            let rest = strip_dot_slash(rest.trim_start_matches('/'));
            if !rest.is_empty() {
                return ArtifactPath::Relative(rest.to_owned());
            }
        }
    }
    ArtifactPath::Absolute(p)
}

/// Percent-encode everything but unreserved characters, sub-delimiters, `/` and
/// `@` (and `:` in an absolute path; in a relative one it would read as a scheme).
fn percent_encode(p: &str, allow_colon: bool) -> String {
    let mut out = String::with_capacity(p.len());
    for b in p.bytes() {
        let keep = b.is_ascii_alphanumeric()
            || b"-._~!$&'()*+,;=/@".contains(&b)
            || (allow_colon && b == b':');
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// FNV-1a, 64 bits: a hash that is the same on every platform, build and run
/// (std's `DefaultHasher` is not).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A stable fingerprint for each diagnostic (16 hex digits), from the code, the
/// repository-relative path and the key, never the line number: moving a line
/// keeps its findings' fingerprints. Without a key (a syntax error) the trimmed
/// text of the finding's line stands in for it. When several findings share all
/// of these (a key set three times), the second and later get their ordinal
/// (`#2`, `#3`) so that no two findings in one report share a fingerprint.
pub fn fingerprints(files: &[FileData], diags: &[Diagnostic], cwd: Option<&Path>) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    diags
        .iter()
        .map(|d| {
            let f = &files[d.file];
            let path = super::artifact(f, cwd);
            let subject = match &d.key {
                Some(k) => format!("key:{k}"),
                None => {
                    let start = f
                        .source
                        .floor_char_boundary(d.span.start.min(f.source.text.len()));
                    let line = f.source.line_index(start);
                    let text = &f.source.text[f.source.line_start(line)..];
                    let text = text.split('\n').next().unwrap_or("");
                    format!("line:{}", text.trim())
                }
            };
            let mut base = format!("{}\0{}\0{subject}", d.code, path.as_path());
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                base.push_str(&format!("\0#{n}"));
            }
            format!("{:016x}", fnv1a64(base.as_bytes()))
        })
        .collect()
}

/// The message with the help after it, for formats with one text field.
pub fn message_with_help(d: &Diagnostic) -> String {
    let mut text = d.message.clone();
    for part in [&d.note, &d.help].into_iter().flatten() {
        text.push('\n');
        text.push_str(part);
    }
    text
}

/// The message with the note and help after it, in the run's language.
pub fn message_with_help_shown(d: &Diagnostic) -> String {
    let mut text = d.message_shown().to_owned();
    for part in [d.note_shown(), d.help_shown()].into_iter().flatten() {
        text.push('\n');
        text.push_str(part);
    }
    text
}

/// 1-based (line, column) of both ends of a span, the end exclusive; a non-empty
/// span that ends just after a newline ends at the end of its last line instead of
/// column 1 of the next (for formats that show line ranges).
pub fn line_span(
    file: &FileData,
    span: &std::ops::Range<usize>,
) -> ((usize, usize), (usize, usize)) {
    let (start, (end_line, end_col)) = super::location(file, span);
    if !span.is_empty() && end_col == 1 && end_line > start.0 {
        // The newline itself: the end of the last line, exclusive.
        return (start, file.source.position(span.end - 1));
    }
    (start, (end_line, end_col))
}

fn region(file: &FileData, span: &std::ops::Range<usize>) -> Region {
    if span.is_empty() && span.start == 0 {
        return Region {
            start_line: 1,
            start_column: None,
            end_line: None,
            end_column: None,
        };
    }
    let ((line, col), (end_line, end_col)) = super::location(file, span);
    Region {
        start_line: line,
        start_column: Some(col),
        end_line: Some(end_line),
        end_column: Some(end_col),
    }
}

fn physical(
    file: &FileData,
    span: &std::ops::Range<usize>,
    cwd: Option<&Path>,
) -> PhysicalLocation {
    let (uri, uri_base_id) = super::artifact(file, cwd).uri();
    PhysicalLocation {
        artifact_location: ArtifactLocation { uri, uri_base_id },
        region: region(file, span),
    }
}

/// SARIF with paths made relative to `cwd` where they are under it (see the module
/// docs); `None` leaves absolute paths absolute.
pub fn render_with_cwd(files: &[FileData], diags: &[Diagnostic], cwd: Option<&Path>) -> String {
    let docs = rules::docs();
    let rules = docs
        .iter()
        .map(|doc| ReportingDescriptor {
            id: doc.code,
            name: doc.name,
            short_description: Text { text: doc.summary },
            full_description: Text { text: doc.summary },
            help: Help {
                text: doc.body,
                markdown: doc.body,
            },
            default_configuration: Configuration {
                level: level(doc.severity),
            },
            properties: RuleProperties { tags: tags(doc) },
        })
        .collect();
    let prints = fingerprints(files, diags, cwd);
    let groups = super::group::ids(files, diags);
    let results = diags
        .iter()
        .zip(prints)
        .zip(groups)
        .map(|((d, print), group)| {
            let f = &files[d.file];
            SarifResult {
                rule_id: d.code,
                rule_index: docs.iter().position(|doc| doc.code == d.code),
                level: level(d.severity),
                message: Message {
                    text: message_with_help(d),
                },
                locations: vec![Location {
                    id: None,
                    physical_location: physical(f, &d.span, cwd),
                    message: None,
                }],
                related_locations: d
                    .labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| Location {
                        id: Some(i + 1),
                        physical_location: physical(&files[l.file], &l.span, cwd),
                        message: Some(Message {
                            text: l.message.clone(),
                        }),
                    })
                    .collect(),
                partial_fingerprints: Fingerprints { v1: print },
                properties: (group.is_some() || d.localized.is_some()).then(|| ResultProperties {
                    group,
                    message_localized: d.localized.is_some().then(|| message_with_help_shown(d)),
                }),
            }
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: SARIF_VERSION,
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: env!("CARGO_PKG_NAME"),
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            original_uri_base_ids: cwd.map(|c| {
                let dir = c.to_string_lossy().replace('\\', "/");
                let dir = dir.trim_end_matches('/');
                let slash = if dir.starts_with('/') { "" } else { "/" };
                std::collections::BTreeMap::from([(
                    SRCROOT,
                    BaseUri {
                        uri: format!("file://{slash}{}/", percent_encode(dir, true)),
                    },
                )])
            }),
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

/// SARIF, with absolute paths under the current directory made relative to it.
pub fn render(files: &[FileData], diags: &[Diagnostic]) -> String {
    let cwd = std::env::current_dir().ok();
    render_with_cwd(files, diags, cwd.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        let cwd = Some(Path::new("/repo"));
        let rel = |s: &str| ArtifactPath::Relative(s.to_owned());
        assert_eq!(artifact_path("./a.conf", cwd), rel("a.conf"));
        assert_eq!(
            artifact_path(".\\sysctl.d\\a.conf", cwd),
            rel("sysctl.d/a.conf")
        );
        assert_eq!(artifact_path("/repo/etc/a.conf", cwd), rel("etc/a.conf"));
        assert_eq!(
            artifact_path("/repository/a.conf", cwd),
            ArtifactPath::Absolute("/repository/a.conf".into())
        );
        assert_eq!(
            artifact_path("/etc/sysctl.conf", cwd).uri(),
            ("file:///etc/sysctl.conf".to_owned(), None)
        );
        assert_eq!(
            artifact_path("C:\\x\\a b.conf", None).uri(),
            ("file:///C:/x/a%20b.conf".to_owned(), None)
        );
        assert_eq!(
            artifact_path("a:b#c.conf", None).uri(),
            ("a%3Ab%23c.conf".to_owned(), Some(SRCROOT))
        );
    }

    #[test]
    fn fnv_known_values() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
