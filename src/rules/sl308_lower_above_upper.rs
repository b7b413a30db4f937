//! SL308 lower-above-upper: of two keys where one is meant to stay at or below the
//! other (a default and its maximum, a minimum and its maximum, the neighbour
//! table's thresholds), the lower one ends up above the upper one. The kernel
//! checks neither write (rules/relations.tsv, kind `le`).

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::tr_in;
use crate::knowledge::Kind;
use crate::lint::Context;

use super::relations::{effect, groups, short};
use super::sl302_value_out_of_range::fit_args;
use super::values::{by_lang, clip};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL308",
    check: Check::Config(check),
    supersedes: &[],
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for g in groups(cx, Kind::Le) {
        let (Some(va), wa) = g.last(true) else {
            continue;
        };
        let (Some(vb), wb) = g.last(false) else {
            continue;
        };
        let scale = g.rel.scale;
        if va <= vb.saturating_mul(scale) || g.rel.values.contains(&va) {
            continue;
        }
        // The later of the two writes makes the pair inconsistent.
        let Some(at) = g.writes.last() else { continue };
        let (a, b) = (short(g.rel.a), short(g.rel.b));
        let (va_text, vb_text) = (va.to_string(), vb.to_string());
        let is_default = |w: Option<&super::relations::Write<'_>>| match w {
            Some(_) => "no",
            None => "yes",
        };
        let scale_text = scale.to_string();
        let bytes = crate::units::format_bytes(vb.saturating_mul(scale).max(0) as u128);
        let other = if at.is_a { wb } else { wa };
        let (ca, cb) = (clip(a, 16), clip(b, 16));
        let message = fit_args(
            Severity::Warning,
            "SL308",
            &[
                (
                    "sl308-headline",
                    &[
                        ("a", a.into()),
                        ("va", (&va_text).into()),
                        ("b", b.into()),
                        ("vb", (&vb_text).into()),
                    ],
                ),
                (
                    "sl308-headline-short",
                    &[("a", (&ca).into()), ("b", (&cb).into())],
                ),
            ],
        );
        let note = by_lang(|lang| {
            tr_in(
                lang,
                "sl308-note",
                &[
                    ("a", a.into()),
                    ("va", (&va_text).into()),
                    ("a_default", is_default(wa).into()),
                    ("b", b.into()),
                    ("vb", (&vb_text).into()),
                    ("b_default", is_default(wb).into()),
                    ("scaled", if scale == 1 { "no" } else { "yes" }.into()),
                    ("scale", (&scale_text).into()),
                    ("bytes", (&bytes).into()),
                    ("effect", (&effect(lang, g.rel)).into()),
                ],
            )
        });
        let mut d = at
            .setting
            .diag("SL308", at.file, at.setting.span(), message)
            .note(note)
            .help(crate::msg!("sl308-help", a = a, b = b));
        if let Some(o) = other {
            d = d.label(
                o.file,
                o.setting.span(),
                crate::tr!(
                    "sl308-label",
                    key = if o.is_a { a } else { b },
                    value = &o.value.to_string()
                ),
            );
        }
        out.push(d);
    }
}
