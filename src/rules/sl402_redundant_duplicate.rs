//! SL402 redundant-duplicate: the same key set again to the same value.

use crate::diagnostic::Diagnostic;
use crate::lint::Context;
use crate::{msg, tr};

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
            Some(a) if a.factor.is_none() => {
                headline::fit_text("SL402", headline::last(&key), |k| {
                    msg!("sl402-headline-alias-units", key = k, line = first_line)
                })
            }
            Some(_) => headline::fit_text("SL402", headline::last(&key), |k| {
                msg!("sl402-headline-alias", key = k, line = first_line)
            }),
            None => headline::fit_text("SL402", headline::last(&key), |k| {
                msg!("sl402-headline", key = k, line = first_line)
            }),
        };
        let note = match r.alias {
            Some(a) if a.factor.is_none() => msg!(
                "sl402-note-alias-units",
                key = &key,
                other = &earlier_key,
                line = first_line
            ),
            Some(_) => msg!(
                "sl402-note-alias",
                key = &key,
                other = &earlier_key,
                line = first_line
            ),
            None => msg!("sl402-note"),
        };
        out.push(
            r.later
                .diag("SL402", file_index, setting_span(r.later), message)
                .note(note)
                .label(
                    file_index,
                    setting_span(r.earlier),
                    tr!("sl402-label-first"),
                )
                .help(msg!("sl402-help"))
                .edit(line.span(), ""),
        );
    }
}
