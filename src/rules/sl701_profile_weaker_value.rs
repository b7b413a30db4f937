//! SL701 profile-weaker-value: with `--profile`, a key the profile checks whose
//! winning value in the configuration does not meet the profile's expectation.

use crate::diagnostic::Diagnostic;
use crate::key::Key;
use crate::lint::{Context, Setting};

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
        let written = format!("`{} = {}`", s.key_text().unwrap_or_default(), s.body());
        let subject = if glob {
            format!("{written} sets `{}` to {value}, which", c.key)
        } else {
            written
        };
        out.push(
            s.diag(
                "SL701",
                file,
                conf::value_span(s),
                super::headline::fit("SL701", super::headline::last(&c.key), |k| {
                    format!(
                        "`{k} = {value}`: {} profile wants {}",
                        profile.name, c.expect
                    )
                }),
            )
            .note(format!(
                "{subject} is weaker than the {} profile expects ({}): {}.",
                profile.name, c.expect, c.rationale
            ))
            .key(c.key.clone())
            .help(format!(
                "set `{} = {}`{}",
                c.key,
                c.expect.suggest(Some(value)),
                if glob {
                    " explicitly (an explicit key beats the glob)"
                } else {
                    ""
                }
            )),
        );
    }
}
