//! Report formats. Each renders the same findings; none decides anything.

pub mod audit;
pub mod github;
pub mod gitlab;
pub mod group;
pub mod html;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod prometheus;
pub mod sarif;
pub mod short;
pub mod statistics;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::FileData;

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    pub fn of<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>) -> Counts {
        let mut c = Counts::default();
        for d in diags {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }
}

/// 1-based line and column (in characters) of both ends of a span.
pub fn location(
    file: &FileData,
    span: &std::ops::Range<usize>,
) -> ((usize, usize), (usize, usize)) {
    (
        file.source.position(span.start),
        file.source.position(span.end),
    )
}

/// The path the machine formats (short, JSON, SARIF, GitHub, GitLab) give a
/// file: under `--root`, the tree's own file, relative to the current directory
/// when it is below it (`image/etc/sysctl.d/10-a.conf`), so that repository tools
/// find it; otherwise the name as given.
pub fn machine_path(f: &FileData) -> std::borrow::Cow<'_, str> {
    let cwd = std::env::current_dir().ok();
    match artifact(f, cwd.as_deref()) {
        sarif::ArtifactPath::Relative(p) | sarif::ArtifactPath::Absolute(p)
            if f.source.location.is_some() =>
        {
            std::borrow::Cow::Owned(p)
        }
        _ => std::borrow::Cow::Borrowed(&f.source.name),
    }
}

/// A file as SARIF, GitHub and GitLab name it: under `--root`, the tree's own
/// file (below `cwd`: relative to it; its escaped name is kept as it is); else
/// the name as given, normalised by [`sarif::artifact_path`].
pub fn artifact(f: &FileData, cwd: Option<&std::path::Path>) -> sarif::ArtifactPath {
    let Some(location) = &f.source.location else {
        return sarif::artifact_path(&f.source.name, cwd);
    };
    let mut p = location.as_str();
    if let Some(cwd) = cwd {
        let dir = cwd.to_string_lossy();
        let dir = dir.trim_end_matches('/');
        if let Some(rest) = p.strip_prefix(dir).and_then(|r| r.strip_prefix('/')) {
            p = rest;
        }
    }
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    if p.starts_with('/') {
        sarif::ArtifactPath::Absolute(p.to_owned())
    } else {
        sarif::ArtifactPath::Relative(p.to_owned())
    }
}

/// The boot path of a file whose machine path differs from it (under
/// `--root`), for reports that give both.
pub fn boot_path(f: &FileData) -> Option<&str> {
    let shown = machine_path(f);
    (shown != f.source.name).then_some(f.source.name.as_str())
}

/// `Found 1 error, 2 warnings and 0 infos in 1 file.` (or `No problems found in
/// 1 file.`), in the run's language.
/// The summary line of a fleet audit: [`summary_line`] with how many of its
/// hosts have findings, one sentence in the run's language.
pub fn fleet_summary_line(counts: Counts, files: usize, with: usize, hosts: usize) -> String {
    let line = summary_line(counts, files);
    let summary = line.trim_end_matches(['.', '。']);
    crate::i18n::tr(
        "audit-fleet-summary",
        &[
            ("summary", summary.into()),
            ("with", with.into()),
            ("hosts", hosts.into()),
        ],
    )
}

pub fn summary_line(counts: Counts, files: usize) -> String {
    summary_line_shown(counts, files, None)
}

/// The summary line; with `shown`, how many diagnostics were shown once
/// repeats were grouped (when fewer than the findings).
pub fn summary_line_shown(counts: Counts, files: usize, shown: Option<usize>) -> String {
    use crate::i18n::tr;
    if counts == Counts::default() {
        return tr("out-summary-clean", &[("files", files.into())]);
    }
    let mut args = vec![
        ("errors", counts.errors.into()),
        ("warnings", counts.warnings.into()),
        ("infos", counts.infos.into()),
        ("files", files.into()),
    ];
    match shown {
        Some(n) => {
            args.push(("shown", n.into()));
            tr("out-summary-grouped", &args)
        }
        None => tr("out-summary", &args),
    }
}
