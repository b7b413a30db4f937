//! SL802 key-missing-on-running-kernel: reported by `sysctl-lint audit` (`src/audit.rs`), which compares the
//! configuration with the running kernel; `check` has no live values, so the rule has
//! no check of its own (like SL100, it is produced outside the rule loop).

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL802",
    check: Check::Input,
    supersedes: &[],
};
