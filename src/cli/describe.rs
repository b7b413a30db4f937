//! `sysctl-lint describe`: a key from the catalogue.

use std::process::ExitCode;

use sysctl_lint::describe;

use super::{emit, usage_error, ListFormat};

pub(super) fn run(key: &str, format: ListFormat) -> ExitCode {
    match describe::describe(key) {
        Ok(d) => emit(&match format {
            ListFormat::Human => describe::render_human(&d),
            ListFormat::Json => {
                let mut s =
                    serde_json::to_string_pretty(&describe::to_json(&d)).unwrap_or_default();
                s.push('\n');
                s
            }
        }),
        Err(suggestions) if suggestions.is_empty() => usage_error(sysctl_lint::i18n::tr(
            "describe-unknown-key",
            &[("key", key.into())],
        )),
        Err(suggestions) => usage_error(sysctl_lint::i18n::tr(
            "describe-unknown-key-suggest",
            &[
                ("key", key.into()),
                ("suggestions", (&suggestions.join(", ")).into()),
            ],
        )),
    }
}
