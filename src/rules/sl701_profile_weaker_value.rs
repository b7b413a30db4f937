//! SL701 profile-weaker-value: with `--profile`, a key the profile checks whose
//! winning value in the configuration does not meet the profile's expectation.

use crate::diagnostic::Diagnostic;
use crate::key::Key;
use crate::lint::{Context, Setting};
use crate::msg;

use super::sl530_ip_forward_resets_conf as conf;
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL701",
    check: Check::Config(check),
    supersedes: &[],
};

/// The assignment that decides a concrete key: the last explicit one, else the
/// last glob that covers it (unless an exclusion or explicit key takes it away).
pub(super) fn deciding<'a>(cx: &Context<'a>, key: &str) -> Option<(usize, &'a Setting, bool)> {
    if let Some((file, s)) = cx.last(key) {
        return Some((file, s, false));
    }
    conf::glob_assignment(cx, Key::parse(key).path()).map(|(file, s)| (file, s, true))
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(profile) = cx.options.profile else {
        return;
    };
    for c in &profile.checks {
        let Some((file, s, glob)) = deciding(cx, &c.key) else {
            continue;
        };
        let Some(value) = conf::int_value(s) else {
            continue; // not a number: the value rules report it
        };
        if c.expect.meets(value) {
            continue;
        }
        let (written_key, written) = (s.key_text().unwrap_or_default(), s.body());
        let (value_text, expect) = (value.to_string(), c.expect.to_string());
        let note = msg!(
            if glob {
                "sl701-note-glob"
            } else {
                "sl701-note"
            },
            written_key = written_key,
            written = written,
            key = &c.key,
            value = &value_text,
            profile = &profile.name,
            expect = &expect,
            rationale = &c.rationale
        );
        let suggest = c.expect.suggest(Some(value)).to_string();
        out.push(
            s.diag(
                "SL701",
                file,
                conf::value_span(s),
                super::headline::fit_text("SL701", super::headline::last(&c.key), |k| {
                    msg!(
                        "sl701-headline",
                        key = k,
                        value = &value_text,
                        profile = &profile.name,
                        expect = &expect
                    )
                }),
            )
            .note(note)
            .key(c.key.clone())
            .help(msg!(
                if glob {
                    "sl701-help-glob"
                } else {
                    "sl701-help"
                },
                key = &c.key,
                suggest = &suggest
            )),
        );
    }
}
