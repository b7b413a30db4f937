//! SL403 overridden-across-files: a later file sets a key an earlier file set to
//! another value (the later one wins; SL401 covers repeats within one file).

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::Diagnostic;
use crate::lint::{Context, Setting};

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL403",
    check: Check::Config(check),
    supersedes: &[],
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Within one file, a repeat is SL401's.
    if cx.files.len() < 2 {
        return;
    }
    let mut last: HashMap<(bool, &str), (usize, &Setting)> = HashMap::default();
    for (file, s) in cx.settings() {
        let Some(key) = &s.key else { continue };
        if key.is_empty() {
            continue;
        }
        let id = (key.glob, key.path());
        if let Some((earlier_file, earlier)) = last.insert(id, (file, s)) {
            let same: Vec<&str> = s.value_text().split_whitespace().collect();
            let before: Vec<&str> = earlier.value_text().split_whitespace().collect();
            if earlier_file == file || same == before {
                continue;
            }
            let ef = cx.file(earlier_file);
            let line = ef.line(earlier).number();
            out.push(
                s.diag(
                    "SL403",
                    file,
                    s.span(),
                    format!(
                        "`{}` = `{}` overrides `{}` from {}:{line}: files are applied in order and the later one wins",
                        s.dotted_key().unwrap_or_default(),
                        s.value_text(),
                        earlier.value_text(),
                        ef.source.name
                    ),
                )
                .label(earlier_file, earlier.span(), format!("overridden: `{}` set here", earlier.value_text()))
                .help("intended for a drop-in that adjusts a default; otherwise remove one of the two"),
            );
        }
    }
}
