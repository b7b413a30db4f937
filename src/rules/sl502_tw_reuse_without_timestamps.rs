//! SL502 tw-reuse-without-timestamps: `tcp_tw_reuse` switched on while the
//! configuration turns TCP timestamps off, which reuse depends on.

use crate::diagnostic::Diagnostic;
use crate::lint::Context;
use crate::{msg, tr};

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL502",
    check: Check::Config(check),
    supersedes: &[],
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some((reuse_file, reuse)) = cx.last("net.ipv4.tcp_tw_reuse") else {
        return;
    };
    let Some(&mode) = reuse.numbers().as_ref().and_then(|n| n.first()) else {
        return;
    };
    if mode != 1 && mode != 2 {
        return;
    }
    let Some((ts_file, ts)) = cx.last("net.ipv4.tcp_timestamps") else {
        return;
    };
    if ts.numbers().as_ref().and_then(|n| n.first()) != Some(&0) {
        return;
    }
    let token = |s: &crate::lint::Setting| s.first_token_span();
    let reach = if mode == 1 { "all" } else { "loopback" };
    let mode = mode.to_string();
    out.push(
        reuse
            .diag(
                "SL502",
                reuse_file,
                token(reuse),
                msg!("sl502-headline", mode = &mode),
            )
            .note(msg!("sl502-note", mode = &mode, reach = reach))
            .label(ts_file, token(ts), tr!("sl502-label"))
            .help(msg!("sl502-help")),
    );
}

#[cfg(test)]
mod tests {
    use crate::{lint_source, Options};

    fn has(text: &str) -> bool {
        let (_, diags) = lint_source("t.conf", text.as_bytes(), &Options::default());
        diags.iter().any(|d| d.code == "SL502")
    }

    #[test]
    fn needs_both_winning_values() {
        assert!(has(
            "net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_timestamps = 0\n"
        ));
        assert!(has(
            "net.ipv4.tcp_timestamps = 0\nnet.ipv4.tcp_tw_reuse = 2\n"
        ));
        assert!(!has(
            "net.ipv4.tcp_tw_reuse = 0\nnet.ipv4.tcp_timestamps = 0\n"
        ));
        assert!(!has(
            "net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_timestamps = 1\n"
        ));
        assert!(!has("net.ipv4.tcp_tw_reuse = 1\n"));
        // A misspelt key never reaches the kernel: timestamps stay on.
        assert!(!has(
            "net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_timestsmps = 0\n"
        ));
        // The later timestamps line wins.
        assert!(!has(
            "net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_timestamps = 0\nnet.ipv4.tcp_timestamps = 1\n"
        ));
    }
}
