//! SL310 needs-other-key: a key that has an effect only while another key has
//! certain values, which the configuration does not give it
//! (`vm.overcommit_ratio` without `vm.overcommit_memory = 2`; rules/relations.tsv,
//! kind `needs`).

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::tr_in;
use crate::knowledge::Kind;
use crate::lint::Context;

use super::relations::{default_of, effect, groups, short};
use super::sl302_value_out_of_range::fit_args;
use super::values::{by_lang, clip};
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
        let (va, vb) = (wa.value.to_string(), vb.to_string());
        // Where `b` is set: the line, and the file when it is another.
        let (state, file, line) = match wb {
            Some(w) => {
                let f = cx.file(w.file);
                let file = if w.file == wa.file {
                    "none".to_owned()
                } else {
                    f.source.name.clone()
                };
                ("set", file, f.line(w.setting).number().to_string())
            }
            None => ("default", String::new(), String::new()),
        };
        let (ca, cb, cvb) = (clip(a, 17), clip(b, 17), clip(&vb, 6));
        let message = fit_args(
            Severity::Info,
            "SL310",
            &[
                (
                    "sl310-headline",
                    &[
                        ("a", a.into()),
                        ("va", (&va).into()),
                        ("b", b.into()),
                        ("vb", (&vb).into()),
                    ],
                ),
                (
                    "sl310-headline-short",
                    &[
                        ("a", (&ca).into()),
                        ("b", (&cb).into()),
                        ("vb", (&cvb).into()),
                    ],
                ),
            ],
        );
        let note = by_lang(|lang| {
            tr_in(
                lang,
                "sl310-note",
                &[
                    ("a", a.into()),
                    ("va", (&va).into()),
                    ("effect", (&effect(lang, rel)).into()),
                    ("state", state.into()),
                    ("bkey", rel.b.into()),
                    ("vb", (&vb).into()),
                    ("file", (&file).into()),
                    ("line", (&line).into()),
                ],
            )
        });
        let mut d = wa
            .setting
            .diag("SL310", wa.file, wa.setting.span(), message)
            .note(note)
            .help(by_lang(|lang| {
                let or = tr_in(lang, "sl310-or", &[]);
                tr_in(
                    lang,
                    "sl310-help",
                    &[
                        ("bkey", rel.b.into()),
                        ("wanted", (&wanted.join(&or)).into()),
                    ],
                )
            }));
        if let Some(w) = wb {
            d = d.label(
                w.file,
                w.setting.span(),
                crate::tr!("sl310-label", key = b, value = &w.value.to_string()),
            );
        }
        out.push(d);
    }
}
