//! The rule registry: one file per rule, one row per rule in [`RULES`], and the
//! metadata (name, default severity, summary, documentation) from the rule's page in
//! `rules/docs/<CODE>.md`, which `build.rs` embeds.

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::{Context, FileData, LineContext};

mod sl101_missing_equals;
mod sl102_empty_key;
mod sl103_empty_value;
mod sl104_double_equals;
mod sl105_shell_command;
mod sl106_quoted_value;
mod sl107_byte_order_mark;
mod sl108_control_character;
mod sl109_invalid_utf8;
mod sl110_semicolon_comment;
mod sl111_whitespace_in_key;
mod sl112_repeated_separator;
mod sl113_path_traversal;
mod sl114_line_continuation;
mod sl201_unknown_key;
mod sl202_removed_key;
mod sl203_key_too_new;
mod sl204_read_only_key;
mod sl301_invalid_value;
mod sl302_value_out_of_range;
mod sl303_extra_values;
mod sl304_missing_values;
mod sl305_inline_comment;
mod sl401_duplicate_key;
mod sl402_redundant_duplicate;
pub(crate) mod values;

/// A rule's documentation page and metadata (from `rules/docs/<CODE>.md`).
#[derive(Debug)]
pub struct RuleDoc {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    /// The Markdown page, without its front matter.
    pub body: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));

/// How a rule is run.
#[derive(Clone, Copy)]
pub enum Check {
    /// Called for every line of every file.
    Line(fn(&LineContext<'_>, &mut Vec<Diagnostic>)),
    /// Called once per file, with the whole configuration in view.
    File(fn(&Context<'_>, usize, &mut Vec<Diagnostic>)),
    /// Reported by the input reader, not by a check.
    Input,
}

/// A registered rule.
pub struct Rule {
    pub code: &'static str,
    pub check: Check,
    /// Codes that this rule makes redundant on the same line (a pasted shell
    /// command is not also an unknown key with whitespace in it).
    pub supersedes: &'static [&'static str],
}

/// Every rule, in code order. Adding a rule: a file, a row here, a doc page.
pub static RULES: &[Rule] = &[
    Rule {
        code: "SL100",
        check: Check::Input,
        supersedes: &[],
    },
    sl101_missing_equals::RULE,
    sl102_empty_key::RULE,
    sl103_empty_value::RULE,
    sl104_double_equals::RULE,
    sl105_shell_command::RULE,
    sl106_quoted_value::RULE,
    sl107_byte_order_mark::RULE,
    sl108_control_character::RULE,
    sl109_invalid_utf8::RULE,
    sl110_semicolon_comment::RULE,
    sl111_whitespace_in_key::RULE,
    sl112_repeated_separator::RULE,
    sl113_path_traversal::RULE,
    sl114_line_continuation::RULE,
    sl201_unknown_key::RULE,
    sl202_removed_key::RULE,
    sl203_key_too_new::RULE,
    sl204_read_only_key::RULE,
    sl301_invalid_value::RULE,
    sl302_value_out_of_range::RULE,
    sl303_extra_values::RULE,
    sl304_missing_values::RULE,
    sl305_inline_comment::RULE,
    sl401_duplicate_key::RULE,
    sl402_redundant_duplicate::RULE,
];

/// All documented rules, in code order.
pub fn docs() -> &'static [RuleDoc] {
    RULE_DOCS
}

/// The doc page of a code (`SL201`, `sl201`) or a name (`unknown-key`).
pub fn doc(code_or_name: &str) -> Option<&'static RuleDoc> {
    RULE_DOCS
        .iter()
        .find(|d| d.code.eq_ignore_ascii_case(code_or_name) || d.name == code_or_name)
}

/// Drop findings made redundant by a more specific finding on the same line.
pub fn apply_supersedes(diags: &mut Vec<Diagnostic>, files: &[FileData]) {
    let line_of = |d: &Diagnostic| (d.file, files[d.file].source.line_index(d.span.start));
    let mut dropped: Vec<((usize, usize), &'static str)> = Vec::new();
    for d in diags.iter() {
        if let Some(rule) = RULES.iter().find(|r| r.code == d.code) {
            for &code in rule.supersedes {
                dropped.push((line_of(d), code));
            }
        }
    }
    if !dropped.is_empty() {
        diags.retain(|d| !dropped.contains(&(line_of(d), d.code)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_doc_and_every_doc_a_rule() {
        let codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
        let documented: Vec<&str> = RULE_DOCS.iter().map(|d| d.code).collect();
        assert_eq!(codes, documented);
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, codes, "codes are unique and sorted");
    }

    #[test]
    fn names_are_unique_kebab_case() {
        let mut names: Vec<&str> = RULE_DOCS.iter().map(|d| d.name).collect();
        for n in &names {
            assert!(
                n.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{n}"
            );
        }
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len());
    }

    #[test]
    fn docs_have_the_headings() {
        for d in RULE_DOCS {
            for h in [
                "## What it does",
                "## Why is this bad?",
                "## What the kernel does",
                "## Example",
                "## Use instead",
                "## Sources",
            ] {
                assert!(d.body.contains(h), "{} lacks {h}", d.code);
            }
            assert!(
                d.body.starts_with(&format!("# {} {}", d.code, d.name)),
                "{}",
                d.code
            );
        }
    }
}
