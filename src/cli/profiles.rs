//! `sysctl-lint profiles`: the hardening profiles, or the checks of one.

use std::process::ExitCode;

use super::{emit, usage_error};

pub(super) fn run(name: Option<&str>) -> ExitCode {
    use sysctl_lint::profile;
    let Some(name) = name else {
        let width = profile::all()
            .iter()
            .map(|p| p.name.len())
            .max()
            .unwrap_or(0);
        let text: String = profile::all()
            .iter()
            .map(|p| {
                format!(
                    "{:width$}  {} ({})\n",
                    p.name,
                    p.description,
                    sysctl_lint::i18n::tr("profiles-checks", &[("count", p.checks.len().into())])
                )
            })
            .collect();
        return emit(&text);
    };
    let Some(p) = profile::find(name) else {
        return usage_error(sysctl_lint::i18n::tr(
            "profiles-unknown",
            &[
                ("name", name.into()),
                ("available", (&profile::names().join(", ")).into()),
            ],
        ));
    };
    let mut text = format!("{}: {}\n\n", p.name, p.description);
    for c in &p.checks {
        text.push_str(&format!("{} {}\n    {}\n", c.key, c.expect, c.rationale));
        if !c.sources.is_empty() {
            text.push_str(&format!(
                "    {}\n",
                sysctl_lint::i18n::tr(
                    "profiles-sources",
                    &[("sources", (&c.sources.join("; ")).into())]
                )
            ));
        }
    }
    emit(&text)
}
