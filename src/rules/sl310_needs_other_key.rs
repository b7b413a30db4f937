//! SL310 needs-other-key: a key that has an effect only while another key has
//! certain values, which the configuration does not give it
//! (`vm.overcommit_ratio` without `vm.overcommit_memory = 2`; rules/relations.tsv,
//! kind `needs`).

use crate::diagnostic::{Diagnostic, Severity};
use crate::knowledge::Kind;
use crate::lint::Context;

use super::relations::{default_of, groups, short};
use super::values::{clip, fit};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL310",
    check: Check::Config(check),
    supersedes: &[],
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for g in groups(cx, Kind::Needs) {
        let rel = g.rel;
        let (_, wa) = g.last(true);
        let Some(wa) = wa else { continue };
        // At the kernel default it changes nothing either way.
        if default_of(rel.a) == Some(wa.value) {
            continue;
        }
        let (vb, wb) = g.last(false);
        let Some(vb) = vb else { continue };
        if rel.values.contains(&vb) {
            continue;
        }
        let (a, b) = (short(rel.a), short(rel.b));
        let wanted: Vec<String> = rel.values.iter().map(i128::to_string).collect();
        let state = match wb {
            Some(w) => format!(
                "`{}` is {vb} ({})",
                rel.b,
                super::sl530_ip_forward_resets_conf::line_ref(cx, wa.file, w.file, w.setting)
            ),
            None => format!("`{}` keeps its kernel default, {vb}", rel.b),
        };
        let mut d = wa
            .setting
            .diag(
                "SL310",
                wa.file,
                wa.setting.span(),
                fit(
                    Severity::Info,
                    "SL310",
                    format!("`{a} = {}` has no effect while `{b}` is {vb}", wa.value),
                    format!(
                        "`{}` has no effect while `{}` is {}",
                        clip(a, 17),
                        clip(b, 17),
                        clip(&vb.to_string(), 6)
                    ),
                ),
            )
            .note(format!(
                "`{a} = {}` has no effect here: {}, and {state}.",
                wa.value, rel.effect
            ))
            .help(format!(
                "set `{} = {}` if the setting is meant, or delete the line",
                rel.b,
                wanted.join(" or ")
            ));
        if let Some(w) = wb {
            d = d.label(
                w.file,
                w.setting.span(),
                format!("`{b}` = {} here", w.value),
            );
        }
        out.push(d);
    }
}
