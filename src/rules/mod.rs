//! The rule registry: one file per rule, one row per rule in [`RULES`]. The
//! metadata (name, default severity, summary, documentation) is in
//! [`crate::codes`], re-exported here.

pub use crate::codes::{about_key, doc, docs, RuleDoc};
use crate::diagnostic::Diagnostic;
use crate::lint::{Context, FileData, LineContext};

pub(crate) mod headline;
mod relations;
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
mod sl115_unused_suppression;
mod sl116_suppression_after_value;
mod sl117_shell_script;
mod sl201_unknown_key;
mod sl202_removed_key;
mod sl203_key_too_new;
mod sl204_read_only_key;
mod sl205_noop_key;
mod sl206_vendor_key;
mod sl207_module_key;
mod sl208_template_in_key;
mod sl209_interface_key;
mod sl210_action_key;
mod sl301_invalid_value;
mod sl302_value_out_of_range;
mod sl303_extra_values;
mod sl304_missing_values;
mod sl305_inline_comment;
mod sl306_negative_value;
mod sl307_documented_advice;
mod sl308_lower_above_upper;
mod sl310_needs_other_key;
mod sl401_duplicate_key;
mod sl402_redundant_duplicate;
mod sl403_overridden_across_files;
mod sl407_rejected_by_write_order;
mod sl501_tcp_tw_recycle;
mod sl502_tw_reuse_without_timestamps;
mod sl503_timestamps_disabled;
mod sl504_fin_timeout_not_time_wait;
mod sl505_low_tw_buckets;
mod sl510_port_range_rejected;
mod sl511_port_range_overlaps_services;
mod sl512_port_range_parity;
mod sl513_port_range_small;
mod sl514_reserved_ports_invalid;
mod sl520_syn_retries_low;
mod sl521_somaxconn_overflow;
mod sl522_syn_backlog_above_somaxconn;
mod sl530_ip_forward_resets_conf;
mod sl531_ineffective_conf_value;
mod sl601_mem_vector_order;
mod sl602_mem_pages_look_like_bytes;
mod sl603_buffer_vector_order;
mod sl604_buffer_below_minimum;
mod sl605_orphans_memory;
mod sl610_dirty_background_not_below_dirty;
mod sl611_dirty_bytes_and_ratio;
mod sl701_profile_weaker_value;
mod sl702_profile_missing_key;
mod sl801_live_drift;
mod sl802_key_missing_on_running_kernel;
mod sl803_ephemeral_ports_exhaustion;
pub(crate) mod values;

/// How a rule is run.
#[derive(Clone, Copy)]
pub enum Check {
    /// Called for every line of every file.
    Line(fn(&LineContext<'_>, &mut Vec<Diagnostic>)),
    /// Called once per file, with the whole configuration in view.
    File(fn(&Context<'_>, usize, &mut Vec<Diagnostic>)),
    /// Called once with the whole configuration (all files, in application order):
    /// for rules that compare keys.
    Config(fn(&Context<'_>, &mut Vec<Diagnostic>)),
    /// Reported by the input reader, not by a check.
    Input,
}

/// A registered rule.
/// What several rules derive from the whole configuration, computed once per run
/// (by the first rule that asks) and kept in the [`Context`].
#[derive(Default)]
pub struct Shared<'a> {
    conf_model: std::sync::OnceLock<sl530_ip_forward_resets_conf::ConfModel<'a>>,
    /// Repeated keys within each file (SL401 and SL402).
    repeats: std::sync::OnceLock<Vec<Vec<sl401_duplicate_key::Repeat<'a>>>>,
    /// SL201's finding for each distinct unknown key (its did-you-mean costs a
    /// search of the catalogue).
    unknown_keys: sl201_unknown_key::Cache,
}

impl Shared<'_> {
    /// Compute the shared data now, before the rules run on all cores: their
    /// working tables (a million-entry table for a million-line file) are then
    /// not alive at the same time as the rules' own, which keeps the peak memory
    /// of a big input down. Small inputs compute it on first use instead.
    pub fn prepare(cx: &Context<'_>) {
        sl401_duplicate_key::all_repeats(cx);
        sl530_ip_forward_resets_conf::model(cx);
    }
}

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
    sl115_unused_suppression::RULE,
    sl116_suppression_after_value::RULE,
    sl117_shell_script::RULE,
    sl201_unknown_key::RULE,
    sl202_removed_key::RULE,
    sl203_key_too_new::RULE,
    sl204_read_only_key::RULE,
    sl205_noop_key::RULE,
    sl206_vendor_key::RULE,
    sl207_module_key::RULE,
    sl208_template_in_key::RULE,
    sl209_interface_key::RULE,
    sl210_action_key::RULE,
    sl301_invalid_value::RULE,
    sl302_value_out_of_range::RULE,
    sl303_extra_values::RULE,
    sl304_missing_values::RULE,
    sl305_inline_comment::RULE,
    sl306_negative_value::RULE,
    sl307_documented_advice::RULE,
    sl308_lower_above_upper::RULE,
    sl310_needs_other_key::RULE,
    sl401_duplicate_key::RULE,
    sl402_redundant_duplicate::RULE,
    sl403_overridden_across_files::RULE,
    Rule {
        code: "SL404",
        check: Check::Input,
        supersedes: &[],
    },
    Rule {
        code: "SL405",
        check: Check::Input,
        supersedes: &[],
    },
    Rule {
        code: "SL406",
        check: Check::Input,
        supersedes: &[],
    },
    sl407_rejected_by_write_order::RULE,
    sl501_tcp_tw_recycle::RULE,
    sl502_tw_reuse_without_timestamps::RULE,
    sl503_timestamps_disabled::RULE,
    sl504_fin_timeout_not_time_wait::RULE,
    sl505_low_tw_buckets::RULE,
    sl510_port_range_rejected::RULE,
    sl511_port_range_overlaps_services::RULE,
    sl512_port_range_parity::RULE,
    sl513_port_range_small::RULE,
    sl514_reserved_ports_invalid::RULE,
    sl520_syn_retries_low::RULE,
    sl521_somaxconn_overflow::RULE,
    sl522_syn_backlog_above_somaxconn::RULE,
    sl530_ip_forward_resets_conf::RULE,
    sl531_ineffective_conf_value::RULE,
    sl601_mem_vector_order::RULE,
    sl602_mem_pages_look_like_bytes::RULE,
    sl603_buffer_vector_order::RULE,
    sl604_buffer_below_minimum::RULE,
    sl605_orphans_memory::RULE,
    sl610_dirty_background_not_below_dirty::RULE,
    sl611_dirty_bytes_and_ratio::RULE,
    sl701_profile_weaker_value::RULE,
    sl702_profile_missing_key::RULE,
    sl801_live_drift::RULE,
    sl802_key_missing_on_running_kernel::RULE,
    sl803_ephemeral_ports_exhaustion::RULE,
];

/// Whether a rule turned off by the configuration may be left unrun: no other
/// finding depends on its own (it supersedes nothing, and is not SL117, whose
/// scripts silence their lines' findings).
pub(crate) fn skippable(rule: &Rule) -> bool {
    rule.supersedes.is_empty() && rule.code != "SL117"
}

/// Drop findings made redundant by a more specific finding on the same line.
pub fn apply_supersedes(diags: &mut Vec<Diagnostic>, files: &[FileData]) {
    let line_of = |d: &Diagnostic| (d.file, files[d.file].source.line_index(d.span.start));
    let mut dropped: std::collections::HashSet<((usize, usize), &'static str)> =
        std::collections::HashSet::new();
    for d in diags.iter() {
        if let Some(rule) = RULES.iter().find(|r| r.code == d.code) {
            for &code in rule.supersedes {
                dropped.insert((line_of(d), code));
            }
        }
    }
    // A shell script is reported once (SL117): its command lines get no findings
    // of their own.
    let scripts: std::collections::BTreeSet<usize> = diags
        .iter()
        .filter(|d| d.code == "SL117")
        .map(|d| d.file)
        .collect();
    for file in scripts {
        for line in sl117_shell_script::shell_lines(&files[file]).unwrap_or_default() {
            for &code in sl117_shell_script::SUPERSEDES {
                dropped.insert(((file, line), code));
            }
        }
    }
    if !dropped.is_empty() {
        diags.retain(|d| !dropped.contains(&(line_of(d), d.code)));
    }
}

/// Test support for rule unit tests.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::{lint_source, KernelVersion, Options};

    /// The messages of one code for a text linted for a target kernel.
    pub(crate) fn messages(code: &str, text: &str, kernel: &str) -> Vec<String> {
        let options = Options {
            kernel: KernelVersion::parse_lenient(kernel).expect("test kernel"),
            ..Options::default()
        };
        let (_, diags) = lint_source("t.conf", text.as_bytes(), &options);
        diags
            .into_iter()
            .filter(|d| d.code == code)
            .map(|d| d.message)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_doc_and_every_doc_a_rule() {
        let codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
        let documented: Vec<&str> = docs().iter().map(|d| d.code).collect();
        assert_eq!(codes, documented);
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, codes, "codes are unique and sorted");
    }

    #[test]
    fn names_are_unique_kebab_case() {
        let mut names: Vec<&str> = docs().iter().map(|d| d.name).collect();
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
        for d in docs() {
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
