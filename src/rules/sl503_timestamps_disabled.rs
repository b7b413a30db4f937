//! SL503 timestamps-disabled: `net.ipv4.tcp_timestamps = 0`.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;
use crate::msg;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL503",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some(info) = s.info() else { return };
    if info.key != "net.ipv4.tcp_timestamps" {
        return;
    }
    let Some(numbers) = s.numbers() else { return };
    if numbers.first() != Some(&0) {
        return;
    }
    let span = s.first_token_span();
    let target = &cx.cx.options.kernel;
    let note = if target.series() >= (4, 10) {
        msg!("sl503-note-random", kernel = &target.to_string())
    } else {
        msg!("sl503-note")
    };
    out.push(
        s.diag("SL503", cx.file_index, span, msg!("sl503-headline"))
            .note(note)
            .help(msg!("sl503-help")),
    );
}
