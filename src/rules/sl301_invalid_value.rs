//! SL301 invalid-value: a value the kernel cannot parse for the key's type.

use crate::catalog::ValueType;
use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;
use crate::value::{self, IntError};

use super::values::{clip, is_quoted, numeric};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL301",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let key = s.key_name().to_string();
    if let Some(n) = numeric(s) {
        let unsigned = n.info.ty == ValueType::UInt;
        for t in n.tokens.iter().take(n.arity) {
            let problem = match value::parse_int(t.text) {
                Ok(v) if unsigned && v < 0 => IntError::Negative,
                Ok(_) => continue,
                Err(e) => e,
            };
            let shown = clip(t.text, 20);
            let (headline, note) = match problem {
                IntError::NotANumber => (
                    crate::msg!("sl301-headline-nan", value = &shown),
                    crate::msg!(
                        "sl301-note-nan",
                        value = &value::elide(t.text, 64),
                        key = &key
                    ),
                ),
                IntError::Negative => (
                    crate::msg!("sl301-headline-negative", value = &shown),
                    crate::msg!("sl301-note-negative", value = t.text, key = &key),
                ),
                IntError::Overflow => (
                    crate::msg!("sl301-headline-overflow", value = &shown),
                    crate::msg!(
                        "sl301-note-overflow",
                        value = &value::elide(t.text, 64),
                        key = &key
                    ),
                ),
            };
            let ty = n.info.ty.name();
            let article = if ty.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            let (ty_id, count) = super::sl103_empty_value::type_selector(n.info.ty);
            out.push(
                s.diag("SL301", cx.file_index, t.span.clone(), headline)
                    .note(note)
                    .help(crate::msg!(
                        "sl301-help",
                        key = &key,
                        ty = ty_id,
                        count = count,
                        name_en = &format!("{article} {ty}")
                    )),
            );
            return;
        }
        return;
    }
    if s.info().is_some_and(|i| i.ty == ValueType::PortList)
        && !s.body().is_empty()
        && !is_quoted(s.body())
    {
        if let Some(bad) = bad_port_list_item(s.body()) {
            out.push(
                s.diag(
                    "SL301",
                    cx.file_index,
                    s.body_span(),
                    crate::msg!("sl301-headline-port", value = &clip(bad, 14)),
                )
                .note(crate::msg!(
                    "sl301-note-port",
                    value = &value::elide(bad, 64),
                    key = &key
                ))
                .help(crate::msg!("sl301-help-port")),
            );
        }
    }
}

/// The first item of a comma list that is not `PORT` or `LOW-HIGH`.
fn bad_port_list_item(body: &str) -> Option<&str> {
    // A trailing comma is accepted by the kernel (measured on 6.18, see SL514).
    body.strip_suffix(',')
        .unwrap_or(body)
        .split(',')
        .map(str::trim)
        .find(|item| {
            let ok = |p: &str| value::parse_int(p).is_ok_and(|v| v >= 0);
            match item.split_once('-') {
                Some((a, b)) => !(ok(a) && ok(b)),
                None => !ok(item),
            }
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn port_lists() {
        assert_eq!(super::bad_port_list_item("8080,9000-9100"), None);
        assert_eq!(super::bad_port_list_item("8080;9000"), Some("8080;9000"));
        assert_eq!(super::bad_port_list_item("80,,81"), Some(""));
    }
}
