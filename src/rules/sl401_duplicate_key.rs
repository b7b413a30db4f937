//! SL401 duplicate-key and (with SL402) the detection shared by both.

use crate::diagnostic::Diagnostic;
use crate::knowledge;
use crate::lint::{Context, LastBy, Setting};
use crate::version::KernelVersion;
use crate::{msg, tr};

use super::{headline, Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL401",
    check: Check::File(check),
    supersedes: &[],
};

/// A later setting of a key already set earlier in the same file.
pub(super) struct Repeat<'a> {
    pub earlier: &'a Setting,
    pub later: &'a Setting,
    pub same_value: bool,
    /// The two lines use two names of one kernel variable (rules/aliases.tsv).
    pub alias: Option<&'static knowledge::Alias>,
}

/// Every assignment that repeats an earlier one of the same normalised key (globs
/// compare with identical globs only: an explicit key beats a glob in any order).
/// [`repeats`] of a file of the configuration, computed once for all files.
pub(super) fn repeats_in<'c, 'a>(cx: &'c Context<'a>, file: usize) -> &'c [Repeat<'a>] {
    &all_repeats(cx)[file]
}

/// [`repeats`] of every file of the configuration, computed once.
pub(super) fn all_repeats<'c, 'a>(cx: &'c Context<'a>) -> &'c [Vec<Repeat<'a>>] {
    cx.shared.repeats.get_or_init(|| {
        cx.files
            .iter()
            .map(|f| repeats(&f.settings, &cx.options.kernel))
            .collect()
    })
}

/// The settings of a file that use a name of a kernel variable with two names,
/// by position, with the variable's canonical path (usually none).
pub(super) fn aliased(
    settings: &[Setting],
    target: &KernelVersion,
) -> rustc_hash::FxHashMap<u32, knowledge::Canonical> {
    settings
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i as u32, knowledge::canonical(s, target)?)))
        .collect()
}

/// Whether two settings of one variable give it the same value: the same text,
/// or for two names of it, the same number in one unit. Two names whose values
/// cannot be compared count as the same: neither line is known to undo the
/// other (a `sysctl -a` listing shows `unres_qlen = 101` and `unres_qlen_bytes =
/// 212992` for one value).
pub(super) fn same_value(
    a: &Setting,
    ca: Option<&knowledge::Canonical>,
    b: &Setting,
    cb: Option<&knowledge::Canonical>,
) -> bool {
    match (ca, cb) {
        (Some(x), Some(y)) if x.is_alias != y.is_alias => {
            knowledge::same_value(a, x, b, y).unwrap_or(true)
        }
        _ => normalized(a.value_text()) == normalized(b.value_text()),
    }
}

pub(super) fn repeats<'a>(settings: &'a [Setting], target: &KernelVersion) -> Vec<Repeat<'a>> {
    let canon = aliased(settings, target);
    let id = |i: u32| {
        let k = settings[i as usize].key.as_ref();
        let path = canon
            .get(&i)
            .map_or_else(|| k.map_or("", |k| k.path()), |c| c.path.as_str());
        (k.is_some_and(|k| k.glob), path)
    };
    let mut seen = LastBy::with_capacity(settings.len());
    let mut out = Vec::new();
    for (i, s) in settings.iter().enumerate() {
        if s.key.as_ref().is_none_or(|k| k.is_empty()) {
            continue;
        }
        // Settings of one file: fewer than u32::MAX (inputs are capped at 64 MiB).
        let i = i as u32;
        if let Some(e) = seen.insert(i, id(i), id) {
            let earlier = &settings[e as usize];
            let (ce, cl) = (canon.get(&e), canon.get(&i));
            out.push(Repeat {
                earlier,
                later: s,
                same_value: same_value(earlier, ce, s, cl),
                alias: match (ce, cl) {
                    (Some(x), Some(y)) if x.is_alias != y.is_alias => Some(x.row),
                    _ => None,
                },
            });
        }
    }
    out
}

fn normalized(v: &str) -> Vec<&str> {
    v.split_whitespace().collect()
}

/// The span from the key to the end of the value of a setting.
pub(super) fn setting_span(s: &Setting) -> std::ops::Range<usize> {
    s.key_span()
        .as_ref()
        .map_or(s.value_span(), |k| k.start..s.value_span().end.max(k.end))
}

fn check(cx: &Context<'_>, file_index: usize, out: &mut Vec<Diagnostic>) {
    let file = &cx.files[file_index];
    for r in repeats_in(cx, file_index) {
        if r.same_value {
            continue;
        }
        let key = r.later.dotted_key().unwrap_or_default();
        let earlier_key = r.earlier.dotted_key().unwrap_or_default();
        let first_line = file.line(r.earlier).number();
        let new = headline::clip(r.later.value_text(), 10);
        let later_value = r.later.value_text();
        let earlier_value = r.earlier.value_text();
        let message = match r.alias {
            Some(_) => headline::fit_text("SL401", headline::last(&key), |k| {
                msg!(
                    "sl401-headline-alias",
                    key = k,
                    line = first_line,
                    value = &new
                )
            }),
            None => headline::fit_text("SL401", headline::last(&key), |k| {
                msg!("sl401-headline", key = k, line = first_line, value = &new)
            }),
        };
        let note = match r.alias {
            Some(a) => match a.factor {
                Some(1) | None => msg!(
                    "sl401-note-alias",
                    key = &key,
                    other = &earlier_key,
                    line = first_line,
                    new = later_value,
                    old = earlier_value
                ),
                Some(f) => msg!(
                    "sl401-note-alias-factor",
                    key = &key,
                    other = &earlier_key,
                    line = first_line,
                    new = later_value,
                    old = earlier_value,
                    fine = a.key.rsplit('.').next().unwrap_or(a.key),
                    coarse = a.alias.rsplit('.').next().unwrap_or(a.alias),
                    factor = &f.to_string()
                ),
            },
            None => msg!(
                "sl401-note",
                key = &key,
                line = first_line,
                old = earlier_value,
                new = later_value
            ),
        };
        out.push(
            r.later
                .diag("SL401", file_index, setting_span(r.later), message)
                .note(note)
                .label(
                    file_index,
                    setting_span(r.earlier),
                    tr!("sl401-label-first", value = earlier_value),
                )
                .help(msg!("sl401-help", key = &key, value = later_value))
                .unsafe_edit(
                    comment_out_at(file, r.earlier),
                    "# sysctl-lint fix: set again below: ",
                ),
        );
    }
}

/// The fix of SL401 (unsafe: the later value already wins, but the earlier line may
/// be the one meant): turn the earlier line into a comment, at its first non-blank.
fn comment_out_at(file: &crate::lint::FileData, s: &Setting) -> std::ops::Range<usize> {
    let line = file.line(s);
    let at = line.text_start();
    at..at
}
