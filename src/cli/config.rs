//! `sysctl-lint config`: the resolved settings of .sysctl-lint.toml.

use std::path::Path;
use std::process::ExitCode;

use sysctl_lint::config;

use super::{emit, load_config};

pub(super) fn run(path: Option<&Path>) -> ExitCode {
    match load_config(path, false) {
        Ok((path, cfg)) => {
            let mut text = match path {
                Some(_) => cfg.show(),
                None => format!("# no {} found: defaults\n{}", config::FILE_NAME, cfg.show()),
            };
            if !text.ends_with('\n') {
                text.push('\n');
            }
            emit(&text)
        }
        Err(code) => code,
    }
}
