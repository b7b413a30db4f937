//! SL210 action-key: a one-shot action key in a persistent file (`vm.drop_caches`,
//! `vm.compact_memory`, `net.ipv4.route.flush`; rules/actions.tsv): it does
//! something each time the file is applied and keeps no setting.

use crate::diagnostic::Diagnostic;
use crate::i18n::tr_in;
use crate::knowledge;
use crate::lint::LineContext;

use super::values::{by_lang, data_id, data_text};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL210",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some((s, info, span)) = cx.catalogued() else {
        return;
    };
    let Some(action) = knowledge::actions().iter().find(|a| a.key == info.key) else {
        return;
    };
    let key = s.dotted_key().unwrap_or_default();
    let value = s.body();
    out.push(
        s.diag(
            "SL210",
            cx.file_index,
            span,
            crate::msg!(
                "sl210-headline",
                name = &super::values::clip(&super::values::last(s), 24)
            ),
        )
        .note(by_lang(|lang| {
            let does = data_text(lang, &data_id("action", action.key, ""), action.action);
            tr_in(
                lang,
                "sl210-note",
                &[("key", (&key).into()), ("action", (&does).into())],
            )
        }))
        .severity(action.severity)
        .help(crate::msg!("sl210-help", key = &key, value = value)),
    );
}

#[cfg(test)]
mod table_messages {
    use crate::i18n::{tr_in, Lang};
    use crate::rules::values::data_id;

    /// Every action of rules/actions.tsv has its words in the Fluent files, the
    /// English the same as the table's.
    #[test]
    fn every_action_has_a_message() {
        for a in crate::knowledge::actions() {
            let id = data_id("action", a.key, "");
            assert_eq!(tr_in(Lang::En, &id, &[]), a.action, "{id}");
            let zh = tr_in(Lang::ZhCn, &id, &[]);
            assert!(zh != a.action && zh != id, "{id} has no Chinese");
        }
    }
}
