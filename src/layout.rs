//! `check --root DIR`: a whole system's configuration, read as its boot-time loader
//! reads it (`crate::system`), turned into files to lint plus the findings about the
//! layout itself: masked files (SL404), files in sysctl.d that are never read
//! (SL405) and package updates waiting to be merged (SL406). A `README*` there is
//! the directory's documentation (Debian ships `/etc/sysctl.d/README.sysctl`,
//! systemd `/usr/lib/sysctl.d/README`): neither a finding nor a file to report.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::FileData;
use crate::source::SourceFile;
use crate::system::{self, Loader, SkipReason};

/// A system tree ready to lint.
pub struct Layout {
    pub loader: Loader,
    /// Whether the loader was detected (not given with `--loader`).
    pub detected: bool,
    /// The files the loader applies, in order, followed by one empty entry per
    /// skipped file (so that findings about it have a file to point at).
    pub files: Vec<FileData>,
    /// How many of `files` the loader applies.
    pub applied: usize,
    /// Findings about the layout (SL404, SL405, SL406).
    pub diagnostics: Vec<Diagnostic>,
}

pub fn load(root: &Path, loader: Option<Loader>) -> Layout {
    load_excluding(root, loader, &crate::input::Exclude::default())
}

/// [`load`] without the files `exclude` matches (by boot path; see
/// [`system::load_excluding`]).
pub fn load_excluding(
    root: &Path,
    loader: Option<Loader>,
    exclude: &crate::input::Exclude,
) -> Layout {
    let detected = loader.is_none();
    let loader = loader.unwrap_or_else(|| system::detect_loader(root));
    let sys = system::load_excluding(root, loader, exclude);
    let mut files = sys.files;
    let applied = files.len();
    let mut diagnostics = Vec::new();
    for skipped in &sys.skipped {
        if skipped.reason == SkipReason::Documentation {
            continue;
        }
        let index = files.len();
        let mut source = SourceFile::new(skipped.path.clone(), Vec::new());
        let rel = skipped.path.trim_start_matches('/');
        source.location = Some(crate::escape::escape_path(&root.join(rel)).into_owned());
        files.push(FileData::new(source));
        let by = skipped
            .by
            .as_deref()
            .map(|b| format!(" ({b})"))
            .unwrap_or_default();
        let (code, severity, message, help) = match skipped.reason {
            SkipReason::MaskedBy | SkipReason::MaskedByDevNull | SkipReason::MaskedByEmptyFile => (
                "SL404",
                Severity::Info,
                format!("`{}` is never applied: {}{by}", skipped.path, skipped.reason.describe()),
                "nothing to do if the mask is intended; to change one setting, add a later drop-in instead of masking the whole file",
            ),
            SkipReason::PendingPackageUpdate => (
                "SL406",
                Severity::Warning,
                format!(
                    "`{}` is a package's new version of a configuration file, waiting to be merged: {}",
                    skipped.path,
                    skipped.reason.describe()
                ),
                "compare it with the file in use, merge what you want to keep, and delete it",
            ),
            SkipReason::NotReadViaSystemd => (
                "SL405",
                Severity::Warning,
                format!("`{}` is {}: its settings are not applied at boot", skipped.path, skipped.reason.describe()),
                "link it from /etc/sysctl.d (`ln -s ../sysctl.conf /etc/sysctl.d/99-sysctl.conf`) or move its settings to a drop-in",
            ),
            _ => (
                "SL405",
                Severity::Info,
                format!("`{}` is {}", skipped.path, skipped.reason.describe()),
                "rename it to end in .conf if it should apply, or move it out of the sysctl.d directory",
            ),
        };
        diagnostics.push(
            Diagnostic::new(code, index, 0..0, message)
                .severity(severity)
                .help(help),
        );
    }
    Layout {
        loader,
        detected,
        files,
        applied,
        diagnostics,
    }
}
