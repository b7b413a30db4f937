//! SL501 tcp-tw-recycle: `net.ipv4.tcp_tw_recycle` switched on for a kernel that
//! still has it (before 4.12; from 4.12 SL202 reports the removed key instead).

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;
use crate::msg;

use super::{headline, Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL501",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some(info) = s.info() else { return };
    if info.key != "net.ipv4.tcp_tw_recycle" {
        return;
    }
    let target = &cx.cx.options.kernel;
    if info.removed_in(target) || info.too_new_for(target) {
        return; // SL202 (or SL203) already says the line does nothing
    }
    let Some(numbers) = s.numbers() else { return };
    if numbers.first().is_none_or(|&n| n == 0) {
        return;
    }
    let span = s.first_token_span();
    let note = if target.series() >= (4, 10) {
        msg!("sl501-note-random", kernel = &target.to_string())
    } else {
        msg!("sl501-note")
    };
    out.push(
        s.diag(
            "SL501",
            cx.file_index,
            span,
            msg!("sl501-headline", value = &headline::clip(s.body(), 10)),
        )
        .note(note)
        .help(msg!("sl501-help")),
    );
}

#[cfg(test)]
mod tests {
    use crate::{lint_source, KernelVersion, Options};

    fn codes(text: &str, kernel: &str) -> Vec<&'static str> {
        let options = Options {
            kernel: KernelVersion::parse_lenient(kernel).unwrap(),
            ..Options::default()
        };
        let (_, diags) = lint_source("t.conf", text.as_bytes(), &options);
        diags.iter().map(|d| d.code).collect()
    }

    #[test]
    fn only_before_removal_and_only_when_on() {
        assert_eq!(codes("net.ipv4.tcp_tw_recycle = 1\n", "4.9"), ["SL501"]);
        assert_eq!(codes("net.ipv4.tcp_tw_recycle = 1\n", "4.11"), ["SL501"]);
        assert!(codes("net.ipv4.tcp_tw_recycle = 0\n", "4.9").is_empty());
        assert_eq!(codes("net.ipv4.tcp_tw_recycle = 1\n", "4.12"), ["SL202"]);
        assert_eq!(codes("net.ipv4.tcp_tw_recycle = 1\n", "6.18"), ["SL202"]);
    }
}
