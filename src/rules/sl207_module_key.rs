//! SL207 module-key: keys that exist only once a loadable module is loaded, so at
//! boot they depend on the module being loaded before systemd-sysctl runs.

use crate::catalog::Status;
use crate::diagnostic::Diagnostic;
use crate::lint::{Context, Setting};

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL207",
    check: Check::Config(check),
    supersedes: &[],
};

/// Catalogue `module` values that are not a module one would list in
/// modules-load.d: Yama is a built-in LSM (absent without CONFIG_SECURITY_YAMA), and
/// the binfmt_misc entries appear when its filesystem is mounted, not on load.
const NOT_LOADABLE: &[&str] = &["yama", "binfmt_misc"];

fn module_of(s: &Setting) -> Option<&'static str> {
    let info = s.info()?;
    if info.module.is_empty()
        || NOT_LOADABLE.contains(&info.module)
        || matches!(info.status, Status::Removed | Status::Moved)
    {
        return None;
    }
    Some(info.module)
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Modules in order of their first key, with every key of that module.
    let mut groups: Vec<(&'static str, Vec<(usize, &Setting)>)> = Vec::new();
    for (file, s) in cx.settings() {
        let Some(module) = module_of(s) else { continue };
        if s.key_span().is_none() {
            continue;
        }
        let info = s.info().expect("module_of checked the catalogue entry");
        if info.removed_in(&cx.options.kernel) || info.too_new_for(&cx.options.kernel) {
            continue; // SL202 / SL203 report those
        }
        match groups.iter_mut().find(|(m, _)| *m == module) {
            Some((_, v)) => v.push((file, s)),
            None => groups.push((module, vec![(file, s)])),
        }
    }
    for (module, settings) in groups {
        let (file, first) = settings[0];
        let key = first.dotted_key().unwrap_or_default();
        let others = settings.len() - 1;
        let mut d = first
            .diag(
                "SL207",
                file,
                first.key_span().expect("checked above"),
                crate::msg!(
                    "sl207-headline",
                    name = &super::values::clip(&super::values::last(first), 24),
                    module = &super::values::clip(module, 14)
                ),
            )
            .note(crate::msg!(
                "sl207-note",
                key = &key,
                others = others,
                module = module
            ))
            .help(crate::msg!("sl207-help", module = module));
        // Labels are plain strings: in the run's language.
        for (f, s) in settings.iter().skip(1).take(8) {
            let k = s.dotted_key().unwrap_or_default();
            d = d.label(
                *f,
                s.key_span().expect("checked above"),
                crate::tr!("sl207-label", key = &k, module = module),
            );
        }
        out.push(d);
    }
}
