//! `sysctl-lint rules`: every rule with its code, name, default severity and summary.

use std::process::ExitCode;

use sysctl_lint::{i18n, rules, text};

use super::{emit, RulesFormat};

pub(super) fn run(format: RulesFormat) -> ExitCode {
    let docs = rules::docs();
    let text = match format {
        RulesFormat::Json => {
            let rows: Vec<_> = docs
                .iter()
                .map(|d| {
                    let mut row = serde_json::json!({
                        "code": d.code,
                        "name": d.name,
                        "severity": d.severity.as_str(),
                        "summary": d.summary,
                    });
                    if i18n::lang() != i18n::Lang::En {
                        row["summary_localized"] = d.summary_localized().into();
                    }
                    row
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&rows).unwrap_or_default();
            s.push('\n');
            s
        }
        RulesFormat::Markdown => {
            let cell = |s: &str| s.replace('|', "\\|");
            let mut s = i18n::tr("rules-markdown-header", &[]);
            s.push_str("\n|------|------|----------|---------|\n");
            for d in docs {
                s.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    d.code,
                    d.name,
                    i18n::severity(d.severity),
                    cell(d.summary_localized())
                ));
            }
            s
        }
        RulesFormat::Human => {
            let width = docs.iter().map(|d| d.name.len()).max().unwrap_or(0);
            let words: Vec<String> = docs.iter().map(|d| i18n::severity(d.severity)).collect();
            let sev_width = words.iter().map(|w| text::width(w)).max().unwrap_or(0);
            let mut s = String::new();
            for (d, word) in docs.iter().zip(&words) {
                let pad = " ".repeat(sev_width - text::width(word));
                s.push_str(&format!(
                    "{}  {:width$}  {word}{pad}  {}\n",
                    d.code,
                    d.name,
                    d.summary_localized()
                ));
            }
            s
        }
    };
    emit(&text)
}
