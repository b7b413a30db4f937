//! SL702 profile-missing-key: with `--profile`, a key the profile checks that the
//! configuration does not set at all, when the kernel default does not meet the
//! profile (a default that meets it is not reported).

use crate::catalog::{self, Status};
use crate::diagnostic::Diagnostic;
use crate::key::Key;
use crate::lint::Context;
use crate::msg;
use crate::value;

use super::sl530_ip_forward_resets_conf as conf;
use super::sl701_profile_weaker_value::deciding;
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL702",
    check: Check::Config(check),
    supersedes: &[],
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(profile) = cx.options.profile else {
        return;
    };
    // File-level findings go to the last file that could be read.
    let Some(file) = (0..cx.files.len())
        .rev()
        .find(|&i| cx.files[i].read_error.is_none())
    else {
        return;
    };
    let model = conf::model(cx);
    let target = cx.options.kernel.series();
    for c in &profile.checks {
        // Set explicitly (even to something unreadable) or by a glob: not missing.
        if !cx.assignments(&c.key).is_empty() || deciding(cx, &c.key).is_some() {
            continue;
        }
        let key = Key::parse(&c.key);
        let info = catalog::lookup(&key);
        if let Some(i) = info {
            let too_new = i.since.is_some_and(|s| target < s);
            let gone = i.status != Status::Active || i.removed.is_some_and(|r| target >= r);
            if too_new || gone {
                continue; // the target kernel does not have the key
            }
        }
        let (default, state) = match (c.kernel_default, model.implicit_value(key.path())) {
            (_, Some(v)) => (Some(v), "forward"),
            (Some(v), None) => (Some(i128::from(v)), "default"),
            (None, None) => (
                info.and_then(|i| value::parse_int(i.default).ok()),
                "default",
            ),
        };
        let state = match default {
            Some(d) if c.expect.meets(d) => continue,
            Some(_) => state,
            None => "unknown",
        };
        let expect = c.expect.to_string();
        out.push(
            Diagnostic::new(
                "SL702",
                file,
                0..0,
                super::headline::fit_text("SL702", super::headline::last(&c.key), |k| {
                    msg!(
                        "sl702-headline",
                        key = k,
                        profile = &profile.name,
                        expect = &expect
                    )
                }),
            )
            .note(msg!(
                "sl702-note",
                profile = &profile.name,
                key = &c.key,
                expect = &expect,
                state = state,
                default = &default.map(|d| d.to_string()).unwrap_or_default(),
                rationale = &c.rationale
            ))
            .key(c.key.clone())
            .help(msg!(
                "sl702-help",
                key = &c.key,
                suggest = &c.expect.suggest(default).to_string()
            )),
        );
    }
}
