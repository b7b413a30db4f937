//! SL401 duplicate-key and (with SL402) the detection shared by both.

use crate::diagnostic::Diagnostic;
use crate::lint::{Context, LastBy, Setting};

use super::{Check, Rule};

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
}

/// Every assignment that repeats an earlier one of the same normalised key (globs
/// compare with identical globs only: an explicit key beats a glob in any order).
/// [`repeats`] of a file of the configuration, computed once for all files.
pub(super) fn repeats_in<'c, 'a>(cx: &'c Context<'a>, file: usize) -> &'c [Repeat<'a>] {
    &all_repeats(cx)[file]
}

/// [`repeats`] of every file of the configuration, computed once.
pub(super) fn all_repeats<'c, 'a>(cx: &'c Context<'a>) -> &'c [Vec<Repeat<'a>>] {
    cx.shared
        .repeats
        .get_or_init(|| cx.files.iter().map(|f| repeats(&f.settings)).collect())
}

pub(super) fn repeats(settings: &[Setting]) -> Vec<Repeat<'_>> {
    let id = |i: u32| {
        let k = settings[i as usize].key.as_ref();
        (k.is_some_and(|k| k.glob), k.map_or("", |k| k.path()))
    };
    let mut seen = LastBy::with_capacity(settings.len());
    let mut out = Vec::new();
    for (i, s) in settings.iter().enumerate() {
        let Some(key) = s.key.as_ref().filter(|k| !k.is_empty()) else {
            continue;
        };
        // Settings of one file: fewer than u32::MAX (inputs are capped at 64 MiB).
        if let Some(earlier) = seen.insert(i as u32, (key.glob, key.path()), id) {
            let earlier = &settings[earlier as usize];
            out.push(Repeat {
                earlier,
                later: s,
                same_value: normalized(earlier.value_text()) == normalized(s.value_text()),
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
        let first_line = file.line(r.earlier).number();
        out.push(
            r.later
                .diag(
                    "SL401",
                    file_index,
                    setting_span(r.later),
                    format!(
                        "`{key}` is set again: `{}` replaces `{}` from line {first_line}; the later line wins, silently",
                        r.later.value_text(), r.earlier.value_text()
                    ),
                )
                .label(file_index, setting_span(r.earlier), format!("first set to `{}` here", r.earlier.value_text()))
                .help("keep one assignment with the value you mean, and delete the other")
                .unsafe_edit(comment_out_at(file, r.earlier), "# sysctl-lint fix: set again below: "),
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
