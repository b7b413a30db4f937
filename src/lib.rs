//! sysctl-lint: a linter for Linux sysctl configuration (`sysctl.conf`, `sysctl.d`).
//!
//! The library reads, parses and checks; it never prints. The binary (`main.rs`,
//! `cli/`) parses arguments, picks a report format and sets the exit code.

#![warn(clippy::print_stdout, clippy::print_stderr)]

/// Defines `fn $name(steps: usize)`, which counts steps of work into the
/// thread-local `$counter` in test builds (and does nothing otherwise): tests of
/// linear paths run two input sizes and compare the counts, never times.
macro_rules! work_counter {
    ($(#[$doc:meta])* $name:ident, $counter:ident) => {
        $(#[$doc])*
        #[inline]
        fn $name(steps: usize) {
            #[cfg(test)]
            $counter.with(|w| w.set(w.get() + steps));
            let _ = steps;
        }

        #[cfg(test)]
        thread_local! {
            pub(crate) static $counter: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        }
    };
}

pub mod audit;
pub mod baseline;
pub mod catalog;
mod catalogue_path;
pub mod codes;
pub mod config;
pub mod describe;
pub mod diagnostic;
pub mod effective;
pub mod escape;
pub mod fix;
pub mod fsroot;
pub mod i18n;
pub mod input;
pub mod key;
pub mod knowledge;
pub mod layout;
pub mod lint;
pub mod profile;
pub mod report;
pub mod rules;
pub mod server;
pub mod sockets;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod syntax;
pub mod system;
pub mod text;
pub mod units;
pub mod value;
pub mod version;

pub use diagnostic::{Diagnostic, Severity};
pub use lint::{lint, FileData, Options};
pub use source::SourceFile;
pub use version::KernelVersion;

/// Lint files that form one configuration, then honour the inline suppressions
/// (`# sysctl-lint: disable=...`): the full result of `sysctl-lint check` before
/// the project configuration and baseline filter it.
pub fn check(files: &[FileData], options: &Options) -> Vec<Diagnostic> {
    let mut diags = lint(files, options);
    let unused = suppress::apply_skipping(files, &mut diags, &options.skip);
    diags.extend(unused);
    diags.sort_by(|a, b| {
        (a.file, a.span.start, a.code, a.span.end).cmp(&(b.file, b.span.start, b.code, b.span.end))
    });
    diags
}

/// Check one in-memory file on its own (the entry point for tests and editors).
pub fn lint_source(
    name: &str,
    bytes: &[u8],
    options: &Options,
) -> (Vec<FileData>, Vec<Diagnostic>) {
    let files = vec![FileData::new(SourceFile::new(name, bytes.to_vec()))];
    let diags = check(&files, options);
    (files, diags)
}

/// The options a project configuration asks for: `kernel` (a version or
/// `running`, default [`version::DEFAULT_KERNEL`]), `profile`, `known-keys` and
/// `listening-ports`. (`check` lets its flags override these; the language server
/// takes them as they are.)
pub fn options_from_config(config: &config::Config) -> Result<Options, String> {
    let kernel = match config.kernel.as_deref() {
        Some("running") => {
            KernelVersion::running().map_err(|e| format!("kernel = \"running\": {e}"))?
        }
        Some(k) => KernelVersion::parse_lenient(k).map_err(|e| format!("kernel: {e}"))?,
        None => KernelVersion::default(),
    };
    let profile = match &config.profile {
        Some(name) => {
            Some(profile::find(name).ok_or_else(|| format!("profile: no profile `{name}`"))?)
        }
        None => None,
    };
    Ok(Options {
        kernel,
        profile,
        known_keys: config.known_keys().to_vec(),
        listening_ports: config.listening_ports().to_vec(),
        ..Options::default()
    })
}

/// Check one in-memory file as `sysctl-lint check` reports it in a project:
/// [`check`] (rules and inline suppressions), then the configuration's `select`,
/// `ignore`, `[per-file-ignores]` (matched against `name`) and `[severity]`.
pub fn check_source_with_config(
    name: &str,
    bytes: &[u8],
    options: &Options,
    config: &config::Config,
) -> (Vec<FileData>, Vec<Diagnostic>) {
    let (files, mut diags) = lint_source(name, bytes, options);
    config.apply(&mut diags, &files);
    (files, diags)
}
