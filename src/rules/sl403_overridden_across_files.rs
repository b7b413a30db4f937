//! SL403 overridden-across-files: a later file sets a key an earlier file set to
//! another value (the later one wins; SL401 covers repeats within one file).

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::Diagnostic;
use crate::knowledge;
use crate::lint::{Context, Setting};
use crate::{msg, tr};

use super::{headline, Check, Rule};

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
    type Seen<'a> = (usize, &'a Setting, Option<knowledge::Canonical>);
    let mut last: HashMap<(bool, Cow<'_, str>), Seen<'_>> = HashMap::default();
    for (file, s) in cx.settings() {
        let Some(key) = &s.key else { continue };
        if key.is_empty() {
            continue;
        }
        // Two names of one kernel variable are one key (rules/aliases.tsv).
        let canon = knowledge::canonical(s, &cx.options.kernel);
        let path: Cow<'_, str> = canon
            .as_ref()
            .map_or(Cow::Borrowed(key.path()), |c| Cow::Owned(c.path.clone()));
        let id = (key.glob, path);
        let previous = last.remove(&id);
        let alias = matches!((&previous, &canon), (Some((_, _, Some(x))), Some(y)) if x.is_alias != y.is_alias);
        let same = previous.as_ref().is_some_and(|(_, earlier, ce)| {
            super::sl401_duplicate_key::same_value(earlier, ce.as_ref(), s, canon.as_ref())
        });
        last.insert(id, (file, s, canon));
        if let Some((earlier_file, earlier, _)) = previous {
            if earlier_file == file || same {
                continue;
            }
            let ef = cx.file(earlier_file);
            let line = ef.line(earlier).number();
            let key = s.dotted_key().unwrap_or_default();
            let (v, old) = (
                headline::clip(s.value_text(), 10),
                headline::clip(earlier.value_text(), 10),
            );
            let short_file =
                headline::clip(ef.source.name.rsplit('/').next().unwrap_or_default(), 24);
            let message = if alias {
                headline::fit_text("SL403", headline::last(&key), |k| {
                    msg!(
                        "sl403-headline-alias",
                        key = k,
                        value = &v,
                        file = &short_file,
                        line = line
                    )
                })
            } else {
                headline::fit_text("SL403", headline::last(&key), |k| {
                    msg!(
                        "sl403-headline",
                        key = k,
                        value = &v,
                        old = &old,
                        file = &short_file,
                        line = line
                    )
                })
            };
            let note = if alias {
                msg!(
                    "sl403-note-alias",
                    key = &key,
                    new = s.value_text(),
                    other = &earlier.dotted_key().unwrap_or_default(),
                    old = earlier.value_text(),
                    file = &ef.source.name,
                    line = line
                )
            } else {
                msg!(
                    "sl403-note",
                    key = &key,
                    old = earlier.value_text(),
                    file = &ef.source.name,
                    line = line,
                    new = s.value_text()
                )
            };
            out.push(
                s.diag("SL403", file, s.span(), message)
                    .note(note)
                    .label(
                        earlier_file,
                        earlier.span(),
                        tr!("sl403-label", value = earlier.value_text()),
                    )
                    .help(msg!("sl403-help")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{lint, FileData, Options, SourceFile};

    fn sl403(a: &str, b: &str) -> Vec<String> {
        let files = [
            FileData::new(SourceFile::new("10-a.conf", a.as_bytes().to_vec())),
            FileData::new(SourceFile::new("20-b.conf", b.as_bytes().to_vec())),
        ];
        lint(&files, &Options::default())
            .into_iter()
            .filter(|d| d.code == "SL403")
            .map(|d| format!("{} {}", d.message, d.note.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn two_names_of_one_variable_are_one_key() {
        let found = sl403(
            "net.netfilter.nf_conntrack_max = 131072\n",
            "net.nf_conntrack_max = 262144\n",
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0].contains("two names of one kernel variable"),
            "{found:?}"
        );
        // The same value under the other name overrides nothing.
        assert!(sl403(
            "net.ipv4.ip_forward = 1\n",
            "net.ipv4.conf.all.forwarding = 1\n"
        )
        .is_empty());
        // Not every interface's forwarding is ip_forward.
        assert!(sl403(
            "net.ipv4.ip_forward = 1\n",
            "net.ipv4.conf.eth0.forwarding = 0\n"
        )
        .is_empty());
    }
}
