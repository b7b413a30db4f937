//! SL302 value-out-of-range: outside the enforced or documented range.

use crate::catalog::{self, ValueType};
use crate::diagnostic::{Diagnostic, Severity, Text};
use crate::i18n::Arg;
use crate::lint::LineContext;
use crate::value;

use super::values::{clip, last, numeric, width_bounds};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL302",
    check: Check::Line(check),
    supersedes: &[],
};

/// Arguments of a message: names and values (already formatted).
pub(super) type Args<'a> = &'a [(&'a str, &'a str)];

/// The first of `candidates` (message id, arguments) whose headline fits 100
/// columns with `severity[CODE name]: ` before it (the last one always fits),
/// chosen for English and for the run's language each.
pub(super) fn fit_text(severity: Severity, code: &str, candidates: &[(&str, Args<'_>)]) -> Text {
    let converted: Vec<(&str, Vec<(&str, Arg<'_>)>)> = candidates
        .iter()
        .map(|&(id, a)| (id, a.iter().map(|&(n, v)| (n, Arg::from(v))).collect()))
        .collect();
    let slices: Vec<(&str, &[(&str, Arg<'_>)])> = converted
        .iter()
        .map(|(id, a)| (*id, a.as_slice()))
        .collect();
    fit_args(severity, code, &slices)
}

/// [`fit_text`] with arguments of any kind (counts as numbers).
pub(super) fn fit_args(
    severity: Severity,
    code: &str,
    candidates: &[(&str, &[(&str, Arg<'_>)])],
) -> Text {
    use crate::i18n::{tr_in, Lang};
    let first_fitting = |lang: Lang| {
        let mut text = String::new();
        for (i, &(id, a)) in candidates.iter().enumerate() {
            text = tr_in(lang, id, a);
            if i + 1 == candidates.len()
                || super::values::fit(severity, code, text.clone(), String::new()) == text
            {
                break;
            }
        }
        text
    };
    super::values::by_lang(first_fitting)
}

/// A range as the messages take it: `$shape` (`exactly`, `between`, `at-least`,
/// `at-most`), `$min` and `$max`.
fn range_args(min: Option<i128>, max: Option<i128>) -> (&'static str, String, String) {
    let s = |v: Option<i128>| v.map(|v| v.to_string()).unwrap_or_default();
    let shape = match (min, max) {
        (Some(a), Some(b)) if a == b => "exactly",
        (Some(_), Some(_)) => "between",
        (Some(_), None) => "at-least",
        _ => "at-most",
    };
    (shape, s(min), s(max))
}

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some(n) = numeric(s) else { return };
    let key = s.key_name().to_string();
    let info = n.info;
    let (lo, hi) = width_bounds(info.ty);
    let name = last(s);
    for t in n.tokens.iter().take(n.arity) {
        let Ok(v) = value::parse_int(t.text) else {
            return;
        };
        if v < 0 && info.ty == ValueType::UInt {
            return; // SL301 reports a negative value for an unsigned key
        }
        // The setting as the headline names it, whole and clipped.
        let value = v.to_string();
        let (short_name, short_value) = (clip(&name, 16), clip(&value, 10));
        let diag = |severity, message: Text, note: Text, help: Text| {
            s.diag("SL302", cx.file_index, t.span.clone(), message)
                .severity(severity)
                .note(note)
                .help(help)
        };
        if v < lo || v > hi {
            out.push(diag(
                Severity::Error,
                crate::msg!("sl302-headline-width", value = &clip(&value, 14)),
                crate::msg!("sl302-note-width", value = &value, key = &key),
                crate::msg!(
                    "sl302-help-width",
                    lo = &lo.to_string(),
                    hi = &hi.to_string()
                ),
            ));
            return;
        }
        let (min, max, enforced, note) = catalog::range_on(info, &cx.cx.options.kernel);
        let below = min.is_some_and(|m| v < m);
        let above = max.is_some_and(|m| v > m);
        if below || above {
            let (shape, rmin, rmax) = range_args(min, max);
            let (bshape, bmin, bmax) = if below {
                range_args(min, None)
            } else {
                range_args(None, max)
            };
            let target = cx.cx.options.kernel.to_string();
            let note = if note.is_empty() { "none" } else { note };
            let (severity, id, short_id, note_id) = if enforced {
                (
                    Severity::Error,
                    "sl302-headline-rejected",
                    "sl302-headline-rejected-short",
                    "sl302-note-rejected",
                )
            } else {
                (
                    Severity::Warning,
                    "sl302-headline-unchecked",
                    "sl302-headline-unchecked-short",
                    "sl302-note-unchecked",
                )
            };
            let range: [(&str, &str); 3] = [("shape", shape), ("min", &rmin), ("max", &rmax)];
            let bound: [(&str, &str); 3] = [("shape", bshape), ("min", &bmin), ("max", &bmax)];
            let whole_range = [
                ("name", name.as_str()),
                ("value", value.as_str()),
                range[0],
                range[1],
                range[2],
            ];
            let whole_bound = [
                ("name", name.as_str()),
                ("value", value.as_str()),
                bound[0],
                bound[1],
                bound[2],
            ];
            let short_bound = [
                ("name", short_name.as_str()),
                ("value", short_value.as_str()),
                bound[0],
                bound[1],
                bound[2],
            ];
            let short_only = [
                ("name", short_name.as_str()),
                ("value", short_value.as_str()),
            ];
            let message = fit_text(
                severity,
                "SL302",
                &[
                    (id, &whole_range),
                    (id, &whole_bound),
                    (id, &short_bound),
                    (short_id, &short_only),
                ],
            );
            let why = Text::message(
                note_id,
                &[
                    ("target", target.as_str().into()),
                    ("key", key.as_str().into()),
                    ("shape", shape.into()),
                    ("min", rmin.as_str().into()),
                    ("max", rmax.as_str().into()),
                    ("note", note.into()),
                ],
            );
            let help = crate::msg!("sl302-help-range", shape = shape, min = &rmin, max = &rmax);
            out.push(diag(severity, message, why, help));
            return;
        }
        if !info.values.is_empty() && !info.values.contains(&v) {
            let documented: Vec<String> = info.values.iter().map(i128::to_string).collect();
            // The values as a list of the language (`0, 1, 2`, `0、1、2`).
            let listed = |id: &str, args: &[(&str, &str)]| {
                super::values::by_lang(|lang| {
                    let sep = crate::i18n::tr_in(lang, "out-list-separator", &[]);
                    let values = documented.join(&sep);
                    let mut all: Vec<(&str, Arg<'_>)> =
                        args.iter().map(|&(n, v)| (n, Arg::from(v))).collect();
                    all.push(("values", Arg::from(values.as_str())));
                    crate::i18n::tr_in(lang, id, &all)
                })
            };
            let whole = [("name", name.as_str()), ("value", value.as_str())];
            let short = [
                ("name", short_name.as_str()),
                ("value", short_value.as_str()),
            ];
            let (message, why) = if info.values == [0, 1] {
                (
                    fit_text(
                        Severity::Warning,
                        "SL302",
                        &[
                            ("sl302-headline-switch", &whole),
                            ("sl302-headline-switch-short", &short),
                        ],
                    ),
                    crate::msg!("sl302-note-switch", key = &key, value = &value),
                )
            } else {
                (
                    fit_text(
                        Severity::Warning,
                        "SL302",
                        &[
                            ("sl302-headline-undocumented", &whole),
                            ("sl302-headline-undocumented-short", &short),
                        ],
                    ),
                    listed(
                        "sl302-note-undocumented",
                        &[("value", &value), ("key", &key)],
                    ),
                )
            };
            out.push(diag(
                Severity::Warning,
                message,
                why,
                listed("sl302-help-one-of", &[]),
            ));
            return;
        }
    }
}
