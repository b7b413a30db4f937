//! SL504 fin-timeout-not-time-wait: `tcp_fin_timeout` lowered in a configuration
//! that tunes TIME_WAIT, as if it shortened TIME_WAIT (it does not).

use crate::diagnostic::Diagnostic;
use crate::lint::{Context, Setting};
use crate::value;
use crate::{msg, tr};

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL504",
    check: Check::Config(check),
    supersedes: &[],
};

/// Keys whose presence shows that the configuration is about TIME_WAIT.
const TIME_WAIT_KEYS: &[&str] = &[
    "net.ipv4.tcp_tw_reuse",
    "net.ipv4.tcp_tw_recycle",
    "net.ipv4.tcp_max_tw_buckets",
    "net.ipv4.tcp_tw_reuse_delay",
];

/// The kernel default (TCP_FIN_TIMEOUT, 60 s): not lowered, nothing to explain.
const DEFAULT_FIN_TIMEOUT: i128 = 60;

/// A TIME_WAIT key set to something other than its catalogue default: restating a
/// default (`tcp_tw_reuse = 2`, `tcp_tw_recycle = 0`) shows no TIME_WAIT tuning.
fn tunes_time_wait(s: &Setting) -> bool {
    let Some(info) = s.info() else { return false };
    if !TIME_WAIT_KEYS.contains(&info.key) || s.key.as_ref().is_none_or(|k| k.glob) {
        return false;
    }
    let value = s.numbers().and_then(|n| n.first().copied());
    let default = value::parse_int(info.default).ok();
    match (value, default) {
        (Some(v), Some(d)) => v != d,
        _ => true,
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some((file, fin)) = cx.last("net.ipv4.tcp_fin_timeout") else {
        return;
    };
    let Some(&seconds) = fin.numbers().as_ref().and_then(|n| n.first()) else {
        return;
    };
    if !(0..DEFAULT_FIN_TIMEOUT).contains(&seconds) {
        return;
    }
    let tw = cx.settings().find(|(_, s)| tunes_time_wait(s));
    let Some((tw_file, tw)) = tw else { return };
    let span = value::tokens(fin.body(), fin.body_span().start)
        .first()
        .map_or(fin.body_span(), |t| t.span.clone());
    let tw_key = tw.dotted_key().unwrap_or_default();
    let value = seconds.to_string();
    out.push(
        fin.diag("SL504", file, span, msg!("sl504-headline", value = &value))
            .note(msg!("sl504-note", value = &value))
            .label(tw_file, tw.span(), tr!("sl504-label", key = &tw_key))
            .help(msg!("sl504-help")),
    );
}

#[cfg(test)]
mod tests {
    use crate::{lint_source, Options};

    fn count(text: &str) -> usize {
        let (_, diags) = lint_source("t.conf", text.as_bytes(), &Options::default());
        diags.iter().filter(|d| d.code == "SL504").count()
    }

    #[test]
    fn lowered_fin_timeout_next_to_time_wait_tuning() {
        assert_eq!(
            count("net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_fin_timeout = 30\n"),
            1
        );
        assert_eq!(count("net.ipv4.tcp_max_tw_buckets = 5000\nnet.ipv4.tcp_fin_timeout = 10\nnet.ipv4.tcp_fin_timeout = 10\n"), 1);
        // no TIME_WAIT tuning, or only restated defaults
        assert_eq!(count("net.ipv4.tcp_fin_timeout = 30\n"), 0);
        assert_eq!(
            count("net.ipv4.tcp_tw_reuse = 2\nnet.ipv4.tcp_fin_timeout = 30\n"),
            0
        );
        // not lowered
        assert_eq!(
            count("net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_fin_timeout = 60\n"),
            0
        );
    }
}
