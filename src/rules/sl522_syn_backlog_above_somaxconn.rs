//! SL522 syn-backlog-above-somaxconn: `tcp_max_syn_backlog` raised above the
//! somaxconn in effect, which still caps every accept queue.

use crate::diagnostic::Diagnostic;
use crate::lint::Context;
use crate::value;
use crate::{msg, tr};

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL522",
    check: Check::Config(check),
    supersedes: &[],
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some((file, syn)) = cx.last("net.ipv4.tcp_max_syn_backlog") else {
        return;
    };
    let Some(&backlog) = syn.numbers().as_ref().and_then(|n| n.first()) else {
        return;
    };
    let target = &cx.options.kernel;
    let set = cx.last("net.core.somaxconn").and_then(|(f, s)| {
        s.numbers()
            .and_then(|n| n.first().copied())
            .map(|n| (f, s, n))
    });
    let (somaxconn, source) = match set {
        Some((_, _, n)) => (n, "set"),
        None if target.series() >= (5, 4) => (4096, "default"),
        None => (128, "default-old"),
    };
    if somaxconn < 0 || backlog <= somaxconn {
        return;
    }
    let span = value::tokens(syn.body(), syn.body_span().start)
        .first()
        .map_or(syn.body_span(), |t| t.span.clone());
    let (max, backlog) = (somaxconn.to_string(), backlog.to_string());
    let mut d = syn
        .diag(
            "SL522",
            file,
            span,
            msg!("sl522-headline", somaxconn = &max, backlog = &backlog),
        )
        .note(msg!(
            "sl522-note",
            backlog = &backlog,
            somaxconn = &max,
            source = source,
            kernel = &target.to_string()
        ))
        .help(msg!("sl522-help", backlog = &backlog));
    if let Some((f, s, n)) = set {
        d = d.label(f, s.span(), tr!("sl522-label", somaxconn = &n.to_string()));
    }
    out.push(d);
}

#[cfg(test)]
mod tests {
    fn has(text: &str, kernel: &str) -> bool {
        !crate::rules::headline::texts("SL522", text, kernel).is_empty()
    }

    #[test]
    fn effective_somaxconn() {
        // default somaxconn 4096 since 5.4, 128 before
        assert!(!has("net.ipv4.tcp_max_syn_backlog = 4096\n", "6.18"));
        assert!(has("net.ipv4.tcp_max_syn_backlog = 8192\n", "6.18"));
        assert!(has("net.ipv4.tcp_max_syn_backlog = 1024\n", "4.19"));
        assert!(!has(
            "net.ipv4.tcp_max_syn_backlog = 8192\nnet.core.somaxconn = 8192\n",
            "6.18"
        ));
        assert!(has(
            "net.ipv4.tcp_max_syn_backlog = 65536\nnet.core.somaxconn = 32768\n",
            "6.18"
        ));
    }
}
