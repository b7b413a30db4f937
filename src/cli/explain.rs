//! `sysctl-lint explain`: a rule's documentation.

use std::process::ExitCode;

use sysctl_lint::rules;

use super::{emit, EXIT_ERROR};

/// The pages of `rules` (codes or names), or of every rule with `all`,
/// separated by a blank line. An unknown rule is an error (2) and nothing is
/// printed.
pub(super) fn run(names: &[String], all: bool) -> ExitCode {
    let docs: Vec<&rules::RuleDoc> = if all {
        rules::docs().iter().collect()
    } else {
        let mut found = Vec::new();
        let mut unknown = false;
        for name in names {
            match rules::doc(name) {
                Some(d) => found.push(d),
                None => {
                    unknown = true;
                    not_found(name);
                }
            }
        }
        if unknown {
            return ExitCode::from(EXIT_ERROR);
        }
        found
    };
    let pages: Vec<String> = docs
        .iter()
        .map(|d| format!("{}\nDefault severity: {}\n", d.body.trim_end(), d.severity))
        .collect();
    emit(&pages.join("\n"))
}

/// `no rule X; did you mean Y?` on standard error.
fn not_found(rule: &str) {
    let names: Vec<&str> = rules::docs()
        .iter()
        .flat_map(|d| [d.code, d.name])
        .collect();
    let close = names
        .iter()
        .filter(|n| strsim::jaro_winkler(&n.to_lowercase(), &rule.to_lowercase()) > 0.8)
        .max_by(|a, b| strsim::jaro_winkler(a, rule).total_cmp(&strsim::jaro_winkler(b, rule)));
    match close {
        Some(c) => eprintln!(
            "sysctl-lint: no rule `{rule}`; did you mean `{c}`? (`sysctl-lint rules` lists them all)"
        ),
        None => eprintln!("sysctl-lint: no rule `{rule}` (`sysctl-lint rules` lists them all)"),
    }
}
