//! SL407 rejected-by-write-order: a write the kernel rejects because it checks it
//! against the current value of another key, which the configuration changes only
//! later or not at all (`ipfrag_high_thresh` below the current
//! `ipfrag_low_thresh`; rules/relations.tsv, kind `enforced`).

use crate::diagnostic::Diagnostic;
use crate::knowledge::Kind;
use crate::lint::Context;
use crate::{msg, tr};

use super::relations::{default_of, groups, short, Write};
use super::{headline, Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL407",
    check: Check::Config(check),
    supersedes: &[],
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for g in groups(cx, Kind::Enforced) {
        let rel = g.rel;
        let (a, b) = (short(rel.a), short(rel.b));
        // Replay the writes from the kernel defaults: a write that would leave
        // a above b is rejected and changes nothing.
        let mut cur_a: (Option<i128>, Option<Write<'_>>) = (default_of(rel.a), None);
        let mut cur_b: (Option<i128>, Option<Write<'_>>) = (default_of(rel.b), None);
        for w in &g.writes {
            let (new_a, new_b) = if w.is_a {
                (Some(w.value), cur_b.0)
            } else {
                (cur_a.0, Some(w.value))
            };
            let ok = match (new_a, new_b) {
                (Some(x), Some(y)) => x <= y || rel.values.contains(&x),
                _ => true,
            };
            if ok {
                if w.is_a {
                    cur_a = (Some(w.value), Some(*w));
                } else {
                    cur_b = (Some(w.value), Some(*w));
                }
                continue;
            }
            let (this, other, (ov, ow)) = if w.is_a { (a, b, cur_b) } else { (b, a, cur_a) };
            let ov = ov.unwrap_or_default();
            let (place, line, place_file) = match ow {
                Some(o) if o.file == w.file => {
                    ("same", cx.file(o.file).line(o.setting).number(), "")
                }
                Some(o) => (
                    "other",
                    cx.file(o.file).line(o.setting).number(),
                    cx.file(o.file).source.name.as_str(),
                ),
                None => ("default", 0, ""),
            };
            let relation = if w.is_a { "above" } else { "below" };
            let later = g
                .writes
                .iter()
                .skip_while(|x| !std::ptr::eq(x.setting, w.setting))
                .any(|x| x.is_a != w.is_a);
            let (value, limit) = (w.value.to_string(), ov.to_string());
            let help = if later {
                msg!("sl407-help-later", other = other, a = a, b = b)
            } else {
                msg!("sl407-help", other = other, a = a, b = b)
            };
            let mut d = w
                .setting
                .diag(
                    "SL407",
                    w.file,
                    w.setting.span(),
                    headline::fit_text("SL407", this, |t| {
                        msg!(
                            "sl407-headline",
                            key = t,
                            value = &value,
                            relation = relation,
                            limit = &limit
                        )
                    }),
                )
                .note(msg!(
                    "sl407-note",
                    key = this,
                    value = &value,
                    relation = relation,
                    limit = &limit,
                    where = place,
                    other = other,
                    line = line,
                    file = place_file
                ))
                .help(help);
            if let Some(o) = ow {
                d = d.label(
                    o.file,
                    o.setting.span(),
                    tr!("sl407-label", other = other, value = &o.value.to_string()),
                );
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    fn found(text: &str) -> Vec<String> {
        crate::rules::headline::texts("SL407", text, "6.18")
    }

    #[test]
    fn order_and_exemptions() {
        // The same two lines, in both orders.
        assert_eq!(
            found("net.ipv4.ipfrag_high_thresh = 2097152\nnet.ipv4.ipfrag_low_thresh = 1048576\n")
                .len(),
            1
        );
        assert!(found(
            "net.ipv4.ipfrag_low_thresh = 1048576\nnet.ipv4.ipfrag_high_thresh = 2097152\n"
        )
        .is_empty());
        // A runtime of -1 (no limit) is never compared with the period.
        assert!(
            found("kernel.sched_rt_runtime_us = -1\nkernel.sched_rt_period_us = 500000\n")
                .is_empty()
        );
        // Before 3.19 the thresholds were not linked.
        assert!(crate::rules::headline::texts(
            "SL407",
            "net.ipv4.ipfrag_high_thresh = 2097152\n",
            "3.10"
        )
        .is_empty());
    }
}
