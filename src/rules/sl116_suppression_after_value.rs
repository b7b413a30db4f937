//! SL116 suppression-after-value: a `# sysctl-lint: ...` directive written after a
//! value. sysctl files have no inline comments, so it is part of the value and
//! suppresses nothing.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;
use crate::suppress::PREFIX;

use super::{Check, Rule};

#[allow(dead_code)] // registered by the lead in `rules::RULES`
pub(super) const RULE: Rule = Rule {
    code: "SL116",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some(start) = directive_start(s.value_text()) else {
        return;
    };
    let span = s.value_span().start + start..s.value_span().end;
    let directive = cx.text(span.clone()).to_owned();
    let before = s.value_text()[..start].trim_end();
    out.push(
        s.diag("SL116", cx.file_index, span, crate::msg!("sl116-headline"))
            .note(crate::msg!("sl116-note", directive = &directive))
            .help(crate::msg!(
                "sl116-help",
                directive = &directive,
                key = s.key_text().unwrap_or_default(),
                value = before,
            )),
    );
}

/// Where a `#` or `;` directive marker starts inside a value (`# sysctl-lint:`,
/// `#sysctl-lint:`), if any.
fn directive_start(value: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = value[from..].find(PREFIX).map(|i| i + from) {
        let head = value[..i].trim_end_matches([' ', '\t']);
        if head.ends_with(['#', ';']) {
            return Some(head.len() - 1);
        }
        from = i + PREFIX.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_marker() {
        assert_eq!(directive_start("1 # sysctl-lint: disable=SL201"), Some(2));
        assert_eq!(directive_start("1 #sysctl-lint: disable=SL201"), Some(2));
        assert_eq!(directive_start("1 ; sysctl-lint: disable=SL201"), Some(2));
        assert_eq!(directive_start("1 # note # sysctl-lint: x"), Some(9));
        assert_eq!(directive_start("1 # note"), None);
        assert_eq!(directive_start("sysctl-lint: x"), None);
        // Keeps the rule compiling-and-used while it is not registered.
        let _ = RULE;
    }
}
