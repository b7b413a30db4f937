//! Report formats. Each renders the same findings; none decides anything.

pub mod audit;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod sarif;
pub mod short;

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

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `2 errors, 1 warning and 3 infos in 1 file`.
/// The path the machine formats (short, JSON, SARIF, GitHub, GitLab) give a
/// file: under `--root`, the tree's own file, relative to the current directory
/// when it is below it (`image/etc/sysctl.d/10-a.conf`), so that repository tools
/// find it; otherwise the name as given.
pub fn machine_path(f: &FileData) -> std::borrow::Cow<'_, str> {
    match &f.source.location {
        Some(location) => {
            let cwd = std::env::current_dir().ok();
            std::borrow::Cow::Owned(
                sarif::artifact_path(location, cwd.as_deref())
                    .as_path()
                    .to_owned(),
            )
        }
        None => std::borrow::Cow::Borrowed(&f.source.name),
    }
}

/// The boot path of a file whose machine path differs from it (under
/// `--root`), for reports that give both.
pub fn boot_path(f: &FileData) -> Option<&str> {
    let shown = machine_path(f);
    (shown != f.source.name).then_some(f.source.name.as_str())
}

pub fn summary_line(counts: Counts, files: usize) -> String {
    if counts == Counts::default() {
        return format!("No problems found in {}.", plural(files, "file"));
    }
    format!(
        "Found {}, {} and {} in {}.",
        plural(counts.errors, "error"),
        plural(counts.warnings, "warning"),
        plural(counts.infos, "info"),
        plural(files, "file")
    )
}
