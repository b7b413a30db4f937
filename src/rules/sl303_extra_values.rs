//! SL303 extra-values: more numbers than the key takes; the kernel ignores the rest.

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LineContext;

use super::sl302_value_out_of_range::fit_args;
use super::values::{clip, last, numeric};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL303",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some(n) = numeric(s) else { return };
    if n.tokens.len() <= n.arity {
        return;
    }
    let key = s.key_name().to_string();
    let kept: Vec<&str> = n.tokens[..n.arity].iter().map(|t| t.text).collect();
    let extra = &n.tokens[n.arity..];
    let span = extra[0].span.start..extra[extra.len() - 1].span.end;
    let ignored = &s.body()[extra[0].span.start - s.body_span().start..];
    let name = last(s);
    out.push(
        s.diag(
            "SL303",
            cx.file_index,
            span.clone(),
            fit_args(
                Severity::Warning,
                "SL303",
                &[
                    (
                        "sl303-headline",
                        &[
                            ("name", (&name).into()),
                            ("arity", n.arity.into()),
                            ("ignored", (&clip(ignored, 20)).into()),
                        ],
                    ),
                    (
                        "sl303-headline",
                        &[
                            ("name", (&clip(&name, 18)).into()),
                            ("arity", n.arity.into()),
                            ("ignored", (&clip(ignored, 14)).into()),
                        ],
                    ),
                ],
            ),
        )
        .note(crate::msg!(
            "sl303-note",
            key = &key,
            arity = n.arity,
            kept = &kept.join(" "),
            ignored = ignored
        ))
        .help(crate::msg!(
            "sl303-help",
            key = &key,
            kept = &kept.join(" ")
        ))
        .edit(
            n.arity
                .checked_sub(1)
                .map_or(span.start, |i| n.tokens[i].span.end)..span.end,
            "",
        ),
    );
}
