//! SL502 tw-reuse-without-timestamps: `tcp_tw_reuse` switched on while the
//! configuration turns TCP timestamps off, which reuse depends on.

use crate::diagnostic::Diagnostic;
use crate::lint::Context;

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
    let what = if mode == 1 {
        "reuse for all outgoing connections"
    } else {
        "reuse for loopback connections"
    };
    out.push(
        reuse
            .diag(
                "SL502",
                reuse_file,
                token(reuse),
                format!("`tcp_tw_reuse = {mode}` does nothing: `tcp_timestamps` is 0"),
            )
            .note(
                format!(
                    "`tcp_tw_reuse = {mode}` asks for TIME_WAIT {what}, but `tcp_timestamps = 0` is set: the kernel only reuses a TIME_WAIT port when the old connection used TCP timestamps, so reuse never happens and ports stay in TIME_WAIT for 60 s. (tw_reuse only ever helps outgoing connections, never a server's incoming ones; since about Linux 4.19 the default is already 2, loopback only)."
                ),
            )
            .label(ts_file, token(ts), "`tcp_timestamps = 0` set here: TCP timestamps are off")
            .help("delete `net.ipv4.tcp_timestamps = 0` (the default 1 is what reuse needs), or drop the tcp_tw_reuse line if you want timestamps off"),
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
