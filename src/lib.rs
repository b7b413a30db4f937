//! sysctl-lint: a linter for Linux sysctl configuration (`sysctl.conf`, `sysctl.d`).
//!
//! The library reads, parses and checks; it never prints. The binary (`main.rs`,
//! `cli.rs`) parses arguments, picks a report format and sets the exit code.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod catalog;
pub mod describe;
pub mod diagnostic;
pub mod effective;
pub mod input;
pub mod key;
pub mod layout;
pub mod lint;
pub mod profile;
pub mod report;
pub mod rules;
pub mod source;
pub mod syntax;
pub mod system;
pub mod units;
pub mod value;
pub mod version;

pub use diagnostic::{Diagnostic, Severity};
pub use lint::{lint, FileData, Options};
pub use source::SourceFile;
pub use version::KernelVersion;

/// Lint one in-memory file on its own (the entry point for tests and editors).
pub fn lint_source(
    name: &str,
    bytes: &[u8],
    options: &Options,
) -> (Vec<FileData>, Vec<Diagnostic>) {
    let files = vec![FileData::new(SourceFile::new(name, bytes.to_vec()))];
    let diags = lint(&files, options);
    (files, diags)
}
