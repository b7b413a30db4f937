//! `sysctl-lint server`: the language server on standard input and output.

use std::process::ExitCode;

use super::{usage_error, EXIT_FINDINGS};

pub(super) fn run() -> ExitCode {
    match sysctl_lint::server::run_stdio() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(EXIT_FINDINGS),
        Err(e) => usage_error(sysctl_lint::i18n::tr(
            "cli-server-failed",
            &[("error", (&e.to_string()).into())],
        )),
    }
}
