//! `sysctl-lint explain`: a rule's documentation.

use std::process::ExitCode;

use sysctl_lint::rules;

use super::{emit, EXIT_ERROR};

pub(super) fn run(rule: &str) -> ExitCode {
    match rules::doc(rule) {
        Some(d) => emit(&format!(
            "{}\nDefault severity: {}\n",
            d.body.trim_end(),
            d.severity
        )),
        None => {
            let names: Vec<&str> = rules::docs()
                .iter()
                .flat_map(|d| [d.code, d.name])
                .collect();
            let close = names
                .iter()
                .filter(|n| strsim::jaro_winkler(&n.to_lowercase(), &rule.to_lowercase()) > 0.8)
                .max_by(|a, b| {
                    strsim::jaro_winkler(a, rule).total_cmp(&strsim::jaro_winkler(b, rule))
                });
            match close {
                Some(c) => eprintln!("sysctl-lint: no rule `{rule}`; did you mean `{c}`? (`sysctl-lint rules` lists them all)"),
                None => eprintln!("sysctl-lint: no rule `{rule}` (`sysctl-lint rules` lists them all)"),
            }
            ExitCode::from(EXIT_ERROR)
        }
    }
}
