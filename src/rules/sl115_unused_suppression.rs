//! SL115 unused-suppression: a suppression code that suppressed nothing, or a
//! `# sysctl-lint:` directive that cannot be read. Reported by
//! [`crate::suppress::apply`] after the rules have run, not by a check.

use super::{Check, Rule};

#[allow(dead_code)] // registered by the lead in `rules::RULES`
pub(super) const RULE: Rule = Rule {
    code: "SL115",
    check: Check::Input,
    supersedes: &[],
};
