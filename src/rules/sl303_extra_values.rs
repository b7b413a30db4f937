//! SL303 extra-values: more numbers than the key takes; the kernel ignores the rest.

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LineContext;

use super::values::{clip, count, fit, last, numeric};
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
    out.push(
        s.diag(
            "SL303",
            cx.file_index,
            span.clone(),
            fit(
                Severity::Warning,
                "SL303",
                format!(
                    "`{}` takes {}; `{}` is ignored",
                    last(s),
                    count(n.arity),
                    clip(ignored, 20)
                ),
                format!(
                    "`{}` takes {}; `{}` is ignored",
                    clip(&last(s), 18),
                    count(n.arity),
                    clip(ignored, 14)
                ),
            ),
        )
        .note(format!(
            "`{key}` takes {}: the kernel keeps `{}` and silently ignores `{ignored}`.",
            count(n.arity),
            kept.join(" ")
        ))
        .help(format!("write only `{key} = {}`", kept.join(" ")))
        .edit(
            n.arity
                .checked_sub(1)
                .map_or(span.start, |i| n.tokens[i].span.end)..span.end,
            "",
        ),
    );
}
