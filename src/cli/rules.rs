//! `sysctl-lint rules`: every rule with its code, name, default severity and summary.

use std::process::ExitCode;

use sysctl_lint::rules;

use super::{emit, RulesFormat};

pub(super) fn run(format: RulesFormat) -> ExitCode {
    let docs = rules::docs();
    let text = match format {
        RulesFormat::Json => {
            let rows: Vec<_> = docs
                .iter()
                .map(|d| {
                    serde_json::json!({
                        "code": d.code,
                        "name": d.name,
                        "severity": d.severity.as_str(),
                        "summary": d.summary,
                    })
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&rows).unwrap_or_default();
            s.push('\n');
            s
        }
        RulesFormat::Markdown => {
            let cell = |s: &str| s.replace('|', "\\|");
            let mut s = String::from(
                "| Code | Name | Severity | Summary |\n|------|------|----------|---------|\n",
            );
            for d in docs {
                s.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    d.code,
                    d.name,
                    d.severity.as_str(),
                    cell(d.summary)
                ));
            }
            s
        }
        RulesFormat::Human => {
            let width = docs.iter().map(|d| d.name.len()).max().unwrap_or(0);
            let mut s = String::new();
            for d in docs {
                s.push_str(&format!(
                    "{}  {:width$}  {:7}  {}\n",
                    d.code,
                    d.name,
                    d.severity.as_str(),
                    d.summary
                ));
            }
            s
        }
    };
    emit(&text)
}
