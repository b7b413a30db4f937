//! SL402 redundant-duplicate: the same key set again to the same value.

use crate::diagnostic::Diagnostic;
use crate::lint::Context;

use super::sl401_duplicate_key::{repeats_in, setting_span};
use super::{headline, Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL402",
    check: Check::File(check),
    supersedes: &[],
};

fn check(cx: &Context<'_>, file_index: usize, out: &mut Vec<Diagnostic>) {
    let file = &cx.files[file_index];
    for r in repeats_in(cx, file_index) {
        if !r.same_value {
            continue;
        }
        let key = r.later.dotted_key().unwrap_or_default();
        let first_line = file.line(r.earlier).number();
        let line = file.line(r.later);
        let earlier_key = r.earlier.dotted_key().unwrap_or_default();
        let message = match r.alias {
            Some(a) if a.factor.is_none() => headline::fit("SL402", headline::last(&key), |k| {
                format!("`{k}` sets line {first_line} again under another name")
            }),
            Some(_) => headline::fit("SL402", headline::last(&key), |k| {
                format!("`{k}` repeats line {first_line} under another name")
            }),
            None => headline::fit("SL402", headline::last(&key), |k| {
                format!("`{k}` is set again to the value of line {first_line}")
            }),
        };
        let note = match r.alias {
            Some(a) if a.factor.is_none() => format!(
                "`{key}` and `{earlier_key}` on line {first_line} are two names of one kernel variable, in units that cannot be compared here: the later line decides, and a later edit of one line will not change the other."
            ),
            Some(_) => format!(
                "`{key}` and `{earlier_key}` on line {first_line} are two names of one kernel variable, set to the same value: harmless, but a later edit of one line will not change the other."
            ),
            None => "Harmless, but a later edit of one line will not change the other.".to_owned(),
        };
        out.push(
            r.later
                .diag("SL402", file_index, setting_span(r.later), message)
                .note(note)
                .label(file_index, setting_span(r.earlier), "first set here")
                .help("delete the repeated line")
                .edit(line.span(), ""),
        );
    }
}
