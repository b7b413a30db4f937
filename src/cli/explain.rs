//! `sysctl-lint explain`: a rule's documentation.

use std::process::ExitCode;

use sysctl_lint::{i18n, rules};

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
    let pages: Vec<String> = docs.iter().map(|d| page(d)).collect();
    emit(&pages.join("\n"))
}

/// A rule's page in the language of this run (the English page, said so, where
/// it has no translation), then its default severity.
fn page(d: &rules::RuleDoc) -> String {
    let (body, translated) = d.body_localized();
    let mut s = String::new();
    if !translated && i18n::lang() != i18n::Lang::En {
        s.push_str(&i18n::tr("explain-untranslated", &[]));
        s.push_str("\n\n");
    }
    s.push_str(body.trim_end());
    s.push('\n');
    s.push_str(&i18n::tr(
        "explain-default-severity",
        &[("severity", i18n::severity(d.severity).as_str().into())],
    ));
    s.push('\n');
    s
}

/// `no rule X; did you mean Y?` on standard error.
fn not_found(rule: &str) {
    let close = sysctl_lint::config::did_you_mean(
        rule,
        rules::docs().iter().flat_map(|d| [d.code, d.name]),
    );
    let message = match close {
        Some(c) => i18n::tr(
            "explain-unknown-rule-suggest",
            &[("rule", rule.into()), ("suggestion", c.into())],
        ),
        None => i18n::tr("explain-unknown-rule", &[("rule", rule.into())]),
    };
    eprintln!(
        "sysctl-lint: {}",
        sysctl_lint::escape::escape_controls(&message)
    );
}
